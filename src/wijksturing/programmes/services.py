"""Writes of the programmes app. Every change is validated (``full_clean``), checked against the
user's rights, appended to the programme's history (:class:`ChangeRecord`) and to the audit
trail. ``user=None`` means the system (demo loader, management commands): no rights check."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wijksturing.accounts.services import audit_log
from wijksturing.areas.models import Area, Level
from wijksturing.areas.selectors import area_list
from wijksturing.monitor import selectors as monitor
from wijksturing.programmes.models import (
    Agenda,
    ChangeRecord,
    Effort,
    Goal,
    Measure,
    Programme,
    Result,
    Review,
    Theme,
    ThemeAgenda,
)
from wijksturing.programmes.progress import measure_area
from wijksturing.programmes.selectors import agenda_can_manage, part_removal, programme_can_edit
from wijksturing.programmes.selectors import programme_of as _programme_of
from wijksturing.programmes.validation import check, check_agenda, check_agendas


def _require_edit(user, programme: Programme) -> None:
    if user is not None and not programme_can_edit(user=user, programme=programme):
        raise PermissionDenied("You may not edit this programme.")


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def _next_order(queryset) -> int:
    last = queryset.aggregate(m=models.Max("order"))["m"]
    return 0 if last is None else last + 1


#: a new part without ``order`` is placed after its siblings
SIBLINGS = {Theme: "programme", Goal: "theme", Result: "goal", Effort: "result"}


def _record(*, user, obj: models.Model, action: str, changes: dict) -> None:
    programme = _programme_of(obj)
    ChangeRecord.objects.create(
        programme=programme, user=user if getattr(user, "is_authenticated", False) else None,
        action=action, object_type=type(obj).__name__, object_id=str(obj.pk), changes=changes,
    )
    audit_log(user=user, action=f"programme_{action}", obj=obj, municipality_code=programme.municipality.code,
              changes=changes)


@transaction.atomic
def object_create(*, user, model: type[models.Model], agendas: list[Agenda] | None = None, **fields) -> models.Model:
    """Create a programme part (Theme, Goal, Result, Effort, Measure, Review) or a Programme."""
    if model in SIBLINGS and "order" not in fields:
        parent = SIBLINGS[model]
        fields["order"] = _next_order(model.objects.filter(**{parent: fields[parent]}))
    obj = model(**fields)
    programme = _programme_of(obj)
    _require_edit(user, programme)
    if agendas is not None:
        check_agendas(programme=programme, agendas=agendas)
    check(obj)
    obj.save()
    if agendas is not None and isinstance(obj, Goal):
        obj.agendas.set(agendas)
    changes = {f: [None, _plain(v)] for f, v in fields.items()}
    if agendas is not None:
        changes["agendas"] = [None, sorted(a.code for a in agendas)]
    _record(user=user, obj=obj, action="create", changes=changes)
    return obj


@transaction.atomic
def object_update(*, user, obj: models.Model, agendas: list[Agenda] | None = None, action: str = "update",
                  **fields) -> dict:
    """Change fields of a programme or one of its parts; returns ``{field: [before, after]}``."""
    obj = type(obj).objects.select_for_update().get(pk=obj.pk)
    _require_edit(user, _programme_of(obj))
    if agendas is not None:
        check_agendas(programme=_programme_of(obj), agendas=agendas)
    changes = {}
    for name, value in fields.items():
        before = getattr(obj, name)
        field = obj._meta.get_field(name)
        if not field.is_relation and value is not None:
            value = field.to_python(value)  # Decimal("1") is no change from Decimal("1.00")
        setattr(obj, name, value)
        if before != value:
            changes[name] = [_plain(before), _plain(value)]
    check(obj)
    if agendas is not None and isinstance(obj, Goal):
        before = sorted(a.code for a in obj.agendas.all())
        after = sorted(a.code for a in agendas)
        if before != after:
            obj.agendas.set(agendas)
            changes["agendas"] = [before, after]
    if changes:
        obj.save()
        _record(user=user, obj=obj, action=action, changes=changes)
    return changes


@transaction.atomic
def object_delete(*, user, obj: models.Model) -> None:
    programme = _programme_of(obj)
    _require_edit(user, programme)
    if isinstance(obj, Programme):
        raise ValidationError({"programme": _("Programmes are not deleted; unpublish them instead.")})
    if isinstance(obj, REMOVABLE) and part_removal(obj=obj) != "delete":
        raise ValidationError({"reason": _("This can no longer be deleted, because it has been published or money is "
                                           "booked against it. Withdraw it instead.")})
    snapshot = {"label": str(obj)[:200]}
    _record(user=user, obj=obj, action="delete", changes=snapshot)
    obj.delete()


def programme_publish(*, user, programme: Programme, published: bool) -> dict:
    return object_update(user=user, obj=programme, published=published)


@transaction.atomic
def review_record(*, user, result: Result, year: int, achieved: str, account: str = "") -> Review:
    """The yearly answer for one intended result; earlier years stay, a change to a year's
    answer is kept in the history."""
    existing = Review.objects.filter(result=result, year=year).first()
    if existing is None:
        return object_create(user=user, model=Review, result=result, year=year, achieved=achieved, account=account)
    object_update(user=user, obj=existing, achieved=achieved, account=account)
    existing.refresh_from_db()
    return existing


@transaction.atomic
def agenda_upsert(*, user, municipality, code: str, name: str, description: str = "", order: int = 0) -> Agenda:
    """For the demo and commands (``user=None``): create or update an agenda by its code."""
    if user is not None and not agenda_can_manage(user=user, municipality_code=municipality.code):
        raise PermissionDenied("Only administrators manage the agendas.")
    agenda, created = Agenda.objects.update_or_create(
        municipality=municipality, code=code, defaults={"name": name, "description": description, "order": order}
    )
    audit_log(user=user, action="agenda_create" if created else "agenda_update", obj=agenda,
              municipality_code=municipality.code, changes={"code": code, "name": name})
    return agenda


@transaction.atomic
def agenda_save(*, user, municipality, name: str, description: str = "", order: int | None = None,
                agenda: Agenda | None = None) -> Agenda:
    """Create an agenda (its code made from the name, fixed after) or change one; administrators
    of the municipality only."""
    if not agenda_can_manage(user=user, municipality_code=municipality.code):
        raise PermissionDenied("Only administrators manage the agendas.")
    created = agenda is None
    if created:
        agenda = Agenda(municipality=municipality, code=slugify(name)[:60],
                        order=_next_order(Agenda.objects.filter(municipality=municipality)))
    else:
        agenda = Agenda.objects.select_for_update().get(pk=agenda.pk, municipality=municipality)
    before = {"name": agenda.name, "description": agenda.description, "order": agenda.order}
    agenda.name, agenda.description = name.strip(), description.strip()
    if order is not None:
        agenda.order = order
    check_agenda(agenda)
    agenda.save()
    after = {"name": agenda.name, "description": agenda.description, "order": agenda.order}
    changes = {k: [None if created else before[k], v] for k, v in after.items() if created or before[k] != v}
    audit_log(user=user, action="agenda_create" if created else "agenda_update", obj=agenda,
              municipality_code=municipality.code, changes=changes)
    return agenda


@transaction.atomic
def theme_agendas_set(*, user, theme: Theme, links: dict[Agenda, str]) -> dict:
    """The agendas a theme serves, each with the programme's words on how; links not given are
    removed. History: ``{"agenda <code>": [note before or None, note after or None]}``."""
    theme = Theme.objects.select_for_update().select_related("programme__municipality").get(pk=theme.pk)
    _require_edit(user, theme.programme)
    check_agendas(programme=theme.programme, agendas=list(links))
    before = {link.agenda.code: link.note for link in theme.agenda_links.select_related("agenda")}
    after = {agenda.code: note.strip() for agenda, note in links.items()}
    theme.agenda_links.exclude(agenda__in=list(links)).delete()
    for agenda, note in links.items():
        ThemeAgenda.objects.update_or_create(theme=theme, agenda=agenda, defaults={"note": note.strip()})
    changes = {f"agenda {code}": [before.get(code), after.get(code)]
               for code in sorted(set(before) | set(after)) if before.get(code) != after.get(code)}
    if changes:
        _record(user=user, obj=theme, action="update", changes=changes)
    return changes


@transaction.atomic
def theme_save(*, user, links: dict[Agenda, str], programme: Programme | None = None, theme: Theme | None = None,
               **fields) -> Theme:
    """Create a theme in ``programme`` (placed last) or change ``theme``, with its agendas."""
    if theme is None:
        theme = object_create(user=user, model=Theme, programme=programme, **fields)
    else:
        object_update(user=user, obj=theme, **fields)
    theme_agendas_set(user=user, theme=theme, links=links)
    return theme


def theme_link_agenda(*, user, theme: Theme, agenda: Agenda, note: str = "") -> ThemeAgenda:
    links = {link.agenda: link.note for link in theme.agenda_links.select_related("agenda")}
    links[agenda] = note
    theme_agendas_set(user=user, theme=theme, links=links)
    return ThemeAgenda.objects.get(theme=theme, agenda=agenda)


@transaction.atomic
def programme_create(*, user, municipality, area_code: str, title: str, start_year: int, end_year: int,
                     summary: str = "") -> Programme:
    """A new programme for a gebied (or the whole municipality), always a draft."""
    _require_edit(user, Programme(municipality=municipality, area_code=area_code))

    known = {municipality.code} | set(area_list(municipality_code=municipality.code, level=Level.GEBIED)
                                      .values_list("code", flat=True))
    if area_code not in known:
        raise ValidationError({"area_code": _("There is no gebied %(code)s in %(name)s.") % {
            "code": area_code, "name": municipality.name}})
    return object_create(user=user, model=Programme, municipality=municipality, area_code=area_code, title=title,
                         summary=summary, start_year=start_year, end_year=end_year, published=False)


REMOVABLE = (Theme, Goal, Result)


@transaction.atomic
def part_remove(*, user, obj: Theme | Goal | Result, reason: str = "") -> str:
    """Remove a theme, goal or intended result: deleted (returns ``"deleted"``) while nobody
    outside the team can have relied on it (the programme was never published and no budget
    entry or initiative refers to it); otherwise withdrawn with a reason (``"withdrawn"``): it
    stays visible, marked, and leaves the progress roll-up."""
    if not isinstance(obj, REMOVABLE):
        raise TypeError(f"cannot remove a {type(obj).__name__}")
    obj = type(obj).objects.select_for_update().get(pk=obj.pk)
    _require_edit(user, _programme_of(obj))
    if part_removal(obj=obj) == "delete":
        object_delete(user=user, obj=obj)
        return "deleted"
    if obj.withdrawn:
        raise ValidationError({"reason": _("This has already been withdrawn.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Say why it is withdrawn. Residents and the council will read this.")})
    object_update(user=user, obj=obj, action="withdraw", withdrawn_on=timezone.localdate(),
                  withdrawn_reason=reason.strip())
    return "withdrawn"


def part_reinstate(*, user, obj: Theme | Goal | Result) -> dict:
    """Undo a withdrawal (the history keeps both)."""
    if not obj.withdrawn:
        raise ValidationError({"reason": _("This has not been withdrawn.")})
    return object_update(user=user, obj=obj, action="reinstate", withdrawn_on=None, withdrawn_reason="")


def measure_fill_baseline(*, measure: Measure) -> Measure:
    """Fill an empty baseline value from the monitor (public figure of the baseline year).
    Raises ValidationError naming ``area_code`` when the area does not exist."""
    try:
        area = measure_area(measure=measure, municipality_code=measure.goal.theme.programme.municipality.code)
    except Area.DoesNotExist as exc:
        raise ValidationError({"area_code": f"no area {measure.area_code!r} in this municipality"}) from exc
    if measure.baseline_value is None:
        value = monitor.observation_value(area=area, indicator_code=measure.indicator.code, year=measure.baseline_year)
        measure.baseline_value = getattr(value, "value", value)
    return measure
