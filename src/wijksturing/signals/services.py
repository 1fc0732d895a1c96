"""Writes of the signals app. This is the one sanctioned write path for a signal: create,
change status (row-locked, history appended), assign, issue API keys, remove personal data.
Side effects (e-mail to the reporter) run in ``transaction.on_commit``, so a rolled-back change
sends nothing. Audit events never carry personal data."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets
from typing import Any

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wijksturing.accounts.ratelimit import current_client, limit_hit
from wijksturing.accounts.services import audit_log
from wijksturing.areas import selectors as area_selectors
from wijksturing.signals import selectors
from wijksturing.signals.feed import signal_feed_monitor  # noqa: F401  (re-exported service)
from wijksturing.signals.models import (
    ApiKey,
    Category,
    Feedback,
    Reporter,
    RetentionRecord,
    Signal,
    Source,
    StatusChange,
    Support,
    Team,
)
from wijksturing.signals.open311.documents import public_address
from wijksturing.signals.photos import photo_reencode
from wijksturing.signals.routing import Place, add_workdays, place_point, placement_has_boundaries, route
from wijksturing.signals.text import first_control_character, retention_scrub, round_coordinate
from wijksturing.signals.workflow import HANDLED, OPEN, Status, check_transition

log = logging.getLogger(__name__)
MAX_DESCRIPTION = 3000


def _validate_location(lat: float | None, lon: float | None) -> None:
    if (lat is None) != (lon is None):
        raise ValidationError({"lat" if lat is None else "lon": _("Give both latitude and longitude, or neither.")})
    if lat is not None and not (-90 <= lat <= 90):
        raise ValidationError({"lat": _("Latitude must be between -90 and 90.")})
    if lon is not None and not (-180 <= lon <= 180):
        raise ValidationError({"lon": _("Longitude must be between -180 and 180.")})


def signal_create(
    *, category: Category, description: str = "", lat: float | None = None, lon: float | None = None,
    address: str = "", source: str = Source.PUBLIC_FORM, by=None, reporter: dict[str, Any] | None = None,
    photo=None, media_url: str = "", site_url: str = "", place: Place | None = None,
) -> Signal:
    """Receive a signal: validate, place it in its buurt/wijk/gebied, route it to a team, set
    the deadline in working days, append the first history entry, acknowledge by e-mail."""
    if category.parent_id is None or not category.is_active:
        raise ValidationError({"category": _("Choose an active subcategory.")})
    description = (description or "").strip()
    if len(description) > MAX_DESCRIPTION:
        raise ValidationError({"description": _("The description is longer than %(n)d characters.") % {"n": MAX_DESCRIPTION}})
    _validate_location(lat, lon)
    municipality = category.municipality
    reporter = {k: (v or "").strip() if isinstance(v, str) else v for k, v in (reporter or {}).items()}
    _refuse_control_characters({"description": description, "address": address or "",
                                **{k: v for k, v in reporter.items() if isinstance(v, str)}})
    anonymous = _user(by) is None and source == Source.PUBLIC_FORM
    if anonymous and current_client() and limit_hit(scope="report_ip", key=current_client()):
        raise ValidationError({NON_FIELD_ERRORS: _("Too many reports were sent from your connection. Try again later, "
                                                   "or call 14 followed by the area code.")}, code="rate_limited")
    if place is None:
        place = place_point(lon=lon, lat=lat, municipality_code=municipality.code)
        if lat is not None and not place.buurt_code and placement_has_boundaries(municipality_code=municipality.code):
            raise ValidationError({"lat": _("The point (latitude %(lat)s, longitude %(lon)s) lies outside %(name)s.")
                                   % {"lat": lat, "lon": lon, "name": municipality.name}})
    now = timezone.now()
    with transaction.atomic():
        signal = Signal(
            municipality=municipality, category=category, description=description, lat=lat, lon=lon,
            address=(address or "")[:250], buurt_code=place.buurt_code, wijk_code=place.wijk_code,
            gebied_code=place.gebied_code, team=route(category=category, gebied_code=place.gebied_code),
            source=source, media_url=media_url, token=secrets.token_urlsafe(24), created_at=now, updated_at=now,
            deadline=add_workdays(timezone.localdate(now), category.deadline_workdays),
        )
        if photo is not None:
            signal.photo = photo_reencode(photo)  # content-checked, metadata stripped, random name
        # fields only: the foreign keys come from the database already (saves a query each)
        signal.clean_fields(exclude=["photo", "token", "team", "municipality", "category", "assignee"])
        signal.save()
        contact = Reporter(signal=signal, **{k: reporter.get(k, "") for k in ("name", "email", "phone", "device_id")},
                           consent=bool(reporter.get("consent")))
        contact.clean_fields(exclude=["signal"])
        contact.save()
        acknowledge = bool(contact.email and contact.consent) and not (anonymous and _mail_limited(contact.email))
        change = StatusChange.objects.create(signal=signal, to_status=Status.RECEIVED, at=now, by=_user(by))
        audit_log(user=by, action="signal_create", obj=signal, municipality_code=municipality.code,
                  changes={"category": category.slug, "source": source, "buurt": place.buurt_code})
        if acknowledge:
            transaction.on_commit(lambda: _mail(change_id=change.pk, kind="received", text=category.handling_message,
                                                site_url=site_url))
    return signal


def _retention_scrub_texts(signal: Signal, names: list[str]) -> list[str]:
    """Personal data inside the free text of a signal and its history (descriptions, addresses,
    replies, notes) and the exact point: scrubbed, the point rounded to about 100 m. History rows
    are append-only for the application; retention rewrites their text in place (no save())."""
    changed = []
    description = retention_scrub(signal.description, names)
    address = public_address(retention_scrub(signal.address, names)) or ""
    lat, lon = round_coordinate(signal.lat), round_coordinate(signal.lon)
    updates = {}
    if description != signal.description:
        updates["description"] = description
        changed.append("description")
    if address != signal.address:
        updates["address"] = address
        changed.append("address")
    if (lat, lon) != (signal.lat, signal.lon):
        updates.update(lat=lat, lon=lon)
        changed.append("coordinates")
    if updates:
        Signal.objects.filter(pk=signal.pk).update(**updates)
    history = False
    for change in StatusChange.objects.filter(signal=signal).exclude(reply="", note=""):
        reply, note = retention_scrub(change.reply, names), retention_scrub(change.note, names)
        if (reply, note) != (change.reply, change.note):
            StatusChange.objects.filter(pk=change.pk).update(reply=reply, note=note)
            history = True
    if history:
        changed.append("history")
    return changed


def _mail_limited(address: str) -> bool:
    """True when an anonymous form may not send another e-mail to ``address`` (or from this
    client) now: one address is not mailed more than a few times a day, whoever types it in."""
    over_address = limit_hit(scope="mail_address", key=address.strip().lower())
    over_client = bool(current_client()) and limit_hit(scope="mail_ip", key=current_client())
    if over_address or over_client:
        log.info("acknowledgement not e-mailed: rate limit")
        return True
    return False


def _refuse_control_characters(fields: dict[str, str]) -> None:
    errors = {name: _("This text contains a control character (U+%(code)04X). Remove it and send again.")
              % {"code": ord(bad)} for name, value in fields.items() if (bad := first_control_character(value))}
    if errors:
        raise ValidationError(errors)


def _user(user):
    return user if (user is not None and getattr(user, "is_authenticated", False)) else None


def signal_transition(*, signal_id: int, to_status: str, by=None, note: str = "", reply: str = "",
                      site_url: str = "") -> Signal:
    """Move a signal to ``to_status`` under a row lock, so two staff members cannot both move it
    from the same status. Appends the history entry; e-mails ``reply`` to the reporter after commit."""
    with transaction.atomic():
        signal = Signal.objects.select_for_update().select_related("municipality").get(pk=signal_id)
        if by is not None and not selectors.signal_can_handle(user=by, signal=signal):
            raise PermissionDenied(_("You are not in the team responsible for this signal."))
        check_transition(signal.status, to_status, reply=reply)
        now = timezone.now()
        previous = signal.status
        signal.status = to_status
        signal.updated_at = now
        if to_status in HANDLED and signal.closed_at is None:
            signal.closed_at = now
        elif to_status == Status.REOPENED:
            signal.closed_at = None
        signal.save(update_fields=["status", "updated_at", "closed_at"])
        email = Reporter.objects.filter(signal=signal, consent=True).exclude(email="").values_list("email", flat=True).first()
        change = StatusChange.objects.create(signal=signal, from_status=previous, to_status=to_status, at=now, by=_user(by),
                                             note=note.strip(), reply=reply.strip())
        audit_log(user=by, action="signal_transition", obj=signal, municipality_code=signal.municipality.code,
                  changes={"from": previous, "to": to_status})
        if email and reply.strip():
            transaction.on_commit(lambda: _mail(change_id=change.pk, kind=to_status, text=reply.strip(),
                                                site_url=site_url))
    return signal


def signal_assign(*, signal_ids: list[int], team: Team | None, assignee=None, by=None) -> int:
    """Assign signals (bulk) to a team and optionally a person; signals not yet assigned move to
    'assigned'. Every signal is locked; signals the user may not handle are refused as a whole."""
    count = 0
    with transaction.atomic():
        for signal in Signal.objects.select_for_update().select_related("municipality").filter(pk__in=signal_ids).order_by("pk"):
            if by is not None and not selectors.signal_can_handle(user=by, signal=signal):
                raise PermissionDenied(_("You are not in the team responsible for signal %(id)s.") % {"id": signal.pk})
            if team is not None and team.municipality_id != signal.municipality_id:
                raise ValidationError({"team": _("The team belongs to another municipality.")})
            # The status changes while the signal is still the handing-over team's own, so that a
            # hand-over to a team the user is not in (a department) is allowed: it is their decision.
            if signal.status in (Status.RECEIVED, Status.TRIAGE, Status.REOPENED):
                signal_transition(signal_id=signal.pk, to_status=Status.ASSIGNED, by=by,
                                  note=_("Assigned to %(team)s") % {"team": team or "-"})
            Signal.objects.filter(pk=signal.pk).update(team=team, assignee=assignee, updated_at=timezone.now())
            audit_log(user=by, action="signal_assign", obj=signal, municipality_code=signal.municipality.code,
                      changes={"team": team.code if team else None, "assignee": assignee.pk if assignee else None})
            count += 1
    return count


def _mail(*, change_id: int, kind: str, text: str, site_url: str) -> None:
    """After commit: hand the e-mail to a task (a worker with a broker, in-process without one)."""
    from wijksturing.signals.tasks import signal_mail_task

    try:
        signal_mail_task.delay(change_id=change_id, kind=kind, text=text, site_url=site_url)
    except Exception as exc:  # noqa: BLE001 — no e-mail must undo a committed change; `emailed` stays False
        log.warning("status change %s: the e-mail could not be queued (%s)", change_id, type(exc).__name__)


def signal_mail_send(*, change_id: int, kind: str, text: str, site_url: str) -> bool:
    """Send the e-mail of a status change to the reporter and record ``emailed`` once it was
    sent; raises when the mail server refuses (the task tries again). False when there is no
    address (any more: retention may have removed it) or it was sent already."""
    change = StatusChange.objects.select_related("signal").get(pk=change_id)
    if change.emailed:
        return False
    signal = selectors.signal_get(pk=change.signal_id)
    address = Reporter.objects.filter(signal=signal).values_list("email", flat=True).first()
    if not address:
        return False
    subject = _("Your report %(id)s to the municipality of %(m)s") % {"id": signal.pk, "m": signal.municipality.name}
    lines = [_("Thank you for your report.") if kind == "received" else _("There is news about your report."), "",
             f"{_('Category')}: {signal.category}", f"{_('Status')}: {Status(signal.status).label}", "", text]
    if site_url:
        follow_url = site_url.rstrip("/") + reverse("signals:follow", args=[signal.token])
        lines += ["", _("Follow your report: %(url)s") % {"url": follow_url}]
    send_mail(subject, "\n".join(lines), settings.DEFAULT_FROM_EMAIL, [address], fail_silently=False)
    StatusChange.objects.filter(pk=change_id).update(emailed=True)
    log.info("signal %s: reply sent to the reporter (%s)", signal.pk, kind)
    return True


def api_key_create(*, municipality_code: str, name: str, by=None) -> tuple[ApiKey, str]:
    """A new Open311 key for a client; returns the key itself once (only its hash is stored)."""
    if not name.strip():
        raise ValidationError({"name": _("Give the client a name.")})
    municipality = area_selectors.municipality_get(code=municipality_code)
    key = secrets.token_urlsafe(32)
    api_key = ApiKey.objects.create(municipality=municipality, name=name.strip(), prefix=key[:8],
                                    key_hash=hashlib.sha256(key.encode()).hexdigest())
    audit_log(user=by, action="open311_key_create", obj=api_key, municipality_code=municipality.code,
              changes={"name": api_key.name, "prefix": api_key.prefix})
    return api_key, key


def api_key_revoke(*, api_key: ApiKey, by=None) -> ApiKey:
    if api_key.revoked_at is None:
        api_key.revoked_at = timezone.now()
        api_key.save(update_fields=["revoked_at"])
        audit_log(user=by, action="open311_key_revoke", obj=api_key, municipality_code=api_key.municipality.code,
                  changes={"prefix": api_key.prefix})
    return api_key


def signal_retention_run(*, now: dt.datetime | None = None, days: int | None = None) -> int:
    """Remove the reporter's contact details and photo of signals handled more than ``days``
    (default settings.RETENTION_DAYS) ago; record per signal which fields were removed and when."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=settings.RETENTION_DAYS if days is None else days)
    candidates = Signal.objects.filter(status__in=HANDLED, closed_at__lt=cutoff, reporter__removed_at__isnull=True)
    count = 0
    for signal_id in candidates.values_list("pk", flat=True).iterator():
        with transaction.atomic():
            signal = Signal.objects.select_for_update().get(pk=signal_id)
            contact = Reporter.objects.select_for_update().get(signal=signal)
            fields = [f for f in ("name", "email", "phone", "device_id") if getattr(contact, f)]
            names = [contact.name] if contact.name else []
            for f in ("name", "email", "phone", "device_id"):
                setattr(contact, f, "")
            contact.removed_at = now
            contact.save()
            if signal.photo:
                signal.photo.delete(save=False)
                signal.photo = ""
                signal.save(update_fields=["photo"])
                fields.append("photo")
            fields += _retention_scrub_texts(signal, names)
            RetentionRecord.objects.create(signal=signal, removed_at=now, fields=fields)
            audit_log(user=None, action="signal_retention", obj=signal, municipality_code=signal.municipality_id and
                      signal.municipality.code, changes={"removed": fields})
            count += 1
    return count


