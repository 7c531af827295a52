"""The story index's term vectors: compact, and one article's cosines with many at once.

A term vector as a dict of strings costs about 14 KB for a news article; the index keeps
one per article, so that was most of its memory. ``Vocabulary.compact`` turns it into a
``CompactVector`` (sorted term ids and weights over a vocabulary the index shares, about
1.5 KB), a read-only mapping that ``cosine`` multiplies without the strings.

``cosine`` scores one pair in Python (about 50 microseconds for two news-length
vectors); the index scores each arriving article against every candidate its keys find
(hundreds), which made that loop most of the stage's time (10,000 generated articles: 2.4 M
pairs, 128 of 149 CPU s). ``TermArrays`` keeps every vector as interned term ids and
weights and takes the dot products of one vector with many in one numpy pass.

``cosine`` sums with ``math.fsum`` (exactly rounded, so the order of the products does not
matter and a dict and a compact vector give the same number). ``TermArrays`` sums with
numpy, so it may differ from ``cosine`` in the last bit; the index uses its sums only to
drop pairs that cannot reach their bar (``StoryIndex._could_link``, with room for
rounding) and scores the rest with ``link_margin``, so its decisions rest on the same
numbers as every other caller's.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence

import numpy as np
import numpy.typing as npt

__all__ = ["CompactVector", "TermArrays", "Vector", "Vocabulary", "cosine"]

Vector = Mapping[str, float]

_INITIAL_TERMS = 1 << 14
_INITIAL_ROWS = 1 << 10


class Vocabulary:
    """Term ids shared by the compact vectors of one index."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.terms: list[str] = []

    def id_of(self, term: str) -> int:
        """The term's id, given on first sight."""
        found = self.ids.get(term)
        if found is None:
            found = self.ids[term] = len(self.terms)
            self.terms.append(term)
        return found

    def compact(self, vector: Vector) -> CompactVector:
        """``vector`` as a ``CompactVector`` over this vocabulary."""
        if isinstance(vector, CompactVector) and vector.vocabulary is self:
            return vector
        ids = np.fromiter((self.id_of(term) for term in vector), dtype=np.int32, count=len(vector))
        weights = np.fromiter(vector.values(), dtype=np.float64, count=len(vector))
        order = np.argsort(ids)
        return CompactVector(self, ids[order], weights[order])


class CompactVector(Mapping[str, float]):
    """A read-only term vector: sorted term ids and their weights over a ``Vocabulary``.

    Example:
        >>> vocabulary = Vocabulary()
        >>> vector = vocabulary.compact({"reservoir": 0.6, "quelbridge": 0.8})
        >>> vector["quelbridge"], len(vector), sorted(vector)
        (0.8, 2, ['quelbridge', 'reservoir'])
    """

    __slots__ = ("ids", "vocabulary", "weights")

    def __init__(
        self,
        vocabulary: Vocabulary,
        ids: npt.NDArray[np.int32],
        weights: npt.NDArray[np.float64],
    ) -> None:
        self.vocabulary = vocabulary
        self.ids = ids
        self.weights = weights

    def __getitem__(self, term: str) -> float:
        found = self.vocabulary.ids.get(term)
        if found is not None:
            at = int(np.searchsorted(self.ids, found))
            if at < len(self.ids) and self.ids[at] == found:
                return float(self.weights[at])
        raise KeyError(term)

    def __iter__(self) -> Iterator[str]:
        terms = self.vocabulary.terms
        return (terms[i] for i in self.ids.tolist())

    def __len__(self) -> int:
        return len(self.ids)


def cosine(a: Vector, b: Vector) -> float:
    """Cosine of two normalised sparse vectors, exactly rounded (``math.fsum``), so it does
    not depend on which side is iterated, in what order, or how the vectors are held."""
    if isinstance(a, CompactVector) and isinstance(b, CompactVector):
        return _compact_cosine(a, b)
    return _mapping_cosine(a, b)


def _compact_cosine(a: CompactVector, b: CompactVector) -> float:
    if a.vocabulary is not b.vocabulary:
        return _mapping_cosine(a, b)
    _, left, right = np.intersect1d(a.ids, b.ids, assume_unique=True, return_indices=True)
    return math.fsum((a.weights[left] * b.weights[right]).tolist())


def _mapping_cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return math.fsum(w * b[t] for t, w in a.items() if t in b)


class TermArrays:
    """Interned term vectors, by article id.

    Example:
        >>> arrays = TermArrays()
        >>> arrays.add("a1", {"quelbridge": 0.8, "reservoir": 0.6})
        >>> arrays.cosines({"quelbridge": 1.0}, ["a1"]).tolist()
        [0.8]
    """

    def __init__(self, vocabulary: Vocabulary | None = None) -> None:
        self._vocabulary = vocabulary or Vocabulary()
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
        compact = self._vocabulary.compact(vector)
        self._terms[start:stop] = compact.ids
        self._weights[start:stop] = compact.weights
        self._row[article_id] = self._rows
        self._rows += 1
        self._starts[self._rows] = stop

    def cosines(self, vector: Vector, others: Sequence[str]) -> npt.NDArray[np.float64]:
        """Dot products of ``vector`` with the kept vectors of ``others`` (normalised vectors:
        cosines), in order."""
        if not others:
            return np.zeros(0, dtype=np.float64)
        known = len(self._vocabulary.terms)
        if known > len(self._lookup):
            self._lookup = np.zeros(max(known, 2 * len(self._lookup)), dtype=np.float64)
        if isinstance(vector, CompactVector) and vector.vocabulary is self._vocabulary:
            at, weights = vector.ids.astype(np.int64), vector.weights
        else:
            ids = self._vocabulary.ids
            mine = [(ids[term], weight) for term, weight in vector.items() if term in ids]
            at = np.array([term for term, _ in mine], dtype=np.int64)
            weights = np.array([weight for _, weight in mine], dtype=np.float64)
        self._lookup[at] = weights
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
