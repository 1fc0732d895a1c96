"""The gebiedsanalyse PDF (issue 14; printed from the HTML template since issue 13): Dutch
throughout (no English source string of the catalogues, "gemaakt op 7 december 2026",
"pagina 1 van 2"), the year beside a figure of an earlier year, whole names, and sparklines
that stay inside their table row."""

from __future__ import annotations

import io
import re

import pytest
from django.core.cache import cache
from django.utils import translation
from pypdf import PdfReader

from wijksturing.web.tests.factories import make_world
from wijksturing.web.tests.test_dutch_only import english_in, pdf_text

LONG_NAME = "Centrum, Spijkerkwartier en Arnhemse Broek (CSA)"


@pytest.fixture
def world(db):
    cache.clear()
    world = make_world()
    world["W1"].name = LONG_NAME
    world["W1"].save()
    return world


def test_pdf_is_dutch_with_dutch_date_and_page_numbers(client, world):
    translation.activate("nl")
    content = client.get("/buurt/BU99990101/rapport.pdf").content
    text = pdf_text(content)
    assert english_in(text) == []
    assert re.search(r"gemaakt op \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|"
                     r"november|december) \d{4}", text), text[:300]
    pages = len(PdfReader(io.BytesIO(content)).pages)
    assert f"pagina 1 van {pages}" in text
    assert "made on" not in text and "page 1" not in text


def test_pdf_names_are_whole_and_older_figures_carry_their_year(client, world):
    from wijksturing.monitor.models import Observation

    # the buurt has no 2024 WOZ figure: the 2021 one is shown, with its year
    Observation.objects.filter(area=world["BU99990101"], indicator__code="g_woz", year=2024).delete()
    text = pdf_text(client.get("/buurt/BU99990101/rapport.pdf").content)
    assert LONG_NAME in text  # in the line of parents, not cut at a comma
    assert "Teststad › " + LONG_NAME + " › Oude Stad" in text
    row = text.split("Gemiddelde WOZ-waarde", 1)[1][:40]  # the first mention is its row of the figures table
    assert "200 (2021)" in row


def test_sparklines_stay_inside_their_row(client, world):
    """The PDF is the HTML table printed: each sparkline is a figure inside a cell (TD) of its row
    in the tagged PDF, so it cannot leave its row."""
    reader = PdfReader(io.BytesIO(client.get("/wijk/WK999901/rapport.pdf").content))
    figures_in_cells = []

    def walk(node, inside_td=False):
        node = node.get_object()
        if not isinstance(node, dict):
            return
        tag = node.get("/S")
        if tag == "/Figure" and inside_td:
            figures_in_cells.append(node)
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            walk(kid, inside_td or tag == "/TD")

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    assert len(figures_in_cells) >= 2, "no sparkline inside a table cell"  # inhabitants and WOZ rows
