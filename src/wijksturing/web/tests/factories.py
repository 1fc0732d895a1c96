"""A tiny municipality for the web and reports tests: GM9999 with one gebied (W1), one wijk
and two square buurten, two indicators with figures for 2021 and 2024, an index and a team."""

from __future__ import annotations

import datetime as dt

from wijksturing.accounts.models import Role
from wijksturing.areas.models import Area, Layout, Level, Municipality, TeamContact
from wijksturing.monitor.models import (
    Aggregation,
    Direction,
    ImportRun,
    ImportStatus,
    IndexComponent,
    IndexDimension,
    IndexValue,
    Indicator,
    Observation,
)

LON, LAT = 5.90, 51.98  # Arnhem-ish


def square(x0: float, y0: float, size: float = 0.01) -> dict:
    return {"type": "Polygon", "coordinates": [[[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]]]}


def union(*squares: dict) -> dict:
    return {"type": "MultiPolygon", "coordinates": [s["coordinates"] for s in squares]}


def make_world(*, year: int = 2024) -> dict:
    m = Municipality.objects.create(code="GM9999", name="Teststad", theme_colour="#ffcc00", gebied_label="stadsdeel")
    layout = Layout.objects.create(municipality=m, year=year)
    b1, b2 = square(LON, LAT), square(LON + 0.01, LAT)
    w = union(b1, b2)
    gem = Area.objects.create(layout=layout, level=Level.GEMEENTE, code="GM9999", name="Teststad", geometry=w)
    geb = Area.objects.create(layout=layout, level=Level.GEBIED, code="W1", name="Centrum-Oost", parent=gem, geometry=w)
    wijk = Area.objects.create(layout=layout, level=Level.WIJK, code="WK999901", name="Oude Stad", parent=geb, geometry=w)
    bu1 = Area.objects.create(layout=layout, level=Level.BUURT, code="BU99990101", name="Marktbuurt", parent=wijk, geometry=b1)
    bu2 = Area.objects.create(layout=layout, level=Level.BUURT, code="BU99990102", name="Havenbuurt", parent=wijk, geometry=b2)
    inw = Indicator.objects.create(code="a_inw", name_nl="Aantal inwoners", name_en="Inhabitants", source="CBS",
                                   unit="aantal", theme="bevolking", aggregation=Aggregation.SUM, context=True)
    woz = Indicator.objects.create(code="g_woz", name_nl="Gemiddelde WOZ-waarde", name_en="Average WOZ value",
                                   source="CBS", unit="x 1 000 euro", theme="wonen", aggregation=Aggregation.WEIGHTED_MEAN,
                                   direction=Direction.HIGHER_BETTER)
    run = ImportRun.objects.create(kind="file", source="test.csv", status=ImportStatus.SUCCEEDED, progress=1.0)
    values = {  # code: {year: (a_inw, g_woz)}
        "GM9999": {2021: (3000, 250), 2024: (3300, 300)},
        "W1": {2021: (3000, 250), 2024: (3300, 300)},
        "WK999901": {2021: (3000, 250), 2024: (3300, 300)},
        "BU99990101": {2021: (1000, 200), 2024: (1100, 210)},
        "BU99990102": {2021: (2000, 275), 2024: (2200, 345)},
    }
    areas = {a.code: a for a in (gem, geb, wijk, bu1, bu2)}
    for code, by_year in values.items():
        for yr, (n, v) in by_year.items():
            Observation.objects.create(indicator=inw, area=areas[code], year=yr, value=n, source="CBS Kerncijfers",
                                       source_date=dt.date(2025, 6, 1), import_run=run)
            Observation.objects.create(indicator=woz, area=areas[code], year=yr, value=v, source="CBS Kerncijfers",
                                       source_date=dt.date(2025, 6, 1), import_run=run)
    # three dimensions: an index on fewer is not published as one number
    wonen = IndexDimension.objects.create(code="wonen", name_nl="Wonen", name_en="Housing", order=1)
    IndexDimension.objects.create(code="voorzieningen", name_nl="Voorzieningen", name_en="Facilities", order=2)
    IndexDimension.objects.create(code="veiligheid", name_nl="Overlast en veiligheid", name_en="Nuisance and safety", order=3)
    IndexComponent.objects.create(dimension=wonen, indicator=woz)
    for code, (value, behind, falling) in {"GM9999": (100, False, False), "W1": (100, False, False),
                                           "WK999901": (100, False, False), "BU99990101": (86, True, True),
                                           "BU99990102": (108, False, False)}.items():
        IndexValue.objects.create(area=areas[code], year=2024, base_year=2024, value=value,
                                  dimensions={"wonen": value, "voorzieningen": value, "veiligheid": value},
                                  used=[["g_woz", 2024]], behind=behind, falling=falling,
                                  change_per_year=-2.5 if falling else 0.5)
    TeamContact.objects.create(municipality=m, area_code="W1", name="Sanne de Vries", role="Gebiedsmanager",
                               email="gebied.w1@teststad.example")
    return {"municipality": m, "layout": layout, "run": run, **areas}


__all__ = ["Role", "make_world"]
