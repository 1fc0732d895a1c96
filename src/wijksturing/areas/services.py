"""Writes of the areas app: municipalities, layouts from CBS codes, boundaries, gebieden."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import yaml
from django.db import transaction
from shapely.geometry import mapping, shape
from shapely.ops import unary_union

from wijksturing import dataversion
from wijksturing.accounts.services import audit_log
from wijksturing.areas.models import Area, GebiedDefinition, Layout, Level, Municipality
from wijksturing.core.spatial import area_hectares
from wijksturing.core.tabular import TableError, read_table

GEBIEDEN_DIR = Path(__file__).parent / "gebieden"


class AreaInputError(ValueError):
    """Bad input for an area import; the message names the file, row and field."""


def level_of_code(code: str) -> str:
    """CBS codes nest: GM0202 → WK020201 → BU02020100."""
    prefix = code[:2].upper()
    try:
        return {"GM": Level.GEMEENTE, "WK": Level.WIJK, "BU": Level.BUURT}[prefix]
    except KeyError:
        raise AreaInputError(f"{code!r} is not a CBS region code (GM…, WK… or BU…)") from None


def municipality_code_of(code: str) -> str:
    """GM0202 / WK020201 / BU02020100 → GM0202."""
    return "GM" + code[2:6]


def wijk_code_of(code: str) -> str:
    return "WK" + code[2:8]


def municipality_upsert(*, code: str, name: str, gebied_label: str | None = None, phone: str | None = None) -> Municipality:
    municipality, created = Municipality.objects.get_or_create(code=code, defaults={"name": name})
    changed = False
    if name and name != code and municipality.name != name:
        municipality.name, changed = name, True
    if gebied_label and municipality.gebied_label != gebied_label:
        municipality.gebied_label, changed = gebied_label, True
    if phone and municipality.phone != str(phone):
        municipality.phone, changed = str(phone), True
    if changed:
        municipality.save()
    return municipality


@transaction.atomic
def layout_register(*, municipality_code: str, municipality_name: str, year: int,
                    regions: Iterable[tuple[str, str]], source: str) -> Layout:
    """Create or extend the layout of ``year`` with the CBS regions ``(code, name)``; the nesting
    follows from the codes. Existing areas keep their boundaries; names are updated."""
    municipality = municipality_upsert(code=municipality_code, name=municipality_name)
    layout, _ = Layout.objects.get_or_create(municipality=municipality, year=year, defaults={"source": source})
    if source and source not in layout.source:
        layout.source = (layout.source + "; " + source).strip("; ")
    layout.save()
    existing = {a.code: a for a in Area.objects.filter(layout=layout)}
    gemeente = existing.get(municipality_code)
    if gemeente is None:
        gemeente = existing[municipality_code] = Area.objects.create(
            layout=layout, level=Level.GEMEENTE, code=municipality_code, name=municipality_name)
    regions = sorted(set(regions), key=lambda r: (len(r[0]), r[0]))
    renamed = []
    for level in (Level.WIJK, Level.BUURT):  # wijken first: they are the buurten's parents
        new = []
        for code, name in regions:
            if level_of_code(code) != level:
                continue
            area = existing.get(code)
            if area is not None:
                if name and area.name != name:
                    area.name = name
                    renamed.append(area)
                continue
            parent_code = municipality_code if level == Level.WIJK else wijk_code_of(code)
            if parent_code not in existing:  # a buurt whose wijk is not in the file: register the wijk by code
                existing[parent_code] = Area.objects.create(
                    layout=layout, level=Level.WIJK, code=parent_code, name=parent_code, parent=gemeente)
            existing[code] = Area(layout=layout, level=level, code=code, name=name, parent=existing[parent_code])
            new.append(existing[code])
        Area.objects.bulk_create(new, batch_size=2000)
    Area.objects.bulk_update(renamed, ["name"], batch_size=2000)
    layout_apply_gebieden(layout=layout)
    dataversion.bump()  # bulk writes send no model signals: the public pages are built anew
    return layout


def _set_geometry(area: Area, geometry: dict) -> None:
    geom = shape(geometry)
    area.geometry = geometry
    area.min_lon, area.min_lat, area.max_lon, area.max_lat = geom.bounds
    area.hectares = round(area_hectares(geom), 1)


@transaction.atomic
def boundaries_import(*, features: list[dict], year: int, source: str, filename: str = "",
                      municipality_codes: set[str] | None = None) -> int:
    """Attach boundaries (GeoJSON features in WGS84 with ``statcode``/``statnaam``) to the
    areas of ``year``'s layout, registering areas that are not there yet. Returns the count."""
    count = 0
    by_municipality: dict[str, list[tuple[str, str, dict]]] = {}
    names: dict[str, str] = {}
    for number, feature in enumerate(features, start=1):
        props = feature.get("properties") or {}
        code = props.get("statcode") or props.get("buurtcode") or props.get("wijkcode") or props.get("gemeentecode")
        if not code or not feature.get("geometry"):
            raise AreaInputError(f"{filename}: feature {number}: field 'statcode' or 'geometry' is missing")
        gm = props.get("gemeentecode") or municipality_code_of(code)
        if municipality_codes and gm not in municipality_codes:
            continue
        names[gm] = props.get("gemeentenaam") or names.get(gm) or (props.get("statnaam") if code.startswith("GM") else gm)
        by_municipality.setdefault(gm, []).append((code, props.get("statnaam") or code, feature["geometry"]))
    for gm, items in by_municipality.items():
        regions = [(code, name) for code, name, _ in items]
        layout = layout_register(municipality_code=gm, municipality_name=names[gm], year=year, regions=regions, source=source)
        layout.boundary_source = source
        layout.save()
        areas = {a.code: a for a in Area.objects.filter(layout=layout)}
        for code, _name, geometry in items:
            area = areas[code]
            _set_geometry(area, geometry)
            area.save()
            count += 1
        layout_apply_gebieden(layout=layout)
    return count


