import io
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from pypdf import PdfReader

from wijksturing.web.tests.factories import make_world


@pytest.fixture
def world(db):
    cache.clear()
    return make_world()


def pdf_text(content: bytes) -> str:
    """The text of a PDF as a PDF reader extracts it (pypdf), page after page."""
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def figure_line(text: str, label: str) -> list[str]:
    """The numbers of the row of the figures table that starts with ``label`` (own, city, ...): the
    text after the label (and its unit in brackets) in the figures section, as pypdf extracts it."""
    table = " ".join(text.split("Belangrijkste cijfers", 1)[1].split())
    rows = re.findall(re.escape(label) + r"(?: \([^)]*\))? ((?:[\d.,]+ ?(?:\(\d{4}\) ?)?)+)", table)
    assert len(rows) == 1, f"{len(rows)} rows start with {label!r} in:\n{table}"
    return re.findall(r"(?<![\w.,])\d[\d.]*(?:,\d+)?(?![\w])", rows[0])


def test_pdf_at_the_area_address(client, world):
    response = client.get("/wijk/WK999901/rapport.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    text = pdf_text(response.content)
    assert "Gebiedsanalyse Oude Stad" in text
    assert len(PdfReader(io.BytesIO(response.content)).pages) >= 1
    assert figure_line(text, "Gemiddelde WOZ-waarde")[:2] == ["300", "300"]  # the only wijk: own figure = the city's
    assert "Leefbaarheidsindex\n100 De gemeente in 2024 is 100." in text  # the index of the only wijk
    # every figure with its publisher and the day or year it describes, never the day of the import
    assert "CBS Kerncijfers, 1 januari 2024" in " ".join(text.split())  # inhabitants: counted on 1 January
    assert "01-06-2025" not in text and "1 juni 2025" not in text
    gebied = client.get("/gemeente/GM9999/gebied/W1/rapport.pdf")
    assert gebied.status_code == 200 and "Sanne de Vries" in pdf_text(gebied.content)


def test_pdf_figures_in_their_row(client, world):
    text = pdf_text(client.get("/buurt/BU99990101/rapport.pdf?jaar=2024").content)
    assert "Gebiedsanalyse Marktbuurt" in text
    assert figure_line(text, "Aantal inwoners")[:2] == ["1.100", "3.300"]  # own, then the city's, Dutch notation
    assert figure_line(text, "Gemiddelde WOZ-waarde")[:2] == ["210", "300"]


def test_pdf_year_markers_comparison_and_whole_names(client, world):
    """A figure older than the report's year carries its year, beside the city's figure of that
    year; each row says how it compares; a long area name is wrapped, not cut (issue 11, 14)."""
    from wijksturing.monitor.models import Observation

    Observation.objects.filter(area__code__in=["BU99990101", "GM9999"], indicator__code="g_woz", year=2024).delete()
    world["BU99990101"].name = "Marktbuurt en de Oude Haven aan de Rijn"
    world["BU99990101"].save()
    text = pdf_text(client.get("/buurt/BU99990101/rapport.pdf?jaar=2024").content)
    assert figure_line(text, "Gemiddelde WOZ-waarde")[:4] == ["200", "2021", "250", "2021"]
    assert "50 (20 %) lager dan Teststad; dat is ongunstig CBS Kerncijfers, 2021" in " ".join(text.split())
    assert "Rijn" in text.split("Belangrijkste cijfers")[1].split("Aantal inwoners")[0]  # the header keeps the whole name


def test_html_report(client, world):
    html = client.get("/buurt/BU99990101/rapport/?jaar=2021").content.decode()
    assert "<h1>Gebiedsanalyse Marktbuurt</h1>" in html and "jaar 2021" in html and "rapport.pdf" in html


def test_batch_writes_every_wijk(world, tmp_path):
    call_command("report", municipality="GM9999", level="buurt", out=str(tmp_path), html=True, verbosity=0)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["BU99990101-marktbuurt.html", "BU99990101-marktbuurt.pdf",
                     "BU99990102-havenbuurt.html", "BU99990102-havenbuurt.pdf"]
    assert "Havenbuurt" in pdf_text((tmp_path / "BU99990102-havenbuurt.pdf").read_bytes())


def test_batch_rejects_unknown_municipality(world, tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="GM0000"):
        call_command("report", municipality="GM0000", level="wijk", out=str(tmp_path), verbosity=0)


def test_batch_as_a_task_with_progress_and_one_per_municipality(world, tmp_path):
    from django.core.cache import cache

    from wijksturing.reports.tasks import progress_key, report_batch_task

    result = report_batch_task.apply(kwargs={"municipality_code": "GM9999", "level": "buurt", "out": str(tmp_path)},
                                     task_id="t-1")
    assert result.get() == {"status": "succeeded", "done": 2, "total": 2, "files": 2}
    assert len(list(tmp_path.glob("*.pdf"))) == 2
    assert cache.get(progress_key("t-1"))["status"] == "succeeded"
    assert cache.get("reports:lock:GM9999") is None  # released
    cache.add("reports:lock:GM9999", "t-other", 60)  # another batch of the municipality is running
    refused = report_batch_task.apply(kwargs={"municipality_code": "GM9999", "level": "buurt", "out": str(tmp_path / "b")},
                                      task_id="t-2").get()
    assert refused["status"] == "refused" and refused["holder"] == "t-other" and not (tmp_path / "b").exists()
    cache.delete("reports:lock:GM9999")
