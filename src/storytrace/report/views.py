"""View models: what a page shows, computed once, rendered by templates (HTML) or as JSON.

The static ``report.html`` and the web UI (``storytrace serve``) render the same templates
from these; every page's JSON twin is its view model's ``to_dict``. They hold plain data
only: all escaping happens in the template engine, and highlighted text is a list of
segments (``highlight.py``), never HTML.

Until the stories stage lands, the whole analysis is one story, the *pile*
(``PILE_ID``); ``ReportView.stories`` already holds a list so per-story pages slot in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from storytrace.model import Analysis, Article, Skip
from storytrace.report._ids import dom_id, plain, safe_url
from storytrace.report.alignment import AlignmentView, build_alignment
from storytrace.report.claims import (
    ClaimGroupView,
    EntityView,
    QuoteView,
    build_claim_groups,
    build_entities,
    build_quotes,
    claim_anchor,
    entity_anchor,
    quote_anchor,
)
from storytrace.report.graph import GraphView, build_graph
from storytrace.report.highlight import Mark, Marked, Segment, paragraph_spans, segments
from storytrace.report.timeline import TimelineView, build_timeline

PILE_ID = "pile"
"""The one story every article belongs to until stories are found."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleView:
    """One article: its metadata and its text as highlighted paragraphs."""

    id: str
    anchor: str
    title: str
    outlet: str | None
    published: str | None
    language: str | None
    url: str | None
    source: str
    paragraphs: tuple[tuple[Segment, ...], ...]
    removed_lines: tuple[str, ...]
    sentence_count: int
    word_count: int
    claim_count: int
    quote_count: int
    mention_count: int


@dataclass(frozen=True, slots=True, kw_only=True)
class SkipView:
    source: str
    stage: str
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryView:
    """A story: its graph, timeline, claims, quotes and alignments."""

    id: str
    anchor: str
    title: str
    article_count: int
    outlet_count: int
    relation_count: int
    differing_claim_groups: int
    graph: GraphView | None
    timeline: TimelineView | None
    claim_groups: tuple[ClaimGroupView, ...]
    quotes: tuple[QuoteView, ...]
    entities: tuple[EntityView, ...]
    alignments: tuple[AlignmentView, ...]

    def to_dict(self) -> dict[str, Any]:
        """The story page's JSON twin."""
        return dict(plain(self))


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportView:
    """The whole report: a summary line, the stories, the articles, and what was skipped."""

    title: str
    article_count: int
    skipped_count: int
    removed_line_count: int
    languages: tuple[tuple[str, int], ...]
    stories: tuple[StoryView, ...]
    articles: tuple[ArticleView, ...]
    skipped: tuple[SkipView, ...]

    def to_dict(self) -> dict[str, Any]:
        """The report's JSON twin."""
        return dict(plain(self))


def build_report_view(analysis: Analysis, *, title: str = "storytrace report") -> ReportView:
    """Turn an analysis into the view model the report templates render."""
    articles = tuple(build_article_view(a, analysis) for a in by_date(analysis.articles))
    return ReportView(
        title=title,
        article_count=len(articles),
        skipped_count=len(analysis.skipped),
        removed_line_count=sum(len(article.removed_lines) for article in articles),
        languages=_language_counts(analysis.articles),
        stories=(build_story_view(analysis),),
        articles=articles,
        skipped=tuple(skip_view(skip) for skip in analysis.skipped),
    )


def build_story_view(analysis: Analysis, *, story_id: str = PILE_ID) -> StoryView:
    """The story page: for now the pile, every article of the analysis."""
    articles = {article.id: article for article in analysis.articles}
    claim_groups = build_claim_groups(analysis.claims, articles)
    relations = sorted(analysis.relations, key=lambda r: (r.a, r.b))
    return StoryView(
        id=story_id,
        anchor=dom_id("story", story_id),
        title="All articles" if story_id == PILE_ID else story_id,
        article_count=len(articles),
        outlet_count=len({a.outlet for a in analysis.articles if a.outlet}),
        relation_count=len(relations),
        differing_claim_groups=sum(group.status == "differs" for group in claim_groups),
        graph=build_graph(by_date(analysis.articles), relations),
        timeline=build_timeline(analysis.articles),
        claim_groups=claim_groups,
        quotes=build_quotes(analysis.quotes, articles),
        entities=build_entities(analysis.entities),
        alignments=tuple(build_alignment(r, articles, analysis.quotes) for r in relations),
    )


def build_article_view(article: Article, analysis: Analysis) -> ArticleView:
    """An article with its claims, quotes and entity mentions highlighted in its text."""
    marked = article_marks(article.id, analysis)
    return ArticleView(
        id=article.id,
        anchor=dom_id("article", article.id),
        title=article.title or article.id,
        outlet=article.outlet,
        published=article.published,
        language=article.language,
        url=safe_url(article.url),
        source=article.source,
        paragraphs=tuple(
            segments(article.text, marked, span=s) for s in paragraph_spans(article.text)
        ),
        removed_lines=article.removed_lines,
        sentence_count=len(article.sentences),
        word_count=len(article.text.split()),
        claim_count=sum(1 for _, mark in marked if mark.kind == "claim"),
        quote_count=sum(1 for _, mark in marked if mark.kind == "quote"),
        mention_count=sum(1 for _, mark in marked if mark.kind == "entity"),
    )


def article_marks(article_id: str, analysis: Analysis) -> list[Marked]:
    """Every claim, quote and entity mention of one article, as marks on its text."""
    marked: list[Marked] = [
        (
            claim.span,
            Mark(kind="claim", ref=claim_anchor(claim.id), label=f"claim: {claim.measure}"),
        )
        for claim in analysis.claims
        if claim.article == article_id
    ]
    marked += [
        (
            quote.span,
            Mark(kind="quote", ref=quote_anchor(quote.id), label=_quote_label(quote.speaker)),
        )
        for quote in analysis.quotes
        if quote.article == article_id
    ]
    for entity in analysis.entities:
        mark = Mark(
            kind="entity", ref=entity_anchor(entity.id), label=f"{entity.type}: {entity.name}"
        )
        marked += [(m.span, mark) for m in entity.mentions if m.article == article_id]
    return marked


def _quote_label(speaker: str | None) -> str:
    return f"quote: {speaker}" if speaker else "quote (speaker unknown)"


def skip_view(skip: Skip) -> SkipView:
    """A skipped input as the report lists it."""
    return SkipView(source=skip.source, stage=skip.stage, reason=skip.reason)


def by_date(articles: Sequence[Article]) -> list[Article]:
    """Oldest first, undated last, then by id: the order never depends on input order."""
    return sorted(articles, key=lambda a: (a.published is None, a.published or "", a.id))


def articles_by_id(analysis: Analysis) -> Mapping[str, Article]:
    """The analysis' articles keyed by id."""
    return {article.id: article for article in analysis.articles}


def _language_counts(articles: Sequence[Article]) -> tuple[tuple[str, int], ...]:
    counts: dict[str, int] = {}
    for article in articles:
        key = article.language or "unknown"
        counts[key] = counts.get(key, 0) + 1
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
