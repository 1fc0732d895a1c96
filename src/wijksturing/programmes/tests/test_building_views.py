"""The pages to build a programme: GET and POST, errors next to the field, 403 for another
gebied, links only for those who may edit, the public page unchanged."""

import pytest

from wijksturing.accounts.models import Role
from wijksturing.programmes import services
from wijksturing.programmes.models import Agenda, ChangeRecord, Goal, Programme, Result, Theme
from wijksturing.programmes.tests import factories as f

pytestmark = pytest.mark.django_db

GOAL = {"title": "Meer ontmoeting", "why": "Veel eenzaamheid", "for_whom": "Ouderen", "deadline": "2028",
        "owner": "Team W1", "qualitative": ""}


@pytest.fixture
def team(client):
    user = f.area_team()
    client.force_login(user)
    return user


def _text(response) -> str:
    return response.content.decode()


def test_new_programme_page(client, team):
    url = f"/gemeente/{f.MUN}/programmas/nieuw/"
    page = client.get(url)
    assert page.status_code == 200
    assert 'value="W1"' in _text(page) and 'value="W2"' not in _text(page)  # only its own gebied
    bad = client.post(url, {"area_code": "W2", "title": "", "start_year": "2026", "end_year": "2024"})
    html = _text(bad)
    assert bad.status_code == 200 and 'id="error-summary"' in html
    for field in ("area_code", "title", "end_year"):
        assert f'id="id_{field}_error"' in html  # the message next to its field
    assert 'aria-describedby="id_title_helptext id_title_error"' in html and 'aria-invalid="true"' in html
    assert not Programme.objects.exists()
    ok = client.post(url, {"area_code": "W1", "title": "Wijkprogramma W1", "start_year": "2025", "end_year": "2028",
                           "summary": "Samen"})
    programme = Programme.objects.get()
    assert ok.status_code == 302 and ok.url == f"/programma/{programme.pk}/"
    assert programme.published is False
    again = client.post(url, {"area_code": "W1", "title": "Nog een", "start_year": "2025", "end_year": "2029"})
    assert again.status_code == 200 and 'id="id_start_year_error"' in _text(again)


def test_new_programme_refused_without_rights(client):
    client.force_login(f.user("raad", Role.COUNCIL))
    assert client.get(f"/gemeente/{f.MUN}/programmas/nieuw/").status_code == 403
    client.logout()
    assert client.get(f"/gemeente/{f.MUN}/programmas/nieuw/").status_code == 302  # to the login page


def test_theme_add_and_edit_with_agendas(client, team):
    t = f.tree()
    agenda = services.agenda_upsert(user=None, municipality=f.municipality(), code="inclusief", name="Inclusief")
    url = f"/programma/{t['programme'].pk}/thema-toevoegen/"
    assert client.get(url).status_code == 200
    note = f"note_{agenda.pk}"
    bad = client.post(url, {"title": "Ontmoeten", "description": "", "weight": "1", note: "Iedereen doet mee"})
    assert bad.status_code == 200 and f'id="id_{note}_error"' in _text(bad)  # note without ticking the agenda
    ok = client.post(url, {"title": "Ontmoeten", "description": "", "weight": "1", "agendas": [agenda.pk],
                           note: "Iedereen doet mee"})
    theme = Theme.objects.get(title="Ontmoeten")
    assert ok.status_code == 302 and ok.url.endswith(f"#theme-{theme.pk}")
    assert theme.agenda_links.get().note == "Iedereen doet mee"
    edit = client.get(f"/thema/{theme.pk}/bewerken/")
    assert "Iedereen doet mee" in _text(edit) and "checked" in _text(edit)
    client.post(f"/thema/{theme.pk}/bewerken/", {"title": "Ontmoeten", "description": "Plekken", "weight": "1"})
    assert not theme.agenda_links.exists()


def test_goal_and_result_pages(client, team):
    t = f.tree()
    url = f"/thema/{t['theme'].pk}/doel-toevoegen/"
    assert client.get(url).status_code == 200
    bad = client.post(url, dict(GOAL, why="", owner=""))
    assert bad.status_code == 200 and 'id="id_why_error"' in _text(bad) and 'id="id_owner_error"' in _text(bad)
    early = client.post(url, dict(GOAL, deadline="2010"))  # before the programme starts (service rule)
    assert early.status_code == 200 and 'id="id_deadline_error"' in _text(early)
    ok = client.post(url, GOAL)
    goal = Goal.objects.get(title="Meer ontmoeting")
    assert ok.status_code == 302 and ok.url == f"/doel/{goal.pk}/"
    result_url = f"/doel/{goal.pk}/resultaat-toevoegen/"
    assert client.post(result_url, {"text": "", "weight": "1"}).status_code == 200
    assert client.post(result_url, {"text": "Twee ontmoetingsplekken", "weight": "1"}).status_code == 302
    result = goal.results.get()
    assert client.post(f"/resultaat/{result.pk}/wijzigen/", {"text": "Drie ontmoetingsplekken", "weight": "1"}).status_code == 302
    result.refresh_from_db()
    assert result.text == "Drie ontmoetingsplekken"
    assert ChangeRecord.objects.get(object_type="Result", action="update").changes == {
        "text": ["Twee ontmoetingsplekken", "Drie ontmoetingsplekken"]}


