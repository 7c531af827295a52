"""Normalisation is idempotent and folds what copies change; word spans point into the text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storytrace.text.normalise import normalise, words


def test_typography_case_and_spaces_are_folded() -> None:
    assert normalise("  “Coup d’État” —\tＡＢＣ \n") == '"coup d\'état" - abc'
    assert normalise("Straße") == normalise("STRASSE")
    assert normalise("«Да» – сказал") == '"да" - сказал'


def test_spun_copies_compare_equal_after_folding() -> None:
    assert normalise("The ‘attempted coup’ — said  he.") == normalise(
        "the 'attempted coup' - said he."
    )


@given(st.text())
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


def test_words_keep_inner_punctuation() -> None:
    text = "Kazakhstan’s 1.5 million, 8,000 ex-Soviet troops... end."
    assert [text[s:e] for s, e in words(text)] == [
        "Kazakhstan’s",
        "1.5",
        "million",
        "8,000",
        "ex-Soviet",
        "troops",
        "end",
    ]


@given(st.text())
def test_word_spans_are_ordered_and_in_bounds(text: str) -> None:
    previous_end = 0
    for start, end in words(text):
        assert previous_end <= start < end <= len(text)
        assert text[start:end].strip() == text[start:end]
        previous_end = end
