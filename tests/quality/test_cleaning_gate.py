"""Quality gate for junk-line removal: dev scores must stay at or above the pinned floors."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from storytrace.evaluate.cleaning import evaluate_cleaning

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
FLOORS = ROOT / "quality" / "floors.toml"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(
        not (SHARED / "eval" / "gva").is_dir() or not (SHARED / "corpus" / "kz2022").is_dir(),
        reason=f"{SHARED} (the repo's sibling ../shared with corpus/kz2022 and eval/gva) is absent",
    ),
]


def test_cleaning_meets_floors_on_dev() -> None:
    floors = tomllib.loads(FLOORS.read_text(encoding="utf-8"))["cleaning"]
    score = evaluate_cleaning(SHARED, split="dev")
    assert score.missing == 0, "labelled lines no longer match the shared texts (sha1)"
    assert score.junk_recall >= floors["junk_recall_min"], score.to_dict()
    assert score.content_loss <= floors["content_loss_max"], score.to_dict()
