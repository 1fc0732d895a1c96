"""Analyst pages: the indicator catalogue, the import history (with the errors of failed
imports), and starting an import or a recomputation with visible progress."""

from __future__ import annotations

import logging
import threading
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import close_old_connections, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wijksturing.accounts.models import Role
from wijksturing.accounts.selectors import user_has_role, user_municipality_codes
from wijksturing.monitor import selectors as monitor_selectors
from wijksturing.monitor import services as monitor_services
from wijksturing.monitor.models import ImportRun
from wijksturing.web import data

logger = logging.getLogger(__name__)
ANALYST_ROLES = (Role.ANALYST, Role.ADMINISTRATOR)
ALLOWED_SUFFIXES = {".csv", ".xlsx", ".txt"}
MAX_UPLOAD = 50 * 1024 * 1024
# Tests set this to False: the job then runs inside the request (same database transaction).
RUN_IN_BACKGROUND = True


def _require_analyst(request: HttpRequest) -> list[str]:
    codes = [c for c in user_municipality_codes(user=request.user)
             if user_has_role(user=request.user, municipality_code=c, roles=ANALYST_ROLES)]
    if not codes:
        raise PermissionDenied("analysts only")
    return codes


def _run_job(job) -> None:
    if not RUN_IN_BACKGROUND:
        job()
        return

    def target():
        close_old_connections()
        try:
            job()
        except Exception as exc:  # noqa: BLE001 — the failure is recorded on the ImportRun
            logger.info("background job ended with %s", type(exc).__name__)
        finally:
            connection.close()

    threading.Thread(target=target, daemon=True).start()


@login_required
@require_GET
def catalogue(request: HttpRequest) -> HttpResponse:
    _require_analyst(request)
    return render(request, "web/cockpit/catalogue.html", {"indicators": data.indicator_list()})


@login_required
@require_GET
def imports(request: HttpRequest) -> HttpResponse:
    _require_analyst(request)
    runs = monitor_selectors.import_runs(limit=100)
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
            user = request.user

            def job():
                try:
                    monitor_services.import_file(
                        path=path, year=int(year_text) if year_text else None, municipalities={municipality},
                        municipality=municipality, source=upload.name, user=user,
                    )
                except Exception:  # noqa: BLE001, S110 — recorded on the ImportRun as failed
                    pass

            _run_job(job)
            run = ImportRun.objects.filter(source=str(path)).order_by("-pk").first()
            return redirect("web:analyst-import", pk=run.pk) if run else redirect("web:analyst-imports")
    return render(request, "web/cockpit/import_start.html", {"errors": errors, "codes": codes},
                  status=400 if errors else 200)


@login_required
@require_POST
def recompute_start(request: HttpRequest) -> HttpResponse:
    codes = _require_analyst(request)
    user = request.user
    before = ImportRun.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    def job():
        monitor_services.recompute(municipality_codes=codes, user=user)

    _run_job(job)
    run = None
    for _attempt in range(50):  # the run row appears as soon as the job has started
        run = ImportRun.objects.filter(pk__gt=before, kind="recompute").order_by("-pk").first()
        if run or not RUN_IN_BACKGROUND:
            break
        threading.Event().wait(0.05)
    return redirect("web:analyst-import", pk=run.pk) if run else redirect("web:analyst-imports")


def _status(run: ImportRun) -> dict:
    return {
        "id": run.pk, "status": run.status, "progress": round(float(monitor_selectors.import_run_progress(run=run)), 3),
        "message": run.message, "errors": run.errors, "observations": run.observations,
    }


@login_required
@require_GET
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _require_analyst(request)
    run = get_object_or_404(ImportRun, pk=pk)
    return render(request, "web/cockpit/import_detail.html", {"run": run, "status": _status(run)})


@login_required
@require_GET
def import_status(request: HttpRequest, pk: int) -> JsonResponse:
    _require_analyst(request)
    return JsonResponse(_status(get_object_or_404(ImportRun, pk=pk)))
