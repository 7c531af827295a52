"""Facts, claims, quotes and entities as the report shows them.

The claims table has one group per fact of the consolidation stage: its status (agreed,
changed, conflict, single) with the reason in words, the independent-source count, and a row
per source's claim (retracted claims struck through). When an analysis has no facts (the
consolidation stage did not run, or a hand-made analysis), claims are grouped by
``(measure, subject)`` and a group's status is only what the values themselves say:
``single`` (one claim), ``same`` (every asserted claim gives the same interval) or ``differs``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from storytrace.model import Article, Claim, Entity, Fact, Quote
from storytrace.report._ids import dom_id

STATUS_ORDER = {"conflict": 0, "differs": 0, "changed": 1, "agreed": 2, "same": 2, "single": 3}
"""Claims-table order: what needs a reader's attention first."""
WARNING_STATUSES = frozenset({"conflict", "differs"})


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimRowView:
    """One source's claim in a claims-table group.

    ``anchor`` is the row's DOM id, empty when the claim already has a row higher up (a claim
    can support two facts; an id may appear only once on a page).
    """

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
class FactView:
    """A group of the claims table: one fact (or, unconsolidated, one ``(measure, subject)``).

    ``independent_sources`` is None when no consolidation counted them.
    """

    id: str
    anchor: str
    measure: str
    subject: str | None
    status: str
    warning: bool
    value: str
    reason: str
    independent_sources: int | None
    source_count: int
    rows: tuple[ClaimRowView, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteRef:
    """Another printing of a quote: its words and where."""

    id: str
    anchor: str
    text: str
    article: str
    article_anchor: str
    source_label: str


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteView:
    """A direct quote with its speaker and cross-source status.

    ``originals`` holds, for an altered quote, the wording it was changed from.
    """

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
    originals: tuple[QuoteRef, ...]


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


def entity_anchor(entity_id: str, story_id: str = "") -> str:
    """An entity's DOM id inside one story's list (an entity can be listed by several)."""
    return dom_id("entity", story_id, entity_id)


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


def build_facts(
    facts: Sequence[Fact], claims: Mapping[str, Claim], articles: Mapping[str, Article]
) -> tuple[FactView, ...]:
    """The claims table of consolidated facts: conflicts first, then changed, agreed, single."""
    views = [_fact(fact, claims, articles) for fact in facts]
    return _anchor_first_rows(sorted(views, key=_table_order))


def _fact(fact: Fact, claims: Mapping[str, Claim], articles: Mapping[str, Article]) -> FactView:
    members = [claims[claim_id] for claim_id in fact.claims if claim_id in claims]
    return FactView(
        id=fact.id,
        anchor=dom_id("fact", fact.id),
        measure=fact.measure,
        subject=fact.subject,
        status=fact.status,
        warning=fact.status in WARNING_STATUSES,
        value=format_value(fact.low, fact.high),
        reason=fact.reason,
        independent_sources=fact.independent_sources,
        source_count=len({claim.article for claim in members}),
        rows=_rows(members, articles),
    )


def build_claim_groups(
    claims: Sequence[Claim], articles: Mapping[str, Article]
) -> tuple[FactView, ...]:
    """The claims table without facts: a group per ``(measure, subject)``, differing first."""
    grouped: dict[tuple[str, str | None], list[Claim]] = {}
    for claim in claims:
        grouped.setdefault((claim.measure, claim.subject), []).append(claim)
    views = [_group(key, members, articles) for key, members in grouped.items()]
    return _anchor_first_rows(sorted(views, key=_table_order))


def _group(
    key: tuple[str, str | None], claims: list[Claim], articles: Mapping[str, Article]
) -> FactView:
    measure, subject = key
    rows = _rows(claims, articles)
    values = sorted({row.value for row in rows if not row.retracted})
    status = group_status(claims)
    return FactView(
        id="",
        anchor=dom_id("claims", measure, subject or ""),
        measure=measure,
        subject=subject,
        status=status,
        warning=status in WARNING_STATUSES,
        value=" / ".join(values) or "—",
        reason="values as the sources state them; not consolidated",
        independent_sources=None,
        source_count=len({claim.article for claim in claims}),
        rows=rows,
    )


def _table_order(view: FactView) -> tuple[int, str, str, str]:
    return (STATUS_ORDER.get(view.status, 9), view.measure, view.subject or "", view.id)


def _rows(claims: Sequence[Claim], articles: Mapping[str, Article]) -> tuple[ClaimRowView, ...]:
    ordered = sorted(claims, key=lambda c: (c.status == "retracted", c.article, c.id))
    return tuple(_claim_row(claim, articles) for claim in ordered)


def _anchor_first_rows(views: Sequence[FactView]) -> tuple[FactView, ...]:
    """Keep a claim's row anchor on its first row only, so every DOM id stays unique."""
    seen: set[str] = set()
    result = []
    for view in views:
        rows = []
        for row in view.rows:
            rows.append(row if row.id not in seen else replace(row, anchor=""))
            seen.add(row.id)
        result.append(replace(view, rows=tuple(rows)))
    return tuple(result)


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


def build_quotes(
    quotes: Sequence[Quote],
    articles: Mapping[str, Article],
    *,
    known: Mapping[str, Quote] | None = None,
) -> tuple[QuoteView, ...]:
    """Quotes by speaker, then article; ``known`` finds the other printings of each."""
    by_id = dict(known) if known is not None else {quote.id: quote for quote in quotes}
    ordered = sorted(quotes, key=lambda q: (q.speaker or "\uffff", q.article, q.span, q.id))
    return tuple(_quote(quote, articles, by_id) for quote in ordered)


def _quote(quote: Quote, articles: Mapping[str, Article], known: Mapping[str, Quote]) -> QuoteView:
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
        originals=_originals(quote, articles, known) if quote.status == "altered" else (),
    )


def _originals(
    quote: Quote, articles: Mapping[str, Article], known: Mapping[str, Quote]
) -> tuple[QuoteRef, ...]:
    """The wording an altered quote was changed from: its matches that were not altered,
    the first printing (``original``) first."""
    found = [known[m] for m in quote.matches if m in known and known[m].status != "altered"]
    found.sort(key=lambda q: (q.status != "original", q.article, q.id))
    return tuple(_quote_ref(other, articles) for other in found)


def _quote_ref(quote: Quote, articles: Mapping[str, Article]) -> QuoteRef:
    article = articles.get(quote.article)
    label = (article.outlet or article.title if article else None) or quote.article
    return QuoteRef(
        id=quote.id,
        anchor=quote_anchor(quote.id),
        text=quote.text,
        article=quote.article,
        article_anchor=dom_id("article", quote.article),
        source_label=label,
    )


def build_entities(entities: Sequence[Entity], *, story_id: str = "") -> tuple[EntityView, ...]:
    """Entities, most widely named first; anchors are unique within ``story_id``'s list."""
    ordered = sorted(entities, key=lambda e: (-len(e.articles), e.name, e.id))
    return tuple(
        EntityView(
            id=entity.id,
            anchor=entity_anchor(entity.id, story_id),
            name=entity.name,
            type=entity.type,
            aliases=entity.aliases,
            articles=entity.articles,
            mention_count=len(entity.mentions),
        )
        for entity in ordered
    )
