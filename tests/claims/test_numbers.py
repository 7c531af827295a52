"""Numbers: values, ranges, vague words, and the roles that keep years and ages out."""

from __future__ import annotations

import pytest

from storytrace.claims.numbers import find_numbers


def _quantities(text: str) -> list[tuple[str, float, float | None]]:
    return [
        (text[n.start : n.end], n.low, n.high) for n in find_numbers(text) if n.role == "quantity"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nearly 8,000 held", [("8,000", 8000, 8000)]),
        ("1,000,000 votes", [("1,000,000", 1_000_000, 1_000_000)]),
        ("1.5 million people", [("1.5 million", 1_500_000, 1_500_000)]),
        ("35m devices, 2.8bn km", [("35m", 35e6, 35e6), ("2.8bn", 2.8e9, 2.8e9)]),
        ("twenty-five boats", [("twenty-five", 25, 25)]),
        ("two hundred boats", [("two hundred", 200, 200)]),
        ("a dozen boats", [("a dozen", 12, 12)]),
        ("dozens of boats", [("dozens", 24, 99)]),
        ("scores of boats", [("scores", 40, 99)]),
        ("hundreds of boats", [("hundreds", 200, 999)]),
        ("four to five thousand boats", [("four to five thousand", 4000, 5000)]),
        ("between 3 and 5 boats", [("3 and 5", 3, 5)]),
        ("٣ boats", [("٣", 3, 3)]),
        ("a quarter of the fleet", [("a quarter", 0.25, 0.25)]),
    ],
)
def test_values(text: str, expected: list[tuple[str, float, float | None]]) -> None:
    assert _quantities(text) == expected


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("It happened in 2009.", "year"),
        ("the 81-year-old ex-president", "age"),
        ("Ana Brel, 45, was hurt", "age"),
        ("at 18:07 local time", "time"),
        ("until Jan. 19 at least", "date"),
        ("on 10.01.22 the", "date"),
        ("call 555-123-4567", "phone"),
        ("a neighbour called 911 after the shots", "phone"),
        ("in the 999 call he said", "phone"),
        ("in the 500 block of Elm", "address"),
        ("the S&P 500 index", "name"),
    ],
)
def test_roles_that_are_not_counts(text: str, role: str) -> None:
    roles = {n.role for n in find_numbers(text)}
    assert role in roles
    assert "quantity" not in roles


def test_roman_numerals_are_not_numbers() -> None:
    assert find_numbers("World War II and Louis XIV") == []


def test_percent_and_currency_units() -> None:
    units = [n.unit for n in find_numbers("rose 60% to $5 billion and 10 euros")]
    assert units == ["%", "USD", "EUR"]


def test_precision_follows_the_written_numeral() -> None:
    assert [n.precision for n in find_numbers("8,000 and 164 and 1,200")] == [1000, 1, 100]


def test_compound_number_words_units_against_digits_and_scales() -> None:
    def values(text: str) -> list[tuple[str, float, str]]:
        return [(text[n.start : n.end], n.low, n.role) for n in find_numbers(text)]

    text = "There are twenty-eight thousand six hundred forty-two seats."
    assert values(text) == [("twenty-eight thousand six hundred forty-two", 28642, "quantity")]
    assert values("two hundred and fifty people")[0][1] == 250
    assert [n.high for n in find_numbers("between two and three people")] == [3]  # a range
    assert values("the Roadster's 640bhp engine") == [("640", 640, "quantity")]
    assert values("its Nexa 2.4GHz chip") == [("2.4", 2.4, "quantity")]
    assert values("Norway's 9 billion krone fund")[0][2] == "quantity"


def test_multipliers_vulgar_fractions_currency_codes_and_dashed_dates() -> None:
    def values(text: str) -> list[tuple[str, float, str | None, str]]:
        return [(text[n.start : n.end], n.low, n.unit, n.role) for n in find_numbers(text)]

    assert values("exports grew fourfold") == [("fourfold", 4, None, "quantity")]
    assert values("a 3-fold rise") == [("3-fold", 3, None, "quantity")]
    assert values("he walked 2½ miles") == [("2½", 2.5, None, "quantity")]
    assert values("sold for NZD2.5m") == [("NZD2.5m", 2_500_000, "NZD", "quantity")]
    assert {n.role for n in find_numbers("filed on 2023-04-09 in court")} == {"date"}
    assert "quantity" not in {n.role for n in find_numbers("the 2019-20 season")}
    assert "quantity" not in {n.role for n in find_numbers("a 5-4 win at home")}  # a score
