"""Pages of API lists.

:class:`Pagination`: limit/offset pages of at most 1000 rows. The total is counted on the first page
(offset 0) and kept for a minute for the later pages of the same query, so a client walking through a
whole list does not count it again on every page.

:class:`KeysetPagination`: for the long lists (figures, index values): pages follow the primary key
(``WHERE id > last ORDER BY id LIMIT n``, an index walk) through an opaque ``cursor``, so the last
page of twenty million figures costs what the first does, where an offset makes the database read
and throw away every row before it. The response keeps the shape of the offset pages
(``count``, ``next``, ``previous``, ``results``); ``count`` is counted on the first page and taken
from the cache on the following ones (empty when it expired). A request with ``offset`` still gets
a limit/offset page, in the same order."""

import hashlib

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from rest_framework.pagination import CursorPagination, LimitOffsetPagination
from rest_framework.response import Response

COUNT_SECONDS = 60


def _count_key(queryset) -> str | None:
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:
        return ""
    except Exception:  # noqa: BLE001 — not a plain query
        return None
    return "api:count:" + hashlib.sha256(f"{queryset.db}:{sql}:{params!r}".encode()).hexdigest()


class Pagination(LimitOffsetPagination):
    default_limit = 100
    max_limit = 1000

    def get_count(self, queryset) -> int:
        key = _count_key(queryset)
        if key == "":
            return 0
        if key is None:
            return super().get_count(queryset)
        count = cache.get(key) if self.get_offset(self.request) > 0 else None
        if count is None:
            count = super().get_count(queryset)
            cache.set(key, count, COUNT_SECONDS)
        return count


class KeysetPagination(CursorPagination):
    ordering = "pk"
    page_size = 100
    page_size_query_param = "limit"
    max_page_size = 1000
    offset_pager: Pagination | None = None

    def paginate_queryset(self, queryset, request, view=None):
        queryset = queryset.order_by("pk")
        if "offset" in request.query_params:
            self.offset_pager = Pagination()
            return self.offset_pager.paginate_queryset(queryset, request, view)
        self.offset_pager = None
        key = _count_key(queryset)
        if key == "":
            self.count = 0
        elif request.query_params.get(self.cursor_query_param):
            self.count = cache.get(key) if key else None
        else:
            self.count = queryset.count()
            if key:
                cache.set(key, self.count, COUNT_SECONDS)
        return super().paginate_queryset(queryset, request, view)

    def get_paginated_response(self, data):
        if self.offset_pager is not None:
            return self.offset_pager.get_paginated_response(data)
        return Response({"count": self.count, "next": self.get_next_link(), "previous": self.get_previous_link(),
                         "results": data})

    def get_paginated_response_schema(self, schema):
        response = super().get_paginated_response_schema(schema)
        response["required"] = ["count", "results"]
        response["properties"] = {
            "count": {"type": "integer", "nullable": True, "example": 123,
                      "description": "Number of rows of the whole list: counted on the first page, empty on a "
                                     "later page when no longer cached."},
            **response["properties"],
        }
        return response

    def get_schema_operation_parameters(self, view):
        return [*super().get_schema_operation_parameters(view), {
            "name": "offset", "required": False, "in": "query",
            "description": "Instead of a cursor: the number of rows to skip (slow far into a long list; follow `next`).",
            "schema": {"type": "integer"},
        }]
