"""The gebiedsrapportage and the council's view (issue 10): review and publication states with
four eyes, frozen snapshots, what changed, permissions, questions, commitments, follows and
notifications, taakveld totals, and the open API."""

import datetime as dt
import hashlib
from decimal import Decimal

import pytest
from django.core import mail

from wijksturing.accounts.tests.factories import administrator, analyst, area_team, council, resident
from wijksturing.budgets import services as budget_services
from wijksturing.budgets.models import BudgetLine
from wijksturing.monitor.models import Observation
from wijksturing.reports import selectors, services
from wijksturing.reports.content import report_changes
from wijksturing.reports.models import AreaReport, Notification, ReportEvent
from wijksturing.reports.services import ReportPermissionError
from wijksturing.reports.taakvelden import DOMAIN_DEFAULT, NAMES, TAAKVELDEN, taakveld_for
from wijksturing.reports.workflow import ReportStatus, ReportTransitionError
from wijksturing.web.tests.factories import make_world


@pytest.fixture
def world(db):
    w = make_world()
    m = w["GM9999"].layout.municipality
    w["municipality"] = m
    w["author"] = area_team(m, "W1", username="auteur")
    w["second"] = area_team(m, "W1", username="collega")
    w["other_team"] = area_team(m, "W9", username="anderteam")
    w["council"] = council(m, username="raadslid")
    w["council"].email = "raad@example.org"
    w["council"].save()
    w["analyst"] = analyst(m)
    year = 2024
    for domain, amount in (("green", "10000"), ("playgrounds", "5000"), ("safety", "3000"), ("other", "700")):
        budget_services.budget_line_set(user=None, municipality=m, gebied_code="W1", year=year, domain=domain,
                                        amount=Decimal(amount))
    green = BudgetLine.objects.get(gebied_code="W1", domain="green")
    budget_services.entry_add(user=None, line=green, kind="commitment", amount=Decimal("4000"),
                              entry_date=dt.date(year, 3, 1), description="Snoeien")
    budget_services.entry_add(user=None, line=green, kind="spending", amount=Decimal("1500.50"),
                              entry_date=dt.date(year, 4, 1), description="Snoeien, deel 1")
    return w


def _publish(w, period="2024-H1"):
    report = services.area_report_create(user=w["author"], area=w["W1"], period=period)
    services.area_report_transition(user=w["author"], report=report, to_status=ReportStatus.IN_REVIEW)
    return services.area_report_transition(user=w["second"], report=report, to_status=ReportStatus.PUBLISHED)


# --- states and four eyes -------------------------------------------------------------------

def test_draft_review_publish_with_four_eyes(world):
    report = services.area_report_create(user=world["author"], area=world["W1"], period="2024-h1")
    assert (report.status, report.period, report.period_end) == ("draft", "2024-H1", dt.date(2024, 6, 30))
    with pytest.raises(ReportTransitionError):  # a draft cannot skip the review
        services.area_report_transition(user=world["second"], report=report, to_status=ReportStatus.PUBLISHED)
    services.area_report_transition(user=world["author"], report=report, to_status=ReportStatus.IN_REVIEW)
    with pytest.raises(ReportTransitionError, match="tweede persoon"):
        services.area_report_transition(user=world["author"], report=report, to_status=ReportStatus.PUBLISHED)
    back = services.area_report_transition(user=world["second"], report=report, to_status=ReportStatus.DRAFT,
                                           note="De inleiding mist")
    assert back.status == "draft" and back.content == {}
    services.area_report_transition(user=world["author"], report=report, to_status=ReportStatus.IN_REVIEW)
    published = services.area_report_transition(user=world["second"], report=report, to_status=ReportStatus.PUBLISHED)
    assert published.status == "published" and published.reviewer == world["second"]
    assert published.pdf_sha256 == hashlib.sha256(bytes(published.pdf)).hexdigest()
    assert published.html_sha256 == hashlib.sha256(published.html.encode()).hexdigest()
    assert [e.to_status for e in ReportEvent.objects.filter(report=report)] == [
        "draft", "in_review", "draft", "in_review", "published"]
    with pytest.raises(ReportTransitionError):  # published is final
        services.area_report_transition(user=world["second"], report=published, to_status=ReportStatus.DRAFT)
    with pytest.raises(ValueError):  # history is append-only
        ReportEvent.objects.first().delete()


