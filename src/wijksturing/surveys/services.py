"""Writes of the wijkpeiling: surveys and their questions, invitations (single-use codes and
the letter file), responses, and the computation of weighted estimates that feed the monitor.
Imports of published survey figures are in :mod:`.importers` (re-exported here)."""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import secrets
from collections import defaultdict

import numpy as np
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from wijksturing import dataversion
from wijksturing.accounts.services import audit_log
from wijksturing.areas.selectors import area_ancestors, area_list, municipality_get
from wijksturing.core import survey as core_survey
from wijksturing.monitor import services as monitor_services
from wijksturing.monitor.selectors import indicator_exists, latest_values
from wijksturing.surveys.models import (
    Channel,
    Estimate,
    Invitation,
    Kind,
    Measure,
    Question,
    Response,
    Status,
    Survey,
)
from wijksturing.surveys.questions import AGE_GROUPS, DEFAULT_QUESTIONS, INDICATORS, SEX_OTHER, SEXES
from wijksturing.surveys.workflow import MACHINE, TransitionError

SOURCE = "wijksturing wijkpeiling"
THEME = "wijkpeiling"
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: easy to type from paper
CODE_LENGTH = 10  # 32**10 = 2**50 possibilities

def survey_indicators_ensure() -> list[str]:
    """Add the wijkpeiling's indicators to the monitor's catalogue (through its services)."""
    for order, ind in enumerate(INDICATORS):
        monitor_services.indicator_upsert(
            code=ind.code, name_nl=ind.name_nl, name_en=ind.name_en, source=SOURCE, theme=THEME,
            aggregation="none", direction=ind.direction, unit=ind.unit, decimals=ind.decimals,
            definition=ind.definition + " Foutmarge en aantal respondenten: zie de wijkpeiling.", order=9100 + order)
    return [i.code for i in INDICATORS]


@transaction.atomic
def survey_create(*, municipality_code: str, title: str, year: int, min_respondents: int = core_survey.DEFAULT_MIN_RESPONDENTS,
                  open_link: bool = True, illustrative: bool = False, by=None) -> Survey:
    """A new wijkpeiling with the default question set (see :mod:`.questions`)."""
    if min_respondents < 1:
        raise ValidationError({"min_respondents": _("The minimum number of respondents must be at least 1.")})
    survey = Survey.objects.create(municipality=municipality_get(code=municipality_code), title=title, year=year,
                                   min_respondents=min_respondents, open_link=open_link, illustrative=illustrative)
    Question.objects.bulk_create([Question(survey=survey, order=10 * (i + 1), **q) for i, q in enumerate(DEFAULT_QUESTIONS)])
    survey_indicators_ensure()
    audit_log(user=by, action="survey_create", obj=survey, municipality_code=municipality_code,
              changes={"title": title, "year": year, "min_respondents": min_respondents})
    return survey


@transaction.atomic
def question_add(*, survey: Survey, code: str, kind: str, text_nl: str, text_en: str, options: list | None = None,
                 indicator_code: str = "", measure: str = "", share_values: list | None = None, by=None) -> Question:
    """Extend a survey's question set (before it opens). A question that feeds an indicator
    names an indicator of the monitor's catalogue and how answers become its value."""
    if survey.status != Status.DRAFT:
        raise ValidationError(_("Questions can only be added while the survey is being prepared."))
    if indicator_code and not indicator_exists(code=indicator_code):
        raise ValidationError({"indicator_code": _("Indicator %(code)s is not in the catalogue.") % {"code": indicator_code}})
    if indicator_code and measure not in Measure.values:
        raise ValidationError({"measure": _("Say how the answers become the indicator's value.")})
    if kind == Kind.CHOICE and not options:
        raise ValidationError({"options": _("A question with a list needs answers to choose from.")})
    order = (survey.questions.order_by("-order").values_list("order", flat=True).first() or 0) + 10
    question = Question(survey=survey, code=code, kind=kind, text_nl=text_nl, text_en=text_en, options=options or [],
                        indicator_code=indicator_code, measure=measure, share_values=share_values or [], order=order)
    question.full_clean(exclude=["survey"])
    question.save()
    audit_log(user=by, action="survey_question_add", obj=survey, municipality_code=survey.municipality.code,
              changes={"code": code, "indicator": indicator_code})
    return question