def boundaries_import_file(*, path: Path, year: int, source: str, municipality_codes: set[str] | None = None) -> int:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise AreaInputError(f"{path}: line {exc.lineno}: not valid GeoJSON ({exc.msg})") from None
    return boundaries_import(features=data.get("features", []), year=year, source=source, filename=str(path),
                             municipality_codes=municipality_codes)


@transaction.atomic
def gebieden_load(*, data: dict, filename: str = "") -> Municipality:
    """Load a municipality's gebieden definition (see areas/gebieden/GM0202.yaml) and apply it
    to every layout of that municipality."""
    for field in ("municipality", "gebieden"):
        if field not in data:
            raise AreaInputError(f"{filename}: field {field!r} is missing")
    municipality = municipality_upsert(code=data["municipality"], name=data.get("name", data["municipality"]),
                                       gebied_label=data.get("gebied_label"), phone=data.get("phone"))
    seen: dict[str, str] = {}
    for number, item in enumerate(data["gebieden"], start=1):
        for field in ("code", "name", "wijken"):
            if field not in item:
                raise AreaInputError(f"{filename}: gebied {number}: field {field!r} is missing")
        for wijk in item["wijken"]:
            if not str(wijk).startswith("WK" + municipality.code[2:]):
                raise AreaInputError(f"{filename}: gebied {item['code']}: {wijk!r} is not a wijk of {municipality.code}")
            if wijk in seen:
                raise AreaInputError(f"{filename}: gebied {item['code']}: wijk {wijk} is already in gebied {seen[wijk]}")
            seen[wijk] = item["code"]
        GebiedDefinition.objects.update_or_create(
            municipality=municipality, code=item["code"],
            defaults={"name": item["name"], "wijk_codes": list(item["wijken"]), "tags": item.get("tags") or {}},
        )
    GebiedDefinition.objects.filter(municipality=municipality).exclude(code__in=[g["code"] for g in data["gebieden"]]).delete()
    for layout in municipality.layouts.all():
        layout_apply_gebieden(layout=layout)
    audit_log(user=None, action="gebieden_load", obj=municipality, municipality_code=municipality.code,
              changes={"gebieden": len(data["gebieden"])})
    return municipality


