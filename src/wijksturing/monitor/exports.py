"""Exports of monitor tables (CSV, Excel, GeoJSON) for a municipality, level and year.
Suppressed values are empty: exports are public output."""

from __future__ import annotations

import csv
import io
import json
from typing import BinaryIO

from wijksturing.areas.selectors import area_list, layout_for_year
from wijksturing.core.cells import csv_safe_row, xlsx_append
from wijksturing.monitor.models import IndexDimension, Observation
from wijksturing.monitor.selectors import (
    figure_reference,
    index_is_published,
    index_scored_dimensions,
    index_table,
    year_default,
)

INDEX_SOURCE = "wijksturing leefbaarheidsindex (berekend uit cijfers van CBS en Politie)"


def _areas(municipality: str, level: str, year: int):
    layout = layout_for_year(municipality_code=municipality, year=year)
    if layout is None:
        raise ValueError(f"no areas loaded for {municipality}")
    return list(area_list(municipality_code=municipality, level=level, year=layout.year))


def write_table(*, header: list[str], rows: list[list], geometries: list | None, fmt: str, out: BinaryIO) -> None:
    if fmt == "csv":
        text = io.StringIO()
        writer = csv.writer(text, lineterminator="\n")
        writer.writerow(csv_safe_row(header))
        writer.writerows(csv_safe_row(["" if v is None else v for v in row]) for row in rows)
        out.write(text.getvalue().encode("utf-8"))
    elif fmt == "xlsx":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        xlsx_append(sheet, header)
        for row in rows:
            xlsx_append(sheet, row)
        book.save(out)
    elif fmt == "geojson":
        features = [{"type": "Feature", "geometry": geometry, "properties": dict(zip(header, row))}
                    for row, geometry in zip(rows, geometries or [None] * len(rows))]
        out.write(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False).encode("utf-8"))
    else:
        raise ValueError(f"unknown format {fmt!r} (csv, xlsx or geojson)")


def _year(municipality: str, year: int | None) -> int:
    """The year asked for, else the default year of every page (``year_default``)."""
    if year:
        return year
    found = year_default(municipality_code=municipality)
    if found is None:
        raise ValueError(f"no figures loaded for {municipality}")
    return found


def export_index(*, municipality: str, level: str | None, year: int | None, fmt: str, out: BinaryIO, **_) -> None:
    """The index per area with its dimensions. The index column is empty where it rests on fewer
    than three dimensions (it is then not published as one number); ``dimensions_scored`` says on
    how many it rests, ``source`` and ``reference`` what it is and which year it describes."""
    level, year = level or "wijk", _year(municipality, year)
    dimensions = list(IndexDimension.objects.values_list("code", flat=True))
    values = {v.area.code: v for v in index_table(municipality_code=municipality, level=level, year=year)}
    areas = _areas(municipality, level, year)
    rows = []
    for area in areas:
        v = values.get(area.code)
        published = index_is_published(value=v)
        rows.append([area.code, area.name, year, v.value if published else None]
                    + [(v.dimensions.get(d) if v else None) for d in dimensions]
                    + [index_scored_dimensions(value=v), INDEX_SOURCE if v else None, year if v else None])
    write_table(header=["code", "name", "year", "index"] + dimensions + ["dimensions_scored", "source", "reference"],
                rows=rows, geometries=[a.geometry for a in areas], fmt=fmt, out=out)


def export_observations(*, municipality: str, level: str | None, year: int | None, fmt: str, out: BinaryIO, **_) -> None:
    """One row per area, one column per indicator; after the figures, per indicator its source
    (publisher) and reference (the day it describes, ISO, or the year it covers), never the day of
    the import."""
    level, year = level or "wijk", _year(municipality, year)
    areas = _areas(municipality, level, year)
    observations = (Observation.objects.filter(area__layout__municipality__code=municipality, area__level=level,
                                               area__code__in=[a.code for a in areas], year=year,
                                               indicator__published=True)
                    .values_list("area__code", "indicator__code", "indicator__order", "value", "suppressed", "source",
                                 "indicator__theme"))
    table: dict[tuple[str, str], float | None] = {}
    meta: dict[tuple[str, str], tuple[str, str]] = {}
    order: dict[str, int] = {}
    for code, indicator, position, value, suppressed, source, theme in observations:
        table[(code, indicator)] = None if suppressed else value
        reference = figure_reference(indicator_code=indicator, theme=theme, year=year)
        meta[(code, indicator)] = (source, reference.isoformat() if reference else str(year))
        order[indicator] = position
    indicators = sorted(order, key=order.get)
    rows = [[a.code, a.name, year] + [table.get((a.code, i)) for i in indicators]
            + [x for i in indicators for x in meta.get((a.code, i), (None, None))] for a in areas]
    header = ["code", "name", "year"] + indicators + [f"{i}_{kind}" for i in indicators for kind in ("source", "reference")]
    write_table(header=header, rows=rows, geometries=[a.geometry for a in areas], fmt=fmt, out=out)


EXPORTERS = {"index": export_index, "observations": export_observations}
