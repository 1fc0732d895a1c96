"""Reads of the programmes app, and who may read or edit what.

* Public (no login): published programmes only.
* Staff of the municipality (administrator, analyst, area team, social team) and the council:
  every programme of that municipality, drafts included; read-only unless allowed to edit.
* Edit: administrators, and area-team members for their own gebied (Membership.gebied_code;
  an area-team membership without gebied may edit every programme of the municipality).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import router
from django.db.models import Q, QuerySet
from django.db.models.deletion import Collector

from wijksturing.accounts.models import Role
from wijksturing.accounts.selectors import user_has_role, user_is_staff_of, user_municipality_codes
from wijksturing.areas.models import Level, Municipality
from wijksturing.areas.selectors import area_list, municipality_get
from wijksturing.programmes.models import Agenda, ChangeRecord, Effort, Goal, Measure, Programme, Result, Review, Theme
from wijksturing.programmes.progress import annotate_programme

EDIT_ROLES = (Role.ADMINISTRATOR, Role.AREA_TEAM)


def programme_of(obj) -> Programme:
    """The programme a part belongs to."""
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


def programme_can_edit(*, user, programme: Programme) -> bool:
    return user_has_role(
        user=user, municipality_code=programme.municipality.code, roles=EDIT_ROLES, gebied_code=programme.area_code
    )


def programme_can_create(*, user, municipality_code: str, area_code: str) -> bool:
    """May the user start a programme for this gebied (or, with the municipality code, a
    city-wide one)? Same rule as editing."""
    return user_has_role(user=user, municipality_code=municipality_code, roles=EDIT_ROLES, gebied_code=area_code)


def programme_area_choices(*, user, municipality_code: str) -> list[tuple[str, str]]:
    """(code, name) of the areas the user may start a programme for: the gebieden of the latest
    layout, and the whole municipality; empty when the user may start none."""
    try:
        municipality = municipality_get(code=municipality_code)
    except Municipality.DoesNotExist:
        return []
    areas = [(municipality.code, municipality.name)]
    areas += [(a.code, a.name) for a in area_list(municipality_code=municipality.code, level=Level.GEBIED).order_by("code")]
    return [(code, name) for code, name in areas
            if programme_can_create(user=user, municipality_code=municipality.code, area_code=code)]


def programme_was_published(*, programme: Programme) -> bool:
    """Published now or ever before, read from the append-only history: once residents and the
    council could see a programme, its parts are withdrawn rather than deleted."""
    if programme.published:
        return True
    return programme.history.filter(changes__published__1=True).exists()


def _referenced_elsewhere(obj) -> bool:
    """Does anything outside the programme (a budget entry, an initiative) point at this part or
    at something under it? Such links would silently be emptied by a delete."""
    collector = Collector(using=router.db_for_write(type(obj)))
    collector.collect([obj])
    for (fk, _value), batches in collector.field_updates.items():
        outside = fk.model._meta.app_label != Programme._meta.app_label
        if outside and any(batch.exists() if hasattr(batch, "exists") else batch for batch in batches):
            return True
    return any(model._meta.app_label != Programme._meta.app_label and objs for model, objs in collector.data.items())


def part_removal(*, obj) -> str:
    """How a theme, goal or intended result is removed: ``"delete"`` while the programme was
    never published and nothing outside it refers to the part, else ``"withdraw"``."""
    programme = programme_of(obj)
    if programme_was_published(programme=programme) or _referenced_elsewhere(obj):
        return "withdraw"
    return "delete"


def agenda_can_manage(*, user, municipality_code: str) -> bool:
    """Only administrators of the municipality create and change its agendas."""
    return user_has_role(user=user, municipality_code=municipality_code, roles=(Role.ADMINISTRATOR,))


def programme_can_read(*, user, programme: Programme) -> bool:
    return programme.published or user_is_staff_of(user=user, municipality_code=programme.municipality.code)


def programme_list(*, user=None, municipality_code: str | None = None, area_code: str | None = None) -> QuerySet[Programme]:
    """Programmes the user may read (public: published only)."""
    qs = Programme.objects.select_related("municipality")
    if municipality_code:
        qs = qs.filter(municipality__code=municipality_code)
    if area_code:
        qs = qs.filter(area_code=area_code)
    if user is not None and getattr(user, "is_authenticated", False):
        if user.is_superuser:
            return qs

        readable = [code for code in user_municipality_codes(user=user) if user_is_staff_of(user=user, municipality_code=code)]

        return qs.filter(Q(published=True) | Q(municipality__code__in=readable))
    return qs.filter(published=True)


def programme_current(*, user=None, municipality_code: str, area_code: str) -> Programme | None:
    """The readable programme of an area with the latest start year."""
    return programme_list(user=user, municipality_code=municipality_code, area_code=area_code).order_by("-start_year").first()


def programme_get(*, pk: int) -> Programme:
    return Programme.objects.select_related("municipality").get(pk=pk)


def goal_get(*, pk: int) -> Goal:
    return Goal.objects.select_related("theme__programme__municipality").get(pk=pk)


def goals_of_area(*, municipality_code: str, area_code: str) -> QuerySet[Goal]:
    return Goal.objects.filter(
        theme__programme__municipality__code=municipality_code, theme__programme__area_code=area_code
    ).select_related("theme__programme")


def agenda_list(*, municipality_code: str) -> QuerySet[Agenda]:
    return Agenda.objects.filter(municipality__code=municipality_code)


def agenda_get(*, pk: int) -> Agenda:
    return Agenda.objects.select_related("municipality").get(pk=pk)


def programme_history(*, programme: Programme, limit: int = 200) -> QuerySet[ChangeRecord]:
    return programme.history.select_related("user")[:limit]


def reviews_of_result(*, result_id: int) -> QuerySet[Review]:
    return Review.objects.filter(result_id=result_id).order_by("-year")


@dataclass
class ProgrammeSummary:
    """A programme with its progress computed: overall, per goal, and goals counted per status."""

    programme: Programme
    progress: object  # progress.Progress of the whole programme
    goals: list[Goal]  # each with ``.progress``
    counts: dict[str, int] = field(default_factory=dict)  # on_track / at_risk / behind / unknown


def programme_summary(*, user=None, municipality_code: str, area_code: str) -> ProgrammeSummary | None:
    """The current programme of an area that the user may read (public: published only), with
    goal progress; None when there is none."""
    programme = programme_current(user=user, municipality_code=municipality_code, area_code=area_code)
    if programme is None:
        return None
    annotate_programme(programme)
    goals = [goal for theme in programme.theme_list if not theme.withdrawn
             for goal in theme.goal_list if not goal.withdrawn]
    counts = dict.fromkeys(("on_track", "at_risk", "behind", "unknown"), 0)
    for goal in goals:
        counts[goal.progress.status] = counts.get(goal.progress.status, 0) + 1
    return ProgrammeSummary(programme, programme.progress, goals, counts)
