"""Feature vectors of lines for the learned junk-line model (``_line_model``).

Web2Text and boilerpipe describe each block by its own shallow features and by
its neighbours'. A line's vector here has three parts:

* **own** (fixed for a document): the shallow features of ``_line_features``
  (length, stop-word density, sentence end, case, date stamp, byline,
  headline), the jusText class, every rule's verdict as a one-hot flag (so the
  model learns how far to trust each rule), the margin-content exceptions, the
  repetition counts of ``LineStats``, and the line's relation to its page's own
  body (``_line_body``: shared words and names, main block, sidebar label, credit
  and fact-box forms);
* **context** (recomputed on the lines still kept, at every pass): the previous
  and next lines' key features, the relative position, the distance in lines to
  the nearest prose line, the header/body/footer zone, and the rules' own
  keep-or-drop decision in that context.

The column order is ``FEATURE_NAMES``; a model file lists the names it was
trained on, and loading checks they agree.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from storytrace.ingest._line_body import BODY_NAMES
from storytrace.ingest._line_features import LineFeatures
from storytrace.ingest.line_stats import Repetition

Matrix = npt.NDArray[np.float64]

KINDS = ("junk", "good", "near", "short")
"""jusText classes, as ``clean.LineClass`` values."""
REASONS = (
    "no-words",
    "identifier",
    "hashtags",
    "menu",
    "teaser",
    "list",
    "weather",
    "foreign-script",
    "site-name",
    "link-or-notice",
    "furniture",
    "call-to-action",
    "social",
    "caption",
    "media-item",
    "link",
    "handle",
    "contact",
    "embed",
    "repeated",
)
"""Every junk reason the rules give (``_line_features.junk_reason`` and repetition)."""
_REASON_INDEX = {reason: index for index, reason in enumerate(REASONS)}

SHAPE_NAMES = (
    "log_words",
    "log_chars",
    "stop_density",
    "sentence_end",
    "has_lowercase_word",
    "title_case",
    "dateish",
    "byline",
    "headline",
    "margin_content",
    "headline_like",
)
REPETITION_NAMES = ("log_site_docs", "log_site_groups", "log_corpus_docs", "log_corpus_groups")
OWN_NAMES = (
    *SHAPE_NAMES,
    *(f"kind_{kind}" for kind in KINDS),
    *(f"rule_{reason}" for reason in REASONS),
    *REPETITION_NAMES,
    *BODY_NAMES,
)
_WORDS = OWN_NAMES.index("log_words")
_GOOD = OWN_NAMES.index("kind_good")
_JUNK = OWN_NAMES.index("kind_junk")
_NEAR = OWN_NAMES.index("kind_near")

NEIGHBOUR_NAMES = ("good", "junk", "rule_keep", "log_words")
CONTEXT_NAMES = (
    "rule_keep",
    *(f"prev_{name}" for name in NEIGHBOUR_NAMES),
    *(f"next_{name}" for name in NEIGHBOUR_NAMES),
    "relative_position",
    "log_lines",
    "good_share",
    "log_distance_to_good",
    "zone_header",
    "zone_footer",
    "log_lines_before",
    "log_lines_after",
)
FEATURE_NAMES = (*OWN_NAMES, *CONTEXT_NAMES)
"""Column names of ``feature_matrix``, in order."""
SEMANTIC_NAME = "semantic_junk"
"""The first-stage embedding score (``_line_semantic``), appended to the own columns."""
SEMANTIC_FEATURE_NAMES = (*OWN_NAMES, SEMANTIC_NAME, *CONTEXT_NAMES)
"""Columns of ``feature_matrix`` when the own part carries the semantic score."""

NO_GOOD_DISTANCE = 30
"""Distance to the nearest prose line when a document has none (longer than most pages)."""


@dataclass(frozen=True, slots=True)
class LineEvidence:
    """What the rules found out about one line, the input of its feature vector.

    Attributes:
        features: the line's shallow features.
        kind: its jusText class (``KINDS``).
        reason: the rules' junk reason (``REASONS``), or ``""``.
        repetition: how widely it repeats (zeros without a ``LineStats``).
        margin: dateline, witness call or embedded post (kept at the margins by the rules).
        headline_like: the rules would keep it in the header zone.
        body: its relation to the article's body (``_line_body.BODY_NAMES``); zeros until
            the whole document is analysed.
    """

    features: LineFeatures
    kind: str
    reason: str
    repetition: Repetition
    margin: bool
    headline_like: bool
    body: tuple[float, ...] = (0.0,) * len(BODY_NAMES)


def _log(value: float) -> float:
    return math.log1p(value)


def _shape_row(evidence: LineEvidence) -> list[float]:
    features = evidence.features
    return [
        _log(features.words),
        _log(features.chars),
        features.stop_density,
        float(features.sentence_end),
        float(features.has_lowercase_word),
        float(features.title_case),
        float(features.dateish),
        float(features.byline),
        float(features.headline),
        float(evidence.margin),
        float(evidence.headline_like),
    ]


def _repetition_row(repetition: Repetition) -> list[float]:
    return [
        _log(repetition.site_documents),
        _log(repetition.site_independent),
        _log(repetition.corpus_documents),
        _log(repetition.corpus_independent),
    ]


def own_row(evidence: LineEvidence) -> list[float]:
    """The document-independent part of one line's vector (``OWN_NAMES``)."""
    kinds = [float(evidence.kind == kind) for kind in KINDS]
    reasons = [0.0] * len(REASONS)
    if evidence.reason:
        reasons[_REASON_INDEX[evidence.reason]] = 1.0
    return [
        *_shape_row(evidence),
        *kinds,
        *reasons,
        *_repetition_row(evidence.repetition),
        *evidence.body,
    ]


