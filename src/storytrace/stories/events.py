"""Events inside a story: which day each article reports on, and the stories as records.

An article is dated to the event it reports, not to when it was posted:

1. a derived article (copy, excerpt, spun, translated, rewrite) takes the day of the
   article it derives from, when that one is dated and not later;
2. a *re-post*: an article published more than ``REPOST_GAP_DAYS`` after every other dated
   article of its story, whose text names days of the week ("on Thursday"), is dated to the
   latest of those days on or before the story's first other day (news names the days of
   the week it was written in; a re-post copies the names, not the week);
3. an undated article takes the day of the dated article of its story it is closest to.

Articles of one story reporting on the same day form one event; events are numbered by
day (undated last), ``<story id>/e<n>``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date

from storytrace.model import Event, Story
from storytrace.stories.dates import resolve_weekday
from storytrace.stories.features import cosine
from storytrace.stories.index import Member, story_id

__all__ = ["REPOST_GAP_DAYS", "build_story", "event_days"]

REPOST_GAP_DAYS = 7
"""A story member posted more than a week after all others is checked as a re-post."""


def event_days(members: Mapping[str, Member]) -> dict[str, date | None]:
    """The event day of every member of one story (see the module docstring)."""
    own = {article_id: member.features.day for article_id, member in members.items()}
    days = {article_id: _repost_day(article_id, own, members) for article_id in members}
    days = {article_id: _inherited(article_id, days, members) for article_id in members}
    return {article_id: _nearest_day(article_id, days, members) for article_id in members}


def _repost_day(
    article_id: str, own: Mapping[str, date | None], members: Mapping[str, Member]
) -> date | None:
    day = own[article_id]
    others = [d for other, d in own.items() if other != article_id and d is not None]
    weekdays = members[article_id].weekdays
    if day is None or not others or not weekdays or members[article_id].origin is not None:
        return day
    if (day - max(others)).days <= REPOST_GAP_DAYS:
        return day
    anchor = min(others)
    return max(resolve_weekday(weekday, anchor) for weekday in weekdays)


def _inherited(
    article_id: str, days: Mapping[str, date | None], members: Mapping[str, Member]
) -> date | None:
    day, seen, current = days[article_id], {article_id}, members[article_id].origin
    while current is not None and current in members and current not in seen:
        origin_day = days[current]
        if origin_day is not None and (day is None or origin_day <= day):
            return origin_day
        seen.add(current)
        current = members[current].origin
    return day


def _nearest_day(
    article_id: str, days: Mapping[str, date | None], members: Mapping[str, Member]
) -> date | None:
    if days[article_id] is not None:
        return days[article_id]
    vector = members[article_id].features.vector
    dated = [(other, d) for other, d in days.items() if d is not None and other != article_id]
    if not dated:
        return None
    best = max(dated, key=lambda item: (cosine(vector, members[item[0]].features.vector), item[0]))
    return best[1]


def build_story(members: Mapping[str, Member], titles: Mapping[str, str]) -> Story:
    """The ``Story`` record of one group of articles, with its dated events."""
    sid = story_id(members)
    days = event_days(members)
    by_day: dict[date | None, list[str]] = defaultdict(list)
    for article_id in sorted(members):
        by_day[days[article_id]].append(article_id)
    ordered = sorted(by_day, key=lambda d: (d is None, d or date.min))
    events = tuple(
        Event(
            id=f"{sid}/e{n}",
            date=None if day is None else day.isoformat(),
            title=_title(by_day[day], members, titles),
            articles=tuple(by_day[day]),
        )
        for n, day in enumerate(ordered, start=1)
    )
    return Story(
        id=sid,
        title=_title(sorted(members), members, titles),
        articles=tuple(sorted(members)),
        events=events,
    )


def _title(
    article_ids: Sequence[str], members: Mapping[str, Member], titles: Mapping[str, str]
) -> str:
    """The title of the earliest published member that has one (the story's first report)."""

    def order(article_id: str) -> tuple[bool, str, str]:
        """Dated first, then by publication, then id."""
        published = members[article_id].published
        return (published is None, published or "", article_id)

    for article_id in sorted(article_ids, key=order):
        if titles.get(article_id):
            return titles[article_id]
    return article_ids[0] if article_ids else ""
