"""The Spark job's story candidate pairs are the pairs the library's ``KeyPostings`` makes.

Random members (keys from a small set, so keys overflow a lowered postings bound; some
undated), candidate pairs from ``spark.stories._key_pairs`` against the pairs
``KeyPostings`` finds when the members arrive in ``arrival_key`` order.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

import pytest

from storytrace.spark import stories as spark_stories
from storytrace.stories import postings
from storytrace.stories.features import Features
from storytrace.stories.postings import KeyPostings, arrival_key

pytestmark = [pytest.mark.spark, pytest.mark.slow, pytest.mark.xdist_group("spark")]

BOUND = 4


def _members(seed: int, count: int) -> list[Features]:
    rng = random.Random(seed)
    start = date(2024, 1, 1)
    keys = [f"k{n}" for n in range(8)]
    return [
        Features(
            id=f"a{rng.randrange(10**6):06d}-{n}",
            vector={},
            keys=tuple(rng.sample(keys, rng.randint(1, 3))),
            day=None if rng.random() < 0.15 else start + timedelta(days=rng.randrange(40)),
        )
        for n in range(count)
    ]


def _library_pairs(members: list[Features]) -> set[tuple[str, str]]:
    index = KeyPostings()
    found: set[tuple[str, str]] = set()
    for member in sorted(members, key=lambda m: arrival_key(m.id, m.day)):
        found.update((min(member.id, o), max(member.id, o)) for o in index.candidates(member))
        index.add(member)
    return found


def test_key_pairs_equal_the_librarys_postings(spark: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(postings, "KEY_POSTINGS", BOUND)
    monkeypatch.setattr(spark_stories, "KEY_POSTINGS", BOUND)
    members = _members(seed=5, count=90)
    rows = [(m.id, list(m.keys), m.day.toordinal() if m.day else None) for m in members]
    frame = spark.createDataFrame(rows, "id string, keys array<string>, day long")
    distributed = {(row.a, row.b) for row in spark_stories._key_pairs(frame).collect()}
    expected = _library_pairs(members)
    unbounded = {(a.id, b.id) for a in members for b in members if a.id < b.id
                 and set(a.keys) & set(b.keys)}  # fmt: skip
    assert len(expected) < len(unbounded) / 2  # the bound is exercised
    assert distributed == expected
