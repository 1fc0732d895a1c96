"""The state machine of a gebiedsrapportage.

    draft ──► in_review ──► published
      ▲           │
      └───────────┘  (sent back by the reviewer)

The reviewer is a second person: never the author (four eyes, checked in
:func:`reports.services.area_report_publish`). A published report is final and frozen.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from wijksturing.core.statemachine import StateMachine, TransitionError


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    IN_REVIEW = "in_review", _("in review")
    PUBLISHED = "published", _("published")


S = ReportStatus

MACHINE = StateMachine("area_report", {
    S.DRAFT: (S.IN_REVIEW,),
    S.IN_REVIEW: (S.PUBLISHED, S.DRAFT),
    S.PUBLISHED: (),
})


class ReportTransitionError(TransitionError):
    """A status change of an area report that is not allowed."""
