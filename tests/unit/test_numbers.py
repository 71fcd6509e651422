"""Typed numbers are read whole or refused whole (issue 20, point 1)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bilan_tui.domain.numbers import (
    NumberError,
    NumberProblem,
    format_number,
    parse_decimal,
    parse_number,
    parse_year,
)

NNBSP = "\u202f"
NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1700", 1700),
        ("1 700", 1700),
        (f"1{NNBSP}700", 1700),
        (f"1{NBSP}700", 1700),
        ("1 700 000", 1_700_000),
        ("1 700,50", 1700.5),
        ("1 700,00", 1700),
        ("1700 €", 1700),
        ("1 700 €", 1700),
        (f"1{NNBSP}700{NNBSP}€", 1700),
        ("1700€", 1700),
        ("€1700", 1700),
        ("1 700 euros", 1700),
        ("1,5", 1.5),
        ("1.5", 1.5),
        ("0,125", 0.125),
        ("1.700,50", 1700.5),
        ("1,700.50", 1700.5),
        ("1.700.000", 1_700_000),
        ("  42  ", 42),
        ("-3", -3),
        ("\u22123", -3),
        ("+3", 3),
        ("-1 700 €", -1700),
        ("-0", 0),
        ("0", 0),
    ],
)
def test_usual_forms_are_read_whole(text: str, number: int | float) -> None:
    value = parse_number(text)
    assert value == number
    assert type(value) is type(number), "whole numbers stay int, the rest float"


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "1 7",  # the start of "1 700": not a number yet, and never 1
        "1 70",
        "17 00",
        "1 0000",
        "1,",
        ",5",
        "1,5,0",
        "1 700.000,50",
        "12abc",
        "abc",
        "1e3",
        "inf",
        "nan",
        "1_000",
        "\u0661\u0662",  # Arabic-Indic digits
        "--3",
        "€",
        "1 700 $",
        "1/2",
        "0x10",
    ],
)
def test_anything_else_is_refused_whole(text: str) -> None:
    with pytest.raises(NumberError) as caught:
        parse_number(text)
    assert caught.value.problem is NumberProblem.INVALID


@pytest.mark.parametrize("text", ["1,700", "1.700", "12,500", "100.000"])
def test_one_separator_before_three_digits_is_ambiguous(text: str) -> None:
    with pytest.raises(NumberError) as caught:
        parse_number(text)
    assert caught.value.problem is NumberProblem.AMBIGUOUS


def test_too_many_digits_are_refused_rather_than_rounded() -> None:
    assert parse_number("123456789012345") == 123456789012345
    with pytest.raises(NumberError) as caught:
        parse_number("1234567890123456")
    assert caught.value.problem is NumberProblem.TOO_LONG
    with pytest.raises(NumberError):
        parse_number("1" * 400)


def test_decimals_are_exact() -> None:
    assert parse_decimal("1 700,05") == Decimal("1700.05")
    assert parse_number("0,1") == 0.1


@pytest.mark.parametrize(("text", "year"), [("2015", 2015), (" 1987 ", 1987), ("950", 950)])
def test_a_year_is_its_digits(text: str, year: int) -> None:
    assert parse_year(text) == year


@pytest.mark.parametrize("text", ["", "2 015", "2015,5", "'15", "20155", "-2015", "deux"])
def test_anything_else_is_not_a_year(text: str) -> None:
    with pytest.raises(NumberError):
        parse_year(text)


@pytest.mark.parametrize("value", [0, 7, 120, 1700, 50_000, 1_234_567, -1700, 1.5, 1700.5, -0.25])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_formatted_number_reads_back_as_itself(value: int | float, language: str) -> None:
    assert parse_number(format_number(value, language)) == value


def test_french_groups_thousands_with_a_narrow_space_and_english_does_not() -> None:
    assert format_number(50_000, "fr") == f"50{NNBSP}000"
    assert format_number(1700.5, "fr") == f"1{NNBSP}700,5"
    assert format_number(50_000, "en") == "50000"
