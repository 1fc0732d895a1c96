"""Labels for the codes stored in a gebiedsrapportage's content (translated when rendered)."""

from django.utils.translation import gettext_lazy as _

GOAL_STATUS = {
    "on_track": _("on track"), "at_risk": _("at risk"), "behind": _("behind"), "unknown": _("unknown"),
    None: _("not in this report"),
}
ACHIEVED = {"yes": _("yes"), "partly": _("partly"), "no": _("no")}
DIRECTION = {"up": _("up"), "down": _("down"), "same": _("unchanged"), "new": _("new"), "gone": _("no longer known")}
KIND = {"commitment": _("commitments"), "spending": _("spending")}
UNCLASSIFIED = _("not classified")
