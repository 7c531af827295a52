"""From an alignment to a relation kind, and which side is the origin.

Features of an aligned pair of articles (``Features``): how much of each side
is aligned, how exact the aligned sentences are, how many aligned sentences
look spun (word swaps with names and numbers kept), and whether the order is
kept. The rules, in order:

1. different languages, enough aligned in order -> ``translated``: most of both sides,
   or at least ``TRANSLATED_RUN`` mutual-nearest sentence pairs in order covering most
   of the shorter side (a translation of the first part of a long article; sentence
   splits differ across languages and scripts);
2. exact sentences (word ratio >= ``EXACT``) covering most of both -> ``copy``,
   of one side or a block of ``EXCERPT_RUN`` sentences in a row -> ``excerpt``, when most
   aligned sentences (``VERBATIM_SHARE``) are exact;
3. most aligned sentences spun, in order, covering much of one side -> ``spun``;
4. enough aligned -> ``rewrite``; when the aligned sentences are only loosely similar,
   only if they also cover much of one side (``REWRITE_EVIDENCE``);
5. otherwise ``independent`` (shared facts or quotes of one speech are normal).

Origin: the earlier publication date when both dates say so; otherwise
content: an attribution line naming the other side's outlet, the more fluent
side of a spun pair's swaps, the contained side of an excerpt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from storytrace.model import Article, ReuseKind
from storytrace.reuse.align import Alignment, Link, Prepared, joined
from storytrace.reuse.skeleton import fold

__all__ = ["EXACT", "EXCERPT_RUN", "Features", "decide_kind", "decide_origin", "features"]

EXACT = 0.85
"""Word ratio of a copied sentence (light edits keep it above; Clough-Stevenson dev, demo)."""
SPUN_MIN_SENTENCES = 3
"""Aligned spun sentences needed for ``spun`` (kz2022: 8; PAN pairs are single sentences)."""
EXCERPT_RUN = 3
"""Exact sentences in a row (on both sides) that make an ``excerpt`` of a longer text (demo
excerpt: 7 in a row; a generated same-beat pile, benchmarks/corpus.py, shares up to 10
formulaic sentences per pair, scattered)."""
COPY_COVERAGE = 0.6
"""Exact coverage of both sides for ``copy`` (demo: a dropped sentence keeps it above)."""
VERBATIM_SHARE = 0.7
"""Share of the aligned sentences that must be exact for ``excerpt``: a text whose shared
part mixes verbatim and reworded sentences is a light ``rewrite`` (Clough-Stevenson dev:
``cut`` answers 0.56-1.0, most 1.0; ``light`` ones with a verbatim block 0.46-0.6)."""
REWRITE_COVERAGE = 0.3
"""Aligned coverage of one side for ``rewrite`` (Clough-Stevenson dev heavy vs non)."""
REWRITE_EVIDENCE = 0.2
"""Coverage x mean similarity a loosely aligned pair (mean below ``MIN_MEAN_SIMILARITY``)
needs for ``rewrite``: Clough-Stevenson dev heavy revisions 0.27-0.33, ``non`` answers at
most 0.12; demo independent pairs of one story at most 0.14."""
TRANSLATED_COVERAGE = 0.5
"""Aligned coverage of both sides for ``translated`` (demo)."""
TRANSLATED_RUN = 3
TRANSLATED_RUN_COVERAGE = 0.5
"""Coverage of the shorter side enough for ``translated`` when ``TRANSLATED_RUN`` sentence
pairs align in order. SemEval-2022 T8 dev (``evaluate_translations``), with
``embed.ALIGN_MARGIN`` 1.04: 75 of 80 machine translations of one article, none of 80
pairs of two articles (of one story or not); 0.4-0.6 and margins 1.03-1.04 alike. Demo:
the French report and the English original of one story reach 3 pairs but cover 0.18."""
MIN_MEAN_SIMILARITY = 0.5
"""Mean word ratio of aligned sentences for ``spun`` and ``rewrite`` (demo: spun 0.58,
rewrite 0.59, independent pairs of one story 0.40-0.41; kz2022 spun 0.54)."""
_SKELETON_KEPT = 0.5


@dataclass(frozen=True, slots=True)
class Features:
    """What the alignment says about a pair of articles."""

    coverage_a: float
    coverage_b: float
    exact_a: float
    exact_b: float
    aligned: int
    exact: int
    exact_run: int
    spun: int
    in_order: int
    cross_lingual: bool
    mean_similarity: float
    coverage_shorter: float = 0.0
    """Aligned coverage of the side with fewer characters."""


def _coverage(prepared: Prepared, indices: set[int]) -> float:
    total = prepared.chars
    if not total:
        return 0.0
    covered = sum(prepared.sentences[i].span[1] - prepared.sentences[i].span[0] for i in indices)
    return covered / total


def _indices(ranges: Iterable[tuple[int, int]]) -> set[int]:
    return {k for first, last in ranges for k in range(first, last + 1)}


def _is_spun(a: Prepared, b: Prepared, link: Link) -> bool:
    if link.similarity >= EXACT:
        return False
    left, right = joined(a, link.a).skeleton, joined(b, link.b).skeleton
    if not left or not right:
        return True
    return len(left & right) / min(len(left), len(right)) >= _SKELETON_KEPT


def _longest_run(links: Sequence[Link]) -> int:
    """The most links in a row that follow each other on both sides (a copied block)."""
    best = run = 0
    previous: Link | None = None
    for link in sorted(links, key=lambda item: item.a):
        follows = previous is not None and (
            link.a[0] == previous.a[1] + 1 and link.b[0] == previous.b[1] + 1
        )
        run = run + 1 if follows else 1
        best = max(best, run)
        previous = link
    return best


def features(a: Prepared, b: Prepared, alignment: Alignment, *, cross_lingual: bool) -> Features:
    """Summarise an alignment of ``a`` with ``b``."""
    links = alignment.links
    exact = [link for link in links if link.similarity >= EXACT]
    coverage_a = _coverage(a, _indices(link.a for link in links))
    coverage_b = _coverage(b, _indices(link.b for link in links))
    return Features(
        coverage_a=coverage_a,
        coverage_b=coverage_b,
        exact_a=_coverage(a, _indices(link.a for link in exact)),
        exact_b=_coverage(b, _indices(link.b for link in exact)),
        aligned=len(links),
        exact=len(exact),
        exact_run=_longest_run(exact),
        spun=sum(_is_spun(a, b, link) for link in links),
        in_order=alignment.in_order,
        cross_lingual=cross_lingual,
        mean_similarity=sum(link.similarity for link in links) / len(links) if links else 0.0,
        coverage_shorter=coverage_a if a.chars <= b.chars else coverage_b,
    )


def decide_kind(f: Features) -> ReuseKind:
    """The relation kind the features point to (rules in the module docstring)."""
    if f.aligned == 0:
        return "independent"
    if f.cross_lingual:
        in_order = f.in_order >= 0.7 * f.aligned
        both = min(f.coverage_a, f.coverage_b) >= TRANSLATED_COVERAGE
        run = f.in_order >= TRANSLATED_RUN and f.coverage_shorter >= TRANSLATED_RUN_COVERAGE
        return "translated" if in_order and (both or run) else "independent"
    if min(f.exact_a, f.exact_b) >= COPY_COVERAGE:
        return "copy"
    verbatim = f.exact >= VERBATIM_SHARE * f.aligned
    if verbatim and (max(f.exact_a, f.exact_b) >= COPY_COVERAGE or f.exact_run >= EXCERPT_RUN):
        return "excerpt"
    loose = f.aligned >= SPUN_MIN_SENTENCES and f.mean_similarity < MIN_MEAN_SIMILARITY
    if not loose and _looks_spun(f):
        return "spun"
    if _looks_rewritten(f, loose=loose):
        return "rewrite"
    return "independent"


def _looks_rewritten(f: Features, *, loose: bool) -> bool:
    """Enough aligned; loosely aligned sentences must also cover much of one side."""
    wide = max(f.coverage_a, f.coverage_b)
    enough = wide >= REWRITE_COVERAGE and (f.aligned >= 3 or min(f.coverage_a, f.coverage_b) >= 0.8)
    return enough and (not loose or wide * f.mean_similarity >= REWRITE_EVIDENCE)


def _looks_spun(f: Features) -> bool:
    many = f.spun >= SPUN_MIN_SENTENCES or (
        f.spun == f.aligned and min(f.coverage_a, f.coverage_b) >= 0.8
    )
    ordered = f.in_order >= 0.8 * f.aligned
    return many and ordered and f.spun >= 0.6 * f.aligned and max(f.coverage_a, f.coverage_b) >= 0.3


def _timestamp(value: str | None) -> tuple[datetime, bool] | None:
    """A comparable UTC time and whether the value had a time of day."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC), "T" in value


