"""One error format for the whole API: ``{"errors": [{"field": ..., "message": ...}]}``."""

from rest_framework.views import exception_handler as drf_exception_handler


def _flatten(detail, prefix=""):
    if isinstance(detail, dict):
        for key, value in detail.items():
            yield from _flatten(value, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(detail, list):
        for item in detail:
            yield from _flatten(item, prefix)
    else:
        yield {"field": prefix or None, "message": str(detail)}


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is not None and not getattr(context.get("view"), "native_errors", False):
        response.data = {"errors": list(_flatten(response.data))}
    return response
