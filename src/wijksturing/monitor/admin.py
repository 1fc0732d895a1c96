"""Analysts maintain the catalogue in the admin (publish or withdraw an indicator, fix a label);
the import history is read-only."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from wijksturing.accounts.adminscope import ADMIN_ROLES, ScopedAdmin, admin_codes
from wijksturing.monitor.models import ImportRun, IndexComponent, IndexDimension, Indicator
from wijksturing.monitor.selectors import source_name


@admin.register(Indicator)
class IndicatorAdmin(ScopedAdmin):
    """The shared catalogue: analysts and administrators of a municipality maintain it."""

    scope = None
    scope_roles = ADMIN_ROLES
    global_writable = True
    list_display = ("code", "name_nl", "theme", "unit", "aggregation", "direction", "context", "published")
    list_filter = ("theme", "aggregation", "direction", "context", "published")
    list_editable = ("published",)
    search_fields = ("code", "name_nl", "name_en")
    readonly_fields = ("keys",)


class IndexComponentInline(admin.TabularInline):
    model = IndexComponent
    extra = 0


@admin.register(IndexDimension)
class IndexDimensionAdmin(ScopedAdmin):
    scope = None
    scope_roles = ADMIN_ROLES
    list_display = ("code", "name_nl", "weight", "order")
    inlines = [IndexComponentInline]


@admin.register(ImportRun)
class ImportRunAdmin(ScopedAdmin):
    """Runs of the user's municipalities only; the server path of the source only for superusers."""

    scope = None
    scope_roles = ADMIN_ROLES
    list_display = ("started_at", "kind", "source_name", "status", "rows", "observations", "user")
    list_filter = ("kind", "status")

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if request.user.is_superuser:
            return qs
        codes = admin_codes(request.user, self.scope_roles)
        # a JSON list, filtered here (SQLite and PostgreSQL alike); empty = a national import
        ids = [pk for pk, runs in qs.values_list("pk", "municipalities") if not runs or set(runs) & codes]
        return qs.filter(pk__in=ids)

    def get_readonly_fields(self, request, obj=None):
        fields = [f.name for f in ImportRun._meta.fields]
        return fields if request.user.is_superuser else [f for f in fields if f != "source"] + ["source_name"]

    def get_fields(self, request, obj=None):
        return self.get_readonly_fields(request, obj)

    @admin.display(description=_("file or address"))
    def source_name(self, obj):
        return source_name(obj.source)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
