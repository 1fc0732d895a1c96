"""The source formats the monitor reads, recognised by their header, all mapped onto the one
indicator catalogue through the catalogue's ``keys``.

| format       | recognised by                         | codes from                  | year            |
|--------------|---------------------------------------|-----------------------------|-----------------|
| statline     | ``Regioaanduiding/Codering (code)``   | that column                 | given           |
| odata        | ``Codering_3`` / ``WijkenEnBuurten``   | that column                 | given/Perioden  |
| kwb2016      | ``WK_CODE`` or ``GM_CODE`` (.dbf attrs)| that column                 | given (2016)    |
| kwb          | ``gwb_code`` + ``year``                | gwb_code                    | ``year`` column |
| eng85231     | ``Encoding_3`` (Nabijheid, English)    | that column                 | given (2021)    |
| extract      | ``buurtcode`` + renamed KWB columns    | buurtcode                   | given (2021)    |
| tmap         | ``code``, ``dwelling_value``, ``income_low`` | code                      | given (2022)    |
| cbs-buurt    | ``nhood_id``, ``population``, ``area``      | nhood_id                    | given (2023)    |

(tmap: KWB 2022 per wijk and gemeente as kept in the R package tmap; cbs-buurt: KWB 2023 per buurt
as downloaded from 85618NED by cbsodataR.)
| generic wide | ``code`` + indicator codes as columns  | code                        | ``year`` or given|
| generic long | ``code, indicator, year, value``       | code                        | ``year`` column |
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from wijksturing.monitor.importers.base import MonitorImportError, Table


@dataclass
class Record:
    row: int
    code: str
    name: str
    year: int
    values: dict[str, tuple[str, str]] = field(default_factory=dict)  # indicator -> (raw, column)


@dataclass(frozen=True)
class Format:
    name: str
    key: str  # which catalogue key maps its columns
    code_column: str
    name_column: str | None = None
    registers_areas: bool = True  # lists a whole CBS division: unknown codes are new areas
    # registers areas only where no loaded layout of the municipality knows all its codes (a file of
    # one level, e.g. wijken only, joins the division that has the same codes instead of making one)
    joins_known_layout: bool = False
    factors: tuple[tuple[str, float], ...] = ()  # indicator -> factor into the catalogue's unit
    default_source: str = ""


FORMATS = {
    "statline": Format("statline", "statline", "Regioaanduiding/Codering (code)", "Wijken en buurten",
                       default_source="CBS Kerncijfers wijken en buurten (StatLine)"),
    "odata": Format("odata", "odata", "Codering_3", "WijkenEnBuurten",
                    default_source="CBS Kerncijfers wijken en buurten (OData)"),
    "politie": Format("politie", "odata", "WijkenEnBuurten", "WijkenEnBuurten_label", registers_areas=False,
                      default_source="Politie via CBS StatLine (47018NED)"),
    "kwb2016": Format("kwb2016", "kwb2016", "WK_CODE", "WK_NAAM", default_source="CBS Wijk- en buurtkaart 2016"),
    "kwb2016-gemeente": Format("kwb2016-gemeente", "kwb2016", "GM_CODE", "GM_NAAM",
                               default_source="CBS Wijk- en buurtkaart 2016"),
    "kwb": Format("kwb", "kwb", "gwb_code", "gm_naam", registers_areas=False, factors=(("g_woz", 0.001),),
                  default_source="CBS Kerncijfers wijken en buurten"),
    "eng85231": Format("eng85231", "eng85231", "Encoding_3", "DistrictsAndNeighbourhoods",
                       default_source="CBS Nabijheid voorzieningen 2021 (85231ENG)"),
    "extract": Format("extract", "extract", "buurtcode", None, registers_areas=False,
                      default_source="CBS KWB buurtcijfers (extract, waarschijnlijk 2021)"),
    "tmap": Format("tmap", "tmap", "code", "name", joins_known_layout=True, factors=(("a_opp_ha", 100.0),),
                   default_source="CBS Kerncijfers wijken en buurten 2022 (85318NED)"),
    "cbs-buurt": Format("cbs-buurt", "cbsbuurt", "nhood_id", "buurtnaam_2024", registers_areas=False,
                        default_source="CBS Kerncijfers wijken en buurten 2023 (85618NED)"),
    "generic": Format("generic", "code", "code", "name", registers_areas=False, default_source="Eigen gegevens gemeente"),
    "generic-long": Format("generic-long", "code", "code", "name", registers_areas=False,
                           default_source="Eigen gegevens gemeente"),
}


def detect(header: list[str]) -> Format:
    columns = set(header)
    if "Regioaanduiding/Codering (code)" in columns:
        return FORMATS["statline"]
    if "GeregistreerdeMisdrijven_1" in columns:
        return FORMATS["politie"]
    if "Codering_3" in columns:
        return FORMATS["odata"]
    if "WK_CODE" in columns:
        return FORMATS["kwb2016"]
    if "GM_CODE" in columns:
        return FORMATS["kwb2016-gemeente"]
    if "Encoding_3" in columns:
        return FORMATS["eng85231"]
    if "buurtcode" in columns and "gwb_code_10" in columns:
        return FORMATS["extract"]
    if {"code", "dwelling_value", "income_low"} <= columns:
        return FORMATS["tmap"]
    if {"nhood_id", "population", "area"} <= columns:
        return FORMATS["cbs-buurt"]
    if {"gwb_code", "year"} <= columns:
        return FORMATS["kwb"]
    if {"code", "indicator", "value"} <= columns:
        return FORMATS["generic-long"]
    if "code" in columns:
        return FORMATS["generic"]
    raise MonitorImportError(
        _("unknown format: no column with area codes (expected e.g. 'code', 'Codering_3', "
          "'Regioaanduiding/Codering (code)', 'WK_CODE' or 'gwb_code')"), row=1)


def _norm(label: str) -> str:
    return re.sub(r"\s*/\s*", "/", re.sub(r"\s+", " ", label)).strip().lower()


def column_map(fmt: Format, header: list[str], catalogue: dict[str, dict]) -> dict[str, str]:
    """Which column holds which indicator. ``catalogue``: indicator code -> its keys."""
    if fmt.key == "code":
        return {c: c for c in header if c in catalogue}
    by_key = {_norm(keys[fmt.key]): code for code, keys in catalogue.items() if fmt.key in keys}
    mapping = {c: by_key[_norm(c)] for c in header if _norm(c) in by_key}
    if fmt.key == "odata":  # other years' tables: same key stem, another numeric suffix
        stems: dict[str, list[str]] = {}
        for code, keys in catalogue.items():
            if "odata" in keys:
                stems.setdefault(keys["odata"].rsplit("_", 1)[0], []).append(code)
        for column in header:
            stem = column.rsplit("_", 1)[0]
            if column not in mapping and len(stems.get(stem, [])) == 1:
                mapping[column] = stems[stem][0]
    return mapping


def _year_of(raw: str, *, file: str, row: int, column: str) -> int:
    match = re.match(r"^(\d{4})", raw.strip())
    if not match:
        raise MonitorImportError(_("'%(raw)s' is not a year") % {"raw": raw}, file=file, row=row, column=column)
    return int(match.group(1))


def _code_of(fmt: Format, raw: str, *, file: str, row: int) -> str:
    code = raw.strip().upper()
    if fmt.name == "kwb" and re.fullmatch(r"\d+", code):
        code = "GM" + code.zfill(4)
    if fmt.name == "extract" and re.fullmatch(r"\d+", code):
        code = "BU" + code.zfill(8)
    if not re.fullmatch(r"(GM\d{4}|WK\d{6}|BU\d{8}|NL\d{2}|[A-Z0-9][A-Z0-9_.-]{0,19})", code):
        raise MonitorImportError(_("'%(raw)s' is not an area code") % {"raw": raw}, file=file, row=row,
                                 column=fmt.code_column)
    return code


def records(table: Table, fmt: Format, mapping: dict[str, str], *, year: int | None) -> list[Record]:
    out: list[Record] = []
    year_column = "year" if "year" in table.header else ("Perioden" if "Perioden" in table.header else None)
    for number, row in table.rows:
        raw_code = row.get(fmt.code_column, "")
        if not raw_code:
            raise MonitorImportError(_("no area code"), file=table.name, row=number, column=fmt.code_column)
        code = _code_of(fmt, raw_code, file=table.name, row=number)
        if code.startswith("NL"):
            continue
        if year_column and row.get(year_column):
            row_year = _year_of(row[year_column], file=table.name, row=number, column=year_column)
        elif year is not None:
            row_year = year
        else:
            raise MonitorImportError(_("the file has no year column: give the year"), file=table.name, row=number)
        name = row.get(fmt.name_column or "", "") or code
        if fmt.name == "generic-long":
            indicator = row.get("indicator", "").strip()
            if indicator not in mapping.values():
                raise MonitorImportError(_("unknown indicator '%(code)s'") % {"code": indicator}, file=table.name,
                                         row=number, column="indicator")
            out.append(Record(number, code, name, row_year, {indicator: (row.get("value", ""), "value")}))
            continue
        out.append(Record(number, code, name, row_year, {ind: (row.get(col, ""), col) for col, ind in mapping.items()}))
    return out
