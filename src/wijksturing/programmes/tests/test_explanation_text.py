"""The one-sentence explanation of a measure's progress: every reason once, in Dutch and English,
never a sentence written twice (a doubled translation once wrote each explanation twice in one
cell, without a space)."""

import gettext
import re
from pathlib import Path

import pytest
from django.utils import translation

from wijksturing.core.progress import Target, assess
from wijksturing.programmes.progress import explain


class _Indicator:
    decimals, unit = 1, "per 1 000 inwoners"


class _Measure:
    indicator = _Indicator()
    baseline_value, baseline_year, target_value, target_year = 50.0, 2019, 40.0, 2030


def _sentences(text: str) -> list[str]:
    # a sentence ends at . ! or ? before a space, a capital (a sentence pasted on without a
    # space) or the end; not inside a number such as 999.999.999,99
    return [s.strip() for s in re.split(r"(?<=[.!?])(?=\s|[A-ZÀ-Ý]|$)\s*", text) if s.strip()]


CASES = {
    "no_baseline": (Target(None, 2019, 40.0, 2030), [(2022, 45.0)]),
    "no_data_after_baseline": (Target(50.0, 2019, 40.0, 2030), [(2019, 50.0)]),
    "on_the_path": (Target(50.0, 2019, 40.0, 2030), [(2019, 50.0), (2022, 47.0)]),
    "reached": (Target(50.0, 2019, 40.0, 2030), [(2023, 39.0)]),
    "maintain": (Target(50.0, 2019, 50.0, 2030), [(2023, 51.0)]),
}


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("reason", sorted(CASES))
def test_each_explanation_is_written_once(language, reason):
    target, series = CASES[reason]
    result = assess(target, series, better="lower")
    assert result.reason == reason
    with translation.override(language):
        text = explain(_Measure(), result)
    sentences = _sentences(text)
    assert sentences and len(sentences) == len(set(sentences)), text
    assert not re.search(r"\.[A-Z]", text), f"two sentences without a space: {text}"
    if language == "nl":
        assert "%(" not in text and not re.search(r"\b(There|the|figure|target)\b", text), text


def test_dutch_explanations_read_as_intended():
    target, series = CASES["no_data_after_baseline"]
    with translation.override("nl"):
        text = explain(_Measure(), assess(target, series))
    assert text == "Er is nog geen cijfer van na het startjaar 2019. Daarom is de voortgang nog onbekend."


def test_no_translation_in_any_catalogue_repeats_itself():
    """A translation pasted twice (``X.X.``) in any app's Dutch catalogue."""
    root = Path(__file__).resolve().parents[2]
    doubled = []
    for mo in sorted(root.glob("*/locale/nl/LC_MESSAGES/django.mo")):
        with mo.open("rb") as handle:
            catalogue = gettext.GNUTranslations(handle)._catalog
        for msgid, text in catalogue.items():
            if not isinstance(text, str) or not msgid:
                continue
            half = len(text) // 2
            sentences = _sentences(text)
            if (len(text) > 20 and text[:half] == text[half:]) or (len(sentences) > 1 and len(sentences) != len(set(sentences))):
                doubled.append(f"{mo.parts[-5]}: {text[:80]}")
    assert not doubled, doubled
