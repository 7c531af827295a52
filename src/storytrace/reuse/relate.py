"""Verification: align two prepared articles and turn the alignment into a ``Relation``."""

from __future__ import annotations

import logging

import numpy as np
import numpy.typing as npt

from storytrace.model import Passage, Relation
from storytrace.reuse import embed
from storytrace.reuse.align import (
    ALIGN_THRESHOLD,
    Alignment,
    Prepared,
    Vocabulary,
    align,
    similarity_matrix,
    substitutions,
)
from storytrace.reuse.classify import decide_kind, decide_origin, features
from storytrace.reuse.fluency import substitution_fluency

__all__ = ["relate", "skeleton_matrix"]

logger = logging.getLogger(__name__)

SKELETON_THRESHOLD = 0.5
"""Skeleton Jaccard for aligning sentences across languages without a model (demo)."""
_MIN_SKELETON = 2


def _cross_lingual(a: Prepared, b: Prepared) -> bool:
    la, lb = a.article.language, b.article.language
    return bool(la and lb and la != lb)


def skeleton_matrix(a: Prepared, b: Prepared) -> npt.NDArray[np.float64]:
    """Jaccard of the name/number skeletons of every sentence pair (0 when too few tokens)."""
    matrix = np.zeros((len(a.sentences), len(b.sentences)))
    for i, left in enumerate(a.sentences):
        for j, right in enumerate(b.sentences):
            shared = len(left.skeleton & right.skeleton)
            if shared >= _MIN_SKELETON:
                matrix[i, j] = shared / len(left.skeleton | right.skeleton)
    return matrix


def _align(a: Prepared, b: Prepared, vocabulary: Vocabulary, cross: bool) -> Alignment:
    if not cross:
        return align(similarity_matrix(a, b, vocabulary), ALIGN_THRESHOLD)
    found = embed.cross_lingual_matrix(a, b)
    if found is None:
        return align(skeleton_matrix(a, b), SKELETON_THRESHOLD)
    margins, cosines = found
    alignment = align(margins, embed.ALIGN_MARGIN)
    pairs = tuple((i, j, float(cosines[i, j])) for i, j, _ in alignment.pairs)
    return Alignment(pairs, alignment.in_order)


def relate(a: Prepared, b: Prepared, vocabulary: Vocabulary | None = None) -> Relation:
    """Compare two articles (``a.id < b.id``) and say how they are related.

    Args:
        a: the first article, prepared (``align.prepare``).
        b: the second.
        vocabulary: word-symbol table shared across one run; a fresh one if None.

    Returns:
        The relation with its kind, origin, coverage and aligned passages.
    """
    cross = _cross_lingual(a, b)
    alignment = _align(a, b, vocabulary or Vocabulary(), cross)
    passages = tuple(
        _passage(a, b, i, j, sim, with_swaps=not cross) for i, j, sim in alignment.pairs
    )
    found = features(a, b, alignment, cross_lingual=cross)
    kind = decide_kind(found)
    swaps = [swap for passage in passages for swap in passage.substitutions]
    fluency = substitution_fluency(swaps, a.article.language or "en")
    origin = decide_origin(kind, a.article, b.article, found, fluency)
    score = float(np.mean([p.similarity for p in passages])) if passages else 0.0
    return Relation(
        a=a.article.id,
        b=b.article.id,
        kind=kind,
        origin=origin,
        score=round(score, 4),
        coverage_a=round(found.coverage_a, 4),
        coverage_b=round(found.coverage_b, 4),
        passages=passages,
    )


def _passage(a: Prepared, b: Prepared, i: int, j: int, sim: float, *, with_swaps: bool) -> Passage:
    left, right = a.sentences[i], b.sentences[j]
    swaps = substitutions(left, a.article.text, right, b.article.text) if with_swaps else ()
    return Passage(
        a=left.span, b=right.span, similarity=round(min(1.0, sim), 4), substitutions=swaps
    )
