"""Writes of the register of strengths: registering and editing entries, consent, the
organisation's own link (confirm, propose a change), the area team's review, links to the other
modules, and retention. The HSDS import and export are in :mod:`.hsds`."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijksturing.accounts.services import audit_log
from wijksturing.areas.models import Level
from wijksturing.areas.selectors import area_gebied, area_list, area_lookup_point, municipality_get
from wijksturing.organisations import selectors
from wijksturing.organisations.models import (
    Change,
    ChangeStatus,
    Channel,
    Consent,
    Event,
    EventKind,
    Kind,
    Location,
    Organisation,
    OrganisationArea,
    OrgStatus,
    Scope,
    Theme,
)
from wijksturing.organisations.selectors import token_hash
from wijksturing.organisations.workflow import CHANGE_FLOW, ORGANISATION_FLOW, OrganisationTransitionError

#: What an organisation may change through its own link (the area team reviews it).
EDITABLE = ("name", "description", "themes", "website", "email", "phone", "contact_name", "contact_email",
            "contact_phone", "place_name", "address", "postcode", "opening_hours")
LOCATION_FIELDS = {"place_name": "name", "address": "address", "postcode": "postcode", "opening_hours": "opening_hours"}
PERSONAL = ("contact_name", "contact_email", "contact_phone")

CONSENT_TEXT = {
    Scope.ENTRY: "Wij geven toestemming om deze gegevens over onze organisatie openbaar te tonen in de "
                 "kaart en lijst van krachten in de wijk van de gemeente, en te delen als open data (HSDS).",
    Scope.CONTACT: "De contactpersoon geeft toestemming om naam, e-mailadres en telefoonnummer openbaar te tonen.",
}


def _new_token(organisation: Organisation) -> str:
    token = secrets.token_urlsafe(32)  # 256 bits: not guessable; only its hash is stored
    organisation.token_hash = token_hash(token)
    return token


def _event(organisation: Organisation, kind: str, *, user=None, change: Change | None = None, from_status: str = "",
           to_status: str = "", note: str = "") -> Event:
    return Event.objects.create(organisation=organisation, at=timezone.now(), kind=kind, change=change,
                                from_status=from_status, to_status=to_status, note=note,
                                user=user if getattr(user, "is_authenticated", False) else None)


def _clean_fields(fields: dict) -> dict:
    """Check the values a person typed; raise ValidationError naming the field."""
    errors = {}
    out = dict(fields)
    for key in ("name", "description"):
        if key in out:
            out[key] = (out[key] or "").strip()
            if not out[key]:
                errors[key] = _("This field is required.")
    if "kind" in out and out["kind"] not in Kind.values:
        errors["kind"] = _("Choose a kind.")
    if "themes" in out:
        themes = [t for t in (out["themes"] or []) if t]
        unknown = [t for t in themes if t not in Theme.values]
        if unknown:
            errors["themes"] = _("Unknown theme: %(t)s") % {"t": ", ".join(unknown)}
        out["themes"] = [t for t in Theme.values if t in themes]
    for key in ("email", "contact_email"):
        if out.get(key):
            try:
                validate_email(out[key])
            except ValidationError:
                errors[key] = _("Enter a valid e-mail address.")
    if out.get("website"):
        try:
            URLValidator(schemes=["http", "https"])(out["website"])
        except ValidationError:
            errors["website"] = _("Enter a web address starting with https://.")
    if errors:
        raise ValidationError(errors)
    return out


def _resolve_areas(municipality_code: str, area_codes: list[str]) -> list[tuple[str, str, str, str]]:
    """``(code, name, level, gebied code)`` per area code of the municipality's latest layout."""
    if not area_codes:
        raise ValidationError({"areas": _("Choose at least one area the organisation works in.")})
    found = {a.code: a for a in area_list(municipality_code=municipality_code).filter(code__in=list(area_codes))}
    missing = [c for c in area_codes if c not in found]
    if missing:
        raise ValidationError({"areas": _("Unknown area: %(codes)s") % {"codes": ", ".join(missing)}})
    out = []
    for code in dict.fromkeys(area_codes):
        area = found[code]
        gebied = area_gebied(area=area)
        out.append((area.code, area.name, area.level, gebied.code if gebied else ""))
    return out


def _check_manage(user, organisation: Organisation) -> None:
    if user is not None and not selectors.organisation_can_manage(user=user, organisation=organisation):
        raise PermissionDenied


def _buurt_of(municipality_code: str, lon, lat) -> str:
    if lon is None or lat is None:
        return ""
    try:
        found = area_lookup_point(lon=lon, lat=lat, municipality_code=municipality_code)
    except Exception:  # noqa: BLE001 - a point outside the boundaries just has no buurt
        return ""
    buurt = found.get(Level.BUURT) or found.get("buurt")
    return buurt.code if buurt is not None else ""


