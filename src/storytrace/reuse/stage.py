"""The reuse stage: candidates -> verification -> one ``Relation`` per related pair.

Exact duplicates (same text) are grouped first and verified once through one
representative, so a pile of N copies costs N, not N**2, alignments; their
relations are derived from the representative's. Results do not depend on
input order: articles are sorted by id, representatives are the smallest id.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import replace
from itertools import combinations
from typing import Any

from storytrace.model import Article, Passage, Relation
from storytrace.reuse.align import Prepared, Vocabulary, prepare
from storytrace.reuse.candidates import reuse_candidates
from storytrace.reuse.classify import earlier_by_date
from storytrace.reuse.lsh import duplicate_groups
from storytrace.reuse.relate import relate

__all__ = ["MAX_GROUP_PAIRS", "compare", "find_relations"]

logger = logging.getLogger(__name__)

MAX_GROUP_PAIRS = 64
"""Exact-duplicate groups up to this size list every pair; larger ones a star around the
first member, so a thousand copies give 999 relations, not half a million."""


def compare(a: Article, b: Article) -> Relation:
    """How two articles are related, whatever their order (``Relation.a`` < ``Relation.b``).

    Example:
        >>> relation = compare(original, spun_copy)  # doctest: +SKIP
        >>> relation.kind, relation.origin  # doctest: +SKIP
        ('spun', 'original')
    """
    first, second = sorted((a, b), key=lambda article: article.id)
    return relate(prepare(first), prepare(second))


def find_relations(
    articles: Sequence[Article],
    *,
    story_pairs: Iterable[tuple[str, str]] | None = None,
    **options: Any,
) -> list[Relation]:
    """One ``Relation`` per related pair of ``articles``, sorted by ``(a, b)``.

    Args:
        articles: the articles of a run (ids unique).
        story_pairs: id pairs the stories stage says are one story; verified too.
        **options: reserved for tuning (none yet); unknown names are an error.

    Returns:
        Relations with ``a < b``: reuse kinds and ``independent`` same-story pairs.
    """
    if options:
        raise TypeError(f"unknown options: {sorted(options)}")
    ordered = sorted(articles, key=lambda article: article.id)
    groups = duplicate_groups([article.text for article in ordered])
    reps = [ordered[group[0]] for group in groups]
    rep_of = {ordered[i].id: g for g, group in enumerate(groups) for i in group}
    pairs = _rep_pairs(reps, rep_of, story_pairs)
    prepared: dict[int, Prepared] = {}
    vocabulary = Vocabulary()
    relations: list[Relation] = []
    for g, h in sorted(pairs):
        for index in (g, h):
            if index not in prepared:
                prepared[index] = prepare(reps[index])
        relation = relate(prepared[g], prepared[h], vocabulary)
        relations.extend(
            _expand(relation, [ordered[i] for i in groups[g]], [ordered[i] for i in groups[h]])
        )
    for group in groups:
        relations.extend(_within_group([ordered[i] for i in group]))
    logger.info(
        "reuse: %d articles, %d candidate pairs verified, %d relations",
        len(ordered),
        len(pairs),
        len(relations),
    )
    return sorted(relations, key=lambda relation: (relation.a, relation.b))


def _rep_pairs(
    reps: list[Article], rep_of: dict[str, int], story_pairs: Iterable[tuple[str, str]] | None
) -> set[tuple[int, int]]:
    usable = [i for i, rep in enumerate(reps) if rep.text.strip()]
    found = {(usable[i], usable[j]) for i, j in reuse_candidates([reps[i] for i in usable])}
    for left, right in story_pairs or ():
        g, h = rep_of.get(left), rep_of.get(right)
        if g is not None and h is not None and g != h:
            found.add((min(g, h), max(g, h)))
    return found


def _expand(relation: Relation, left: list[Article], right: list[Article]) -> list[Relation]:
    """The representative pair's relation for every member pair of the two groups."""
    out = []
    for x in left:
        for y in right:
            out.append(_member_relation(relation, x, y))
    return out


def _member_relation(relation: Relation, x: Article, y: Article) -> Relation:
    origin = relation.origin
    if origin is not None:
        first = earlier_by_date(x, y)
        origin = first.id if first is not None else (x.id if origin == relation.a else y.id)
    if x.id < y.id:
        return replace(relation, a=x.id, b=y.id, origin=origin)
    return replace(
        relation,
        a=y.id,
        b=x.id,
        origin=origin,
        coverage_a=relation.coverage_b,
        coverage_b=relation.coverage_a,
        passages=tuple(
            replace(p, a=p.b, b=p.a, substitutions=tuple((t, f) for f, t in p.substitutions))
            for p in relation.passages
        ),
    )


def _within_group(group: list[Article]) -> list[Relation]:
    """``copy`` relations between identical texts: every pair, or a star when the group is large."""
    if len(group) < 2 or not group[0].text.strip():
        return []
    passages = tuple(Passage(a=span, b=span, similarity=1.0) for span in group[0].sentences)
    pairs = (
        combinations(group, 2)
        if len(group) <= MAX_GROUP_PAIRS
        else ((group[0], other) for other in group[1:])
    )
    out = []
    for x, y in pairs:
        first = earlier_by_date(x, y)
        out.append(
            Relation(
                a=x.id,
                b=y.id,
                kind="copy",
                origin=first.id if first else None,
                score=1.0,
                coverage_a=1.0,
                coverage_b=1.0,
                passages=passages,
            )
        )
    return out
