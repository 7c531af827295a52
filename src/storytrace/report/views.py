"""View models: what a page shows, computed once, rendered by templates (HTML) or as JSON.

The static ``report.html`` and the web UI (``storytrace serve``) render the same templates
from these; every page's JSON twin is its view model's ``to_dict``. They hold plain data
only: all escaping happens in the template engine, and highlighted text is a list of
segments (``highlight.py``), never HTML.

A report holds one ``StoryView`` per story of the analysis: its cited brief, provenance
graph, events and timeline, claims table (facts), quotes and alignments. An analysis
without stories (the stories stage did not run) is shown as one story, the *pile*
(``PILE_ID``); articles that no story holds are gathered in one more (``UNSORTED_ID``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from storytrace.consolidate.provenance import article_groups
from storytrace.model import (
    Analysis,
    Article,
    Brief,
    Cited,
    Claim,
    Entity,
    Quote,
    Relation,
    Skip,
    Span,
    Story,
)
from storytrace.report._ids import dom_id, plain, safe_url
from storytrace.report.alignment import AlignmentView, ArticleRef, article_ref, build_alignment
from storytrace.report.claims import (
    EntityView,
    FactView,
    QuoteView,
    build_claim_groups,
    build_entities,
    build_facts,
    build_quotes,
    claim_anchor,
    entity_anchor,
    quote_anchor,
)
from storytrace.report.graph import GraphView, build_graph
from storytrace.report.highlight import Mark, Marked, Segment, paragraph_spans, segments
from storytrace.report.timeline import TimelineView, build_timeline, event_anchor

PILE_ID = "pile"
"""The one story every article belongs to when the analysis has no stories."""
UNSORTED_ID = "unsorted"
"""The story of the articles no story holds (the stories stage skipped them)."""


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
    story: str | None
    story_anchor: str | None
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
class Citation:
    """An article a sentence rests on, numbered as in its story's list of articles."""

    number: int
    article: ArticleRef


@dataclass(frozen=True, slots=True, kw_only=True)
class CitedView:
    """A sentence of a brief (or a timeline entry) with links to the articles it rests on."""

    text: str
    date: str | None
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class EventView:
    """What happened on one day of a story, and the articles reporting it."""

    id: str
    anchor: str
    number: int
    date: str | None
    title: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class StorySummary:
    """A line of the story list: how big a story is, how many independent sources, conflicts."""

    id: str
    anchor: str
    title: str
    article_count: int
    outlet_count: int
    independent_sources: int
    conflict_count: int
    first_date: str | None
    last_date: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryView:
    """A story: brief, graph, events and timeline, claims table, quotes and alignments."""

    id: str
    anchor: str
    title: str
    article_count: int
    outlet_count: int
    relation_count: int
    independent_sources: int
    conflict_count: int
    consolidated: bool
    first_date: str | None
    last_date: str | None
    articles: tuple[ArticleRef, ...]
    brief: tuple[CitedView, ...]
    chronology: tuple[CitedView, ...]
    events: tuple[EventView, ...]
    graph: GraphView | None
    timeline: TimelineView | None
    facts: tuple[FactView, ...]
    quotes: tuple[QuoteView, ...]
    entities: tuple[EntityView, ...]
    alignments: tuple[AlignmentView, ...]

    def summary(self) -> StorySummary:
        """The story's line in the story list."""
        return StorySummary(
            id=self.id,
            anchor=self.anchor,
            title=self.title,
            article_count=self.article_count,
            outlet_count=self.outlet_count,
            independent_sources=self.independent_sources,
            conflict_count=self.conflict_count,
            first_date=self.first_date,
            last_date=self.last_date,
        )

    def to_dict(self) -> dict[str, Any]:
        """The story page's JSON twin."""
        return dict(plain(self))


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportView:
    """The whole report: a summary line, the story list, the stories, the articles, the skips."""

    title: str
    article_count: int
    skipped_count: int
    removed_line_count: int
    languages: tuple[tuple[str, int], ...]
    story_list: tuple[StorySummary, ...]
    stories: tuple[StoryView, ...]
    articles: tuple[ArticleView, ...]
    skipped: tuple[SkipView, ...]

    def to_dict(self) -> dict[str, Any]:
        """The report's JSON twin."""
        return dict(plain(self))


