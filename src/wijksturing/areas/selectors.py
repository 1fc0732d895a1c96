"""Reads of the areas app: municipalities, layouts, the area hierarchy and point lookup."""

from __future__ import annotations

import time
from functools import lru_cache
from typing import NamedTuple

from django.db.models import OuterRef, QuerySet, Subquery
from shapely.geometry import shape

from wijksturing.areas.models import LEVEL_ORDER, Area, GebiedDefinition, Layout, Level, Municipality, TeamContact
from wijksturing.core.spatial import PointIndex


def municipality_list() -> QuerySet[Municipality]:
    return Municipality.objects.all()


def municipality_get(*, code: str) -> Municipality:
    return Municipality.objects.get(code=code.upper())


def layout_latest(*, municipality_code: str) -> Layout | None:
    return Layout.objects.filter(municipality__code=municipality_code).order_by("-year").first()


def layout_years(*, municipality_code: str) -> list[int]:
    return list(Layout.objects.filter(municipality__code=municipality_code).order_by("year").values_list("year", flat=True))


def layout_for_year(*, municipality_code: str, year: int) -> Layout | None:
    """The layout a figure of ``year`` belongs to: that year's, else the latest earlier one,
    else the earliest later one."""
    layouts = Layout.objects.filter(municipality__code=municipality_code)
    return (
        layouts.filter(year=year).first()
        or layouts.filter(year__lt=year).order_by("-year").first()
        or layouts.filter(year__gt=year).order_by("year").first()
    )


def _area_qs() -> QuerySet[Area]:
    return Area.objects.select_related("layout", "layout__municipality", "parent")


def area_get(*, code: str, year: int | None = None) -> Area:
    """The area with ``code`` in the given layout year, or in the latest layout that has it.
    Gebied codes (W1) are only unique per municipality: pass ``GM0202/W1`` or use
    :func:`gebied_get`."""
    if "/" in code:
        municipality_code, gebied_code = code.split("/", 1)
        return gebied_get(municipality_code=municipality_code, code=gebied_code, year=year)
    qs = _area_qs().filter(code=code)
    if year is not None:
        qs = qs.filter(layout__year=year)
    area = qs.order_by("-layout__year").first()
    if area is None:
        raise Area.DoesNotExist(f"No area {code}")
    return area


def gebied_get(*, municipality_code: str, code: str, year: int | None = None) -> Area:
    qs = _area_qs().filter(code=code, level=Level.GEBIED, layout__municipality__code=municipality_code)
    if year is not None:
        qs = qs.filter(layout__year=year)
    area = qs.order_by("-layout__year").first()
    if area is None:
        raise Area.DoesNotExist(f"No gebied {code} in {municipality_code}")
    return area


def area_list(*, municipality_code: str | None = None, level: str | None = None, year: int | None = None) -> QuerySet[Area]:
    """Areas of one municipality (all when None), at one level, in one layout year (default: each
    municipality's latest layout)."""
    qs = _area_qs()
    if municipality_code:
        qs = qs.filter(layout__municipality__code=municipality_code)
    if level:
        qs = qs.filter(level=level)
    if year is not None:
        return qs.filter(layout__year=year).order_by("code")
    latest = Layout.objects.filter(municipality=OuterRef("layout__municipality")).order_by("-year").values("pk")[:1]
    return qs.filter(layout_id=Subquery(latest)).order_by("code")


def area_children(*, area: Area) -> QuerySet[Area]:
    return _area_qs().filter(parent=area).order_by("code")


def area_descendants(*, area: Area, level: str) -> list[Area]:
    """All areas of ``level`` below ``area`` in its layout."""
    if area.level == level:
        return [area]
    out: list[Area] = []
    for child in area_children(area=area):
        out.extend(area_descendants(area=child, level=level))
    return out


def area_ancestors(*, area: Area) -> list[Area]:
    """From the gemeente down to the area's parent."""
    chain = []
    current = area.parent
    while current is not None:
        chain.append(current)
        current = current.parent
    return list(reversed(chain))


def area_gebied(*, area: Area) -> Area | None:
    """The gebied the area lies in (the area itself when it is one); None above or outside gebieden."""
    if area.level == Level.GEBIED:
        return area
    return next((a for a in area_ancestors(area=area) if a.level == Level.GEBIED), None)


def area_name(*, municipality_code: str, code: str) -> str:
    """The name of the municipality (its own code) or of one of its gebieden; the code when unknown."""
    try:
        if code.upper() == municipality_code.upper():
            return municipality_get(code=code).name
        return gebied_get(municipality_code=municipality_code, code=code).name
    except (Area.DoesNotExist, Municipality.DoesNotExist):
        return code


def area_gemeente(*, area: Area) -> Area:
    return _area_qs().get(layout=area.layout, level=Level.GEMEENTE)


