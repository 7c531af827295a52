"""Facts: for each (measure, subject) of a story, what the independent sources say.

Per (measure, subject key), over asserted claims not in the background:

1. *voices*: inside one provenance group, claims for the same days that cannot all hold
   are copying slips (a spinner turning "dozens" into "scores"); the group speaks with the
   claims that agree with its earliest article, the others are named in the reason;
2. if every voice can hold at once, one fact: ``agreed`` (two or more independent sources)
   or ``single``; the value is the common part;
3. otherwise the claims are cut into time slots (overlapping as-of windows). A slot whose
   voices cannot all hold gets a ``conflict`` fact of its own; across two or more slots a
   story-wide fact is ``changed`` when the values move plausibly (a count of the dead,
   injured, arrested, evacuated, displaced or damaged never falls) and ``conflict`` when
   not. A conflict's value is the one most independent sources hold.

Retracted claims never count: they are named in the reason as withdrawn.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from storytrace.consolidate.intervals import Interval, best_point, describe, intersection
from storytrace.model import Claim, Fact, FactStatus

__all__ = ["CUMULATIVE", "Voice", "bucket_facts", "slots"]

CUMULATIVE = frozenset({"killed", "injured", "arrested", "evacuated", "displaced", "damaged"})
"""Measures whose count only rises as a story goes on."""


@dataclass(frozen=True, slots=True)
class Voice:
    """A claim as consolidation sees it: its source, lineage, window and interval."""

    claim: Claim
    source: str
    group: str
    window: tuple[date, date] | None
    rank: tuple[int, ...]
    """Order of its article in its group (earliest first)."""

    @property
    def interval(self) -> Interval:
        """The claim's ``(low, high)``."""
        return (self.claim.low, self.claim.high)


@dataclass(frozen=True, slots=True)
class _Draft:
    status: FactStatus
    value: Interval
    voices: tuple[Voice, ...]
    sources: int
    reason: str


def bucket_facts(
    story: str,
    measure: str,
    subject: str | None,
    voices: Sequence[Voice],
    retracted: Sequence[Claim],
) -> list[Fact]:
    """The facts of one (measure, subject) bucket of a story."""
    kept, slips = _voices(voices)
    drafts = _drafts(kept)
    notes = _notes(slips, retracted)
    return [
        Fact(
            id="",
            story=story,
            measure=measure,
            subject=subject,
            status=draft.status,
            low=draft.value[0],
            high=draft.value[1],
            claims=tuple(sorted({v.claim.id for v in draft.voices})),
            independent_sources=draft.sources,
            reason=draft.reason + notes,
        )
        for draft in drafts
    ]


def _voices(voices: Sequence[Voice]) -> tuple[list[Voice], list[Voice]]:
    """Drop copying slips: per group and window, claims that disagree with the group's first."""
    by_group: dict[tuple[str, tuple[date, date] | None], list[Voice]] = defaultdict(list)
    for voice in voices:
        by_group[(voice.group, voice.window)].append(voice)
    kept: list[Voice] = []
    slips: list[Voice] = []
    for members in by_group.values():
        if intersection([v.interval for v in members]) is not None:
            kept += members
            continue
        first = min(members, key=lambda v: v.rank)
        agreeing = [v for v in members if intersection([v.interval, first.interval])]
        kept += agreeing
        slips += [v for v in members if v not in agreeing]
    return sorted(kept, key=_order), slips


def _order(voice: Voice) -> tuple[date, str]:
    return (voice.window[0] if voice.window else date.max, voice.claim.id)


def _drafts(voices: list[Voice]) -> list[_Draft]:
    if not voices:
        return []
    common = intersection([v.interval for v in voices])
    if common is not None:
        return [_agreed(voices, common)]
    parts = slots(voices)
    drafts = [_conflict(part) for part in parts if intersection([v.interval for v in part]) is None]
    if len(parts) > 1:
        drafts.append(_over_time(parts))
    return drafts


