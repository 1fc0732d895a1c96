"""Downloading the open data from its publishers when no local copy is given: CBS's
Kerncijfers wijken en buurten through the CBS OData API, and the CBS wijk and buurt
boundaries from PDOK. The downloads are written as files in the formats the importers read
(OData columns; GeoJSON), so the same checks apply as for a local copy.

The base addresses are settings (``WIJKSTURING_CBS_ODATA_URL``, ``WIJKSTURING_PDOK_WFS_URL``),
so tests point them at a local HTTP server with small fixtures.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import requests
from django.conf import settings

from wijksturing.monitor.importers.base import MonitorImportError

# KWB table per year, as CBS numbers them (check the CBS catalogue for newer years).
KWB_TABLES = {2019: "84583NED", 2020: "84799NED", 2021: "85039NED", 2022: "85318NED", 2023: "85618NED", 2024: "85984NED"}
TIMEOUT = 60


def _get_json(url: str, params: dict | None = None) -> dict:
    try:
        response = requests.get(url, params=params, timeout=TIMEOUT)
        response.raise_for_status()
        return response.json()
    except (requests.RequestException, ValueError) as exc:
        raise MonitorImportError(f"download failed: {exc}", file=url) from None


def _odata_all(url: str, params: dict) -> list[dict]:
    rows, data = [], _get_json(url, params)
    rows.extend(data.get("value", []))
    while data.get("odata.nextLink"):
        data = _get_json(data["odata.nextLink"])
        rows.extend(data.get("value", []))
    return rows


def kwb_download(*, year: int, municipality_code: str, target_dir: Path) -> Path:
    """Fetch the full KWB table of ``year`` for one municipality (gemeente, wijken, buurten)
    and write it as a CSV with CBS's OData keys (readable by the ``odata`` importer)."""
    if year not in KWB_TABLES:
        raise MonitorImportError(f"no CBS Kerncijfers table known for {year} (known: {sorted(KWB_TABLES)})")
    table = KWB_TABLES[year]
    base = f"{settings.WIJKSTURING_CBS_ODATA_URL.rstrip('/')}/{table}"
    digits = municipality_code[2:]
    region_filter = " or ".join(f"startswith(WijkenEnBuurten,'{p}{digits}')" for p in ("GM", "WK", "BU"))
    rows = _odata_all(f"{base}/TypedDataSet", {"$filter": region_filter, "$format": "json"})
    regions = _odata_all(f"{base}/WijkenEnBuurten", {"$filter": region_filter, "$format": "json"})
    names = {r["Key"].strip(): r["Title"].strip() for r in regions}
    if not rows:
        raise MonitorImportError(f"CBS returned no rows for {municipality_code} in {table}", file=base)
    target_dir.mkdir(parents=True, exist_ok=True)
    path = target_dir / f"kwb_{year}_{municipality_code}.csv"
    columns = [c for c in rows[0] if c not in ("ID", "WijkenEnBuurten")]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Codering_3", "WijkenEnBuurten"] + [c for c in columns if c != "Codering_3"])
        for row in rows:
            code = (row.get("Codering_3") or row["WijkenEnBuurten"]).strip()
            writer.writerow([code, names.get(row["WijkenEnBuurten"].strip(), code)]
                            + ["" if row[c] is None else str(row[c]).strip() for c in columns if c != "Codering_3"])
    return path


def boundaries_download(*, year: int, municipality_code: str, level: str, target_dir: Path) -> Path:
    """Fetch the CBS boundaries of one municipality (``level`` buurten, wijken or gemeenten)
    from PDOK's WFS in WGS84 and write them as GeoJSON with ``statcode``/``statnaam``."""
    url = settings.WIJKSTURING_PDOK_WFS_URL.format(year=year)
    code_field = {"buurten": "buurtcode", "wijken": "wijkcode", "gemeenten": "gemeentecode"}[level]
    name_field = code_field.replace("code", "naam")
    fes = ("<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsEqualTo>"
           f"<fes:ValueReference>gemeentecode</fes:ValueReference><fes:Literal>{municipality_code}</fes:Literal>"
           "</fes:PropertyIsEqualTo></fes:Filter>")
    data = _get_json(url, {"service": "WFS", "version": "2.0.0", "request": "GetFeature", "typeNames": level,
                           "outputFormat": "application/json", "srsName": "EPSG:4326", "filter": fes})
    features = []
    for feature in data.get("features", []):
        props = feature.get("properties", {})
        props["statcode"], props["statnaam"] = props.get(code_field), props.get(name_field)
        features.append({"type": "Feature", "properties": props, "geometry": feature.get("geometry")})
    if not features:
        raise MonitorImportError(f"PDOK returned no {level} for {municipality_code}", file=url)
    target_dir.mkdir(parents=True, exist_ok=True)
    path = target_dir / f"{level}_{year}_{municipality_code}.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return path
