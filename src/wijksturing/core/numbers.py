"""The one number parser and the one number formatter of the project (no Django).

Reading
-------
People type numbers the Dutch way (``1.250,50``, ``1250,50``, ``€ 1.250``, ``€ 1.250,-``) or the
English way (``1,250.50``, ``1250.50``); files add machine notation (``8258.9``). One rule reads
them all and never guesses:

* both separators: the last one is the decimal separator, the other one groups thousands
  (``1.250,50`` and ``1,250.50`` are 1250.5); groups must be three digits;
* one separator that appears more than once groups thousands (``1.250.000``);
* one separator once, not followed by exactly three digits, is the decimal separator
  (``1250,50``, ``1,5``, ``0.25``);
* one separator once, followed by exactly three digits after one to three digits (``1.234``,
  ``12,500``) is *ambiguous*: it is read with ``decimal`` when the caller knows the convention
  (a file whose other values show it), as thousands for a dot in an amount of money (Dutch
  ``1.234`` = 1234; cents never have three digits), and refused otherwise.

What cannot be read exactly as typed is refused with a :class:`NumberError`: too many decimals
are an error, never rounded away. ``""`` and ``"-"`` mean "no value" (``None``).

Writing
-------
:func:`machine` writes numbers for machines (SVG coordinates, JSON, CSV): a decimal point, no
grouping, no exponent, whatever the language of the page. :func:`display`, :func:`money_display`
and :func:`percent_display` write numbers for people (``1.250,50``, ``€ 1.250,50``, ``92,5%``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

MISSING = frozenset({"", "-", "–", "—"})
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007']")
_CURRENCY = re.compile(r"^(€|eur(o)?)|(€|eur(o)?)$", re.IGNORECASE)
_BODY = re.compile(r"^\d[\d.,]*$|^[.,]\d+$")
_GROUPED = re.compile(r"^[1-9]\d{0,2}(X\d{3})+$")


class NumberError(ValueError):
    """A text that is not a number, or not one number for sure. ``code`` says why
    (``not_a_number``, ``ambiguous``, ``too_many_decimals``, ``negative``); ``readings`` are
    the possible values of an ambiguous text, for the message."""

    def __init__(self, code: str, text: str, message: str, readings: tuple[Decimal, ...] = ()):
        self.code, self.text, self.readings = code, text, readings
        super().__init__(message)


def _grouped(body: str, sep: str) -> bool:
    return bool(_GROUPED.match(body.replace(sep, "X")))


def _split(body: str, text: str, decimal: str | None, money: bool) -> tuple[str, str]:
    """The integer digits and the decimal digits of ``body`` (digits, dots and commas)."""
    dots, commas = body.count("."), body.count(",")
    if dots and commas:
        point = "." if body.rfind(".") > body.rfind(",") else ","
        group = "," if point == "." else "."
        whole, _, fraction = body.rpartition(point)
        if point in whole or not _grouped(whole, group):
            raise NumberError("not_a_number", text, f"{text!r} is not a number")
        return whole.replace(group, ""), fraction
    if not (dots or commas):
        return body, ""
    sep = "." if dots else ","
    if dots + commas > 1:
        if not _grouped(body, sep):
            raise NumberError("not_a_number", text, f"{text!r} is not a number")
        return body.replace(sep, ""), ""
    whole, _, fraction = body.partition(sep)
    if not whole:
        return "0", fraction
    if len(fraction) != 3 or not _grouped(body, sep):
        return whole, fraction  # not thousands: a decimal separator
    if decimal is None and money and sep == ".":
        decimal = ","  # Dutch thousands: € 1.234 is 1234 euro
    if decimal is None or (money and decimal == sep):
        readings = (Decimal(whole + fraction), Decimal(f"{whole}.{fraction}"))
        raise NumberError("ambiguous", text, f"{text!r} may mean {readings[0]} or {readings[1]}", readings)
    return (whole, fraction) if decimal == sep else (whole + fraction, "")


def parse_decimal(text: str | int | Decimal | None, *, decimal: str | None = None, places: int | None = None,
                  money: bool = False, allow_negative: bool = True) -> Decimal | None:
    """``text`` as an exact :class:`~decimal.Decimal`; None for ``""`` and ``"-"``.

    ``decimal`` (``","`` or ``"."``): how to read an ambiguous ``1.234`` (the convention of
    the source). ``places``: the most decimals allowed (more is an error, never rounded).
    ``money``: a currency sign and a Dutch ``,-`` ending are allowed, a lone dot before three
    digits is a thousands separator."""
    if decimal not in (None, ",", "."):
        raise ValueError("decimal must be ',' or '.'")
    if text is None:
        return None
    if isinstance(text, bool):
        raise NumberError("not_a_number", str(text), f"{text!r} is not a number")
    if isinstance(text, (int, Decimal)):
        value = Decimal(text)
        original = str(text)
    else:
        original = str(text)
        value = _parse_text(original, decimal=decimal, money=money)
        if value is None:
            return None
    if not value.is_finite():
        raise NumberError("not_a_number", original, f"{original!r} is not a finite number")
    if not allow_negative and value < 0:
        raise NumberError("negative", original, f"{original!r} is negative")
    try:
        exact = places is None or value == value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    except InvalidOperation:  # more digits than a Decimal holds
        raise NumberError("not_a_number", original, f"{original!r} is too large") from None
    if not exact:
        raise NumberError("too_many_decimals", original, f"{original!r} has more than {places} decimals")
    return value


def _parse_text(original: str, *, decimal: str | None, money: bool) -> Decimal | None:
    text = _SPACES.sub("", original.strip()).replace("\u2212", "-")
    if text in MISSING:
        return None
    sign = ""
    if text.startswith(("+", "-")):
        sign, text = text[0].replace("+", ""), text[1:]
    if money:
        text = _CURRENCY.sub("", text)
        if text.startswith(("+", "-")) and not sign:  # € -12,50
            sign, text = text[0].replace("+", ""), text[1:]
        text = re.sub(r",-{1,2}$", "", text)  # € 1.250,- is 1250 euro
    if not _BODY.match(text):
        raise NumberError("not_a_number", original, f"{original!r} is not a number")
    whole, fraction = _split(text, original, decimal, money)
    if not whole.isdigit() or (fraction and not fraction.isdigit()):
        raise NumberError("not_a_number", original, f"{original!r} is not a number")
    try:
        return Decimal(f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}")
    except InvalidOperation:  # pragma: no cover - the pattern above admits digits only
        raise NumberError("not_a_number", original, f"{original!r} is not a number") from None


def parse_amount(text: str | int | Decimal | None, *, allow_negative: bool = False) -> Decimal | None:
    """An amount of money in euro, exact to the cent (``€ 1.250,50``, ``1250.50``, ``1.234``)."""
    value = parse_decimal(text, places=2, money=True, allow_negative=allow_negative)
    return None if value is None else value.quantize(Decimal("0.01"))


def parse_number(text: str | float | int | Decimal | None, *, decimal: str | None = None) -> float | None:
    """A measurement as a float (figures of the monitor); None for ``""`` and ``"-"``. Floats
    and ints pass through (NaN is no value)."""
    if isinstance(text, float):
        if math.isnan(text):
            return None
        if not math.isfinite(text):
            raise NumberError("not_a_number", str(text), f"{text!r} is not a finite number")
        return text
    value = parse_decimal(text, decimal=decimal)
    return None if value is None else float(value)


def parse_coordinate(text: str | float | int | None) -> float | None:
    """A longitude or latitude (``52,0123`` or ``52.0123``): degrees have no thousands, so a
    single comma or point is the decimal separator. None for ``""`` and ``"-"``."""
    if isinstance(text, str):
        return parse_number(text, decimal="," if "," in text else ".")
    return parse_number(text)


def decimal_kind(text: str) -> str | None:
    """Which decimal separator ``text`` shows for sure: ``","``, ``"."`` or None (no separator,
    only thousands, or ambiguous)."""
    body = _SPACES.sub("", text.strip()).lstrip("+-\u2212")
    if not _BODY.match(body):
        return None
    dots, commas = body.count("."), body.count(",")
    if dots and commas:
        return "." if body.rfind(".") > body.rfind(",") else ","
    if dots + commas != 1:
        return None
    sep = "." if dots else ","
    whole, _, fraction = body.partition(sep)
    return None if len(fraction) == 3 and _grouped(body, sep) else sep


def decimal_convention(values: Iterable[str]) -> str | None:
    """The decimal separator the unambiguous ``values`` of one source agree on (``","`` or
    ``"."``), None when none shows it. Raises :class:`NumberError` (``mixed``) when they disagree."""
    seen: dict[str, str] = {}
    for value in values:
        if isinstance(value, str) and (kind := decimal_kind(value)) is not None:
            seen.setdefault(kind, value)
            if len(seen) > 1:
                raise NumberError("mixed", value, f"decimal commas ({seen[',']!r}) and decimal points "
                                                  f"({seen['.']!r}) are mixed")
    return next(iter(seen), None)


# --- writing -------------------------------------------------------------------------------


def machine(value: float | int | Decimal, places: int | None = None) -> str:
    """For machines (SVG, JSON, CSV): ``240``, ``240.5``, ``-0.25``; decimal point, no grouping,
    no exponent, trailing zeros dropped; rounded half up to ``places`` when given."""
    if isinstance(value, bool) or value is None:
        raise TypeError("machine() needs a number")
    number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        raise ValueError(f"{value!r} is not a finite number")
    if places is not None:
        number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{number:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def display(value: float | int | Decimal | None, places: int = 0, *, lang: str = "nl", missing: str = "–") -> str:
    """For people: ``1.250,50`` (Dutch) or ``1,250.50`` (English), exactly ``places`` decimals,
    rounded half up; ``missing`` for None and NaN."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return missing
    number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if number == 0:
        number = abs(number)
    text = f"{number:,.{places}f}"  # 1,250.50
    if lang.split("-")[0].lower() == "nl":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text.replace("-", "\u2212")


def money_display(value: float | int | Decimal | None, *, lang: str = "nl", places: int = 2, missing: str = "–") -> str:
    """``€ 1.250,50`` (with a no-break space), ``−€ 12,50`` for a negative amount."""
    if value is None:
        return missing
    text = display(abs(Decimal(str(value)) if isinstance(value, float) else Decimal(value)), places, lang=lang)
    negative = (Decimal(str(value)) if isinstance(value, float) else Decimal(value)) < 0
    return ("\u2212" if negative and text.strip("0,.") else "") + "€\u00a0" + text


def percent_display(value: float | int | Decimal | None, places: int = 1, *, lang: str = "nl", missing: str = "–") -> str:
    """``92,5%`` for 92.5 (a percentage, not a share of 1)."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return missing
    return display(value, places, lang=lang) + "%"
