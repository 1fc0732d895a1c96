"""factory_boy factories for users and their roles, shared by every app's tests.

``UserFactory()`` makes a resident-like account (no role, not staff); the role helpers make a
staff member with one membership: ``staff_user(role=Role.AREA_TEAM, municipality=m, gebied_code="W1")``
or the shorthands ``administrator(m)``, ``area_team(m, "W1")``, ``social_team(m)``, ``analyst(m)``,
``council(m)``. Tests sign in with ``client.force_login``; every user's password is :data:`PASSWORD`.
"""

from __future__ import annotations

from functools import lru_cache

import factory
from django.conf import settings
from django.contrib.auth.hashers import make_password
from factory.django import DjangoModelFactory

from wijksturing.accounts.models import Membership, Role, User

PASSWORD = "pw-test-123"


@lru_cache(maxsize=4)
def _hash(hashers: tuple[str, ...]) -> str:
    return make_password(PASSWORD)


def _password_hash() -> str:
    """Hashed once per run and hasher setting (the real hasher is slow by design), then shared."""
    return _hash(tuple(settings.PASSWORD_HASHERS))


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.LazyFunction(_password_hash)
    is_staff = False
    is_superuser = False


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory, is_staff=True)
    role = Role.AREA_TEAM
    gebied_code = ""


def staff_user(username: str | None = None, *, role: str | None = None, municipality=None, gebied_code: str = "",
               superuser: bool = False, is_staff: bool = True) -> User:
    """A staff member, with a membership of ``role`` in ``municipality`` (and gebied) when given."""
    fields = {"is_staff": is_staff or superuser, "is_superuser": superuser}
    user = UserFactory(username=username, **fields) if username else UserFactory(**fields)
    if role:
        if municipality is None:
            raise ValueError("a role needs a municipality")
        MembershipFactory(user=user, municipality=municipality, role=role, gebied_code=gebied_code)
    return user


def administrator(municipality, username: str = "admin", **fields) -> User:
    return staff_user(username, role=Role.ADMINISTRATOR, municipality=municipality, **fields)


def area_team(municipality, gebied_code: str, username: str | None = None, **fields) -> User:
    return staff_user(username or f"team_{gebied_code.lower()}", role=Role.AREA_TEAM, municipality=municipality,
                      gebied_code=gebied_code, **fields)


def social_team(municipality, username: str = "social", gebied_code: str = "", **fields) -> User:
    return staff_user(username, role=Role.SOCIAL_TEAM, municipality=municipality, gebied_code=gebied_code, **fields)


def analyst(municipality, username: str = "analyst", **fields) -> User:
    return staff_user(username, role=Role.ANALYST, municipality=municipality, **fields)


def council(municipality, username: str = "council", **fields) -> User:
    return staff_user(username, role=Role.COUNCIL, municipality=municipality, **fields)


def resident(username: str | None = None) -> User:
    """An account without a role (a resident who signed in, e.g. to vote)."""
    return UserFactory(username=username) if username else UserFactory()


__all__ = ["PASSWORD", "MembershipFactory", "Role", "UserFactory", "administrator", "analyst", "area_team",
           "council", "resident", "social_team", "staff_user"]
