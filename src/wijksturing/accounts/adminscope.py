"""The Django admin, limited to the administrator's own municipalities.

Every ModelAdmin of the project derives from :class:`ScopedAdmin` and names the path from its
model to a municipality code (``scope = "municipality__code"``). For anyone but a superuser:

* the change list, the object pages, deletions and bulk actions see only rows of the
  municipalities where the user is an administrator (analysts: the catalogue they maintain);
* every foreign-key and many-to-many choice (municipality, team, category, user, …) is limited
  the same way, so a form cannot point a row at another municipality;
* models without a municipality (``scope = None``: the shared indicator catalogue) can only be
  read, unless the model admin says otherwise;
* every addition, change and deletion is written to the audit trail (``accounts.services.audit_log``)
  with the names of the changed fields, never their values.

The admin site itself (:func:`admin_site_has_permission`) opens only for active superusers and
users with the administrator or analyst role; other staff roles work in the application's pages.
"""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Q

from wijksturing.accounts.models import Membership, Role
from wijksturing.accounts.services import audit_log

ADMIN_ROLES = (Role.ADMINISTRATOR, Role.ANALYST)


def admin_codes(user, roles=(Role.ADMINISTRATOR,)) -> set[str]:
    """Codes of the municipalities where ``user`` has one of ``roles`` (cached on the user object)."""
    key = "_wijksturing_admin_codes_" + "_".join(sorted(roles))
    if not hasattr(user, key):
        codes = set(Membership.objects.filter(user=user, role__in=list(roles)).values_list("municipality__code", flat=True))
        setattr(user, key, codes)
    return getattr(user, key)


def admin_site_has_permission(request) -> bool:
    user = request.user
    if not (user.is_active and user.is_authenticated and user.is_staff):
        return False
    return user.is_superuser or bool(admin_codes(user, ADMIN_ROLES))


admin.site.has_permission = admin_site_has_permission


def _municipality_of(obj, scope: str):
    """The municipality code on ``scope`` of ``obj``; a set of codes across a to-many relation."""
    value = obj
    parts = scope.split("__")
    for n, part in enumerate(parts):
        value = getattr(value, part, None)
        if value is None:
            return None
        if hasattr(value, "values_list"):  # a to-many relation: the codes of all its rows
            rest = "__".join(parts[n + 1:])
            return set(value.values_list(rest, flat=True)) if rest else set(value.all())
    return value


def _changed_fields(message) -> list[str]:
    fields: list[str] = []
    if isinstance(message, list):
        for entry in message:
            for detail in entry.values():
                if isinstance(detail, dict):
                    fields += [str(f) for f in detail.get("fields", [])]
                    if "name" in detail:  # an inline row: its model name, not its text
                        fields.append(str(detail["name"]))
    return fields


class ScopedAdmin(admin.ModelAdmin):
    scope: str | None = "municipality__code"
    scope_roles = (Role.ADMINISTRATOR,)
    #: model admins that may be written by non-superusers although they have no municipality
    global_writable = False

    # --- the rows one may see -------------------------------------------------------------
    def scope_filter(self, request) -> Q | None:
        """None: no limit (superuser). Otherwise a Q that keeps the user's municipalities."""
        if request.user.is_superuser:
            return None
        codes = admin_codes(request.user, self.scope_roles)
        if self.scope is None:
            return Q() if codes else Q(pk__in=[])
        return Q(**{f"{self.scope}__in": codes})

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        condition = self.scope_filter(request)
        return qs if condition is None else qs.filter(condition).distinct()

    def in_scope(self, request, obj) -> bool:
        if obj is None or request.user.is_superuser:
            return True
        if self.scope is None:
            return bool(admin_codes(request.user, self.scope_roles))
        codes = admin_codes(request.user, self.scope_roles)
        value = _municipality_of(obj, self.scope)
        if isinstance(value, set):
            return bool(value) and value <= codes
        return value in codes

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self.in_scope(request, obj)

    def has_change_permission(self, request, obj=None):
        if self.scope is None and not self.global_writable and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj) and self.in_scope(request, obj)

    def has_delete_permission(self, request, obj=None):
        if self.scope is None and not self.global_writable and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj) and self.in_scope(request, obj)

    def has_add_permission(self, request):
        if self.scope is None and not self.global_writable and not request.user.is_superuser:
            return False
        return super().has_add_permission(request)

    # --- the choices one may make ---------------------------------------------------------
    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        return scope_choices(field, request)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        return scope_choices(field, request)

    # --- the audit trail ------------------------------------------------------------------
    def _audit(self, request, obj, action: str, fields: list[str] | None = None) -> None:
        code = ""
        if self.scope:
            value = _municipality_of(obj, self.scope)
            code = sorted(value)[0] if isinstance(value, set) and value else (value if isinstance(value, str) else "")
        audit_log(user=request.user, action=action, obj=obj, municipality_code=(code or "")[:6],
                  changes={"model": obj._meta.label, "fields": fields or []})

    def construct_change_message(self, request, form, formsets, add=False):
        # field names (not their labels, never their values) for the audit event
        request._wijksturing_changed = list(form.changed_data) + [
            formset.model._meta.model_name for formset in formsets or [] if formset.has_changed()]
        return super().construct_change_message(request, form, formsets, add)

    def _fields(self, request, message) -> list[str]:
        return getattr(request, "_wijksturing_changed", None) or _changed_fields(message)

    def log_addition(self, request, obj, message):
        self._audit(request, obj, "admin_add", self._fields(request, message))
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        self._audit(request, obj, "admin_change", self._fields(request, message))
        return super().log_change(request, obj, message)

    def log_deletions(self, request, queryset):
        for obj in queryset:
            self._audit(request, obj, "admin_delete")
        return super().log_deletions(request, queryset)


def scope_choices(field, request):
    """Limit a form field's queryset to the municipalities the user administers."""
    if field is None or request.user.is_superuser or not hasattr(field, "queryset"):
        return field
    codes = admin_codes(request.user, ADMIN_ROLES)
    model = field.queryset.model
    path = CHOICE_SCOPES.get(model._meta.label)
    if path is None:
        return field
    field.queryset = field.queryset.filter(**{f"{path}__in": codes}).distinct()
    return field


#: how a choice of each model is tied to a municipality
CHOICE_SCOPES = {
    "areas.Municipality": "code",
    "areas.Layout": "municipality__code",
    "areas.Area": "layout__municipality__code",
    "areas.GebiedDefinition": "municipality__code",
    "accounts.User": "memberships__municipality__code",
    "signals.Team": "municipality__code",
    "signals.Category": "municipality__code",
    "signals.Signal": "municipality__code",
}


class ScopedInline:
    """Mixin for inlines: rows and choices of the administrator's municipalities only."""

    scope = "municipality__code"

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if request.user.is_superuser:
            return qs
        return qs.filter(**{f"{self.scope}__in": admin_codes(request.user, ADMIN_ROLES)})

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        return scope_choices(super().formfield_for_foreignkey(db_field, request, **kwargs), request)
