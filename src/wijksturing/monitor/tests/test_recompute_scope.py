"""A recompute of one municipality touches only that municipality's derived rows (issue 12)."""

from wijksturing.monitor.models import AreaProfile, IndexValue, Observation, Origin, SimilarArea
from wijksturing.monitor.services import recompute


def _derived(code: str) -> dict:
    of = {"area__layout__municipality__code": code}
    return {
        "observations": sorted(Observation.objects.filter(**of).exclude(origin=Origin.IMPORTED)
                               .values_list("pk", "indicator_id", "area_id", "year", "value", "suppressed")),
        "suppressed": sorted(Observation.objects.filter(**of, origin=Origin.IMPORTED, suppressed=True)
                             .values_list("pk", flat=True)),
        "index": sorted(IndexValue.objects.filter(**of).values_list("pk", "area_id", "year", "value", "change_per_year")),
        "similar": sorted(SimilarArea.objects.filter(**of).values_list("pk", "area_id", "other_id", "rank", "distance")),
        "profiles": sorted(AreaProfile.objects.filter(**of).values_list("pk", "area_id", "features")),
    }


def test_recompute_of_one_municipality_leaves_the_other_alone(demo):
    arnhem, nijmegen = _derived("GM0202"), _derived("GM0268")
    assert arnhem["observations"] and arnhem["index"] and arnhem["similar"] and arnhem["profiles"]
    assert nijmegen["observations"] and nijmegen["similar"]

    run = recompute(municipality_codes=["GM0268"])

    assert run.status == "succeeded"
    assert _derived("GM0202") == arnhem  # same rows, same primary keys, same values
    after = _derived("GM0268")
    # Nijmegen's rows were rewritten (new primary keys) with the same figures
    assert {r[0] for r in after["observations"]}.isdisjoint({r[0] for r in nijmegen["observations"]})
    assert sorted(r[1:] for r in after["observations"]) == sorted(r[1:] for r in nijmegen["observations"])
    assert {r[0] for r in after["similar"]}.isdisjoint({r[0] for r in nijmegen["similar"]})
    assert sorted(r[1:] for r in after["similar"]) == sorted(r[1:] for r in nijmegen["similar"])
    assert sorted(r[1:] for r in after["index"]) == sorted(r[1:] for r in nijmegen["index"])


def test_national_recompute_gives_the_same_figures(demo):
    before = {code: _derived(code) for code in ("GM0202", "GM0268")}
    recompute()
    for code, rows in before.items():
        after = _derived(code)
        for part in ("observations", "index", "similar", "profiles"):
            assert sorted(r[1:] for r in after[part]) == sorted(r[1:] for r in rows[part]), (code, part)
