"""Side-by-side alignment of a related pair: passages with the substituted words highlighted."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from storytrace.model import Article, Passage, Quote, Relation
from storytrace.report._ids import dom_id, plain
from storytrace.report.graph import relation_anchor
from storytrace.report.highlight import Mark, Marked, Segment, find_all, segments


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleRef:
    """Enough of an article to name it and link to it."""

    id: str
    anchor: str
    title: str
    outlet: str | None
    published: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class PassageView:
    """Aligned text, side by side; ``sub`` marks show the words one side swapped."""

    a: tuple[Segment, ...]
    b: tuple[Segment, ...]
    similarity: float
    substitutions: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class QuotePairView:
    """A quote of one side and its altered rendering on the other."""

    a: str
    b: str
    speaker: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class AlignmentView:
    """A relation as its own page or section."""

    anchor: str
    a: ArticleRef
    b: ArticleRef
    kind: str
    origin: str | None
    score: float
    coverage_a: float
    coverage_b: float
    passages: tuple[PassageView, ...]
    altered_quotes: tuple[QuotePairView, ...]

    def to_dict(self) -> dict[str, Any]:
        """The page's JSON twin."""
        return dict(plain(self))


def article_ref(article_id: str, articles: Mapping[str, Article]) -> ArticleRef:
    """A reference to an article; an id the analysis lacks still gets a (bare) reference."""
    article = articles.get(article_id)
    return ArticleRef(
        id=article_id,
        anchor=dom_id("article", article_id),
        title=(article.title if article else None) or article_id,
        outlet=article.outlet if article else None,
        published=article.published if article else None,
    )


def build_alignment(
    relation: Relation, articles: Mapping[str, Article], quotes: Sequence[Quote] = ()
) -> AlignmentView:
    """The alignment view of one relation."""
    text_a = articles[relation.a].text if relation.a in articles else ""
    text_b = articles[relation.b].text if relation.b in articles else ""
    return AlignmentView(
        anchor=relation_anchor(relation),
        a=article_ref(relation.a, articles),
        b=article_ref(relation.b, articles),
        kind=relation.kind,
        origin=relation.origin,
        score=relation.score,
        coverage_a=relation.coverage_a,
        coverage_b=relation.coverage_b,
        passages=tuple(_passage(p, text_a, text_b) for p in relation.passages),
        altered_quotes=_altered_quotes(relation, quotes),
    )


def _passage(passage: Passage, text_a: str, text_b: str) -> PassageView:
    marks_a: list[Marked] = []
    marks_b: list[Marked] = []
    for old, new in passage.substitutions:
        label = f"{old} → {new}"
        mark = Mark(kind="sub", ref="", label=label)
        marks_a += [(span, mark) for span in _within(text_a, old, passage.a)]
        marks_b += [(span, mark) for span in _within(text_b, new, passage.b)]
    return PassageView(
        a=segments(text_a, marks_a, span=_clip(passage.a, text_a)),
        b=segments(text_b, marks_b, span=_clip(passage.b, text_b)),
        similarity=passage.similarity,
        substitutions=passage.substitutions,
    )


def _clip(span: tuple[int, int], text: str) -> tuple[int, int]:
    start = min(max(span[0], 0), len(text))
    return (start, min(max(span[1], start), len(text)))


def _within(text: str, needle: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    start, end = _clip(span, text)
    return [(s + start, e + start) for s, e in find_all(text[start:end], needle)]


def _altered_quotes(relation: Relation, quotes: Sequence[Quote]) -> tuple[QuotePairView, ...]:
    by_id = {quote.id: quote for quote in quotes}
    pairs = []
    for quote in quotes:
        if quote.article != relation.a:
            continue
        for match_id in quote.matches:
            other = by_id.get(match_id)
            if other and other.article == relation.b and "altered" in (quote.status, other.status):
                pairs.append(QuotePairView(a=quote.text, b=other.text, speaker=quote.speaker))
    return tuple(pairs)
