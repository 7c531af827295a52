"""The story index's candidates: postings bounded per key (big stories still hold), cosines
of one article with many as arrays."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storytrace.stories import find_stories
from storytrace.stories.features import Features, cosine
from storytrace.stories.postings import KEY_POSTINGS, KeyPostings, arrival_key
from storytrace.stories.vectors import TermArrays, Vocabulary
from tests.stories.test_stories import article


def features(article_id: str, *keys: str) -> Features:
    return Features(id=article_id, vector={}, keys=keys, day=None)


def test_a_key_keeps_only_its_latest_articles() -> None:
    postings = KeyPostings()
    ids = [f"a{i:03d}" for i in range(KEY_POSTINGS + 10)]
    for article_id in ids:
        postings.add(features(article_id, "quelbridge"))
    assert postings.candidates(features("new", "quelbridge")) == set(ids[-KEY_POSTINGS:])


def test_candidates_are_the_union_over_keys_without_the_article_itself() -> None:
    postings = KeyPostings()
    postings.add(features("a", "k1"))
    postings.add(features("b", "k2"))
    postings.add(features("c", "k3"))
    assert postings.candidates(features("a", "k1", "k2")) == {"b"}


def test_arrival_is_by_day_then_id_undated_last() -> None:
    keys = [
        arrival_key("b", date(2024, 1, 2)),
        arrival_key("a", None),
        arrival_key("c", date(2024, 1, 1)),
        arrival_key("a", date(2024, 1, 2)),
    ]
    assert sorted(keys) == [keys[2], keys[3], keys[0], keys[1]]


def test_a_story_larger_than_the_postings_bound_stays_one_story() -> None:
    start = date(2024, 3, 1)
    size = 3 * KEY_POSTINGS
    pile = [
        article(f"q{i:03d}", 0, (start + timedelta(days=i % 20)).isoformat(), variant=i)
        for i in range(size)
    ] + [article(f"m{i:03d}", 1, start.isoformat(), variant=i) for i in range(5)]
    stories = sorted(len(story.articles) for story in find_stories(pile))
    assert stories == [5, size]


vectors = st.dictionaries(
    st.sampled_from([f"t{n}" for n in range(30)]), st.floats(0.01, 1.0), min_size=1, max_size=12
)


@given(st.lists(vectors, min_size=2, max_size=8))
def test_array_cosines_equal_the_pairwise_cosine(raw: list[dict[str, float]]) -> None:
    normalised = [{t: w / math.sqrt(sum(x * x for x in v.values())) for t, w in v.items()}
                  for v in raw]  # fmt: skip
    arrays = TermArrays()
    for n, vector in enumerate(normalised[1:]):
        arrays.add(f"a{n}", vector)
    others = [f"a{n}" for n in reversed(range(len(normalised) - 1))]
    found = arrays.cosines(normalised[0], others).tolist()
    expected = [cosine(normalised[0], normalised[1 + int(o[1:])]) for o in others]
    assert found == pytest.approx(expected, abs=1e-12)


def test_array_cosines_hold_past_the_initial_sizes() -> None:
    arrays = TermArrays()
    count = 3000
    for n in range(count):
        arrays.add(f"a{n}", {f"t{n}": 0.6, f"u{n % 7}": 0.8})
    found = arrays.cosines({"t2999": 0.6, "u3": 0.8}, ["a2999", "a3", "a10", "a0"]).tolist()
    assert found == pytest.approx([1.0, 0.64, 0.64, 0.0])


@given(st.lists(vectors, min_size=2, max_size=2))
def test_compact_vectors_read_and_multiply_as_their_dicts(raw: list[dict[str, float]]) -> None:
    vocabulary = Vocabulary()
    left, right = (vocabulary.compact(vector) for vector in raw)
    assert dict(left) == raw[0] and left == raw[0]
    assert "absent" not in left
    assert cosine(left, right) == cosine(raw[0], raw[1]) == cosine(left, raw[1])
