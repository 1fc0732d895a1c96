"""Writes of the programmes app. Every change is validated (``full_clean``), checked against the
user's rights, appended to the programme's history (:class:`ChangeRecord`) and to the audit
trail. ``user=None`` means the system (demo loader, management commands): no rights check."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction

from wijksturing.accounts.services import audit_log
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
from wijksturing.programmes.selectors import programme_can_edit


def _programme_of(obj: models.Model) -> Programme:
    if isinstance(obj, Programme):
        return obj
    if isinstance(obj, Theme):
        return obj.programme
    if isinstance(obj, Goal):
        return obj.theme.programme
    if isinstance(obj, (Result, Measure)):
        return obj.goal.theme.programme
    if isinstance(obj, (Effort, Review)):
        return obj.result.goal.theme.programme
    raise TypeError(f"not part of a programme: {type(obj).__name__}")


def _require_edit(user, programme: Programme) -> None:
    if user is not None and not programme_can_edit(user=user, programme=programme):
        raise PermissionDenied("You may not edit this programme.")


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def _record(*, user, obj: models.Model, action: str, changes: dict) -> None:
    programme = _programme_of(obj)
    ChangeRecord.objects.create(
        programme=programme, user=user if getattr(user, "is_authenticated", False) else None,
        action=action, object_type=type(obj).__name__, object_id=str(obj.pk), changes=changes,
    )
    audit_log(user=user, action=f"programme_{action}", obj=obj, municipality_code=programme.municipality.code,
              changes=changes)


def _validate_measure(measure: Measure) -> None:
    if measure.target_year is not None and measure.baseline_year is not None and measure.target_year <= measure.baseline_year:
        raise ValidationError({"target_year": "The deadline must be after the baseline year."})
    if measure.result_id and measure.result.goal_id != measure.goal_id:
        raise ValidationError({"result": "The intended result must belong to the same goal."})


@transaction.atomic
def object_create(*, user, model: type[models.Model], agendas: list[Agenda] | None = None, **fields) -> models.Model:
    """Create a programme part (Theme, Goal, Result, Effort, Measure, Review) or a Programme."""
    obj = model(**fields)
    if model is not Programme:
        _require_edit(user, _programme_of(obj))
    elif user is not None:
        _require_edit(user, obj)
    obj.full_clean()
    if isinstance(obj, Measure):
        _validate_measure(obj)
    obj.save()
    if agendas is not None and isinstance(obj, Goal):
        obj.agendas.set(agendas)
    changes = {f: [None, _plain(v)] for f, v in fields.items()}
    if agendas is not None:
        changes["agendas"] = [None, sorted(a.code for a in agendas)]
    _record(user=user, obj=obj, action="create", changes=changes)
    return obj


@transaction.atomic
def object_update(*, user, obj: models.Model, agendas: list[Agenda] | None = None, **fields) -> dict:
    """Change fields of a programme or one of its parts; returns ``{field: [before, after]}``."""
    obj = type(obj).objects.select_for_update().get(pk=obj.pk)
    _require_edit(user, _programme_of(obj))
    changes = {}
    for name, value in fields.items():
        before = getattr(obj, name)
        setattr(obj, name, value)
        if _plain(before) != _plain(value):
            changes[name] = [_plain(before), _plain(value)]
    obj.full_clean()
    if isinstance(obj, Measure):
        _validate_measure(obj)
    if agendas is not None and isinstance(obj, Goal):
        before = sorted(a.code for a in obj.agendas.all())
        after = sorted(a.code for a in agendas)
        if before != after:
            obj.agendas.set(agendas)
            changes["agendas"] = [before, after]
    if changes:
        obj.save()
        _record(user=user, obj=obj, action="update", changes=changes)
    return changes


@transaction.atomic
def object_delete(*, user, obj: models.Model) -> None:
    programme = _programme_of(obj)
    _require_edit(user, programme)
    if isinstance(obj, Programme):
        raise ValidationError({"programme": "Programmes are not deleted; unpublish them instead."})
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
    agenda, created = Agenda.objects.update_or_create(
        municipality=municipality, code=code, defaults={"name": name, "description": description, "order": order}
    )
    audit_log(user=user, action="agenda_create" if created else "agenda_update", obj=agenda,
              municipality_code=municipality.code, changes={"code": code, "name": name})
    return agenda


def theme_link_agenda(*, user, theme: Theme, agenda: Agenda, note: str = "") -> ThemeAgenda:
    _require_edit(user, theme.programme)
    link, _ = ThemeAgenda.objects.update_or_create(theme=theme, agenda=agenda, defaults={"note": note})
    _record(user=user, obj=theme, action="link_agenda", changes={"agenda": [None, agenda.code]})
    return link


def measure_fill_baseline(*, measure: Measure) -> Measure:
    """Fill an empty baseline value from the monitor (public figure of the baseline year).
    Raises ValidationError naming ``area_code`` when the area does not exist."""
    from wijksturing.areas.models import Area
    from wijksturing.monitor import selectors as monitor
    from wijksturing.programmes.progress import measure_area

    try:
        area = measure_area(measure=measure, municipality_code=measure.goal.theme.programme.municipality.code)
    except Area.DoesNotExist as exc:
        raise ValidationError({"area_code": f"no area {measure.area_code!r} in this municipality"}) from exc
    if measure.baseline_value is None:
        value = monitor.observation_value(area=area, indicator_code=measure.indicator.code, year=measure.baseline_year)
        measure.baseline_value = getattr(value, "value", value)
    return measure
