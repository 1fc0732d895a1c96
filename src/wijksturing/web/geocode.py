"""Find the point of an address: the municipality's own address file when configured, else
PDOK's public locatieserver (online). Offline, the search says so instead of failing.

Own address files: one CSV per municipality, ``<WIJKSTURING_ADDRESS_DIR>/<GM code>.csv``, with
the columns ``postcode;huisnummer;straat;woonplaats;lon;lat`` (WGS84; comma or semicolon).
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import requests
from django.conf import settings

from wijksturing.core.tabular import read_table

logger = logging.getLogger(__name__)

PDOK_URL = "https://api.pdok.nl/bzk/locatieserver/search/v3_1/free"
POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s?([A-Za-z]{2})\s*$")
POINT = re.compile(r"POINT\(\s*([-0-9.]+)\s+([-0-9.]+)\s*\)")
TIMEOUT = 4.0


class GeocodeUnavailableError(Exception):
    """The address service cannot be reached (offline) or answered with an error."""


@dataclass(frozen=True)
class Address:
    label: str
    lon: float
    lat: float
    buurt_code: str = ""


def normalise_postcode(value: str) -> str | None:
    match = POSTCODE.match(value or "")
    return f"{match.group(1)}{match.group(2).upper()}" if match else None


def locatieserver_url() -> str:
    """The setting WIJKSTURING_LOCATIESERVER_URL, else the environment variable of that name
    (until the setting exists), else PDOK's public service."""
    return getattr(settings, "WIJKSTURING_LOCATIESERVER_URL", None) or os.environ.get("WIJKSTURING_LOCATIESERVER_URL") or PDOK_URL


def address_dir() -> Path:
    return Path(getattr(settings, "WIJKSTURING_ADDRESS_DIR", Path(settings.VAR_DIR) / "adressen"))


@lru_cache(maxsize=8)
def _address_file(path: str, mtime: float) -> list[dict[str, str]]:
    table = read_table(Path(path), excel=False)  # the project's one table reader (UTF-8, ; , or tab)
    return [{k.lower(): v for k, v in row.items()} for row in table.dicts()]


def _own_rows() -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    folder = address_dir()
    if folder.is_dir():
        for path in sorted(folder.glob("*.csv")):
            rows.extend(_address_file(str(path), path.stat().st_mtime))
    return rows


def _own_search(*, postcode: str | None, number: str, text: str) -> list[Address] | None:
    """None when no own address file is configured; else the matches (maybe none)."""
    rows = _own_rows()
    if not rows:
        return None
    out = []
    words = [w for w in re.split(r"[\s,]+", text.lower()) if w]
    for row in rows:
        if postcode:
            if row.get("postcode", "").replace(" ", "").upper() != postcode or (number and row.get("huisnummer") != number):
                continue
        elif not all(w in " ".join([row.get("straat", ""), row.get("huisnummer", ""), row.get("woonplaats", "")]).lower()
                     for w in words):
            continue
        label = f"{row.get('straat', '')} {row.get('huisnummer', '')}, {row.get('postcode', '')} {row.get('woonplaats', '')}"
        out.append(Address(label.strip(), float(row["lon"]), float(row["lat"])))
        if len(out) >= 5:
            break
    return out


def _pdok_search(query: str) -> list[Address]:
    try:
        response = requests.get(
            locatieserver_url(),
            params={"q": query, "fq": "type:adres", "rows": 5,
                    "fl": "weergavenaam,centroide_ll,buurtcode,postcode,huisnummer"},
            timeout=TIMEOUT,
        )
        response.raise_for_status()
        docs = response.json()["response"]["docs"]
    except (requests.RequestException, ValueError, KeyError) as exc:
        logger.warning("locatieserver unavailable: %s", type(exc).__name__)
        raise GeocodeUnavailableError from exc
    out = []
    for doc in docs:
        match = POINT.search(doc.get("centroide_ll", ""))
        if match:
            out.append(Address(doc.get("weergavenaam", ""), float(match.group(1)), float(match.group(2)),
                               doc.get("buurtcode", "")))
    return out


def address_search(*, postcode: str = "", number: str = "", text: str = "") -> list[Address]:
    """Addresses for a postcode (+ house number) or a free text; raises GeocodeUnavailableError
    when only the online service could answer and it cannot be reached."""
    pc = normalise_postcode(postcode) if postcode else None
    number = (number or "").strip()
    own = _own_search(postcode=pc, number=number, text=text)
    if own:
        return own
    query = f"{pc} {number}".strip() if pc else text.strip()
    if not query:
        return []
    return _pdok_search(query)
