"""The story index's term vectors as arrays: one article's cosines with many others at once.

``features.cosine`` scores one pair in Python (about 50 microseconds for two news-length
vectors); the index scores each arriving article against every candidate its keys find
(hundreds), which made that loop most of the stage's time (10,000 generated articles: 2.4 M
pairs, 128 of 149 CPU s). ``TermArrays`` keeps every vector as interned term ids and
weights and takes the dot products of one vector with many in one numpy pass.

The sums here are numpy's, so they may differ from ``features.cosine`` (an exactly rounded
``math.fsum``) in the last bit; the index uses them only to drop pairs that cannot reach
their bar (``StoryIndex._could_link``, with room for rounding) and scores the rest with
``link_margin``, so its decisions rest on the same numbers as every other caller's.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from storytrace.stories.features import Vector

__all__ = ["TermArrays"]

_INITIAL_TERMS = 1 << 14
_INITIAL_ROWS = 1 << 10


class TermArrays:
    """Interned term vectors, by article id.

    Example:
        >>> arrays = TermArrays()
        >>> arrays.add("a1", {"quelbridge": 0.8, "reservoir": 0.6})
        >>> arrays.cosines({"quelbridge": 1.0}, ["a1"]).tolist()
        [0.8]
    """

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self._row: dict[str, int] = {}
        self._starts = np.zeros(_INITIAL_ROWS, dtype=np.int64)
        self._rows = 0
        self._terms = np.zeros(_INITIAL_TERMS, dtype=np.int32)
        self._weights = np.zeros(_INITIAL_TERMS, dtype=np.float64)
        self._lookup = np.zeros(_INITIAL_TERMS, dtype=np.float64)

    def add(self, article_id: str, vector: Vector) -> None:
        """Keep an article's vector (appended to flat arrays of every vector's entries)."""
        start = int(self._starts[self._rows])
        stop = start + len(vector)
        if self._rows + 2 > len(self._starts):
            self._starts = np.resize(self._starts, 2 * len(self._starts))
        if stop > len(self._terms):
            size = max(stop, 2 * len(self._terms))
            self._terms = np.resize(self._terms, size)
            self._weights = np.resize(self._weights, size)
        ids = (self._ids.setdefault(term, len(self._ids)) for term in vector)
        self._terms[start:stop] = np.fromiter(ids, dtype=np.int32, count=len(vector))
        self._weights[start:stop] = np.fromiter(vector.values(), dtype=np.float64)
        self._row[article_id] = self._rows
        self._rows += 1
        self._starts[self._rows] = stop

    def cosines(self, vector: Vector, others: Sequence[str]) -> npt.NDArray[np.float64]:
        """Dot products of ``vector`` with the kept vectors of ``others`` (normalised vectors:
        cosines), in order."""
        if not others:
            return np.zeros(0, dtype=np.float64)
        if len(self._ids) > len(self._lookup):
            self._lookup = np.zeros(max(len(self._ids), 2 * len(self._lookup)), dtype=np.float64)
        mine = [(self._ids[term], weight) for term, weight in vector.items() if term in self._ids]
        at = np.array([term for term, _ in mine], dtype=np.int64)
        self._lookup[at] = [weight for _, weight in mine]
        rows = np.array([self._row[other] for other in others], dtype=np.int64)
        starts = self._starts[rows]
        lengths = self._starts[rows + 1] - starts
        owner = np.repeat(np.arange(len(rows)), lengths)
        entries = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths) + np.arange(
            int(lengths.sum())
        )
        products = self._lookup[self._terms[entries]] * self._weights[entries]
        self._lookup[at] = 0.0
        return np.bincount(owner, weights=products, minlength=len(rows)).astype(np.float64)
