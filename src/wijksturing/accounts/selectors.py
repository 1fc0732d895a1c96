"""Reads of the accounts app: who may do what, per municipality and gebied."""

from __future__ import annotations

from collections.abc import Iterable

from wijksturing.accounts.models import Membership, Role

STAFF_ROLES = (Role.ADMINISTRATOR, Role.ANALYST, Role.AREA_TEAM, Role.SOCIAL_TEAM)


def user_roles(*, user, municipality_code: str) -> set[str]:
    if not getattr(user, "is_authenticated", False):
        return set()
    if user.is_superuser:
        return set(Role.values)
    return set(
        Membership.objects.filter(user=user, municipality__code=municipality_code).values_list("role", flat=True)
    )


def user_has_role(*, user, municipality_code: str, roles: Iterable[str], gebied_code: str | None = None) -> bool:
    """True when the user has one of ``roles`` in the municipality; with ``gebied_code`` an
    area-team membership limited to another gebied does not count."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    qs = Membership.objects.filter(user=user, municipality__code=municipality_code, role__in=list(roles))
    if gebied_code is not None:
        qs = qs.filter(gebied_code__in=["", gebied_code])
    return qs.exists()


def user_is_staff_of(*, user, municipality_code: str) -> bool:
    return user_has_role(user=user, municipality_code=municipality_code, roles=STAFF_ROLES + (Role.COUNCIL,))


def user_municipality_codes(*, user) -> list[str]:
    if not getattr(user, "is_authenticated", False):
        return []
    if user.is_superuser:  # every municipality, through the membership's foreign key (accounts sits below areas)
        municipalities = Membership._meta.get_field("municipality").related_model.objects.order_by("name")
        return list(municipalities.values_list("code", flat=True))
    return sorted(set(Membership.objects.filter(user=user).values_list("municipality__code", flat=True)))


def user_gebied_codes(*, user, municipality_code: str, roles: Iterable[str]) -> set[str] | None:
    """The gebieden the user may act on with ``roles``; None means all of the municipality."""
    if getattr(user, "is_superuser", False):
        return None
    codes = set(
        Membership.objects.filter(user=user, municipality__code=municipality_code, role__in=list(roles)).values_list(
            "gebied_code", flat=True
        )
    )
    if "" in codes:
        return None
    return codes


def user_emails_with_role(*, municipality_code: str, roles: Iterable[str], gebied_code: str | None = None) -> list[str]:
    """The e-mail addresses of the active users with one of ``roles`` in the municipality; with
    ``gebied_code`` only those of that gebied or of the whole municipality (as in user_has_role)."""
    qs = (Membership.objects.filter(municipality__code=municipality_code, role__in=list(roles), user__is_active=True)
          .exclude(user__email=""))
    if gebied_code is not None:
        qs = qs.filter(gebied_code__in=["", gebied_code])
    return sorted(set(qs.values_list("user__email", flat=True)))
