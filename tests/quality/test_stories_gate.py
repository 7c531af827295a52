"""Quality gate for the stories and consolidation stages: dev scores at or above the floors.

GVA runs on a deterministic sample, every 2nd dev incident (sorted ids) with all its
articles (``gva_sample`` in the floors; about 1,600 articles, 20 s on the 2-core machine),
so the gate stays under a minute; news-story-chains runs in full.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from storytrace.evaluate.stories import evaluate_stories
from tests.conftest import require_shared

ROOT = Path(__file__).resolve().parents[2]
FLOORS = ROOT / "quality" / "floors.toml"

pytestmark = pytest.mark.shared


def test_stories_meet_floors_on_dev() -> None:
    shared = require_shared("eval")
    for name in ("gva", "news-story-chains"):
        require_shared("eval", name)
    floors = tomllib.loads(FLOORS.read_text(encoding="utf-8"))["stories"]
    score = evaluate_stories(shared.parent, split="dev", sample=floors["gva_sample"])
    assert score.gva.f1 >= floors["gva_pair_f1_min"], score
    assert score.gva.bcubed_f1 >= floors["gva_bcubed_f1_min"], score
    assert score.story_chains_f1 >= floors["story_chains_f1_min"], score
    assert score.gva_counts_match >= floors["gva_counts_match_min"], score
