import json

import numpy as np
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, box, shape

from wijksturing.core.spatial import PointIndex, area_hectares, to_rd, to_wgs84
from wijksturing.core.tests.shared_data import absent, data_file

BUURTEN = data_file("geo", "buurten_arnhem_nijmegen.geojson")


def brute_force(geoms, ids, x, y, predicate="covers"):
    """For every point, the lowest id among the geometries that cover (or contain) it."""
    out = []
    for px, py in zip(x, y):
        p = Point(px, py)
        hits = sorted(i for g, i in zip(geoms, ids) if getattr(g, predicate)(p))
        out.append(hits[0] if hits else None)
    return out


def test_shared_boundary_goes_to_first_id_whatever_the_order():
    left, right = box(0, 0, 1, 1), box(1, 0, 2, 1)
    for geoms, ids in (([left, right], ["BU2", "BU1"]), ([right, left], ["BU1", "BU2"])):
        index = PointIndex(geoms, ids)
        assert index.lookup_one(1.0, 0.5) == "BU1"  # on the shared edge
        assert index.lookup(np.array([0.5, 1.5, 5.0]), np.array([0.5, 0.5, 5.0])).tolist() == [
            ids[geoms.index(left)],
            ids[geoms.index(right)],
            None,
        ]


def test_empty_inputs():
    index = PointIndex([box(0, 0, 1, 1)], ["a"])
    assert index.lookup(np.array([]), np.array([])).shape == (0,)
    assert PointIndex([], []).lookup_one(0.5, 0.5) is None
    with pytest.raises(ValueError):
        PointIndex([box(0, 0, 1, 1)], [])


boxes = st.tuples(st.integers(0, 8), st.integers(0, 8), st.integers(1, 4), st.integers(1, 4)).map(
    lambda t: box(t[0], t[1], t[0] + t[2], t[1] + t[3])
)
triangles = (
    st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12)), min_size=3, max_size=3)
    .map(lambda pts: shapely.Polygon(pts))
    .filter(lambda p: p.is_valid and p.area > 0)
)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.one_of(boxes, triangles), min_size=1, max_size=8),
    st.lists(st.tuples(st.floats(-1, 13), st.floats(-1, 13)), max_size=40),
    st.lists(st.tuples(st.integers(-1, 13), st.integers(-1, 13)), max_size=20),
    st.randoms(use_true_random=False),
)
def test_agrees_with_brute_force(geoms, float_points, grid_points, rnd):
    ids = [f"BU{n:02d}" for n in range(len(geoms))]
    rnd.shuffle(ids)
    pts = float_points + [(float(a), float(b)) for a, b in grid_points]  # grid: many on edges
    x = np.array([p[0] for p in pts], dtype=float)
    y = np.array([p[1] for p in pts], dtype=float)
    got = PointIndex(geoms, ids).lookup(x, y).tolist()
    assert got == brute_force(geoms, ids, x, y)


@pytest.mark.skipif(not BUURTEN.exists(), reason=absent(BUURTEN))
def test_real_buurten_agree_with_contains_loop():
    features = json.loads(BUURTEN.read_text())["features"]
    geoms = [shape(f["geometry"]) for f in features]
    ids = [f["properties"]["statcode"] for f in features]
    index = PointIndex(geoms, ids)
    minx, miny, maxx, maxy = shapely.total_bounds(geoms)
    rng = np.random.default_rng(42)
    x, y = rng.uniform(minx, maxx, 2000), rng.uniform(miny, maxy, 2000)
    assert index.lookup(x, y).tolist() == brute_force(geoms, ids, x, y, predicate="contains")
    # a point inside every buurt (representative point) is found in that buurt
    reps = shapely.point_on_surface(geoms)
    found = index.lookup(shapely.get_x(reps), shapely.get_y(reps)).tolist()
    assert found == ids


def test_rd_round_trip_and_known_point():
    # Amersfoort, the origin of RD: (155000, 463000) ≈ (5.38721, 52.15517)
    x, y = to_rd(5.387206, 52.155172)
    assert abs(x - 155_000) < 1 and abs(y - 463_000) < 1
    lon, lat = to_wgs84(np.array([155_000.0, 190_000.0]), np.array([463_000.0, 444_000.0]))
    x2, y2 = to_rd(lon, lat)
    np.testing.assert_allclose(x2, [155_000.0, 190_000.0], atol=1e-3)
    np.testing.assert_allclose(y2, [463_000.0, 444_000.0], atol=1e-3)


def test_area_hectares():
    lon, lat = to_wgs84(
        np.array([190_000.0, 191_000.0, 191_000.0, 190_000.0]),
        np.array([444_000.0, 444_000.0, 445_000.0, 445_000.0]),
    )
    square_km = shapely.Polygon(list(zip(lon, lat)))
    assert area_hectares(square_km) == pytest.approx(100.0, rel=1e-4)  # 1 km² = 100 ha
    both = area_hectares(np.array([square_km, square_km]))
    np.testing.assert_allclose(both, [100.0, 100.0], rtol=1e-4)


@pytest.mark.skipif(not BUURTEN.exists(), reason=absent(BUURTEN))
def test_area_hectares_matches_published_approximation():
    features = json.loads(BUURTEN.read_text())["features"]
    for f in features[:20]:
        ha = area_hectares(shape(f["geometry"]))
        assert ha == pytest.approx(f["properties"]["opp_ha_benadering"], abs=1.0)
