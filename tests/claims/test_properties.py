"""Property tests: offsets always point into the text, bad input never crashes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storytrace.claims import extract
from storytrace.claims.numbers import find_numbers
from storytrace.model import Article

_PIECES = st.sampled_from(
    [
        "at least 164", "more than 160", "nearly 8,000", "just over 2,000", "dozens", "scores",
        "more than a dozen", "two", "hundreds", "a quarter of the population", "13 killed",
        "1,000,000", "1.5 million", "٣", "XIV", "“", "”", '"', "«", "\n", "\n\n", " ", ", ",
        ".", "people were killed", "arrested", "he said", "said Ana Brel", "troops",
        "in 2009", "aged 45", "18:07", "555-123-4567", "withdrew a statement", "Monday",
        "| 12 | 13 |", "- 4 killed", "according to police", "CSTO", "(CSTO)", "Tokayev",
    ]
)  # fmt: skip
_TEXT = st.lists(_PIECES | st.text(max_size=8), max_size=40).map(" ".join)


def _check(article: Article) -> None:
    result = extract([article], ner=None)
    for claim in result.claims:
        start, end = claim.span
        assert 0 <= start <= end <= len(article.text)
        assert article.text[start:end] == claim.text
    for quote in result.quotes:
        start, end = quote.span
        assert 0 <= start <= end <= len(article.text)
        assert article.text[start:end] == quote.text
    for entity in result.entities:
        for mention in entity.mentions:
            assert 0 <= mention.span[0] <= mention.span[1] <= len(article.text)


@given(_TEXT)
def test_offsets_in_bounds_on_generated_text(text: str) -> None:
    _check(Article(id="x", source="x", text=text, published="2022-01-10"))


@given(st.text(max_size=200))
def test_numbers_never_crash_and_stay_in_bounds(text: str) -> None:
    for number in find_numbers(text):
        assert 0 <= number.start < number.end <= len(text)


@pytest.mark.parametrize(
    "text",
    [
        "| Region | Killed |\n| North | 1,000,000 |\n| South | ٣ |",
        "- 12 killed\n- 1.5 million displaced\n- XIV arrested",
        "“" + "word " * 5000 + "said Ana Brel",
        "no punctuation at all 12 killed more than 160 arrested he said “yes",
        "”" * 50 + "“" * 50,
        "",
    ],
)
def test_bad_input(text: str) -> None:
    _check(Article(id="bad", source="bad", text=text))
