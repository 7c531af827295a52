"""Incremental story clustering: articles arrive one by one and join the stories they link to.

Two articles are linked when the reuse stage derived one from the other (copy, excerpt,
spun, translated, rewrite), or when the cosine of their term vectors clears a bar that
rises with the days between them (``link_margin``: the more days apart, the more unrelated
articles lie in between, so the stronger the evidence needed), higher when both give ages
or street addresses and share none, or slightly below it when the two are each other's best
match (``MUTUAL_SLACK``). Links are tried best margin first; a link joins two stories only
when the stories as a whole are close, the mean margin over their member pairs not below
``GROUP_MARGIN`` (average linkage: one chance resemblance between two members no longer
chains two incidents into one story). Stories are kept in a union-find.

Candidates come from an inverted index over each article's heaviest terms (features
``INDEX_TERMS``), each key keeping its latest ``KEY_POSTINGS`` articles (``postings``), so
the work per article stays flat as the pile grows; the group check compares at most
``GROUP_SAMPLE`` members of each side.

Articles may arrive one by one (``add``) or in batches (``add_batch``; ``find_stories`` adds
the whole pile as one batch by day and id, ``arrival_key``, so its stories do not depend on
the order it was given them). Inside a batch, links are tried best first; across batches,
in arrival order.
Template lines (``features.TemplateLines``) are counted over what has arrived so far.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

import numpy as np
import numpy.typing as npt

from storytrace.model import Article, Entity, Relation
from storytrace.stories.dates import named_weekdays
from storytrace.stories.features import Features, TemplateLines, cosine, features_of
from storytrace.stories.postings import KeyPostings
from storytrace.stories.vectors import TermArrays, Vocabulary

__all__ = [
    "DERIVED_KINDS",
    "GROUP_MARGIN",
    "LINK_COSINE",
    "Link",
    "Member",
    "StoryIndex",
    "could_link",
    "link_margin",
    "links",
    "member_of",
    "ordinal",
    "story_id",
    "stronger_kind",
]

DERIVED_KINDS = frozenset({"copy", "excerpt", "spun", "translated", "rewrite"})
LINK_COSINE = 0.15
"""Cosine at which two articles of the same day are one story."""
COSINE_PER_LOG_DAY = 0.06
"""How much the bar rises per natural-log day between them: 0.19 a day apart, 0.29 a week,
0.36 a month (GVA dev, direct links by gap: same day 542 right / 93 wrong at 0.15, a day
apart 403 / 56 at 0.20, 4-10 days 141 / 61 at 0.30; a fixed 0.35 lost the same-day pairs
and let in the months-apart ones)."""
MAX_COSINE = 0.8
"""The bar never rises above this (near copies months apart are still one story)."""
INDEPENDENT_DISCOUNT = 0.2
"""The bar is this much lower for a pair the reuse stage judged same-story ``independent``."""
GROUP_MARGIN = -0.05
"""Two stories join when the mean margin of their member pairs is at least this (GVA dev in
a tuning harness: single linkage pair F1 0.65, mean margin -0.10: 0.70, -0.05: 0.74, 0.00:
0.72; the stage as shipped: -0.03 0.762, -0.05 0.770, 0.00 0.749)."""
DETAIL_CONFLICT = 0.1
"""The bar is this much higher when both articles give ages of people, or both give street
addresses, and none is shared: two shootings in one neighbourhood read alike but give
other ages and blocks (GVA dev, links at the bar: ages disjoint on 246 of 619 wrong links
and 140 of 1,526 right ones; pair F1 0.737 -> 0.767 with both checks)."""
MUTUAL_SLACK = 0.1
"""A link this far below the bar still counts between mutual best matches of a batch, and
their stories then need a mean margin no better than the link's own (GVA dev pair F1 0.770
-> 0.775; 0.05 and 0.15 do less)."""
_ROUNDING = 1e-9
"""Room for numpy's summation order and ``log1p`` against the exact scores."""
GROUP_SAMPLE = 16
"""Members per side the group check compares (the most recent ones): bounds the work on
long stories."""


@dataclass(frozen=True, slots=True)
class Member:
    """What the index keeps of an article: features, named weekdays, what it derives from."""

    features: Features
    published: str | None
    weekdays: frozenset[int]
    origin: str | None