def signal_support_add(*, signal_id: int) -> int:
    """A resident saw the same thing: count a "me too" on the open signal instead of a new
    signal. Returns the number of "me too"s. Nothing about the resident is stored."""
    with transaction.atomic():
        signal = Signal.objects.select_for_update().get(pk=signal_id)
        if signal.status not in OPEN:
            raise ValidationError(_("This report has already been handled; make a new report if the problem is back."))
        Support.objects.create(signal=signal, at=timezone.now())
        return Support.objects.filter(signal=signal).count()


def signal_feedback(*, token: str, satisfied: bool, reopen: bool = False, comment: str = "",
                    site_url: str = "") -> Feedback:
    """The reporter answers "tevreden?" on the follow page of a handled signal. Not satisfied
    and ``reopen``: the signal is reopened (within ``SIGNALS_REOPEN_DAYS`` of handling) with
    the comment as an internal note (a comment is kept only then). One answer per handling."""
    comment = (comment or "").strip()[:MAX_DESCRIPTION]
    _refuse_control_characters({"comment": comment})
    with transaction.atomic():
        signal = Signal.objects.select_for_update().get(token=token)
        until = selectors.signal_reopen_until(signal=signal)
        if signal.status not in HANDLED or signal.closed_at is None:
            raise ValidationError(_("This report has not been handled yet."))
        if selectors.signal_feedback_given(signal=signal) is not None:
            raise ValidationError(_("You have already answered for this report. Thank you."))
        reopened = bool(reopen and not satisfied)
        if reopened and (until is None or timezone.now() > until):
            raise ValidationError(_("This report can no longer be reopened. Please make a new report."))
        feedback = Feedback.objects.create(signal=signal, at=timezone.now(), satisfied=satisfied, reopened=reopened)
        if reopened:
            note = _("Reopened by the reporter.") + (f"\n{comment}" if comment else "")
            signal_transition(signal_id=signal.pk, to_status=Status.REOPENED, note=note, site_url=site_url)
    audit_log(user=None, action="signal_feedback", obj=signal, municipality_code=signal.municipality.code,
              changes={"satisfied": satisfied, "reopened": reopened})
    return feedback
