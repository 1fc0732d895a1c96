"""Pages of the register: the public list and map per municipality and an entry's page (only
entries with consent), the organisation's own page behind its secret link (confirm, propose a
change, give or withdraw consent), and the area team's pages (register, review, stale entries)."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wijksturing.accounts.models import Role
from wijksturing.accounts.selectors import user_gebied_codes, user_has_role
from wijksturing.areas.models import Area, Level
from wijksturing.areas.selectors import area_list, municipality_get
from wijksturing.organisations import hsds, selectors, services
from wijksturing.organisations.forms import ConsentForm, DecideForm, EditForm, EntryFields, RegisterForm
from wijksturing.organisations.maps import strengths_map
from wijksturing.organisations.models import Change, ChangeStatus, Channel, Kind, Organisation, OrgStatus, Scope, Theme
from wijksturing.web.pagecache import public_page


def _municipality(code: str):
    try:
        return municipality_get(code=code)
    except Exception:  # noqa: BLE001 - Municipality.DoesNotExist
        raise Http404 from None


def _gemeente(code: str) -> Area:
    area = area_list(municipality_code=code, level=Level.GEMEENTE).first()
    if area is None:
        raise Http404
    return area


@require_GET
@public_page
def public_list(request: HttpRequest, municipality_code: str) -> HttpResponse:
    municipality = _municipality(municipality_code)
    theme = request.GET.get("thema") if request.GET.get("thema") in Theme.values else None
    gemeente = _gemeente(municipality.code)
    panel = selectors.area_panel(area=gemeente, theme=theme) or {"organisations": [], "themes": [], "theme": theme, "total": 0}
    return render(request, "organisations/list.html", {
        "municipality": municipality, "panel": panel,
        "map": strengths_map(area=gemeente, organisations=panel["organisations"]),
        "can_manage": selectors.organisation_can_read_staff(user=request.user, municipality_code=municipality.code)})


@require_GET
@public_page
def public_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        organisation = selectors.organisation_public_get(pk=pk)
    except Organisation.DoesNotExist:
        raise Http404 from None
    return render(request, "organisations/detail.html", {
        "o": organisation, "municipality": organisation.municipality,
        "stale": selectors.organisation_is_stale(organisation=organisation),
        "links": selectors.organisation_links(organisation=organisation, public=True)})


@require_GET
def export_hsds_json(request: HttpRequest, municipality_code: str) -> HttpResponse:
    municipality = _municipality(municipality_code)
    response = JsonResponse(hsds.export_document(municipality_code=municipality.code), json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = f'attachment; filename="krachten-{municipality.code}-hsds.json"'
    return response


@require_GET
def export_hsds_csv(request: HttpRequest, municipality_code: str) -> HttpResponse:
    municipality = _municipality(municipality_code)
    data = hsds.document_to_csv_zip(hsds.export_document(municipality_code=municipality.code))
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="krachten-{municipality.code}-hsds-csv.zip"'
    return response


@require_GET
def export_geojson(request: HttpRequest, municipality_code: str) -> HttpResponse:
    municipality = _municipality(municipality_code)
    theme = request.GET.get("thema") if request.GET.get("thema") in Theme.values else None
    return JsonResponse(hsds.geojson(municipality_code=municipality.code, theme=theme),
                        content_type="application/geo+json", json_dumps_params={"ensure_ascii": False})


# --- the organisation's own link ----------------------------------------------------------------

def _entry_initial(organisation: Organisation) -> dict:
    location = organisation.locations.first()
    initial = {k: getattr(organisation, k) for k in services.EDITABLE if k not in services.LOCATION_FIELDS}
    initial.update({k: getattr(location, attr) if location else "" for k, attr in services.LOCATION_FIELDS.items()})
    return initial


def own_entry(request: HttpRequest, token: str) -> HttpResponse:
    try:
        organisation = selectors.organisation_by_token(token=token)
    except Organisation.DoesNotExist:
        return render(request, "organisations/own_unknown.html", status=404)
    form = EntryFields(initial=_entry_initial(organisation))
    consent_form = ConsentForm(initial={"entry": organisation.consent_given, "contact": organisation.contact_public})
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "confirm":
            services.organisation_confirm(organisation=organisation)
            messages.success(request, _("Thank you: your entry is confirmed as still right."))
            return redirect("organisations:own", token=token)
        if action == "change":
            form = EntryFields(request.POST)
            if form.is_valid():
                try:
                    change = services.change_propose(organisation=organisation, data=form.cleaned_data)
                except ValidationError as exc:
                    for field, errs in exc.message_dict.items():
                        form.add_error(field if field in form.fields else None, errs)
                else:
                    messages.success(request, _("Thank you. The area team will look at your changes; until then the "
                                                "entry shows the old details.") if change else
                                     _("Nothing was changed; your entry is confirmed as still right."))
                    return redirect("organisations:own", token=token)
            status = 422
        if action == "consent":
            consent_form = ConsentForm(request.POST)
            if consent_form.is_valid():
                who = consent_form.cleaned_data["given_by"]
                for scope, key, current in ((Scope.ENTRY, "entry", organisation.consent_given),
                                            (Scope.CONTACT, "contact", organisation.contact_public)):
                    if consent_form.cleaned_data[key] != current:
                        services.consent_record(organisation=organisation, scope=scope, given=consent_form.cleaned_data[key],
                                                given_by=who, channel=Channel.LINK)
                messages.success(request, _("Your choice about publication has been recorded."))
                return redirect("organisations:own", token=token)
            status = 422
    response = render(request, "organisations/own.html", {
        "o": organisation, "municipality": organisation.municipality, "form": form, "consent_form": consent_form,
        "pending": selectors.change_pending_list(organisation=organisation),
        "decided": organisation.changes.exclude(status=ChangeStatus.PENDING).order_by("-decided_at")[:5],
        "stale": selectors.organisation_is_stale(organisation=organisation),
        "consent_text": services.CONSENT_TEXT}, status=status)
    response["Cache-Control"] = "no-store"
    # the link is the key: the site's Referrer-Policy (same-origin) never sends it to another site;
    # "no-referrer" would make Chromium send "Origin: null" with the forms, which CSRF refuses
    return response


# --- the area team ------------------------------------------------------------------------------

def _area_choices(user, municipality_code: str) -> list[tuple[str, str]]:
    """Gebieden, wijken and buurten the user may register entries in, as (code, label)."""
    allowed = user_gebied_codes(user=user, municipality_code=municipality_code, roles=[Role.AREA_TEAM])
    if user_has_role(user=user, municipality_code=municipality_code, roles=[Role.ADMINISTRATOR]):
        allowed = None
    choices = []
    for gebied in area_list(municipality_code=municipality_code, level=Level.GEBIED):
        if allowed is not None and gebied.code not in allowed:
            continue
        choices.append((gebied.code, gebied.name))
        for wijk in area_list(municipality_code=municipality_code, level=Level.WIJK).filter(parent=gebied):
            choices.append((wijk.code, f"— {wijk.name}"))
            for buurt in area_list(municipality_code=municipality_code, level=Level.BUURT).filter(parent=wijk):
                choices.append((buurt.code, f"— — {buurt.name}"))
    return choices


@login_required
def staff_list(request: HttpRequest, municipality_code: str) -> HttpResponse:
    municipality = _municipality(municipality_code)
    if not selectors.organisation_can_read_staff(user=request.user, municipality_code=municipality.code):
        raise PermissionDenied
    stale_only = request.GET.get("verouderd") == "1"
    rows = selectors.organisation_staff_list(user=request.user, municipality_code=municipality.code, stale_only=stale_only)
    return render(request, "organisations/staff_list.html", {
        "municipality": municipality, "rows": rows, "stale_only": stale_only,
        "can_register": selectors.organisation_can_register(user=request.user, municipality_code=municipality.code),
        "can_import": user_has_role(user=request.user, municipality_code=municipality.code, roles=[Role.ADMINISTRATOR])})


@login_required
def import_hsds(request: HttpRequest, municipality_code: str) -> HttpResponse:
    """Administrators read an HSDS document (JSON, or the CSV tables in a zip) into the register."""
    municipality = _municipality(municipality_code)
    if not user_has_role(user=request.user, municipality_code=municipality.code, roles=[Role.ADMINISTRATOR]):
        raise PermissionDenied
    errors: list[str] = []
    if request.method == "POST":
        upload = request.FILES.get("file")
        try:
            if upload is None:
                raise ValidationError(_("Choose a file."))
            if upload.size > 20 * 1024 * 1024:
                raise ValidationError(_("The file is larger than 20 MB."))
            data = upload.read()
            if upload.name.lower().endswith(".zip"):
                document = hsds.csv_zip_to_document(data, source=upload.name)
            else:
                try:
                    document = json.loads(data.decode("utf-8-sig"))
                except (UnicodeDecodeError, ValueError):
                    raise ValidationError(_("%(name)s is not a JSON file.") % {"name": upload.name}) from None
            result = hsds.import_document(municipality_code=municipality.code, document=document, source=upload.name,
                                          user=request.user)
        except ValidationError as exc:
            errors = exc.messages
        else:
            messages.success(request, _("%(name)s: %(created)s created, %(updated)s updated.") % {
                "name": upload.name, **result})
            return redirect("organisations:staff_list", municipality_code=municipality.code)
    return render(request, "organisations/import.html", {"municipality": municipality, "errors": errors},
                  status=422 if errors else 200)


@login_required
def register(request: HttpRequest, municipality_code: str) -> HttpResponse:
    municipality = _municipality(municipality_code)
    if not selectors.organisation_can_register(user=request.user, municipality_code=municipality.code):
        raise PermissionDenied
    choices = _area_choices(request.user, municipality.code)
    form = RegisterForm(request.POST or None, area_choices=choices)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        location = {k: d[k] for k in ("address", "postcode", "city", "lat", "lon", "opening_hours")}
        location["name"] = d["place_name"]
        try:
            organisation, token = services.organisation_register(
                user=request.user, municipality_code=municipality.code, name=d["name"], kind=d["kind"],
                description=d["description"], area_codes=d["areas"], themes=d["themes"], website=d["website"],
                email=d["email"], phone=d["phone"], contact_name=d["contact_name"], contact_email=d["contact_email"],
                contact_phone=d["contact_phone"], aanspreekpunt=request.user, consent_by=d["consent_by"],
                locations=[location] if any(v not in ("", None) for v in location.values()) else [])
        except ValidationError as exc:
            for field, errs in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errs)
        else:
            return _show_link(request, organisation, token, created=True)
    return render(request, "organisations/register.html", {"municipality": municipality, "form": form},
                  status=422 if request.method == "POST" else 200)


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The area team edits an entry directly (no review needed: it is the area team's own change)."""
    try:
        organisation = selectors.organisation_get(pk=pk)
    except Organisation.DoesNotExist:
        raise Http404 from None
    if not selectors.organisation_can_manage(user=request.user, organisation=organisation):
        raise PermissionDenied
    code = organisation.municipality.code
    initial = {**_entry_initial(organisation), "kind": organisation.kind,
               "areas": [a.area_code for a in organisation.areas.all()]}
    form = EditForm(request.POST or None, initial=initial, area_choices=_area_choices(request.user, code))
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.organisation_update(user=request.user, organisation=organisation, area_codes=d.pop("areas"), **d)
        except ValidationError as exc:
            for field, errs in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errs)
        else:
            messages.success(request, _("The entry has been saved."))
            return redirect("organisations:manage", pk=organisation.pk)
    return render(request, "organisations/edit.html", {"o": organisation, "municipality": organisation.municipality,
                                                       "form": form}, status=422 if request.method == "POST" else 200)


