"""How an import run is named on the analyst's pages: its kind in words and its file's own name
(never the path it has on the server)."""

from __future__ import annotations

from pathlib import PurePath

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def run_kind(run) -> str:
    return {"file": _("File import"), "recompute": _("Recomputation"), "cbs": _("CBS download")}.get(run.kind, run.kind)


@register.filter
def run_source(run) -> str:
    """The file name of an import (``kwb_2024.csv.gz``), or "–" for a recomputation."""
    if run.kind == "recompute" or not run.source or run.source == run.kind:
        return "–"
    if "://" in run.source:  # a download: the address is public, keep it
        return run.source
    return PurePath(run.source.replace("\\", "/")).name