def story_id(members: Iterable[str]) -> str:
    """A story's id: ``s-`` and a short hash of its sorted member ids."""
    digest = hashlib.sha1("\n".join(sorted(members)).encode("utf-8")).hexdigest()
    return f"s-{digest[:10]}"


def link_margin(a: Features, b: Features, kind: str | None = None) -> float:
    """How far the cosine of two articles clears their bar (negative: below it); ``kind`` is
    the reuse relation between them, if any. A derived pair always links (margin 1)."""
    if kind in DERIVED_KINDS:
        return 1.0
    bar = min(MAX_COSINE, LINK_COSINE + COSINE_PER_LOG_DAY * math.log1p(_gap(a.day, b.day)))
    if kind == "independent":
        bar -= INDEPENDENT_DISCOUNT
    bar += DETAIL_CONFLICT * (_disjoint(a.ages, b.ages) + _disjoint(a.addresses, b.addresses))
    return cosine(a.vector, b.vector) - bar


def could_link(
    features: Features,
    others: Sequence[str],
    arrays: TermArrays,
    days: npt.NDArray[np.float64],
) -> list[str]:
    """Those of ``others`` (no reuse relation to ``features``; their vectors kept in
    ``arrays``, their day ordinals ``days``, ``ordinal``: NaN undated) whose margin could
    reach ``-MUTUAL_SLACK``: the cosines as arrays (``vectors``) against the bar of the day
    gap alone (ages and addresses only raise it), with room for numpy's rounding. A pair
    left out here would have ``link_margin`` below ``-MUTUAL_SLACK`` and be dropped anyway."""
    cosines = arrays.cosines(features.vector, others)
    gaps = np.nan_to_num(np.abs(days - ordinal(features.day)), nan=0.0)  # undated: no gap
    bars = np.minimum(MAX_COSINE, LINK_COSINE + COSINE_PER_LOG_DAY * np.log1p(gaps))
    could = (cosines - bars >= -MUTUAL_SLACK - _ROUNDING).tolist()
    return [other for other, kept in zip(others, could, strict=True) if kept]


def ordinal(day: date | None) -> float:
    """A day as the number ``could_link`` takes (NaN: undated)."""
    return day.toordinal() if day else math.nan


def links(a: Features, b: Features, kind: str | None = None) -> bool:
    """Whether two articles clear their bar (``link_margin`` >= 0): the pairwise rule alone,
    without the group check, the mutual-best slack or template lines, which need the index."""
    return link_margin(a, b, kind) >= 0


def member_of(
    article: Article,
    *,
    names: Iterable[str] = (),
    relations: Iterable[Relation] = (),
    templates: TemplateLines | None = None,
) -> Member:
    """What the index keeps of ``article``: its features (with the entity ids in ``names``,
    without the lines ``templates`` knows as template), named weekdays, and the article it
    derives from by ``relations``."""
    mine = [r for r in relations if article.id in (r.a, r.b)]
    return Member(
        features=features_of(article, names, templates),
        published=article.published,
        weekdays=frozenset(named_weekdays(article.text)),
        origin=_origin(article.id, mine),
    )


def _disjoint(a: frozenset[int] | frozenset[str], b: frozenset[int] | frozenset[str]) -> bool:
    """Both sides give details and share none."""
    return bool(a) and bool(b) and not a & b


def _gap(a: date | None, b: date | None) -> int:
    return 0 if a is None or b is None else abs((a - b).days)


