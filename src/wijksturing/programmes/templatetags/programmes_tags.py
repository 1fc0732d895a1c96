from django import template
from django.apps import apps
from django.db import models
from django.template.defaultfilters import truncatechars
from django.urls import reverse
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.translation import gettext as _

from wijksturing.programmes import selectors

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
    request = context.get("request")
    user = getattr(request, "user", None)
    if selectors.programme_current(user=user, municipality_code=municipality_code, area_code=area_code) is None:
        return ""
    return reverse("programmes:area", args=[municipality_code, area_code])


def _action_label(action: str) -> str:
    labels = {"create": _("added"), "update": _("changed"), "delete": _("deleted"), "withdraw": _("withdrawn"),
              "reinstate": _("reinstated")}
    return labels.get(action, action)


def _model(object_type: str):
    try:
        return apps.get_model("programmes", object_type)
    except LookupError:
        return None


def _value(field, value) -> str:
    """A recorded value in words: choices by their label, yes/no, related parts by their name."""
    if value is None or value == "" or value == []:
        return _("empty")
    if field is not None and field.choices:
        value = dict(field.flatchoices).get(value, value)
    elif isinstance(value, bool):
        value = _("yes") if value else _("no")
    elif field is not None and isinstance(field, models.ForeignKey):
        related = field.related_model.objects.filter(pk=value).first()
        value = str(related) if related is not None else f"#{value}"
    elif isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    elif isinstance(value, (int, float)) and not (field is not None and field.name.endswith("year")):
        value = localize(value)
    return "“" + truncatechars(str(value), 140) + "”"


@register.simple_tag
def change_summary(record) -> str:
    """'Doel 8 toegevoegd' — the part and what happened to it."""
    model = _model(record.object_type)
    name = str(model._meta.verbose_name) if model else record.object_type
    return f"{name[:1].upper()}{name[1:]} {record.object_id} {_action_label(record.action)}"


@register.simple_tag
def change_lines(record) -> list[str]:
    """The recorded ``{field: [before, after]}`` as sentences: 'Titel: “…”' for a new part,
    'Titel gewijzigd van “…” in “…”' for a change; the position among siblings is left out."""
    model = _model(record.object_type)
    lines = []
    for name, change in (record.changes or {}).items():
        if name == "order":
            continue
        try:
            field = model._meta.get_field(name) if model else None
        except Exception:  # noqa: BLE001 — a field that no longer exists keeps its recorded name
            field = None
        label = str(getattr(field, "verbose_name", name) or name)
        if getattr(field, "related_model", None) is not None and label == name.replace("_", " "):
            label = str(field.related_model._meta.verbose_name)  # 'goal' → 'doel'
        if field is None and name.startswith("agenda "):  # a theme's note on one of its change agendas
            label = f"{_model('Agenda')._meta.verbose_name} {name.split(' ', 1)[1]}"
        label = label[:1].upper() + label[1:]
        before, after = (change + [None, None])[:2] if isinstance(change, list) else (None, change)
        if record.action not in ("create", "delete") and _value(field, before) == _value(field, after):
            continue
        if record.action == "create":
            if after not in (None, "", []):
                lines.append(f"{label}: {_value(field, after)}")
        elif record.action == "delete":
            lines.append(f"{label}: {_value(field, before if before is not None else after)}")
        else:
            lines.append(_("%(field)s changed from %(before)s to %(after)s") % {
                "field": label, "before": _value(field, before), "after": _value(field, after)})
    return lines
