"""No English on Dutch pages (issue 11, 14): the main pages, the area report (HTML and PDF) and the
cockpit are rendered in Dutch and searched for the English source strings of the project's own
catalogues. A string that is wrapped for translation but has no Dutch (or a new template text
that was never added to a catalogue while its English twin is) shows up as its English msgid.

The check is only as good as its list, so it is tested itself: one translation is taken away
on purpose and the check must then fail on that string."""

from __future__ import annotations

import gettext
import io
import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.utils import translation

from wijksturing.accounts.models import Role
from wijksturing.accounts.tests.factories import staff_user

SRC = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"%\([^)]*\)[sdf]|%[sdf]|\{[^}]*\}|%%")
# English words that never occur in Dutch text: a second net for English that is in no catalogue
ENGLISH_WORDS = re.compile(r"\b(the|and|than|with|which|should|could|there|been|these|from the)\b")

PAGES = [
    "/",
    "/gemeente/GM9999/",
    "/gemeente/GM9999/gebied/W1/",
    "/wijk/WK999901/",
    "/buurt/BU99990101/",
    "/buurt/BU99990101/rapport/",
    "/vergelijk/?gemeente=GM9999&gebied=BU99990101&gebied=BU99990102",
    "/kaart/?gemeente=GM9999",
]
STAFF_PAGES = ["/cockpit/", "/cockpit/GM9999/W1/", "/cockpit/analyse/", "/cockpit/analyse/imports/",
               "/cockpit/analyse/imports/nieuw/"]


@lru_cache(maxsize=1)
def english_fragments() -> tuple[str, ...]:
    """The literal parts of every English msgid of the project's catalogues whose Dutch differs
    from it: parts of two words or more, and single words of four letters or more that occur in
    no Dutch translation (so that a word both languages share, like "Index", is not searched)."""
    catalogues = {}
    for mo in sorted(SRC.glob("*/locale/nl/LC_MESSAGES/django.mo")):
        with open(mo, "rb") as handle:
            catalogues.update(gettext.GNUTranslations(handle)._catalog)  # noqa: SLF001 — the plain dict of the .mo
    dutch_words = {w for msgstr in catalogues.values() for w in re.findall(r"[A-Za-zÀ-ÿ]+", msgstr)}
    out = set()
    for msgid, msgstr in catalogues.items():
        if isinstance(msgid, tuple):
            msgid = msgid[0]
        if not msgid or msgid == msgstr or "\x04" in msgid:
            continue
        for part in PLACEHOLDER.split(msgid):
            part = " ".join(part.split()).strip(" .,:;()")
            words = re.findall(r"[A-Za-z]+", part)
            if part in msgstr or not words:
                continue
            if len(words) >= 2 or (len(part) >= 4 and part.isalpha() and part not in dutch_words):
                out.add(part)
    return tuple(sorted(out))


class _Text(HTMLParser):
    """The text a reader meets: the page's text and the attributes read out or shown."""

    ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        self.parts.extend(value for name, value in attrs if name in self.ATTRIBUTES and value)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def english_in(text: str) -> list[str]:
    """The English source strings (and plain English words) found in ``text``."""
    found = [f for f in english_fragments() if re.search(r"(?<![A-Za-z])" + re.escape(f) + r"(?![A-Za-z])", text)]
    found += [f"word {m.group(0)!r} in …{text[max(m.start() - 40, 0):m.end() + 40]}…"
              for m in ENGLISH_WORDS.finditer(text)]
    return found


def pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages)


@pytest.fixture
def pages(client, world):
    """url → visible Dutch text of every main page, the report PDF and the staff cockpit."""
    translation.activate("nl")
    out = {}
    for url in PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Language"].startswith("nl") if response.has_header("Content-Language") else True
        out[url] = visible_text(response.content.decode())
    out["/buurt/BU99990101/rapport.pdf"] = pdf_text(client.get("/buurt/BU99990101/rapport.pdf").content)
    client.force_login(staff_user("analist", role=Role.ANALYST, municipality=world["municipality"]))
    for url in STAFF_PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        out[url] = visible_text(response.content.decode())
    return out


def test_the_catalogues_give_the_check_something_to_find():
    fragments = english_fragments()
    assert len(fragments) > 100
    assert "Compared with the municipality" in fragments and "There is no index for this area in this year" in fragments


def test_dutch_pages_have_no_english(pages):
    found = {url: english_in(text) for url, text in pages.items()}
    assert {url: hits for url, hits in found.items() if hits} == {}


def test_the_check_fails_on_a_string_left_untranslated(client, world, monkeypatch):
    """Take the Dutch of one key-figures heading away: the check must find its English."""
    from django.utils.translation import trans_real

    translation.activate("nl")
    catalogue = trans_real.translation("nl")._catalog  # noqa: SLF001 — the merged catalogue Django reads
    monkeypatch.setitem(catalogue, "Compared with the municipality", "Compared with the municipality")
    found = english_in(visible_text(client.get("/buurt/BU99990101/").content.decode()))
    untranslated = "Compared with the municipality"
    assert untranslated in found  # the msgid itself
    # and its parts (the one-word msgid "Compared", its English words), nothing else
    assert all(hit in untranslated or untranslated in hit for hit in found)
