"""Analysts maintain the catalogue in the admin (publish or withdraw an indicator, fix a label);
the import history is read-only."""

from django.contrib import admin

from wijksturing.monitor.models import ImportRun, IndexComponent, IndexDimension, Indicator


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ("code", "name_nl", "theme", "unit", "aggregation", "direction", "context", "published")
    list_filter = ("theme", "aggregation", "direction", "context", "published")
    list_editable = ("published",)
    search_fields = ("code", "name_nl", "name_en")
    readonly_fields = ("keys",)


class IndexComponentInline(admin.TabularInline):
    model = IndexComponent
    extra = 0


@admin.register(IndexDimension)
class IndexDimensionAdmin(admin.ModelAdmin):
    list_display = ("code", "name_nl", "weight", "order")
    inlines = [IndexComponentInline]


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ("started_at", "kind", "source", "status", "rows", "observations", "user")
    list_filter = ("kind", "status")
    readonly_fields = [f.name for f in ImportRun._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
