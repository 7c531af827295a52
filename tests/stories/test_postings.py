"""The story index's candidate postings: bounded per key, and big stories still hold."""

from __future__ import annotations

from datetime import date, timedelta

from storytrace.stories import find_stories
from storytrace.stories.features import Features
from storytrace.stories.postings import KEY_POSTINGS, KeyPostings, arrival_key
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
