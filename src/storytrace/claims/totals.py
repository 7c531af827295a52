"""Casualty totals of one article: how many killed and injured it says, and on which claims.

News restates one count many times (the headline, the lede, a quote) and splits one
event's victims across wordings ("four men were shot ... two died"). The rule (GVA
dev): asserted claims only; per total the claim with the largest lower end, never a
sum; an implied single victim ("a man was shot", hedge ``implied``) adds no injured
when the article reports a death and cannot tell the victims apart (the wounded man
who "later died" is one victim, not two). People *shot* are the killed and the wounded
together, so the shot count less the killed is a lower bound on the injured.

``backed_totals`` also names the claims each total rests on, so that consolidation can
compare the totals of a story's articles with the evidence pointing into their text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from storytrace.model import Claim

__all__ = ["TOTAL_MEASURES", "Interval", "Total", "article_totals", "backed_totals"]


class Interval(NamedTuple):
    """A count as an interval; ``high`` None means open above ("at least 27")."""

    low: float
    high: float | None


# The measures an article's casualty totals read: anyone in hospital or in critical
# condition was injured.
TOTAL_MEASURES: dict[str, tuple[str, ...]] = {
    "killed": ("killed",),
    "injured": ("injured", "hospitalised", "critical"),
}


@dataclass(frozen=True, slots=True)
class Total:
    """One article's total for a measure and the claims it rests on (the deciding one first)."""

    interval: Interval
    claims: tuple[Claim, ...]


def article_totals(claims: Iterable[Claim]) -> dict[str, Interval]:
    """How many killed / injured one article says, from its claims (module docstring).

    Example:
        >>> from storytrace.claims.counts import extract_counts
        >>> from storytrace.model import Article
        >>> text = "A man was shot on Main St. The man died at the hospital."
        >>> article_totals(extract_counts(Article(id="a", source="a", text=text)))
        {'killed': Interval(low=1.0, high=1.0)}
        >>> text = "Four men were shot on Main St. Two of the men died."
        >>> article_totals(extract_counts(Article(id="a", source="a", text=text)))["injured"]
        Interval(low=2.0, high=2.0)
    """
    return {measure: total.interval for measure, total in backed_totals(claims).items()}


def backed_totals(claims: Iterable[Claim]) -> dict[str, Total]:
    """``article_totals`` with the claims behind each total.

    A total read from one claim rests on it; injured people derived from a count of
    people shot rest on that claim and the killed claim it is reduced by.
    """
    kept = [c for c in claims if c.status == "asserted" and c.low is not None]
    totals: dict[str, Total] = {}
    for total, measures in TOTAL_MEASURES.items():
        own = [c for c in kept if c.measure in measures]
        if total == "injured" and any(c.measure == "killed" for c in kept):
            own = [c for c in own if not _same_victim(c, kept)]
        if own:
            best = max(own, key=lambda c: c.low or 0.0)
            totals[total] = Total(Interval(best.low or 0.0, best.high), (best,))
    wounded = _shot_not_killed(kept, totals.get("killed"))
    injured = totals.get("injured")
    if wounded is not None and (injured is None or wounded.interval.low > injured.interval.low):
        totals["injured"] = wounded
    return totals


def _shot_not_killed(claims: Sequence[Claim], killed: Total | None) -> Total | None:
    """The people shot less the killed, or None when no count of people shot is given."""
    shot = [c for c in claims if c.measure == "shot"]
    if not shot:
        return None
    best = max(shot, key=lambda c: c.low or 0.0)
    dead = killed.interval.low if killed else 0.0
    if (best.low or 0.0) <= dead:
        return None
    high = None if best.high is None else best.high - dead
    behind = (best, *(killed.claims if killed else ()))
    return Total(Interval((best.low or 0.0) - dead, high), behind)


def _same_victim(claim: Claim, claims: Sequence[Claim]) -> bool:
    """An implied injured victim that may be one of the dead."""
    if claim.hedge != "implied":
        return False
    dead = [c.subject for c in claims if c.measure == "killed"]
    return claim.subject is None or None in dead or _head(claim.subject) in map(_head, dead)


def _head(subject: str | None) -> str:
    return subject.split()[-1].lower() if subject else ""
