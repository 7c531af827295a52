"""View models of the web UI's own pages (index, article, entity search).

The story and alignment pages reuse ``StoryView`` and ``AlignmentView`` from the report, and
the index's story list the report's ``StorySummary``.
Builders take model records and plain numbers, never a store, so the report package does not
depend on the store; ``storytrace.serve`` fetches and passes them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from storytrace.model import Analysis, Article, Entity, Skip
from storytrace.report._ids import plain
from storytrace.report.alignment import ArticleRef, article_ref
from storytrace.report.claims import (
    ClaimRowView,
    EntityView,
    QuoteView,
    build_claim_groups,
    build_entities,
    build_quotes,
)
from storytrace.report.graph import relation_anchor
from storytrace.report.views import (
    AnalysisIndex,
    ArticleView,
    SkipView,
    StorySummary,
    build_article_view,
    skip_view,
    story_anchor,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class RunView:
    """One ``analyze`` run or upload that filled the store."""

    id: int
    started: str
    inputs: tuple[str, ...]
    article_count: int
    skip_count: int


@dataclass(frozen=True, slots=True, kw_only=True)
class IndexView:
    """The front page: the story list, one page of articles, the runs and the skips."""

    title: str
    counts: tuple[tuple[str, int], ...]
    stories: tuple[StorySummary, ...]
    story_page: int
    story_page_count: int
    articles: tuple[ArticleRef, ...]
    page: int
    page_count: int
    runs: tuple[RunView, ...]
    skipped: tuple[SkipView, ...]
    upload_limit_bytes: int

    def to_dict(self) -> dict[str, Any]:
        """The page's JSON twin."""
        return dict(plain(self))


@dataclass(frozen=True, slots=True, kw_only=True)
class RelationLink:
    """A relation seen from one of its articles."""

    a: str
    b: str
    anchor: str
    kind: str
    origin: str | None
    score: float
    other: ArticleRef


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryRef:
    """Enough of a story to name it and link to it."""

    id: str
    anchor: str
    title: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticlePageView:
    """An article's page: its story, highlighted text, relations, claims, quotes, entities."""

    article: ArticleView
    story: StoryRef | None
    relations: tuple[RelationLink, ...]
    claims: tuple[ClaimRowView, ...]
    quotes: tuple[QuoteView, ...]
    entities: tuple[EntityView, ...]

    def to_dict(self) -> dict[str, Any]:
        """The page's JSON twin."""
        return dict(plain(self))


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchHit:
    entity: EntityView
    articles: tuple[ArticleRef, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchView:
    """Entities whose name or an alias contains the query."""

    query: str
    hits: tuple[SearchHit, ...]

    def to_dict(self) -> dict[str, Any]:
        """The page's JSON twin."""
        return dict(plain(self))


def build_index_view(
    *,
    counts: Mapping[str, int],
    stories: Sequence[StorySummary],
    articles: Sequence[Article],
    page: int,
    page_count: int,
    story_page: int = 1,
    story_page_count: int = 1,
    runs: Sequence[RunView] = (),
    skipped: Sequence[Skip] = (),
    upload_limit_bytes: int = 0,
) -> IndexView:
    """The front page from what the store counted and fetched."""
    by_id = {article.id: article for article in articles}
    return IndexView(
        title="storytrace",
        counts=tuple(counts.items()),
        stories=tuple(stories),
        story_page=story_page,
        story_page_count=story_page_count,
        articles=tuple(article_ref(article.id, by_id) for article in articles),
        page=page,
        page_count=page_count,
        runs=tuple(runs),
        skipped=tuple(skip_view(skip) for skip in skipped),
        upload_limit_bytes=upload_limit_bytes,
    )


def build_article_page(analysis: Analysis, article_id: str) -> ArticlePageView:
    """An article's page from an analysis holding it, its neighbours, the quotes its quotes
    match and its story (``KeyError`` if the article is absent)."""
    article = analysis.article(article_id)
    index = AnalysisIndex(analysis)
    own_claims = index.claims_of.get(article_id, [])
    rows = [row for group in build_claim_groups(own_claims, index.articles) for row in group.rows]
    story_id = index.story_of.get(article_id)
    story = next((s for s in analysis.stories if s.id == story_id), None)
    return ArticlePageView(
        article=build_article_view(article, index),
        story=StoryRef(id=story.id, anchor=story_anchor(story.id), title=story.title or story.id)
        if story
        else None,
        relations=tuple(
            RelationLink(
                a=r.a,
                b=r.b,
                anchor=relation_anchor(r),
                kind=r.kind,
                origin=r.origin,
                score=r.score,
                other=article_ref(r.b if r.a == article_id else r.a, index.articles),
            )
            for r in sorted(analysis.relations, key=lambda r: (-r.score, r.a, r.b))
            if article_id in (r.a, r.b)
        ),
        claims=tuple(rows),
        quotes=build_quotes(
            index.quotes_of.get(article_id, []), index.articles, known=index.quotes
        ),
        entities=build_entities(_naming(analysis.entities, article_id), story_id=story_id or ""),
    )


def _naming(entities: Sequence[Entity], article_id: str) -> list[Entity]:
    return [
        e
        for e in entities
        if article_id in e.articles or any(m.article == article_id for m in e.mentions)
    ]


def build_search_view(
    query: str, entities: Sequence[Entity], articles: Sequence[Article]
) -> SearchView:
    """Search results: each entity found, with references to the articles naming it."""
    by_id = {article.id: article for article in articles}
    hits = tuple(
        SearchHit(entity=view, articles=tuple(article_ref(a, by_id) for a in view.articles))
        for view in build_entities(entities)
    )
    return SearchView(query=query, hits=hits)
