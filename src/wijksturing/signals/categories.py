"""Category trees: read the tree of a municipality that runs Signalen (Assen's export: slug,
name, parent, parent_slug, description, handling_message, departments) or the small built-in
tree (``data/categories.csv``, derived from the same structure), and load one into a
municipality with its teams."""

from __future__ import annotations

import re
from pathlib import Path

from django.db import transaction

from wijksturing.accounts.services import audit_log
from wijksturing.areas import selectors as area_selectors
from wijksturing.core.tabular import TableError, read_table
from wijksturing.signals.models import Category, Team, TeamKind

BUILTIN = Path(__file__).parent / "data" / "categories.csv"
_TERM = re.compile(r"binnen (\d+) werkdag", re.IGNORECASE)
# Who handles a main category when a Signalen export names only departments: green and
# nuisance go to the area team of the gebied (Van Wijken Weten), a person to the social team.
AREA_TEAM_MAINS = {"openbaar-groen-en-water", "overlast-openbare-ruimte", "overig"}
SOCIAL_SUBS = {"persoon"}
_NOT_HANDLERS = ("Klant Contact", "Wijkcontact", "Wijkco", "Ingenieursbureau")


class CategoryFileError(ValueError):
    """Bad category file; the message names the file, row and column."""


def _team_kind(parent_slug: str, slug: str) -> str:
    if slug in SOCIAL_SUBS:
        return TeamKind.SOCIAL_TEAM
    return TeamKind.AREA_TEAM if parent_slug in AREA_TEAM_MAINS else TeamKind.DEPARTMENT


def read_signalen_tree(path: Path) -> list[dict]:
    """Rows of a Signalen category export as the rows of the built-in file."""
    rows = []
    try:  # the project's one table reader (UTF-8, comma-separated; departments are ;-separated inside)
        table = read_table(Path(path), name=str(path), excel=False, delimiters=(",",))
    except TableError as error:
        raise CategoryFileError(str(error)) from None
    for number, row in table.rows:
        for column in ("slug", "name", "parent", "parent_slug", "handling_message"):
            if not (row.get(column) or "").strip():
                raise CategoryFileError(f"{path}: row {number}: column {column!r} is empty or missing")
        term = _TERM.search(row["handling_message"])
        departments = [d.strip() for d in (row.get("departments") or "").split(";") if d.strip()]
        handler = next((d for d in departments if not d.startswith(_NOT_HANDLERS)), departments[0] if departments else "")
        rows.append({**row, "deadline_workdays": int(term.group(1)) if term else 5,
                     "team_kind": _team_kind(row["parent_slug"], row["slug"]),
                     "department": re.sub(r"\s*\([^)]*\)$", "", handler)})
    return rows


def read_builtin_tree() -> list[dict]:
    return [{**row, "deadline_workdays": int(row["deadline_workdays"])} for row in read_table(BUILTIN).dicts()]


@transaction.atomic
def category_tree_load(*, municipality_code: str, rows: list[dict], source: str = "") -> int:
    """Create or update the two-level tree of a municipality (idempotent); returns the number of
    subcategories. Creates the department teams the categories name."""
    municipality = area_selectors.municipality_get(code=municipality_code)
    mains: dict[str, Category] = {}
    for order, row in enumerate(rows):
        slug = row["parent_slug"]
        if slug not in mains:
            mains[slug], _ = Category.objects.update_or_create(
                municipality=municipality, slug=slug,
                defaults={"name": row["parent"], "parent": None, "order": len(mains), "team_kind": row["team_kind"]})
        Category.objects.update_or_create(
            municipality=municipality, slug=row["slug"],
            defaults={"name": row["name"], "parent": mains[slug], "description": row.get("description") or "",
                      "handling_message": row.get("handling_message") or "", "order": order,
                      "deadline_workdays": row["deadline_workdays"], "team_kind": row["team_kind"],
                      "department": row.get("department") or ""})
        if row["team_kind"] == TeamKind.DEPARTMENT and row.get("department"):
            Team.objects.get_or_create(municipality=municipality, code=_slug(row["department"]),
                                       defaults={"name": row["department"], "kind": TeamKind.DEPARTMENT})
    audit_log(user=None, action="signal_categories_load", obj=municipality, municipality_code=municipality.code,
              changes={"categories": len(rows), "source": source})
    return len(rows)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "team"


@transaction.atomic
def teams_for_gebieden(*, municipality_code: str) -> int:
    """An area team and a social district team per gebied (one municipality-wide pair when the
    municipality has no gebieden)."""
    municipality = area_selectors.municipality_get(code=municipality_code)
    gebieden = [(a.code, a.name) for a in area_selectors.area_list(municipality_code=municipality_code, level="gebied")]
    count = 0
    for code, name in gebieden or [("", municipality.name)]:
        for kind, label in ((TeamKind.AREA_TEAM, "Gebiedsteam"), (TeamKind.SOCIAL_TEAM, "Sociaal wijkteam")):
            Team.objects.update_or_create(municipality=municipality, code=_slug(f"{kind}-{code or 'gemeente'}"),
                                          defaults={"name": f"{label} {name}", "kind": kind, "gebied_code": code})
            count += 1
    return count
