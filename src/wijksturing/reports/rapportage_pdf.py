"""The gebiedsrapportage as PDF (fpdf2, as the gebiedsanalyse in :mod:`reports.pdf`), drawn from
the report's content data only, so that the same content and publication moment give the same
bytes (the creation date is the publication moment, not the time of drawing)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from wijksturing.reports.pdf import GREY, ReportPDF, _row, _t
from wijksturing.reports.templatetags.rapportage import (
    achieved,
    direction,
    euro,
    euro_signed,
    goal_status,
    isodate,
    number,
    percent,
    taakveld,
)

COLOUR = "#1f4e79"
FIXED = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)  # drafts: a fixed creation date, never "now"


def _source(pdf: ReportPDF, text: str) -> None:
    pdf.set_font("Helvetica", size=7.5)
    pdf.set_text_color(*GREY)
    pdf.multi_cell(0, 3.6, _t(text), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)


def _table(pdf: ReportPDF, widths, header, rows, aligns=None) -> None:
    pdf.set_font("Helvetica", "B", 8.5)
    _row(pdf, widths, header, aligns=aligns, border=True)
    pdf.set_font("Helvetica", size=8.5)
    for row in rows:
        pdf.ln(0.6)
        _row(pdf, widths, row, aligns=aligns)
    pdf.ln(2)


def render_rapportage_pdf(*, content: dict, changes: dict, published_at=None, status: str = "draft") -> bytes:
    c = content
    title = _("Area report %(name)s, %(period)s") % {"name": c["gebied"]["name"], "period": c["period"]["label"]}
    pdf = ReportPDF(title=title, url=f"{c['gebied']['municipality_name']} · {c['gebied']['code']}", colour=COLOUR)
    pdf.set_creation_date(published_at or FIXED)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.set_text_color(*pdf.colour)
    pdf.multi_cell(0, 8, _t(title), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*GREY)
    pdf.set_font("Helvetica", size=9.5)
    pdf.multi_cell(0, 5, _t(
        f"{c['gebied']['municipality_name']} · {_('gebied')} {c['gebied']['code']} · "
        + _("period %(start)s to %(end)s") % {"start": isodate(c["period"]["start"]), "end": isodate(c["period"]["end"])}
        + " · " + _("figures as of %(day)s") % {"day": isodate(c["reference_date"])}),
        align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    if status != "published":
        pdf.para(_("Draft: this report is not published; its figures follow the data until publication."))
    elif published_at:
        pdf.para(_("Published on %(day)s. This report is frozen: it does not change when the data change later.") % {
            "day": isodate(timezone.localtime(published_at).date().isoformat())}, size=9)
    if c.get("introduction"):
        pdf.heading(_("Introduction by the area team"))
        pdf.para(c["introduction"])

    pdf.heading(_("What changed since the previous report"))
    if not changes:
        pdf.para(_("This is the first published report of this gebied."))
    else:
        pdf.para(_("Compared with the report of %(period)s.") % {"period": changes["previous_period"]})
        if changes.get("index"):
            i = changes["index"]
            pdf.para(f"{_('Liveability index')}: {number(i['old'], 1)} ({i['old_year']}) -> {number(i['new'], 1)} "
                     f"({i['new_year']}), {direction(i['direction'])}.")
        if changes.get("figures"):
            _table(pdf, (80, 32, 32, 30), (_("Figure"), _("Before"), _("Now"), _("Change")),
                   [(f["name"], f"{number(f['old'], f['decimals'])} ({f['old_year']})",
                     f"{number(f['new'], f['decimals'])} ({f['new_year']})", direction(f["direction"]))
                    for f in changes["figures"]], aligns=["L", "R", "R", "L"])
        if changes.get("goals"):
            _table(pdf, (104, 35, 35), (_("Goal"), _("Before"), _("Now")),
                   [(g["title"], goal_status(g["old"]), goal_status(g["new"])) for g in changes["goals"]])
        if changes.get("budget"):
            _table(pdf, (50, 64, 30, 30), (_("Domain"), _("Budget"), _("Committed"), _("Spent")),
                   [(b["label"], f"{euro(b['budget']['old'])} -> {euro(b['budget']['new'])} "
                                 f"({euro_signed(b['budget']['shift'])})",
                     euro_signed(b["committed"]["shift"]), euro_signed(b["spent"]["shift"])) for b in changes["budget"]],
                   aligns=["L", "R", "R", "R"])
        if changes.get("signals"):
            s = changes["signals"]
            pdf.para(f"{_('Open signals')}: {s['old']} -> {s['new']} ({direction(s['direction'])}).")

    m = c["monitor"]
    pdf.heading(_("Monitor: index and key figures"))
    if m.get("index") and m["index"]["published"]:
        i = m["index"]
        pdf.para(_("Liveability index %(year)s: %(value)s (%(cityname)s: %(city)s).") % {
            "year": i["year"], "value": number(i["value"], 1), "cityname": m["city"], "city": number(i["city"], 1)})
        _source(pdf, f"{_('Source')}: {i['source']}, {i['year']}")
    if m["figures"]:
        _table(pdf, (58, 24, 24, 24, 44),
               (_("Figure"), c["gebied"]["name"], m["city"], _("Trend"), _("Source and reference date")),
               [(f["name"], _("hidden") if f["suppressed"] else number(f["value"], f["decimals"]),
                 number(f["city"], f["decimals"]),
                 f"{number(f['change'], f['decimals'])} {_('since')} {f['trend'][0][0]}" if f["change"] is not None else "",
                 f["source"] + (f", {isodate(f['reference']) if f['reference'] else f['year']}"
                                if f["reference"] or f["year"] else ""))
                for f in m["figures"]],
               aligns=["L", "R", "R", "R", "L"])

    pdf.heading(_("Area programme: goals and progress"))
    p = c.get("programme")
    if p:
        pdf.para(f"{p['title']} ({p['period']}). " + _(
            "%(on)s goals on track, %(risk)s at risk, %(behind)s behind, %(unknown)s unknown.") % {
            "on": p["counts"].get("on_track", 0), "risk": p["counts"].get("at_risk", 0),
            "behind": p["counts"].get("behind", 0), "unknown": p["counts"].get("unknown", 0)})
        _table(pdf, (64, 40, 22, 48), (_("Goal"), _("Theme"), _("Progress"), _("Yearly review")),
               [(g["title"], g["theme"], goal_status(g["status"]),
                 "; ".join(f"{r['year']}: {achieved(r['achieved'])}" for r in g["reviews"]) or "-") for g in p["goals"]])
        _source(pdf, f"{_('Source')}: {p['source']}, {isodate(p['reference_date'])}")
    else:
        pdf.para(_("This gebied has no published area programme."))

    pdf.heading(_("Area budget"))
    b = c.get("budget")
    if b:
        pdf.para(_("Budget %(year)s set by the council: %(budget)s; committed %(committed)s, spent %(spent)s, "
                   "remaining %(remaining)s.") % {"year": b["year"], "budget": euro(b["total"]["budget"]),
                                                  "committed": euro(b["total"]["committed"]),
                                                  "spent": euro(b["total"]["spent"]),
                                                  "remaining": euro(b["total"]["remaining"])}
                 + (" " + _("Illustrative (demo) amounts.") if b["illustrative"] else ""))
        _table(pdf, (38, 52, 28, 28, 28), (_("Domain"), _("Taakveld (IV3)"), _("Budget"), _("Committed"), _("Spent")),
               [(d["label"], taakveld(d["taakveld"]), euro(d["budget"]), euro(d["committed"]), euro(d["spent"]))
                for d in b["domains"]], aligns=["L", "L", "R", "R", "R"])
        _table(pdf, (90, 28, 28, 28), (_("Taakveld (IV3)"), _("Budget"), _("Committed"), _("Spent")),
               [(taakveld(t["code"]), euro(t["budget"]), euro(t["committed"]), euro(t["spent"])) for t in b["taakvelden"]],
               aligns=["L", "R", "R", "R"])
        if b["goals"]:
            _table(pdf, (118, 28, 28), (_("Goal"), _("Committed"), _("Spent")),
                   [(g["title"], euro(g["committed"]), euro(g["spent"])) for g in b["goals"]], aligns=["L", "R", "R"])
        _source(pdf, f"{_('Source')}: {b['source']}, {isodate(b['reference_date'])}")
    else:
        pdf.para(_("No area budget was set for this year."))

    pa = c["participation"]
    pdf.heading(_("Initiatives and buurtbegroting"))
    pdf.para(_("Decided resident initiatives: %(n)s, granted %(granted)s.") % {
        "n": pa["initiatives"]["count"], "granted": euro(pa["initiatives"]["granted"])})
    for i in pa["initiatives"]["items"]:
        pdf.para(f"- {i['title']}: {i['status_label']}" + (f", {euro(i['granted'])}" if i["granted"] else ""), size=9)
    for r in pa["rounds"]:
        pdf.para(f"- {_('Buurtbegroting')} {r['title']} ({r['period']}): {r['phase_label']}, {euro(r['budget'])}", size=9)
    _source(pdf, f"{_('Source')}: {pa['source']}, {isodate(pa['reference_date'])}")

    s = c["signals"]
    pdf.heading(_("Signals"))
    text = _("In %(year)s %(received)s signals were received, %(handled)s of them handled. Open now: %(open)s, of which "
             "%(overdue)s past their deadline.") % {k: s[k] for k in ("year", "received", "handled", "open", "overdue")}
    if s["median_days"] is not None:
        text += " " + _("Median handling time %(days)s days.") % {"days": number(s["median_days"], 1)}
    if s["share_in_time"] is not None:
        text += " " + _("%(share)s handled within the promised term.") % {"share": percent(s["share_in_time"])}
    pdf.para(text)
    if s["themes"]:
        _table(pdf, (100, 24, 24, 26), (_("Theme"), _("Received"), _("Handled"), _("Median days")),
               [((f"{t['main_category']}: " if t["main_category"] else "") + str(t["category"]), str(t["signals"]),
                 str(t["handled"]), number(t["median_days"], 1)) for t in s["themes"]], aligns=["L", "R", "R", "R"])
    _source(pdf, f"{_('Source')}: {s['source']}, {isodate(s['reference_date'])}")

    pdf.heading(_("Strengths of the area"))
    st = c.get("strengths")
    if st:
        pdf.para(_("Organisations and initiatives working in this area: %(n)s.") % {"n": st["public"]})
        _source(pdf, f"{_('Source')}: {st['source']}, {isodate(st['reference_date'])}")
    else:
        pdf.para(_("The register of the area's strengths is not available."))
    return bytes(pdf.output())