def test_an_analyst_reviews_but_another_gebied_team_does_not(world):
    report = services.area_report_create(user=world["author"], area=world["W1"], period="2024")
    services.area_report_transition(user=world["author"], report=report, to_status=ReportStatus.IN_REVIEW)
    with pytest.raises(ReportPermissionError):
        services.area_report_transition(user=world["other_team"], report=report, to_status=ReportStatus.PUBLISHED)
    with pytest.raises(ReportPermissionError):
        services.area_report_transition(user=world["council"], report=report, to_status=ReportStatus.PUBLISHED)
    services.area_report_transition(user=world["analyst"], report=report, to_status=ReportStatus.PUBLISHED)
    assert AreaReport.objects.get(pk=report.pk).status == "published"


def test_only_the_gebied_team_drafts(world):
    for user in (world["other_team"], world["council"], world["analyst"], resident()):
        with pytest.raises(ReportPermissionError):
            services.area_report_create(user=user, area=world["W1"], period="2024-H2")
    with pytest.raises(ValueError):
        services.area_report_create(user=world["author"], area=world["W1"], period="voorjaar")
    services.area_report_create(user=world["author"], area=world["W1"], period="2024-H2")
    with pytest.raises(ValueError, match="al een rapportage"):
        services.area_report_create(user=world["author"], area=world["W1"], period="2024-h2")


# --- frozen content -------------------------------------------------------------------------

def test_published_report_is_frozen_when_the_data_are_reimported(world, client):
    report = _publish(world)
    html, pdf = client.get(f"/gebiedsrapportage/{report.pk}/").content, client.get(
        f"/gebiedsrapportage/{report.pk}/rapportage.pdf").content
    assert bytes(pdf) == bytes(report.pdf) and pdf.startswith(b"%PDF-")
    assert "€\xa010.000" in report.html and "Snoeien" not in report.html
    # re-import the underlying data: the monitor's rows replaced with other figures, another budget
    rows = list(Observation.objects.filter(area__code__in=["W1", "GM9999"]))
    Observation.objects.filter(pk__in=[o.pk for o in rows]).delete()
    for o in rows:
        o.pk, o.value = None, o.value * 2
    Observation.objects.bulk_create(rows)
    assert services.area_report_live_content(report=report)["monitor"] != report.content["monitor"]
    green = BudgetLine.objects.get(gebied_code="W1", domain="green")
    budget_services.budget_line_set(user=None, municipality=world["municipality"], gebied_code="W1", year=2024,
                                    domain="green", amount=Decimal("55555"))
    assert green.pk == BudgetLine.objects.get(gebied_code="W1", domain="green").pk
    again = AreaReport.objects.get(pk=report.pk)
    assert bytes(again.pdf) == bytes(report.pdf) and again.html == report.html
    assert client.get(f"/gebiedsrapportage/{report.pk}/rapportage.pdf").content == pdf
    page = client.get(f"/gebiedsrapportage/{report.pk}/").content
    assert report.html.encode() in page and b"55.555" not in page and html.count(b"10.000") == page.count(b"10.000")
    # a draft, in contrast, follows the data
    live = services.area_report_live_content(report=report)
    assert live["budget"]["total"]["budget"] != report.content["budget"]["total"]["budget"]


def test_the_same_content_renders_to_the_same_bytes(world):
    report = _publish(world)
    html, pdf = services.area_report_render(content=report.content, changes=report.changes,
                                            published_at=report.published_at, status="published")
    assert html == report.html and pdf == bytes(report.pdf)


def test_second_report_shows_what_changed(world):
    first = _publish(world, "2024-H1")
    assert first.changes == {} and "eerste gepubliceerde" in first.html
    budget_services.budget_line_set(user=None, municipality=world["municipality"], gebied_code="W1", year=2024,
                                    domain="safety", amount=Decimal("4500"))
    Observation.objects.filter(area__code="W1", indicator__code="g_woz", year=2024).update(value=320)
    second = _publish(world, "2024-H2")
    assert second.previous == first
    shifts = {b["domain"]: b["budget"]["shift"] for b in second.changes["budget"]}
    assert shifts == {"safety": "1500.00"}
    woz = next(f for f in second.changes["figures"] if f["code"] == "g_woz")
    assert (woz["old"], woz["new"], woz["direction"]) == (300, 320, "up")
    assert "Wat is er veranderd" in second.html and "+€\xa01.500" in second.html