def _set_areas(organisation: Organisation, resolved) -> None:
    OrganisationArea.objects.filter(organisation=organisation).exclude(area_code__in=[r[0] for r in resolved]).delete()
    for code, name, level, gebied in resolved:
        OrganisationArea.objects.update_or_create(organisation=organisation, area_code=code,
                                                  defaults={"area_name": name, "level": level, "gebied_code": gebied})


@transaction.atomic
def organisation_register(*, user, municipality_code: str, name: str, kind: str, description: str,
                          area_codes: list[str], themes: list[str] | None = None, website: str = "", email: str = "",
                          phone: str = "", contact_name: str = "", contact_email: str = "", contact_phone: str = "",
                          aanspreekpunt=None, locations: list[dict] | None = None, consent_by: str = "",
                          illustrative: bool = False, confirmed: bool = False) -> tuple[Organisation, str]:
    """Register an entry; returns it and the token of its own link (shown once, only the hash is
    kept). ``consent_by``: the person who agreed to publication (recorded as consent for the
    entry); without it the entry stays out of public view. ``user=None`` is the system (demo)."""
    resolved = _resolve_areas(municipality_code, area_codes)
    if user is not None and not selectors.organisation_can_register(
            user=user, municipality_code=municipality_code, gebied_codes={r[3] for r in resolved}):
        raise PermissionDenied
    fields = _clean_fields({"name": name, "kind": kind, "description": description, "themes": themes or [],
                            "website": website, "email": email, "contact_email": contact_email})
    organisation = Organisation(municipality=municipality_get(code=municipality_code), phone=phone.strip(),
                                contact_name=contact_name.strip(), contact_phone=contact_phone.strip(),
                                aanspreekpunt=aanspreekpunt, illustrative=illustrative, **fields)
    if confirmed:
        organisation.last_confirmed_at = timezone.now()
    token = _new_token(organisation)
    organisation.save()
    _set_areas(organisation, resolved)
    for loc in locations or []:
        location_add(organisation=organisation, **loc)
    _event(organisation, EventKind.REGISTERED, user=user, to_status=organisation.status)
    if consent_by:
        consent_record(organisation=organisation, scope=Scope.ENTRY, given=True, given_by=consent_by,
                       channel=Channel.STAFF, user=user)
    audit_log(user=user, action="organisation_register", obj=organisation, municipality_code=municipality_code,
              changes={"name": organisation.name, "kind": kind, "areas": [r[0] for r in resolved]})
    return organisation, token


def location_add(*, organisation: Organisation, name: str = "", address: str = "", postcode: str = "", city: str = "",
                 province: str = "", lat: float | None = None, lon: float | None = None, opening_hours: str = "",
                 hsds_id=None) -> Location:
    if lat is not None and not -90 <= lat <= 90 or lon is not None and not -180 <= lon <= 180:
        raise ValidationError({"lat": _("The coordinates are outside the world.")})
    extra = {"hsds_id": hsds_id} if hsds_id else {}
    return Location.objects.create(
        organisation=organisation, name=name.strip(), address=address.strip(), postcode=postcode.strip().upper(),
        city=city.strip(), province=province.strip(), lat=lat, lon=lon, opening_hours=opening_hours.strip(),
        buurt_code=_buurt_of(organisation.municipality.code, lon, lat), **extra)


