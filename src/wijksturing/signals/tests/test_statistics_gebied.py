"""handling_statistics limited to one gebied (used by the gebiedsrapportage, issue 10)."""

from wijksturing.signals.selectors import handling_statistics
from wijksturing.signals.tests.conftest import IN_G1, IN_G2


def test_statistics_of_one_gebied(make_signal, municipality):
    make_signal(slug="boom", point=IN_G1)
    make_signal(slug="boom", point=IN_G1)
    make_signal(slug="dumping", point=IN_G2)
    total = {code: rows[-1]["signals"] for code, rows in (
        ("G1", handling_statistics(municipality_code="GM9999", gebied_code="G1")),
        ("G2", handling_statistics(municipality_code="GM9999", gebied_code="G2")),
        (None, handling_statistics(municipality_code="GM9999")))}
    assert total == {"G1": 2, "G2": 1, None: 3}
    assert handling_statistics(municipality_code="GM9999", gebied_code="G9") == []
