"""The line model's optional semantic head (embedding score as one more feature)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from storytrace.ingest._line_model import LineModel, Logistic, Trees
from storytrace.ingest._line_model_features import (
    FEATURE_NAMES,
    OWN_NAMES,
    SEMANTIC_FEATURE_NAMES,
    SEMANTIC_NAME,
)
from storytrace.ingest._line_semantic import (
    INPUT_WIDTH,
    UNCERTAIN_WORDS,
    _neighbour_mean,
    uncertain_mask,
)
from storytrace.ingest.clean import clean_document, semantic_table
from storytrace.model import Document

PROSE = (
    "The council voted on Tuesday to rebuild the old footbridge over the river, ending a"
    " dispute that had lasted for almost three years and two long public inquiries."
)


def semantic_model(bias: float, threshold: float = 0.5) -> LineModel:
    """Trees that split on the semantic column alone: junk when its score is above 0.5."""
    column = SEMANTIC_FEATURE_NAMES.index(SEMANTIC_NAME)
    trees = Trees(
        feature=np.array([[column]]),
        cut=np.array([[0.5]]),
        leaf=np.array([[-5.0, 5.0]]),
        base=0.0,
        scale=1.0,
        combine="logit",
    )
    head = Logistic(weights=np.zeros(INPUT_WIDTH), bias=bias)
    return LineModel(scorer=trees, threshold=threshold, protect_good=False, semantic=head)


def test_semantic_column_sits_after_the_own_columns() -> None:
    assert SEMANTIC_FEATURE_NAMES.index(SEMANTIC_NAME) == len(OWN_NAMES)
    assert len(SEMANTIC_FEATURE_NAMES) == len(FEATURE_NAMES) + 1


def test_semantic_model_round_trips_and_checks_its_features() -> None:
    model = semantic_model(bias=1.0)
    data = model.to_dict()
    again = LineModel.from_dict(data)
    assert again.semantic is not None and again.semantic.bias == 1.0
    assert again.feature_names == SEMANTIC_FEATURE_NAMES
    with pytest.raises(ValueError, match="retrain"):
        LineModel.from_dict({**data, "features": list(FEATURE_NAMES)})
    with pytest.raises(ValueError, match="logistic"):
        LineModel.from_dict({**data, "semantic": model.scorer.to_dict()})


def test_long_good_paragraphs_are_not_embedded() -> None:
    own = np.zeros((3, len(OWN_NAMES)))
    own[:, OWN_NAMES.index("kind_good")] = [1.0, 1.0, 0.0]
    own[:, OWN_NAMES.index("log_words")] = [math.log1p(UNCERTAIN_WORDS + 5), math.log1p(5), 1.0]
    assert uncertain_mask(own).tolist() == [False, True, True]


def test_neighbour_mean_skips_lines_not_embedded() -> None:
    vectors = np.array([[1.0, 0.0], [0.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    embedded = np.array([True, False, True, True])
    mean = _neighbour_mean(vectors, embedded)
    np.testing.assert_allclose(mean, [[0.0, 0.0], [0.5, 0.5], [1.0, 1.0], [0.0, 1.0]])


@pytest.mark.models
def test_semantic_head_decides_uncertain_lines_only() -> None:
    text = "\n\n".join(["Subscribe now", PROSE, "Share this story"])
    document = Document(id="s", source="pile/s.txt", format="text", text=text)
    # A head that calls every embedded line junk drops the short lines, never the paragraph.
    cleaned = clean_document(document, model=semantic_model(bias=5.0))
    assert cleaned.text == PROSE
    assert clean_document(document, model=semantic_model(bias=-5.0)).text == text


@pytest.mark.models
def test_semantic_table_embeds_the_uncertain_lines() -> None:
    text = "\n".join(["Subscribe now", PROSE, "", "Share this story"])
    document = Document(id="t", source="pile/t.txt", format="text", text=text)
    numbers, inputs, embedded = semantic_table(document)
    assert numbers == [1, 2, 4]
    assert inputs.shape == (3, INPUT_WIDTH)
    assert embedded.tolist() == [True, False, True]
    half = INPUT_WIDTH // 2
    np.testing.assert_allclose(np.linalg.norm(inputs[[0, 2], :half], axis=1), 1.0, rtol=1e-5)
    assert not inputs[1, :half].any()  # the paragraph is not embedded, but has neighbours
    np.testing.assert_allclose(inputs[1, half:], (inputs[0, :half] + inputs[2, :half]) / 2)
