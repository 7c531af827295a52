"""Verification: align two prepared articles and turn the alignment into a ``Relation``.

``screen`` runs first where cost matters (``find_relations``, ``relate_pairs``): a
pair whose word bigrams and names barely overlap is ``independent`` without any
alignment. Measured on Clough-Stevenson dev (share of the smaller side's word
bigrams found in the other): ``non`` answers 0.03-0.19, ``heavy`` revisions
0.21-0.70, ``light`` and ``cut`` higher; kz2022's spun pair 0.25 and its
independent pairs 0.06-0.20; demo rewrite 0.30, spun 0.31, a spun copy and an
excerpt of one original 0.14, translation
(French/English) 0.04 but names and numbers 0.74, independent pairs of other
languages at most 0.40.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from storytrace.model import Article, Passage, Relation
from storytrace.reuse import embed
from storytrace.reuse.align import (
    ALIGN_FLOOR,
    Alignment,
    Link,
    Prepared,
    Vocabulary,
    align,
    alignable,
    fill_gaps,
    joined,
    merge_splits,
    similarity_matrix,
    substitutions,
)
from storytrace.reuse.classify import decide_kind, decide_origin, features
from storytrace.reuse.fluency import substitution_fluency
from storytrace.reuse.shingles import shingle_hashes, token_hashes
from storytrace.reuse.skeleton import skeleton

__all__ = ["Screen", "independent", "relate", "screen", "screen_of", "skeleton_matrix"]

logger = logging.getLogger(__name__)

SKELETON_THRESHOLD = 0.5
"""Skeleton Jaccard for aligning sentences across languages without a model (demo)."""
SCREEN_BIGRAMS = 0.12
"""Bigram containment a same-language pair needs to be aligned (Clough-Stevenson dev:
lowest heavy revision 0.21; kz2022 spun 0.25; demo spun copy vs excerpt of one
original 0.137)."""
SCREEN_NAMES = 0.5
"""Name/number containment that lets a pair through whatever its words (demo translation
0.74; independent pairs across languages at most 0.40). Same-language pairs need
``SCREEN_NAMES_SAME`` (demo independent pairs up to 0.61, spun 0.88)."""
SCREEN_NAMES_SAME = 0.7
_MIN_SKELETON = 2


def _cross_lingual(a: Prepared, b: Prepared) -> bool:
    la, lb = a.article.language, b.article.language
    return bool(la and lb and la != lb)


@dataclass(frozen=True, slots=True)
class Screen:
    """What the screen compares: hashed word bigrams (sorted, unique) and names/numbers."""

    language: str | None
    bigrams: npt.NDArray[np.uint64]
    names: frozenset[str]


def screen_of(article: Article) -> Screen:
    """The screen record of an article (numpy tokens, one regex pass for the names)."""
    bigrams = np.unique(shingle_hashes(token_hashes(article.text), 2))
    return Screen(article.language, bigrams, frozenset(skeleton(article.text)))


def _share(left: int, right: int, shared: int) -> float:
    return shared / min(left, right) if left and right else 0.0


def screen(a: Screen, b: Screen) -> bool:
    """Whether the pair may be reuse and is worth aligning (cheap; see the module docstring)."""
    names = _share(len(a.names), len(b.names), len(a.names & b.names))
    if a.language and b.language and a.language != b.language:
        return names >= SCREEN_NAMES
    shared = np.intersect1d(a.bigrams, b.bigrams, assume_unique=True).size
    bigrams = _share(a.bigrams.size, b.bigrams.size, shared)
    return bigrams >= SCREEN_BIGRAMS or names >= SCREEN_NAMES_SAME


def independent(a: Article, b: Article) -> Relation:
    """The relation of a pair the screen turned away: ``independent``, nothing aligned."""
    return Relation(
        a=a.id, b=b.id, kind="independent", origin=None, score=0.0,
        coverage_a=0.0, coverage_b=0.0,
    )  # fmt: skip


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
        matrix = similarity_matrix(a, b, vocabulary)
        codes = (vocabulary.sentences(a), vocabulary.sentences(b))
        usable = np.where(alignable(a, b, matrix, codes), matrix, 0.0)
        alignment = fill_gaps(align(usable, ALIGN_FLOOR), matrix)
        return merge_splits(alignment, matrix, codes)
    found = embed.cross_lingual_matrix(a, b)
    if found is None:
        return align(skeleton_matrix(a, b), SKELETON_THRESHOLD)
    margins, cosines = found
    alignment = align(margins, embed.ALIGN_MARGIN)
    links = tuple(
        Link(link.a, link.b, float(cosines[link.a[0], link.b[0]])) for link in alignment.links
    )
    return Alignment(links, alignment.in_order)


def relate(a: Prepared, b: Prepared, vocabulary: Vocabulary | None = None) -> Relation:
    """Compare two articles (``a.id < b.id``) and say how they are related.

    Args:
        a: the first article, prepared (``align.prepare``).
        b: the second.
        vocabulary: word-symbol table shared across one run; a fresh one if None.

    Returns:
        The relation with its kind, origin, coverage and aligned passages
        (substitutions only for reuse kinds: an independent pair has no swaps).
    """
    cross = _cross_lingual(a, b)
    alignment = _align(a, b, vocabulary or Vocabulary(), cross)
    found = features(a, b, alignment, cross_lingual=cross)
    kind = decide_kind(found)
    with_swaps = not cross and kind != "independent"
    passages = tuple(_passage(a, b, link, with_swaps=with_swaps) for link in alignment.links)
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


def _passage(a: Prepared, b: Prepared, link: Link, *, with_swaps: bool) -> Passage:
    left, right = joined(a, link.a), joined(b, link.b)
    swaps = substitutions(left, a.article.text, right, b.article.text) if with_swaps else ()
    return Passage(
        a=left.span, b=right.span, similarity=round(min(1.0, link.similarity), 4),
        substitutions=swaps,
    )  # fmt: skip
