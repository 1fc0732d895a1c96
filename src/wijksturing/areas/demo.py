"""Demo contacts of the area teams (fictional people, example.org addresses), so that the area
pages show how a municipality presents its team leefomgeving and sociaal wijkteam."""

from wijksturing.areas.models import TeamContact
from wijksturing.areas.selectors import gebied_definitions, municipality_get

CONTACTS = {
    "GM0202": [
        ("W1", "Team leefomgeving Centrum, Spijkerkwartier en Arnhemse Broek", "Gebiedsteam (voorbeeld)",
         "gebiedsteam-csa@arnhem.example", "14 026"),
        ("W1", "Sociaal wijkteam Centrum", "Sociaal wijkteam (voorbeeld)", "wijkteam-centrum@arnhem.example", "14 026"),
    ],
}


def load_demo(*, stdout, offline: bool = False) -> None:
    count = 0
    for code, contacts in CONTACTS.items():
        municipality = municipality_get(code=code)
        known = {g.code for g in gebied_definitions(municipality_code=code)}
        TeamContact.objects.filter(municipality=municipality, email__endswith=".example").delete()
        for order, (area_code, name, role, email, phone) in enumerate(contacts):
            if area_code in known:
                TeamContact.objects.create(municipality=municipality, area_code=area_code, name=name, role=role,
                                           email=email, phone=phone, order=order)
                count += 1
    stdout.write(f"  area team contacts: {count} (fictional)")
