"""Participatory-budgeting counting core: pure Python + numpy, no Django, no pabutools.

Public API::

    from wijksturing.core.pb import Election, Project, Ballot, count, render, read_pabulib

    outcome = count(election, "mes-add1", tie_break="reference")   # see rules.RULES
    outcome.selected                # project ids in the order chosen
    render(outcome.explanation, "nl")   # plain Dutch sentences ("en" for English)

Modules: :mod:`.model` (data classes, utilities per ballot type), :mod:`.pabulib` (.pb files),
:mod:`.rules` (greedy, MES and completions, caps, weights, leftover), :mod:`.mes` (the exact MES
engine), :mod:`.tiebreak`, :mod:`.explain`, :mod:`.cli` (``pb count FILE.pb --rule RULE``).
"""

from .explain import Explanation, ProjectExplanation, render
from .model import Ballot, Election, ElectionError, Project, weight_by_field
from .pabulib import PabulibError
from .pabulib import dumps as dumps_pabulib
from .pabulib import loads as loads_pabulib
from .pabulib import read as read_pabulib
from .pabulib import write as write_pabulib
from .rules import LEFTOVER_POLICIES, RULES, Outcome, count
from .tiebreak import TIE_BREAKS

__all__ = [
    "LEFTOVER_POLICIES",
    "RULES",
    "TIE_BREAKS",
    "Ballot",
    "Election",
    "ElectionError",
    "Explanation",
    "Outcome",
    "PabulibError",
    "Project",
    "ProjectExplanation",
    "count",
    "dumps_pabulib",
    "loads_pabulib",
    "read_pabulib",
    "render",
    "weight_by_field",
    "write_pabulib",
]
