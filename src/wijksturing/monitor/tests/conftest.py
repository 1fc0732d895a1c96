from pathlib import Path

import pytest
from django.conf import settings

DATA = Path(settings.DATA_DIR)


class Quiet:
    def write(self, *args, **kwargs):
        pass


@pytest.fixture
def demo(db):
    """The real demo of Arnhem and Nijmegen, loaded from the shared open data."""
    if not DATA.exists():
        pytest.skip(f"no local open data in {DATA}")
    from wijksturing.monitor.demo import load_demo

    load_demo(stdout=Quiet(), offline=True)


@pytest.fixture
def catalogue(db):
    from wijksturing.monitor.catalogue import catalogue_load

    catalogue_load()
