"""Bounding candidate pairs: a margin over each article's background, a cap per article.

A pile of articles on one beat (one city's council news, one energy market) is
alike everywhere: every pair shares shingles, skeleton tokens and terms, and a
fixed threshold either lets every pair through (``N**2`` verifications) or
misses real copies elsewhere. So a candidate is judged against its own
neighbourhood, the way a bilingual sentence miner judges a pair against each
side's nearest neighbours (ratio margin, Artetxe & Schwenk 2019):

* ``background(i)`` is the mean of article ``i``'s ``k`` best candidate scores,
  missing neighbours counting 0 (an article with three copies and nothing else
  has a low background; one lost in a pile of look-alikes a high one);
* a pair is kept when its score reaches ``floor`` and either ``sure`` or
  ``margin`` times the larger background of its two sides;
* then each article keeps at most ``cap`` pairs, its best: a pair survives when
  it is in the best ``cap`` of either side (or of both, ``mutual``), so the
  pairs left are at most ``cap * N``, whatever the pile.

Pure numpy over index pairs and scores, free of any engine. Ties are broken by
the pair itself, so the result does not depend on input order.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = ["Bound", "agreement", "neighbourhood", "prune", "stands_out", "within_cap"]

Pairs = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True, kw_only=True)
class Bound:
    """How a candidate generator's pairs are bounded (see the module docstring)."""

    floor: float
    sure: float
    margin: float
    k: int = 10
    cap: int = 10
    mutual: bool = False


def agreement(signatures: npt.NDArray[np.uint64], pairs: Pairs, batch: int = 65536) -> Floats:
    """Share of equal MinHash bins of each pair: the estimated Jaccard similarity."""
    out = np.empty(len(pairs), dtype=np.float64)
    for start in range(0, len(pairs), batch):
        chunk = pairs[start : start + batch]
        out[start : start + batch] = (signatures[chunk[:, 0]] == signatures[chunk[:, 1]]).mean(1)
    return out


def prune(pairs: Pairs, scores: Floats, n: int, bound: Bound) -> Pairs:
    """The pairs (rows of ``pairs``, ``i < j``) that ``bound`` keeps, sorted.

    Args:
        pairs: ``(m, 2)`` candidate index pairs, unique.
        scores: each pair's similarity (estimated Jaccard, cosine).
        n: number of articles.
        bound: floor, sure, margin, neighbourhood ``k`` and per-article ``cap``.
    """
    keep = scores >= bound.floor
    pairs, scores = pairs[keep], scores[keep]
    if len(pairs) == 0:
        return np.zeros((0, 2), dtype=np.int64)
    ground = background(pairs, scores, n, bound.k)
    keep = stands_out(scores, ground[pairs[:, 0]], ground[pairs[:, 1]], bound)
    pairs, scores = pairs[keep], scores[keep]
    left, right = _ranks(pairs, scores)
    chosen = pairs[within_cap(left, right, bound)]
    return chosen[np.lexsort((chosen[:, 1], chosen[:, 0]))]


def stands_out(scores: Floats, left: Floats, right: Floats, bound: Bound) -> npt.NDArray[np.bool_]:
    """Pairs (above the floor) whose score is sure or beats ``margin`` x the larger of the
    two sides' backgrounds ``left`` and ``right``."""
    return (scores >= bound.sure) | (scores >= bound.margin * np.maximum(left, right))


def within_cap(left: Ints, right: Ints, bound: Bound) -> npt.NDArray[np.bool_]:
    """Pairs among the best ``cap`` of either side (of both when ``mutual``), given each
    pair's rank among its left article's pairs and among its right article's."""
    worst = np.maximum(left, right) if bound.mutual else np.minimum(left, right)
    return worst < bound.cap


def neighbourhood(others: Ints, scores: Floats, k: int) -> tuple[float, Ints]:
    """One article's side of ``prune``: its background and the rank of each of its pairs.

    ``others`` are the article's partners (any integers ordered as the partners' indices),
    ``scores`` the pairs' scores. Both numbers depend on this article's pairs alone, so a
    distributed engine grouping pairs by article gets exactly what ``background`` and the
    ranks inside ``prune`` give over the whole pile.
    """
    if len(others) == 0:
        return 0.0, np.zeros(0, dtype=np.int64)
    order = np.argsort(others, kind="stable")
    local = np.empty(len(others), dtype=np.int64)
    local[order] = np.arange(1, len(others) + 1, dtype=np.int64)
    star = np.stack((np.zeros(len(others), dtype=np.int64), local), axis=-1)
    ground = background(star, scores, len(others) + 1, k)
    ranks, _ = _ranks(star, scores)
    return float(ground[0]), ranks


def background(pairs: Pairs, scores: Floats, n: int, k: int) -> Floats:
    """Mean of each article's ``k`` best scores (missing neighbours count 0)."""
    order, ranks = _slot_ranks(pairs, scores)
    ends = np.concatenate((pairs[:, 0], pairs[:, 1]))[order]
    values = np.concatenate((scores, scores))[order]
    top = ranks < k
    return np.bincount(ends[top], weights=values[top], minlength=n) / float(k)


def _ranks(pairs: Pairs, scores: Floats) -> tuple[Ints, Ints]:
    """Rank of each pair among the pairs of its left article, and of its right article."""
    order, ranks = _slot_ranks(pairs, scores)
    by_slot = np.empty(len(order), dtype=np.int64)
    by_slot[order] = ranks
    return by_slot[: len(pairs)], by_slot[len(pairs) :]


def _slot_ranks(pairs: Pairs, scores: Floats) -> tuple[Ints, Ints]:
    """The ``2m`` (article, pair) slots ordered by article, best score first, then other side;
    and each sorted slot's rank inside its article."""
    ends = np.concatenate((pairs[:, 0], pairs[:, 1]))
    other = np.concatenate((pairs[:, 1], pairs[:, 0]))
    order = np.lexsort((other, -np.concatenate((scores, scores)), ends)).astype(np.int64)
    ends = ends[order]
    starts = np.flatnonzero(np.concatenate(([True], ends[1:] != ends[:-1])))
    sizes = np.diff(np.append(starts, len(ends)))
    return order, np.arange(len(ends), dtype=np.int64) - np.repeat(starts, sizes)
