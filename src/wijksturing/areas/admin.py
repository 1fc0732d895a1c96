from django.contrib import admin

from wijksturing.accounts.adminscope import ScopedAdmin
from wijksturing.accounts.services import audit_log
from wijksturing.areas.models import Area, GebiedDefinition, Layout, Municipality, TeamContact
from wijksturing.areas.services import layout_apply_gebieden


@admin.register(Municipality)
class MunicipalityAdmin(ScopedAdmin):
    scope = "code"
    list_display = ("code", "name", "gebied_label")


@admin.register(Layout)
class LayoutAdmin(ScopedAdmin):
    list_display = ("municipality", "year", "source")


@admin.register(Area)
class AreaAdmin(ScopedAdmin):
    scope = "layout__municipality__code"
    scope_roles = ScopedAdmin.scope_roles + ("analyst",)
    list_display = ("code", "name", "level", "layout", "parent")
    list_filter = ("level", "layout")
    search_fields = ("code", "name")
    exclude = ("geometry",)


@admin.register(GebiedDefinition)
class GebiedDefinitionAdmin(ScopedAdmin):
    """Editing a gebied re-applies the grouping to every layout of the municipality."""

    list_display = ("municipality", "code", "name")
    list_filter = ("municipality",)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        for layout in obj.municipality.layouts.all():
            layout_apply_gebieden(layout=layout)
        audit_log(user=request.user, action="gebied_change", obj=obj, municipality_code=obj.municipality.code,
                  changes={"code": obj.code, "wijken": obj.wijk_codes})


@admin.register(TeamContact)
class TeamContactAdmin(ScopedAdmin):
    list_display = ("municipality", "area_code", "name", "role")
    list_filter = ("municipality",)
