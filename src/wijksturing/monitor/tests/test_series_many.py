"""An area page reads the series of its key figures in one query, the same as one by one (issue 12)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wijksturing.areas.selectors import area_get
from wijksturing.monitor.models import Observation
from wijksturing.monitor.selectors import observation_series, observation_series_many


def test_series_of_many_indicators_in_one_query(demo):
    Observation.objects.filter(area__code="WK020202", indicator__code="a_inw", year=2016).update(suppressed=True)
    area = area_get(code="WK020202")
    codes = ["a_inw", "p_65_eo_jr", "g_woz", "no_such_indicator"]
    with CaptureQueriesContext(connection) as queries:
        many = observation_series_many(area=area, indicator_codes=codes)
    assert len(queries) == 1
    assert many == {code: observation_series(area=area, indicator_code=code) for code in codes}
    assert many["a_inw"][0] == (2016, None) and len(many["a_inw"]) >= 2
    assert many["no_such_indicator"] == []
