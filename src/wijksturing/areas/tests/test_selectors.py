"""The gebied of an area, the name of a municipality or gebied, and the one cached buurt index."""

import pytest
from django.utils import timezone

from wijksturing.areas import selectors
from wijksturing.areas.models import Area, Layout, Level, Municipality
from wijksturing.signals.tests.factories import CODE, make_municipality, square

pytestmark = pytest.mark.django_db


@pytest.fixture
def proefstad():
    selectors.buurt_index_reset()
    yield make_municipality()  # GM9999: G1 > WK999901 > BU99990101, G2 > WK999902 > BU99990201
    selectors.buurt_index_reset()


def test_the_gebied_of_every_level(proefstad):
    by_code = {a.code: a for a in Area.objects.all()}
    assert selectors.area_gebied(area=by_code["BU99990101"]).code == "G1"
    assert selectors.area_gebied(area=by_code["WK999902"]).code == "G2"
    assert selectors.area_gebied(area=by_code["G2"]).code == "G2"
    assert selectors.area_gebied(area=by_code[CODE]) is None  # the gemeente is above the gebieden


def test_area_name_of_municipality_gebied_or_unknown_code(proefstad):
    assert selectors.area_name(municipality_code=CODE, code=CODE) == "Proefstad"
    assert selectors.area_name(municipality_code=CODE, code="gm9999") == "Proefstad"
    assert selectors.area_name(municipality_code=CODE, code="G2") == "Gebied 2"
    assert selectors.area_name(municipality_code=CODE, code="G9") == "G9"


def test_buurt_index_knows_wijk_and_gebied_and_is_built_once(proefstad, django_assert_num_queries):
    entry = selectors.buurt_index(municipality_code=CODE)
    code = entry.index.lookup_one(5.015, 52.005)
    assert code == "BU99990201" and entry.parents[code] == ("WK999902", "G2")
    with django_assert_num_queries(1):  # only the check for new boundaries
        assert selectors.buurt_index(municipality_code=CODE) is entry
    selectors.buurt_index(municipality_code=CODE, max_age=60)
    with django_assert_num_queries(0):  # within max_age: not even the check
        assert selectors.buurt_index(municipality_code=CODE, max_age=60) is entry
    assert selectors.point_index(municipality_code=CODE) == (entry.index, entry.pks)


def test_new_boundaries_give_a_new_index(proefstad):
    before = selectors.buurt_index(municipality_code=CODE)
    municipality = Municipality.objects.get(code=CODE)
    layout = Layout.objects.create(municipality=municipality, year=2025, imported_at=timezone.now())
    gemeente = Area.objects.create(layout=layout, level=Level.GEMEENTE, code=CODE, name="Proefstad")
    wijk = Area.objects.create(layout=layout, level=Level.WIJK, code="WK999909", name="Nieuw", parent=gemeente)
    Area.objects.create(layout=layout, level=Level.BUURT, code="BU99990909", name="Nieuw", parent=wijk,
                        geometry=square(5.0, 52.0, 0.02))
    after = selectors.buurt_index(municipality_code=CODE)
    assert after is not before
    assert after.index.lookup_one(5.005, 52.005) == "BU99990909" and after.parents["BU99990909"] == ("WK999909", "")
