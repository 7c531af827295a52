"""Hedges -> intervals: every documented rule on one example."""

from __future__ import annotations

import pytest

from storytrace.claims.hedges import find_hedge, interval
from storytrace.claims.numbers import find_numbers


def _interval(text: str, *, count: bool = True) -> tuple[str | None, tuple[float | None, ...]]:
    number = next(n for n in find_numbers(text) if n.role == "quantity")
    hedge = find_hedge(text, number)
    name = hedge.name if hedge else None
    return name, interval(number, name, count=count)


@pytest.mark.parametrize(
    ("text", "hedge", "expected"),
    [
        ("at least 164 died", "at_least", (164, None)),
        ("more than 160 died", "more_than", (161, None)),
        ("in excess of 164 died", "more_than", (165, None)),
        ("nearly 8,000 held", "nearly", (7500, 7999)),
        ("almost 400 hurt", "nearly", (360, 399)),
        ("just over 2,000 troops", "just_over", (2001, 2100)),
        ("just under 2,000 troops", "just_under", (1900, 1999)),
        ("about 9,000 left", "about", (8500, 9500)),
        ("up to 400 jobs", "at_most", (None, 400)),
        ("fewer than 30 boats", "less_than", (None, 29)),
        ("more than a dozen died", "more_than", (13, None)),
        ("27 or more died", "at_least", (27, None)),
        ("dozens died", None, (24, 99)),
        ("13 died", None, (13, 13)),
    ],
)
def test_hedge_rules(text: str, hedge: str | None, expected: tuple[float | None, ...]) -> None:
    assert _interval(text) == (hedge, expected)


def test_non_counts_keep_the_stated_bound() -> None:
    assert _interval("more than 4.5 percent", count=False)[1] == (4.5, None)


def test_hedge_span_covers_only_the_hedge_words() -> None:
    text = "officials said no less than 27 died"
    number = find_numbers(text)[0]
    hedge = find_hedge(text, number)
    assert hedge is not None
    assert text[hedge.start : hedge.end] == "no less than"
