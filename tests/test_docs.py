"""Docs that are generated from code stay true to it."""

from pathlib import Path

from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent


def test_settings_reference_is_current():
    from wijksturing.conf.env import reference_document

    assert (ROOT / "docs" / "settings.md").read_text() == reference_document(), "run `make docs` and commit docs/settings.md"


def test_committed_openapi_schema_is_current(tmp_path):
    target = tmp_path / "openapi.yaml"
    call_command("spectacular", file=str(target), validate=True, lang="en")
    committed = (ROOT / "docs" / "openapi.yaml").read_text()
    assert target.read_text() == committed, "the API changed: run `make schema` and commit docs/openapi.yaml"
