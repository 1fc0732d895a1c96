from django.contrib import admin

from wijksturing.areas.models import Area, GebiedDefinition, Layout, Municipality, TeamContact


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "gebied_label")


@admin.register(Layout)
class LayoutAdmin(admin.ModelAdmin):
    list_display = ("municipality", "year", "source")


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "level", "layout", "parent")
    list_filter = ("level", "layout")
    search_fields = ("code", "name")
    exclude = ("geometry",)


@admin.register(GebiedDefinition)
class GebiedDefinitionAdmin(admin.ModelAdmin):
    list_display = ("municipality", "code", "name")
    list_filter = ("municipality",)


@admin.register(TeamContact)
class TeamContactAdmin(admin.ModelAdmin):
    list_display = ("municipality", "area_code", "name", "role")
    list_filter = ("municipality",)
