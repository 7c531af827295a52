"""Scoring storytrace against the benchmark sets in ``../shared/eval`` (dev splits for gates)."""

from __future__ import annotations

from storytrace.evaluate.cleaning import CleaningScore, evaluate_cleaning

__all__ = ["CleaningScore", "evaluate_cleaning"]
