"""Builders for the register's tests: Teststad (GM9999) with gebieden W1 and W2 from the
programmes factories, a wijk and a buurt with boundaries in W1, and entries."""

from __future__ import annotations

from wijksturing.areas.models import Area, Level
from wijksturing.organisations import services
from wijksturing.programmes.tests import factories as pf

MUN = pf.MUN
SQUARE = {"type": "Polygon", "coordinates": [[[5.90, 51.97], [5.93, 51.97], [5.93, 51.99], [5.90, 51.99], [5.90, 51.97]]]}


def world() -> dict:
    pf.municipality()
    w1 = Area.objects.get(layout__municipality__code=MUN, code="W1")
    w1.geometry = SQUARE
    w1.save()
    wijk, _ = Area.objects.get_or_create(layout=w1.layout, code="WK999901",
                                         defaults={"level": Level.WIJK, "name": "Spijkerwijk", "parent": w1, "geometry": SQUARE})
    buurt, _ = Area.objects.get_or_create(layout=w1.layout, code="BU99990101",
                                          defaults={"level": Level.BUURT, "name": "Spijkerbuurt", "parent": wijk,
                                                    "geometry": SQUARE})
    return {"w1": w1, "wijk": wijk, "buurt": buurt, "w2": Area.objects.get(layout__municipality__code=MUN, code="W2")}


def organisation(name: str = "Buurtgroen", *, areas=("WK999901",), consent: bool = True, user=None, **kwargs):
    fields = {"kind": "social_enterprise", "description": "Groen en werk in de wijk", "themes": ["green", "work"],
              "contact_name": "Sanne Voorbeeld", "contact_email": "sanne@example.org", "contact_phone": "0612345678",
              "locations": [{"name": "Werkplaats", "address": "Spijkerstraat 1", "city": "Teststad", "province": "Gelderland",
                             "postcode": "6828 AA", "lat": 51.98, "lon": 5.915, "opening_hours": "ma–vr 9–17"}]}
    fields.update(kwargs)
    return services.organisation_register(user=user, municipality_code=MUN, name=name, area_codes=list(areas),
                                          consent_by="Voorzitter Jan" if consent else "", **fields)
