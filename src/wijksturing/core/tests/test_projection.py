import math

import pytest

from wijksturing.core.projection import LocalProjection, metres_between, to_rd, to_wgs84


def test_local_projection_round_trips_and_keeps_shape():
    p = LocalProjection.fit(5.85, 51.95, 5.98, 52.03, width=640, pad=4)
    assert p.width == pytest.approx(640)
    x, y = p.xy(5.9, 52.0)
    assert p.lonlat(x, y) == pytest.approx((5.9, 52.0))
    # 1 km east and 1 km north are the same length on the map (true to scale locally)
    east = p.xy(5.9 + 1000 / (111_320 * math.cos(math.radians(51.99))), 52.0)
    north = p.xy(5.9, 52.0 + 1000 / 111_250)
    assert abs(east[0] - x) == pytest.approx(abs(north[1] - y), rel=2e-3)


def test_square_fit_lets_the_longer_side_decide():
    p = LocalProjection.fit(5.0, 52.0, 5.01, 52.1, width=100, square=True)
    assert p.height == pytest.approx(100) and p.width < 100


def test_metres_between_agrees_with_rd_new():
    (x1, x2), (y1, y2) = to_rd([5.9, 5.905], [52.0, 52.002])
    assert metres_between(5.9, 52.0, 5.905, 52.002) == pytest.approx(math.hypot(x2 - x1, y2 - y1), rel=5e-3)
    lon, lat = to_wgs84([155000.0], [463000.0])
    assert lon[0] == pytest.approx(5.3872, abs=1e-3) and lat[0] == pytest.approx(52.1552, abs=1e-3)
