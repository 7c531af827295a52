"""Quality gate for ``translated``: SemEval-2022 T8 dev translations vs two-article pairs.

A bounded sample (``GATE_SAMPLE`` of each group, the first ones in a fixed order) keeps
the sentence encoder's cost to about a minute; the floor is pinned on that sample.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from storytrace.evaluate.reuse import evaluate_translations
from storytrace.reuse import embed
from tests.conftest import require_shared

FLOORS = Path(__file__).resolve().parents[2] / "quality" / "floors.toml"
GATE_SAMPLE = 30

pytestmark = [pytest.mark.shared, pytest.mark.models]


@pytest.mark.skipif(not embed.available(), reason="no sentence encoder (the 'models' extra)")
def test_translations_meet_the_floor_on_dev() -> None:
    shared = require_shared("eval", "semeval2022-task8")
    floors = tomllib.loads(FLOORS.read_text(encoding="utf-8"))["reuse"]
    scores = evaluate_translations(shared.parent.parent, "dev", sample=GATE_SAMPLE)
    assert scores["translated_f1"] >= floors["translated_f1_min"], scores
    assert scores["controls_called_reuse"] == 0, scores
