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

5. **the page's own structure** (``_line_body``): how many of a line's words and
   names occur in the article's paragraphs (a teaser for another story shares few),
   whether it lies in the main block of paragraphs and how far from it, the run of
   non-prose lines it is in, whether a short furniture label ('Related stories')
   heads it, and credit and fact-box forms;
6. **learned decision** (``_line_model``, the default): boosted trees score each
   line from its features, every rule's verdict above as a flag, its context
   (neighbours, position, distance to prose, zone, the rules' own decision), its
   repetition counts and its page-structure columns (``_line_model_features``); a
   line at or above the threshold goes (jusText-good prose stays whatever the score
   when the model file sets ``protect_good``), while site-repeated furniture always
   goes. Passes repeat on the kept lines until none goes. ``rules_only=True``
   decides by steps 3-4 alone. A model with a semantic head (``_line_semantic``: a
   MiniLM embedding score of the uncertain lines, the ``models`` extra) is
   supported but not shipped: it did not beat the shallow model by site-grouped
   nested CV (``quality/annotations/CLEANING.md``, 2026-11-27).

The shipped ``line_model.json`` was trained on the dev labels (kz2022 + 355 GVA
dev articles, 848 junk / 4,087 content lines; retrained 2026-11-23 with the
page-structure columns) by ``tools/train_line_model.py``; its candidate, boosted
trees without the prose safety rule, had the best site-grouped 5-fold CV with the
threshold chosen on the other folds: junk recall 0.830 at 0.56 % content loss
(pooled threshold 0.831 / 0.56 %); the hand rules on the same labels (in-sample
for most of them) 0.846 / 0.81 %. Averaged over three site-grouped partitions the
page-structure columns raise recall at 0.6 % pooled loss from 0.822 to 0.834
(``quality/annotations/CLEANING.md``).

A page that is only furniture (a video playlist, a gallery, a teaser list) comes
out empty, so that the caller can skip it (``build_article`` raises
``ExtractionError``). A page with at least one prose-like line (jusText 'good', or
a 'near good' sentence of at least ``PROSE_MIN_WORDS`` words) never comes out
empty or as furniture alone: if every prose-like line would go, its best line stays
(and only it). Cleaning is deterministic and
idempotent for a fixed ``LineStats``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from enum import Enum

import numpy as np
import numpy.typing as npt

from storytrace.ingest._line_body import BodyLine, body_matrix
from storytrace.ingest._line_features import (
    DocumentProfile,
    LineFeatures,
    LineScan,
    document_profile,
    is_margin_content,
    line_features,
    scan_line,
)
from storytrace.ingest._line_model import LineModel, shipped_model
from storytrace.ingest._line_model_features import (
    LineEvidence,
    Matrix,
    feature_matrix,
    good_mask,
    own_matrix,
)
from storytrace.ingest._line_semantic import semantic_inputs
from storytrace.ingest.line_stats import LineStats, Repetition, site_labels
from storytrace.model import Document

__all__ = [
    "AnalysedDocument",
    "Cleaned",
    "LineModel",
    "LineStats",
    "analyse_document",
    "analysed_table",
    "clean_analysed",
    "clean_document",
    "feature_table",
    "semantic_table",
]

logger = logging.getLogger(__name__)

SITE_REPEAT_SHORT = 2
"""Independent pages of one site that make a non-prose line furniture (GVA dev, 2026-11-23)."""
SITE_REPEAT_PROSE = 3
"""Independent pages of one site that make even a prose line furniture (captcha, promos)."""
CORPUS_REPEAT_SHORT = 4
"""Independent pages of the pile that make a non-prose line furniture."""
PROSE_MIN_WORDS = 8
"""A 'near good' sentence this long keeps a page from being emptied. Dev CV (2026-11-26,
boosted trees + keep prose): 4 to 15 words give the same scores; 8 keeps one-sentence
notices of 5-7 words from saving a page."""
HEADLINE_MIN_WORDS = 3
"""A header-zone line needs this many words (and a lower-case word) to count as a headline."""
_NO_REPETITION = Repetition()


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
        reasons: one short reason per removed line (same order), for reports and debugging;
            ``"model"`` when only the learned model dropped it.
    """

    text: str
    removed_lines: tuple[str, ...]
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    evidence: LineEvidence
    kind: LineClass

    @property
    def features(self) -> LineFeatures:
        return self.evidence.features

    @property
    def reason(self) -> str:
        return self.evidence.reason


@dataclass(frozen=True, slots=True)
class AnalysedDocument:
    """A document's lines read once, before any decision (cleaning reuses it, training too).

    Attributes:
        raw: every line of the text, right-stripped, blank ones included.
        lines: the non-blank lines with their features, rule class and body relations.
    """

    raw: tuple[str, ...]
    lines: tuple[_Line, ...]


def analyse_document(document: Document, *, stats: LineStats | None = None) -> AnalysedDocument:
    """Read every line of a document once: features, rules, repetition, body relations.

    Args:
        document: the document as a reader produced it.
        stats: the pile's line profile (``LineStats.from_documents``); without it,
            repetition is not used.
    """
    raw = tuple(line.rstrip() for line in document.text.split("\n"))
    return AnalysedDocument(raw=raw, lines=tuple(_analyse(document, stats)))


def clean_document(
    document: Document,
    *,
    stats: LineStats | None = None,
    model: LineModel | None = None,
    rules_only: bool = False,
    prose_min_words: int = PROSE_MIN_WORDS,
) -> Cleaned:
    """Remove junk lines from one document.

    Args:
        document: the document as a reader produced it.
        stats: the pile's line profile (``LineStats.from_documents``); without it,
            repetition is not used.
        model: the learned line model; ``None`` uses the one shipped with the package.
        rules_only: decide by the hand rules alone (the baseline the model is measured
            against), without the model.
        prose_min_words: a 'near good' sentence of this many words counts as prose that
            keeps the page from being emptied (a jusText 'good' line always does).

    Returns:
        The cleaned text and the removed lines; the text is empty when every line is
        furniture and none is prose-like (then every non-blank line is in
        ``removed_lines``).

    Example:
        >>> from storytrace.model import Document
        >>> text = "Home\\nSubscribe now\\n\\nA long sentence about what the council decided today."
        >>> clean_document(Document(id="x", source="x.txt", format="text", text=text)).text
        'A long sentence about what the council decided today.'
    """
    return clean_analysed(
        analyse_document(document, stats=stats),
        model=model,
        rules_only=rules_only,
        prose_min_words=prose_min_words,
    )


def clean_analysed(
    analysed: AnalysedDocument,
    *,
    model: LineModel | None = None,
    rules_only: bool = False,
    prose_min_words: int = PROSE_MIN_WORDS,
) -> Cleaned:
    """``clean_document`` on a document already read by ``analyse_document``.

    Training scores many models and thresholds on the same documents; reading their
    lines once for all of them is what makes its cross-validation affordable.
    """
    lines = list(analysed.lines)
    if not lines:
        return Cleaned(text="", removed_lines=())
    keep = _keep_mask(lines) if rules_only else _model_keep(lines, model or shipped_model())
    prose = [_prose_like(line, prose_min_words) for line in lines]
    if any(prose) and not any(k and p for k, p in zip(keep, prose, strict=True)):
        # No prose left on a page that had some: what stays would be furniture alone,
        # and cleaning it again would judge it anew (not idempotent). Keep the best line.
        keep = _fallback(lines)
    return _assemble(list(analysed.raw), lines, keep, by="rules" if rules_only else "model")


def feature_table(
    document: Document, *, stats: LineStats | None = None
) -> tuple[list[int], Matrix]:
    """The line model's input on the whole document (its first pass), for training.

    Returns:
        The 1-based line number (in ``document.text.split("\\n")``) of every non-blank
        line, and one feature row per such line (columns ``FEATURE_NAMES``).
    """
    return analysed_table(analyse_document(document, stats=stats))


def analysed_table(analysed: AnalysedDocument) -> tuple[list[int], Matrix]:
    """``feature_table`` of a document already read by ``analyse_document``."""
    numbers = [n for n, line in enumerate(analysed.raw, start=1) if line.strip()]
    lines = list(analysed.lines)
    own = own_matrix([line.evidence for line in lines])
    return numbers, feature_matrix(own, np.array(_keep_mask(lines), dtype=bool))


def semantic_table(
    document: Document, *, stats: LineStats | None = None
) -> tuple[list[int], Matrix, npt.NDArray[np.bool_]]:
    """The semantic head's input on the whole document, for training (``models`` extra).

    Returns:
        The 1-based line numbers as in ``feature_table``, one input row per line
        (``_line_semantic.semantic_inputs``), and which lines were embedded.
    """
    numbers = [n for n, line in enumerate(document.text.split("\n"), start=1) if line.strip()]
    lines = _analyse(document, stats)
    own = own_matrix([line.evidence for line in lines])
    inputs, embedded = semantic_inputs([line.text for line in lines], own)
    return numbers, inputs, embedded


def _analyse(document: Document, stats: LineStats | None) -> list[_Line]:
    content = [line.strip() for line in document.text.split("\n") if line.strip()]
    if not content:
        return []
    scans = [scan_line(line) for line in content]
    profile = document_profile(scans, site_labels(document))
    lines = [_classify(scan, profile, document, stats) for scan in scans]
    return _with_body_relations(lines, scans, profile)


def _with_body_relations(
    lines: list[_Line], scans: list[LineScan], profile: DocumentProfile
) -> list[_Line]:
    """Attach each line's relation to the article's body (``_line_body``) to its evidence."""
    body = body_matrix(
        [
            BodyLine(
                text=scan.text,
                words=scan.words,
                lowered=scan.lowered,
                prose=line.kind is LineClass.GOOD,
                junk=line.kind is LineClass.JUNK,
            )
            for scan, line in zip(scans, lines, strict=True)
        ],
        profile.stopwords,
    )
    return [
        replace(line, evidence=replace(line.evidence, body=tuple(row.tolist())))
        for line, row in zip(lines, body, strict=True)
    ]


def _classify(
    scan: LineScan, profile: DocumentProfile, document: Document, stats: LineStats | None
) -> _Line:
    features = line_features(scan, profile)
    repetition = _NO_REPETITION if stats is None else stats.repetition(document, scan.text)
    kind, reason = _rule_class(features, repetition)
    evidence = LineEvidence(
        features=features,
        kind=kind.value,
        reason=reason,
        repetition=repetition,
        margin=is_margin_content(scan.text, features.words),
        headline_like=_headline_like(features),
    )
    return _Line(scan.text, evidence, kind)


def _rule_class(features: LineFeatures, repetition: Repetition) -> tuple[LineClass, str]:
    if features.junk_reason:
        return LineClass.JUNK, features.junk_reason
    if not features.dateish and _is_furniture(features, repetition):
        return LineClass.JUNK, "repeated"
    if features.good:
        return LineClass.GOOD, ""
    if features.near_good:
        return LineClass.NEAR, ""
    return LineClass.SHORT, ""


def _is_furniture(features: LineFeatures, repetition: Repetition) -> bool:
    """Repetition as evidence: strong for non-prose lines, needs more for prose."""
    if features.prose_like:
        return repetition.site_independent >= SITE_REPEAT_PROSE
    return (
        repetition.site_independent >= SITE_REPEAT_SHORT
        or repetition.corpus_independent >= CORPUS_REPEAT_SHORT
    )


def _keep_mask(lines: list[_Line]) -> list[bool]:
    """The hand rules' decision: jusText classes, then header/body/footer zones."""
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
    if line.evidence.margin:
        return True
    if zone == "header":
        return line.evidence.headline_like
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


def _model_keep(lines: list[_Line], model: LineModel) -> list[bool]:
    """The learned model's decision, repeated on the kept lines until it drops no more.

    Context features change when neighbours go, so one pass is not a fixed point;
    passes only ever drop lines, so this ends, and cleaning the result again drops
    nothing (idempotence). Lines the rules call repeated furniture go whatever the
    model says: the dev pages are nearly all from sites seen once, so the model cannot
    have learnt how strong that evidence is on a real crawl.
    """
    own = _own_columns(lines, model)
    protected = good_mask(own) if model.protect_good else np.zeros(len(lines), dtype=bool)
    repeated = np.array([line.reason == "repeated" for line in lines], dtype=bool)
    alive = np.arange(len(lines))
    while len(alive):
        drop = (_model_drops(lines, own, alive, model) | repeated[alive]) & ~protected[alive]
        if not drop.any():
            break
        alive = alive[~drop]
    keep = np.zeros(len(lines), dtype=bool)
    keep[alive] = True
    return [bool(value) for value in keep]


def _own_columns(lines: list[_Line], model: LineModel) -> Matrix:
    """``own_matrix``, with the semantic score appended when the model has a semantic head."""
    own = own_matrix([line.evidence for line in lines])
    if model.semantic is None:
        return own
    inputs, embedded = semantic_inputs([line.text for line in lines], own)
    score = np.where(embedded, model.semantic.probability(inputs), 0.0)
    return np.hstack([own, score[:, None]])


def _model_drops(
    lines: list[_Line], own: Matrix, alive: npt.NDArray[np.intp], model: LineModel
) -> npt.NDArray[np.bool_]:
    rule_keep = np.array(_keep_mask([lines[index] for index in alive]), dtype=bool)
    probability = model.probability(feature_matrix(own[alive], rule_keep))
    return np.asarray(probability >= model.threshold)


def _prose_like(line: _Line, min_words: int) -> bool:
    """A line that shows the page has some article text: a paragraph or a long sentence."""
    if line.kind is LineClass.GOOD:
        return True
    return line.kind is LineClass.NEAR and line.features.words >= min_words


def _fallback(lines: list[_Line]) -> list[bool]:
    """Everything would go on a page with prose: keep its single best line.

    The best is a good line, else a near-good one, then the one with the most words;
    ``_prose_like`` guarantees it is one of those.
    """

    def score(item: tuple[int, _Line]) -> tuple[int, int, int, int]:
        index, line = item
        rank = {LineClass.GOOD: 2, LineClass.NEAR: 1, LineClass.SHORT: 0, LineClass.JUNK: 0}
        return (rank[line.kind], line.features.words, line.features.chars, -index)

    best, _ = max(enumerate(lines), key=score)
    return [index == best for index in range(len(lines))]


def _assemble(raw: list[str], lines: list[_Line], keep: list[bool], *, by: str) -> Cleaned:
    """Rebuild the text from the kept lines, keeping blank-line paragraph breaks.

    A removed line's reason is its rule's, else its class (``by="rules"``) or ``"model"``.
    """
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
            reasons.append(line.reason or (line.kind.value if by == "rules" else "model"))
    while out and not out[-1]:
        out.pop()
    return Cleaned(text="\n".join(out), removed_lines=tuple(removed), reasons=tuple(reasons))
