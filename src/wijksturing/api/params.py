"""Query parameters shared by every API: one place that turns text into bounded whole numbers,
so that no endpoint passes an out-of-range number to the database (found by schemathesis)."""

from rest_framework.exceptions import ValidationError

MAX_ID = 2**31 - 1  # the largest value every supported database stores in an integer column


def int_param(request, name: str, *, minimum: int = 0, maximum: int = MAX_ID, default: int | None = None) -> int | None:
    raw = (request.query_params.get(name) or "").strip()
    if raw == "":
        return default
    if not (raw.isascii() and raw.lstrip("-").isdigit()):
        raise ValidationError({name: f"{raw!r} is not a whole number"})
    value = int(raw)
    if not minimum <= value <= maximum:
        raise ValidationError({name: f"must be between {minimum} and {maximum}"})
    return value


def year_param(request, name: str = "year", *, default: int | None = None) -> int | None:
    return int_param(request, name, minimum=1900, maximum=2999, default=default)
