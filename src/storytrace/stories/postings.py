"""The articles the story index compares a new one with: the latest few under each of its keys.

An index key (``Features.keys``: an article's heaviest rare terms and names) keeps only the
``KEY_POSTINGS`` articles that arrived last under it, so a new article is compared with at
most ``KEY_POSTINGS`` articles per key however large the pile grows. Without the bound, a
name in every hundredth article made the stage grow with the square of the pile (1,000 ->
10,000 generated articles: 43x the CPU). ``find_stories`` adds a pile in order of day
(``arrival_key``), so the articles kept are the ones nearest before in time; a story larger
than the bound still holds together, each article linking to its latest predecessors, and
the union-find chains them. GVA dev pair F1 is the same with the bound at 25, 50, 200 or
without it (0.774); in id order instead of day order a bound of 50 changes it by a hair.

The same rule is written as DataFrame joins in ``storytrace.spark.stories``: a rank per key
in arrival order, and the pairs at most ``KEY_POSTINGS`` ranks apart.
"""

from __future__ import annotations

from collections import defaultdict, deque
from datetime import date

from storytrace.stories.features import Features

__all__ = ["KEY_POSTINGS", "KeyPostings", "arrival_key"]

KEY_POSTINGS = 50
"""Articles each key keeps: the latest arrivals (GVA dev: no key holds more than a few
dozen articles of one incident; F1 flat from 25 up)."""


def arrival_key(article_id: str, day: date | None) -> tuple[bool, int, str]:
    """The order ``find_stories`` adds a pile in: by day, undated last, then id."""
    return (day is None, day.toordinal() if day else 0, article_id)


class KeyPostings:
    """The latest ``KEY_POSTINGS`` articles under each index key.

    Example:
        >>> postings = KeyPostings()
        >>> postings.add(features)  # doctest: +SKIP
        >>> postings.candidates(later)  # doctest: +SKIP
        {'a1'}
    """

    def __init__(self) -> None:
        self._postings: dict[str, deque[str]] = defaultdict(lambda: deque(maxlen=KEY_POSTINGS))

    def add(self, features: Features) -> None:
        """Post an article under its keys (the oldest posting of a full key drops out)."""
        for key in features.keys:
            self._postings[key].append(features.id)

    def candidates(self, features: Features) -> set[str]:
        """The articles posted under any of ``features``' keys now (itself excluded)."""
        found: set[str] = set()
        for key in features.keys:
            found.update(self._postings.get(key, ()))
        found.discard(features.id)
        return found
