"""Model permissions from roles, so that the Django admin follows the roles of accounts.Membership:
an administrator (in any municipality) manages every wijksturing model; an analyst maintains the
indicator catalogue and reads the import history. Other roles work in the application's own pages."""

import os

from django.conf import settings
from django.contrib.auth.backends import BaseBackend
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend

from wijksturing.accounts.demo import DEMO_EMAIL_DOMAIN, DEMO_USERS
from wijksturing.accounts.models import Membership, Role

ANALYST_PERMISSIONS = {"monitor.view_indicator", "monitor.change_indicator", "monitor.view_importrun",
                       "monitor.view_indexdimension", "areas.view_area", "areas.view_layout"}
WIJKSTURING_APPS = {"accounts", "areas", "monitor", "programmes", "budgets", "participation", "signals", "reports"}


class RoleBackend(BaseBackend):
    def _roles(self, user) -> set[str]:
        if not (user.is_active and user.is_staff):
            return set()
        if not hasattr(user, "_wijksturing_roles"):
            user._wijksturing_roles = set(Membership.objects.filter(user=user).values_list("role", flat=True))
        return user._wijksturing_roles

    def has_perm(self, user_obj, perm, obj=None) -> bool:
        roles = self._roles(user_obj)
        if Role.ADMINISTRATOR in roles and perm.split(".", 1)[0] in WIJKSTURING_APPS:
            return True
        return Role.ANALYST in roles and perm in ANALYST_PERMISSIONS

    def has_module_perms(self, user_obj, app_label) -> bool:
        roles = self._roles(user_obj)
        if Role.ADMINISTRATOR in roles:
            return app_label in WIJKSTURING_APPS
        return Role.ANALYST in roles and app_label in {"monitor", "areas"}


class ModelBackend(DjangoModelBackend):
    """Django's user-name and password sign-in, except that the demo accounts (accounts/demo.py)
    cannot sign in with DEBUG off: a database once loaded with the demo must not open production
    to ``beheer``/``demo``."""

    def user_can_authenticate(self, user) -> bool:
        return super().user_can_authenticate(user) and (settings.DEBUG or not is_demo_account(user))

    def authenticate(self, request, username=None, password=None, **kwargs):
        demo_passwords = {"demo", os.environ.get("WIJKSTURING_DEMO_PASSWORD", "demo")}
        if not settings.DEBUG and username in DEMO_USERS and password in demo_passwords:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def is_demo_account(user) -> bool:
    return (user.email or "").endswith("@" + DEMO_EMAIL_DOMAIN)
