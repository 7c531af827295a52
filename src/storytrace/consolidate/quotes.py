"""Quotes across sources: the same utterance as printed by different articles.

Two quotes are matched when

- they sit in passages the reuse stage aligned between two articles, in the same order
  (or, when the passages hold different numbers of quotes, by word overlap); or
- two articles of one story give them to the same speaker with words that overlap
  (``SAME_SPEAKER_OVERLAP``), or to no known speaker with much overlap (``ANY_OVERLAP``).

A match is *verbatim* when the words are the same (one may be a cut of the other),
*altered* when a copy derived in the same language changed the words inside the
quotation marks (the derived side is the altered one; its origin holds the original
wording), and otherwise a *translation*: another rendering of the same speech.

A quote's status: ``altered`` if it is the derived side of an altered match; ``original``
if it is the earliest printing of its utterance (earliest article, by publication); else
``verbatim`` if it repeats an earlier printing word for word; else ``translation``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from storytrace.consolidate.provenance import UnionFind
from storytrace.model import Article, Quote, QuoteStatus, Relation, Span, Story
from storytrace.reuse.skeleton import fold
from storytrace.stories.index import DERIVED_KINDS

__all__ = ["ANY_OVERLAP", "SAME_SPEAKER_OVERLAP", "check_quotes", "overlap"]

SAME_SPEAKER_OVERLAP = 0.35
"""Share of the shorter quote's word stems found in the other, for one speaker (demo, kz2022)."""
ANY_OVERLAP = 0.5
"""Dice coefficient of the stem sets needed when a speaker is unknown on either side."""
MIN_STEMS = 3
"""Quotes of fewer word stems are matched only word for word ("soon", "terrorists")."""
_STEM = 5
_WORD = re.compile(r"[^\W_]+")
Order = tuple[bool, bool, str, str]
"""Derived copy?, undated?, published, article id: smaller is earlier."""
Rank = Mapping[str, Order]


@dataclass(frozen=True, slots=True)
class _Edge:
    a: str
    b: str
    kind: str
    """``verbatim``, ``translation`` or ``altered`` (then ``b`` is the derived, altered side)."""


_FUNCTION_WORDS = (
    "the and for are but not you all any can had her was one our out has him his how its "
    "may who did get let she too use that with have this will your from they been were "
    "what when which their there would could should about into than them then these "
    "those some such"
)
_FUNCTION = frozenset(_FUNCTION_WORDS.split())
"""English function words, left out of quote comparison (content words carry the match)."""


def _stems(text: str) -> set[str]:
    folded = (fold(w) for w in _WORD.findall(text))
    return {w[:_STEM] for w in folded if len(w) > 2 and w not in _FUNCTION}


def dice(a: str, b: str) -> float:
    """Dice coefficient of the two quotes' stem sets."""
    left, right = _stems(a), _stems(b)
    return 2 * len(left & right) / (len(left) + len(right)) if left and right else 0.0


def overlap(a: str, b: str) -> float:
    """Share of the smaller stem set (words cut to five letters) found in the other."""
    left, right = _stems(a), _stems(b)
    if not left or not right:
        return 0.0
    return len(left & right) / min(len(left), len(right))


def _plain(text: str) -> str:
    return " ".join(fold(w) for w in _WORD.findall(text))


def _same_words(a: Quote, b: Quote) -> bool:
    x, y = _plain(a.text), _plain(b.text)
    return bool(x and y) and (x in y or y in x)


def check_quotes(
    quotes: Sequence[Quote],
    *,
    articles: Mapping[str, Article],
    stories: Sequence[Story],
    relations: Sequence[Relation],
) -> tuple[Quote, ...]:
    """Every quote with ``status`` and ``matches`` filled, in input order."""
    by_id = {q.id: q for q in quotes}
    rank = _ranks(articles, relations)
    edges: list[_Edge] = []
    by_article: dict[str, list[Quote]] = defaultdict(list)
    for quote in quotes:
        by_article[quote.article].append(quote)
    for relation in relations:
        edges += _aligned(relation, by_article, rank)
    for story in stories:
        edges += _spoken(story, by_article, articles, rank)
    edges = _unique(edges)
    first = _first_printings(edges, by_id, rank)
    return tuple(_checked(q, edges, first, rank, by_id) for q in quotes)


def _when(quote: Quote, rank: Rank) -> tuple[Order, str]:
    return (rank.get(quote.article, (True, True, "", quote.article)), quote.id)


def _first_printings(edges: list[_Edge], by_id: Mapping[str, Quote], rank: Rank) -> dict[str, str]:
    """Quote id -> the earliest printing of its utterance (matches joined transitively)."""
    groups = UnionFind()
    for edge in edges:
        groups.union(edge.a, edge.b)
    members: dict[str, list[str]] = defaultdict(list)
    for quote_id in sorted({e.a for e in edges} | {e.b for e in edges}):
        members[groups.find(quote_id)].append(quote_id)
    first = {root: min(ids, key=lambda q: _when(by_id[q], rank)) for root, ids in members.items()}
    return {q: first[root] for root, ids in members.items() for q in ids}


