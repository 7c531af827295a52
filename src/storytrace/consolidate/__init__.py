"""Consolidation: from per-article claims and quotes to per-story knowledge.

``consolidate`` is the stage's entry point. For every story it finds the facts (what the
independent sources agree on, where they conflict, what changed over time, with the
reasons in words), checks quotes across sources (verbatim, translation, altered in a
derived copy) and writes a brief with a timeline. Modules:

- ``intervals``    count intervals with open ends: intersection, the best-held value
- ``provenance``   provenance groups (derived copies, shared agency credits)
- ``subjects``     which claims count the same group of people or things
- ``timing``       when a claim holds, re-anchored to its article's event
- ``facts``        statuses and reasons for one (measure, subject)
- ``story_facts``  the facts of one story
- ``quotes``       quote matching and statuses
- ``brief``        the cited summary and the timeline

Example:
    >>> from storytrace.consolidate import consolidate
    >>> result = consolidate(  # doctest: +SKIP
    ...     articles=a.articles, stories=stories, relations=a.relations,
    ...     claims=a.claims, quotes=a.quotes, entities=a.entities)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from storytrace.consolidate.brief import story_brief
from storytrace.consolidate.provenance import article_groups
from storytrace.consolidate.quotes import check_quotes
from storytrace.consolidate.story_facts import story_facts
from storytrace.model import Article, Brief, Claim, Entity, Fact, Quote, Relation, Story

__all__ = ["Consolidated", "consolidate"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Consolidated:
    """What consolidation adds to an analysis."""

    facts: tuple[Fact, ...] = ()
    quotes: tuple[Quote, ...] = ()
    briefs: Mapping[str, Brief] = field(default_factory=dict)


def consolidate(
    *,
    articles: Sequence[Article],
    stories: Sequence[Story],
    relations: Sequence[Relation],
    claims: Sequence[Claim],
    quotes: Sequence[Quote],
    entities: Sequence[Entity],
) -> Consolidated:
    """Facts, checked quotes and briefs for every story.

    Args:
        articles: the run's articles.
        stories: the stories stage's stories (every article in one).
        relations: the reuse stage's relations.
        claims: the claims stage's count claims.
        quotes: the claims stage's quotes; returned with ``status`` and ``matches``.
        entities: the claims stage's entities (speakers are already resolved on quotes).

    Returns:
        Facts sorted by story then number, quotes in input order, a brief per story.
    """
    del entities  # speakers arrive resolved on the quotes
    by_id = {article.id: article for article in articles}
    claims_by_article: dict[str, list[Claim]] = defaultdict(list)
    for claim in sorted(claims, key=lambda c: c.id):
        claims_by_article[claim.article].append(claim)
    claim_index = {claim.id: claim for claim in claims}
    facts: list[Fact] = []
    briefs: dict[str, Brief] = {}
    inside = _relations_by_story(stories, relations)
    for story in sorted(stories, key=lambda s: s.id):
        mine = [c for a in story.articles for c in claims_by_article.get(a, [])]
        own = inside.get(story.id, [])
        found = story_facts(story, articles=by_id, claims=mine, relations=own)
        facts += found
        sources = len(set(article_groups(story.articles, own).values()))
        briefs[story.id] = story_brief(story, found, claim_index, sources)
    checked = check_quotes(quotes, articles=by_id, stories=stories, relations=relations)
    return Consolidated(facts=tuple(facts), quotes=checked, briefs=briefs)


def _relations_by_story(
    stories: Sequence[Story], relations: Sequence[Relation]
) -> dict[str, list[Relation]]:
    """Story id -> the relations with both ends in it: a story's facts and sources read only
    those, and handing each story every relation scanned stories x relations (10,000
    generated articles, benchmarks/bench_scale.py: 6,721 stories x 17,459 relations)."""
    story_of = {article: story.id for story in stories for article in story.articles}
    inside: dict[str, list[Relation]] = defaultdict(list)
    for relation in relations:
        story = story_of.get(relation.a)
        if story is not None and story == story_of.get(relation.b):
            inside[story].append(relation)
    return inside