def test_report_changes_goals_and_signals():
    before = {"period": {"label": "2025-H1"}, "monitor": {"figures": [], "index": None},
              "programme": {"goals": [{"id": 1, "title": "A", "status": "on_track"},
                                      {"id": 2, "title": "B", "status": "behind"}]},
              "budget": None, "signals": {"open": 4}}
    after = {"period": {"label": "2025-H2"}, "monitor": {"figures": [], "index": None},
             "programme": {"goals": [{"id": 1, "title": "A", "status": "at_risk"},
                                     {"id": 3, "title": "C", "status": "unknown"}]},
             "budget": None, "signals": {"open": 2}}
    changes = report_changes(previous=before, current=after)
    assert {(g["id"], g["old"], g["new"]) for g in changes["goals"]} == {
        (1, "on_track", "at_risk"), (3, None, "unknown"), (2, "behind", None)}
    assert changes["signals"] == {"old": 4, "new": 2, "direction": "down"}
    assert report_changes(previous=None, current=after) == {}


# --- permissions on the pages ---------------------------------------------------------------

def test_public_sees_published_only(world, client):
    draft = services.area_report_create(user=world["author"], area=world["W1"], period="2024-H2")
    published = _publish(world, "2024-H1")
    assert client.get(f"/gebiedsrapportage/{draft.pk}/").status_code == 404
    assert client.get(f"/gebiedsrapportage/{draft.pk}/rapportage.pdf").status_code == 404
    assert client.get(f"/gebiedsrapportage/{published.pk}/").status_code == 200
    listing = client.get("/gemeente/GM9999/gebied/W1/gebiedsrapportages/").content.decode()
    assert "2024-H1" in listing and "2024-H2" not in listing
    client.force_login(world["council"])  # the council too: published reports only
    assert client.get(f"/gebiedsrapportage/{draft.pk}/").status_code == 404
    client.force_login(world["author"])
    assert client.get(f"/gebiedsrapportage/{draft.pk}/").status_code == 200
    assert "2024-H2" in client.get("/gemeente/GM9999/gebied/W1/gebiedsrapportages/").content.decode()
    api = client.get("/api/v1/gebiedsrapportages/?municipality=GM9999").json()
    assert [r["period"] for r in api["results"]] == ["2024-H1"]


def test_council_asks_area_team_answers_on_the_record(world, client):
    report = _publish(world)
    client.force_login(world["council"])
    response = client.post(f"/gebiedsrapportage/{report.pk}/vragen/", {"text": "Waarom blijft het groen achter?"})
    assert response.status_code == 302
    question = report.questions.get()
    # another gebied's team and the council cannot answer
    for user in (world["other_team"], world["council"]):
        client.force_login(user)
        assert client.post(f"/raadsvraag/{question.pk}/antwoord/", {f"q{question.pk}-answer": "x"}).status_code == 403
    client.force_login(world["author"])
    assert client.post(f"/gebiedsrapportage/{report.pk}/vragen/", {"text": "mag ik?"}).status_code == 403
    waiting = client.get("/gemeente/GM9999/gebied/W1/gebiedsrapportages/").content.decode()
    assert "Waarom blijft het groen achter?" in waiting and "nog niet beantwoord" in waiting
    client.post(f"/raadsvraag/{question.pk}/antwoord/", {f"q{question.pk}-answer": "Door de natte zomer."})
    client.logout()
    page = client.get(f"/gebiedsrapportage/{report.pk}/").content.decode()
    assert "Waarom blijft het groen achter?" in page and "Door de natte zomer." in page
    assert "raadslid" not in page and "auteur" not in page  # no names on the public record
    with pytest.raises(ValueError):  # an answer on the record is not rewritten
        services.question_answer(user=world["author"], question=question, answer="Anders")
    api = client.get("/api/v1/raadsvragen/?municipality=GM9999").json()["results"]
    assert api[0]["answer"] == "Door de natte zomer." and "asked_by" not in api[0]


