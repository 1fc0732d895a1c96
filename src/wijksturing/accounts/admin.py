"""Users, their roles and the audit trail in the admin, limited to the administrator's
municipalities (see :mod:`accounts.adminscope`). Superuser, staff, group, permission and role
fields are editable by superusers only, so a municipal administrator cannot raise anyone's
rights — their own included — nor reach another municipality."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from wijksturing.accounts.adminscope import ScopedAdmin, ScopedInline, admin_codes
from wijksturing.accounts.models import AuditEvent, Membership, User

SUPERUSER_ONLY_FIELDS = ("is_superuser", "is_staff", "groups", "user_permissions", "last_login", "date_joined")


class MembershipInline(ScopedInline, admin.TabularInline):
    model = Membership
    extra = 1

    def get_extra(self, request, obj=None, **kwargs):
        return 1 if request.user.is_superuser else 0

    def has_add_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(User)
class WijksturingUserAdmin(ScopedAdmin, UserAdmin):
    scope = "memberships__municipality__code"
    inlines = [MembershipInline]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return fields if request.user.is_superuser else fields + list(SUPERUSER_ONLY_FIELDS)

    def has_add_permission(self, request):
        # a new account gets its role from a superuser; a municipal administrator could not see it
        return request.user.is_superuser

    def in_scope(self, request, obj) -> bool:
        if obj is None or request.user.is_superuser:
            return True
        codes = admin_codes(request.user)
        theirs = set(obj.memberships.values_list("municipality__code", flat=True))
        return bool(theirs) and bool(theirs & codes)

    def has_change_permission(self, request, obj=None):
        """Change (and set the password of) a user only when every one of their roles is in the
        administrator's municipalities and they are not a superuser."""
        if not super().has_change_permission(request, obj):
            return False
        if obj is None or request.user.is_superuser:
            return True
        theirs = set(obj.memberships.values_list("municipality__code", flat=True))
        return not obj.is_superuser and theirs <= admin_codes(request.user)

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj) and super().has_delete_permission(request, obj)


@admin.register(AuditEvent)
class AuditEventAdmin(ScopedAdmin):
    scope = "municipality_code"
    list_display = ("at", "user", "action", "object_type", "object_id", "municipality_code")
    list_filter = ("action", "municipality_code")
    readonly_fields = [f.name for f in AuditEvent._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
