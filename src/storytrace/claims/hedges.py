"""Hedges: the words around a number that make it an interval.

``find_hedge`` reads the hedge a writer put before (or after) a number; ``interval``
turns the stated value and the hedge into ``[low, high]`` (``None`` for an open end).

Rules, and why (counts are whole numbers, so an exclusive bound ``N`` is stored as
``N - 1`` or ``N + 1``, as the JSON contract does for "more than 160" -> 161; other
measures keep ``N`` itself, the closest a closed bound gets):

=================  ==============================  ===========================================
hedge              wording                         interval for a stated N
=================  ==============================  ===========================================
exact              (none)                          [N, N]
at_least           at least, no fewer than, ...    [N, None]
more_than          more than, over, in excess of   [N+1, None]
at_most            up to, as many as, no more      [None, N] (a lower bound of 0 says nothing)
less_than          fewer than, less than, under    [None, N-1]
nearly             nearly, almost, close to        [N - g, N-1], g = rounding gap (below)
just_over          just over, slightly more than   [N+1, N + j], j = narrow gap (below)
just_under         just under, just short of       [N - j, N-1]
about              about, around, some, roughly    [N - g, N + g]
=================  ==============================  ===========================================

The rounding gap ``g``: a writer who says "nearly 8,000" rounded to the unit their
numeral shows (1,000 for "8,000", 100 for "1,200", 1 for "164"), so the true value
is one that rounds up to N: ``g = min(unit / 2, N / 10)``, at least 1 for counts.
"nearly 8,000" -> [7500, 7999] (the ``[7500, 8000)`` of the design), "nearly 400"
-> [360, 399] (the 10 % cap: "nearly" is not "half-way to the next hundred").
The narrow gap ``j`` for "just over/under" is half of that again on round numbers,
capped at 5 %: "just over 2,000" -> [2001, 2100] (the 2,030 troops another source
gives for the same deployment fall inside; checked on kz2022).
Vague words keep their own interval (``numbers.VAGUE``); a hedge moves its ends
the same way ("more than a dozen" -> [13, None]).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from storytrace.claims.numbers import Number

__all__ = ["HEDGE_WORDS", "Hedge", "find_hedge", "interval"]

HEDGE_WORDS: dict[str, tuple[str, ...]] = {
    "at_least": (
        "at least", "no fewer than", "no less than", "not less than", "not fewer than",
        "a minimum of", "at a minimum", "au moins",
    ),
    "more_than": (
        "more than", "over", "in excess of", "upwards of", "above", "exceeding", "over than",
        "greater than", "beyond", "plus de",
    ),
    "at_most": ("up to", "as many as", "at most", "no more than", "not more than", "a maximum of"),
    "less_than": ("fewer than", "less than", "under", "below", "barely"),
    "nearly": ("nearly", "almost", "close to", "approaching", "short of", "not quite", "près de"),
    "just_over": ("just over", "slightly more than", "just more than", "a little over",
                  "little more than", "just above", "slightly over"),
    "just_under": ("just under", "slightly less than", "just short of", "just below",
                   "slightly fewer than", "a little under", "just fewer than"),
    "about": (
        "about", "around", "roughly", "approximately", "some", "an estimated", "estimated",
        "approx.", "circa", "about some", "or so", "an approximate", "nearly about",
        "environ", "quelque",
    ),
}  # fmt: skip
"""Hedge name -> wordings before the number (NewsQuant dev and kz2022 wordings, plus the
French ones of translated copies: "au moins", "plus de", "environ", "près de")."""

# Wordings after the number: "27 or more", "30-odd", "100 or so".
_AFTER = {
    "or more": "at_least",
    "or so": "about",
    "-odd": "about",
    " odd": "about",
    "-plus": "at_least",
    "+": "at_least",
    "or fewer": "at_most",
    "or less": "at_most",
}
_BEFORE = re.compile(
    r"(?<![\w-])(?P<hedge>"
    + "|".join(
        re.escape(word).replace(r"\ ", r"\s+")
        for word in sorted(
            (w for words in HEDGE_WORDS.values() for w in words), key=len, reverse=True
        )
    )
    + r")\s+(?:some\s+|about\s+|around\s+|the\s+)?\Z",
    re.IGNORECASE,
)
_LOOKUP = {word: name for name, words in HEDGE_WORDS.items() for word in words}


@dataclass(frozen=True, slots=True)
class Hedge:
    """A hedge found next to a number: its name and the span of its words."""

    name: str
    start: int
    end: int


def find_hedge(text: str, number: Number) -> Hedge | None:
    """The hedge of ``number`` in ``text``: the words right before it, or after it.

    Example:
        >>> from storytrace.claims.numbers import find_numbers
        >>> text = "nearly 8,000 were held"
        >>> find_hedge(text, find_numbers(text)[0])
        Hedge(name='nearly', start=0, end=6)
    """
    before = text[max(0, number.start - 30) : number.start]
    match = _BEFORE.search(before)
    if match:
        offset = number.start - len(before)
        words = " ".join(match.group("hedge").lower().split())
        return Hedge(
            name=_LOOKUP[words], start=offset + match.start(), end=offset + match.end("hedge")
        )
    after = text[number.end : number.end + 10].lower()
    for wording, name in _AFTER.items():
        spaced = wording if wording[0] in "-+ " else " " + wording
        if after.startswith(spaced):
            return Hedge(name=name, start=number.end, end=number.end + len(spaced))
    return None


def interval(
    number: Number, hedge: str | None, *, count: bool = True
) -> tuple[float | None, float | None]:
    """``[low, high]`` for a number and its hedge; ``count`` when the measure is whole items.

    Example:
        >>> from storytrace.claims.numbers import find_numbers
        >>> interval(find_numbers("8,000")[0], "nearly")
        (7500.0, 7999.0)
        >>> interval(find_numbers("160")[0], "more_than")
        (161.0, None)
    """
    step = 1.0 if count else 0.0
    low, high = number.low, number.high
    if number.is_range or hedge in (None, "exact"):
        return _open_ended(low, high, hedge, step)
    value = low
    gap = _gap(number, count=count)
    narrow = max(min(gap / 2, value * 0.05), step)
    rules: dict[str, tuple[float | None, float | None]] = {
        "at_least": (value, None),
        "more_than": (value + step, None),
        "at_most": (None, value),
        "less_than": (None, value - step),
        "nearly": (value - gap, value - step),
        "just_over": (value + step, value + narrow),
        "just_under": (value - narrow, value - step),
        "about": (value - gap, value + gap),
    }
    low_end, high_end = rules.get(hedge, (value, value))
    return _whole(low_end, count, math.ceil), _whole(high_end, count, math.floor)


def _open_ended(
    low: float, high: float | None, hedge: str | None, step: float
) -> tuple[float | None, float | None]:
    """Ranges and vague quantities: a hedge opens or moves one end."""
    if hedge in ("at_least",):
        return low, None
    if hedge in ("more_than", "just_over"):
        return (high if high is not None else low) + step, None
    if hedge in ("at_most",):
        return None, high
    if hedge in ("less_than", "just_under", "nearly"):
        return None, low - step
    return low, high


def _gap(number: Number, *, count: bool) -> float:
    """Half the writer's rounding unit, capped at a tenth of the value (see module doc)."""
    gap = min(number.precision / 2, abs(number.low) / 10)
    return max(gap, 1.0) if count else gap


def _whole(value: float | None, count: bool, rounding: object) -> float | None:
    if value is None or not count:
        return value
    return float(math.ceil(value) if rounding is math.ceil else math.floor(value))
