"""Shared test set-up: where ``../shared`` is, and hypothesis profiles.

Tests that need the shared corpus or benchmark sets use the ``shared_dir`` fixture (or
``require_shared``); on a user's clone, where ``../shared`` is absent, they skip and say why.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = REPO_ROOT.parent / "shared"

settings.register_profile("default", deadline=None)
# CI: more examples, same seed behaviour, no flaky deadline on a loaded 2-core machine.
settings.register_profile(
    "ci", deadline=None, max_examples=200, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci" if os.environ.get("CI") else "default")


def require_shared(*parts: str) -> Path:
    """The path under ``../shared``, or skip the test saying what is missing."""
    path = SHARED_DIR.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: shared corpus/eval data is only on the project machines")
    return path


@pytest.fixture
def shared_dir() -> Path:
    """``../shared`` beside the repository; skips the test when it is absent."""
    return require_shared()
