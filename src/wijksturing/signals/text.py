"""Free text from residents and clients: what may be stored, and how it is made safe for XML.

XML 1.0 cannot carry most control characters (U+0000–U+001F except tab, line feed and carriage
return), nor U+FFFE/U+FFFF or lone surrogates; one such character in a stored description makes
every document that contains it ill-formed. Input refuses them (:func:`first_control_character`);
output removes any that were stored before (:func:`xml_safe`). DEL and the C1 controls
(U+007F–U+009F) are refused too: they are never meant in a report."""

from __future__ import annotations

import re

from wijksturing.accounts.logging import scrub

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def first_control_character(text: str) -> str | None:
    """The first character of ``text`` that may not be stored, or None."""
    match = _FORBIDDEN.search(text or "")
    return match.group() if match else None


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry."""
    return _NOT_XML.sub("", text)


# --- retention: personal data inside free text -----------------------------------------------------

_STREET_NUMBER = re.compile(
    r"\b([A-Z][\w'-]*(?:straat|weg|laan|plein|kade|singel|gracht|dijk|pad|hof|steeg|dreef|park|markt|plaats|"
    r"baan|veld|wal|burgwal|erf|ring|allee|boulevard|dam|haven|kamp))\s+\d{1,5}\s*[a-zA-Z]?(?:[-\s]?\d{1,4})?\b")
_TITLE = r"(?:[Mm]evrouw|[Mm]eneer|[Hh]eer|[Dd]hr\.?|[Mm]w\.?)"
_SALUTATION = re.compile(
    rf"\b((?:[Bb]este|[Gg]eachte|[Hh]allo|[Dd]ag|{_TITLE})(?:\s+{_TITLE})?\s+)"
    r"((?:[A-Z]\.\s?)*(?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er|[Tt]en|[Hh]et)\s+)*[A-Z][\w'-]+)")
COORDINATE_DECIMALS = 3  # about 100 m: the buurt stays, the front door does not


def retention_scrub(text: str, names: list[str] | tuple[str, ...] = ()) -> str:
    """``text`` without the personal data it may hold: e-mail addresses, phone numbers,
    postcodes with house numbers, street names with a house number (the number goes), the given
    ``names`` (the reporter's) and a name after a salutation ("Beste Jan," → "Beste [naam],")."""
    if not text:
        return text
    text = scrub(text)
    text = _STREET_NUMBER.sub(r"\1", text)
    for name in sorted({n.strip() for n in names if n and len(n.strip()) >= 2}, key=len, reverse=True):
        for part in [name] + [p for p in name.split() if len(p) >= 3]:
            text = re.sub(rf"\b{re.escape(part)}\b", "[naam]", text, flags=re.IGNORECASE)
    text = _SALUTATION.sub(lambda m: m.group(1) + "[naam]", text)
    return text


def round_coordinate(value: float | None) -> float | None:
    return None if value is None else round(value, COORDINATE_DECIMALS)
