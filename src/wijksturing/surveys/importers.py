"""Import published survey estimates per area as subjective indicators: value, and margin and
number of respondents where the publisher gives them.

Formats, recognised by their header:

``amsterdam-bbga``
    The long BBGA table of Amsterdam's OIS (``jaar;gebiedcode15;variabele;waarde``): the city
    (``STAD``), stadsdelen and the 22 gebieden, 2005–2017. Imported: report mark for the buurt
    (``LBUURT_R``), social cohesion (``LSOCCOH_R``), % sometimes feeling unsafe
    (``VVEILIGVOELEN_P``), the onveiligheidsbeleving index (``VBELEVING_I``) and the
    Veiligheidsindex (``VVEILIGH_I``; shown, not in the subjective index because it mixes police
    figures in). Gebied names come from ``bbga_gebieden.csv`` next to the file when it is there
    (provisional names, see that data set's README).
``eindhoven-buurt``
    Eindhoven's "most recent" buurt table (``NbId``, ``cbs_buurtcode_2024``, ``PctFeelsUnsafe``,
    ``ScoreSocialCohesion``, ``PctUnhappy``; decimal comma). Its years differ per column and are
    not in the file; the data set's README dates them to 2022, which is the year used.
``eindhoven-stadsdeel``
    The student table per stadsdeel 2014–2021 (``year``, ``neighborhood``, ``Voelt zich wel eens
    onveilig in de eigen buurt %``); ``0.0`` means missing there.
``generic``
    ``gemeente;gebiedcode;gebiedsnaam;niveau;jaar;indicator;waarde;marge;n`` (comma or semicolon),
    for any municipality's own published figures; ``marge`` (95% margin, same unit) and ``n``
    (respondents) may be empty; ``indicator`` is a code of the monitor's catalogue.

Every import replaces the earlier import of the same source; estimates are kept in this app
(with margin and n) and fed to the monitor for areas it knows (matched by code).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from django.db import transaction

from wijksturing import dataversion
from wijksturing.accounts.services import audit_log
from wijksturing.areas.selectors import layout_for_year
from wijksturing.core.numbers import NumberError, parse_number
from wijksturing.core.tabular import TableError, read_table
from wijksturing.monitor import services as monitor_services
from wijksturing.monitor.selectors import indicator_exists
from wijksturing.surveys.models import Channel, Estimate
from wijksturing.surveys.questions import SurveyIndicator


class SurveyImportError(ValueError):
    """Bad input; ``str(error)`` names the file, the row and the column."""

    def __init__(self, message: str, *, file: str, row: int | None = None, column: str | None = None):
        where = [p for p in (file, f"row {row}" if row is not None else "", f"column {column!r}" if column else "") if p]
        super().__init__(": ".join(where + [message]))


AMS = "Gemeente Amsterdam, Onderzoek en Statistiek, BBGA (licentie onbevestigd; alleen test en demo)"
EHV = "Gemeente Eindhoven, eindhoven.incijfers.nl (licentie onbevestigd; alleen test en demo)"

IMPORTED_INDICATORS = {i.code: i for i in [
    SurveyIndicator("ams_rapportcijfer_buurt", "Tevredenheid met eigen buurt (1-10, Amsterdam)",
                    "Satisfaction with own neighbourhood (1-10, Amsterdam)", "higher_better", "cijfer", 1, "oordeel",
                    "BBGA LBUURT_R: gemiddeld rapportcijfer voor de eigen buurt (Wonen in Amsterdam)."),
    SurveyIndicator("ams_sociale_cohesie", "Sociale cohesie (1-10, Amsterdam)", "Social cohesion (1-10, Amsterdam)",
                    "higher_better", "schaal", 1, "samenhang", "BBGA LSOCCOH_R (Veiligheidsmonitor)."),
    SurveyIndicator("ams_onveilig_pct", "Voelt zich weleens onveilig in eigen buurt (%, Amsterdam)",
                    "Sometimes feels unsafe in own neighbourhood (%, Amsterdam)", "higher_worse", "%", 0, "veiligheid",
                    "BBGA VVEILIGVOELEN_P (Veiligheidsmonitor)."),
    SurveyIndicator("ams_onveiligheidsbeleving_i", "Onveiligheidsbelevingsindex (Amsterdam)",
                    "Perceived lack of safety index (Amsterdam)", "higher_worse", "index", 0, "veiligheid",
                    "BBGA VBELEVING_I: 100 = politieregio Amsterdam-Amstelland 2014; lager is veiliger."),
    SurveyIndicator("ams_veiligheidsindex", "Veiligheidsindex totaal (Amsterdam)", "Safety index, total (Amsterdam)",
                    "higher_worse", "index", 0, "",
                    "BBGA VVEILIGH_I: criminaliteit, overlast en beleving; 100 = politieregio 2014; lager is veiliger."),
    SurveyIndicator("ehv_onveilig_pct", "Voelt zich onveilig (%, Eindhoven)", "Feels unsafe (%, Eindhoven)",
                    "higher_worse", "%", 0, "veiligheid", "Eindhoven incijfers PctFeelsUnsafe / stadsdeeltrend."),
    SurveyIndicator("ehv_sociale_cohesie", "Sociale cohesie (score, Eindhoven)", "Social cohesion (score, Eindhoven)",
                    "higher_better", "score", 1, "samenhang", "Eindhoven incijfers ScoreSocialCohesion."),
    SurveyIndicator("ehv_ongelukkig_pct", "Voelt zich ongelukkig (%, Eindhoven)", "Feels unhappy (%, Eindhoven)",
                    "higher_worse", "%", 0, "oordeel", "Eindhoven incijfers PctUnhappy."),
]}

AMS_VARIABLES = {"LBUURT_R": "ams_rapportcijfer_buurt", "LSOCCOH_R": "ams_sociale_cohesie",
                 "VVEILIGVOELEN_P": "ams_onveilig_pct", "VBELEVING_I": "ams_onveiligheidsbeleving_i",
                 "VVEILIGH_I": "ams_veiligheidsindex"}
AMS_STADSDELEN = {"A": "Centrum", "B": "Westpoort", "E": "West", "F": "Nieuw-West", "K": "Zuid", "M": "Oost",
                  "N": "Noord", "T": "Zuidoost"}
EHV_COLUMNS = {"PctFeelsUnsafe": "ehv_onveilig_pct", "ScoreSocialCohesion": "ehv_sociale_cohesie",
               "PctUnhappy": "ehv_ongelukkig_pct"}
EHV_UNSAFE_TREND = "Voelt zich wel eens onveilig in de eigen buurt %"
EHV_RECENT_YEAR = 2022
GENERIC = ["gemeente", "gebiedcode", "gebiedsnaam", "niveau", "jaar", "indicator", "waarde", "marge", "n"]


def _read(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The header and the rows with their row numbers, read by the project's one table reader
    (:func:`wijksturing.core.tabular.read_table`: UTF-8, ``;``, ``,`` or tab, optionally gzipped)."""
    try:
        table = read_table(path, excel=False)
    except TableError as error:
        raise SurveyImportError(error.reason, file=error.file, row=error.row, column=error.column) from None
    return table.header, table.rows


