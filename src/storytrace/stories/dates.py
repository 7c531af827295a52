"""Days from the ISO strings the pipeline carries, and day names found in text.

``Article.published`` and ``Claim.as_of`` are ISO 8601 strings of any precision the
source gave (a day, a day and time, an ISO week ``2022-W01``, a year). Stories and
facts reason in whole days; these helpers turn such strings into ``date`` objects and
back, and resolve day names ("on Thursday") against a reference day.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

__all__ = [
    "WEEKDAYS",
    "day_of",
    "named_weekdays",
    "resolve_weekday",
    "shift_relative",
    "span_of",
]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_WEEKDAY_WORD = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
RELATIVE_WINDOW = 7
"""A date at most this many days before the publication day may come from a day name."""


def day_of(value: str | None) -> date | None:
    """The calendar day an ISO string names; an ISO week gives its Thursday; else None.

    Example:
        >>> day_of("2022-01-10T18:07:00"), day_of("2022-W01"), day_of("2009")
        (datetime.date(2022, 1, 10), datetime.date(2022, 1, 6), None)
    """
    if not value:
        return None
    match = _DAY.match(value)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    week = _WEEK.match(value)
    if week:
        return date.fromisocalendar(int(week[1]), int(week[2]), 4)
    return None


def span_of(value: str | None) -> tuple[date, date] | None:
    """The first and last day an ISO string covers (a day, or the seven days of a week)."""
    week = _WEEK.match(value or "")
    if week:
        monday = date.fromisocalendar(int(week[1]), int(week[2]), 1)
        return monday, monday + timedelta(days=6)
    day = day_of(value)
    return None if day is None else (day, day)


def named_weekdays(text: str) -> set[int]:
    """The weekdays (0 = Monday) a text names."""
    return {WEEKDAYS.index(match.lower()) for match in _WEEKDAY_WORD.findall(text)}


def resolve_weekday(weekday: int, reference: date) -> date:
    """The latest day on or before ``reference`` that falls on ``weekday``."""
    return reference - timedelta(days=(reference.weekday() - weekday) % 7)


def shift_relative(value: str | None, published: date, event: date) -> str | None:
    """Re-anchor an as-of date resolved against ``published`` onto ``event``.

    A claim dated on its article's publication day, or within the week before it (what a
    day name like "Thursday" resolves to), is re-dated to the same weekday on or before the
    event day; explicit dates further away and coarser values are kept.
    """
    day = day_of(value)
    if value is None or day is None or not _DAY.match(value) or day > published:
        return value
    if (published - day).days > RELATIVE_WINDOW:
        return value
    moved = event if day == published else resolve_weekday(day.weekday(), event)
    return moved.isoformat() + value[10:]
