"""Analyst pages: the indicator catalogue, the import history (with the errors of failed
imports), and starting an import or a recomputation with visible progress."""

from __future__ import annotations

import logging
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wijksturing.accounts.models import Role
from wijksturing.accounts.selectors import user_has_role, user_municipality_codes
from wijksturing.monitor import selectors as monitor_selectors
from wijksturing.monitor import services as monitor_services
from wijksturing.monitor import tasks as monitor_tasks
from wijksturing.web import data

logger = logging.getLogger(__name__)
ANALYST_ROLES = (Role.ANALYST, Role.ADMINISTRATOR)
ALLOWED_SUFFIXES = {".csv", ".xlsx", ".txt"}
MAX_UPLOAD = 50 * 1024 * 1024
# Imports and recomputations run as Celery tasks (monitor/tasks.py): on a worker when a broker is
# configured, inside the request otherwise (the demo and the tests).


def _require_analyst(request: HttpRequest) -> list[str]:
    codes = [c for c in user_municipality_codes(user=request.user)
             if user_has_role(user=request.user, municipality_code=c, roles=ANALYST_ROLES)]
    if not codes:
        raise PermissionDenied("analysts only")
    return codes


@login_required
@require_GET
def catalogue(request: HttpRequest) -> HttpResponse:
    _require_analyst(request)
    return render(request, "web/cockpit/catalogue.html", {"indicators": data.indicator_list()})


@login_required
@require_GET
def imports(request: HttpRequest) -> HttpResponse:
    monitor_tasks.import_runs_fail_stale()
    runs = [_without_paths(run) for run in monitor_selectors.import_runs(limit=100, municipality_codes=_run_scope(request))]
    return render(request, "web/cockpit/imports.html", {"runs": runs})


@login_required
@require_http_methods(["GET", "POST"])
def import_start(request: HttpRequest) -> HttpResponse:
    codes = _require_analyst(request)
    errors: dict[str, str] = {}
    if request.method == "POST":
        upload = request.FILES.get("file")
        year_text = request.POST.get("year", "").strip()
        municipality = request.POST.get("municipality", "")
        if upload is None:
            errors["file"] = _("Choose a CSV or Excel file.")
        elif Path(upload.name).suffix.lower() not in ALLOWED_SUFFIXES:
            errors["file"] = _("The file must be a CSV or Excel (.xlsx) file.")
        elif upload.size > MAX_UPLOAD:
            errors["file"] = _("The file is larger than 50 MB.")
        if year_text and not (year_text.isdigit() and 1990 <= int(year_text) <= 2100):
            errors["year"] = _("Fill in a year like 2024, or leave it empty when the file has a year column.")
        if municipality not in codes:
            errors["municipality"] = _("Choose a municipality you are an analyst of.")
        if not errors:
            folder = Path(settings.VAR_DIR) / "uploads"
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"{uuid.uuid4().hex}{Path(upload.name).suffix.lower()}"
            with open(path, "wb") as handle:
                handle.writelines(upload.chunks())
            year = int(year_text) if year_text else None
            run = monitor_services.import_run_create(kind="file", source=upload.name, user=request.user, year=year,
                                                     municipalities=[municipality])
            monitor_tasks.import_file_task.delay(run_id=run.pk, path=str(path), year=year, municipality=municipality,
                                                 source=upload.name)
            return redirect("web:analyst-import", pk=run.pk)
    return render(request, "web/cockpit/import_start.html", {"errors": errors, "codes": codes},
                  status=400 if errors else 200)


@login_required
@require_POST
def recompute_start(request: HttpRequest) -> HttpResponse:
    codes = _require_analyst(request)
    run = monitor_services.import_run_create(kind="recompute", source="recompute", user=request.user, municipalities=codes)
    monitor_tasks.recompute_task.delay(run_id=run.pk)
    return redirect("web:analyst-import", pk=run.pk)


def _run_scope(request: HttpRequest) -> list[str] | None:
    """The municipalities whose import runs the user sees (None: all, for a superuser)."""
    codes = _require_analyst(request)
    return None if request.user.is_superuser else codes


def _without_paths(run):
    """The run as shown: file names without the server's folders (not saved)."""
    run.source = monitor_selectors.source_name(run.source)
    run.errors = [{**e, "file": monitor_selectors.source_name(str(e.get("file", "")))} if isinstance(e, dict) else e
                  for e in (run.errors or [])]
    return run


def _run_or_404(request: HttpRequest, pk: int):
    monitor_tasks.import_runs_fail_stale()  # a run whose process was stopped does not stay "running"
    try:
        return _without_paths(monitor_selectors.import_run_get(pk=pk, municipality_codes=_run_scope(request)))
    except ObjectDoesNotExist:
        raise Http404("no such import") from None


def _status(run) -> dict:
    return {
        "id": run.pk, "status": run.status, "progress": round(float(monitor_selectors.import_run_progress(run=run)), 3),
        "message": run.message, "errors": run.errors, "observations": run.observations,
    }


@login_required
@require_GET
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    run = _run_or_404(request, pk)
    return render(request, "web/cockpit/import_detail.html", {"run": run, "status": _status(run)})


@login_required
@require_GET
def import_status(request: HttpRequest, pk: int) -> JsonResponse:
    return JsonResponse(_status(_run_or_404(request, pk)))