def slots(voices: Sequence[Voice]) -> list[list[Voice]]:
    """Voices cut into time slots: overlapping windows share a slot; unknown windows last."""
    dated = sorted((v for v in voices if v.window), key=_order)
    parts: list[list[Voice]] = []
    end: date | None = None
    for voice in dated:
        assert voice.window is not None
        if end is None or voice.window[0] > end:
            parts.append([])
            end = voice.window[1]
        end = max(end, voice.window[1])
        parts[-1].append(voice)
    undated = [v for v in voices if not v.window]
    return [*parts, undated] if undated else parts


def _sources(voices: Sequence[Voice]) -> int:
    return len({v.source for v in voices})


def _quoted(voices: Sequence[Voice]) -> str:
    """``'at least 27' (a, b), '27' (c)``: each wording once, with its articles."""
    by_text: dict[str, list[str]] = defaultdict(list)
    for voice in voices:
        if voice.claim.article not in by_text[voice.claim.text]:
            by_text[voice.claim.text].append(voice.claim.article)
    return ", ".join(f"'{text}' ({', '.join(ids)})" for text, ids in by_text.items())


def _agreed(voices: list[Voice], common: Interval) -> _Draft:
    sources = _sources(voices)
    values = sorted({describe(v.interval) for v in voices})
    if sources < 2:
        reason = f"one source: {_quoted(voices)}"
        return _Draft("single", common, tuple(voices), sources, reason)
    joined = " and ".join(values)
    reason = f"{joined} intersect: {describe(common)}, held by {sources} independent sources"
    return _Draft("agreed", common, tuple(voices), sources, reason)


def _best(voices: Sequence[Voice]) -> tuple[list[Voice], Interval]:
    chosen = best_point([v.interval for v in voices], [v.source for v in voices])
    winners = [voices[i] for i in chosen]
    value = intersection([v.interval for v in winners])
    return winners, value if value is not None else winners[0].interval


def _when(part: Sequence[Voice]) -> str:
    windows = [v.window for v in part if v.window]
    if not windows:
        return "on an unknown day"
    first, last = min(windows, key=lambda w: ((w[1] - w[0]).days, w))
    return f"on {_day(first)}" if first == last else f"in the week of {_day(first)}"


def _day(day: date) -> str:
    return f"{day.day} {day.strftime('%B %Y')}"


def _conflict(part: list[Voice]) -> _Draft:
    winners, value = _best(part)
    others = [v for v in part if v not in winners]
    reason = (
        f"{_when(part)}, {describe(value)} ({_quoted(winners)}) and "
        f"{', '.join(sorted({describe(v.interval) for v in others}))} ({_quoted(others)}) "
        f"cannot both hold; {_sources(winners)} independent source(s) hold {describe(value)}"
    )
    return _Draft("conflict", value, tuple(part), _sources(winners), reason)


def _over_time(parts: list[list[Voice]]) -> _Draft:
    steps = [_best(part) for part in parts]
    measure = parts[0][0].claim.measure
    plausible = all(
        _rises_or_any(measure, earlier[1], later[1]) for earlier, later in itertools.pairwise(steps)
    )
    story = ", ".join(
        f"{describe(value)} {_when(part)}" for part, (_, value) in zip(parts, steps, strict=True)
    )
    voices = tuple(v for part in parts for v in part)
    latest, value = steps[-1]
    if plausible:
        trend = "rising" if measure in CUMULATIVE else "moving"
        return _Draft(
            "changed", value, voices, _sources(latest), f"{story}: a later count, {trend}"
        )
    reason = f"{story}: a count of {measure} cannot fall over time"
    return _Draft("conflict", value, voices, _sources(latest), reason)


def _rises_or_any(measure: str, earlier: Interval, later: Interval) -> bool:
    if measure not in CUMULATIVE or earlier[0] is None or later[1] is None:
        return True
    return later[1] >= earlier[0]


def _notes(slips: Sequence[Voice], retracted: Sequence[Claim]) -> str:
    text = ""
    if slips:
        text += f"; copying slips not counted: {_quoted(slips)}"
    if retracted:
        listed = "; ".join(f"'{c.text}' ({c.article})" for c in retracted)
        text += f"; withdrawn, not counted: {listed}"
    return text