def _ranks(articles: Mapping[str, Article], relations: Sequence[Relation]) -> dict[str, Order]:
    """When each article printed: derived copies after originals, then by publication."""
    copies = {
        r.b if r.origin == r.a else r.a
        for r in relations
        if r.kind in DERIVED_KINDS and r.origin in (r.a, r.b)
    }
    return {
        a.id: (a.id in copies, a.published is None, a.published or "", a.id)
        for a in articles.values()
    }


def _inside(span: Span, passage: Span) -> bool:
    return span[0] < passage[1] and passage[0] < span[1]


def _aligned(relation: Relation, by_article: Mapping[str, list[Quote]], rank: Rank) -> list[_Edge]:
    """Matches inside the passages a derived copy shares with its origin (any speaker)."""
    found: list[_Edge] = []
    for passage in relation.passages:
        left = [q for q in by_article.get(relation.a, []) if _inside(q.span, passage.a)]
        right = [q for q in by_article.get(relation.b, []) if _inside(q.span, passage.b)]
        if relation.kind in DERIVED_KINDS:
            found += [_edge(x, y, relation, rank) for x, y in _pair(left, right)]
    return found


def _pair(left: list[Quote], right: list[Quote]) -> list[tuple[Quote, Quote]]:
    """Quotes of two aligned passages: in order when both hold as many, else by overlap."""
    if not left or not right:
        return []
    if len(left) == len(right):
        return list(zip(left, right, strict=True))
    pairs = []
    for x in left:
        best = max(right, key=lambda y: (overlap(x.text, y.text), y.id))
        if min(len(_stems(x.text)), len(_stems(best.text))) >= MIN_STEMS and (
            overlap(x.text, best.text) >= ANY_OVERLAP
        ):
            pairs.append((x, best))
    return pairs


def _edge(x: Quote, y: Quote, relation: Relation | None, rank: Rank) -> _Edge:
    if _same_words(x, y):
        return _Edge(x.id, y.id, "verbatim")
    if relation is not None and relation.kind in DERIVED_KINDS and relation.kind != "translated":
        origin = relation.origin or min(
            (x.article, y.article), key=lambda a: rank.get(a, (True, True, "", a))
        )
        source, copy = (x, y) if origin == x.article else (y, x)
        return _Edge(source.id, copy.id, "altered")
    return _Edge(x.id, y.id, "translation")


def _spoken(
    story: Story, by_article: Mapping[str, list[Quote]], articles: Mapping[str, Article], rank: Rank
) -> list[_Edge]:
    members = [q for a in story.articles for q in by_article.get(a, [])]
    found = []
    for i, x in enumerate(members):
        for y in members[i + 1 :]:
            if x.article != y.article and _same_utterance(x, y, articles):
                found.append(_edge(x, y, None, rank))
    return found


def _same_utterance(x: Quote, y: Quote, articles: Mapping[str, Article]) -> bool:
    if x.entity and y.entity and x.entity != y.entity:
        return False
    language = {articles[q.article].language if q.article in articles else None for q in (x, y)}
    if len(language) > 1:
        return False
    if min(len(_stems(x.text)), len(_stems(y.text))) < MIN_STEMS:
        return bool(x.entity) and x.entity == y.entity and _plain(x.text) == _plain(y.text)
    if x.entity and x.entity == y.entity:
        return overlap(x.text, y.text) >= SAME_SPEAKER_OVERLAP
    return dice(x.text, y.text) >= ANY_OVERLAP


def _unique(edges: list[_Edge]) -> list[_Edge]:
    strength = {"altered": 2, "verbatim": 1, "translation": 0}
    best: dict[frozenset[str], _Edge] = {}
    for edge in edges:
        key = frozenset((edge.a, edge.b))
        if len(key) == 2 and (key not in best or strength[edge.kind] > strength[best[key].kind]):
            best[key] = edge
    return list(best.values())


def _checked(
    quote: Quote,
    edges: list[_Edge],
    first: Mapping[str, str],
    rank: Rank,
    by_id: Mapping[str, Quote],
) -> Quote:
    mine = [e for e in edges if quote.id in (e.a, e.b)]
    if not mine:
        return replace(quote, status="original", matches=())
    matches = tuple(sorted({e.b if e.a == quote.id else e.a for e in mine}))
    return replace(quote, status=_status(quote, mine, first, rank, by_id), matches=matches)


def _status(
    quote: Quote,
    mine: list[_Edge],
    first: Mapping[str, str],
    rank: Rank,
    by_id: Mapping[str, Quote],
) -> QuoteStatus:
    if any(e.kind == "altered" and e.b == quote.id for e in mine):
        return "altered"
    if first.get(quote.id) == quote.id:
        return "original"
    mark = _when(quote, rank)
    earlier = [e for e in mine if _when(by_id[e.b if e.a == quote.id else e.a], rank) < mark]
    return "verbatim" if any(e.kind == "verbatim" for e in earlier) else "translation"
