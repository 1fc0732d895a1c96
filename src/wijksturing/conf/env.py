"""Every environment variable goes through :func:`config`, which also records its
documentation, so that ``wijksturing settings-doc`` can print the full reference."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

REGISTRY: dict[str, Setting] = {}


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


def _bool(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on", "ja"}


def config(name: str, default: Any, help: str, cast: Callable[[str], Any] | None = None,
           shown_default: str | None = None) -> Any:
    """Read ``name`` from the environment, falling back to ``default``; cast to the default's type.
    ``shown_default`` replaces a machine-specific default (a path) in the reference."""
    REGISTRY[name] = Setting(name=name, default=shown_default if shown_default is not None else default, help=help)
    raw = os.environ.get(name)
    if raw is None:
        return default
    if cast is None:
        if isinstance(default, bool):
            cast = _bool
        elif isinstance(default, int):
            cast = int
        elif isinstance(default, list):
            return [part.strip() for part in raw.split(",") if part.strip()]
        else:
            cast = str
    return cast(raw)


def reference() -> str:
    """The settings reference as Markdown (generated from code)."""
    lines = ["| variable | default | meaning |", "|---|---|---|"]
    for setting in sorted(REGISTRY.values(), key=lambda s: s.name):
        lines.append(f"| `{setting.name}` | `{setting.default!r}` | {setting.help} |")
    return "\n".join(lines)


def reference_document() -> str:
    """docs/settings.md, as ``make docs`` writes it."""
    return (
        "# Settings\n\nEvery setting is an environment variable, read through `wijksturing.conf.env.config`.\n"
        "This table is generated from the code by `make docs` (`tests/test_docs.py` checks it is current).\n\n"
        + reference() + "\n"
    )