def test_other_gebied_gets_403_everywhere(client, team):
    other = f.tree("W2")
    result = other["results"][0]
    for url, data in [
        (f"/programma/{other['programme'].pk}/bewerken/", {"title": "x", "start_year": "2023", "end_year": "2030"}),
        (f"/programma/{other['programme'].pk}/thema-toevoegen/", {"title": "x", "weight": "1"}),
        (f"/thema/{other['theme'].pk}/bewerken/", {"title": "x", "weight": "1"}),
        (f"/thema/{other['theme'].pk}/doel-toevoegen/", GOAL),
        (f"/doel/{other['goal'].pk}/resultaat-toevoegen/", {"text": "x", "weight": "1"}),
        (f"/resultaat/{result.pk}/wijzigen/", {"text": "x", "weight": "1"}),
        (f"/thema/{other['theme'].pk}/verwijderen/", {"reason": "x"}),
        (f"/doel/{other['goal'].pk}/verwijderen/", {"reason": "x"}),
        (f"/resultaat/{result.pk}/verwijderen/", {"reason": "x"}),
    ]:
        assert client.get(url).status_code == 403, url
        assert client.post(url, data).status_code == 403, url
    assert Theme.objects.filter(programme=other["programme"]).count() == 1
    assert not Result.objects.filter(goal=other["goal"], withdrawn_on__isnull=False).exists()


def test_remove_deletes_a_draft_part_and_withdraws_a_published_one(client, team):
    draft = f.tree(published=False)
    page = client.get(f"/resultaat/{draft['results'][0].pk}/verwijderen/")
    assert page.status_code == 200 and 'name="reason"' not in _text(page)
    assert client.post(f"/resultaat/{draft['results'][0].pk}/verwijderen/").url == f"/doel/{draft['goal'].pk}/"
    assert not Result.objects.filter(pk=draft["results"][0].pk).exists()

    services.object_update(user=None, obj=draft["programme"], start_year=2020)  # room for a second one
    published = f.tree("W1", published=True)
    url = f"/doel/{published['goal'].pk}/verwijderen/"
    assert 'name="reason"' in _text(client.get(url))
    missing = client.post(url, {"reason": ""})
    assert missing.status_code == 200 and 'id="id_reason_error"' in _text(missing)
    assert client.post(url, {"reason": "Opgegaan in een ander doel"}).status_code == 302
    goal = Goal.objects.get(pk=published["goal"].pk)
    assert goal.withdrawn
    public = client.get(f"/programma/{published['programme'].pk}/")
    assert "Opgegaan in een ander doel" in _text(public)
    reinstate = client.get(url)
    assert 'name="reason"' not in _text(reinstate)
    client.post(url)
    goal.refresh_from_db()
    assert not goal.withdrawn


def test_links_only_for_editors_and_public_page_unchanged(client):
    t = f.tree(published=True)
    public = _text(client.get(f"/programma/{t['programme'].pk}/"))
    for path in ("thema-toevoegen", "doel-toevoegen", "resultaat-toevoegen", "verwijderen", "bewerken"):
        assert path not in public
    assert "/programmas/nieuw/" not in _text(client.get(f"/gemeente/{f.MUN}/programmas/"))
    client.force_login(f.user("raad", Role.COUNCIL))
    council = _text(client.get(f"/programma/{t['programme'].pk}/"))
    assert "thema-toevoegen" not in council and "verwijderen" not in council
    client.force_login(f.area_team())
    staff = _text(client.get(f"/programma/{t['programme'].pk}/"))
    for url in (f"/programma/{t['programme'].pk}/thema-toevoegen/", f"/thema/{t['theme'].pk}/doel-toevoegen/",
                f"/thema/{t['theme'].pk}/verwijderen/",
                f"/programma/{t['programme'].pk}/bewerken/"):
        assert url in staff
    assert f"/doel/{t['goal'].pk}/resultaat-toevoegen/" in _text(client.get(f"/doel/{t['goal'].pk}/"))
    listing = _text(client.get(f"/gemeente/{f.MUN}/programmas/"))
    assert f"/gemeente/{f.MUN}/programmas/nieuw/" in listing and f"/gemeente/{f.MUN}/veranderopgaven/" in listing


def test_agenda_pages_for_administrators(client):
    f.municipality()
    list_url, add_url = f"/gemeente/{f.MUN}/veranderopgaven/", f"/gemeente/{f.MUN}/veranderopgaven/nieuw/"
    assert client.get(list_url).status_code == 302  # login first
    client.force_login(f.area_team())
    assert client.get(list_url).status_code == 200 and add_url not in _text(client.get(list_url))
    assert client.get(add_url).status_code == 403
    assert client.post(add_url, {"name": "Stiekem"}).status_code == 403
    client.force_login(f.user("admin", Role.ADMINISTRATOR))
    assert add_url in _text(client.get(list_url))
    assert client.post(add_url, {"name": "Zorg dichterbij", "description": "Basis op orde"}).url == list_url
    agenda = Agenda.objects.get()
    twice = client.post(add_url, {"name": "Zorg Dichterbij"})
    assert twice.status_code == 200 and 'id="id_name_error"' in _text(twice)
    edit = f"/gemeente/{f.MUN}/veranderopgaven/{agenda.pk}/"
    assert client.post(edit, {"name": "Zorg dichtbij", "description": "", "order": "3"}).status_code == 302
    agenda.refresh_from_db()
    assert (agenda.name, agenda.order) == ("Zorg dichtbij", 3)
    assert "Zorg dichtbij" in _text(client.get(list_url))