def _show_link(request, organisation, token, *, created: bool) -> HttpResponse:
    url = request.build_absolute_uri(reverse("organisations:own", args=[token]))
    response = render(request, "organisations/link.html", {"o": organisation, "municipality": organisation.municipality,
                                                           "url": url, "created": created})
    response["Cache-Control"] = "no-store"
    return response


@login_required
def manage(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        organisation = selectors.organisation_get(pk=pk)
    except Organisation.DoesNotExist:
        raise Http404 from None
    if not selectors.organisation_can_read_staff(user=request.user, municipality_code=organisation.municipality.code):
        raise PermissionDenied
    can_manage = selectors.organisation_can_manage(user=request.user, organisation=organisation)
    errors: list[str] = []
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        action = request.POST.get("action", "")
        try:
            if action in ("accept", "reject"):
                change = organisation.changes.get(pk=int(request.POST.get("change", "0")))
                form = DecideForm(request.POST)
                form.is_valid()
                services.change_decide(user=request.user, change=change, reason=form.cleaned_data.get("reason", ""),
                                       to=ChangeStatus.ACCEPTED if action == "accept" else ChangeStatus.REJECTED)
                messages.success(request, _("The change has been accepted.") if action == "accept"
                                 else _("The change has been rejected."))
            elif action in ("stop", "restart"):
                services.organisation_set_status(user=request.user, organisation=organisation,
                                                 to=OrgStatus.STOPPED if action == "stop" else OrgStatus.ACTIVE)
            elif action == "consent":
                services.consent_record(organisation=organisation, scope=request.POST.get("scope", Scope.ENTRY),
                                        given=request.POST.get("given") == "1", given_by=request.POST.get("given_by", ""),
                                        channel=Channel.STAFF, user=request.user)
            elif action == "links":
                services.organisation_links_set(user=request.user, organisation=organisation, **{
                    field: [int(x) for x in request.POST.get(field, "").replace(",", " ").split() if x.isdigit()]
                    for field in services.LINK_FIELDS})
            elif action == "renew":
                return _show_link(request, organisation, services.organisation_link_renew(user=request.user,
                                                                                          organisation=organisation),
                                  created=False)
            else:
                raise ValidationError(_("Unknown action."))
            return redirect("organisations:manage", pk=organisation.pk)
        except (ValidationError, Change.DoesNotExist, ValueError) as exc:
            errors = getattr(exc, "messages", [str(exc)])
    links = selectors.organisation_links(organisation=organisation, public=False)
    pending = list(selectors.change_pending_list(organisation=organisation))
    for change in pending:
        change.rows = [(_field_label(key), _shown(change.previous.get(key)), _shown(value)) for key, value in change.data.items()]
    return render(request, "organisations/manage.html", {
        "o": organisation, "municipality": organisation.municipality, "can_manage": can_manage, "errors": errors,
        "stale": selectors.organisation_is_stale(organisation=organisation),
        "pending": pending, "history": selectors.organisation_history(organisation=organisation),
        "consents": organisation.consents.all(), "links": links,
        "link_ids": {f: " ".join(str(x.pk) for x in links[f]) for f in services.LINK_FIELDS},
        "kinds": Kind}, status=422 if errors else 200)


def _field_label(key: str) -> str:
    field = EntryFields.base_fields.get(key)
    return str(field.label) if field is not None else key


def _shown(value) -> str:
    if isinstance(value, list):
        return ", ".join(str(Theme(v).label) if v in Theme.values else str(v) for v in value)
    return "" if value is None else str(value)