@transaction.atomic
def organisation_update(*, user, organisation: Organisation, area_codes: list[str] | None = None, **fields) -> Organisation:
    """The area team edits an entry directly (kind, aanspreekpunt, areas and the editable fields)."""
    _check_manage(user, organisation)
    allowed = set(EDITABLE) | {"kind", "aanspreekpunt"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    fields = _clean_fields(fields)
    changed = _apply(organisation, fields)
    if area_codes is not None:
        resolved = _resolve_areas(organisation.municipality.code, area_codes)
        if user is not None and not selectors.organisation_can_register(
                user=user, municipality_code=organisation.municipality.code, gebied_codes={r[3] for r in resolved}):
            raise PermissionDenied
        _set_areas(organisation, resolved)
        changed.append("areas")
    _event(organisation, EventKind.EDITED, user=user, note=", ".join(changed))
    audit_log(user=user, action="organisation_update", obj=organisation, municipality_code=organisation.municipality.code,
              changes={"fields": changed})
    return organisation


def _apply(organisation: Organisation, fields: dict) -> list[str]:
    """Write organisation and first-location fields; return the names of what changed."""
    changed = []
    location = organisation.locations.first()
    loc_changes = {}
    for key, value in fields.items():
        if key in LOCATION_FIELDS:
            current = getattr(location, LOCATION_FIELDS[key]) if location else ""
            if (value or "") != current:
                loc_changes[LOCATION_FIELDS[key]] = value or ""
                changed.append(key)
        elif getattr(organisation, key) != value:
            setattr(organisation, key, value)
            changed.append(key)
    organisation.save()
    if loc_changes:
        if location is None:
            location_add(organisation=organisation, **loc_changes)
        else:
            for key, value in loc_changes.items():
                setattr(location, key, value)
            location.save()
    return changed


@transaction.atomic
def consent_record(*, organisation: Organisation, scope: str, given: bool, given_by: str, channel: str,
                   user=None, statement: str = "") -> Consent:
    """Record who agreed (or withdrew) to what, and when. Consent for the entry makes it public
    (while active); for the contact it makes the contact person's details public."""
    given_by = (given_by or "").strip()
    if not given_by:
        raise ValidationError({"given_by": _("Say who gave or withdrew consent.")})
    if scope not in Scope.values or channel not in Channel.values:
        raise ValueError("unknown scope or channel")
    consent = Consent.objects.create(organisation=organisation, scope=scope, given=given, given_by=given_by[:150],
                                     at=timezone.now(), channel=channel, statement=statement or CONSENT_TEXT[scope],
                                     recorded_by=user if getattr(user, "is_authenticated", False) else None)
    if scope == Scope.ENTRY:
        organisation.consent_given = given
    else:
        organisation.contact_public = given
    organisation.save(update_fields=["consent_given", "contact_public", "updated_at"])
    _event(organisation, EventKind.CONSENT, user=user,
           note=f"{scope}: {'given' if given else 'withdrawn'} ({channel})")
    audit_log(user=user, action="organisation_consent", obj=organisation, municipality_code=organisation.municipality.code,
              changes={"scope": scope, "given": given, "channel": channel})
    return consent


@transaction.atomic
def organisation_confirm(*, organisation: Organisation) -> Organisation:
    """The organisation confirms through its link that its entry is still right."""
    organisation.last_confirmed_at = timezone.now()
    organisation.save(update_fields=["last_confirmed_at", "updated_at"])
    _event(organisation, EventKind.CONFIRMED)
    audit_log(user=None, action="organisation_confirm", obj=organisation, municipality_code=organisation.municipality.code)
    return organisation


def _current(organisation: Organisation) -> dict:
    location = organisation.locations.first()
    values = {key: getattr(organisation, key) for key in EDITABLE if key not in LOCATION_FIELDS}
    values.update({key: getattr(location, attr) if location else "" for key, attr in LOCATION_FIELDS.items()})
    return values


@transaction.atomic
def change_propose(*, organisation: Organisation, data: dict) -> Change | None:
    """The organisation proposes new values through its link; the area team reviews them. Only
    what differs from the entry is kept; nothing differing means no change (None). Proposing
    counts as confirming the rest of the entry."""
    unknown = set(data) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    data = _clean_fields({k: (v.strip() if isinstance(v, str) else v) for k, v in data.items()})
    current = _current(organisation)
    diff = {k: v for k, v in data.items() if v != current.get(k)}
    organisation.last_confirmed_at = timezone.now()
    organisation.save(update_fields=["last_confirmed_at", "updated_at"])
    if not diff:
        _event(organisation, EventKind.CONFIRMED)
        return None
    change = Change.objects.create(organisation=organisation, data=diff, previous={k: current.get(k) for k in diff})
    _event(organisation, EventKind.CHANGE, change=change, to_status=ChangeStatus.PENDING,
           note=", ".join(sorted(diff)))
    audit_log(user=None, action="organisation_change_propose", obj=organisation,
              municipality_code=organisation.municipality.code, changes={"fields": sorted(diff)})
    return change


@transaction.atomic
def change_decide(*, user, change: Change, to: str, reason: str = "") -> Change:
    """Accept (the values are written to the entry) or reject a proposed change."""
    locked = Change.objects.select_for_update().select_related("organisation").get(pk=change.pk)
    _check_manage(user, locked.organisation)
    CHANGE_FLOW.check(locked.status, to, error=OrganisationTransitionError,
                      refused=_("This change has already been decided."))
    if to == ChangeStatus.REJECTED and not reason.strip():
        raise ValidationError({"reason": _("Give a reason: the organisation sees it.")})
    old = locked.status
    if to == ChangeStatus.ACCEPTED:
        _apply(locked.organisation, locked.data)
    locked.status, locked.decided_at, locked.reason = to, timezone.now(), reason.strip()
    locked.decided_by = user if getattr(user, "is_authenticated", False) else None
    locked.save()
    _event(locked.organisation, EventKind.CHANGE, user=user, change=locked, from_status=old, to_status=to,
           note=reason.strip())
    audit_log(user=user, action="organisation_change_decide", obj=locked.organisation,
              municipality_code=locked.organisation.municipality.code, changes={"change": locked.pk, "to": to})
    change.status = to
    return locked


@transaction.atomic
def organisation_set_status(*, user, organisation: Organisation, to: str) -> Organisation:
    """Stop an entry (it leaves public view; its personal data is removed after the retention
    period) or start it again."""
    _check_manage(user, organisation)
    ORGANISATION_FLOW.check(organisation.status, to, error=OrganisationTransitionError)
    old = organisation.status
    organisation.status = to
    organisation.stopped_at = timezone.now() if to == OrgStatus.STOPPED else None
    organisation.save(update_fields=["status", "stopped_at", "updated_at"])
    _event(organisation, EventKind.STATUS, user=user, from_status=old, to_status=to)
    audit_log(user=user, action="organisation_status", obj=organisation, municipality_code=organisation.municipality.code,
              changes={"from": old, "to": to})
    return organisation


@transaction.atomic
def organisation_link_renew(*, user, organisation: Organisation) -> str:
    """A new link for the organisation (the old one stops working); the token is shown once."""
    _check_manage(user, organisation)
    token = _new_token(organisation)
    organisation.save(update_fields=["token_hash", "updated_at"])
    _event(organisation, EventKind.LINK, user=user)
    audit_log(user=user, action="organisation_link_renew", obj=organisation, municipality_code=organisation.municipality.code)
    return token


LINK_FIELDS = ("goals", "efforts", "initiatives", "proposals", "signals")


def _municipality_of(field: str, obj) -> int:
    if field == "goals":
        return obj.theme.programme.municipality_id
    if field == "efforts":
        return obj.result.goal.theme.programme.municipality_id
    if field == "proposals":
        return obj.round.municipality_id
    return obj.municipality_id


@transaction.atomic
def organisation_links_set(*, user, organisation: Organisation, **ids: list[int]) -> Organisation:
    """Set the goals and efforts the organisation is a partner in, the initiatives it received,
    the buurtbegroting proposals it made and the signals it reported (ids, of the same
    municipality). Fields not given keep their links."""
    _check_manage(user, organisation)
    unknown = set(ids) - set(LINK_FIELDS)
    if unknown:
        raise ValueError(f"unknown links: {sorted(unknown)}")
    errors = {}
    for field, wanted in ids.items():
        wanted = sorted({int(i) for i in wanted or []})
        model = Organisation._meta.get_field(field).related_model
        objects = list(model.objects.filter(pk__in=wanted))
        bad = sorted(set(wanted) - {o.pk for o in objects}) + sorted(
            o.pk for o in objects if _municipality_of(field, o) != organisation.municipality_id)
        if bad:
            errors[field] = _("Not found in this municipality: %(ids)s") % {"ids": ", ".join(map(str, bad))}
            continue
        getattr(organisation, field).set(objects)
    if errors:
        raise ValidationError(errors)
    _event(organisation, EventKind.LINKED, user=user, note=", ".join(f"{k}: {len(v or [])}" for k, v in ids.items()))
    audit_log(user=user, action="organisation_links", obj=organisation, municipality_code=organisation.municipality.code,
              changes={k: sorted(int(i) for i in v or []) for k, v in ids.items()})
    return organisation


@transaction.atomic
def organisations_retention_run(*, days: int | None = None, now=None) -> int:
    """Remove the personal data of organisations that stopped more than ``days`` ago (default
    WIJKSTURING_RETENTION_DAYS): the contact person, the names in the consent records and the
    link. The entry itself (name, kind, areas, links) stays for the history of the wijk."""
    days = settings.RETENTION_DAYS if days is None else days
    now = now or timezone.now()
    due = Organisation.objects.filter(status=OrgStatus.STOPPED, stopped_at__lt=now - timedelta(days=days),
                                      personal_data_removed_at__isnull=True)
    count = 0
    for organisation in due.select_for_update():
        organisation.contact_name = organisation.contact_email = organisation.contact_phone = ""
        organisation.contact_public = False
        organisation.token_hash = ""
        organisation.personal_data_removed_at = now
        organisation.save()
        organisation.consents.update(given_by="—")
        organisation.changes.filter(status=ChangeStatus.PENDING).update(status=ChangeStatus.REJECTED, decided_at=now,
                                                                        reason="retention")
        for change in organisation.changes.all():
            change.data = {k: ("—" if k in PERSONAL else v) for k, v in change.data.items()}
            change.previous = {k: ("—" if k in PERSONAL else v) for k, v in change.previous.items()}
            change.save(update_fields=["data", "previous"])
        _event(organisation, EventKind.RETENTION, note="contact_name, contact_email, contact_phone, consents.given_by, link")
        audit_log(user=None, action="organisation_retention", obj=organisation,
                  municipality_code=organisation.municipality.code)
        count += 1
    return count
