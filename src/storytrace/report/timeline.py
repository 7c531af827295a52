"""The timeline of a story as data: one row per dated article, placed by publication time,
and a dated marker per event of the story (what happened on which day)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from storytrace.model import Article, Event
from storytrace.report._ids import dom_id, outlet_colours, short

WIDTH = 1000
LABEL_WIDTH = 320  # the left part of the plot holds the row labels
ROW_HEIGHT = 22
AXIS_HEIGHT = 34
MAX_ROWS = 200
MAX_TICKS = 6


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelinePoint:
    id: str
    anchor: str
    label: str
    published: str
    colour: str
    x: float
    y: float


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineTick:
    label: str
    x: float


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineEvent:
    """An event of the story, drawn as a vertical marker at its date."""

    id: str
    anchor: str
    number: int
    label: str
    date: str
    x: float


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineView:
    """An SVG canvas with a point per dated article and labelled date ticks."""

    width: int
    height: int
    label_width: int
    points: tuple[TimelinePoint, ...]
    ticks: tuple[TimelineTick, ...]
    events: tuple[TimelineEvent, ...]
    undated: int


def parse_published(published: str | None) -> datetime | None:
    """An article's ``published`` as a datetime (naive times taken as UTC); None if unreadable."""
    if not published:
        return None
    try:
        moment = datetime.fromisoformat(published.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def build_timeline(
    articles: Sequence[Article], events: Sequence[Event] = ()
) -> TimelineView | None:
    """The timeline of the dated articles and events; None when nothing is dated."""
    dated = sorted(
        (
            (moment, article)
            for article in articles
            if (moment := parse_published(article.published))
        ),
        key=lambda item: (item[0], item[1].id),
    )[:MAX_ROWS]
    marks = _dated_events(events)
    if not dated and not marks:
        return None
    moments = sorted([moment for moment, _ in dated] + [moment for moment, _ in marks])
    first, last = moments[0], moments[-1]
    span = max((last - first).total_seconds(), 1.0)
    plot = WIDTH - LABEL_WIDTH - 70  # room for the last tick label

    def x_of(moment: datetime) -> float:
        return round(LABEL_WIDTH + 10 + plot * (moment - first).total_seconds() / span, 1)

    colours = outlet_colours(article.outlet for _, article in dated)
    points = tuple(
        TimelinePoint(
            id=article.id,
            anchor=dom_id("article", article.id),
            label=short(f"{article.outlet or 'unknown'} — {article.title or article.id}", 44),
            published=article.published or "",
            colour=colours.get(article.outlet, colours[None]),
            x=x_of(moment),
            y=AXIS_HEIGHT + row * ROW_HEIGHT + ROW_HEIGHT / 2,
        )
        for row, (moment, article) in enumerate(dated)
    )
    ticks = _ticks(moments, x_of)
    return TimelineView(
        width=WIDTH,
        height=AXIS_HEIGHT + max(len(points), 1) * ROW_HEIGHT + 8,
        label_width=LABEL_WIDTH,
        points=points,
        ticks=ticks,
        events=tuple(
            TimelineEvent(
                id=event.id,
                anchor=event_anchor(event.id),
                number=number,
                label=short(event.title, 60),
                date=event.date or "",
                x=x_of(moment),
            )
            for number, (moment, event) in enumerate(marks, start=1)
        ),
        undated=len(articles) - len(dated),
    )


def event_anchor(event_id: str) -> str:
    """The DOM id of an event in a story's event list."""
    return dom_id("event", event_id)


def _dated_events(events: Sequence[Event]) -> list[tuple[datetime, Event]]:
    dated = [(moment, event) for event in events if (moment := parse_published(event.date))]
    return sorted(dated, key=lambda item: (item[0], item[1].id))


def _ticks(moments: list[datetime], x_of: Callable[[datetime], float]) -> tuple[TimelineTick, ...]:
    """A tick at the first article of up to ``MAX_TICKS`` evenly spread days (times if one day)."""
    if len({moment.date() for moment in moments}) == 1:
        ends = (moments[0], moments[-1]) if moments[0] != moments[-1] else (moments[0],)
        return tuple(TimelineTick(label=m.strftime("%Y-%m-%d %H:%M"), x=x_of(m)) for m in ends)
    firsts: dict[date, datetime] = {}
    for moment in moments:
        firsts.setdefault(moment.date(), moment)
    days = sorted(firsts)
    step = max(1, -(-len(days) // MAX_TICKS))
    return tuple(TimelineTick(label=day.isoformat(), x=x_of(firsts[day])) for day in days[::step])
