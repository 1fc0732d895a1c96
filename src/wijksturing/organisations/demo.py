"""Demo entries for Arnhem, after the strengths the real area programme of Centrum,
Spijkerkwartier en Arnhemse Broek names (../shared/seeds: the buurtgroenbedrijf in the
Spijkerkwartier, the existing meeting places, sociale wijkondernemingen). Every entry is marked
illustrative; names of people, e-mail addresses and phone numbers are made up. One entry has no
consent (not public) and one was last confirmed two years ago (stale), to show both."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from shapely.geometry import shape

from wijksturing.areas.models import Level
from wijksturing.areas.selectors import area_list
from wijksturing.budgets.selectors import initiative_list
from wijksturing.organisations import services
from wijksturing.organisations.models import Kind, Organisation
from wijksturing.programmes.selectors import goals_of_area
from wijksturing.signals.selectors import signal_public_list

MUNICIPALITY = "GM0202"
GEBIED = "W1"

# (name, kind, themes, wijk name part, description, place name, address, opening hours,
#  contact, contact public, consent, confirmed days ago)
ENTRIES = [
    ("Buurtgroenbedrijf Spijkerkwartier (voorbeeld)", Kind.SOCIAL_ENTERPRISE, ["green", "work"], "Spijkerkwartier",
     "Onderhoudt het groen in de straten en binnentuinen van de wijk met bewoners die (weer) aan het werk gaan, "
     "en onderzoekt wat dat de wijk maatschappelijk oplevert.", "Werkplaats", "Spijkerstraat 1 (fictief)",
     "maandag tot en met vrijdag 8:30–16:30", ("Sanne de Groot (fictief)", "sanne@buurtgroen.example", "026 000 0001"),
     False, True, 20),
    ("Ontmoetingsplek De Spijker (voorbeeld)", Kind.MEETING_PLACE, ["meeting", "care"], "Spijkerkwartier",
     "Laagdrempelige huiskamer van de wijk: koffie, buurtmaaltijd op donderdag, spreekuur van het sociaal wijkteam.",
     "Huiskamer", "Hertogstraat 2 (fictief)", "dinsdag tot en met donderdag 10:00–16:00",
     ("Karim El Amrani (fictief)", "karim@despijker.example", "026 000 0002"), True, True, 45),
    ("Buurthuis Arnhemse Broek (voorbeeld)", Kind.MEETING_PLACE, ["meeting", "youth", "culture"], "Broek",
     "Buurthuis met activiteiten voor jong en oud, beheerd door vrijwilligers uit de buurt.", "", "Broekstraat 3 (fictief)",
     "maandag tot en met zaterdag 9:00–22:00", ("Petra Jansen (fictief)", "petra@buurthuisbroek.example", ""), False, True, 90),
    ("Sociale wijkonderneming Centrum (voorbeeld)", Kind.SOCIAL_ENTERPRISE, ["work", "care"], "Centrum",
     "Wijkonderneming die klussen, boodschappen en een wijkwinkel draait met mensen uit de wijk.", "Wijkwinkel",
     "Marktstraat 4 (fictief)", "woensdag tot en met zaterdag 10:00–17:00",
     ("Jeroen Bakker (fictief)", "jeroen@wijkondernemingcentrum.example", ""), False, True, 700),
    ("Bewonersgroep Groene Straten (voorbeeld)", Kind.RESIDENTS_GROUP, ["green", "safety"], "Spijkerkwartier",
     "Bewoners die geveltuinen en boomspiegels aanleggen in de versteende straten.", "", "", "",
     ("Anouk Visser (fictief)", "groenestraten@bewoners.example", ""), True, True, 120),
    ("Taalcafé vrijwilligers (voorbeeld)", Kind.VOLUNTEER_ORGANISATION, ["language", "meeting"], "Centrum",
     "Vrijwilligers oefenen elke week Nederlands met buurtbewoners.", "Bibliotheekzaal", "Koningstraat 5 (fictief)",
     "vrijdag 14:00–16:00", ("Mohammed Yilmaz (fictief)", "taalcafe@vrijwilligers.example", ""), False, True, 30),
    ("Jongereninitiatief Broek (voorbeeld, nog geen toestemming)", Kind.INITIATIVE, ["youth"], "Broek",
     "Jongeren die een sportveldje willen opknappen. Nog niet openbaar: de groep heeft nog niet ingestemd.", "", "", "",
     ("Lisa de Boer (fictief)", "lisa@jongeren.example", ""), False, False, 10),
]


def _centre(area, shift: float):
    if not area.geometry:
        return None, None
    point = shape(area.geometry).representative_point()
    return round(point.x + shift * 0.0008, 6), round(point.y - shift * 0.0005, 6)


def load_demo(*, stdout, offline: bool = False) -> None:
    Organisation.objects.filter(municipality__code=MUNICIPALITY, illustrative=True).delete()
    wijken = list(area_list(municipality_code=MUNICIPALITY, level=Level.WIJK).filter(parent__code=GEBIED))
    if not wijken:
        stdout.write("  no strengths: Arnhem's gebied W1 has no wijken")
        return
    now = timezone.now()
    made = []
    for i, (name, kind, themes, wijk_part, description, place, address, hours, contact, contact_public, consent,
            days) in enumerate(ENTRIES):
        wijk = next((w for w in wijken if wijk_part.lower() in w.name.lower()), wijken[0])
        lon, lat = _centre(wijk, i % 3)
        locations = [{"name": place, "address": address, "city": "Arnhem", "province": "Gelderland", "postcode": "",
                      "lat": lat, "lon": lon, "opening_hours": hours}] if address else []
        organisation, _token = services.organisation_register(
            user=None, municipality_code=MUNICIPALITY, name=name, kind=kind, description=description,
            area_codes=[wijk.code], themes=themes, contact_name=contact[0], contact_email=contact[1],
            contact_phone=contact[2], locations=locations, illustrative=True,
            consent_by="Bestuur (fictief), toestemming gegeven bij het gesprek met het gebiedsteam" if consent else "")
        if contact_public:
            services.consent_record(organisation=organisation, scope="contact", given=True, given_by=contact[0],
                                    channel="staff")
        Organisation.objects.filter(pk=organisation.pk).update(last_confirmed_at=now - timedelta(days=days))
        made.append(organisation)
    _links(made[0])
    stdout.write(f"  strengths in the wijk: {len(made)} illustrative entries in {MUNICIPALITY} {GEBIED}")


def _links(organisation: Organisation) -> None:
    """The buurtgroenbedrijf as a partner in a green or economy goal of the CSA programme, with
    an initiative of W1 and two signals it reported (when those demos are loaded)."""
    goals = list(goals_of_area(municipality_code=MUNICIPALITY, area_code=GEBIED))
    chosen = [g for g in goals if any(w in str(g).lower() for w in ("groen", "econom", "duurza"))][:2] or goals[:1]
    initiatives = list(initiative_list(municipality_code=MUNICIPALITY, gebied_code=GEBIED)[:1])
    signals = list(signal_public_list(municipality_code=MUNICIPALITY).filter(gebied_code=GEBIED)[:2])
    services.organisation_links_set(user=None, organisation=organisation, goals=[g.pk for g in chosen],
                                    initiatives=[i.pk for i in initiatives], signals=[s.pk for s in signals])
