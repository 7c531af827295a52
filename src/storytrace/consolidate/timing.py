"""When a claim holds: its as-of date, re-anchored to the event its article reports on.

A claim without ``as_of`` holds on its article's event day. When the stories stage dated
an article to an earlier event than its publication (a copy posted later, a re-post), the
as-of dates the claims stage resolved from the publication day ("Thursday") are moved
onto the event day (``stories.dates.shift_relative``). A claim dated well before its story
began (a past disaster recalled for context) is background, not a fact of the story.
"""

from __future__ import annotations

import re
from datetime import date

from storytrace.model import Claim
from storytrace.stories.dates import day_of, shift_relative, span_of

__all__ = ["BACKGROUND_DAYS", "Window", "claim_window"]

BACKGROUND_DAYS = 30
"""A claim dated more than this many days before its story's first event is background."""
_YEAR = re.compile(r"^(\d{4})")

Window = tuple[date, date] | None
"""First and last day a claim holds for; None when unknown."""


def claim_window(
    claim: Claim, *, published: str | None, event: date | None, story_start: date | None
) -> Window | bool:
    """The days ``claim`` holds for; ``False`` when it is background to the story."""
    as_of = claim.as_of
    published_day = day_of(published)
    if as_of and published_day is not None and event is not None and event < published_day:
        as_of = shift_relative(as_of, published_day, event)
    window = span_of(as_of)
    if window is None:
        if _before_story(as_of, story_start):
            return False
        return None if event is None else (event, event)
    if story_start is not None and (story_start - window[1]).days > BACKGROUND_DAYS:
        return False
    return window


def _before_story(as_of: str | None, story_start: date | None) -> bool:
    match = _YEAR.match(as_of or "")
    return bool(match and story_start is not None and int(match[1]) < story_start.year)
