"""Issue 14: no link answers 4xx, the site has a root for its API, a favicon and Dutch error pages,
and the municipality's phone number comes from its record instead of "14 0 + netnummer"."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from wijksturing.areas.models import Area, Layout, Level, Municipality
from wijksturing.monitor.models import SimilarArea


def _compare_links(html: str) -> list[str]:
    import re

    return [h.replace("&amp;", "&") for h in re.findall(r'href="(/vergelijk/\?[^"]*)"', html)]


def test_no_compare_link_without_similar_areas(client, world):
    html = client.get("/gemeente/GM9999/gebied/W1/").content.decode()
    assert "Vergelijk met gebieden die hierop lijken" not in html
    assert _compare_links(html) == []


def test_no_compare_link_when_the_similar_areas_lie_in_another_municipality(client, world):
    other = Municipality.objects.create(code="GM9998", name="Anderstad")
    layout = Layout.objects.create(municipality=other, year=2024)
    far = Area.objects.create(layout=layout, level=Level.WIJK, code="WK999801", name="Verweg")
    SimilarArea.objects.create(area=world["WK999901"], other=far, rank=1, distance=0.1, year=2024)
    html = client.get("/wijk/WK999901/").content.decode()
    assert "Verweg" in html  # still listed as a similar area
    assert _compare_links(html) == []


def test_compare_link_leads_to_a_page_that_answers(client, world):
    SimilarArea.objects.create(area=world["BU99990101"], other=world["BU99990102"], rank=1, distance=0.1, year=2024)
    html = client.get("/buurt/BU99990101/").content.decode()
    links = _compare_links(html)
    assert len(links) == 1
    assert "gebied=BU99990101" in links[0] and "gebied=BU99990102" in links[0]
    assert client.get(links[0]).status_code == 200


def test_phone_number_from_the_municipality_record(client, world):
    html = client.get("/gemeente/GM9999/").content.decode()  # no contacts on the gemeente page
    assert "14 0 +" not in html and "netnummer" not in html
    assert "Neem contact op met de gemeente Teststad." in html
    Municipality.objects.filter(code="GM9999").update(phone="14 099")
    from wijksturing.web import pagecache

    pagecache.forget_version()
    from django.core.cache import cache

    cache.clear()
    html = client.get("/gemeente/GM9999/").content.decode()
    assert "Bel de gemeente Teststad op 14 099." in html


def test_gebieden_file_sets_the_phone_number(db):
    from wijksturing.areas.services import municipality_upsert

    m = municipality_upsert(code="GM9997", name="Belstad", phone="14 012")
    assert Municipality.objects.get(pk=m.pk).phone == "14 012"


def test_api_root_answers_with_its_parts(client, db):
    response = client.get("/api/v1/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    data = response.json()
    assert data["schema"].endswith("/api/v1/schema/") and data["documentation"].endswith("/api/v1/docs/")
    assert data["collections"]["areas"].endswith("/api/v1/areas/")
    assert "lookup" not in data["collections"]  # needs a point; offered with an example instead
    lookup = client.get(data["point_lookup"].replace("http://testserver", ""), HTTP_ACCEPT="application/json")
    assert lookup.status_code in (200, 404)


def test_footer_links_to_the_api_root_and_the_favicon(client, world):
    html = client.get("/").content.decode()
    assert 'href="/api/v1/"' in html and 'rel="icon"' in html
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("web/favicon.svg")


def test_404_page_is_dutch_and_in_the_site_layout(client, db):
    response = client.get("/bestaat-niet/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Pagina niet gevonden" in html and 'class="site-header"' in html and 'lang="nl"' in html
    assert "Not Found" not in html


def test_403_page_is_dutch(client, world):
    from wijksturing.accounts.tests.factories import staff_user

    user = staff_user("raadslid", role="council", municipality=world["municipality"])
    client.force_login(user)
    response = client.get("/cockpit/analyse/")
    html = response.content.decode()
    assert response.status_code == 403, html[:300]
    assert "Geen toegang" in html and "403 Forbidden" not in html


def test_csrf_failure_page_is_dutch(db):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/inloggen/", {"username": "x", "password": "y"})
    html = response.content.decode()
    assert response.status_code == 403
    assert "Het formulier is verlopen" in html and "CSRF verification failed" not in html


@pytest.mark.parametrize("language, text", [("nl", "Er ging iets mis"), ("en", "Something went wrong")])
def test_500_page_renders_without_request(language, text):
    with translation.override(language):
        html = render_to_string("500.html")
    assert text in html and f'lang="{language}"' in html


def test_import_list_shows_file_names_not_server_paths_and_dutch_words(client, world):
    from wijksturing.accounts.tests.factories import staff_user
    from wijksturing.monitor.models import ImportRun, ImportStatus

    ImportRun.objects.create(kind="file", source="/work/shared/data/cbs/kwb_2024_bevolking.csv.gz",
                             status=ImportStatus.SUCCEEDED, message="statline: 11 indicatoren, 120 rijen")
    ImportRun.objects.create(kind="file", source="mijn cijfers.csv", status=ImportStatus.FAILED,
                             message="mijn cijfers.csv: rij 3: kolom 'value': 'zeven' is geen getal",
                             errors=[{"file": "mijn cijfers.csv", "row": 3, "column": "value",
                                      "message": "'zeven' is geen getal"}])
    ImportRun.objects.create(kind="recompute", source="recompute", status=ImportStatus.SUCCEEDED, message="1 indeling")
    client.force_login(staff_user("analist2", role="analyst", municipality=world["municipality"]))
    html = client.get("/cockpit/analyse/imports/").content.decode()
    assert "/work/shared" not in html and "<td>kwb_2024_bevolking.csv.gz</td>" in html
    assert html.count("&#x27;zeven&#x27; is geen getal") == 1  # the error once, not also as the message
    assert "mijn cijfers.csv, rij 3, kolom value: &#x27;zeven&#x27; is geen getal" in html
    assert "Herberekening" in html and "recompute" not in html.split("<main", 1)[1]