def gebied_definitions(*, municipality_code: str) -> QuerySet[GebiedDefinition]:
    return GebiedDefinition.objects.filter(municipality__code=municipality_code)


def team_contacts(*, area: Area) -> list[TeamContact]:
    """The contacts of the area and, when it has none, of the nearest area above it that has."""
    for candidate in [area] + list(reversed(area_ancestors(area=area))):
        contacts = list(TeamContact.objects.filter(municipality=area.layout.municipality, area_code=candidate.code))
        if contacts:
            return contacts
    return []


class BuurtIndex(NamedTuple):
    """The spatial index over the mapped buurten of the latest layouts, with per buurt code its
    primary key and the codes of its wijk and gebied ("" when it has none)."""

    index: PointIndex
    pks: dict[str, int]
    parents: dict[str, tuple[str, str]]


@lru_cache(maxsize=16)
def _buurt_index(layout_ids: tuple[int, ...], stamp: str) -> BuurtIndex:
    buurten = list(
        Area.objects.filter(layout_id__in=layout_ids, level=Level.BUURT, geometry__isnull=False).values_list(
            "pk", "code", "geometry", "parent__code", "parent__parent__code", "parent__parent__level")
    )
    index = PointIndex([shape(row[2]) for row in buurten], [row[1] for row in buurten])
    parents = {code: (wijk or "", gebied if gebied_level == Level.GEBIED else "")
               for _pk, code, _g, wijk, gebied, gebied_level in buurten}
    return BuurtIndex(index, {row[1]: row[0] for row in buurten}, parents)


_latest_layouts: dict[str | None, tuple[float, tuple[int, ...], str]] = {}


def buurt_index(*, municipality_code: str | None = None, max_age: float = 0.0) -> BuurtIndex:
    """The one cached spatial index (shapely STRtree) over the buurten of the latest layouts,
    rebuilt when the areas change. Finding out whether they changed costs one query; with
    ``max_age`` (seconds) that answer is reused for that long, so a lookup costs no query at all
    (signal intake)."""
    now = time.monotonic()
    known = _latest_layouts.get(municipality_code)
    if known is not None and max_age > 0 and now - known[0] <= max_age:
        return _buurt_index(known[1], known[2])
    mapped = Area.objects.filter(level=Level.BUURT, geometry__isnull=False)
    if municipality_code:
        mapped = mapped.filter(layout__municipality__code=municipality_code)
    latest = {}  # one query, not one per layout: this runs on every lookup
    for municipality_id, layout_id, imported_at in (
        mapped.values_list("layout__municipality_id", "layout_id", "layout__imported_at")
        .distinct().order_by("layout__municipality_id", "layout__year")
    ):
        latest[municipality_id] = (layout_id, imported_at)
    ids = tuple(sorted(layout_id for layout_id, _ in latest.values()))
    stamp = "|".join(str(imported_at) for _, imported_at in latest.values())
    _latest_layouts[municipality_code] = (now, ids, stamp)
    return _buurt_index(ids, stamp)


def buurt_index_reset() -> None:
    """Forget the cached index (after loading new boundaries, and in tests)."""
    _latest_layouts.clear()
    _buurt_index.cache_clear()


def point_index(*, municipality_code: str | None = None) -> tuple[PointIndex, dict[str, int]]:
    """The spatial index of :func:`buurt_index` and the primary key per buurt code."""
    entry = buurt_index(municipality_code=municipality_code)
    return entry.index, entry.pks


def area_lookup_point(*, lon: float, lat: float, municipality_code: str | None = None) -> dict[str, Area]:
    """Which buurt, wijk, gebied and gemeente contain the point (WGS84)? Empty when none."""
    index, pks = point_index(municipality_code=municipality_code)
    code = index.lookup_one(lon, lat)
    if code is None:
        return {}
    buurt = _area_qs().get(pk=pks[code])
    result = {Level.BUURT.value: buurt}
    for ancestor in area_ancestors(area=buurt):
        result[ancestor.level] = ancestor
    return result


def area_feature_collection(*, areas, properties=None) -> dict:
    """GeoJSON FeatureCollection of ``areas``; ``properties(area) -> dict`` adds properties."""
    features = []
    for area in areas:
        props = {"code": area.code, "name": area.name, "level": area.level, "year": area.layout.year}
        if properties:
            props.update(properties(area))
        features.append({"type": "Feature", "id": area.code, "geometry": area.geometry, "properties": props})
    return {"type": "FeatureCollection", "features": features}


def level_below(level: str) -> str | None:
    index = LEVEL_ORDER.index(level)
    return LEVEL_ORDER[index + 1] if index + 1 < len(LEVEL_ORDER) else None
