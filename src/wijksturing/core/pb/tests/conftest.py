"""Shared fixtures: the real pabulib files in ``shared/data/pabulib`` next to the repository."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[5]
DATA = Path(os.environ.get("WIJKSTURING_PABULIB_DIR", ROOT.parent / "shared" / "data" / "pabulib"))
ASSEN = "Netherlands_Assen_2024.pb"
CZESTOCHOWA = "Poland_Czestochowa_2020_Mirow.pb"
KRAKOW = "Poland_Krakow_2018_Wzgorza_Krzeslawickie.pb"
FILES = (ASSEN, CZESTOCHOWA, KRAKOW)


def shared_file(name: str) -> Path:
    path = DATA / name
    if not path.exists():
        pytest.skip(f"shared pabulib file {path} is not available (set WIJKSTURING_PABULIB_DIR)")
    return path
