"""Public pages ("Mijn wijk"): no login, plain language, every number with its source."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views import i18n
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from wijksturing.areas import selectors as areas
from wijksturing.areas.models import Level
from wijksturing.reports.selectors import KEY_INDICATORS, area_analysis
from wijksturing.web import data, pages, thematic
from wijksturing.web.geocode import GeocodeUnavailableError, address_search, normalise_postcode
from wijksturing.web.links import area_url
from wijksturing.web.pagecache import public_page
from wijksturing.web.svgmap import build_map
from wijksturing.web.templatetags.figures import indicator_label, reference
from wijksturing.web.templatetags.web import format_number

MAX_COMPARE = 5


def _municipality(request: HttpRequest):
    municipalities = list(areas.municipality_list())
    code = (request.GET.get("gemeente") or "").upper()
    chosen = next((m for m in municipalities if m.code == code), municipalities[0] if municipalities else None)
    return municipalities, chosen


def _year(request: HttpRequest, years: list[int], municipality_code: str) -> int | None:
    try:
        year = int(request.GET.get("jaar", ""))
    except ValueError:
        year = None
    return year if year in years else data.default_year(municipality_code=municipality_code)


@require_GET
@public_page
def home(request: HttpRequest) -> HttpResponse:
    municipalities, municipality = _municipality(request)
    svgmap = pages.municipality_map(municipality_code=municipality.code) if municipality else None
    wijken = list(areas.area_list(municipality_code=municipality.code, level=Level.WIJK)) if municipality else []
    return render(request, "web/home.html", {
        "municipalities": municipalities, "municipality": municipality, "svgmap": svgmap, "wijken": wijken,
    })


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    postcode = request.GET.get("postcode", "").strip()
    number = request.GET.get("huisnummer", "").strip()
    text = request.GET.get("adres", "").strip()
    errors: dict[str, str] = {}
    results, unavailable = [], False
    if postcode and not normalise_postcode(postcode):
        errors["postcode"] = _("Fill in a postcode like 6811 AA.")
    if number and not number.isdigit():
        errors["huisnummer"] = _("Fill in the house number as digits only, like 12.")
    if not (postcode or text):
        errors["postcode"] = _("Fill in a postcode and house number, or an address.")
    if not errors:
        try:
            for address in address_search(postcode=postcode, number=number, text=text):
                found = areas.area_lookup_point(lon=address.lon, lat=address.lat)
                results.append({"address": address, "areas": [
                    (found[lv], area_url(found[lv])) for lv in ("buurt", "wijk", "gebied", "gemeente") if lv in found]})
        except GeocodeUnavailableError:
            unavailable = True
    located = [r for r in results if r["areas"]]
    if len(located) == 1 and len(results) == 1 and not request.GET.get("lijst"):
        return redirect(located[0]["areas"][0][1] + "?gevonden=1")
    municipalities, municipality = _municipality(request)
    return render(request, "web/search.html", {
        "results": results, "errors": errors, "unavailable": unavailable, "postcode": postcode, "huisnummer": number,
        "adres": text, "municipalities": municipalities, "municipality": municipality,
    }, status=400 if errors else 200)


@require_GET
@public_page
def area_page(request: HttpRequest, code: str, level: str, municipality: str | None = None) -> HttpResponse:
    area = pages.area_or_404(level=level, code=code, municipality=municipality)
    years = data.years(municipality_code=area.layout.municipality.code)
    year = _year(request, years, area.layout.municipality.code)

    def body() -> str:
        analysis = area_analysis(area=area, year=year)
        return render_to_string("web/area_body.html", {
            "a": analysis, "svgmap": pages.area_map(area=area), "area_url": area_url(area),
            "report_pdf": area_url(area, suffix="rapport.pdf"), "report_html": area_url(area, suffix="rapport/"),
        })

    html = pages.cached(f"area:{area.pk}:{year}", body)
    return render(request, "web/area.html", {
        "area": area, "municipality": area.layout.municipality, "body": html, "years": years, "year": year,
        "found": bool(request.GET.get("gevonden")), "ancestors": areas.area_ancestors(area=area),
    })


def _map_params(request: HttpRequest):
    municipalities, municipality = _municipality(request)
    if municipality is None:
        raise Http404("no municipalities")
    indicator = request.GET.get("indicator") or thematic.INDEX
    if indicator != thematic.INDEX and not any(i.code == indicator for i in data.indicator_list()):
        indicator = thematic.INDEX
    level = request.GET.get("niveau") if request.GET.get("niveau") in thematic.LEVELS else Level.WIJK
    method = request.GET.get("klassen") if request.GET.get("klassen") in thematic.METHODS else "quantiles"
    years = data.years(municipality_code=municipality.code)
    return municipalities, municipality, indicator, level, method, years, _year(request, years, municipality.code)


@require_GET
@public_page
def thematic_map(request: HttpRequest) -> HttpResponse:
    municipalities, municipality, indicator, level, method, years, year = _map_params(request)
    choro = pages.cached(f"choro:{municipality.code}:{indicator}:{level}:{year}:{method}", lambda: thematic.choropleth(
        municipality_code=municipality.code, indicator_code=indicator, level=level, year=year, method=method))

    svgmap = pages.cached(f"chorosvg:{municipality.code}:{indicator}:{level}:{year}:{method}", lambda: build_map([
        {"geometry": r.area.geometry, "properties": {
            "code": r.area.code, "name": r.area.name, "href": r.url, "fill": r.colour or "",
            "css_class": "" if r.colour else "map-area--nodata",
            "label": f"{r.area.name}: {_format(r.value, choro.decimals)}"}}
        for r in choro.rows]))
    return render(request, "web/map.html", {
        "municipalities": municipalities, "municipality": municipality, "choro": choro, "svgmap": svgmap,
        "indicators": data.indicator_list(), "levels": [(lv, Level(lv).label) for lv in thematic.LEVELS],
        "years": years, "year": year, "method": method, "INDEX": thematic.INDEX,
    })


def _format(value, decimals):
    return format_number(value, decimals)


@require_GET
@public_page
def thematic_map_data(request: HttpRequest) -> JsonResponse:
    _m, municipality, indicator, level, method, _years, year = _map_params(request)
    payload = pages.cached(f"chorojson:{municipality.code}:{indicator}:{level}:{year}:{method}", lambda: thematic.choropleth(
        municipality_code=municipality.code, indicator_code=indicator, level=level, year=year, method=method).as_json())
    return JsonResponse(payload)


@require_GET
@public_page
def compare(request: HttpRequest) -> HttpResponse:
    municipalities, municipality = _municipality(request)
    choices = list(areas.area_list(municipality_code=municipality.code)) if municipality else []
    by_code = {a.code: a for a in choices}
    chosen_codes = [c.upper() for c in request.GET.getlist("gebied") if c][:MAX_COMPARE]
    chosen = [by_code[c] for c in chosen_codes if c in by_code]
    indicators = data.indicator_list()
    wanted = request.GET.getlist("indicator") or KEY_INDICATORS
    selected = [i for i in indicators if i.code in wanted]
    years = data.years(municipality_code=municipality.code) if municipality else []
    year = _year(request, years, municipality.code) if municipality else None
    error = ""
    if request.GET.get("gebied") is not None and len(chosen) < 2:
        error = _("Choose at least two areas to compare.")
    rows = []
    gemeente = None
    if len(chosen) >= 2 and year is not None:
        gemeente = areas.area_gemeente(area=chosen[0]) if chosen[0].level != Level.GEMEENTE else chosen[0]
        rows = _compare_rows(chosen, gemeente, selected, year)
    slots = [chosen_codes[i] if i < len(chosen_codes) else "" for i in range(MAX_COMPARE)]
    return render(request, "web/compare.html", {
        "municipalities": municipalities, "municipality": municipality, "choices": choices, "chosen": chosen,
        "slots": slots, "indicators": indicators, "selected": {i.code for i in selected}, "rows": rows,
        "years": years, "year": year, "error": error, "chosen_urls": [(a, area_url(a)) for a in chosen],
        "gemeente": gemeente,
    }, status=400 if error else 200)


def _compare_rows(chosen: list, gemeente, selected: list, year: int) -> list[dict]:
    """One row per figure: each area's value with the year it is of (when not ``year``), the
    municipality's figure of the same year, and the sources with the day or year they describe."""
    table = data.figures(areas=[*chosen, gemeente], indicator_codes=[i.code for i in selected], year=year)
    index = data.index_rows(areas=[*chosen, gemeente], year=year)

    def index_cell(area):
        row = index.get(area.code)
        return {"value": row.value if data.index_is_published(value=row) else None, "year": None}

    rows = [{"name": _("Liveability index"), "decimals": 0, "cells": [index_cell(a) for a in chosen],
             "city": index_cell(gemeente), "sources": _("wijksturing liveability index") + f", {year}"}]
    for ind in selected:
        figs = [table.get((a.code, ind.code)) for a in chosen]
        years_of = sorted({f.year for f in figs if f and f.value is not None})
        city = table.get((gemeente.code, ind.code))
        if years_of and (city is None or city.year != years_of[-1]):
            city = data.city_figure(gemeente=gemeente, indicator_code=ind.code, year=years_of[-1])
        sources = {}
        for f in [*figs, city]:
            if f and f.source:
                sources.setdefault(f.source, set()).add(reference(f))
        rows.append({
            "name": indicator_label(ind), "decimals": ind.decimals,
            "cells": [{"value": f.value if f else None, "year": f.year if f and f.year != year else None} for f in figs],
            "city": {"value": city.value if city else None, "year": city.year if city and city.year != year else None,
                     "coverage": city.coverage if city else None},
            "sources": "; ".join(f"{source}, {', '.join(sorted(refs))}" for source, refs in sorted(sources.items())),
        })
    return rows


@csrf_exempt
@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """The language switch in the page header. It needs no CSRF token, so that public pages carry
    none and can be cached whole; a forged switch of someone's language does no harm."""
    return i18n.set_language(request)
