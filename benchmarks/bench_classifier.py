"""Accuracy of the category suggestion on the signal form (``wijksturing.core.textclass``).

Run as ``python benchmarks/bench_classifier.py`` (part of ``make bench``). Needs the shared data
folder (``WIJKSTURING_DATA_DIR``, default ``../shared/data``); without it the script says so and
exits 0.

Honest about the data: Assen's public Signalen reports (3,024, ``meldingen/``) carry a category
but **no description text** (the public endpoint publishes none). So the model is trained on

* the words of Assen's category tree (name, main category, description of 58 subcategories),
* a short list of typical words per subcategory written by us (``signals/data/category_words.csv``),
* the category frequencies of Assen's reports as the prior (80 % of them, split by a fixed seed).

Figures, one per line (``<name>: <value> <unit> (baseline …)``):

* ``heldback_reports_top1/top3``: the 20 % held-back real reports. Having no text, the model can
  only use its prior here: this measures how often the most frequent categories are right when the
  resident has typed nothing useful. Baseline: a uniform guess (1/k per category).
* ``written_descriptions_top1/top3``: 70 resident-style descriptions written by us and labelled
  with Assen's subcategories (``benchmarks/data/signal_descriptions_nl.csv``), classified by the
  full model (prior + text). These are not real reports and were written by the same people who
  wrote the word list, so the figure is optimistic. Baseline: the prior alone on the same texts.
"""

from __future__ import annotations

import collections
import csv
import gzip
import os
import random
import sys
from pathlib import Path

try:
    import wijksturing.core  # noqa: F401
except ImportError:  # not installed: run from the checkout
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from wijksturing.core.textclass import NaiveBayes, documents_from_tree, top_k_accuracy

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("WIJKSTURING_DATA_DIR", ROOT.parent / "shared" / "data"))
SEED = 15


def main() -> int:
    tree_path = DATA / "meldingen" / "assen_signalen_categorieen.csv"
    reports_path = DATA / "meldingen" / "assen_signalen_meldingen_2026.csv.gz"
    if not (tree_path.exists() and reports_path.exists()):
        print(f"# skipped: {tree_path.parent} not found")
        return 0
    with tree_path.open(encoding="utf-8") as handle:
        tree = list(csv.DictReader(handle))
    words_path = ROOT / "src" / "wijksturing" / "signals" / "data" / "category_words.csv"
    with words_path.open(encoding="utf-8") as handle:
        words = {row["slug"]: row["words"] for row in csv.DictReader(handle)}
    with gzip.open(reports_path, "rt", encoding="utf-8") as handle:
        labels = [row["subcategory_slug"] for row in csv.DictReader(handle)]
    random.Random(SEED).shuffle(labels)
    cut = int(len(labels) * 0.8)
    train, held = labels[:cut], labels[cut:]
    model = NaiveBayes().fit(documents_from_tree(tree, words), counts=collections.Counter(train))
    prior_only = sorted(model.labels, key=lambda label: -model.log_prior[label])
    n_labels = len(model.labels)
    for k in (1, 3):
        hits = sum(label in prior_only[:k] for label in held) / len(held)
        print(f"heldback_reports_top{k}: {100 * hits:.1f} % of {len(held)} reports (no text: prior only) "
              f"(baseline {100 * k / n_labels:.1f} % uniform guess, ratio {hits / (k / n_labels):.2f})")
    with (ROOT / "benchmarks" / "data" / "signal_descriptions_nl.csv").open(encoding="utf-8") as handle:
        cases = [(row["text"], row["slug"]) for row in csv.DictReader(handle)]
    for k in (1, 3):
        full = top_k_accuracy(model, cases, k)
        base = sum(label in prior_only[:k] for _text, label in cases) / len(cases)
        print(f"written_descriptions_top{k}: {100 * full:.1f} % of {len(cases)} texts "
              f"(baseline {100 * base:.1f} % prior only, ratio {full / base if base else float('inf'):.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
