"""HTML → tagged PDF with WeasyPrint: a report's PDF is its HTML template with the print
stylesheet (``reports/static/reports/print.css``), never a second layout.

The PDF is tagged (PDF/UA structure tree, ``/Lang``, title), embeds the open font Source Sans 3
(SIL OFL, ``static/reports/fonts``) and fetches nothing from the network: the fetcher serves only
files under this app's ``static`` folder, and maps and charts are inline SVG.

WeasyPrint needs Pango from the operating system (Debian/Ubuntu: ``apt-get install
libpango-1.0-0 libpangoft2-1.0-0``). Without it :class:`PdfUnavailableError` is raised and the PDF
views answer 503 with the reason.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

STATIC = (Path(__file__).parent / "static").resolve()
PRINT_CSS = STATIC / "reports" / "print.css"
OS_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0"
SVG_OPEN = re.compile(r"<svg\b[^>]*>")
SVG_FONT = '<style>text{font-family:"Source Sans 3"}</style>'
ARIA_LABEL = re.compile(r'aria-label="([^"]*)"')


# WeasyPrint logs every step of every PDF at INFO: only its warnings belong in the server's log
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


class PdfUnavailableError(RuntimeError):
    """The PDF cannot be made on this machine (WeasyPrint or the Pango library is missing)."""


def _weasyprint():
    try:
        import weasyprint  # noqa: PLC0415 - imported on first use: it loads Pango, an OS library
    except (ImportError, OSError) as exc:
        raise PdfUnavailableError(_("The PDF cannot be made on this server: the operating system lacks the Pango "
                               "library (install %(packages)s).") % {"packages": OS_PACKAGES}) from exc
    return weasyprint


def unavailable_response(exc: PdfUnavailableError):
    """The answer of a PDF view on a machine that cannot make PDFs: 503 with the reason, in plain text."""
    response = HttpResponse(str(exc), status=503, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = "3600"
    return response


def local_only_fetcher(weasyprint):
    """A URL fetcher that serves ``file:`` URLs inside :data:`STATIC` and ``data:`` URLs, nothing else."""

    class LocalFetcher(weasyprint.urls.URLFetcher):
        def fetch(self, url, headers=None):
            parsed = urlparse(url)
            if parsed.scheme == "file":
                path = Path(unquote(parsed.path)).resolve()
                if not path.is_relative_to(STATIC) or not path.is_file():
                    raise ValueError(f"not a static file of the reports app: {url}")
            elif parsed.scheme != "data":
                raise ValueError(f"no network fetches while rendering a PDF: {url}")
            return super().fetch(url, headers)

    return LocalFetcher(allowed_protocols=("file", "data"))


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string."""
    return '"' + re.sub(r'[\\"\n<>]', lambda m: f"\\{ord(m.group(0)):x} ", str(text)) + '"'


def page_label_css() -> str:
    """The CSS ``content`` of "pagina N van M" in the active language."""
    text = _("page %(n)s of %(total)s").replace("\\", "\\\\").replace('"', '\\"')
    return '"' + text % {"n": '" counter(page) "', "total": '" counter(pages) "'} + '"'


def _svg_for_print(match: re.Match) -> str:
    """An inline SVG as the printer needs it: its text in the embedded font, and its accessible
    name (``aria-label``) as its ``<title>``, which becomes the /Alt of its Figure in the tagged PDF."""
    label = ARIA_LABEL.search(match.group(0))
    return match.group(0) + SVG_FONT + (f"<title>{label.group(1)}</title>" if label else "")


def html_to_pdf(*, body: str, title: str, footer: str = "", colour: str = "#1f4e79", created=None) -> bytes:
    """The PDF of ``body`` (the HTML of a report template) in the print document
    ``reports/pdf_document.html``. ``created`` (a datetime) is the creation date in the PDF's
    metadata; without it none is written, so that the same HTML gives the same bytes."""
    weasyprint = _weasyprint()
    document = render_to_string("reports/pdf_document.html", {
        "body": body, "title": title, "footer": css_string(footer or title), "colour": colour, "page_label": page_label_css(),
        "lang": (translation.get_language() or "nl").split("-")[0], "created": created,
    })
    document = SVG_OPEN.sub(_svg_for_print, document)
    fetcher = local_only_fetcher(weasyprint)
    html = weasyprint.HTML(string=document, base_url=STATIC.as_uri() + "/", url_fetcher=fetcher)
    fonts = weasyprint.text.fonts.FontConfiguration()  # the @font-face rules need one, given to CSS and write_pdf
    css = weasyprint.CSS(filename=str(PRINT_CSS), url_fetcher=fetcher, font_config=fonts)
    return html.write_pdf(stylesheets=[css], font_config=fonts, pdf_tags=True, pdf_identifier=b"wijksturing-report")