class AnalysisIndex:
    """An analysis' records keyed for per-story and per-article lookups, built once."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.articles: dict[str, Article] = {a.id: a for a in analysis.articles}
        self.claims: dict[str, Claim] = {c.id: c for c in analysis.claims}
        self.quotes: dict[str, Quote] = {q.id: q for q in analysis.quotes}
        self.claims_of: dict[str, list[Claim]] = defaultdict(list)
        for claim in analysis.claims:
            self.claims_of[claim.article].append(claim)
        self.quotes_of: dict[str, list[Quote]] = defaultdict(list)
        for quote in analysis.quotes:
            self.quotes_of[quote.article].append(quote)
        self.mentions_of: dict[str, list[tuple[Span, Entity]]] = defaultdict(list)
        self.entities_of: dict[str, list[Entity]] = defaultdict(list)
        for entity in analysis.entities:
            for mention in entity.mentions:
                self.mentions_of[mention.article].append((mention.span, entity))
            for article_id in dict.fromkeys(entity.articles):
                self.entities_of[article_id].append(entity)
        self.relations_of: dict[str, list[Relation]] = defaultdict(list)
        for relation in analysis.relations:
            self.relations_of[relation.a].append(relation)
        self.stories = stories_of(analysis)
        self.story_of: dict[str, str] = {}
        for story in self.stories:
            for article_id in story.articles:
                self.story_of.setdefault(article_id, story.id)

    def entities_in(self, ids: set[str]) -> list[Entity]:
        """Entities named by any of the articles ``ids``, each once."""
        found = {e.id: e for a in sorted(ids) for e in self.entities_of.get(a, ())}
        return list(found.values())

    def relations_within(self, ids: set[str]) -> list[Relation]:
        """Relations whose both ends are among ``ids``, by ``(a, b)``."""
        found = [r for a in ids for r in self.relations_of.get(a, ()) if r.b in ids]
        return sorted(found, key=lambda r: (r.a, r.b))


def stories_of(analysis: Analysis) -> tuple[Story, ...]:
    """The stories to show: the analysis' own, plus one for articles none of them holds;
    the whole pile as one story when there are none."""
    if not analysis.stories:
        ids = tuple(a.id for a in by_date(analysis.articles))
        return (Story(id=PILE_ID, title="All articles", articles=ids),) if ids else ()
    held = {article_id for story in analysis.stories for article_id in story.articles}
    loose = tuple(a.id for a in by_date(analysis.articles) if a.id not in held)
    extra = (Story(id=UNSORTED_ID, title="Articles in no story", articles=loose),) if loose else ()
    return tuple(analysis.stories) + extra


def build_report_view(analysis: Analysis, *, title: str = "storytrace report") -> ReportView:
    """Turn an analysis into the view model the report templates render."""
    index = AnalysisIndex(analysis)
    articles = tuple(build_article_view(a, index) for a in by_date(analysis.articles))
    stories = tuple(build_story_view(index, story) for story in index.stories)
    ordered = sorted(stories, key=lambda s: (-s.article_count, s.first_date or "", s.id))
    return ReportView(
        title=title,
        article_count=len(articles),
        skipped_count=len(analysis.skipped),
        removed_line_count=sum(len(article.removed_lines) for article in articles),
        languages=_language_counts(analysis.articles),
        story_list=tuple(story.summary() for story in ordered),
        stories=tuple(ordered),
        articles=articles,
        skipped=tuple(skip_view(skip) for skip in analysis.skipped),
    )


def build_story_view(source: Analysis | AnalysisIndex, story: Story | None = None) -> StoryView:
    """A story's page: every part restricted to the story's articles.

    Args:
        source: the analysis (or its index) holding the story's records.
        story: the story; by default the first of ``stories_of(analysis)`` (the pile).
    """
    index = source if isinstance(source, AnalysisIndex) else AnalysisIndex(source)
    if story is None:
        story = index.stories[0] if index.stories else Story(id=PILE_ID, title="All articles")
    members = by_date([index.articles[a] for a in story.articles if a in index.articles])
    ids = {article.id for article in members}
    relations = index.relations_within(ids)
    facts = _story_facts(index, story, ids)
    dates = [a.published for a in members if a.published]
    refs = tuple(article_ref(article.id, index.articles) for article in members)
    numbers = {ref.id: number for number, ref in enumerate(refs, start=1)}
    brief = _brief(index, story)
    return StoryView(
        id=story.id,
        anchor=story_anchor(story.id),
        title=story.title or story.id,
        article_count=len(members),
        outlet_count=len({a.outlet for a in members if a.outlet}),
        relation_count=len(relations),
        independent_sources=len(set(article_groups(ids, relations).values())),
        conflict_count=sum(fact.warning for fact in facts),
        consolidated=any(fact.independent_sources is not None for fact in facts),
        first_date=min(dates, default=None),
        last_date=max(dates, default=None),
        articles=refs,
        brief=_cited(brief.summary, refs, numbers),
        chronology=_cited(_new_entries(brief.timeline, story), refs, numbers),
        events=_events(story, refs, numbers),
        graph=build_graph(members, relations),
        timeline=build_timeline(members, story.events),
        facts=facts,
        quotes=build_quotes(
            [q for a in sorted(ids) for q in index.quotes_of.get(a, ())],
            index.articles,
            known=index.quotes,
        ),
        entities=build_entities(index.entities_in(ids), story_id=story.id),
        alignments=tuple(
            build_alignment(r, index.articles, index.quotes_of[r.a] + index.quotes_of[r.b])
            for r in relations
        ),
    )


def summarize_story(source: Analysis | AnalysisIndex, story: Story) -> StorySummary:
    """A story's line in the story list, without laying out its graph or alignments."""
    index = source if isinstance(source, AnalysisIndex) else AnalysisIndex(source)
    members = [index.articles[a] for a in story.articles if a in index.articles]
    ids = {article.id for article in members}
    dates = [a.published for a in members if a.published]
    return StorySummary(
        id=story.id,
        anchor=story_anchor(story.id),
        title=story.title or story.id,
        article_count=len(members),
        outlet_count=len({a.outlet for a in members if a.outlet}),
        independent_sources=len(set(article_groups(ids, index.relations_within(ids)).values())),
        conflict_count=sum(fact.warning for fact in _story_facts(index, story, ids)),
        first_date=min(dates, default=None),
        last_date=max(dates, default=None),
    )


