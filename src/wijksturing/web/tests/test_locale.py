import pytest
from django.test import Client


@pytest.mark.django_db
def test_dutch_unless_english_is_chosen():
    client = Client(HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert client.get("/accounts/inloggen/").headers["Content-Language"] == "nl"
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert client.get("/accounts/inloggen/").headers["Content-Language"] == "en"