@transaction.atomic
def survey_transition(*, survey: Survey, to_status: str, by=None) -> Survey:
    locked = Survey.objects.select_for_update().get(pk=survey.pk)
    if not MACHINE.allowed(locked.status, to_status):
        raise TransitionError(_("A survey cannot go from “%(a)s” to “%(b)s”.") % {
            "a": Status(locked.status).label, "b": Status(to_status).label if to_status in Status.values else to_status})
    old, locked.status = locked.status, to_status
    locked.save(update_fields=["status"])
    survey.status = to_status
    dataversion.bump()  # the area panel links to the questionnaire only while it is open
    audit_log(user=by, action="survey_status", obj=locked, municipality_code=locked.municipality.code,
              changes={"from": old, "to": to_status})
    return locked


# --- invitations -----------------------------------------------------------------------------

def code_normalise(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def code_hash(*, survey_id: int, code: str) -> str:
    """Keyed hash (HMAC-SHA256 with the secret key): a stolen database does not reveal codes."""
    message = f"survey:{survey_id}:{code_normalise(code)}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def _wijken(survey: Survey) -> dict[str, str]:
    """{wijk code: name} of the survey's municipality (latest layout)."""
    return {a.code: a.name for a in area_list(municipality_code=survey.municipality.code, level="wijk")}


@transaction.atomic
def invitations_generate(*, survey: Survey, wijk_code: str, count: int, by=None) -> list[str]:
    """Create ``count`` single-use codes for a wijk's sample; returned once (``ABCDE-FGHJK``)
    for the letters, only their hashes are stored."""
    if not 1 <= count <= 10000:
        raise ValidationError({"count": _("Make between 1 and 10000 codes at a time.")})
    if survey.status in (Status.CLOSED, Status.PUBLISHED):
        raise ValidationError(_("This survey is closed."))
    if wijk_code not in _wijken(survey):
        raise ValidationError({"wijk_code": _("Wijk %(code)s is not in this municipality.") % {"code": wijk_code}})
    codes = ["".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH)) for _ in range(count)]
    Invitation.objects.bulk_create([
        Invitation(survey=survey, wijk_code=wijk_code, code_hash=code_hash(survey_id=survey.pk, code=c)) for c in codes])
    audit_log(user=by, action="survey_invitations", obj=survey, municipality_code=survey.municipality.code,
              changes={"wijk": wijk_code, "count": count})
    return [f"{c[:5]}-{c[5:]}" for c in codes]


