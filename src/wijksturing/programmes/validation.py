"""The rules of a valid programme and its parts, beyond what a single model field can say.
Used by the services before anything is written; each rule names the field it is about, so a
form can show the message next to that field."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijksturing.programmes.models import Agenda, Goal, Measure, Programme, Result

Errors = dict[str, list]


def _add(errors: Errors, field: str, message) -> None:
    errors.setdefault(field, []).append(message)


def _programme(obj: Programme, errors: Errors) -> None:
    if obj.start_year and obj.end_year and obj.end_year < obj.start_year:
        _add(errors, "end_year", _("The last year cannot be before the first year."))
    same_start = Programme.objects.filter(
        municipality_id=obj.municipality_id, area_code=obj.area_code, start_year=obj.start_year
    ).exclude(pk=obj.pk)
    if obj.start_year and same_start.exists():
        _add(errors, "start_year", _("This area already has a programme that starts in %(year)s. Choose another first year, "
                                     "or change that programme.") % {"year": obj.start_year})


def _goal(obj: Goal, errors: Errors) -> None:
    if obj.theme_id and obj.theme.withdrawn:
        _add(errors, "theme", _("This theme has been withdrawn; no goals can be added to it."))
    start = obj.theme.programme.start_year if obj.theme_id else None
    if obj.deadline and start and obj.deadline < start:
        _add(errors, "deadline", _("The year cannot be before the programme starts (%(year)s).") % {"year": start})


def _result(obj: Result, errors: Errors) -> None:
    if obj.goal_id and (obj.goal.withdrawn or obj.goal.theme.withdrawn):
        _add(errors, "goal", _("This goal has been withdrawn; no intended results can be added to it."))


def _measure(obj: Measure, errors: Errors) -> None:
    if obj.target_year is not None and obj.baseline_year is not None and obj.target_year <= obj.baseline_year:
        _add(errors, "target_year", _("The deadline must be after the baseline year."))
    if obj.result_id and obj.result.goal_id != obj.goal_id:
        _add(errors, "result", _("The intended result must belong to the same goal."))


RULES = {Programme: _programme, Goal: _goal, Result: _result, Measure: _measure}


def check(obj: models.Model) -> None:
    """``full_clean`` plus the rules above, all errors at once, each under its field."""
    errors: Errors = {}
    try:
        # the unique first year of a programme is checked by _programme, with a clearer message
        obj.full_clean(validate_unique=not isinstance(obj, Programme))
    except ValidationError as exc:
        errors = {field: list(messages) for field, messages in exc.message_dict.items()}
    rule = RULES.get(type(obj))
    if rule is not None:
        rule(obj, errors)
    if errors:
        raise ValidationError(errors)


def check_agendas(*, programme: Programme, agendas, field: str = "agendas") -> None:
    """Only the agendas of the programme's own municipality can be chosen."""
    foreign = [a for a in agendas if a.municipality_id != programme.municipality_id]
    if foreign:
        raise ValidationError({field: _("%(names)s is not an agenda of this municipality.") % {
            "names": ", ".join(str(a) for a in foreign)}})


def check_agenda(agenda: Agenda) -> None:
    """A new or changed agenda: required fields, and a unique name per municipality (its code is
    made from the name)."""
    errors: Errors = {}
    try:
        agenda.full_clean(exclude=["code"] if agenda.pk is None else None, validate_unique=False)
    except ValidationError as exc:
        errors = {field: list(messages) for field, messages in exc.message_dict.items()}
    if not agenda.code:
        _add(errors, "name", _("Give a name with at least one letter or digit."))
    clash = Agenda.objects.filter(municipality_id=agenda.municipality_id).exclude(pk=agenda.pk)
    if agenda.name and clash.filter(models.Q(name__iexact=agenda.name.strip()) | models.Q(code=agenda.code)).exists():
        _add(errors, "name", _("There is already an agenda with this name."))
    if errors:
        raise ValidationError(errors)
