"""Pages where an area team builds its programme: a new programme, themes with their agendas,
goals, intended results, removing (or withdrawing) them; and the agendas of a municipality for
its administrators. Every write goes through :mod:`wijksturing.programmes.services`."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijksturing.accounts.selectors import user_is_staff_of
from wijksturing.areas.models import Municipality
from wijksturing.areas.selectors import municipality_get
from wijksturing.programmes import selectors, services
from wijksturing.programmes.forms import AgendaForm, GoalCreateForm, ProgrammeForm, RemoveForm, ResultForm, ThemeForm
from wijksturing.programmes.models import Agenda, Goal, Programme, Result, Theme


def _municipality(code: str):
    try:
        return municipality_get(code=code.upper())
    except Municipality.DoesNotExist as exc:
        raise Http404("Unknown municipality") from exc


def _editable(request, programme: Programme) -> None:
    if not selectors.programme_can_edit(user=request.user, programme=programme):
        raise PermissionDenied


def _to_form(form, exc: ValidationError) -> None:
    """Service errors next to the field they name (else above the form)."""
    errors = exc.message_dict if hasattr(exc, "error_dict") else {None: exc.messages}
    for field, messages_ in errors.items():
        form.add_error(field if field in form.fields else None, messages_)


def _page(request, *, form, heading: str, back: tuple[str, str], programme=None, municipality=None,
          intro: str = "", submit: str = ""):
    return render(request, "programmes/form_page.html", {
        "form": form, "heading": heading, "back_url": back[0], "back_label": back[1], "intro": intro,
        "submit": submit or _("Save"), "programme": programme,
        "municipality": municipality or getattr(programme, "municipality", None),
    })


@login_required
def programme_create(request, municipality_code: str):
    municipality = _municipality(municipality_code)
    choices = selectors.programme_area_choices(user=request.user, municipality_code=municipality.code)
    if not choices:
        raise PermissionDenied
    initial = {"area_code": request.GET.get("gebied", "")}
    form = ProgrammeForm(request.POST or None, area_choices=choices, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            programme = services.programme_create(user=request.user, municipality=municipality, **form.cleaned_data)
        except ValidationError as exc:
            _to_form(form, exc)
        else:
            messages.success(request, _("The programme has been created as a draft. Add its themes."))
            return redirect("programmes:detail", pk=programme.pk)
    return _page(request, form=form, heading=_("New area programme"), municipality=municipality,
                 back=(reverse("programmes:list", args=[municipality.code]), _("All area programmes")),
                 intro=_("A new programme is a draft: only staff of the municipality see it until you publish it."))


@login_required
def programme_edit(request, pk: int):
    programme = get_object_or_404(Programme.objects.select_related("municipality"), pk=pk)
    _editable(request, programme)
    fields = ("title", "start_year", "end_year", "summary")
    form = ProgrammeForm(request.POST or None, initial={f: getattr(programme, f) for f in fields})
    if request.method == "POST" and form.is_valid():
        try:
            services.object_update(user=request.user, obj=programme, **form.cleaned_data)
        except ValidationError as exc:
            _to_form(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("programmes:detail", pk=programme.pk)
    return _page(request, form=form, heading=_("Edit programme"), programme=programme,
                 back=(reverse("programmes:detail", args=[pk]), programme.title))


@login_required
def theme_edit(request, programme_pk: int | None = None, pk: int | None = None):
    """Add a theme to a programme, or change one, with the agendas it serves."""
    theme = get_object_or_404(Theme.objects.select_related("programme__municipality"), pk=pk) if pk else None
    programme = theme.programme if theme else get_object_or_404(Programme.objects.select_related("municipality"),
                                                                 pk=programme_pk)
    _editable(request, programme)
    agendas = selectors.agenda_list(municipality_code=programme.municipality.code)
    links = {link.agenda_id: link.note for link in theme.agenda_links.all()} if theme else {}
    initial = {"title": theme.title, "description": theme.description, "weight": theme.weight} if theme else {}
    form = ThemeForm(request.POST or None, agendas=agendas, links=links, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = {f: form.cleaned_data[f] for f in ("title", "description", "weight")}
        try:
            theme = services.theme_save(user=request.user, programme=programme, theme=theme, links=form.links(), **data)
        except ValidationError as exc:
            _to_form(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect(reverse("programmes:detail", args=[programme.pk]) + f"#theme-{theme.pk}")
    return _page(request, form=form, heading=_("Edit theme") if theme else _("Add a theme"), programme=programme,
                 back=(reverse("programmes:detail", args=[programme.pk]), programme.title))


@login_required
def goal_create(request, pk: int):
    theme = get_object_or_404(Theme.objects.select_related("programme__municipality"), pk=pk)
    programme = theme.programme
    _editable(request, programme)
    initial = {"agendas": [link.agenda_id for link in theme.agenda_links.all()], "deadline": programme.end_year}
    form = GoalCreateForm(request.POST or None, instance=Goal(theme=theme), municipality=programme.municipality,
                          initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        agendas = list(data.pop("agendas"))
        try:
            goal = services.object_create(user=request.user, model=Goal, theme=theme, agendas=agendas, **data)
        except ValidationError as exc:
            _to_form(form, exc)
        else:
            messages.success(request, _("The goal has been added. Now add its intended results."))
            return redirect("programmes:goal", pk=goal.pk)
    return _page(request, form=form, heading=_("Add a goal"), programme=programme,
                 intro=_("Theme: %(theme)s") % {"theme": theme.title},
                 back=(reverse("programmes:detail", args=[programme.pk]) + f"#theme-{theme.pk}", programme.title))


@login_required
def result_edit_text(request, goal_pk: int | None = None, pk: int | None = None):
    """Add an intended result to a goal, or change its text and weight."""
    result = get_object_or_404(Result.objects.select_related("goal__theme__programme__municipality"), pk=pk) if pk else None
    goal = result.goal if result else get_object_or_404(Goal.objects.select_related("theme__programme__municipality"),
                                                        pk=goal_pk)
    programme = goal.theme.programme
    _editable(request, programme)
    form = ResultForm(request.POST or None, initial={"text": result.text, "weight": result.weight} if result else None)
    if request.method == "POST" and form.is_valid():
        try:
            if result is None:
                services.object_create(user=request.user, model=Result, goal=goal, **form.cleaned_data)
            else:
                services.object_update(user=request.user, obj=result, **form.cleaned_data)
        except ValidationError as exc:
            _to_form(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("programmes:goal", pk=goal.pk)
    return _page(request, form=form, heading=_("Edit intended result") if result else _("Add an intended result"),
                 programme=programme, intro=_("Goal: %(goal)s") % {"goal": goal.title},
                 back=(reverse("programmes:goal", args=[goal.pk]), goal.title))


REMOVABLE = {"theme": Theme, "goal": Goal, "result": Result}
LABELS = {"theme": gettext_lazy("theme"), "goal": gettext_lazy("goal"), "result": gettext_lazy("intended result")}


def _after_removal(kind: str, obj) -> str:
    programme = selectors.programme_of(obj)
    if kind == "result" and Goal.objects.filter(pk=obj.goal_id).exists():
        return reverse("programmes:goal", args=[obj.goal_id])
    return reverse("programmes:detail", args=[programme.pk])


@login_required
def part_remove(request, kind: str, pk: int):
    """Delete a part of a never-published programme; withdraw it (with a reason) otherwise."""
    model = REMOVABLE.get(kind)
    if model is None:
        raise Http404
    obj = get_object_or_404(model, pk=pk)
    programme = selectors.programme_of(obj)
    _editable(request, programme)
    mode = "reinstate" if obj.withdrawn else selectors.part_removal(obj=obj)
    form = RemoveForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        target = _after_removal(kind, obj)
        try:
            if mode == "reinstate":
                services.part_reinstate(user=request.user, obj=obj)
                messages.success(request, _("It counts again."))
            else:
                outcome = services.part_remove(user=request.user, obj=obj, reason=form.cleaned_data["reason"])
                messages.success(request, _("Deleted.") if outcome == "deleted" else _("Withdrawn."))
        except ValidationError as exc:
            _to_form(form, exc)
        else:
            return redirect(target)
    return render(request, "programmes/remove.html", {
        "obj": obj, "kind": kind, "label": LABELS[kind], "mode": mode, "form": form, "programme": programme,
        "municipality": programme.municipality, "back_url": _after_removal(kind, obj)
        if kind == "result" else reverse("programmes:detail", args=[programme.pk]),
    })


def _agenda_staff(request, municipality) -> bool:
    if not user_is_staff_of(user=request.user, municipality_code=municipality.code):
        raise PermissionDenied
    return selectors.agenda_can_manage(user=request.user, municipality_code=municipality.code)


@login_required
def agenda_list(request, municipality_code: str):
    municipality = _municipality(municipality_code)
    can_manage = _agenda_staff(request, municipality)
    return render(request, "programmes/agenda_list.html", {
        "municipality": municipality, "agendas": selectors.agenda_list(municipality_code=municipality.code),
        "can_manage": can_manage,
    })


@login_required
def agenda_edit(request, municipality_code: str, pk: int | None = None):
    municipality = _municipality(municipality_code)
    if not _agenda_staff(request, municipality):
        raise PermissionDenied
    agenda = get_object_or_404(Agenda, pk=pk, municipality=municipality) if pk else None
    initial = {"name": agenda.name, "description": agenda.description, "order": agenda.order} if agenda else None
    form = AgendaForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.agenda_save(user=request.user, municipality=municipality, agenda=agenda, **form.cleaned_data)
        except ValidationError as exc:
            _to_form(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("programmes:agendas", municipality_code=municipality.code)
    return _page(request, form=form, heading=_("Edit agenda") if agenda else _("New agenda"),
                 municipality=municipality, intro=_("A city-wide agenda (veranderopgave) that area programmes can serve."),
                 back=(reverse("programmes:agendas", args=[municipality.code]), _("Change agendas")))
