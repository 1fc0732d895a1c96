from django.contrib import admin

from wijksturing.accounts.adminscope import ScopedAdmin
from wijksturing.signals.models import Category, RetentionRecord, RoutingRule, Signal, Team
from wijksturing.signals.open311 import admin as open311_admin  # noqa: F401  (registers ApiKey)


@admin.register(Team)
class TeamAdmin(ScopedAdmin):
    list_display = ("name", "municipality", "kind", "gebied_code")
    list_filter = ("municipality", "kind")
    filter_horizontal = ("members",)


@admin.register(Category)
class CategoryAdmin(ScopedAdmin):
    list_display = ("name", "parent", "municipality", "deadline_workdays", "team_kind", "department", "is_active")
    list_filter = ("municipality", "team_kind", "is_active")
    search_fields = ("name", "slug")


@admin.register(RoutingRule)
class RoutingRuleAdmin(ScopedAdmin):
    list_display = ("category", "gebied_code", "team", "municipality")


@admin.register(Signal)
class SignalAdmin(ScopedAdmin):
    """Read-only: signals change only through the workflow (the staff pages)."""

    list_display = ("pk", "municipality", "category", "status", "gebied_code", "created_at")
    list_filter = ("municipality", "status")
    exclude = ("token", "photo")

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(RetentionRecord)
class RetentionRecordAdmin(ScopedAdmin):
    scope = "signal__municipality__code"
    list_display = ("signal", "removed_at", "fields")

    def has_change_permission(self, request, obj=None):
        return False
