"""A small text classifier for short Dutch descriptions: multinomial naive Bayes over Dutch word
stems, with a decompounder for words it has not seen and an explanation of every suggestion.

Why naive Bayes: the training text is small (a category tree with names and descriptions, some
typical words per category, and how often each category occurs), the model has to be retrained
in milliseconds when a municipality changes its tree, it runs in plain Python without a model
file, and its decision is a sum of per-word weights, so it can say *which words* led to the
suggestion ("omdat u 'lantaarnpaal' schreef"). A resident always chooses the category
themselves; the suggestion only saves them looking through fifty options.

Words are lower-cased, stripped of accents only where Dutch does not need them, stop words are
dropped, and what is left is stemmed with the Snowball Dutch stemmer (``snowballstemmer``,
BSD-3-Clause). Dutch writes compounds as one word ("lantaarnpaal", "afvalbakken"): a stem the
model does not know is split against the stems it does know (the longest known head at the end
and the longest known part at the start).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import snowballstemmer

_WORD = re.compile(r"[a-zà-öø-ÿ]+")
_STEMMER = snowballstemmer.stemmer("dutch")
MIN_PART = 4  # shortest known stem used when splitting a compound
_STOP_TEXT = """
aan al alle alles als altijd ander andere anders bij daar daarom dan dat de der deze die dit doch doen door
dus een eens en er ergens even ge geen geweest had hadden hebben heb heeft hem hen het hier hij hoe hun iemand
iets ik in is ja je jij kan kon kunnen maar me meer men met mij mijn moet moeten na naar niet niets nog nu of
om omdat onder ons ook op over reeds sinds steeds te tegen toch toen tot u uit uw van veel voor want waren was
wat we wel werd wezen wie wij wil worden wordt zal ze zelf zich zij zijn zo zonder zou zouden al graag
erg heel sinds dagen weken week dag gisteren vandaag al staat ligt zit staan liggen zitten gaat gaan
meldingen melding gaan over die dus niet zowel onder andere etc bijv zoals
"""
STOPWORDS = frozenset(_STOP_TEXT.split())


def words(text: str) -> list[str]:
    """The content words of a text, lower-cased, without stop words and short fragments."""
    return [w for w in _WORD.findall((text or "").lower()) if len(w) > 2 and w not in STOPWORDS]


def stem(word: str) -> str:
    return _STEMMER.stemWord(word)


@dataclass(frozen=True)
class Suggestion:
    label: str
    probability: float
    because: tuple[str, ...] = ()  # the words of the text that weighed most for this label


@dataclass
class NaiveBayes:
    """Multinomial naive Bayes with Laplace/Lidstone smoothing ``alpha``. Train with
    :meth:`fit`, then :meth:`suggest`. Labels are any strings (category slugs)."""

    alpha: float = 0.3
    labels: list[str] = field(default_factory=list)
    log_prior: dict[str, float] = field(default_factory=dict)
    log_likelihood: dict[str, dict[str, float]] = field(default_factory=dict)
    log_unseen: dict[str, float] = field(default_factory=dict)
    vocabulary: frozenset[str] = frozenset()

    def fit(self, documents: Iterable[tuple[str, str, float]], *, counts: dict[str, float] | None = None,
            prior_strength: float = 0.5) -> NaiveBayes:
        """``documents``: (label, text, weight) — a label may have many documents. ``counts``:
        how often each label occurred (the prior; labels without a count get one). The prior is
        raised to ``prior_strength`` (0 = uniform, 1 = the plain frequencies), because frequent
        categories should win ties, not override what the resident wrote."""
        terms: dict[str, Counter] = defaultdict(Counter)
        for label, text, weight in documents:
            terms[label]  # a label without words still exists
            for s in self.features(text, split=False):
                terms[label][s] += weight
        self.labels = sorted(terms)
        self.vocabulary = frozenset(s for c in terms.values() for s in c)
        size = max(len(self.vocabulary), 1)
        counts = counts or {}
        raw = {label: (float(counts.get(label, 0)) + 1.0) ** prior_strength for label in self.labels}
        total = sum(raw.values())
        self.log_prior = {label: math.log(v / total) for label, v in raw.items()}
        self.log_likelihood, self.log_unseen = {}, {}
        for label in self.labels:
            mass = sum(terms[label].values()) + self.alpha * size
            self.log_likelihood[label] = {s: math.log((n + self.alpha) / mass) for s, n in terms[label].items()}
            self.log_unseen[label] = math.log(self.alpha / mass)
        return self

    def features(self, text: str, *, split: bool = True) -> list[tuple[str, str]] | list[str]:
        """The stems of a text; with ``split``, (stem, original word) pairs where unknown compound
        words are replaced by the known stems they contain."""
        if not split:
            return [stem(w) for w in words(text)]
        out: list[tuple[str, str]] = []
        for word in words(text):
            s = stem(word)
            if s in self.vocabulary or not self.vocabulary:
                out.append((s, word))
                continue
            out.extend((part, word) for part in self._split(s))
        return out

    def _split(self, s: str) -> list[str]:
        parts = []
        head = next((s[i:] for i in range(1, len(s) - MIN_PART + 1) if s[i:] in self.vocabulary), None)
        if head is None:  # the head may be inflected differently: try the stem of the tail as a word
            head = next((stem(s[i:]) for i in range(1, len(s) - MIN_PART + 1)
                         if stem(s[i:]) in self.vocabulary and len(stem(s[i:])) >= MIN_PART), None)
        if head is not None:
            parts.append(head)
        front = next((s[:i] for i in range(len(s) - 1, MIN_PART - 1, -1) if s[:i] in self.vocabulary), None)
        if front is not None and front != head:
            parts.append(front)
        return parts

    def scores(self, text: str) -> tuple[dict[str, float], list[tuple[str, str]]]:
        feats = [(s, w) for s, w in self.features(text) if s in self.vocabulary]
        scores = {}
        for label in self.labels:
            table, unseen = self.log_likelihood[label], self.log_unseen[label]
            scores[label] = self.log_prior[label] + sum(table.get(s, unseen) for s, _w in feats)
        return scores, feats

    def suggest(self, text: str, *, k: int = 3) -> list[Suggestion]:
        """The ``k`` most likely labels, with probabilities and the words that weighed most. An
        empty list when the text has no word the model knows (nothing to go on)."""
        if not self.labels:
            return []
        scores, feats = self.scores(text)
        if not feats:
            return []
        top = max(scores.values())
        norm = sum(math.exp(v - top) for v in scores.values())
        ranked = sorted(self.labels, key=lambda label: (-scores[label], label))[:k]
        return [Suggestion(label, math.exp(scores[label] - top) / norm, self._because(label, feats)) for label in ranked]

    def _because(self, label: str, feats: list[tuple[str, str]], most: int = 2) -> tuple[str, ...]:
        """The typed words with the largest evidence for ``label`` over the average other label."""
        others = [x for x in self.labels if x != label] or [label]
        weight: dict[str, float] = defaultdict(float)
        for s, word in feats:
            own = self.log_likelihood[label].get(s, self.log_unseen[label])
            rest = sum(self.log_likelihood[o].get(s, self.log_unseen[o]) for o in others) / len(others)
            weight[word] = max(weight[word], own - rest)
        ranked = sorted((w for w, v in weight.items() if v > 0), key=lambda w: -weight[w])
        return tuple(ranked[:most])


def top_k_accuracy(model: NaiveBayes, cases: Iterable[tuple[str, str]], k: int) -> float:
    """Share of (text, label) cases whose label is among the model's ``k`` first suggestions
    (a case without any suggestion counts as wrong)."""
    cases = list(cases)
    if not cases:
        return float("nan")
    hits = sum(label in [s.label for s in model.suggest(text, k=k)] for text, label in cases)
    return hits / len(cases)


def documents_from_tree(rows: Iterable[dict], words_by_slug: dict[str, str] | None = None) -> list[tuple[str, str, float]]:
    """Training documents of a category tree: per subcategory (``slug``) its name (twice the
    weight), its main category's name (half), its description and the typical words of
    ``words_by_slug``. Rows are dicts with ``slug``, ``name``, ``parent`` and ``description``."""
    words_by_slug = words_by_slug or {}
    documents = []
    for row in rows:
        slug = row["slug"]
        documents.append((slug, row.get("name") or "", 2.0))
        documents.append((slug, row.get("parent") or "", 0.5))
        documents.append((slug, row.get("description") or "", 1.0))
        documents.append((slug, words_by_slug.get(slug, ""), 1.0))
    return documents
