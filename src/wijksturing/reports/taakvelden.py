"""The national IV3 taakvelden (Informatie voor Derden, Besluit begroting en verantwoording
provincies en gemeenten), in which every Dutch municipality reports its budget, and the default
mapping of the area-budget domains onto them. Plain data, no Django.

The list follows the IV3 taakvelden of the BBV as they have stood since 2023 (6.2 renamed
"Toegang en eerstelijnsvoorzieningen"); a municipality can classify one budget line otherwise
(``reports.services.taakveld_assign``)."""

from __future__ import annotations

# (code, name), in the order of the IV3 list; the codes are text: "0.10" comes after "0.9".
TAAKVELDEN: list[tuple[str, str]] = [
    ("0.1", "Bestuur"),
    ("0.2", "Burgerzaken"),
    ("0.3", "Beheer overige gebouwen en gronden"),
    ("0.4", "Overhead"),
    ("0.5", "Treasury"),
    ("0.61", "OZB woningen"),
    ("0.62", "OZB niet-woningen"),
    ("0.63", "Parkeerbelasting"),
    ("0.64", "Belastingen overig"),
    ("0.7", "Algemene uitkering en overige uitkeringen gemeentefonds"),
    ("0.8", "Overige baten en lasten"),
    ("0.9", "Vennootschapsbelasting (VpB)"),
    ("0.10", "Mutaties reserves"),
    ("0.11", "Resultaat van de rekening van baten en lasten"),
    ("1.1", "Crisisbeheersing en brandweer"),
    ("1.2", "Openbare orde en veiligheid"),
    ("2.1", "Verkeer en vervoer"),
    ("2.2", "Parkeren"),
    ("2.3", "Recreatieve havens"),
    ("2.4", "Economische havens en waterwegen"),
    ("2.5", "Openbaar vervoer"),
    ("3.1", "Economische ontwikkeling"),
    ("3.2", "Fysieke bedrijfsinfrastructuur"),
    ("3.3", "Bedrijvenloket en bedrijfsregelingen"),
    ("3.4", "Economische promotie"),
    ("4.1", "Openbaar basisonderwijs"),
    ("4.2", "Onderwijshuisvesting"),
    ("4.3", "Onderwijsbeleid en leerlingzaken"),
    ("5.1", "Sportbeleid en activering"),
    ("5.2", "Sportaccommodaties"),
    ("5.3", "Cultuurpresentatie, cultuurproductie en cultuurparticipatie"),
    ("5.4", "Musea"),
    ("5.5", "Cultureel erfgoed"),
    ("5.6", "Media"),
    ("5.7", "Openbaar groen en (openlucht) recreatie"),
    ("6.1", "Samenkracht en burgerparticipatie"),
    ("6.2", "Toegang en eerstelijnsvoorzieningen"),
    ("6.3", "Inkomensregelingen"),
    ("6.4", "WSW en beschut werk"),
    ("6.5", "Arbeidsparticipatie"),
    ("6.6", "Maatwerkvoorzieningen (Wmo)"),
    ("6.71", "Maatwerkdienstverlening 18+"),
    ("6.72", "Maatwerkdienstverlening 18-"),
    ("6.81", "Geëscaleerde zorg 18+"),
    ("6.82", "Geëscaleerde zorg 18-"),
    ("7.1", "Volksgezondheid"),
    ("7.2", "Riolering"),
    ("7.3", "Afval"),
    ("7.4", "Milieubeheer"),
    ("7.5", "Begraafplaatsen en crematoria"),
    ("8.1", "Ruimtelijke ordening"),
    ("8.2", "Grondexploitatie (niet bedrijventerreinen)"),
    ("8.3", "Wonen en bouwen"),
]
NAMES: dict[str, str] = dict(TAAKVELDEN)
ORDER: dict[str, int] = {code: i for i, (code, _name) in enumerate(TAAKVELDEN)}

#: The taakveld of each area-budget domain (budgets.models.Domain) unless a line says otherwise.
#: "other" has no default: such a line counts as "not classified" until someone classifies it.
DOMAIN_DEFAULT: dict[str, str] = {
    "green": "5.7",
    "playgrounds": "5.7",
    "safety": "1.2",
    "welfare": "6.1",
    "participation": "6.1",
    "sport": "5.1",
    "culture": "5.3",
}

UNCLASSIFIED = ""


def taakveld_name(code: str) -> str:
    return NAMES.get(code, "")


def taakveld_for(domain: str, override: str | None = None) -> str:
    """The taakveld of a line: its override when set, else its domain's default ("" = none)."""
    if override:
        if override not in NAMES:
            raise ValueError(f"unknown taakveld {override!r}")
        return override
    return DOMAIN_DEFAULT.get(domain, UNCLASSIFIED)


def sort_key(code: str) -> int:
    return ORDER.get(code, len(ORDER))
