"""Quality gate for the claims stage: dev scores must stay at or above the pinned floors.

Floors live in ``quality/floors.toml`` ``[claims]``. GVA is scored on every second joined
dev article (a deterministic sample, to keep the gate under a minute on 2 cores); the
floor was measured on that same sample.
"""

from __future__ import annotations

import tomllib

import pytest

from storytrace.evaluate.claims import gva_match, newsquant_f1, polnear_f1
from tests.conftest import REPO_ROOT, require_shared

pytestmark = pytest.mark.shared

_FLOORS = tomllib.loads((REPO_ROOT / "quality" / "floors.toml").read_text("utf-8"))["claims"]


def test_newsquant_value_f1_meets_floor() -> None:
    shared = require_shared("eval", "newsquant").parent.parent
    assert newsquant_f1(shared, split="dev").f1 >= _FLOORS["newsquant_value_f1_min"]


def test_polnear_quote_speaker_f1_meets_floor() -> None:
    shared = require_shared("eval", "polnear").parent.parent
    score = polnear_f1(shared, split="dev", ner=None)
    assert score.f1 >= _FLOORS["polnear_speaker_f1_min"]


def test_gva_count_match_meets_floor() -> None:
    shared = require_shared("eval", "gva").parent.parent
    share, articles = gva_match(shared, split="dev", every=_FLOORS["gva_every"])
    assert articles > 1000
    assert share >= _FLOORS["gva_match_min"]