def test_follow_and_notification(world, client):
    client.force_login(world["council"])
    client.post("/gemeente/GM9999/gebied/W1/volgen/", {"follow": "1"})
    assert selectors.follow_exists(user=world["council"], municipality_code="GM9999", gebied_code="W1")
    mail.outbox.clear()
    with pytest.raises(ReportPermissionError):
        services.follow_set(user=resident(), municipality=world["municipality"], gebied_code="W1", follow=True)
    report = services.area_report_create(user=world["author"], area=world["W1"], period="2024-H1")
    services.area_report_transition(user=world["author"], report=report, to_status=ReportStatus.IN_REVIEW)
    client.force_login(world["second"])
    with TestCaseCommit():  # published through the page: the e-mail links the report on this site
        client.post(f"/gebiedsrapportage/{report.pk}/status/", {"to": "published"})
    client.force_login(world["council"])
    assert Notification.objects.filter(user=world["council"], report=report).count() == 1
    assert [m.to for m in mail.outbox] == [["raad@example.org"]] and "Centrum-Oost" in mail.outbox[0].subject
    assert f"http://testserver/gebiedsrapportage/{report.pk}/" in mail.outbox[0].body
    page = client.get("/raad/").content.decode()
    assert "Centrum-Oost 2024-H1" in page


class TestCaseCommit:
    """Runs the transaction.on_commit callbacks made inside the block (pytest-django's db is one transaction)."""

    def __enter__(self):
        from django.test import TestCase

        self._ctx = TestCase.captureOnCommitCallbacks(execute=True)
        return self._ctx.__enter__()

    def __exit__(self, *exc):
        return self._ctx.__exit__(*exc)


def test_commitments_tracked_until_done(world, client):
    m = world["municipality"]
    with pytest.raises(ReportPermissionError):
        services.commitment_create(user=world["council"], municipality=m, gebied_code="W1", text="x", owner="y",
                                   due_date=dt.date(2025, 1, 1))
    client.force_login(world["author"])
    client.post("/gemeente/GM9999/gebied/W1/toezeggingen/",
                {"text": "Notitie over speelplekken", "owner": "Gebiedsmanager W1", "due_date": "2025-03-01"})
    c = selectors.commitment_list(municipality_code="GM9999", open_only=True).get()
    assert (c.owner, c.due_date) == ("Gebiedsmanager W1", dt.date(2025, 3, 1))
    assert "over de datum" in client.get("/gemeente/GM9999/toezeggingen/").content.decode()  # due in the past
    client.force_login(world["other_team"])
    assert client.post(f"/toezegging/{c.pk}/afgerond/").status_code == 403
    client.force_login(world["author"])
    client.post(f"/toezegging/{c.pk}/afgerond/", {"note": "Notitie verstuurd"})
    c.refresh_from_db()
    assert c.status == "done" and c.done_note == "Notitie verstuurd"
    client.logout()
    public = client.get("/gemeente/GM9999/toezeggingen/").content.decode()
    assert "Notitie over speelplekken" in public and "over de datum" not in public  # done: no longer late
    assert client.get("/api/v1/toezeggingen/?municipality=GM9999").json()["results"][0]["status"] == "done"


# --- taakvelden -----------------------------------------------------------------------------

def test_taakveld_list_and_defaults():
    codes = [c for c, _ in TAAKVELDEN]
    assert codes[0] == "0.1" and codes[-1] == "8.3" and len(codes) == len(set(codes))
    assert NAMES["5.7"] == "Openbaar groen en (openlucht) recreatie" and NAMES["1.2"] == "Openbare orde en veiligheid"
    assert all(code in NAMES for code in DOMAIN_DEFAULT.values())
    assert taakveld_for("green") == "5.7" and taakveld_for("other") == "" and taakveld_for("green", "8.1") == "8.1"
    with pytest.raises(ValueError):
        taakveld_for("green", "9.9")


def test_taakveld_totals_with_an_override(world):
    totals = {t["code"]: t for t in selectors.taakveld_totals(municipality_code="GM9999", year=2024)}
    # green (10 000) and playgrounds (5 000) both → 5.7; safety → 1.2; "other" is not classified
    assert totals["5.7"]["budget"] == Decimal("15000.00") and totals["5.7"]["committed"] == Decimal("4000.00")
    assert totals["5.7"]["spent"] == Decimal("1500.50")
    assert totals["1.2"]["budget"] == Decimal("3000.00") and totals[""]["budget"] == Decimal("700.00")
    playgrounds = BudgetLine.objects.get(gebied_code="W1", domain="playgrounds")
    assert services.taakveld_assign(user=administrator(world["municipality"]), line=playgrounds, taakveld="5.2") == "5.2"
    totals = {t["code"]: t for t in selectors.taakveld_totals(municipality_code="GM9999", year=2024)}
    assert totals["5.7"]["budget"] == Decimal("10000.00") and totals["5.2"]["budget"] == Decimal("5000.00")
    assert [t["code"] for t in selectors.taakveld_totals(municipality_code="GM9999", year=2024)] == ["1.2", "5.2", "5.7", ""]
    with pytest.raises(ReportPermissionError):
        services.taakveld_assign(user=world["council"], line=playgrounds, taakveld="5.1")
    assert client_free_total(world) == Decimal("18700.00")


