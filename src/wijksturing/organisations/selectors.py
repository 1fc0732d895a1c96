"""Reads of the register of strengths: what is public (consent given, active), staleness, who may
do what per role and gebied, the links to the other modules, and the area panel."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from wijksturing.accounts.models import Role
from wijksturing.accounts.selectors import user_gebied_codes, user_has_role
from wijksturing.areas.models import Level
from wijksturing.areas.selectors import area_ancestors, area_descendants
from wijksturing.organisations.models import Change, ChangeStatus, Event, Organisation, OrgStatus, Theme
from wijksturing.organisations.workflow import CHANGE_FLOW

MANAGE_ROLES = (Role.ADMINISTRATOR, Role.AREA_TEAM)
READ_ROLES = (Role.ADMINISTRATOR, Role.ANALYST, Role.AREA_TEAM, Role.SOCIAL_TEAM)
PUBLIC = Q(consent_given=True, status=OrgStatus.ACTIVE)


def _qs() -> QuerySet[Organisation]:
    return Organisation.objects.select_related("municipality").prefetch_related("areas", "locations")


def organisation_get(*, pk: int) -> Organisation:
    return _qs().get(pk=pk)


def organisation_public_get(*, pk: int) -> Organisation:
    """Raises Organisation.DoesNotExist for an entry without consent or that stopped."""
    return _qs().filter(PUBLIC).get(pk=pk)


def token_hash(token: str) -> str:
    """Only this hash of an organisation's link is stored."""
    return hashlib.sha256(token.encode()).hexdigest()


def organisation_by_token(*, token: str) -> Organisation:
    if not token or len(token) > 100:
        raise Organisation.DoesNotExist
    return _qs().get(token_hash=token_hash(token))


def organisation_public_list(*, municipality_code: str, area_codes: set[str] | None = None, theme: str | None = None,
                             kind: str | None = None) -> list[Organisation]:
    """Public entries (consent given, active) of the municipality; with ``area_codes`` only those
    working in one of them; with ``theme`` only those with that theme (filtered in Python: the
    JSON list is not searchable the same way on SQLite and PostgreSQL)."""
    qs = _qs().filter(PUBLIC, municipality__code=municipality_code)
    if area_codes is not None:
        qs = qs.filter(areas__area_code__in=list(area_codes)).distinct()
    if kind:
        qs = qs.filter(kind=kind)
    rows = list(qs.order_by("name", "pk"))
    if theme:
        rows = [o for o in rows if theme in o.themes]
    return rows


def stale_cutoff(*, now=None):
    return (now or timezone.now()) - timedelta(days=settings.ORGANISATIONS_CONFIRM_DAYS)


def organisation_is_stale(*, organisation: Organisation, now=None) -> bool:
    """Not confirmed by the organisation within WIJKSTURING_ORGANISATIONS_CONFIRM_DAYS (an entry
    that was never confirmed counts from its registration)."""
    reference = organisation.last_confirmed_at or organisation.created_at
    return reference is not None and reference < stale_cutoff(now=now)


def _stale_q(now=None) -> Q:
    cutoff = stale_cutoff(now=now)
    return Q(last_confirmed_at__lt=cutoff) | Q(last_confirmed_at__isnull=True, created_at__lt=cutoff)


def organisation_can_read_staff(*, user, municipality_code: str) -> bool:
    return user_has_role(user=user, municipality_code=municipality_code, roles=READ_ROLES)


def organisation_can_register(*, user, municipality_code: str, gebied_codes: set[str] | None = None) -> bool:
    """Administrators anywhere in the municipality; an area team for the gebieden it works in
    (every gebied of the new entry's areas; an area team of the whole municipality everywhere)."""
    if user_has_role(user=user, municipality_code=municipality_code, roles=[Role.ADMINISTRATOR]):
        return True
    allowed = user_gebied_codes(user=user, municipality_code=municipality_code, roles=[Role.AREA_TEAM])
    if allowed is None:
        return user_has_role(user=user, municipality_code=municipality_code, roles=[Role.AREA_TEAM])
    if gebied_codes is None:
        return bool(allowed)
    return bool(gebied_codes) and all(g in allowed for g in gebied_codes)


def organisation_can_manage(*, user, organisation: Organisation) -> bool:
    """Administrators, and area teams of (one of) the gebieden the organisation works in."""
    code = organisation.municipality.code
    if user_has_role(user=user, municipality_code=code, roles=[Role.ADMINISTRATOR]):
        return True
    allowed = user_gebied_codes(user=user, municipality_code=code, roles=[Role.AREA_TEAM])
    if allowed is None:
        return user_has_role(user=user, municipality_code=code, roles=[Role.AREA_TEAM])
    return bool(allowed & {a.gebied_code for a in organisation.areas.all()})


def organisation_staff_list(*, user, municipality_code: str, stale_only: bool = False, now=None) -> list[Organisation]:
    """Every entry the user may see as staff (an area team limited to gebieden: those working
    there), with ``stale``, ``pending`` (changes waiting) and ``can_manage`` set on each."""
    if not organisation_can_read_staff(user=user, municipality_code=municipality_code):
        return []
    qs = _qs().filter(municipality__code=municipality_code).annotate(
        pending=Count("changes", filter=Q(changes__status=ChangeStatus.PENDING), distinct=True))
    wide = user_has_role(user=user, municipality_code=municipality_code,
                         roles=[Role.ADMINISTRATOR, Role.ANALYST, Role.SOCIAL_TEAM])
    if not wide:
        allowed = user_gebied_codes(user=user, municipality_code=municipality_code, roles=[Role.AREA_TEAM])
        if allowed is not None:
            qs = qs.filter(areas__gebied_code__in=list(allowed)).distinct()
    if stale_only:
        qs = qs.filter(_stale_q(now), status=OrgStatus.ACTIVE)
    rows = list(qs.order_by("name", "pk"))
    for o in rows:
        o.stale = organisation_is_stale(organisation=o, now=now)
        o.can_manage = organisation_can_manage(user=user, organisation=o)
    return rows


