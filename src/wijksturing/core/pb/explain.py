"""Explanations of a count that a resident can follow, as data and as plain sentences (B1).

:func:`~.rules.count` returns an :class:`Explanation`: one :class:`ProjectExplanation` per project
with a machine-readable ``reason`` and the numbers behind it. :func:`render` turns it into short
Dutch (``"nl"``) or English (``"en"``) sentences, e.g.

* greedy: "Project 7 kreeg 412 stemmen en paste nog in het budget dat over was (€ 23.000)."
* greedy: "Project 9 kreeg 380 stemmen maar paste niet meer: er was nog € 4.000 over en het kost € 9.000."
* MES: "Project 3 kost € 7.200. 43 stemmers deelden de kosten: ieder betaalde € 167,44."
* MES: "Project 8 is niet gekozen: zijn stemmers hadden samen nog € 12.310 over, te weinig voor € 40.000."

Reasons: ``fits`` / ``does_not_fit`` (greedy), ``shared`` / ``not_affordable`` (equal shares),
``cap`` (a category or area cap was full), ``no_votes``, ``free`` (costs nothing, always chosen),
``not_counted`` (approval and cost 0: with cost utilities MES gives it no weight, as pabutools).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

Number = int | Fraction
Language = Literal["nl", "en"]


@dataclass(frozen=True)
class ProjectExplanation:
    project_id: str
    name: str
    cost: Number
    votes: Number  # approvals (weighted) or total points
    selected: bool
    reason: str
    rank: int | None = None  # greedy: place in the vote order; MES: purchase round
    stage: str | None = None  # "greedy", "mes" or "greedy-fill" (who bought it)
    remaining_before: Number | None = None  # greedy: money left when it was its turn
    cap: str | None = None  # "category:groen" / "area:Noord" when a cap stopped it
    price_per_point: Fraction | None = None  # MES: money per point of utility
    full_share: Fraction | None = None  # MES approval: what each paying supporter paid
    paying_share: int = 0  # MES: supporters paying price_per_point * utility
    paying_all: int = 0  # MES: supporters who paid everything they had left
    paid_by_all_payers: Fraction | None = None  # MES: what those together paid
    supporters_money: Fraction | None = None  # MES rejected: money its supporters had left
    shares: tuple[tuple[str, Fraction], ...] | None = None  # per voter (only with detail=True)


@dataclass(frozen=True)
class Explanation:
    rule: str
    tie_break: str
    budget: Number
    spent: Number
    leftover: Number
    leftover_policy: str
    carried_over: Number
    budget_per_voter: Fraction | None
    increments: int
    projects: tuple[ProjectExplanation, ...]
    currency: str = "EUR"
    vote_unit: str = "votes"  # "votes" (approval) or "points" (points, rankings)
    weighted: bool = False  # some votes count more or less than once

    def project(self, project_id: str) -> ProjectExplanation:
        return next(p for p in self.projects if p.project_id == project_id)


def money(value: Number, lang: Language = "nl", currency: str = "EUR") -> str:
    """Cents only when needed; Dutch 1.234,56, English 1,234.56; "€ 5" or "5 PLN"."""
    cents = round(Fraction(value) * 100)
    whole, frac = divmod(abs(cents), 100)
    text = f"{whole:,}" + (f".{frac:02d}" if frac else "")
    if lang == "nl":
        text = text.replace(",", " ").replace(".", ",").replace(" ", ".")
    text = ("-" if cents < 0 else "") + text
    return f"€ {text}" if currency in ("EUR", "€", "") else f"{text} {currency}"


_money = money


def number(value: Number, lang: Language = "nl") -> str:
    f = Fraction(value)
    if f.denominator == 1:
        return f"{int(f):,}".replace(",", "." if lang == "nl" else ",")
    text = f"{float(f):.2f}"
    return text.replace(".", ",") if lang == "nl" else text


_T = {
    "nl": {
        "title": "{name} (project {id})",
        "votes": "{n} stemmen",
        "votes_1": "1 stem",
        "points": "{n} punten",
        "points_1": "1 punt",
        "fits": "{t} kreeg {votes} en paste nog in het budget dat over was ({left}).",
        "does_not_fit": "{t} kreeg {votes} maar paste niet meer: er was nog {left} over en het kost {cost}.",
        "shared_eq": "{t} kost {cost}. {n} stemmers deelden de kosten: ieder betaalde {share}.",
        "shared_eq_1": "{t} kost {cost}. 1 stemmer betaalde de kosten: {share}.",
        "shared_pts": "{t} kost {cost}. {n} stemmers betaalden {ppp} per punt dat ze gaven.",
        "shared_pts_1": "{t} kost {cost}. 1 stemmer betaalde {ppp} per punt dat hij of zij gaf.",
        "weighted": " (Bedragen gelden voor een stem die 1 keer telt.)",
        "all_in": " {k} stemmers hadden minder over en betaalden alles wat ze nog hadden ({paid}).",
        "all_in_1": " 1 stemmer had minder over en betaalde alles wat hij of zij nog had ({paid}).",
        "not_affordable": "{t} is niet gekozen: zijn stemmers hadden samen nog {left} over, te weinig voor {cost}.",
        "cap": "{t} is niet gekozen: het maximum voor {cap} was bereikt.",
        "no_votes": "{t} kreeg geen stemmen.",
        "not_counted": "{t} kost niets; bij verdelen naar kosten telt het niet mee.",
        "free": "{t} kost niets en is daarom gekozen.",
        "greedy_fill": " Het is gekozen met het geld dat daarna nog over was.",
        "summary": "Uitgegeven: {spent} van {budget}; over: {left}.",
        "rollover": " Dit geld gaat mee naar de volgende ronde.",
    },
    "en": {
        "title": "{name} (project {id})",
        "votes": "{n} votes",
        "votes_1": "1 vote",
        "points": "{n} points",
        "points_1": "1 point",
        "fits": "{t} got {votes} and still fitted in the money that was left ({left}).",
        "does_not_fit": "{t} got {votes} but no longer fitted: {left} was left and it costs {cost}.",
        "shared_eq": "{t} costs {cost}. {n} voters shared the cost: each paid {share}.",
        "shared_eq_1": "{t} costs {cost}. 1 voter paid the cost: {share}.",
        "shared_pts": "{t} costs {cost}. {n} voters paid {ppp} for each point they gave.",
        "shared_pts_1": "{t} costs {cost}. 1 voter paid {ppp} for each point they gave.",
        "weighted": " (Amounts are for a vote that counts once.)",
        "all_in": " {k} voters had less left and paid everything they still had ({paid}).",
        "all_in_1": " 1 voter had less left and paid everything they still had ({paid}).",
        "not_affordable": "{t} was not chosen: its voters had {left} left together, too little for {cost}.",
        "cap": "{t} was not chosen: the maximum for {cap} had been reached.",
        "no_votes": "{t} got no votes.",
        "not_counted": "{t} costs nothing; sharing costs does not count it.",
        "free": "{t} costs nothing and was therefore chosen.",
        "greedy_fill": " It was chosen with the money that was still left afterwards.",
        "summary": "Spent: {spent} of {budget}; left: {left}.",
        "rollover": " This money goes to the next round.",
    },
}


def render_project(
    p: ProjectExplanation,
    lang: Language = "nl",
    currency: str = "EUR",
    unit: str = "votes",
    weighted: bool = False,
) -> str:
    """One or two plain sentences about one project."""
    t = _T[lang]

    def money(value: Number, lang: Language = lang) -> str:
        return _money(value, lang, currency)

    title = t["title"].format(name=p.name, id=p.project_id) if p.name else f"Project {p.project_id}"
    votes = t[unit + "_1"] if p.votes == 1 else t[unit].format(n=number(p.votes, lang))
    left = p.remaining_before if p.reason in ("fits", "does_not_fit") else p.supporters_money
    args = {
        "t": title,
        "votes": votes,
        "cost": money(p.cost, lang),
        "left": money(left or 0, lang),
        "cap": (p.cap or "").replace("category:", "").replace("area:", ""),
    }
    if p.reason == "shared":
        one = "_1" if p.paying_share == 1 else ""
        if p.full_share is not None:
            text = t["shared_eq" + one].format(n=p.paying_share, share=money(p.full_share, lang), **args)
        else:
            text = t["shared_pts" + one].format(n=p.paying_share, ppp=money(p.price_per_point or 0, lang), **args)
        if p.paying_all:
            key = "all_in_1" if p.paying_all == 1 else "all_in"
            text += t[key].format(k=p.paying_all, paid=money(p.paid_by_all_payers or 0, lang))
        return text + (t["weighted"] if weighted else "")
    text = t[p.reason].format(**args)
    if p.stage == "greedy-fill":
        text += t["greedy_fill"]
    return text


def render(explanation: Explanation, lang: Language = "nl") -> list[str]:
    """Plain sentences: one per project (chosen ones first, in order), then a summary line."""
    if lang not in _T:
        raise ValueError(f"language must be 'nl' or 'en', got {lang!r}")
    chosen = sorted((p for p in explanation.projects if p.selected), key=lambda p: p.rank or 0)
    others = [p for p in explanation.projects if not p.selected]
    cur = explanation.currency
    unit = "votes" if explanation.vote_unit == "votes" else "points"
    weighted = explanation.weighted
    lines = [render_project(p, lang, cur, unit, weighted) for p in chosen + others]
    t = _T[lang]
    summary = t["summary"].format(
        spent=money(explanation.spent, lang, cur),
        budget=money(explanation.budget, lang, cur),
        left=money(explanation.leftover, lang, cur),
    )
    if explanation.carried_over:
        summary += t["rollover"]
    return lines + [summary]
