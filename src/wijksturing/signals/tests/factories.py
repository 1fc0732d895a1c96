"""A tiny municipality (GM9999) with two gebieden, two wijken and two square buurten, its
categories, teams and users of every role."""

from __future__ import annotations

from wijksturing.accounts.models import User
from wijksturing.accounts.tests.factories import administrator, analyst, area_team, council, social_team, staff_user
from wijksturing.areas.models import Area, Layout, Level, Municipality
from wijksturing.signals.models import Category, Team, TeamKind

CODE = "GM9999"


def square(lon: float, lat: float, size: float = 0.01) -> dict:
    return {"type": "Polygon", "coordinates": [[[lon, lat], [lon + size, lat], [lon + size, lat + size],
                                                [lon, lat + size], [lon, lat]]]}


def make_municipality(code: str = CODE, name: str = "Proefstad", lon0: float = 5.0) -> Municipality:
    municipality = Municipality.objects.create(code=code, name=name)
    layout = Layout.objects.create(municipality=municipality, year=2024)
    gemeente = Area.objects.create(layout=layout, level=Level.GEMEENTE, code=code, name=name)
    for n in (1, 2):
        gebied = Area.objects.create(layout=layout, level=Level.GEBIED, code=f"G{n}", name=f"Gebied {n}", parent=gemeente)
        wijk = Area.objects.create(layout=layout, level=Level.WIJK, code=f"WK{code[2:]}0{n}", name=f"Wijk {n}", parent=gebied)
        geometry = square(lon0 + (n - 1) * 0.01, 52.0)
        Area.objects.create(layout=layout, level=Level.BUURT, code=f"BU{code[2:]}0{n}01", name=f"Buurt {n}", parent=wijk,
                            geometry=geometry, min_lon=lon0 + (n - 1) * 0.01, min_lat=52.0,
                            max_lon=lon0 + n * 0.01, max_lat=52.01)
    main = Category.objects.create(municipality=municipality, slug="afval", name="Afval", team_kind=TeamKind.DEPARTMENT)
    Category.objects.create(municipality=municipality, parent=main, slug="dumping", name="Dumping", deadline_workdays=1,
                            team_kind=TeamKind.DEPARTMENT, department="Reiniging",
                            handling_message="We pakken uw melding binnen 1 werkdag op.")
    groen = Category.objects.create(municipality=municipality, slug="groen", name="Groen", team_kind=TeamKind.AREA_TEAM)
    Category.objects.create(municipality=municipality, parent=groen, slug="boom", name="Boom", deadline_workdays=5,
                            team_kind=TeamKind.AREA_TEAM)
    zorg = Category.objects.create(municipality=municipality, slug="zorg", name="Zorg", team_kind=TeamKind.SOCIAL_TEAM)
    Category.objects.create(municipality=municipality, parent=zorg, slug="zorg-om-buurtbewoner", name="Zorg om bewoner",
                            deadline_workdays=3, team_kind=TeamKind.SOCIAL_TEAM)
    Team.objects.create(municipality=municipality, code="reiniging", name="Reiniging", kind=TeamKind.DEPARTMENT)
    for n in (1, 2):
        Team.objects.create(municipality=municipality, code=f"area-g{n}", name=f"Gebiedsteam {n}",
                            kind=TeamKind.AREA_TEAM, gebied_code=f"G{n}")
        Team.objects.create(municipality=municipality, code=f"social-g{n}", name=f"Sociaal wijkteam {n}",
                            kind=TeamKind.SOCIAL_TEAM, gebied_code=f"G{n}")
    return municipality


def make_users(municipality: Municipality) -> dict[str, User]:
    users = {
        "admin": administrator(municipality, "admin"),
        "area_g1": area_team(municipality, "G1", "area_g1"),
        "area_g2": area_team(municipality, "G2", "area_g2"),
        "social": social_team(municipality, "social"),
        "analyst": analyst(municipality, "analyst"),
        "council": council(municipality, "council"),
        "cleaner": staff_user("cleaner"),  # no role: a member of the cleaning department's team only
    }
    Team.objects.get(municipality=municipality, code="reiniging").members.add(users["cleaner"])
    return users


def image_bytes(fmt: str = "PNG", size: tuple[int, int] = (8, 6), exif_gps: bool = False) -> bytes:
    """A real small image; with ``exif_gps`` a JPEG carrying a camera make and a GPS position."""
    import io

    from PIL import Image

    image = Image.new("RGB", size, (200, 30, 30))
    out = io.BytesIO()
    if exif_gps:
        exif = Image.Exif()
        exif[0x010F] = "Proefcamera"  # Make
        exif[0x8825] = {1: "N", 2: (52.0, 0.0, 18.0), 3: "E", 4: (5.0, 0.0, 18.0)}  # GPS IFD
        image.save(out, format=fmt, exif=exif)
    else:
        image.save(out, format=fmt)
    return out.getvalue()
