"""View models: what a page shows, computed once, rendered by templates (HTML) or as JSON.

The static report and (later) the web UI render the same templates from these.
They hold plain data only; all escaping happens in the template engine.
"""

from __future__ import annotations

from dataclasses import dataclass

from storytrace.model import Analysis, Article, Skip


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleView:
    """One article as the report lists it."""

    id: str
    anchor: str
    title: str
    outlet: str | None
    published: str | None
    language: str | None
    url: str | None
    source: str
    paragraphs: tuple[str, ...]
    removed_lines: tuple[str, ...]
    sentence_count: int
    word_count: int


@dataclass(frozen=True, slots=True, kw_only=True)
class SkipView:
    source: str
    stage: str
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportView:
    """The whole report: a summary line, the articles, and what was skipped."""

    title: str
    article_count: int
    skipped_count: int
    removed_line_count: int
    languages: tuple[tuple[str, int], ...]
    articles: tuple[ArticleView, ...]
    skipped: tuple[SkipView, ...]


def build_report_view(analysis: Analysis, *, title: str = "storytrace report") -> ReportView:
    """Turn an analysis into the view model the report templates render."""
    articles = tuple(
        _article_view(article, index) for index, article in enumerate(_by_date(analysis.articles))
    )
    return ReportView(
        title=title,
        article_count=len(articles),
        skipped_count=len(analysis.skipped),
        removed_line_count=sum(len(article.removed_lines) for article in articles),
        languages=_language_counts(analysis.articles),
        articles=articles,
        skipped=tuple(_skip_view(skip) for skip in analysis.skipped),
    )


def _article_view(article: Article, index: int) -> ArticleView:
    return ArticleView(
        id=article.id,
        anchor=f"article-{index}-{_anchor_safe(article.id)}",
        title=article.title or article.id,
        outlet=article.outlet,
        published=article.published,
        language=article.language,
        url=_safe_url(article.url),
        source=article.source,
        paragraphs=tuple(p for p in article.text.split("\n") if p.strip()),
        removed_lines=article.removed_lines,
        sentence_count=len(article.sentences),
        word_count=len(article.text.split()),
    )


def _skip_view(skip: Skip) -> SkipView:
    return SkipView(source=skip.source, stage=skip.stage, reason=skip.reason)


def _by_date(articles: tuple[Article, ...]) -> list[Article]:
    """Oldest first, undated last, then by id: the order never depends on input order."""
    return sorted(articles, key=lambda a: (a.published is None, a.published or "", a.id))


def _language_counts(articles: tuple[Article, ...]) -> tuple[tuple[str, int], ...]:
    counts: dict[str, int] = {}
    for article in articles:
        key = article.language or "unknown"
        counts[key] = counts.get(key, 0) + 1
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _anchor_safe(article_id: str) -> str:
    """An HTML id made only of safe characters (article ids come from file names)."""
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in article_id)


def _safe_url(url: str | None) -> str | None:
    """Only http(s) links are rendered as links; anything else (``javascript:``...) is dropped."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None