def change_pending_list(*, organisation: Organisation) -> QuerySet[Change]:
    return organisation.changes.filter(status=ChangeStatus.PENDING).order_by("created_at", "pk")


def change_get(*, pk: int) -> Change:
    return Change.objects.select_related("organisation", "organisation__municipality").get(pk=pk)


def change_next_statuses(*, change: Change) -> list[str]:
    return CHANGE_FLOW.next_states(change.status)


def organisation_history(*, organisation: Organisation) -> QuerySet[Event]:
    return organisation.events.select_related("user", "change").order_by("at", "pk")


def organisation_links(*, organisation: Organisation, public: bool = True) -> dict:
    """What the organisation is linked to. In public: goals of published programmes, initiatives
    that were granted (title and amount, never the applicant), proposals, and only the number
    of signals it reported as a partner."""
    goals = organisation.goals.select_related("theme__programme")
    efforts = organisation.efforts.select_related("result__goal__theme__programme")
    initiatives = organisation.initiatives.all()
    if public:
        goals = goals.filter(theme__programme__published=True)
        efforts = efforts.filter(result__goal__theme__programme__published=True)
        initiatives = initiatives.filter(status__in=["approved", "paid", "accounted"])
    return {"goals": list(goals), "efforts": list(efforts), "initiatives": list(initiatives),
            "proposals": list(organisation.proposals.select_related("round")),
            "signals": organisation.signals.count() if public else list(organisation.signals.all()),
            }


def organisations_linked_to(*, goal_id: int | None = None, initiative_id: int | None = None,
                            signal_id: int | None = None, proposal_id: int | None = None,
                            user=None) -> list[Organisation]:
    """The entries linked to a goal (or one of its efforts), an initiative, a proposal or a signal,
    for those modules' pages. Public entries only; with ``user`` (on a staff page) also the
    entries without consent or that stopped, of a municipality whose register the user may read
    as staff (``is_public`` tells them apart)."""
    if goal_id is None and initiative_id is None and signal_id is None and proposal_id is None:
        return []
    qs = _qs()
    if goal_id is not None:
        qs = qs.filter(Q(goals__pk=goal_id) | Q(efforts__result__goal_id=goal_id))
    if initiative_id is not None:
        qs = qs.filter(initiatives__pk=initiative_id)
    if proposal_id is not None:
        qs = qs.filter(proposals__pk=proposal_id)
    if signal_id is not None:
        qs = qs.filter(signals__pk=signal_id)
    if user is None or not getattr(user, "is_authenticated", False):
        qs = qs.filter(PUBLIC)
    rows = list(qs.distinct().order_by("name", "pk"))
    readable: dict[str, bool] = {}
    shown = []
    for o in rows:
        code = o.municipality.code
        if not o.is_public and code not in readable:
            readable[code] = organisation_can_read_staff(user=user, municipality_code=code)
        if o.is_public or readable[code]:
            shown.append(o)
    return shown


def area_codes_around(*, area) -> set[str]:
    """The area, the areas above it (an organisation of the whole gebied also works in its
    buurten) and the wijken and buurten below it."""
    codes = {area.code} | {a.code for a in area_ancestors(area=area) if a.level != Level.GEMEENTE}
    for level in (Level.WIJK, Level.BUURT):
        if area.level in (Level.GEMEENTE, Level.GEBIED) or (area.level == Level.WIJK and level == Level.BUURT):
            codes |= {a.code for a in area_descendants(area=area, level=level)}
    return codes


def area_panel(*, area, theme: str | None = None, now=None) -> dict | None:
    """The strengths of an area for its page: public entries, the themes to filter on (with
    counts, before filtering), the chosen theme and which entries are stale."""
    municipality_code = area.layout.municipality.code
    codes = None if area.level == Level.GEMEENTE else area_codes_around(area=area)
    everything = organisation_public_list(municipality_code=municipality_code, area_codes=codes)
    if not everything:
        return None
    theme = theme if theme in Theme.values else None
    rows = [o for o in everything if not theme or theme in o.themes]
    for o in rows:
        o.stale = organisation_is_stale(organisation=o, now=now)
    counts = {t: sum(1 for o in everything if t in o.themes) for t in Theme.values}
    return {"area": area, "organisations": rows, "theme": theme, "total": len(everything),
            "themes": [(t, Theme(t).label, counts[t]) for t in Theme.values if counts[t]]}


def area_summary(*, municipality_code: str, area_codes: set[str] | None, user=None, now=None) -> dict:
    """For the cockpit and the gebiedsanalyse: public entries by kind, and (staff) how many are
    stale, not public for want of consent, and have changes waiting."""
    qs = Organisation.objects.filter(municipality__code=municipality_code, status=OrgStatus.ACTIVE)
    if area_codes is not None:
        qs = qs.filter(areas__area_code__in=list(area_codes)).distinct()
    public = qs.filter(consent_given=True)
    by_kind = dict(public.values_list("kind").annotate(n=Count("pk", distinct=True)))
    return {
        "public": public.count(), "by_kind": by_kind,
        "stale": qs.filter(_stale_q(now)).count(),
        "without_consent": qs.filter(consent_given=False).count(),
        "pending": Change.objects.filter(organisation__in=qs, status=ChangeStatus.PENDING).count(),
        "stale_list": list(qs.filter(_stale_q(now)).order_by("last_confirmed_at", "name")[:10]),
    }
