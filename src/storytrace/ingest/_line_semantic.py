"""Semantic junk score of a line: a logistic over its sentence embedding (``models`` extra).

The shallow features cannot tell a credit-style caption, a sidebar headline, a
contact line or a closing credit from content on a site the model has not seen;
what such a line *says* can. A first-stage logistic regression reads the line's
all-MiniLM-L6-v2 vector (``storytrace.text.minilm``) joined with the mean vector of
its embedded neighbours, and gives a junk probability that the second stage (the
line model) takes as one more feature, ``semantic_junk``.

Only uncertain lines are embedded: every line that is not a jusText 'good'
paragraph, and good ones shorter than ``UNCERTAIN_WORDS`` words. Long prose
paragraphs (most of an article's characters, most of the embedding time) get
score 0 and count as no neighbour.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from storytrace.ingest._line_model_features import OWN_NAMES, Matrix, good_mask
from storytrace.text import minilm

UNCERTAIN_WORDS = 25
"""A jusText-good line this long is not embedded. On the dev labels 49 of 848 junk lines
are good lines of 25+ words; the rule embeds 61 % of the labelled lines (2026-11-27)."""
INPUT_WIDTH = 2 * minilm.DIMENSION
"""The first stage reads [line vector, mean of the embedded neighbours' vectors]."""
_WORDS = OWN_NAMES.index("log_words")


def uncertain_mask(own: Matrix) -> npt.NDArray[np.bool_]:
    """Lines to embed: not a good paragraph, or a short one (``own``: ``own_matrix`` rows)."""
    short = own[:, _WORDS] < math.log1p(UNCERTAIN_WORDS)
    return np.asarray(~good_mask(own) | short)


def semantic_inputs(texts: Sequence[str], own: Matrix) -> tuple[Matrix, npt.NDArray[np.bool_]]:
    """The first stage's input rows (zeros for lines not embedded) and which lines are embedded.

    Raises:
        MissingExtraError: the embedding model is not installed.
    """
    embedded = uncertain_mask(own)
    vectors = np.zeros((len(texts), minilm.DIMENSION), dtype=np.float64)
    picked = np.flatnonzero(embedded)
    if len(picked):
        vectors[picked] = minilm.embed([texts[int(index)] for index in picked])
    return np.hstack([vectors, _neighbour_mean(vectors, embedded)]), embedded


def _neighbour_mean(vectors: Matrix, embedded: npt.NDArray[np.bool_]) -> Matrix:
    """Mean of the previous and next lines' vectors, over those that were embedded."""
    total = np.zeros_like(vectors)
    count = np.zeros(len(vectors))
    total[1:] += vectors[:-1]
    count[1:] += embedded[:-1]
    total[:-1] += vectors[1:]
    count[:-1] += embedded[1:]
    return total / np.maximum(count, 1.0)[:, None]
