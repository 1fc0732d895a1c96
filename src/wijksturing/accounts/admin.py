from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from wijksturing.accounts.models import AuditEvent, Membership, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1


@admin.register(User)
class WijksturingUserAdmin(UserAdmin):
    inlines = [MembershipInline]


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("at", "user", "action", "object_type", "object_id", "municipality_code")
    list_filter = ("action", "municipality_code")
    readonly_fields = [f.name for f in AuditEvent._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
