"""Free text from residents and clients: what may be stored, and how it is made safe for XML.

XML 1.0 cannot carry most control characters (U+0000–U+001F except tab, line feed and carriage
return), nor U+FFFE/U+FFFF or lone surrogates; one such character in a stored description makes
every document that contains it ill-formed. Input refuses them (:func:`first_control_character`);
output removes any that were stored before (:func:`xml_safe`). DEL and the C1 controls
(U+007F–U+009F) are refused too: they are never meant in a report."""

from __future__ import annotations

import re

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def first_control_character(text: str) -> str | None:
    """The first character of ``text`` that may not be stored, or None."""
    match = _FORBIDDEN.search(text or "")
    return match.group() if match else None


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry."""
    return _NOT_XML.sub("", text)