def gebieden_load_file(*, path: Path) -> Municipality:
    path = Path(path)
    if path.suffix == ".csv":
        try:  # the project's one table reader (UTF-8, ; , or tab)
            rows = read_table(path, name=str(path), excel=False).rows
        except TableError as error:
            raise AreaInputError(str(error)) from None
        if not rows:
            raise AreaInputError(f"{path}: the file is empty")
        data: dict = {"municipality": rows[0][1].get("gemeentecode"), "gebieden": []}
        groups: dict[str, dict] = {}
        for number, row in rows:
            for field in ("gemeentecode", "gebiedcode", "gebiednaam", "wijkcode"):
                if not row.get(field):
                    raise AreaInputError(f"{path}: row {number}: column {field!r} is empty or missing")
            gebied = groups.setdefault(row["gebiedcode"], {"code": row["gebiedcode"], "name": row["gebiednaam"], "wijken": []})
            gebied["wijken"].append(row["wijkcode"])
        data["gebieden"] = list(groups.values())
        return gebieden_load(data=data, filename=str(path))
    return gebieden_load(data=yaml.safe_load(path.read_text(encoding="utf-8")), filename=str(path))


def gebieden_load_default(*, municipality_code: str) -> Municipality | None:
    path = GEBIEDEN_DIR / f"{municipality_code}.yaml"
    return gebieden_load_file(path=path) if path.exists() else None


def layout_apply_gebieden(*, layout: Layout) -> None:
    """(Re)build the gebied level of a layout from the municipality's GebiedDefinitions: gebied
    areas with the union of their wijken's boundaries, wijken re-parented under their gebied."""
    gemeente = Area.objects.filter(layout=layout, level=Level.GEMEENTE).first()
    if gemeente is None:
        return
    definitions = list(GebiedDefinition.objects.filter(municipality=layout.municipality))
    if not definitions and not Area.objects.filter(layout=layout, level=Level.GEBIED).exists():
        _gemeente_geometry(gemeente)  # wijken are registered under the gemeente already
        return
    wijken = {a.code: a for a in Area.objects.filter(layout=layout, level=Level.WIJK)}
    keep = set()
    for definition in definitions:
        members = [wijken[c] for c in definition.wijk_codes if c in wijken]
        if not members:
            continue
        gebied, _ = Area.objects.update_or_create(
            layout=layout, code=definition.code, defaults={"level": Level.GEBIED, "name": definition.name, "parent": gemeente})
        geometries = [shape(w.geometry) for w in members if w.geometry]
        if geometries and len(geometries) == len(members):
            _set_geometry(gebied, mapping(unary_union(geometries)))
        gebied.save()
        keep.add(gebied.pk)
        Area.objects.filter(pk__in=[w.pk for w in members]).update(parent=gebied)
    assigned = {c for d in definitions for c in d.wijk_codes}
    Area.objects.filter(layout=layout, level=Level.WIJK).exclude(code__in=assigned).update(parent=gemeente)
    Area.objects.filter(layout=layout, level=Level.GEBIED).exclude(pk__in=keep).delete()
    _gemeente_geometry(gemeente)
    dataversion.bump()  # .update() sends no model signals


def _gemeente_geometry(gemeente: Area) -> None:
    """A gemeente without a boundary of its own gets the union of its wijken, once all have one."""
    if gemeente.geometry is not None:
        return
    wijken = list(Area.objects.filter(layout=gemeente.layout, level=Level.WIJK).values_list("geometry", flat=True))
    if wijken and all(wijken):
        _set_geometry(gemeente, mapping(unary_union([shape(g) for g in wijken])))
        gemeente.save()