def earlier_by_date(a: Article, b: Article) -> Article | None:
    """The article published first, when the dates are precise enough to say."""
    ta, tb = _timestamp(a.published), _timestamp(b.published)
    if ta is None or tb is None:
        return None
    if ta[1] and tb[1]:
        return a if ta[0] < tb[0] else b if tb[0] < ta[0] else None
    da, db = ta[0].date(), tb[0].date()
    return a if da < db else b if db < da else None


def _credits(article: Article, other: Article) -> bool:
    """Whether ``article`` names ``other``'s outlet in an attribution line."""
    if not other.outlet:
        return False
    outlet = re.sub(r"^the\s+|[^\w]+", "", fold(other.outlet))
    if len(outlet) < 3:
        return False
    pattern = r"\s*".join(re.escape(ch) for ch in outlet)
    return re.search(rf"\b{pattern}\b", fold(article.text)) is not None


def decide_origin(
    kind: ReuseKind, a: Article, b: Article, f: Features, fluency: float
) -> str | None:
    """The id of the side the other derives from, or None when the evidence does not say.

    Args:
        kind: the relation kind.
        a, b: the two articles.
        f: the alignment features.
        fluency: ``fluency.substitution_fluency`` of the swaps, positive when ``a`` reads better.
    """
    if kind == "independent":
        return None
    first = earlier_by_date(a, b)
    if first is not None:
        return first.id
    credited = [side for side, other in ((a, b), (b, a)) if _credits(other, side)]
    if len(credited) == 1:
        return credited[0].id
    return _origin_by_content(kind, a, b, f, fluency)


def _origin_by_content(
    kind: ReuseKind, a: Article, b: Article, f: Features, fluency: float
) -> str | None:
    if kind in ("spun", "translated") and abs(fluency) >= 0.2:
        return a.id if fluency > 0 else b.id
    if kind == "excerpt" and abs(f.exact_a - f.exact_b) >= 0.3:
        return a.id if f.exact_a > f.exact_b else b.id
    return None
