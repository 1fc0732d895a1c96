"""The report PDFs are the HTML report templates printed by WeasyPrint (issue 13): a tagged PDF
(structure tree, /MarkInfo, /Lang nl, title), embedded fonts and no core font, every Dutch
character and whole names, and the numbers of the HTML page's table cells. Read with pypdf."""

from __future__ import annotations

import io
import re
import sys
from collections import Counter

import pytest
from django.core.cache import cache
from django.utils import translation
from pypdf import PdfReader

from wijksturing.reports import pdfrender
from wijksturing.web.tests.factories import make_world

try:
    pdfrender._weasyprint()
except pdfrender.PdfUnavailableError as exc:  # pragma: no cover - a machine without Pango
    pytest.skip(f"WeasyPrint cannot load Pango here: {exc}", allow_module_level=True)

DUTCH_NAME = "Centrum, Spijkerkwartier en Arnhemse Broek (één café, ‘bij’ “Ons” – €5 ïë)"


@pytest.fixture
def world(db):
    cache.clear()
    translation.activate("nl")
    world = make_world()
    world["W1"].name = DUTCH_NAME
    world["W1"].save()
    return world


def flat(content: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(content)).pages)


def structure(reader: PdfReader, *, without_alt: list | None = None) -> Counter:
    """The structure element types of the tagged PDF, counted; Figures without /Alt go into ``without_alt``."""
    seen: Counter = Counter()

    def walk(node) -> None:
        node = node.get_object()
        if not isinstance(node, dict):
            return
        if "/S" in node:
            seen[node["/S"]] += 1
            if node["/S"] == "/Figure" and not node.get("/Alt") and without_alt is not None:
                without_alt.append(node)
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return seen


def fonts(reader: PdfReader) -> list[tuple[str, str, set]]:
    """(subtype, base font, font file keys of its descriptors) of every font on every page."""
    out = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            files = set()
            for desc in [font] + [d.get_object() for d in font.get("/DescendantFonts", [])]:
                files |= {k for k in desc.get("/FontDescriptor", {}) if k.startswith("/FontFile")}
            out.append((font["/Subtype"], font["/BaseFont"], files))
    return out


def test_gebiedsanalyse_pdf_is_tagged_dutch_with_embedded_fonts(client, world):
    response = client.get("/gemeente/GM9999/gebied/W1/rapport.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root
    assert root["/Lang"] == "nl"
    assert reader.metadata.title == f"Gebiedsanalyse {DUTCH_NAME}"
    missing_alt: list = []
    tags = structure(reader, without_alt=missing_alt)
    for tag in ("/H1", "/H2", "/Table", "/THead", "/TR", "/TH", "/TD", "/P", "/L", "/Figure"):
        assert tags[tag] >= 1, (tag, tags)
    assert missing_alt == []  # the map, the sparklines and the chart carry their text alternative
    used = fonts(reader)
    assert used and all(sub == "/Type0" and files == {"/FontFile2"} for sub, _name, files in used), used
    assert not any(sub == "/Type1" for sub, _name, _files in used)
    assert any("Source-Sans-3" in name for _sub, name, _files in used)
    text = flat(response.content)
    assert f"Gebiedsanalyse {DUTCH_NAME}" in text  # every character right (no "?"), the name whole
    assert "?" not in text.split("Belangrijkste cijfers")[0]
    assert re.search(r"pagina 1 van \d+", text)


def figure_cells_html(html: str) -> dict[str, list[str]]:
    """label → the texts of the number cells of that row of the HTML page's figures table."""
    table = html.split('<table class="table figures">', 1)[1].split("</table>", 1)[0]
    body = table.split("<tbody>", 1)[1]
    rows = {}
    for label, cells in re.findall(r'<tr><th scope="row">(.*?)</th>(.*?)</tr>', body, re.S):
        nums = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r'<td class="num">(.*?)</td>', cells, re.S)]
        rows[re.sub(r"<[^>]+>", "", label).strip()] = [" ".join(n.split()) for n in nums]
    return rows


def test_pdf_has_the_numbers_of_the_html_table_cells(client, world):
    html = client.get("/buurt/BU99990101/rapport/?jaar=2024").content.decode()
    text = flat(client.get("/buurt/BU99990101/rapport.pdf?jaar=2024").content)
    rows = figure_cells_html(html)
    assert rows["Aantal inwoners"] == ["1.100", "3.300"]  # hand-checked against the test world
    table = text.split("Belangrijkste cijfers", 1)[1]
    for label, cells in rows.items():
        assert f"{label} {' '.join(cells)}" in table, (label, cells, table[:600])


def test_gebiedsrapportage_pdf_is_the_html_report(world):
    from wijksturing.reports import services

    content = {"gebied": {"name": DUTCH_NAME, "code": "W1", "municipality_name": "Teststad"},
               "period": {"label": "2026-H1", "start": "2026-01-01", "end": "2026-06-30"},
               "reference_date": "2026-06-30", "introduction": "Één wijk, één plan: “samen” – voor €5.",
               "monitor": {"city": "Teststad", "year": 2024, "index": None, "figures": [], "sources": []},
               "programme": None, "budget": None, "strengths": None,
               "participation": {"initiatives": {"count": 0, "granted": 0, "items": []}, "rounds": [],
                                 "source": "Gemeente", "reference_date": "2026-06-30"},
               "signals": {"year": 2026, "received": 4, "handled": 3, "open": 1, "overdue": 0, "median_days": None,
                           "share_in_time": None, "themes": [], "source": "Meldingen", "reference_date": "2026-06-30"}}
    html, pdf = services.area_report_render(content=content, changes={})
    again = services.area_report_render(content=content, changes={})[1]
    assert pdf == again  # deterministic: the same content gives the same bytes
    reader = PdfReader(io.BytesIO(pdf))
    assert bool(reader.trailer["/Root"]["/MarkInfo"]["/Marked"]) and reader.trailer["/Root"]["/Lang"] == "nl"
    text = flat(pdf)
    assert "Één wijk, één plan: “samen” – voor €5." in text and DUTCH_NAME in text
    assert "Ontvangen" not in html or "Ontvangen" in text


def test_no_network_fetch_while_rendering():
    import weasyprint

    fetcher = pdfrender.local_only_fetcher(weasyprint)
    with pytest.raises(ValueError):
        fetcher.fetch("https://example.org/font.woff2")
    with pytest.raises(ValueError):
        fetcher.fetch("file:///etc/passwd")
    assert fetcher.fetch((pdfrender.STATIC / "reports" / "print.css").as_uri())


def test_pdf_views_answer_503_without_pango(client, world, monkeypatch):
    def missing():
        raise pdfrender.PdfUnavailableError("Pango ontbreekt")

    monkeypatch.setattr(pdfrender, "_weasyprint", missing)
    response = client.get("/gemeente/GM9999/gebied/W1/rapport.pdf")
    assert response.status_code == 503 and "Pango ontbreekt" in response.content.decode()


def test_unavailable_message_is_dutch_and_names_the_packages():
    translation.activate("nl")
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(sys.modules, "weasyprint", None)  # import fails as without Pango
        with pytest.raises(pdfrender.PdfUnavailableError, match="libpango-1.0-0 libpangoft2-1.0-0") as exc:
            pdfrender._weasyprint()
    assert str(exc.value).startswith("De PDF kan op deze server niet worden gemaakt")
