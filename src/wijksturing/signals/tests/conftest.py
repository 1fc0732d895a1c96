import pytest

from wijksturing.signals.models import Category
from wijksturing.signals.services import signal_create
from wijksturing.signals.tests.factories import make_municipality, make_users

IN_G1 = (5.005, 52.005)  # lon, lat inside buurt BU99990101 (gebied G1)
IN_G2 = (5.015, 52.005)


@pytest.fixture
def municipality(db):
    return make_municipality()


@pytest.fixture
def users(municipality):
    return make_users(municipality)


@pytest.fixture
def make_signal(municipality):
    def make(slug: str = "boom", point=IN_G1, reporter=None, **kwargs):
        category = Category.objects.get(municipality=municipality, slug=slug)
        lon, lat = point if point else (None, None)
        return signal_create(category=category, lat=lat, lon=lon, description=kwargs.pop("description", "Kapotte boom"),
                             reporter=reporter, **kwargs)
    return make


@pytest.fixture(autouse=True)
def _fresh_placement():
    from wijksturing.signals.routing import placement_reset

    placement_reset()
    yield
    placement_reset()