def own_matrix(evidence: Sequence[LineEvidence]) -> Matrix:
    """``own_row`` for every line of a document, one row each."""
    return np.array([own_row(item) for item in evidence], dtype=np.float64).reshape(
        len(evidence), len(OWN_NAMES)
    )


def _shifted(values: Matrix, step: int) -> Matrix:
    """Rows moved down by ``step`` (the previous line's values) or up (``-step``), 0-padded."""
    out = np.zeros_like(values)
    if step > 0:
        out[step:] = values[:-step]
    else:
        out[:step] = values[-step:]
    return out


def _distance_to_good(good: npt.NDArray[np.bool_]) -> Matrix:
    lines = len(good)
    if not good.any():
        return np.full(lines, float(NO_GOOD_DISTANCE))
    positions = np.flatnonzero(good)
    index = np.arange(lines)
    distance = np.abs(index[:, None] - positions[None, :]).min(axis=1)
    return np.asarray(np.minimum(distance, NO_GOOD_DISTANCE), dtype=np.float64)


def _zones(good: npt.NDArray[np.bool_]) -> tuple[Matrix, Matrix]:
    index = np.arange(len(good))
    positions = np.flatnonzero(good)
    if not len(positions):
        return np.ones(len(good)), np.zeros(len(good))
    header = (index < positions[0]).astype(np.float64)
    footer = (index > positions[-1]).astype(np.float64)
    return header, footer


def context_matrix(own: Matrix, rule_keep: npt.NDArray[np.bool_]) -> Matrix:
    """The context part of every line's vector (``CONTEXT_NAMES``), over the lines given."""
    lines = own.shape[0]
    good = own[:, _GOOD] > 0
    keep = rule_keep.astype(np.float64)
    neighbours = np.column_stack([own[:, _GOOD], own[:, _JUNK], keep, own[:, _WORDS]])
    index = np.arange(lines, dtype=np.float64)
    header, footer = _zones(good)
    return np.column_stack(
        [
            keep,
            _shifted(neighbours, 1),
            _shifted(neighbours, -1),
            index / (lines - 1) if lines > 1 else np.zeros(lines),
            np.full(lines, _log(lines)),
            np.full(lines, good.mean() if lines else 0.0),
            np.log1p(_distance_to_good(good)),
            header,
            footer,
            np.log1p(index),
            np.log1p(lines - 1 - index),
        ]
    ).reshape(lines, len(CONTEXT_NAMES))


def feature_matrix(own: Matrix, rule_keep: npt.NDArray[np.bool_]) -> Matrix:
    """Full vectors (``FEATURE_NAMES``) of the lines given, in their order."""
    return np.hstack([own, context_matrix(own, rule_keep)])


def prose_mask(own: Matrix) -> npt.NDArray[np.bool_]:
    """Lines the rules class as prose (jusText good or near-good)."""
    return np.asarray((own[:, _GOOD] > 0) | (own[:, _NEAR] > 0))


def good_mask(own: Matrix) -> npt.NDArray[np.bool_]:
    """Lines the rules class as jusText good paragraphs."""
    return np.asarray(own[:, _GOOD] > 0)