def _number(raw: str | None, *, file: str, row: int, column: str, comma: bool = False) -> float | None:
    """By the project's one number parser: a decimal comma (and thousands points) where ``comma``,
    else a decimal point; ``.``, ``-``, ``x`` and ``?`` are not published."""
    text = (raw or "").strip()
    if text in ("", ".", "-", "x", "?"):
        return None
    try:
        return parse_number(text, decimal="," if comma else ".")
    except NumberError:
        raise SurveyImportError(f"{raw!r} is not a number", file=file, row=row, column=column) from None


Row = tuple[str, str, str, str, int, str, float, float | None, int | None]  # gm, code, name, level, year, ind, value, moe, n


def _amsterdam(path: Path, rows: list[tuple[int, dict]]) -> tuple[str, list[Row]]:
    names = dict(AMS_STADSDELEN)
    gebieden = path.with_name("bbga_gebieden.csv")
    if gebieden.exists():
        for _row, r in _read(gebieden)[1]:
            if r.get("gebiednaam_waarschijnlijk"):
                names[r["gebiedcode15"]] = f"{r['gebiednaam_waarschijnlijk']} (naam voorlopig)"
    out = []
    for number, r in rows:
        indicator = AMS_VARIABLES.get(r["variabele"])
        if indicator is None:
            continue
        value = _number(r["waarde"], file=path.name, row=number, column="waarde")
        if value is None:
            continue
        code = r["gebiedcode15"]
        level = {"stad": "gemeente", "stadsdeel": "stadsdeel"}.get(r.get("niveau", ""), "gebied")
        name = "Amsterdam" if code == "STAD" else names.get(code, code)
        out.append(("GM0363", "GM0363" if code == "STAD" else code, name, level, int(r["jaar"]), indicator, value, None, None))
    return AMS, out


def _eindhoven_recent(path: Path, rows: list[tuple[int, dict]]) -> tuple[str, list[Row]]:
    out = []
    for number, r in rows:
        code = r.get("cbs_buurtcode_2024") or ""
        if not code:
            continue
        for column, indicator in EHV_COLUMNS.items():
            value = _number(r.get(column), file=path.name, row=number, column=column, comma=True)
            if value is not None:
                out.append(("GM0772", code, r.get("NbName", code), "buurt", EHV_RECENT_YEAR, indicator, value, None, None))
    return EHV, out


def _eindhoven_trend(path: Path, rows: list[tuple[int, dict]]) -> tuple[str, list[Row]]:
    out = []
    for number, r in rows:
        value = _number(r.get(EHV_UNSAFE_TREND), file=path.name, row=number, column=EHV_UNSAFE_TREND)
        if value is None or value == 0.0:  # the student wrote 0.0 for missing
            continue
        name = r["neighborhood"]
        out.append(("GM0772", f"EHV-{name}", name, "stadsdeel", int(r["year"]), "ehv_onveilig_pct", value, None, None))
    return EHV + ", stadsdeeltrend (studentbewerking)", out


