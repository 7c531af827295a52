"""The reuse stage: candidates -> verification -> one ``Relation`` per related pair.

Exact duplicates (same text) are grouped first and verified once through one
representative, so a pile of N copies costs N, not N**2, alignments; their
relations are derived from the representative's. Results do not depend on
input order: articles are sorted by id, representatives are the smallest id.

Candidate pairs are bounded per article (``candidates``), and every pair passes a
cheap screen (``relate.screen``) before it is aligned, so a pile of look-alike,
unrelated articles costs ``O(N)`` alignments. Pairs across languages that the sentence
encoder vouches for (``embed.translation_candidates``, mutual nearest with a margin) skip
the screen: names in another script share nothing it could count. ``compare`` always
aligns.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import replace
from itertools import combinations
from typing import Any

from storytrace.model import Article, Passage, Relation
from storytrace.reuse import embed
from storytrace.reuse.align import Prepared, Vocabulary, prepare
from storytrace.reuse.candidates import reuse_candidates
from storytrace.reuse.classify import earlier_by_date
from storytrace.reuse.lsh import duplicate_groups
from storytrace.reuse.relate import Screen, independent, relate, screen, screen_of

__all__ = [
    "MAX_GROUP_PAIRS",
    "compare",
    "find_relations",
    "identical_relations",
    "member_relations",
    "relate_pairs",
]

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
    same_story: bool = True,
    **options: Any,
) -> list[Relation]:
    """One ``Relation`` per related pair of ``articles``, sorted by ``(a, b)``.

    Args:
        articles: the articles of a run (ids unique).
        story_pairs: id pairs the stories stage says are one story; verified too.
        same_story: also look for same-story pairs by topic (the fallback while no
            ``story_pairs`` are given); False: only reuse candidates and ``story_pairs``.
        **options: reserved for tuning (none yet); unknown names are an error.

    Returns:
        Relations with ``a < b``: reuse kinds and ``independent`` same-story pairs.
    """
    if options:
        raise TypeError(f"unknown options: {sorted(options)}")
    ordered = sorted(articles, key=lambda article: article.id)
    groups = [
        [ordered[i] for i in group]
        for group in duplicate_groups([article.text for article in ordered])
    ]
    reps = [group[0] for group in groups]
    rep_of = {article.id: g for g, group in enumerate(groups) for article in group}
    pairs = _rep_pairs(reps, rep_of, story_pairs, same_story=same_story)
    vouched = _translation_pairs(reps)
    verifier = _Verifier()
    relations: list[Relation] = []
    for g, h in sorted(pairs | vouched):
        relation = verifier.relate(reps[g], reps[h], screened=(g, h) in vouched)
        relations.extend(member_relations(relation, groups[g], groups[h]))
    for group in groups:
        relations.extend(identical_relations(group))
    logger.info(
        "reuse: %d articles, %d candidate pairs, %d aligned, %d relations",
        *(len(ordered), len(pairs), verifier.aligned, len(relations)),
    )
    return sorted(relations, key=lambda relation: (relation.a, relation.b))


def relate_pairs(articles: Sequence[Article], pairs: Iterable[tuple[str, str]]) -> list[Relation]:
    """Verify and classify exactly the given id pairs (e.g. same-story pairs found later).

    Args:
        articles: every article the pairs name (others are ignored).
        pairs: id pairs, in either order; repeats and self-pairs are dropped.

    Returns:
        One ``Relation`` per distinct pair, ``a < b``, sorted by ``(a, b)``.

    Raises:
        ValueError: a pair names an id that is not among ``articles``.
    """
    by_id = {article.id: article for article in articles}
    wanted = sorted({(min(x, y), max(x, y)) for x, y in pairs if x != y})
    missing = sorted({i for pair in wanted for i in pair if i not in by_id})
    if missing:
        raise ValueError(f"relate_pairs: unknown article ids {missing[:5]}; pass every article")
    verifier = _Verifier()
    out = []
    for x, y in wanted:
        a, b = by_id[x], by_id[y]
        same = a.text == b.text and bool(a.text.strip())
        out.extend(identical_relations([a, b]) if same else [verifier.relate(a, b)])
    return out


class _Verifier:
    """Prepares each article once per run, screens a pair, aligns it if it passes."""

    def __init__(self) -> None:
        self._screens: dict[str, Screen] = {}
        self._prepared: dict[str, Prepared] = {}
        self._vocabulary = Vocabulary()
        self.aligned = 0

    def _screen(self, article: Article) -> Screen:
        found = self._screens.get(article.id)
        if found is None:
            found = self._screens[article.id] = screen_of(article)
        return found

    def _prepare(self, article: Article) -> Prepared:
        found = self._prepared.get(article.id)
        if found is None:
            found = self._prepared[article.id] = prepare(article)
        return found

    def relate(self, a: Article, b: Article, *, screened: bool = False) -> Relation:
        """The relation of ``a`` and ``b`` (``a.id < b.id``): screened (unless a generator
        already vouched for it: ``screened``), then aligned."""
        if not screened and not screen(self._screen(a), self._screen(b)):
            return independent(a, b)
        self.aligned += 1
        return relate(self._prepare(a), self._prepare(b), self._vocabulary)


def _rep_pairs(
    reps: list[Article],
    rep_of: dict[str, int],
    story_pairs: Iterable[tuple[str, str]] | None,
    *,
    same_story: bool,
) -> set[tuple[int, int]]:
    usable = [i for i, rep in enumerate(reps) if rep.text.strip()]
    candidates = reuse_candidates([reps[i] for i in usable], same_story=same_story)
    found = {(usable[i], usable[j]) for i, j in candidates}
    for left, right in story_pairs or ():
        g, h = rep_of.get(left), rep_of.get(right)
        if g is not None and h is not None and g != h:
            found.add((min(g, h), max(g, h)))
    return found


def _translation_pairs(reps: list[Article]) -> set[tuple[int, int]]:
    """Cross-language pairs the sentence encoder vouches for (``embed.translation_candidates``)."""
    usable = [i for i, rep in enumerate(reps) if rep.text.strip()]
    found = embed.translation_candidates([reps[i] for i in usable])
    return {(usable[i], usable[j]) for i, j in found}


def member_relations(
    relation: Relation, left: list[Article], right: list[Article]
) -> list[Relation]:
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


def identical_relations(group: list[Article]) -> list[Relation]:
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
