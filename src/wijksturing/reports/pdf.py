"""The gebiedsanalyse as PDF, drawn with fpdf2 (pure Python, no system packages).

Fonts: fpdf2's built-in core font Helvetica with Windows-1252 text (covers Dutch, €, – and
curly quotes); a character outside it is replaced by "?". The map is the same projected
geometry as the web page's SVG, drawn as polygons.
"""

from __future__ import annotations

import datetime as dt
import re

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from fpdf import FPDF

from wijksturing.reports.selectors import AreaAnalysis
from wijksturing.web.svgmap import SvgMap
from wijksturing.web.templatetags.figures import reference, references
from wijksturing.web.templatetags.web import format_number

GREY = (90, 90, 90)
RING = re.compile(r"M([^MZ]+)Z")


def _t(text) -> str:
    """Text the core font can show: Windows-1252, anything else as '?'."""
    return str(text or "").encode("cp1252", "replace").decode("cp1252")


def _hex(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


class ReportPDF(FPDF):
    def __init__(self, *, title: str, url: str, colour: str):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.core_fonts_encoding = "windows-1252"
        self.report_title, self.report_url, self.colour = title, url, _hex(colour)
        self.set_auto_page_break(auto=True, margin=18)
        self.set_margins(18, 18, 18)
        self.set_title(_t(title))
        self.set_author("wijksturing")
        self.set_creator("wijksturing (fpdf2)")
        self.set_lang("nl")
        self.alias_nb_pages_text = "{nb}"
        self.alias_nb_pages(self.alias_nb_pages_text)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", size=8)
        self.set_text_color(*GREY)
        self.cell(0, 5, _t(f"{self.report_title} · {self.report_url}"), align="L")
        self.cell(0, 5, _t(_("page %(n)s of %(total)s") % {"n": self.page_no(), "total": self.alias_nb_pages_text}),
                  align="R")

    def heading(self, text: str, size: int = 14) -> None:
        self.ln(3)
        self.set_font("Helvetica", "B", size)
        self.set_text_color(*self.colour)
        self.multi_cell(0, size * 0.5, _t(text), align="L", new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)
        self.ln(1)

    def para(self, text: str, size: int = 10) -> None:
        self.set_font("Helvetica", size=size)
        self.multi_cell(0, 5, _t(text), align="L", new_x="LMARGIN", new_y="NEXT")


def _draw_map(pdf: ReportPDF, svgmap: SvgMap | None, *, width: float = 110) -> None:
    if svgmap is None or not svgmap.shapes or not svgmap.height:
        return
    k = width / svgmap.width
    height = svgmap.height * k
    if height > 110:
        k, height = 110 / svgmap.height, 110
    if pdf.get_y() + height > pdf.h - 20:
        pdf.add_page()
    x0, y0 = pdf.l_margin, pdf.get_y()
    pdf.set_line_width(0.15)
    pdf.set_draw_color(45, 45, 45)
    for shape in svgmap.shapes:
        fill = (230, 230, 230) if "sibling" in shape.css_class else (207, 220, 237)
        if "current" in shape.css_class:
            fill = pdf.colour
        pdf.set_fill_color(*fill)
        for ring in RING.findall(shape.d):
            pts = []
            for pair in ring.split("L"):
                x, y = pair.split()
                pts.append((x0 + float(x) * k, y0 + float(y) * k))
            if len(pts) >= 3:
                pdf.polygon(pts, style="DF")
    pdf.set_y(y0 + height + 3)


def _sparkline(pdf: ReportPDF, series, x: float, y: float, w: float = 22, h: float = 3.6) -> None:
    """A small line of the series inside the box (x, y, w, h): it stays within its table row."""
    pts = [(yr, v) for yr, v in series if v is not None]
    if len(pts) < 2:
        return
    years, values = [p[0] for p in pts], [p[1] for p in pts]
    lo, span_v = min(values), (max(values) - min(values)) or 1
    span_y = (max(years) - min(years)) or 1
    coords = [(x + (yr - min(years)) / span_y * w, y + h - (v - lo) / span_v * h) for yr, v in pts]
    pdf.set_draw_color(*pdf.colour)
    pdf.set_line_width(0.4)
    pdf.polyline(coords)
    pdf.set_draw_color(0, 0, 0)


def render_pdf(*, analysis: AreaAnalysis, svgmap: SvgMap | None, url: str, colour: str) -> bytes:
    a = analysis
    title = _("Area analysis %(name)s") % {"name": a.area.name}
    pdf = ReportPDF(title=title, url=url, colour=colour)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 20)
    pdf.set_text_color(*pdf.colour)
    pdf.multi_cell(0, 9, _t(title), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*GREY)
    pdf.set_font("Helvetica", size=10)
    parents = " › ".join(p.name for p in a.ancestors)  # names may hold commas: "Centrum, Spijkerkwartier en …"
    pdf.multi_cell(0, 5, _t(f"{a.level_label.capitalize()} {a.area.code}" + (f" · {parents}" if parents else "")
                            + f" · {_('year')} {a.year} · {_('made on')} {date_format(dt.date.today(), 'j F Y')}"),
                   align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(3)
    _draw_map(pdf, svgmap)
    if a.children:
        pdf.para(_("Areas in %(name)s: ") % {"name": a.area.name} + ", ".join(c.name for c in a.children), size=9)

    pdf.heading(_("Key figures"))
    if a.figures:
        _figures_table(pdf, a)
    else:
        pdf.para(_("There are no figures for this area in this year."))

    pdf.heading(_("Liveability index"))
    if a.index_published:
        pdf.para(_("Index %(value)s; the municipality scores %(city)s (100 = the municipality in %(base)s).") % {
            "value": format_number(a.index.value), "city": format_number(a.city_index.value if a.city_index else None),
            "base": a.index.base_year})
        if a.index.behind:
            pdf.para(_("This area falls behind the rest of the municipality."))
        if a.index.falling:
            pdf.para(_("The index of this area falls fast."))
    elif a.index:
        pdf.para(_("The index of %(year)s is not published as one number: only %(scored)s of its %(total)s parts have "
                   "figures, and one number needs at least three. The parts are shown below.") % {
            "year": a.year, "scored": a.index_scored, "total": a.dimensions_total})
    else:
        pdf.para(_("There is no index for this area in this year."))
    for part in a.index_parts:
        used = ", ".join(f"{i.name} ({i.figure_year})" for i in part.indicators) or _("no figures: this part is left out")
        pdf.para(f"- {part.name}: {format_number(part.score)} ({a.municipality.name}: {format_number(part.city_score)}). "
                 f"{_('Computed from')}: {used}", size=9)
    published = [h for h in a.index_history if h.published]
    if published:
        pdf.para(_("Index over the years") + ": " + "; ".join(f"{h.year}: {format_number(h.value)}" for h in published),
                 size=9)

    pdf.heading(_("Areas like this one"))
    pdf.para(", ".join(s.name for s in a.similar) or _("No similar areas have been computed."))
    if a.contacts:
        pdf.heading(_("Area team"))
        for c in a.contacts:
            pdf.para(", ".join(x for x in (c.name, c.role, c.email, c.phone) if x), size=9)
    pdf.heading(_("Sources"))
    for source, refs in a.sources or [(_("CBS and the municipality"), [])]:
        pdf.para(f"- {source}" + (f", {references(refs)}" if refs else ""), size=9)
    pdf.para(_("A number is hidden when it is about so few people that someone could be recognised."), size=9)
    return bytes(pdf.output())


def _row(pdf: ReportPDF, widths, texts, *, line: float = 4.2, aligns=None, border: bool = False) -> tuple[float, float]:
    """One table row whose cells wrap their text (no name is cut off); returns (top, height)."""
    aligns = aligns or ["L"] * len(widths)
    counts = [len(pdf.multi_cell(w, line, _t(t), dry_run=True, output="LINES")) if t else 1 for w, t in zip(widths, texts)]
    height = line * max(counts)
    if pdf.get_y() + height > pdf.h - 24:
        pdf.add_page()
    x, y = pdf.l_margin, pdf.get_y()
    for w, t, align in zip(widths, texts, aligns):
        pdf.set_xy(x, y)
        if t:
            pdf.multi_cell(w, line, _t(t), align=align, new_x="RIGHT", new_y="TOP")
        x += w
    if border:
        pdf.line(pdf.l_margin, y + height + 0.5, pdf.l_margin + sum(widths), y + height + 0.5)
    pdf.set_xy(pdf.l_margin, y + height + (1 if border else 0))
    return y, height


def _figures_table(pdf: ReportPDF, a: AreaAnalysis) -> None:
    widths = (60, 26, 26, 26, 36)
    pdf.set_font("Helvetica", "B", 9)
    _row(pdf, widths, (_("Figure"), a.area.name, _("Trend"), a.municipality.name, _("Compared")),
         aligns=["L", "R", "L", "R", "L"], border=True)
    for f in a.figures:
        own = f.figure.value if f.figure else None
        value = _("hidden") if f.figure and f.figure.suppressed else format_number(own, f.decimals)
        if f.figure and f.figure.year != a.year:
            value += f" ({f.figure.year})"
        city = format_number(f.city.value if f.city else None, f.decimals)
        if f.city and f.city.year != a.year:
            city += f" ({f.city.year})"
        pdf.set_font("Helvetica", size=9)
        pdf.ln(0.8)
        top, height = _row(pdf, widths, (f.indicator.name, value, "", city,
                                         {"better": _("better"), "worse": _("worse")}.get(f.assessment, "")),
                           aligns=["L", "R", "L", "R", "L"])
        spark = min(3.0, height - 1.2)
        _sparkline(pdf, f.series, pdf.l_margin + widths[0] + widths[1] + 2, top + (height - spark) / 2, h=spark)
        source = (f.figure.source if f.figure else "") or f.indicator.source
        note = (f.comparison[:1].upper() + f.comparison[1:] + ". " if f.comparison else "") + _("Source") + f": {source}"
        if f.figure:
            note += f", {reference(f.figure)}"
        pdf.set_font("Helvetica", size=7.5)
        pdf.set_text_color(*GREY)
        pdf.multi_cell(0, 3.6, _t(note), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
