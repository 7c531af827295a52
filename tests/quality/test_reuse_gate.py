"""Quality gate for the reuse stage: dev scores must stay at or above the pinned floors.

All three sets run in full (PAN-10 dev: 10,000 pairs, about 10 s on the 2-core machine).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from storytrace.evaluate.reuse import evaluate_reuse
from tests.conftest import require_shared

ROOT = Path(__file__).resolve().parents[2]
FLOORS = ROOT / "quality" / "floors.toml"

pytestmark = pytest.mark.shared


def test_reuse_meets_floors_on_dev() -> None:
    shared = require_shared("eval")
    for name in ("clough-stevenson", "pan10-paraphrase", "news-story-chains"):
        require_shared("eval", name)
    floors = tomllib.loads(FLOORS.read_text(encoding="utf-8"))["reuse"]
    scores = evaluate_reuse(shared.parent, "dev")
    assert scores.clough_stevenson_macro_f1 >= floors["clough_stevenson_macro_f1_min"], scores
    assert scores.pan10_accuracy >= floors["pan10_accuracy_min"], scores
    assert scores.story_chains_f1 >= floors["story_chains_f1_min"], scores