def invitation_letters(*, survey: Survey, counts: dict[str, int], url: str, by=None) -> str:
    """The letter file for the printer (CSV, ``;``-separated, UTF-8): one row per letter with
    the code, the wijk and the address of the questionnaire. The printer joins it with the
    sample of addresses drawn from the BRP; wijksturing never sees names or addresses."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(["letter", "wijkcode", "wijknaam", "code", "adres_vragenlijst"])
    names, number = _wijken(survey), 0
    for wijk_code, count in sorted(counts.items()):
        for code in invitations_generate(survey=survey, wijk_code=wijk_code, count=count, by=by):
            number += 1
            writer.writerow([number, wijk_code, names[wijk_code], code, url])
    return out.getvalue()


# --- responses -------------------------------------------------------------------------------

def _clean_answers(survey: Survey, answers: dict) -> dict[str, str]:
    clean, errors = {}, {}
    for question in survey.questions.all():
        value = str(answers.get(question.code, "") or "").strip()
        if not value:
            continue
        if value not in {v for v, _label in question.choices()}:
            errors[question.code] = _("Choose one of the answers.")
        else:
            clean[question.code] = value
    if errors:
        raise ValidationError(errors)
    return clean


def response_submit(*, survey: Survey, answers: dict, code: str = "", wijk_code: str = "", age_group: str = "",
                    sex: str = "") -> None:
    """Store one questionnaire. With a code: the code's wijk, the code is used up. Without: the
    open link (if the survey has one), with the wijk the resident chose. The response keeps no
    trace of the code, and nothing is returned on purpose."""
    if survey.status != Status.OPEN:
        raise ValidationError(_("This survey is not open for answers."))
    clean = _clean_answers(survey, answers)
    if age_group not in {a[0] for a in AGE_GROUPS} | {""}:
        raise ValidationError({"age_group": _("Choose one of the answers.")})
    if sex not in {s[0] for s in SEXES} | {SEX_OTHER[0], ""}:
        raise ValidationError({"sex": _("Choose one of the answers.")})
    if not clean:
        raise ValidationError(_("Answer at least one question."))
    with transaction.atomic():
        if code:
            invitation = (Invitation.objects.select_for_update()
                          .filter(survey=survey, code_hash=code_hash(survey_id=survey.pk, code=code)).first())
            if invitation is None:
                raise ValidationError({"code": _("This code is not valid for this survey.")})
            if invitation.used:
                raise ValidationError({"code": _("This code has already been used.")})
            invitation.used = True
            invitation.save(update_fields=["used"])
            channel, wijk_code = Channel.INVITED, invitation.wijk_code
        else:
            if not survey.open_link:
                raise ValidationError({"code": _("Enter the code from your letter.")})
            if wijk_code not in _wijken(survey):
                raise ValidationError({"wijk_code": _("Choose the wijk where you live.")})
            channel = Channel.OPEN
        Response.objects.create(survey=survey, channel=channel, wijk_code=wijk_code, age_group=age_group,
                                sex=sex if sex in {s[0] for s in SEXES} else "", answers=clean)
    # Deliberately no audit event per response: its time would be one more trace to link an
    # answer to a letter. Invitations and the computation are audited.


def code_check(*, survey: Survey, code: str) -> str:
    """The wijk of an unused code, or the resident-facing error."""
    invitation = Invitation.objects.filter(survey=survey, code_hash=code_hash(survey_id=survey.pk, code=code)).first()
    if invitation is None:
        raise ValidationError({"code": _("This code is not valid for this survey.")})
    if invitation.used:
        raise ValidationError({"code": _("This code has already been used.")})
    return invitation.wijk_code


# --- estimates -------------------------------------------------------------------------------

def indicator_values(*, questions: list[Question], answers: list[dict]) -> dict[str, np.ndarray]:
    """{indicator code: value per respondent (nan = no answer)} from the answers, following
    each question's measure (see :mod:`.questions`)."""
    n = len(answers)
    out: dict[str, np.ndarray] = {}
    scales: dict[str, list[Question]] = defaultdict(list)
    for q in questions:
        if not q.indicator_code:
            continue
        if q.measure == Measure.SCALE:
            scales[q.indicator_code].append(q)
            continue
        raw = np.array([float(a[q.code]) if q.code in a else np.nan for a in answers]) if n else np.zeros(0)
        if q.measure == Measure.SHARE:
            chosen = np.isin(raw, [float(v) for v in q.share_values])
            out[q.indicator_code] = np.where(np.isnan(raw), np.nan, 100.0 * chosen)
        else:
            out[q.indicator_code] = raw
    for code, items in scales.items():
        matrix = np.array([[(6.0 - float(a[q.code]) if q.reverse else float(a[q.code])) if q.code in a else np.nan
                            for q in items] for a in answers]).reshape(n, len(items))
        complete = ~np.isnan(matrix).any(axis=1)
        mean = np.where(complete, np.nanmean(np.where(complete[:, None], matrix, 0.0), axis=1), np.nan) if n else np.zeros(0)
        out[code] = (mean - 1.0) / 4.0 * 10.0
    return out


def _population(municipality_code: str, wijk_ids: dict[str, int], year: int) -> dict[str, tuple[list[float], list[float]] | None]:
    """{wijk code: (population per age group 15+, per sex)} from the CBS figures in the monitor
    (the latest year up to ``year``); None where a figure is missing."""
    ids = list(wijk_ids.values())
    ages = {code: latest_values(indicator_code=code, area_ids=ids, year=year) for _k, code, _nl, _en in AGE_GROUPS}
    sexes = {code: latest_values(indicator_code=code, area_ids=ids, year=year) for _k, code, _nl, _en in SEXES}
    out = {}
    for wijk, pk in wijk_ids.items():
        age = [ages[code].get(pk) for _k, code, _nl, _en in AGE_GROUPS]
        sex = [sexes[code].get(pk) for _k, code, _nl, _en in SEXES]
        ok = all(v is not None for v in age + sex) and sum(age) > 0 and sum(sex) > 0
        out[wijk] = (age, sex) if ok else None
    return out


def _weights(responses: list[Response], population) -> np.ndarray:
    if not responses:
        return np.zeros(0)
    if population is None:  # no CBS figures: unweighted (every respondent weighs 1)
        return np.ones(len(responses))
    age_index = {k: i for i, (k, *_rest) in enumerate(AGE_GROUPS)}
    sex_index = {k: i for i, (k, *_rest) in enumerate(SEXES)}
    ages = [age_index.get(r.age_group, -1) for r in responses]
    sexes = [sex_index.get(r.sex, -1) for r in responses]
    # age first: its total (15+) is the population surveyed; sex is scaled to that total
    return core_survey.rake([ages, sexes], [population[0], population[1]])


