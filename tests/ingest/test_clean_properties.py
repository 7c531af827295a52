"""Invariants of junk-line removal, checked on generated pages."""

from __future__ import annotations

from collections import Counter
from random import Random

from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.ingest.clean import LineStats, clean_document
from storytrace.model import Document

SENTENCES = [
    "The committee met on Monday and agreed to publish its report before the end of the month.",
    "Officials said the road would stay closed while engineers inspected the damaged section.",
    "A spokesperson for the company declined to comment on the figures released by the union.",
]
FURNITURE = ["Home", "Subscribe", "Related Posts", "12:30", "#one #two", "Image 1 of 4", "Weather"]
WORDS = st.sampled_from(["river", "Town", "the", "of", "council", "said", "2021", "vote", "—", "®"])
FREE_LINE = st.lists(WORDS, min_size=1, max_size=18).map(" ".join)
LINE = st.one_of(st.sampled_from(SENTENCES), st.sampled_from(FURNITURE), FREE_LINE, st.just(""))
PAGE = st.lists(LINE, min_size=1, max_size=14).map("\n".join)
SITE = st.sampled_from(["https://one.example.com/a", "https://two.example.org/b", None])


@st.composite
def documents(draw: st.DrawFn) -> Document:
    number = draw(st.integers(0, 10_000))
    return Document(
        id=f"d{number}",
        source=f"pile/d{number}.txt",
        format="text",
        text=draw(PAGE),
        url=draw(SITE),
    )


PILES = st.lists(documents(), min_size=1, max_size=5)
FAST = settings(max_examples=60, deadline=None)


def _nonblank(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


@FAST
@given(PILES)
def test_cleaning_is_idempotent(pile: list[Document]) -> None:
    stats = LineStats.from_documents(pile)
    for document in pile:
        once = clean_document(document, stats=stats)
        twice = clean_document(
            Document(
                id=document.id,
                source=document.source,
                format="text",
                text=once.text,
                url=document.url,
            ),
            stats=stats,
        )
        assert twice.text == once.text
        assert twice.removed_lines == ()


@FAST
@given(PILES)
def test_nothing_is_lost(pile: list[Document]) -> None:
    stats = LineStats.from_documents(pile)
    for document in pile:
        cleaned = clean_document(document, stats=stats)
        accounted = Counter(_nonblank(cleaned.text)) + Counter(cleaned.removed_lines)
        assert accounted == Counter(_nonblank(document.text))


@FAST
@given(PILES)
def test_deterministic(pile: list[Document]) -> None:
    first = [clean_document(d, stats=LineStats.from_documents(pile)) for d in pile]
    second = [clean_document(d, stats=LineStats.from_documents(pile)) for d in pile]
    assert first == second


@FAST
@given(PILES, st.randoms(use_true_random=False))
def test_document_order_does_not_matter(pile: list[Document], random: Random) -> None:
    shuffled = list(pile)
    random.shuffle(shuffled)
    forward, backward = LineStats.from_documents(pile), LineStats.from_documents(shuffled)
    for document in pile:
        assert clean_document(document, stats=forward) == clean_document(document, stats=backward)


@FAST
@given(PILES)
def test_a_page_with_prose_never_comes_out_empty(pile: list[Document]) -> None:
    """Content-bearing input (a prose line no other page repeats) keeps some text.

    A page without such a line may come out empty (it is all furniture); what it loses
    is still accounted for in ``removed_lines`` (``test_nothing_is_lost``).
    """
    stats = LineStats.from_documents(pile)
    elsewhere = Counter(line for d in pile for line in set(_nonblank(d.text)))
    for document in pile:
        cleaned = clean_document(document, stats=stats)
        prose = [line for line in _nonblank(document.text) if line in SENTENCES]
        if any(elsewhere[line] == 1 for line in prose):
            assert cleaned.text
        assert cleaned.text == cleaned.text.strip()
        assert "\n\n\n" not in cleaned.text
