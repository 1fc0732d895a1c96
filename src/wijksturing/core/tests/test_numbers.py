"""The one number parser and formatter: hand-written expectations for what people type, and
properties (what is written for people or machines reads back as the same number)."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wijksturing.core.numbers import (
    NumberError,
    decimal_convention,
    display,
    machine,
    money_display,
    parse_amount,
    parse_decimal,
    parse_number,
    percent_display,
)

D = Decimal


@pytest.mark.parametrize(("text", "expected"), [
    ("1250,50", D("1250.50")),      # issue 14: was stored as 125.050,00
    ("1.250,50", D("1250.50")),     # issue 14: was refused
    ("€ 1.250", D("1250.00")),
    ("€1.250,-", D("1250.00")),
    ("1250.50", D("1250.50")),
    ("1,250.50", D("1250.50")),
    ("1.234", D("1234.00")),        # Dutch thousands in an amount
    ("1.234.567,89", D("1234567.89")),
    ("12,5", D("12.50")),
    ("0,99", D("0.99")),
    ("  950 ", D("950.00")),
    ("1\u00a0250,50", D("1250.50")),
    ("EUR 75", D("75.00")),
])
def test_amounts_read_as_a_dutch_user_types_them(text, expected):
    assert parse_amount(text) == expected


@pytest.mark.parametrize(("text", "code"), [
    ("1,234", "ambiguous"),          # 1234 (English) or € 1,234 (three decimals)
    ("12,345", "ambiguous"),
    ("1250,505", "too_many_decimals"),
    ("1.2.3", "not_a_number"),
    ("12.50.00", "not_a_number"),
    ("1.250.5", "not_a_number"),
    ("1,25.0", "not_a_number"),
    ("abc", "not_a_number"),
    ("12 euro 50", "not_a_number"),
    ("1e5", "not_a_number"),
    ("NaN", "not_a_number"),
    ("-5", "negative"),
])
def test_amounts_that_are_not_one_amount_for_sure_are_refused(text, code):
    with pytest.raises(NumberError) as error:
        parse_amount(text)
    assert error.value.code == code


@pytest.mark.parametrize("text", ["", "  ", "-", "–"])
def test_empty_and_dash_are_no_value(text):
    assert parse_amount(text) is None
    assert parse_number(text) is None


@pytest.mark.parametrize(("text", "decimal", "expected"), [
    ("1,5", None, 1.5),
    ("1.5", None, 1.5),
    ("-3,25", None, -3.25),
    ("\u22123,25", None, -3.25),
    ("1.234,56", None, 1234.56),
    ("1,234.56", None, 1234.56),
    ("1.234", ",", 1234.0),          # a Dutch file: thousands
    ("1.234", ".", 1.234),           # a file with decimal points
    ("1,234", ",", 1.234),
    ("1,234", ".", 1234.0),
    ("0.125", None, 0.125),          # "0" cannot start a group of thousands
    ("1234.567", None, 1234.567),    # four digits before the point: no grouping
    ("8258.9", None, 8258.9),
    ("17942942", None, 17942942.0),
])
def test_numbers(text, decimal, expected):
    assert parse_number(text, decimal=decimal) == expected


def test_a_lone_separator_before_three_digits_is_refused_without_a_convention():
    with pytest.raises(NumberError) as error:
        parse_number("1.234")
    assert error.value.code == "ambiguous"
    assert set(error.value.readings) == {D("1234"), D("1.234")}


def test_places_are_checked_not_rounded():
    assert parse_decimal("12,50", places=2) == D("12.50")
    assert parse_decimal("12,500", places=2, decimal=",") == D("12.500")  # trailing zero: same amount
    with pytest.raises(NumberError):
        parse_decimal("12,501", places=2, decimal=",")


def test_numbers_and_floats_pass_through():
    assert parse_amount(D("12.5")) == D("12.50")
    assert parse_number(2.5) == 2.5
    assert parse_number(float("nan")) is None
    assert parse_number(7) == 7.0


def test_decimal_convention_of_a_source():
    assert decimal_convention(["1.234", "12", "3,5"]) == ","
    assert decimal_convention(["1.234", "8258.9"]) == "."
    assert decimal_convention(["1.234", "17", ""]) is None
    with pytest.raises(NumberError):
        decimal_convention(["3,5", "8258.9"])


@pytest.mark.parametrize(("value", "places", "expected"), [
    (240.0, None, "240"),
    (240.5, None, "240.5"),
    (188.94736842105263, 1, "188.9"),
    (0.1 + 0.2, None, "0.30000000000000004"),
    (1e-7, None, "0.0000001"),
    (1e20, None, "100000000000000000000"),
    (-0.04, 1, "0"),
    (D("1250.50"), 2, "1250.5"),
    (3, None, "3"),
])
def test_machine(value, places, expected):
    assert machine(value, places) == expected


def test_display():
    assert display(1250.5, 2) == "1.250,50"
    assert display(1250.5, 2, lang="en") == "1,250.50"
    assert display(188.94736842105263, 1) == "188,9"
    assert display(-3.25, 1) == "\u22123,3"  # half up, away from zero
    assert display(None) == "–"
    assert display(float("nan")) == "–"
    assert display(-0.01, 1) == "0,0"
    assert money_display(D("1250.50")) == "€\u00a01.250,50"
    assert money_display(D("-12.5")) == "\u2212€\u00a012,50"
    assert percent_display(92.5) == "92,5%"
    assert percent_display(92.5, lang="en") == "92.5%"


amounts = st.decimals(min_value=D("0.01"), max_value=D("999999999.99"), places=2)


@settings(max_examples=300, deadline=None)
@given(amounts, st.sampled_from(["nl", "en"]))
def test_every_displayed_amount_reads_back_as_the_same_amount(amount, lang):
    text = display(amount, 2, lang=lang)
    assert parse_amount(text) == amount
    assert parse_amount(money_display(amount, lang=lang)) == amount


@settings(max_examples=300, deadline=None)
@given(amounts)
def test_amounts_typed_without_grouping_read_back(amount):
    plain = f"{amount:f}"
    assert parse_amount(plain) == amount
    assert parse_amount(plain.replace(".", ",")) == amount


@settings(max_examples=300, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12))
def test_machine_output_reads_back_exactly_in_any_convention(value):
    text = machine(value)
    assert "," not in text and "e" not in text.lower()
    assert float(text) == value
    assert parse_number(text, decimal=".") == value


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789.,€ -", max_size=12))
def test_the_parser_never_invents_an_amount(text):
    """Whatever is typed, the amount read (if any) is one of the readings of its digits: the
    digits in order, with the decimal point at one of the separators or at the end."""
    try:
        value = parse_amount(text)
    except NumberError:
        return
    if value is None:
        return
    digits = "".join(c for c in text if c.isdigit())
    assert value.quantize(D("0.01")) == value
    candidates = {D(digits)} | {D(digits[:i] + "." + digits[i:]) for i in range(len(digits))}
    assert abs(value) in {c.quantize(D("0.01")) for c in candidates if c == c.quantize(D("0.01"))}


def test_coordinates_have_no_thousands():
    from wijksturing.core.numbers import parse_coordinate

    assert parse_coordinate("52,005") == 52.005 and parse_coordinate("5.915") == 5.915
    assert parse_coordinate("") is None and parse_coordinate(5.5) == 5.5
    with pytest.raises(NumberError):
        parse_coordinate("5.9.1")
