from wijksturing.core.textclass import NaiveBayes, documents_from_tree, stem, top_k_accuracy, words

TREE = [
    {"slug": "straatverlichting", "name": "Straatverlichting", "parent": "Wegen", "description": "Lampen die niet branden"},
    {"slug": "boom", "name": "Boom", "parent": "Groen", "description": "Omgewaaide bomen en afgebroken takken"},
    {"slug": "dumping", "name": "Dumping", "parent": "Afval", "description": "Gedumpt afval en vuilniszakken"},
]
WORDS = {"straatverlichting": "lantaarn paal lamp", "boom": "tak stam", "dumping": "matras grofvuil"}


def model(**kwargs):
    return NaiveBayes().fit(documents_from_tree(TREE, WORDS), **kwargs)


def test_words_drop_stop_words_and_stems_fold_plurals():
    assert words("De lamp is al een week kapot") == ["lamp", "kapot"]
    assert stem("bomen") == stem("boom")


def test_suggests_by_the_words_and_explains_with_the_typed_word():
    first = model().suggest("Er ligt een oude matras op straat")[0]
    assert first.label == "dumping"
    assert first.because == ("matras",)


def test_unknown_compound_is_split_into_known_parts():
    m = model()
    assert "lantaarnpal" not in m.vocabulary and "lantaarnpaal" not in m.vocabulary
    first = m.suggest("de lantaarnpaal brandt niet")[0]
    assert first.label == "straatverlichting"
    assert "lantaarnpaal" in first.because


def test_no_known_word_gives_no_suggestion():
    assert model().suggest("xyzzy qwerty") == []


def test_prior_breaks_ties_and_probabilities_sum_to_at_most_one():
    m = model(counts={"boom": 100, "dumping": 1, "straatverlichting": 1}, prior_strength=1.0)
    ranked = m.suggest("kapot", k=3)  # 'kapot' is in no document: no evidence
    assert ranked == []
    ranked = m.suggest("paal tak", k=3)  # one word for each: the frequent label wins
    assert ranked[0].label == "boom"
    assert 0.99 < sum(s.probability for s in ranked) <= 1.0 + 1e-9


def test_top_k_accuracy_counts_hits():
    m = model()
    cases = [("matras", "dumping"), ("takken", "boom"), ("matras", "boom")]
    assert top_k_accuracy(m, cases, 1) == 2 / 3
    assert top_k_accuracy(m, cases, 3) == 1.0
