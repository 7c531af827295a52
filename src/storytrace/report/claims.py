"""Claims, quotes and entities as the report shows them.

Claims are grouped by ``(measure, subject)``. Until the consolidation stage gives facts
(agreed / changed / conflict / single, independent-source counts), a group's ``status`` is only
what the values themselves say: ``single`` (one claim), ``same`` (every asserted claim gives the
same interval) or ``differs``; a fact's status will replace it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from storytrace.model import Article, Claim, Entity, Quote
from storytrace.report._ids import dom_id


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimRowView:
    """One source's claim in a claims-table group."""

    id: str
    anchor: str
    article: str
    article_anchor: str
    article_title: str
    outlet: str | None
    text: str
    value: str
    hedge: str | None
    attribution: str | None
    as_of: str | None
    retracted: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimGroupView:
    """Every claim about one ``(measure, subject)``."""

    anchor: str
    measure: str
    subject: str | None
    status: str
    values: tuple[str, ...]
    source_count: int
    rows: tuple[ClaimRowView, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteView:
    """A direct quote with its speaker and cross-source status."""

    id: str
    anchor: str
    article: str
    article_anchor: str
    article_title: str
    outlet: str | None
    text: str
    speaker: str | None
    cue: str | None
    status: str
    matches: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityView:
    """An entity with every spelling it goes by and the articles naming it."""

    id: str
    anchor: str
    name: str
    type: str
    aliases: tuple[str, ...]
    articles: tuple[str, ...]
    mention_count: int


def claim_anchor(claim_id: str) -> str:
    return dom_id("claim", claim_id)


def quote_anchor(quote_id: str) -> str:
    return dom_id("quote", quote_id)


def entity_anchor(entity_id: str) -> str:
    return dom_id("entity", entity_id)


def format_value(low: float | None, high: float | None) -> str:
    """An interval as a reader says it: ``164``, ``7,500–8,000``, ``≥ 161``, ``< 50``, ``?``.

    Example:
        >>> format_value(7500, 8000), format_value(161, None), format_value(None, None)
        ('7,500–8,000', '≥ 161', '?')
    """
    if low is not None and high is not None:
        return _number(low) if low == high else f"{_number(low)}–{_number(high)}"
    if low is not None:
        return f"≥ {_number(low)}"
    if high is not None:
        return f"< {_number(high)}"
    return "?"


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}"


def group_status(claims: Sequence[Claim]) -> str:
    """``single``, ``same`` or ``differs``, from the asserted (not retracted) claims' intervals."""
    values = {(claim.low, claim.high) for claim in claims if claim.status != "retracted"}
    if len(claims) == 1:
        return "single"
    return "same" if len(values) <= 1 else "differs"


def build_claim_groups(
    claims: Sequence[Claim], articles: Mapping[str, Article]
) -> tuple[ClaimGroupView, ...]:
    """The claims table: a group per ``(measure, subject)``, differing groups first."""
    grouped: dict[tuple[str, str | None], list[Claim]] = {}
    for claim in claims:
        grouped.setdefault((claim.measure, claim.subject), []).append(claim)
    groups = [_group(key, members, articles) for key, members in grouped.items()]
    order = {"differs": 0, "same": 1, "single": 2}
    return tuple(sorted(groups, key=lambda g: (order[g.status], g.measure, g.subject or "")))


def _group(
    key: tuple[str, str | None], claims: list[Claim], articles: Mapping[str, Article]
) -> ClaimGroupView:
    measure, subject = key
    rows = tuple(_claim_row(c, articles) for c in sorted(claims, key=lambda c: (c.article, c.id)))
    return ClaimGroupView(
        anchor=dom_id("claims", measure, subject or ""),
        measure=measure,
        subject=subject,
        status=group_status(claims),
        values=tuple(sorted({row.value for row in rows if not row.retracted})),
        source_count=len({claim.article for claim in claims}),
        rows=rows,
    )


def _claim_row(claim: Claim, articles: Mapping[str, Article]) -> ClaimRowView:
    article = articles.get(claim.article)
    return ClaimRowView(
        id=claim.id,
        anchor=claim_anchor(claim.id),
        article=claim.article,
        article_anchor=dom_id("article", claim.article),
        article_title=(article.title if article else None) or claim.article,
        outlet=article.outlet if article else None,
        text=claim.text,
        value=format_value(claim.low, claim.high),
        hedge=claim.hedge,
        attribution=claim.attribution,
        as_of=claim.as_of,
        retracted=claim.status == "retracted",
    )


def build_quotes(quotes: Sequence[Quote], articles: Mapping[str, Article]) -> tuple[QuoteView, ...]:
    """Quotes by speaker, then article."""
    ordered = sorted(quotes, key=lambda q: (q.speaker or "\uffff", q.article, q.span, q.id))
    return tuple(_quote(quote, articles) for quote in ordered)


def _quote(quote: Quote, articles: Mapping[str, Article]) -> QuoteView:
    article = articles.get(quote.article)
    return QuoteView(
        id=quote.id,
        anchor=quote_anchor(quote.id),
        article=quote.article,
        article_anchor=dom_id("article", quote.article),
        article_title=(article.title if article else None) or quote.article,
        outlet=article.outlet if article else None,
        text=quote.text,
        speaker=quote.speaker,
        cue=quote.cue,
        status=quote.status,
        matches=quote.matches,
    )


def build_entities(entities: Sequence[Entity]) -> tuple[EntityView, ...]:
    """Entities, most widely named first."""
    ordered = sorted(entities, key=lambda e: (-len(e.articles), e.name, e.id))
    return tuple(
        EntityView(
            id=entity.id,
            anchor=entity_anchor(entity.id),
            name=entity.name,
            type=entity.type,
            aliases=entity.aliases,
            articles=entity.articles,
            mention_count=len(entity.mentions),
        )
        for entity in ordered
    )
