"""The demo's illustrative entries (one without consent, one stale) on a small municipality, and
the HSDS command's export, check and import."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from wijksturing.organisations import demo, selectors
from wijksturing.organisations.models import Organisation
from wijksturing.organisations.tests import factories as f

pytestmark = pytest.mark.django_db


def test_demo_entries_are_illustrative_with_one_private_and_one_stale(monkeypatch):
    f.world()
    monkeypatch.setattr(demo, "MUNICIPALITY", f.MUN)
    demo.load_demo(stdout=io.StringIO())
    demo.load_demo(stdout=io.StringIO())  # safe to run again
    entries = list(Organisation.objects.all())
    assert len(entries) == len(demo.ENTRIES) and all(o.illustrative for o in entries)
    public = selectors.organisation_public_list(municipality_code=f.MUN)
    assert len(public) == len(demo.ENTRIES) - 1
    assert [o.name for o in entries if not o.consent_given] == ["Jongereninitiatief Broek (voorbeeld, nog geen toestemming)"]
    assert [o.name for o in entries if selectors.organisation_is_stale(organisation=o)] == [
        "Sociale wijkonderneming Centrum (voorbeeld)"]
    assert all("(fictief)" in o.contact_name for o in entries)
    assert all(loc.lat is not None for o in entries for loc in o.locations.all())


def test_hsds_command_exports_checks_and_imports(tmp_path):
    f.world()
    f.organisation("Buurtgroen")
    out = tmp_path / "krachten.json"
    call_command("krachten_hsds", "export", f.MUN, "-o", str(out), stdout=io.StringIO())
    assert json.loads(out.read_text())["organizations"][0]["name"] == "Buurtgroen"
    text = io.StringIO()
    call_command("krachten_hsds", "check", f.MUN, str(out), stdout=text)
    assert "valid HSDS" in text.getvalue()
    zipped = tmp_path / "krachten.zip"
    call_command("krachten_hsds", "export", f.MUN, "--csv", "-o", str(zipped), stdout=io.StringIO())
    Organisation.objects.all().delete()
    text = io.StringIO()
    call_command("krachten_hsds", "import", f.MUN, str(zipped), stdout=text)
    assert "1 created" in text.getvalue() and Organisation.objects.get().name == "Buurtgroen"