class StoryIndex:
    """Stories over a stream of articles.

    Example:
        >>> index = StoryIndex()
        >>> index.add(article)  # doctest: +SKIP
        's-3f2a9c01bd'
    """

    def __init__(self) -> None:
        self._templates = TemplateLines()
        self._members: dict[str, Member] = {}
        self._postings = KeyPostings()
        self._vocabulary = Vocabulary()
        self._arrays = TermArrays(self._vocabulary)
        self._ordinals: dict[str, float] = {}
        self._parent: dict[str, str] = {}
        self._groups: dict[str, list[str]] = {}
        self._waiting: dict[str, list[Relation]] = defaultdict(list)

    def __len__(self) -> int:
        return len(self._members)

    def add(
        self,
        article: Article,
        *,
        entities: Iterable[Entity] = (),
        relations: Iterable[Relation] = (),
    ) -> str:
        """Add one article; returns the id of the story it is in now.

        Args:
            article: the article (ids unique across the stream).
            entities: entities; those whose ``articles`` name this one join its features.
            relations: reuse relations; those naming this article link it to the other side
                once both are in the index.
        """
        self.add_batch([article], entities=entities, relations=relations)
        return self.story_of(article.id)

    def add_batch(
        self,
        articles: Sequence[Article],
        *,
        entities: Iterable[Entity] = (),
        relations: Iterable[Relation] = (),
    ) -> None:
        """Add the articles that arrived together, in the order given.

        The batch's lines are counted before any features are made, and its links are tried
        best margin first across the whole batch, so a strong link is never blocked by a weak
        one that merely came earlier (GVA dev pair F1 0.70 one by one, 0.74 as one batch).
        """
        names: dict[str, list[str]] = defaultdict(list)
        for entity in entities:
            for article_id in set(entity.articles):
                names[article_id].append(entity.id)
        touching: dict[str, list[Relation]] = defaultdict(list)
        for relation in relations:
            touching[relation.a].append(relation)
            touching[relation.b].append(relation)
        for article in articles:
            self._templates.observe(article.text)
        members = [
            self._compacted(
                member_of(
                    article,
                    names=names[article.id],
                    relations=touching[article.id],
                    templates=self._templates,
                )
            )
            for article in articles
        ]
        found = _Links()
        for article, member in zip(articles, members, strict=True):
            self._insert(article.id, member)
            self._link(article.id, member, touching[article.id], found)
        self._join(found)

    def add_scored(self, members: Mapping[str, Member], scored: Iterable[Link]) -> None:
        """Add a batch whose links were scored elsewhere (the Spark job scores them on its
        workers); the joining decision is ``add_batch``'s own, so the stories are the same.

        Args:
            members: the batch's articles in arrival order, as ``member_of`` makes them with
                the pile's ``TemplateLines`` (this index's line counts are not updated).
            scored: ``(link_margin, later article, earlier article, relation kind)`` of every
                candidate pair: the pairs whose later article finds the earlier one among a
                key's postings (``postings``) or that share a reuse relation; pairs below
                ``-MUTUAL_SLACK`` may be left out.
        """
        for article_id, member in members.items():
            self._insert(article_id, member)
        found = _Links()
        for margin, a, b, kind in scored:
            found.offer(margin, a, b, kind)
        self._join(found)

    def _join(self, found: _Links) -> None:
        """Join stories along the kept links, best margin first, each join checked against the
        stories as wholes (derived links always join)."""
        best_first = sorted(found.kept(), key=lambda link: (-link[0], link[1], link[2]))
        for margin, a, b, kind in best_first:
            if kind in DERIVED_KINDS or self._close_stories(a, b, min(margin, GROUP_MARGIN)):
                self._union(a, b)

    def _link(
        self, article_id: str, member: Member, relations: list[Relation], found: _Links
    ) -> None:
        """Offer the links of an article just inserted to earlier articles to ``found``: the
        related ones, and the key candidates that could clear their bar (``_could_link``)."""
        kinds = self._relation_kinds(article_id, [r for r in relations if article_id in (r.a, r.b)])
        keyed = sorted(self._postings.candidates(member.features) - set(kinds))
        close = self._could_link(member.features, keyed)
        for other in sorted(close | set(kinds)):
            if other == article_id:
                continue
            kind = kinds.get(other)
            found.offer(link_margin(member.features, self._members[other].features, kind),
                        article_id, other, kind)  # fmt: skip

    def _could_link(self, features: Features, others: list[str]) -> set[str]:
        """Those of ``others`` that ``could_link``; the rest are never scored one by one
        (10,000 generated articles: 1.9 M pairs scored, 52 of the stage's 87 CPU s, before
        this)."""
        days = np.fromiter((self._ordinals[o] for o in others), dtype=np.float64, count=len(others))
        return set(could_link(features, others, self._arrays, days))

    def story_of(self, article_id: str) -> str:
        """The id of the story an article is in now (ids change as stories grow)."""
        return story_id(self._groups[self._find(article_id)])

    def groups(self) -> list[list[str]]:
        """Every story's member ids, sorted, stories in order of their first id."""
        return sorted(sorted(group) for group in self._groups.values())

    def member(self, article_id: str) -> Member:
        """What the index keeps of one article."""
        return self._members[article_id]

    def _close_stories(self, a: str, b: str, needed: float) -> bool:
        """Whether the stories of ``a`` and ``b`` are close as wholes: the mean margin of
        their member pairs is at least ``needed``."""
        root_a, root_b = self._find(a), self._find(b)
        if root_a == root_b:
            return False
        left = self._groups[root_a][-GROUP_SAMPLE:]
        right = self._groups[root_b][-GROUP_SAMPLE:]
        total = sum(
            link_margin(self._members[x].features, self._members[y].features)
            for x in left
            for y in right
        )
        return total / (len(left) * len(right)) >= needed

    def _compacted(self, member: Member) -> Member:
        """``member`` with its term vector held compact over the index's vocabulary (itself
        when it already is: ``add_batch`` compacts a batch as it makes it)."""
        vector = self._vocabulary.compact(member.features.vector)
        if vector is member.features.vector:
            return member
        return replace(member, features=replace(member.features, vector=vector))

    def _insert(self, article_id: str, member: Member) -> None:
        if article_id in self._members:
            raise ValueError(f"article {article_id!r} is already in the index")
        member = self._compacted(member)
        self._members[article_id] = member
        self._parent[article_id] = article_id
        self._groups[article_id] = [article_id]
        self._postings.add(member.features)
        self._arrays.add(article_id, member.features.vector)
        day = member.features.day
        self._ordinals[article_id] = ordinal(day)

    def _relation_kinds(self, article_id: str, relations: list[Relation]) -> dict[str, str]:
        """Kinds of the relations to articles already in; the others wait for their article."""
        kinds: dict[str, str] = {}
        for relation in relations + self._waiting.pop(article_id, []):
            other = relation.b if relation.a == article_id else relation.a
            if other in self._members:
                kinds[other] = stronger_kind(kinds.get(other), relation.kind)
            else:
                self._waiting[other].append(relation)
        return kinds

    def _find(self, article_id: str) -> str:
        root = article_id
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[article_id] != root:
            self._parent[article_id], article_id = root, self._parent[article_id]
        return root

    def _union(self, a: str, b: str) -> None:
        root_a, root_b = self._find(a), self._find(b)
        if root_a == root_b:
            return
        if len(self._groups[root_a]) < len(self._groups[root_b]):
            root_a, root_b = root_b, root_a
        self._parent[root_b] = root_a
        self._groups[root_a].extend(self._groups.pop(root_b))