def client_free_total(world) -> Decimal:
    return sum((t["budget"] for t in selectors.taakveld_totals(municipality_code="GM9999", year=2024)), Decimal(0))


def test_overview_puts_gebieden_side_by_side(world, client):
    _publish(world)
    page = client.get("/gemeente/GM9999/gebiedsrapportages/").content.decode()
    assert "Centrum-Oost" in page and "2024-H1" in page and "5.7 Openbaar groen" in page
    assert client.get("/api/v1/taakvelden/").json()[0]["code"] == "0.1"


def test_api_detail_has_the_frozen_content_and_the_pdf_its_fingerprint(world, client):
    report = _publish(world)
    detail = client.get(f"/api/v1/gebiedsrapportages/{report.pk}/").json()
    assert detail["content"]["budget"]["total"]["budget"] == "18700.00"
    assert detail["pdf_sha256"] == hashlib.sha256(bytes(report.pdf)).hexdigest() and detail["changes"] == {}
    assert "author" not in detail and "reviewer" not in detail
    response = client.get(detail["pdf_url"])
    assert response["ETag"] == f'"{report.pdf_sha256}"'
    draft = services.area_report_create(user=world["author"], area=world["W1"], period="2024-H2")
    assert client.get(f"/api/v1/gebiedsrapportages/{draft.pk}/").status_code == 404


def test_council_page_lists_followed_gebieden_and_new_reports(world, client):
    services.follow_set(user=world["council"], municipality=world["municipality"], gebied_code="W1", follow=True)
    with TestCaseCommit():
        _publish(world)
    client.force_login(world["council"])
    page = client.get("/raad/").content.decode()
    assert "Centrum-Oost 2024-H1" in page and "1 ongelezen" in page
    client.post("/raad/")
    assert "ongelezen" not in client.get("/raad/").content.decode()
    assert client.get("/raad/").status_code == 200
    client.logout()
    assert client.get("/raad/").status_code == 302  # sign in first


def test_area_team_classifies_a_line_on_the_gebied_page(world, client):
    safety = BudgetLine.objects.get(gebied_code="W1", domain="safety")
    client.force_login(world["council"])
    url = f"/gemeente/GM9999/gebied/W1/taakvelden/{safety.pk}/"
    assert client.post(url, {f"l{safety.pk}-taakveld": "1.1"}).status_code == 403
    client.force_login(world["author"])
    page = client.get("/gemeente/GM9999/gebied/W1/gebiedsrapportages/").content.decode()
    assert "1.2 Openbare orde en veiligheid" in page
    client.post(f"/gemeente/GM9999/gebied/W1/taakvelden/{safety.pk}/", {f"l{safety.pk}-taakveld": "1.1"})
    assert selectors.line_taakveld(line=safety) == "1.1"
    assert "1.1 Crisisbeheersing en brandweer (met de hand ingedeeld)" in client.get(
        "/gemeente/GM9999/gebied/W1/gebiedsrapportages/").content.decode()
    client.post(f"/gemeente/GM9999/gebied/W1/taakvelden/{safety.pk}/", {f"l{safety.pk}-taakveld": ""})
    assert selectors.line_taakveld(line=safety) == "1.2"


def test_pdf_says_what_changed_with_sources(world):
    import io

    from pypdf import PdfReader

    _publish(world, "2024-H1")
    budget_services.budget_line_set(user=None, municipality=world["municipality"], gebied_code="W1", year=2024,
                                    domain="safety", amount=Decimal("4500"))
    second = _publish(world, "2024-H2")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(bytes(second.pdf))).pages)
    assert "Gebiedsrapportage Centrum-Oost, 2024-H2" in text
    assert "Vergeleken met de rapportage van 2024-H1." in text and "+€ 1.500" in text.replace("\xa0", " ")
    assert "5.7 Openbaar groen en (openlucht) recreatie" in text
    assert "Bron: Wijkbudget vastgesteld door de raad" in text.replace("\n", " ")