def _generic(path: Path, rows: list[tuple[int, dict]]) -> tuple[str, list[Row]]:
    out = []
    for number, r in rows:
        indicator = r["indicator"].strip()
        if indicator not in IMPORTED_INDICATORS and not indicator_exists(code=indicator):
            raise SurveyImportError(f"unknown indicator {indicator!r}", file=path.name, row=number, column="indicator")
        try:
            year = int(r["jaar"])
        except ValueError:
            raise SurveyImportError(f"{r['jaar']!r} is not a year", file=path.name, row=number, column="jaar") from None
        comma = "," in (r["waarde"] or "") and "." not in (r["waarde"] or "")
        value = _number(r["waarde"], file=path.name, row=number, column="waarde", comma=comma)
        if value is None:
            continue
        margin = _number(r.get("marge"), file=path.name, row=number, column="marge", comma=comma)
        n = _number(r.get("n"), file=path.name, row=number, column="n")
        if margin is not None and margin < 0:
            raise SurveyImportError("a margin cannot be negative", file=path.name, row=number, column="marge")
        out.append((r["gemeente"].strip().upper(), r["gebiedcode"].strip(), r["gebiedsnaam"].strip(), r["niveau"].strip(),
                    year, indicator, value, margin, int(n) if n is not None else None))
    return f"{path.name} (eigen publicatie)", out


def detect(header: list[str]) -> str:
    h = set(header)
    if {"jaar", "gebiedcode15", "variabele", "waarde"} <= h:
        return "amsterdam-bbga"
    if {"cbs_buurtcode_2024", "PctFeelsUnsafe"} <= h:
        return "eindhoven-buurt"
    if {"year", "neighborhood", EHV_UNSAFE_TREND} <= h:
        return "eindhoven-stadsdeel"
    if set(GENERIC[:7]) <= h:
        return "generic"
    return ""


READERS = {"amsterdam-bbga": _amsterdam, "eindhoven-buurt": _eindhoven_recent, "eindhoven-stadsdeel": _eindhoven_trend,
           "generic": _generic}


def _indicators_ensure(codes: set[str]) -> None:
    for order, code in enumerate(sorted(codes)):
        ind = IMPORTED_INDICATORS.get(code)
        if ind is not None:
            monitor_services.indicator_upsert(
                code=ind.code, name_nl=ind.name_nl, name_en=ind.name_en, source=AMS if code.startswith("ams") else EHV,
                theme="wijkpeiling", aggregation="none", direction=ind.direction, unit=ind.unit, decimals=ind.decimals,
                definition=ind.definition, order=9200 + order)


def _feed_monitor(source: str, rows: list[Row]) -> int:
    """Observations for the areas the monitor knows (matched by code in the layout of the year)."""
    groups: dict[tuple[str, int], list[Row]] = defaultdict(list)
    for row in rows:
        groups[(row[0], row[4])].append(row)
    written = 0
    for (gm, year), items in sorted(groups.items()):
        layout = layout_for_year(municipality_code=gm, year=year)
        if layout is None:
            continue
        ids = {a.code: a.pk for a in layout.areas.all()}
        feed = [(ind, ids[code], value, None, None) for _gm, code, _n, _l, _y, ind, value, _m, _c in items if code in ids]
        if feed:
            written += monitor_services.observations_replace(
                year=year, indicator_codes=sorted({f[0] for f in feed}), area_ids=sorted({f[1] for f in feed}),
                source=source, rows=feed)
    return written


def estimates_import(*, path: Path | str, by=None) -> dict:
    """Import one file (see the module text); returns ``{format, source, estimates, observations}``.
    All or nothing: a bad value stops the import with the file, row and column."""
    path = Path(path)
    header, rows = _read(path)
    fmt = detect(header)
    if not fmt:
        raise SurveyImportError("unknown format: the header matches none of amsterdam-bbga, eindhoven-buurt, "
                                "eindhoven-stadsdeel, generic", file=path.name, row=1)
    source, parsed = READERS[fmt](path, rows)
    with transaction.atomic():
        _indicators_ensure({r[5] for r in parsed})
        Estimate.objects.filter(survey__isnull=True, source=source).delete()
        Estimate.objects.bulk_create([
            Estimate(source=source, municipality_code=gm, area_code=code, area_name=name[:120], area_level=level, year=year,
                     indicator_code=ind, channel=Channel.PUBLISHED, value=value, margin=moe, n=n)
            for gm, code, name, level, year, ind, value, moe, n in parsed], batch_size=2000)
        observations = _feed_monitor(source, parsed)
        dataversion.bump()
    audit_log(user=by, action="survey_estimates_import", obj="Estimate",
              changes={"file": path.name, "format": fmt, "estimates": len(parsed)})
    return {"format": fmt, "source": source, "estimates": len(parsed), "observations": observations}
