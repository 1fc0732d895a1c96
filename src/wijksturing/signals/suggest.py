"""The category suggestion of the report form: a :class:`~wijksturing.core.textclass.NaiveBayes`
per municipality, trained on its own category tree (names, main categories, descriptions), the
typical words per subcategory in ``data/category_words.csv`` and, as the prior, how often each
category occurs among the municipality's signals (for Assen: its 3,024 real reports).

Assen's public reports carry no description, so no model here has seen a real resident's text:
see ``benchmarks/bench_classifier.py`` for what that means for accuracy. The model is rebuilt
when the tree or the number of signals changes (cached per process)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.db.models import Count, Max

from wijksturing.core.textclass import NaiveBayes, documents_from_tree
from wijksturing.signals.models import Category, Signal

WORDS = Path(__file__).parent / "data" / "category_words.csv"
MIN_PROBABILITY = 0.05


@dataclass(frozen=True)
class CategorySuggestion:
    slug: str
    name: str
    main: str
    probability: float
    because: tuple[str, ...]


@lru_cache(maxsize=1)
def _words() -> dict[str, str]:
    with WORDS.open(encoding="utf-8") as handle:
        return {row["slug"]: row["words"] for row in csv.DictReader(handle)}


@lru_cache(maxsize=16)
def _model(municipality_code: str, stamp: tuple) -> tuple[NaiveBayes, dict[str, Category]]:
    leaves = {c.slug: c for c in Category.objects.filter(municipality__code=municipality_code, parent__isnull=False,
                                                        is_active=True).select_related("parent")}
    rows = [{"slug": c.slug, "name": c.name, "parent": c.parent.name, "description": c.description}
            for c in leaves.values()]
    counts = dict(Signal.objects.filter(municipality__code=municipality_code).order_by()
                  .values_list("category__slug").annotate(n=Count("id")))
    return NaiveBayes().fit(documents_from_tree(rows, _words()), counts=counts), leaves


def _stamp(municipality_code: str) -> tuple:
    categories = Category.objects.filter(municipality__code=municipality_code).aggregate(n=Count("id"), top=Max("id"))
    signals = Signal.objects.filter(municipality__code=municipality_code).count()
    # the prior changes little from one signal to the next: rebuild per hundred signals
    return categories["n"], categories["top"], signals // 100


def category_suggest(*, municipality_code: str, text: str, k: int = 3) -> list[CategorySuggestion]:
    """Up to ``k`` likely subcategories for a description, most likely first, each with the
    words that led to it; empty when the text gives nothing to go on."""
    if not (text or "").strip():
        return []
    model, leaves = _model(municipality_code, _stamp(municipality_code))
    out = []
    for s in model.suggest(text, k=k):
        category = leaves.get(s.label)
        if category is not None and (not out or s.probability >= MIN_PROBABILITY):
            out.append(CategorySuggestion(s.label, category.name, category.parent.name, s.probability, s.because))
    return out
