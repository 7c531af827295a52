"""The learned junk-line model: reads ``line_model.json`` and scores line vectors.

The model is fitted by ``tools/train_line_model.py`` (scikit-learn, dev labels
only) and exported to plain arrays, so that cleaning needs numpy alone at run
time. Two kinds are read:

* ``logistic``: standardisation folded into one weight vector and a bias;
* ``trees``: an ensemble of binary trees padded to a complete depth ``d``,
  stored level by level (``feature``, ``cut`` per inner node; ``leaf`` values).
  Gradient boosting sums leaves on the log-odds scale (``combine: "logit"``),
  a random forest averages leaf probabilities (``combine: "mean"``). A line
  goes right at a node when its value is greater than the cut, as in sklearn.

A model may carry a ``semantic`` head: a logistic over a line's sentence
embedding (``_line_semantic``) whose probability is one more feature
(``SEMANTIC_FEATURE_NAMES``); such a model needs the ``models`` extra.

A line is junk when its probability reaches ``threshold``; with ``protect_good``
the rules' prose paragraphs (jusText 'good') are never dropped by the model.
Which set trained the shipped file, and its cross-validated figures, are in the
file itself (``trained_on``, ``cv``) and in ``clean``'s docstring.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import numpy as np
import numpy.typing as npt

from storytrace.ingest._line_model_features import (
    FEATURE_NAMES,
    SEMANTIC_FEATURE_NAMES,
    Matrix,
)

MODEL_FILE = "line_model.json"
"""The shipped model, next to this module (package data)."""


@dataclass(frozen=True, slots=True)
class Logistic:
    """Logistic regression on raw feature values (scaling folded into the weights)."""

    weights: npt.NDArray[np.float64]
    bias: float

    def probability(self, matrix: Matrix) -> npt.NDArray[np.float64]:
        """Junk probability of every row."""
        return _sigmoid(matrix @ self.weights + self.bias)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready arrays."""
        return {"kind": "logistic", "weights": self.weights.tolist(), "bias": self.bias}


@dataclass(frozen=True, slots=True)
class Trees:
    """Complete binary trees of one depth, evaluated for all rows and trees at once.

    Attributes:
        feature: ``(trees, 2**depth - 1)`` column tested at each inner node (breadth-first).
        cut: same shape, the value above which a row goes right.
        leaf: ``(trees, 2**depth)`` leaf values.
        base: added to the combined leaves (log-odds prior for boosting).
        scale: multiplies the combined leaves (learning rate, or 1 / trees for a forest).
        combine: ``"logit"`` (sum, then sigmoid) or ``"mean"`` (leaves are probabilities).
    """

    feature: npt.NDArray[np.intp]
    cut: npt.NDArray[np.float64]
    leaf: npt.NDArray[np.float64]
    base: float
    scale: float
    combine: str

    @property
    def depth(self) -> int:
        """Levels of inner nodes."""
        return int(self.leaf.shape[1]).bit_length() - 1

    def probability(self, matrix: Matrix) -> npt.NDArray[np.float64]:
        """Junk probability of every row."""
        values = matrix.astype(np.float32)  # sklearn compares float32 values with its cuts
        trees = np.arange(self.feature.shape[0])
        rows = np.arange(values.shape[0])[:, None]
        node = np.zeros((values.shape[0], len(trees)), dtype=np.intp)
        for _level in range(self.depth):
            column = self.feature[trees, node]
            node = 2 * node + 1 + (values[rows, column] > self.cut[trees, node])
        total = self.leaf[trees, node - (self.leaf.shape[1] - 1)].sum(axis=1)
        score = self.base + self.scale * total
        return _sigmoid(score) if self.combine == "logit" else score

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready arrays."""
        return {
            "kind": "trees",
            "feature": self.feature.tolist(),
            "cut": self.cut.tolist(),
            "leaf": self.leaf.tolist(),
            "base": self.base,
            "scale": self.scale,
            "combine": self.combine,
        }


Scorer = Logistic | Trees


@dataclass(frozen=True, slots=True, kw_only=True)
class LineModel:
    """A fitted scorer, its decision threshold and its safety rule.

    Attributes:
        scorer: the logistic or tree model.
        threshold: junk probability from which a line is dropped.
        protect_good: never drop a jusText 'good' line (a prose paragraph).
        semantic: the first-stage logistic over embeddings, or None (shallow features only).
        info: provenance (training set, date, CV figures), kept as read.
    """

    scorer: Scorer
    threshold: float
    protect_good: bool = True
    semantic: Logistic | None = None
    info: dict[str, Any] = field(default_factory=dict)

    @property
    def feature_names(self) -> tuple[str, ...]:
        """The columns ``probability`` expects."""
        return FEATURE_NAMES if self.semantic is None else SEMANTIC_FEATURE_NAMES

    def probability(self, matrix: Matrix) -> npt.NDArray[np.float64]:
        """Junk probability of every row of ``matrix`` (columns ``FEATURE_NAMES``)."""
        return self.scorer.probability(matrix)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form read by ``from_dict``."""
        semantic = {} if self.semantic is None else {"semantic": self.semantic.to_dict()}
        return {
            "features": list(self.feature_names),
            "threshold": self.threshold,
            "protect_good": self.protect_good,
            "model": self.scorer.to_dict(),
            **semantic,
            **self.info,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LineModel:
        """Read a model written by ``to_dict``; its features must be the current ones."""
        semantic = _scorer(data["semantic"]) if "semantic" in data else None
        if semantic is not None and not isinstance(semantic, Logistic):
            raise ValueError("a line model's semantic head must be a logistic regression")
        expected = FEATURE_NAMES if semantic is None else SEMANTIC_FEATURE_NAMES
        if tuple(data["features"]) != expected:
            raise ValueError(
                "line model was trained on other features; retrain it with "
                "tools/train_line_model.py"
            )
        known = {"features", "threshold", "protect_good", "model", "semantic"}
        return cls(
            scorer=_scorer(data["model"]),
            threshold=float(data["threshold"]),
            protect_good=bool(data["protect_good"]),
            semantic=semantic,
            info={key: value for key, value in data.items() if key not in known},
        )


def _scorer(data: dict[str, Any]) -> Scorer:
    if data["kind"] == "logistic":
        return Logistic(weights=np.asarray(data["weights"], dtype=np.float64), bias=data["bias"])
    return Trees(
        feature=np.asarray(data["feature"], dtype=np.intp),
        cut=np.asarray(data["cut"], dtype=np.float64),
        leaf=np.asarray(data["leaf"], dtype=np.float64),
        base=float(data["base"]),
        scale=float(data["scale"]),
        combine=str(data["combine"]),
    )


def _sigmoid(values: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(values, -40.0, 40.0))), dtype=np.float64)


@cache
def shipped_model() -> LineModel:
    """The model shipped with the package (read once)."""
    text = resources.files("storytrace.ingest").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return LineModel.from_dict(json.loads(text))
