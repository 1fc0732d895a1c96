"""Where the tests of the core find the shared open data: ``WIJKSTURING_DATA_DIR``, with the same
default as ``settings.DATA_DIR`` (``<repository>/../shared/data``). The core imports no Django, so
the environment variable is read here directly. Tests that need a file skip when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parents[4]


def data_dir() -> Path:
    return Path(os.environ.get("WIJKSTURING_DATA_DIR") or REPO_DIR.parent / "shared" / "data")


def data_file(*parts: str) -> Path:
    """A file in the data folder (it may not exist; see :func:`absent`)."""
    return data_dir().joinpath(*parts)


def absent(path: Path) -> str:
    """The reason to skip a test that needs ``path``."""
    return f"{path} is not available (set WIJKSTURING_DATA_DIR to a copy of the shared open data)"
