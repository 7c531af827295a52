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

import re
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


def article_totals(claims: Iterable[Claim], text: str | None = None) -> dict[str, Interval]:
    """How many killed / injured one article says, from its claims (module docstring).

    ``text``: the article's text, to add up counts of one sentence (``backed_totals``).

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
    return {measure: total.interval for measure, total in backed_totals(claims, text).items()}


def backed_totals(claims: Iterable[Claim], text: str | None = None) -> dict[str, Total]:
    """``article_totals`` with the claims behind each total.

    A total read from one claim rests on it; injured people derived from a count of
    people shot rest on that claim and the killed claim it is reduced by. Given the
    article's ``text``, counts joined by "and" are summed (``_sums``): "three men and
    three women were injured" is six.
    """
    kept = [c for c in claims if c.status == "asserted" and c.low is not None]
    totals: dict[str, Total] = {}
    for total, measures in TOTAL_MEASURES.items():
        own = [c for c in kept if c.measure in measures]
        if total == "injured" and any(c.measure == "killed" for c in kept):
            own = [c for c in own if not _same_victim(c, kept)]
        candidates = [Total(Interval(c.low or 0.0, c.high), (c,)) for c in own]
        candidates += _sums(own, text) if text else []
        if candidates:
            totals[total] = max(candidates, key=lambda t: t.interval.low)
    wounded = _shot_not_killed(kept, totals.get("killed"))
    injured = totals.get("injured")
    if wounded is not None and (injured is None or wounded.interval.low > injured.interval.low):
        totals["injured"] = wounded
    return totals


# Between two counts that add up: a few subject words and "and" ("three men and three
# women", "four adults and a child"). Counts of "others" in a later clause are not added:
# on GVA dev that cost more matches than it won (others beside the dead, or restated).
# No verb between: "dozens more were missing and 140 hurt" counts two things.
_JOINED = re.compile(
    r"\s+(?:(?!(?:was|were|is|are|had|has|have|been|being)\b)[\w-]+\s+){0,3}and\s+(?:an?\s+)?\Z",
    re.I,
)


def _sums(claims: Sequence[Claim], text: str) -> list[Total]:
    """Runs of counts joined by "and" that add up, each run's sum with its claims."""
    ordered = sorted(claims, key=lambda c: c.span)
    sums: list[Total] = []
    run: list[Claim] = []
    for claim in ordered:
        joined = run and run[-1].span[1] <= claim.span[0]
        if joined and _JOINED.fullmatch(text, run[-1].span[1], claim.span[0]):
            run.append(claim)
            low = sum(c.low or 0.0 for c in run)
            high = None if any(c.high is None for c in run) else sum(c.high or 0.0 for c in run)
            sums.append(Total(Interval(low, high), tuple(run)))
        else:
            run = [claim]
    return sums


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
    if claim.hedge != "implied" or claim.text.lower() in ("another", "one other"):
        return False  # "another was wounded": not one of the dead
    dead = [c.subject for c in claims if c.measure == "killed"]
    return claim.subject is None or None in dead or _head(claim.subject) in map(_head, dead)


def _head(subject: str | None) -> str:
    return subject.split()[-1].lower() if subject else ""
