"""Demo staff accounts, one per role, for trying the product locally. Only created when
DEBUG is on; the password comes from WIJKSTURING_DEMO_PASSWORD (default ``demo``)."""

import os

from django.conf import settings

from wijksturing.accounts.models import Role, User
from wijksturing.accounts.services import membership_grant
from wijksturing.areas.selectors import municipality_list

# username -> (role, gebied code or "", superuser); gebied W1 = Centrum–Spijkerkwartier–Arnhemse Broek
#: The e-mail domain that marks a demo account (accounts.backends refuses its sign-in with DEBUG off).
DEMO_EMAIL_DOMAIN = "demo.wijksturing.invalid"

DEMO_USERS = {
    "beheer": (Role.ADMINISTRATOR, "", True),
    "analist": (Role.ANALYST, "", False),
    "gebiedsteam": (Role.AREA_TEAM, "W1", False),
    "sociaalteam": (Role.SOCIAL_TEAM, "", False),
    "raad": (Role.COUNCIL, "", False),
}


def load_demo(*, stdout, offline: bool = False) -> None:
    if not settings.DEBUG:
        stdout.write("  no demo users: DEBUG is off")
        return
    password = os.environ.get("WIJKSTURING_DEMO_PASSWORD", "demo")
    for username, (role, gebied, superuser) in DEMO_USERS.items():
        user, _ = User.objects.get_or_create(username=username, defaults={"is_staff": True})
        user.is_superuser = superuser
        user.is_staff = True
        user.email = f"{username}@{DEMO_EMAIL_DOMAIN}"  # marks a demo account: no sign-in with DEBUG off
        user.set_password(password)
        user.save()
        for municipality in municipality_list():
            if gebied and municipality.code != "GM0202":
                continue
            membership_grant(user=user, municipality=municipality, role=role, gebied_code=gebied)
    stdout.write(f"  demo users: {', '.join(DEMO_USERS)} (password: {password})")
