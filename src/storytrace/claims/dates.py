"""The date a figure holds for: time expressions in a sentence, resolved from the article date.

Resolution rules (news speaks of the past, so a bare weekday is the latest such day
on or before publication; the same weekday as publication is the publication day):

- "Monday", "on Sunday", "late on Wednesday", "early Thursday" -> that weekday's date;
- "midday/noon Thursday" -> ``YYYY-MM-DDT12:00``;
- "today", "tonight", "this morning" -> the publication date; "yesterday" -> the day before;
- "last week" -> the ISO week before publication (``2022-W01``); "this week" -> its week;
- "Jan. 19", "19 January", "January 19, 2022" -> that date (the publication year when none);
- "in 2009", "since 1991" -> the year (``2009``).

With no expression, a figure holds for the publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["TimeExpression", "find_times", "publication_date"]

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_TIME = re.compile(
    rf"(?P<noon>\b(?:midday|noon)\s+(?:on\s+)?)?\b(?P<weekday>{'|'.join(_WEEKDAYS)})\b"
    rf"|\b(?P<rel>today|tonight|this morning|this afternoon|this evening|yesterday"
    rf"|last week|this week|last month|this month)\b"
    rf"|\b(?P<md>{_MONTH})\s+(?P<md_day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<md_year>\d{{4}}))?\b"
    rf"|\b(?P<dm_day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm>{_MONTH})(?:\s+(?P<dm_year>\d{{4}}))?\b"
    rf"|\b(?:in|since|of|during|by)\s+(?P<year>1[89]\d\d|20\d\d)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression: its span in the text searched, and the ISO date it resolves to."""

    start: int
    end: int
    iso: str | None


def publication_date(published: str | None) -> date | None:
    """The date part of an ISO ``published`` string, or None when absent or unreadable."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def find_times(text: str, published: date | None) -> list[TimeExpression]:
    """Time expressions in ``text``, resolved against the publication date.

    Example:
        >>> [t.iso for t in find_times("On Sunday, and midday Thursday", date(2022, 1, 10))]
        ['2022-01-09', '2022-01-06T12:00']
    """
    return [
        TimeExpression(start=m.start(), end=m.end(), iso=_resolve(m, published))
        for m in _TIME.finditer(text)
    ]


def _resolve(match: re.Match[str], published: date | None) -> str | None:
    if match.group("year"):
        return match.group("year")
    if match.group("md") or match.group("dm"):
        return _month_day(match, published)
    if published is None:
        return None
    if match.group("weekday"):
        day = _weekday_on_or_before(published, _WEEKDAYS.index(match.group("weekday").lower()))
        return day.isoformat() + ("T12:00" if match.group("noon") else "")
    return _relative(match.group("rel").lower(), published)


def _weekday_on_or_before(published: date, weekday: int) -> date:
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def _relative(words: str, published: date) -> str:
    if words == "yesterday":
        return (published - timedelta(days=1)).isoformat()
    if words == "last week":
        return _iso_week(published - timedelta(days=7))
    if words == "this week":
        return _iso_week(published)
    if words == "last month":
        first = published.replace(day=1) - timedelta(days=1)
        return f"{first.year:04d}-{first.month:02d}"
    if words == "this month":
        return f"{published.year:04d}-{published.month:02d}"
    return published.isoformat()


def _iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _month_day(match: re.Match[str], published: date | None) -> str | None:
    month_word = (match.group("md") or match.group("dm")).lower()[:3]
    day = int(match.group("md_day") or match.group("dm_day"))
    year_text = match.group("md_year") or match.group("dm_year")
    year = int(year_text) if year_text else (published.year if published else None)
    if year is None:
        return None
    try:
        return date(year, _MONTHS[month_word], day).isoformat()
    except ValueError:
        return None
