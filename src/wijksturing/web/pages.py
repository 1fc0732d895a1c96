"""Building blocks of the public pages: finding an area from its address, its map, caching."""

from __future__ import annotations

from collections.abc import Callable

from django.core.cache import cache
from django.http import Http404
from django.utils.translation import get_language

from wijksturing.areas import selectors as areas
from wijksturing.areas.models import Area, Level
from wijksturing.web import data
from wijksturing.web.links import area_url
from wijksturing.web.svgmap import SvgMap, build_map

CACHE_SECONDS = 24 * 3600


def area_or_404(*, level: str, code: str, municipality: str | None = None) -> Area:
    code = code.upper()
    try:
        if level == Level.GEBIED:
            area = areas.gebied_get(municipality_code=(municipality or "").upper(), code=code)
        else:
            area = areas.area_get(code=code)
    except Area.DoesNotExist as exc:
        raise Http404(f"No {level} {code}") from exc
    if area.level != level:
        raise Http404(f"{code} is not a {level}")
    return area


def cached(key: str, build: Callable[[], object], *, seconds: int = CACHE_SECONDS):
    """``build()`` cached under ``key`` + the language + the data version (new figures → new key)."""
    full = f"web:{data.data_version()}:{get_language()}:{key}"
    value = cache.get(full)
    if value is None:
        value = build()
        cache.set(full, value, seconds)
    return value


def _feature(area: Area, **props) -> dict:
    return {"geometry": area.geometry, "properties": {"code": area.code, "name": area.name, **props}}


def area_map(*, area: Area) -> SvgMap:
    """The area's boundary with its children (linked); a buurt among its neighbours."""
    def build() -> SvgMap:
        children = list(areas.area_children(area=area))
        if children:
            features = [_feature(c, href=area_url(c), css_class="map-area--child") for c in children]
            return build_map(features)
        siblings = list(areas.area_children(area=area.parent)) if area.parent else [area]
        features = [
            _feature(s, href=area_url(s), css_class="map-area--current" if s.pk == area.pk else "map-area--sibling",
                     label=s.name)
            for s in siblings
        ]
        return build_map(features)

    return cached(f"map:{area.pk}", build)


def municipality_map(*, municipality_code: str, level: str = Level.BUURT) -> SvgMap:
    """All areas of one level of a municipality, each a link to its page (for "click the map")."""
    def build() -> SvgMap:
        items = areas.area_list(municipality_code=municipality_code, level=level)
        return build_map([_feature(a, href=area_url(a), css_class="map-area--child") for a in items])

    return cached(f"mmap:{municipality_code}:{level}", build)
