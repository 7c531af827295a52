"""The learned line model: exported arrays, features, and its place in cleaning."""

from __future__ import annotations

import numpy as np
import pytest

from storytrace.ingest._line_model import LineModel, Logistic, Trees, shipped_model
from storytrace.ingest._line_model_features import (
    CONTEXT_NAMES,
    FEATURE_NAMES,
    OWN_NAMES,
    context_matrix,
)
from storytrace.ingest.clean import clean_document, feature_table
from storytrace.model import Document

PROSE = (
    "The council voted on Tuesday to rebuild the old footbridge over the river, ending a"
    " dispute that had lasted for almost three years."
)


def page(lines: list[str]) -> Document:
    return Document(id="m", source="pile/m.txt", format="text", text="\n\n".join(lines))


def test_trees_walk_complete_levels_and_pad_early_leaves() -> None:
    # Tree 0 splits on column 0 at 0.5, then column 1 at 2.0; tree 1 is a single leaf
    # padded to depth 2 (cuts no value exceeds).
    trees = Trees(
        feature=np.array([[0, 1, 1], [0, 0, 0]]),
        cut=np.array([[0.5, 2.0, 2.0], [3e38, 3e38, 3e38]]),
        leaf=np.array([[0.1, 0.2, 0.3, 0.4], [0.5, 0.5, 0.5, 0.5]]),
        base=0.0,
        scale=0.5,
        combine="mean",
    )
    rows = np.array([[0.0, 1.0], [0.0, 5.0], [1.0, 1.0], [1.0, 5.0]])
    assert trees.depth == 2
    np.testing.assert_allclose(trees.probability(rows), [0.3, 0.35, 0.4, 0.45])


def test_logistic_is_a_sigmoid_of_the_weighted_sum() -> None:
    logistic = Logistic(weights=np.array([2.0, -1.0]), bias=0.5)
    expected = 1 / (1 + np.exp(-(2.0 * 1.0 - 1.0 * 3.0 + 0.5)))
    np.testing.assert_allclose(logistic.probability(np.array([[1.0, 3.0]])), [expected])


def test_model_round_trips_and_rejects_other_features() -> None:
    model = LineModel(
        scorer=Logistic(weights=np.zeros(len(FEATURE_NAMES)), bias=0.0),
        threshold=0.7,
        info={"trained_on": "nothing"},
    )
    again = LineModel.from_dict(model.to_dict())
    assert again.threshold == 0.7 and again.info == {"trained_on": "nothing"}
    with pytest.raises(ValueError, match="retrain"):
        LineModel.from_dict({**model.to_dict(), "features": ["words"]})


def test_shipped_model_reads_the_current_features() -> None:
    model = shipped_model()
    assert 0.0 < model.threshold < 1.0
    assert "trained_on" in model.info and "cv" in model.info


def test_feature_table_has_one_row_per_nonblank_line() -> None:
    numbers, matrix = feature_table(page(["Home", PROSE, "Subscribe now"]))
    assert numbers == [1, 3, 5]
    assert matrix.shape == (3, len(FEATURE_NAMES))


def test_context_of_the_first_and_last_lines_has_no_neighbours() -> None:
    own = np.ones((3, len(OWN_NAMES)))
    context = context_matrix(own, np.array([True, False, True]))
    prev = [CONTEXT_NAMES.index(f"prev_{name}") for name in ("good", "junk", "rule_keep")]
    after = [CONTEXT_NAMES.index(f"next_{name}") for name in ("good", "junk", "rule_keep")]
    assert context[0, prev].tolist() == [0.0, 0.0, 0.0]
    assert context[2, after].tolist() == [0.0, 0.0, 0.0]
    assert context[1, prev].tolist() == [1.0, 1.0, 1.0]
    assert context[:, CONTEXT_NAMES.index("relative_position")].tolist() == [0.0, 0.5, 1.0]


def test_a_model_that_drops_everything_still_leaves_the_best_line() -> None:
    drop_all = LineModel(
        scorer=Logistic(weights=np.zeros(len(FEATURE_NAMES)), bias=10.0),
        threshold=0.5,
        protect_good=False,
    )
    cleaned = clean_document(page(["Home", PROSE, "Menu"]), model=drop_all)
    assert cleaned.text == PROSE
    assert cleaned.reasons == ("model", "model")


def test_protected_prose_survives_a_model_that_drops_everything() -> None:
    drop_all = LineModel(
        scorer=Logistic(weights=np.zeros(len(FEATURE_NAMES)), bias=10.0), threshold=0.5
    )
    cleaned = clean_document(page(["Weather today", PROSE, PROSE + " Again."]), model=drop_all)
    assert cleaned.text.split("\n\n") == [PROSE, PROSE + " Again."]


def test_rules_only_is_the_hand_rule_baseline() -> None:
    cleaned = clean_document(page(["Home", PROSE, "Subscribe now"]), rules_only=True)
    assert cleaned.text == PROSE
    assert cleaned.reasons == ("short", "furniture")