def story_anchor(story_id: str) -> str:
    """The DOM id of a story's section."""
    return dom_id("story", story_id)


def _story_facts(index: AnalysisIndex, story: Story, ids: set[str]) -> tuple[FactView, ...]:
    facts = [fact for fact in index.analysis.facts if fact.story == story.id]
    if facts:
        return build_facts(facts, index.claims, index.articles)
    claims = [claim for a in sorted(ids) for claim in index.claims_of.get(a, ())]
    return build_claim_groups(claims, index.articles)


def _brief(index: AnalysisIndex, story: Story) -> Brief:
    return index.analysis.briefs.get(story.id) or Brief()


def _citations(
    ids: Sequence[str], refs: Sequence[ArticleRef], numbers: Mapping[str, int]
) -> tuple[Citation, ...]:
    """Citations in the story's numbering; an article outside the story is not cited."""
    found = sorted({numbers[a] for a in ids if a in numbers})
    return tuple(Citation(number=n, article=refs[n - 1]) for n in found)


def _cited(
    lines: Sequence[Cited], refs: Sequence[ArticleRef], numbers: Mapping[str, int]
) -> tuple[CitedView, ...]:
    return tuple(
        CitedView(
            text=line.text, date=line.date, citations=_citations(line.articles, refs, numbers)
        )
        for line in lines
    )


def _new_entries(timeline: Sequence[Cited], story: Story) -> list[Cited]:
    """Timeline entries that do not merely repeat an event (same date, same words)."""
    said = {(event.date, event.title) for event in story.events}
    return [entry for entry in timeline if (entry.date, entry.text) not in said]


def _events(
    story: Story, refs: Sequence[ArticleRef], numbers: Mapping[str, int]
) -> tuple[EventView, ...]:
    """Events by date (undated last), numbered as the timeline numbers its markers."""
    ordered = sorted(story.events, key=lambda e: (e.date is None, e.date or "", e.id))
    return tuple(
        EventView(
            id=event.id,
            anchor=event_anchor(event.id),
            number=number,
            date=event.date,
            title=event.title,
            citations=_citations(event.articles, refs, numbers),
        )
        for number, event in enumerate(ordered, start=1)
    )


def build_article_view(article: Article, source: Analysis | AnalysisIndex) -> ArticleView:
    """An article with its claims, quotes and entity mentions highlighted in its text."""
    index = source if isinstance(source, AnalysisIndex) else AnalysisIndex(source)
    story = index.story_of.get(article.id)
    marked = article_marks(article.id, index, story_id=story or "")
    return ArticleView(
        id=article.id,
        anchor=dom_id("article", article.id),
        title=article.title or article.id,
        outlet=article.outlet,
        published=article.published,
        language=article.language,
        url=safe_url(article.url),
        source=article.source,
        story=story,
        story_anchor=story_anchor(story) if story else None,
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


def article_marks(article_id: str, index: AnalysisIndex, *, story_id: str = "") -> list[Marked]:
    """Every claim, quote and entity mention of one article, as marks on its text.

    Marks point at the claim's row, the quote's row and the entity in ``story_id``'s list.
    """
    marked: list[Marked] = [
        (
            claim.span,
            Mark(kind="claim", ref=claim_anchor(claim.id), label=f"claim: {claim.measure}"),
        )
        for claim in index.claims_of.get(article_id, ())
    ]
    marked += [
        (
            quote.span,
            Mark(kind="quote", ref=quote_anchor(quote.id), label=_quote_label(quote.speaker)),
        )
        for quote in index.quotes_of.get(article_id, ())
    ]
    marked += [
        (
            span,
            Mark(
                kind="entity",
                ref=entity_anchor(entity.id, story_id),
                label=f"{entity.type}: {entity.name}",
            ),
        )
        for span, entity in index.mentions_of.get(article_id, ())
    ]
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
