"""Demo of the wijkpeiling (idempotent: replaces what it loaded before).

1. **Arnhem, an illustrative wijkpeiling.** The answers are *simulated* (the survey is marked
   ``illustrative``, which every page, the panel and the monitor's source text show). The
   simulation, seeded so that every run gives the same figures:

   - per wijk, letters go to 8% of the inhabitants aged 15 and over (at least 20, at most 900);
     each letter has a real single-use code from :func:`services.invitations_generate`;
   - the addressee's age group and sex are drawn from the wijk's CBS figures in the monitor;
     the chance to answer rises with age (16–24: 15%, 25–44: 22%, 45–64: 32%, 65+: 40%), so the
     raw answers over-represent older residents and the weighting has work to do;
   - answers follow a latent "how do I feel about my buurt" score: the wijk's objective index
     (10 points = 1), plus a seeded per-wijk deviation (so that residents sometimes disagree with
     the figures), plus a small age effect and personal noise; each question turns that score
     into an answer with its own cut points; 3% of the questions are skipped;
   - a handful of wijken also get answers through the open link (younger and more negative
     than the invited sample, as self-selected answers often are);
   - every answer goes through :func:`services.response_submit`, the code is used up.

   Small wijken get fewer than 50 answers and are suppressed. The estimates are computed and
   fed to the monitor. The survey stays open, so that a resident can try the questionnaire
   with a code (the demo prints a few unused ones).
2. **Published figures** of Amsterdam (BBGA 2005–2017) and Eindhoven (buurten 2022 and the
   stadsdeel trend 2014–2021), imported from ``../shared/data`` (or ``DATA_DIR``) when the files
   are there. Their licences are unconfirmed: test and demo use only.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from django.conf import settings

from wijksturing.areas.selectors import area_list
from wijksturing.monitor.selectors import index_value, years_available
from wijksturing.surveys import services
from wijksturing.surveys.models import Status, Survey
from wijksturing.surveys.questions import AGE_GROUPS, SEXES

MUNICIPALITY = "GM0202"
SEED = 2024
TITLE = "Wijkpeiling Arnhem (illustratief)"
RESPONSE_RATE = {"16-24": 0.15, "25-44": 0.22, "45-64": 0.32, "65+": 0.40}
AGE_EFFECT = {"16-24": -0.1, "25-44": -0.1, "45-64": 0.0, "65+": 0.25}
SKIP = 0.03
PUBLISHED = [
    "amsterdam_bbga_enquete_gebieden_2005_2018/bbga_enquete_stad_stadsdelen_gebieden.csv.gz",
    "eindhoven_buurt_monitor_2006_2022/eindhoven_buurt_recent_incl_enquete.csv.gz",
    "eindhoven_buurt_monitor_2006_2022/eindhoven_stadsdeel_trend_2014_2021_studentbewerking.csv.gz",
]


def _logistic(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def simulate_answers(rng: np.random.Generator, latent: float) -> dict[str, str]:
    """One respondent's answers from the latent score (0 = the city, ±1 = a clearly better or
    worse feeling). The cut points give city-wide levels close to published Dutch figures
    (mark about 7.4, about 1 in 3 sometimes feeling unsafe)."""
    answers: dict[str, str] = {}
    mark = int(np.clip(round(7.4 + 0.9 * latent + rng.normal(0, 0.7)), 1, 10))
    answers["rapportcijfer"] = str(mark)
    p_unsafe = _logistic(-0.7 - 0.9 * latent)
    answers["onveilig"] = "1" if rng.random() < p_unsafe * 0.25 else ("2" if rng.random() < p_unsafe else "3")
    p_nuisance = _logistic(-2.0 - 0.8 * latent)
    answers["overlast"] = "1" if rng.random() < p_nuisance else ("2" if rng.random() < 0.45 else "3")
    for code, sign in (("cohesie_kennen", -1), ("cohesie_omgang", 1), ("cohesie_gezellig", 1), ("cohesie_thuis", 1)):
        answers[code] = str(int(np.clip(round(3.6 + sign * (0.7 * latent + rng.normal(0, 0.8))), 1, 5)))
    answers["contact_buren"] = str(int(np.clip(round(2.6 - 0.6 * latent + rng.normal(0, 1.0)), 1, 5)))
    answers["tevreden_groen"] = str(int(np.clip(round(3.7 + 0.6 * latent + rng.normal(0, 0.8)), 1, 5)))
    answers["tevreden_voorzieningen"] = str(int(np.clip(round(3.5 + 0.5 * latent + rng.normal(0, 0.9)), 1, 5)))
    answers["meedoen"] = "1" if rng.random() < 0.22 + 0.05 * latent else ("2" if rng.random() < 0.5 else "3")
    return {k: v for k, v in answers.items() if rng.random() >= SKIP}


def _population(wijken) -> dict[str, tuple[list[float], list[float]] | None]:
    return services._population(MUNICIPALITY, {w.code: w.pk for w in wijken}, 9999)


def _arnhem(stdout) -> Survey | None:
    wijken = list(area_list(municipality_code=MUNICIPALITY, level="wijk"))
    if not wijken:
        stdout.write("  wijkpeiling: skipped (no Arnhem wijken loaded)")
        return None
    years = years_available(municipality_code=MUNICIPALITY, indicator_code="a_15_24")
    year = years[-1] if years else 2024
    survey = services.survey_create(municipality_code=MUNICIPALITY, title=TITLE, year=year, illustrative=True)
    services.survey_transition(survey=survey, to_status=Status.OPEN)
    rng = np.random.default_rng(SEED)
    population = _population(wijken)
    open_wijken = {w.code for w in wijken[::5]}
    letters_total = answers_total = 0
    for wijk in wijken:
        pop = population.get(wijk.code)
        if pop is None:
            continue
        ages, sexes = np.array(pop[0], dtype=float), np.array(pop[1], dtype=float)
        letters = int(min(900, max(20, round(0.08 * ages.sum()))))
        codes = services.invitations_generate(survey=survey, wijk_code=wijk.code, count=letters)
        letters_total += letters
        index = index_value(area=wijk)
        objective = ((index.value - 100.0) / 10.0) if index is not None and index.value is not None else 0.0
        deviation = rng.normal(0, 0.6)
        for code in codes:
            age = AGE_GROUPS[rng.choice(len(ages), p=ages / ages.sum())][0]
            sex = SEXES[rng.choice(len(sexes), p=sexes / sexes.sum())][0]
            if rng.random() >= RESPONSE_RATE[age]:
                continue
            latent = 0.6 * objective + deviation + AGE_EFFECT[age] + rng.normal(0, 0.8)
            answers = simulate_answers(rng, latent)
            if not answers:
                continue
            services.response_submit(survey=survey, answers=answers, code=code, age_group=age if rng.random() > 0.02 else "",
                                     sex=sex if rng.random() > 0.02 else "")
            answers_total += 1
        if wijk.code in open_wijken:
            for _ in range(int(rng.integers(5, 25))):
                age = AGE_GROUPS[int(rng.choice(4, p=[0.35, 0.35, 0.2, 0.1]))][0]
                latent = 0.6 * objective + deviation - 0.4 + rng.normal(0, 1.0)
                services.response_submit(survey=survey, answers=simulate_answers(rng, latent), wijk_code=wijk.code,
                                         age_group=age, sex=SEXES[int(rng.integers(0, 2))][0])
    summary = services.survey_compute(survey=survey)
    demo_codes = services.invitations_generate(survey=survey, wijk_code=wijken[0].code, count=3)
    stdout.write(f"  wijkpeiling Arnhem {year} (illustrative, simulated): {letters_total} letters, {answers_total} answers; "
                 f"{summary['published']} wijk figures published, {summary['suppressed']} suppressed; "
                 f"{summary['observations']} monitor observations")
    stdout.write(f"  wijkpeiling: try the questionnaire with one of these codes: {', '.join(demo_codes)}")
    return survey


def _data_dirs() -> list[Path]:
    here = Path(__file__).resolve()
    return [Path(settings.DATA_DIR), here.parents[3].parent / "shared" / "data"]


def _published(stdout) -> None:
    for relative in PUBLISHED:
        path = next((d / relative for d in _data_dirs() if (d / relative).exists()), None)
        if path is None:
            stdout.write(f"  published survey figures: {relative} not found, skipped")
            continue
        result = services.estimates_import(path=path)
        stdout.write(f"  published survey figures ({result['format']}): {result['estimates']} estimates, "
                     f"{result['observations']} monitor observations")


def load_demo(*, stdout, offline: bool = False) -> None:
    Survey.objects.filter(title=TITLE, municipality__code=MUNICIPALITY).delete()
    _arnhem(stdout)
    _published(stdout)
