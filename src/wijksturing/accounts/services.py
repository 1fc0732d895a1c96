"""Writes of the accounts app: memberships and the audit trail."""

from __future__ import annotations

from typing import Any

from wijksturing.accounts.models import AuditEvent, Membership, Role, User


def audit_log(
    *, user: User | None, action: str, obj: Any, municipality_code: str = "", changes: dict | None = None
) -> AuditEvent:
    """Append an audit event. Call it from every service that changes data. Never pass personal data in ``changes``."""
    return AuditEvent.objects.create(
        user=user if (user is not None and user.is_authenticated) else None,
        action=action,
        object_type=type(obj).__name__ if not isinstance(obj, str) else obj,
        object_id=str(getattr(obj, "pk", "") or ""),
        municipality_code=municipality_code,
        changes=changes or {},
    )


def membership_grant(*, user: User, municipality, role: str, gebied_code: str = "", by: User | None = None) -> Membership:
    if role not in Role.values:
        raise ValueError(f"Unknown role {role!r}")
    membership, _ = Membership.objects.get_or_create(user=user, municipality=municipality, role=role, gebied_code=gebied_code)
    audit_log(user=by, action="membership_grant", obj=membership, municipality_code=municipality.code,
              changes={"user": user.username, "role": role, "gebied": gebied_code})
    return membership


def user_create(*, username: str, password: str, is_staff: bool = True, **fields) -> User:
    user = User(username=username, is_staff=is_staff, **fields)
    user.set_password(password)
    user.full_clean()
    user.save()
    return user
