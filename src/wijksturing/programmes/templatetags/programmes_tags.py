from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def status_badge(progress):
    """A progress badge: the status in words (never colour alone) and, where known, its source."""
    status = getattr(progress, "status", "unknown") or "unknown"
    if getattr(progress, "source", "") == "withdrawn":
        return format_html('<span class="progress progress--unknown">{}</span>', _("not counted (withdrawn)"))
    label = {"on_track": _("on track"), "at_risk": _("at risk"), "behind": _("behind")}.get(status, _("unknown"))
    source = getattr(progress, "source", "")
    source_label = {"indicator": _("from the figures"), "recorded": _("recorded by the area team"),
                    "rollup": _("combined from the parts")}.get(source, "")
    if source_label:
        return format_html('<span class="progress progress--{}">{}</span> <span class="progress-source">({})</span>',
                           status, label, source_label)
    return format_html('<span class="progress progress--{}">{}</span>', status, label)


@register.simple_tag(takes_context=True)
def area_programme_url(context, municipality_code: str, area_code: str) -> str:
    """The URL of the area's programme the visitor may read, or "" when there is none (so that a page
    links to it only when the link leads somewhere)."""
    from django.urls import reverse

    from wijksturing.programmes import selectors

    request = context.get("request")
    user = getattr(request, "user", None)
    if selectors.programme_current(user=user, municipality_code=municipality_code, area_code=area_code) is None:
        return ""
    return reverse("programmes:area", args=[municipality_code, area_code])
