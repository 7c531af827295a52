"""Count intervals ``[low, high]`` with open ends (None), as the claims stage writes them."""

from __future__ import annotations

import math
from collections.abc import Sequence

__all__ = ["Interval", "best_point", "describe", "intersect", "intersection"]

Interval = tuple[float | None, float | None]


def intersect(a: Interval, b: Interval) -> bool:
    """Whether two intervals share a value."""
    return intersection([a, b]) is not None


def intersection(intervals: Sequence[Interval]) -> Interval | None:
    """The common part of ``intervals``, or None when they cannot all hold."""
    lows = [low for low, _ in intervals if low is not None]
    highs = [high for _, high in intervals if high is not None]
    low = max(lows) if lows else None
    high = min(highs) if highs else None
    if low is not None and high is not None and low > high:
        return None
    return (low, high)


def _contains(interval: Interval, point: float) -> bool:
    low, high = interval
    return (low is None or low <= point) and (high is None or point <= high)


def best_point(intervals: Sequence[Interval], weights: Sequence[str]) -> list[int]:
    """Indices of the intervals holding the point most distinct ``weights`` (sources) agree on.

    Candidate points are the finite ends; ties go to more intervals, then the larger point.
    """
    points = sorted({v for interval in intervals for v in interval if v is not None})
    best: tuple[int, int, float] | None = None
    chosen: list[int] = list(range(len(intervals)))
    for point in points:
        members = [i for i, interval in enumerate(intervals) if _contains(interval, point)]
        rank = (len({weights[i] for i in members}), len(members), point)
        if best is None or rank > best:
            best, chosen = rank, members
    return chosen


def _number(value: float) -> str:
    return f"{int(value):,}" if value == int(value) else f"{value:,}"


def describe(interval: Interval) -> str:
    """``16``, ``[161, ∞)``, ``[7,500, 7,999]``."""
    low, high = interval
    if low is not None and high is not None and math.isclose(low, high):
        return _number(low)
    left = "(-∞" if low is None else f"[{_number(low)}"
    right = "∞)" if high is None else f"{_number(high)}]"
    return f"{left}, {right}"
