"""Junk-line removal: take page furniture out of scraped article text.

The method follows jusText (Pomikálek 2011) and boilerpipe, line by line:

1. **features** per line (``_line_features``): length and word count, stop-word
   density in the document's language (jusText's stop lists), whether it ends
   like a sentence, its script against the document's dominant script, and
   general web-furniture patterns (calls to action, captions and credits,
   link-list labels, date stamps, identifiers, hashtags, glued menus);
2. **repetition** (``line_stats``): a line repeated on independent pages of one
   site, or of the whole pile, is furniture; copies of one article do not count
   as independent, so their shared content survives;
3. **classes**: ``junk`` (a pattern or repetition says so), ``good`` (prose),
   ``near`` (a short sentence), ``short`` (anything else);
4. **context**: the header zone (before the first good line) and the footer
   zone (after the last good line) keep only headline-like lines and bylines,
   respectively sentences; datelines alone, calls for witnesses and embedded
   posts are kept in both; between good lines, short lines are kept as
   subheads and datelines.

Cleaning never empties a document that had content: if every line would go, the
best line stays. It is deterministic and idempotent for a fixed ``LineStats``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import Enum

from storytrace.ingest._line_features import (
    DocumentProfile,
    LineFeatures,
    LineScan,
    document_profile,
    is_margin_content,
    line_features,
    scan_line,
)
from storytrace.ingest.line_stats import LineStats, Repetition, site_labels
from storytrace.model import Document

__all__ = ["Cleaned", "LineStats", "clean_document"]

logger = logging.getLogger(__name__)

SITE_REPEAT_SHORT = 2
"""Independent pages of one site that make a non-prose line furniture (GVA dev, 2026-11-23)."""
SITE_REPEAT_PROSE = 3
"""Independent pages of one site that make even a prose line furniture (captcha, promos)."""
CORPUS_REPEAT_SHORT = 4
"""Independent pages of the pile that make a non-prose line furniture."""
HEADLINE_MIN_WORDS = 3
"""A header-zone line needs this many words (and a lower-case word) to count as a headline."""


class LineClass(Enum):
    """jusText-style classes of a line."""

    JUNK = "junk"
    GOOD = "good"
    NEAR = "near"
    SHORT = "short"


@dataclass(frozen=True, slots=True, kw_only=True)
class Cleaned:
    """A document's text with junk lines taken out.

    Attributes:
        text: the kept lines joined by newlines, blank-line paragraphs kept, runs of
            blank lines collapsed, trailing spaces stripped.
        removed_lines: the removed non-blank lines, stripped, in input order.
        reasons: one short reason per removed line (same order), for reports and debugging.
    """

    text: str
    removed_lines: tuple[str, ...]
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    features: LineFeatures
    kind: LineClass
    reason: str


def clean_document(document: Document, *, stats: LineStats | None = None) -> Cleaned:
    """Remove junk lines from one document.

    Args:
        document: the document as a reader produced it.
        stats: the pile's line profile (``LineStats.from_documents``); without it,
            repetition is not used.

    Returns:
        The cleaned text and the removed lines.

    Example:
        >>> from storytrace.model import Document
        >>> text = "Home\\nSubscribe now\\n\\nA long sentence about what the council decided today."
        >>> clean_document(Document(id="x", source="x.txt", format="text", text=text)).text
        'A long sentence about what the council decided today.'
    """
    raw = [line.rstrip() for line in document.text.split("\n")]
    content = [line.strip() for line in raw if line.strip()]
    if not content:
        return Cleaned(text="", removed_lines=())
    scans = [scan_line(line) for line in content]
    profile = document_profile(scans, site_labels(document))
    lines = [_classify(scan, profile, document, stats) for scan in scans]
    keep = _keep_mask(lines)
    if not any(keep):
        keep = _fallback(lines)
    return _assemble(raw, lines, keep)


def _classify(
    scan: LineScan, profile: DocumentProfile, document: Document, stats: LineStats | None
) -> _Line:
    line = scan.text
    features = line_features(scan, profile)
    if features.junk_reason:
        return _Line(line, features, LineClass.JUNK, features.junk_reason)
    if (
        stats is not None
        and not features.dateish
        and _is_furniture(
            features, stats.repetition(document, line, corpus=not features.prose_like)
        )
    ):
        return _Line(line, features, LineClass.JUNK, "repeated")
    if features.good:
        return _Line(line, features, LineClass.GOOD, "")
    if features.near_good:
        return _Line(line, features, LineClass.NEAR, "")
    return _Line(line, features, LineClass.SHORT, "")


def _is_furniture(features: LineFeatures, repetition: Repetition) -> bool:
    """Repetition as evidence: strong for non-prose lines, needs more for prose."""
    if features.prose_like:
        return repetition.site_independent >= SITE_REPEAT_PROSE
    return (
        repetition.site_independent >= SITE_REPEAT_SHORT
        or repetition.corpus_independent >= CORPUS_REPEAT_SHORT
    )


def _keep_mask(lines: list[_Line]) -> list[bool]:
    good = [index for index, line in enumerate(lines) if line.kind is LineClass.GOOD]
    first = good[0] if good else len(lines)
    last = good[-1] if good else len(lines)
    return [_keep(line, _zone(index, first, last)) for index, line in enumerate(lines)]


def _zone(index: int, first_good: int, last_good: int) -> str:
    if index < first_good:
        return "header"
    return "footer" if index > last_good else "body"


def _keep(line: _Line, zone: str) -> bool:
    if line.kind is LineClass.JUNK:
        return False
    if line.kind is LineClass.GOOD or zone == "body":
        return True
    if is_margin_content(line.text, line.features.words):
        return True
    if zone == "header":
        return _headline_like(line.features)
    return line.kind is LineClass.NEAR


def _headline_like(features: LineFeatures) -> bool:
    """A headline, deck or byline in the header zone (menus are Title Case, stamps are dates)."""
    if features.byline:
        return True
    if features.dateish:
        return False
    if features.headline:
        return True
    return features.words >= HEADLINE_MIN_WORDS and features.has_lowercase_word


def _fallback(lines: list[_Line]) -> list[bool]:
    """Everything would go: keep the single best line (prose first, then the most words)."""

    def score(item: tuple[int, _Line]) -> tuple[int, int, int, int]:
        index, line = item
        rank = {LineClass.GOOD: 2, LineClass.NEAR: 1, LineClass.SHORT: 0, LineClass.JUNK: 0}
        return (rank[line.kind], line.features.words, line.features.chars, -index)

    best, _ = max(enumerate(lines), key=score)
    return [index == best for index in range(len(lines))]


def _assemble(raw: list[str], lines: list[_Line], keep: list[bool]) -> Cleaned:
    """Rebuild the text from the kept lines, keeping blank-line paragraph breaks."""
    out: list[str] = []
    removed: list[str] = []
    reasons: list[str] = []
    decisions = iter(zip(lines, keep, strict=True))
    for text in raw:
        if not text.strip():
            if out and out[-1]:
                out.append("")
            continue
        line, kept = next(decisions)
        if kept:
            out.append(line.text)
        else:
            removed.append(line.text)
            reasons.append(line.reason or line.kind.value)
    while out and not out[-1]:
        out.pop()
    return Cleaned(text="\n".join(out), removed_lines=tuple(removed), reasons=tuple(reasons))
