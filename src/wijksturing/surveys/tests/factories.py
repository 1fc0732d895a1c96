"""A small municipality for the wijkpeiling tests: gemeente GM0202, gebied W1 with two wijken,
and CBS population figures per age group and sex in the monitor (created through its services)."""

from __future__ import annotations

from wijksturing.areas.models import Area, Layout, Municipality
from wijksturing.monitor import services as monitor_services

YEAR = 2023
# wijk -> (15-24, 25-44, 45-64, 65+), (men, women)
POPULATION = {
    "WK020201": ((100, 100, 100, 100), (200, 200)),
    "WK020202": ((50, 150, 100, 100), (190, 210)),
}


def make_municipality() -> Municipality:
    municipality = Municipality.objects.create(code="GM0202", name="Arnhem")
    layout = Layout.objects.create(municipality=municipality, year=YEAR)
    gemeente = Area.objects.create(layout=layout, level="gemeente", code="GM0202", name="Arnhem")
    gebied = Area.objects.create(layout=layout, level="gebied", code="W1", name="Centrum", parent=gemeente)
    wijken = {code: Area.objects.create(layout=layout, level="wijk", code=code, name=f"Wijk {code[-1]}", parent=gebied)
              for code in POPULATION}
    codes = ["a_15_24", "a_25_44", "a_45_64", "a_65_oo", "a_man", "a_vrouw"]
    for code in codes:
        monitor_services.indicator_upsert(code=code, name_nl=code, name_en=code, source="CBS", theme="bevolking",
                                          aggregation="sum")
    rows = []
    for wijk, (ages, sexes) in POPULATION.items():
        for code, value in zip(codes, list(ages) + list(sexes)):
            rows.append((code, wijken[wijk].pk, float(value), None, None))
    monitor_services.observations_replace(year=YEAR, indicator_codes=codes, area_ids=[a.pk for a in wijken.values()],
                                          source="CBS", rows=rows)
    return municipality
