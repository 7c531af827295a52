"""Claims: counts as hedged intervals, direct quotes with speakers, entities across spellings.

``extract`` is the stage's one entry point: it reads every article, finds named
mentions (a spaCy pipeline when installed, rules always), clusters them into
entities across all articles, then extracts quotes (speakers resolved to entities)
and count claims. Modules, one per part:

- ``numbers``  numerals and number words -> values, with roles (never years, ages, ...)
- ``hedges``   hedge words -> intervals (every rule documented there)
- ``measures`` what a count counts
- ``dates``    as-of dates from the article date and relative expressions
- ``counts``   count claims: measure, subject, attribution, as_of, retraction
- ``totals``   one article's killed / injured totals and the claims behind them
- ``quotes``   quote spans, cues and speakers
- ``entities`` NER + rule mentions, alias clustering
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storytrace.claims._ner import load_pipeline, ner_spans
from storytrace.claims.counts import extract_counts
from storytrace.claims.entities import (
    EntityIndex,
    RawMention,
    acronym_links,
    clean_name,
    cluster,
    name_mentions,
    ner_mentions,
    rule_mentions,
)
from storytrace.claims.quotes import find_quotes
from storytrace.model import Article, Claim, Entity, Quote
from storytrace.text.sentences import split_sentences

__all__ = ["Extracted", "extract"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class Extracted:
    """What the claims stage found in a pile of articles."""

    claims: tuple[Claim, ...]
    quotes: tuple[Quote, ...]
    entities: tuple[Entity, ...]


def extract(
    articles: Sequence[Article], *, ner: str | None = "en_core_web_sm", **options: Any
) -> Extracted:
    """Extract count claims, quotes and entities from ``articles``.

    Args:
        articles: cleaned articles (their ``sentences`` are used; split here when empty).
        ner: the name of an installed spaCy pipeline for named entities, or None for
            rule-based names only. A missing pipeline falls back to rules, with a log
            line saying how to install one.
        **options: ``batch_size`` (sentences per spaCy ``pipe`` batch, default 64).

    Returns:
        Claims and quotes in article order (ids ``"<article>:c<n>"`` / ``"<article>:q<n>"``),
        entities sorted by canonical name (ids ``"e:<slug>"``).

    Example:
        >>> from storytrace.model import Article
        >>> text = "Officials said nearly 8,000 people were arrested."
        >>> result = extract([Article(id="a", source="a", text=text)], ner=None)
        >>> [(c.measure, c.low, c.high) for c in result.claims]
        [('arrested', 7500.0, 7999.0)]
    """
    prepared = [_with_sentences(article) for article in articles]
    nlp = load_pipeline(ner) if ner else None
    batch_size = int(options.get("batch_size", 64))
    mentions: list[RawMention] = []
    links: list[tuple[str, str]] = []
    texts = [a.text for a in prepared]
    sentences = [a.sentences for a in prepared]
    spans = ner_spans(nlp, texts, sentences=sentences, batch_size=batch_size)
    for article, ents in zip(prepared, spans, strict=True):
        mentions += rule_mentions(article.id, article.text, capital_runs=nlp is None)
        mentions += ner_mentions(article.id, article.text, ents)
        links += acronym_links(article.text)
    index = cluster(mentions, links)
    by_article: dict[str, list[RawMention]] = {}
    for mention in mentions:  # grouped once: one pass per article over all was quadratic
        by_article.setdefault(mention.article, []).append(mention)
    quotes: list[Quote] = []
    claims: list[Claim] = []
    for article in prepared:
        own = by_article.get(article.id, [])
        quotes += _quotes(article, index, name_mentions(own, article.id))
        claims += extract_counts(article)
    return Extracted(claims=tuple(claims), quotes=tuple(quotes), entities=index.entities)


def _with_sentences(article: Article) -> Article:
    if article.sentences or not article.text:
        return article
    from dataclasses import replace

    return replace(article, sentences=tuple(split_sentences(article.text)))


def _quotes(article: Article, index: EntityIndex, names: Sequence[Any]) -> list[Quote]:
    hits = find_quotes(article.text, article.sentences, names)
    return [
        Quote(
            id=f"{article.id}:q{serial}",
            article=article.id,
            span=hit.span,
            text=article.text[hit.span[0] : hit.span[1]],
            speaker=clean_name(hit.speaker) if hit.speaker else None,
            entity=index.resolve(hit.speaker),
            cue=hit.cue,
        )
        for serial, hit in enumerate(hits, start=1)
    ]