@transaction.atomic
def survey_compute(*, survey: Survey, by=None) -> dict:
    """Weight the responses per wijk to its population by age group and sex, estimate every
    indicator per wijk, gebied and the municipality with its 95% margin, suppress groups under
    the minimum, and feed the invited sample's estimates to the monitor. The open link's
    estimates are computed the same way and kept apart (not fed to the monitor)."""
    municipality_code = survey.municipality.code
    areas = {a.code: a for a in area_list(municipality_code=municipality_code)}
    wijken = {code: a for code, a in areas.items() if a.level == "wijk"}
    population = _population(municipality_code, {c: a.pk for c, a in wijken.items()}, survey.year)
    parents = {code: [p.code for p in area_ancestors(area=a) if p.level in ("gebied", "gemeente")] for code, a in wijken.items()}
    questions = list(survey.questions.all())
    codes = sorted({q.indicator_code for q in questions if q.indicator_code})
    Estimate.objects.filter(survey=survey).delete()
    estimates, summary = [], {"wijken": 0, "suppressed": 0, "published": 0}
    for channel in (Channel.INVITED, Channel.OPEN):
        by_wijk: dict[str, list[Response]] = defaultdict(list)
        for r in survey.responses.filter(channel=channel).order_by("wijk_code", "id"):
            if r.wijk_code in wijken:
                by_wijk[r.wijk_code].append(r)
        groups: dict[str, tuple[list[dict], list[np.ndarray]]] = defaultdict(lambda: ([], []))
        for wijk in wijken:
            responses = by_wijk.get(wijk, [])
            if channel == Channel.OPEN and not responses:
                continue
            w = _weights(responses, population.get(wijk))
            # a wijk without CBS figures is estimated unweighted and left out of the totals above it
            for code in [wijk] + (parents[wijk] if population.get(wijk) is not None else []):
                if responses:
                    groups[code][0].extend(r.answers for r in responses)
                    groups[code][1].append(w)
                else:
                    groups.setdefault(code, ([], []))
        for area_code, (answers, weight_parts) in groups.items():
            weights = np.concatenate(weight_parts) if weight_parts else np.zeros(0)
            values = indicator_values(questions=questions, answers=answers)
            for code in codes:
                e = core_survey.estimate(values.get(code, np.full(len(answers), np.nan)), weights, min_n=survey.min_respondents)
                area = areas[area_code]
                estimates.append(Estimate(
                    survey=survey, source=survey.title, municipality_code=municipality_code, area_code=area_code,
                    area_name=area.name, area_level=area.level, year=survey.year, indicator_code=code, channel=channel,
                    value=None if e.suppressed else round(e.value, 3),
                    margin=None if e.suppressed or np.isnan(e.margin) else round(e.margin, 3),
                    n=e.n, n_eff=round(e.n_eff, 2), suppressed=e.suppressed, illustrative=survey.illustrative))
                if channel == Channel.INVITED and area.level == "wijk":
                    summary["suppressed" if e.suppressed else "published"] += 1
        if channel == Channel.INVITED:
            summary["wijken"] = len(wijken)
    Estimate.objects.bulk_create(estimates)
    summary["observations"] = _feed_monitor(survey, areas, codes, estimates)
    dataversion.bump()  # cached public pages (the area panel) show the new figures
    audit_log(user=by, action="survey_compute", obj=survey, municipality_code=municipality_code, changes=summary)
    return summary


def survey_source(survey: Survey) -> str:
    label = f"Wijkpeiling {survey.municipality.name} {survey.year}"
    return f"{label} (illustratief: gesimuleerde antwoorden)" if survey.illustrative else label


def _feed_monitor(survey: Survey, areas: dict, codes: list[str], estimates: list[Estimate]) -> int:
    """The invited sample's published estimates become observations (value only; the margin and
    n stay with the estimate). Suppressed estimates are left out."""
    survey_indicators_ensure()
    rows = [(e.indicator_code, areas[e.area_code].pk, e.value, None, None) for e in estimates
            if e.channel == Channel.INVITED and not e.suppressed and e.value is not None]
    return monitor_services.observations_replace(year=survey.year, indicator_codes=codes, area_ids=[a.pk for a in areas.values()],
                                                 source=survey_source(survey), rows=rows)


from wijksturing.surveys.importers import estimates_import  # noqa: E402  (re-exported service)

__all__ = [
    "SOURCE", "code_check", "code_hash", "estimates_import", "indicator_values", "invitation_letters",
    "invitations_generate", "question_add", "response_submit", "survey_compute", "survey_create",
    "survey_indicators_ensure", "survey_source", "survey_transition",
]
