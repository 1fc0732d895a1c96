"""Building a programme with the services: new programmes, themes with agendas, goals, intended
results, removal (deleted while never published, withdrawn after), agendas by administrators;
each with its permission refusals, history entries and validation errors."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from wijksturing.accounts.models import AuditEvent, Role
from wijksturing.areas.models import Municipality
from wijksturing.programmes import selectors, services
from wijksturing.programmes.models import Agenda, ChangeRecord, Goal, Programme, Result, Theme
from wijksturing.programmes.progress import annotate_programme
from wijksturing.programmes.tests import factories as f

pytestmark = pytest.mark.django_db


def _agenda(code="inclusief", name="Inclusief Teststad"):
    return services.agenda_upsert(user=None, municipality=f.municipality(), code=code, name=name)


def _new_programme(user, area_code="W1", start_year=2025, **extra):
    data = dict(title="Wijkprogramma", start_year=start_year, end_year=2028, summary="Samen")
    data.update(extra)
    return services.programme_create(user=user, municipality=f.municipality(), area_code=area_code, **data)


def test_area_team_creates_a_draft_programme_for_its_own_gebied_only():
    team = f.area_team()
    programme = _new_programme(team)
    assert programme.published is False and programme.area_code == "W1"
    record = ChangeRecord.objects.get(programme=programme, object_type="Programme", action="create")
    assert record.user == team and record.changes["title"] == [None, "Wijkprogramma"]
    assert AuditEvent.objects.filter(action="programme_create", user=team).exists()
    for area_code in ("W2", f.MUN):  # another gebied, and the city-wide programme
        with pytest.raises(PermissionDenied):
            _new_programme(team, area_code=area_code)
    council = f.user("raad", Role.COUNCIL)
    with pytest.raises(PermissionDenied):
        _new_programme(council)
    assert Programme.objects.count() == 1


def test_programme_validation_names_the_field():
    admin = f.user("admin", Role.ADMINISTRATOR)
    with pytest.raises(ValidationError) as exc:
        _new_programme(admin, area_code="W9")
    assert "area_code" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        _new_programme(admin, start_year=2029)
    assert "end_year" in exc.value.message_dict
    _new_programme(admin)
    with pytest.raises(ValidationError) as exc:
        _new_programme(admin)  # same area, same first year
    assert list(exc.value.message_dict) == ["start_year"]
    city = _new_programme(admin, area_code=f.MUN)  # administrators may start the city-wide one
    assert city.area_code == f.MUN


def test_area_choices_follow_the_rights():
    f.municipality()
    team = f.area_team()
    admin = f.user("admin", Role.ADMINISTRATOR)
    assert [code for code, _ in selectors.programme_area_choices(user=team, municipality_code=f.MUN)] == ["W1"]
    assert [code for code, _ in selectors.programme_area_choices(user=admin, municipality_code=f.MUN)] == [f.MUN, "W1", "W2"]
    assert selectors.programme_area_choices(user=f.user("raad", Role.COUNCIL), municipality_code=f.MUN) == []


def test_theme_with_agendas_and_notes_keeps_history():
    team = f.area_team()
    programme = _new_programme(team)
    inclusive, work = _agenda(), _agenda("werk", "Doorbraak naar werk")
    theme = services.theme_save(user=team, programme=programme, title="Ontmoeten", description="Plekken",
                                weight=1, links={inclusive: "Iedereen doet mee"})
    assert [(link.agenda.code, link.note) for link in theme.agenda_links.all()] == [("inclusief", "Iedereen doet mee")]
    services.theme_save(user=team, theme=theme, title="Ontmoeten in de wijk", description="Plekken", weight=1,
                        links={work: ""})
    assert [link.agenda.code for link in theme.agenda_links.all()] == ["werk"]
    changes = [r.changes for r in ChangeRecord.objects.filter(object_type="Theme", action="update").order_by("id")]
    assert {"title": ["Ontmoeten", "Ontmoeten in de wijk"]} in changes
    assert {"agenda inclusief": ["Iedereen doet mee", None], "agenda werk": [None, ""]} in changes


def test_theme_refuses_other_gebied_and_foreign_agendas():
    team = f.area_team()
    other = f.tree("W2")
    with pytest.raises(PermissionDenied):
        services.theme_save(user=team, programme=other["programme"], title="Niet van ons", links={})
    elsewhere = Municipality.objects.create(code="GM0001", name="Elders")
    foreign = Agenda.objects.create(municipality=elsewhere, code="x", name="Elders-agenda")
    own = f.tree("W1")
    with pytest.raises(ValidationError) as exc:
        services.theme_save(user=team, programme=own["programme"], title="Thema", links={foreign: ""})
    assert "agendas" in exc.value.message_dict
    assert not Theme.objects.filter(title="Thema").exists()  # the theme is not left half-made
    with pytest.raises(ValidationError) as exc:
        services.theme_save(user=team, programme=own["programme"], title="", links={})
    assert "title" in exc.value.message_dict


def test_goal_and_result_in_the_uniform_shape():
    team = f.area_team()
    t = f.tree()
    agenda = _agenda()
    goal = services.object_create(user=team, model=Goal, theme=t["theme"], title="Meer ontmoeting", why="Eenzaamheid",
                                  for_whom="Ouderen", deadline=2028, owner="Team W1", agendas=[agenda])
    assert goal.order == 1  # placed after the goal already there
    result = services.object_create(user=team, model=Result, goal=goal, text="Twee nieuwe ontmoetingsplekken")
    record = ChangeRecord.objects.get(object_type="Goal", object_id=str(goal.pk))
    assert record.changes["agendas"] == [None, ["inclusief"]] and record.changes["for_whom"] == [None, "Ouderen"]
    assert ChangeRecord.objects.filter(object_type="Result", object_id=str(result.pk), action="create").exists()
    with pytest.raises(ValidationError) as exc:
        services.object_create(user=team, model=Goal, theme=t["theme"], title="Te vroeg", deadline=2010)
    assert "deadline" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.object_create(user=team, model=Result, goal=goal, text="")
    assert "text" in exc.value.message_dict
    other = f.tree("W2")
    with pytest.raises(PermissionDenied):
        services.object_create(user=team, model=Goal, theme=other["theme"], title="Niet van ons")
    with pytest.raises(PermissionDenied):
        services.object_create(user=team, model=Result, goal=other["goal"], text="Niet van ons")


def test_never_published_parts_are_deleted():
    team = f.area_team()
    t = f.tree(published=False)
    assert selectors.part_removal(obj=t["results"][0]) == "delete"
    assert services.part_remove(user=team, obj=t["results"][0]) == "deleted"
    assert services.part_remove(user=team, obj=t["theme"]) == "deleted"
    assert not Goal.objects.filter(pk=t["goal"].pk).exists()
    deleted = ChangeRecord.objects.filter(action="delete").values_list("object_type", flat=True)
    assert sorted(deleted) == ["Result", "Theme"]


def test_published_parts_are_withdrawn_with_a_reason_and_leave_the_progress():
    team = f.area_team()
    t = f.tree(published=True)
    services.object_update(user=None, obj=t["results"][0], recorded_status="behind")
    services.object_update(user=None, obj=t["results"][1], recorded_status="on_track")
    assert annotate_programme(t["programme"]).progress.status == "at_risk"
    with pytest.raises(ValidationError) as exc:
        services.part_remove(user=team, obj=t["results"][0], reason="  ")
    assert "reason" in exc.value.message_dict
    with pytest.raises(ValidationError):
        services.object_delete(user=team, obj=t["results"][0])  # no way around it
    assert services.part_remove(user=team, obj=t["results"][0], reason="Geen geld") == "withdrawn"
    result = Result.objects.get(pk=t["results"][0].pk)
    assert result.withdrawn_on == date.today() and result.withdrawn_reason == "Geen geld"
    record = ChangeRecord.objects.get(action="withdraw")
    assert record.user == team and record.changes["withdrawn_reason"] == ["", "Geen geld"]
    programme = annotate_programme(Programme.objects.get(pk=t["programme"].pk))
    assert programme.progress.status == "on_track"  # only the remaining result counts
    assert programme.theme_list[0].goal_list[0].result_list[0].progress.source == "withdrawn"
    services.part_reinstate(user=team, obj=result)
    assert ChangeRecord.objects.filter(action="reinstate").exists()
    assert annotate_programme(Programme.objects.get(pk=t["programme"].pk)).progress.status == "at_risk"
    other = f.tree("W2")
    with pytest.raises(PermissionDenied):
        services.part_remove(user=team, obj=other["goal"], reason="Niet van ons")


def test_a_programme_published_once_keeps_its_parts_after_unpublishing():
    team = f.area_team()
    programme = _new_programme(team)
    theme = services.theme_save(user=team, programme=programme, title="Groen", links={})
    assert selectors.part_removal(obj=theme) == "delete"
    services.programme_publish(user=team, programme=programme, published=True)
    services.programme_publish(user=team, programme=programme, published=False)
    assert selectors.part_removal(obj=theme) == "withdraw"
    services.part_remove(user=team, obj=theme, reason="Samengevoegd met Ontmoeten")
    with pytest.raises(ValidationError):  # nothing can be added under a withdrawn theme
        services.object_create(user=team, model=Goal, theme=Theme.objects.get(pk=theme.pk), title="Nieuw")


def test_a_goal_with_money_booked_against_it_is_withdrawn_not_deleted():
    from wijksturing.budgets import services as budgets

    t = f.tree(published=False)
    line = budgets.budget_line_set(user=None, municipality=f.municipality(), gebied_code="W1", year=2025,
                              domain="welfare", amount="1000.00")
    budgets.entry_add(user=None, line=line, kind="commitment", amount="100.00", entry_date=date(2025, 3, 1),
                      description="Buurtfeest", goal=t["goal"])
    assert selectors.part_removal(obj=t["goal"]) == "withdraw"
    assert selectors.part_removal(obj=t["theme"]) == "withdraw"  # the goal under it
    assert selectors.part_removal(obj=t["results"][0]) == "delete"


def test_agendas_are_managed_by_administrators_only():
    mun = f.municipality()
    admin = f.user("admin", Role.ADMINISTRATOR)
    agenda = services.agenda_save(user=admin, municipality=mun, name="Zorg dichterbij", description="Basis op orde")
    assert agenda.code == "zorg-dichterbij" and agenda.order == 0
    assert AuditEvent.objects.filter(action="agenda_create", user=admin).exists()
    second = services.agenda_save(user=admin, municipality=mun, name="Circulair")
    assert second.order == 1
    with pytest.raises(ValidationError) as exc:
        services.agenda_save(user=admin, municipality=mun, name="zorg dichterbij")
    assert "name" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.agenda_save(user=admin, municipality=mun, name="  ")
    assert "name" in exc.value.message_dict
    services.agenda_save(user=admin, municipality=mun, agenda=agenda, name="Zorg dichtbij", description="Basis op orde")
    agenda.refresh_from_db()
    assert agenda.name == "Zorg dichtbij" and agenda.code == "zorg-dichterbij"  # the code stays
    for role in (Role.AREA_TEAM, Role.COUNCIL, Role.ANALYST):
        with pytest.raises(PermissionDenied):
            services.agenda_save(user=f.user(f"u_{role}", role), municipality=mun, name="Nieuw")


def test_export_and_pages_mark_withdrawn_parts(client):
    from wijksturing.programmes.exports import programme_rows

    t = f.tree(published=True)
    services.part_remove(user=None, obj=t["goal"], reason="Opgegaan in een ander doel")
    rows = programme_rows(programme=Programme.objects.get(pk=t["programme"].pk))
    assert [row["withdrawn"] for row in rows] == [f"{date.today().isoformat()}: Opgegaan in een ander doel"] * 2
    assert all(row["progress"] == "" and row["goal_progress"] == "" for row in rows)
    page = client.get(f"/doel/{t['goal'].pk}/").content.decode()
    assert "Opgegaan in een ander doel" in page and "telt niet mee (ingetrokken)" in page