Link = tuple[float, str, str, str | None]
"""(margin, article, other article, reuse relation kind)."""


class _Links:
    """The links of one batch worth trying: those that clear the bar, and each article's best
    link below it (kept only while it is the best, so memory grows with the links that clear
    the bar and the articles, not with every candidate pair)."""

    def __init__(self) -> None:
        self._sure: list[Link] = []
        self._best: dict[str, Link] = {}

    def offer(self, margin: float, a: str, b: str, kind: str | None) -> None:
        """Consider one link."""
        if margin < -MUTUAL_SLACK:
            return
        link = (margin, a, b, kind)
        if margin >= 0:
            self._sure.append(link)
        for one, other in ((a, b), (b, a)):
            held = self._best.get(one)
            if held is None or (margin, other) > (held[0], _other(held, one)):
                self._best[one] = link

    def kept(self) -> list[Link]:
        """Links that clear the bar, and links just below it between two articles that are
        each other's best match (a relative decision: nothing in the pile is closer to either)."""
        mutual = [
            link
            for one, link in self._best.items()
            if link[0] < 0 and one == link[1] and self._best.get(link[2]) is link
        ]
        return self._sure + mutual


def _other(link: Link, one: str) -> str:
    return link[2] if link[1] == one else link[1]


def stronger_kind(old: str | None, new: str) -> str:
    """The kind a pair counts as when relations of ``old`` and then ``new`` name it: a
    derived kind wins, else the first one seen."""
    return new if old is None or new in DERIVED_KINDS else old


def _origin(article_id: str, relations: list[Relation]) -> str | None:
    """The article this one derives from, if a reuse relation says so (smallest id if many)."""
    origins = sorted(
        r.origin
        for r in relations
        if r.kind in DERIVED_KINDS and r.origin is not None and r.origin != article_id
    )
    return origins[0] if origins else None
