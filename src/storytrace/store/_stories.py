"""Stories, their events, facts and briefs in the store: rows, writing and reading.

Kept apart from the article-level records (``_store.py``): a story is replaced whole when a
run adds it again (its members, events, facts and brief lines are deleted and rewritten), and
an article that a later run files under another story leaves the old one; a story left with
no article is removed with everything it owns.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, func, select, update

from storytrace.consolidate.provenance import UnionFind
from storytrace.model import Analysis, Brief, Cited, Event, Fact, Story
from storytrace.store import schema as s
from storytrace.stories.index import DERIVED_KINDS

Row = dict[str, Any]
Upsert = Callable[[Connection, Table, list[Row]], None]
OWNED = (s.story_articles, s.events, s.facts, s.brief_lines)
"""The tables whose rows belong to one story (column ``story``)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryRecord:
    """A story as the story list shows it: size, sources, conflicts, dates."""

    id: str
    title: str
    article_count: int
    outlet_count: int
    independent_sources: int
    conflict_count: int
    first_date: str | None
    last_date: str | None


# -- rows ----------------------------------------------------------------------------------


def story_row(story: Story, run: int | None) -> Row:
    """The story's own columns; the counted ones are filled by ``refresh_summaries``."""
    return {"id": story.id, "title": story.title, "independent_sources": 0, "run": run}


def member_rows(story: Story) -> Iterator[Row]:
    for position, article in enumerate(dict.fromkeys(story.articles)):
        yield {"story": story.id, "article": article, "position": position}


def event_rows(story: Story) -> Iterator[Row]:
    for position, event in enumerate(story.events):
        yield {**event.to_dict(), "story": story.id, "position": position}


def fact_row(fact: Fact) -> Row:
    data = fact.to_dict()
    low, high = data.pop("value")
    return {**data, "low": low, "high": high}


def brief_rows(story_id: str, brief: Brief) -> Iterator[Row]:
    for part, lines in (("summary", brief.summary), ("timeline", brief.timeline)):
        for position, line in enumerate(lines):
            yield {
                "story": story_id,
                "part": part,
                "position": position,
                "text": line.text,
                "date": line.date,
                "articles": list(line.articles),
            }


# -- writing -------------------------------------------------------------------------------


def add_stories(conn: Connection, analysis: Analysis, run: int, upsert: Upsert) -> None:
    """Write the analysis' stories with their members, events, facts and briefs."""
    stories = _unique(analysis.stories)
    members = [row for story in stories for row in member_rows(story)]
    moved = sorted({row["article"] for row in members})
    touched = {story.id for story in stories} | _stories_holding(conn, moved)
    for chunk in _chunks(moved):
        conn.execute(delete(s.story_articles).where(s.story_articles.c.article.in_(chunk)))
    owners = sorted({story.id for story in stories} | {f.story for f in analysis.facts})
    for table in OWNED:
        for chunk in _chunks(owners):
            conn.execute(delete(table).where(table.c.story.in_(chunk)))
    upsert(conn, s.stories, [story_row(story, run) for story in stories])
    _insert(conn, s.story_articles, members)
    _insert(conn, s.events, [row for story in stories for row in event_rows(story)])
    _insert(conn, s.facts, list({f.id: fact_row(f) for f in analysis.facts}.values()))
    briefs = analysis.briefs.items()
    _insert(conn, s.brief_lines, [row for sid, b in briefs for row in brief_rows(sid, b)])
    _remove_empty_stories(conn)
    refresh_summaries(conn, sorted(touched | {f.story for f in analysis.facts}))


def _stories_holding(conn: Connection, articles: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(articles):
        query = select(s.story_articles.c.story).where(s.story_articles.c.article.in_(chunk))
        found.update(str(row[0]) for row in conn.execute(query.distinct()))
    return found


def refresh_summaries(conn: Connection, story_ids: Sequence[str]) -> None:
    """Recount the story-list columns (size, outlets, dates, conflicts, independent sources)
    of these stories from what the store holds, so a run that brings only some of a story's
    articles or relations still leaves the right counts."""
    for chunk in _chunks(story_ids):
        sizes = _size_rows(conn, chunk)
        conflicts = _conflict_counts(conn, chunk)
        joined = _derivations(conn, chunk)
        rows = [
            {
                **row,
                "conflict_count": conflicts.get(row["story_id"], 0),
                "independent_sources": row["article_count"] - joined.get(row["story_id"], 0),
            }
            for row in sizes
        ]
        if rows:
            statement = (
                update(s.stories)
                .where(s.stories.c.id == bindparam("story_id"))
                .values(
                    article_count=bindparam("article_count"),
                    outlet_count=bindparam("outlet_count"),
                    first_date=bindparam("first_date"),
                    last_date=bindparam("last_date"),
                    conflict_count=bindparam("conflict_count"),
                    independent_sources=bindparam("independent_sources"),
                )
            )
            conn.execute(statement, rows)


def _derivations(conn: Connection, story_ids: Sequence[str]) -> dict[str, int]:
    """Per story, how many provenance groups its derived-reuse relations merged away.

    Groups are the components of the copy / excerpt / spun / translated / rewrite relations
    between the story's own articles (as ``consolidate.provenance.article_groups`` forms
    them), so a story's independent sources are its articles minus these merges.
    """
    own_a, own_b, rel = (
        s.story_articles.alias("own_a"),
        s.story_articles.alias("own_b"),
        s.relations,
    )
    query = (
        select(own_a.c.story, rel.c.a, rel.c.b)
        .select_from(
            rel.join(own_a, own_a.c.article == rel.c.a).join(
                own_b, (own_b.c.article == rel.c.b) & (own_b.c.story == own_a.c.story)
            )
        )
        .where(own_a.c.story.in_(story_ids), rel.c.kind.in_(sorted(DERIVED_KINDS)))
    )
    groups: dict[str, UnionFind] = defaultdict(UnionFind)
    merged: dict[str, int] = defaultdict(int)
    for story, a, b in conn.execute(query):
        found = groups[story]
        if found.find(a) != found.find(b):
            found.union(a, b)
            merged[story] += 1
    return merged


def _size_rows(conn: Connection, story_ids: Sequence[str]) -> list[Row]:
    member, article = s.story_articles, s.articles
    query = (
        select(
            member.c.story,
            func.count(member.c.article),
            func.count(func.distinct(article.c.outlet)),
            func.min(article.c.published),
            func.max(article.c.published),
        )
        .select_from(member.outerjoin(article, article.c.id == member.c.article))
        .where(member.c.story.in_(story_ids))
        .group_by(member.c.story)
    )
    return [
        {
            "story_id": str(story),
            "article_count": int(size),
            "outlet_count": int(outlets),
            "first_date": first,
            "last_date": last,
        }
        for story, size, outlets, first, last in conn.execute(query)
    ]


def _unique(stories: Sequence[Story]) -> list[Story]:
    return list({story.id: story for story in stories}.values())


def _insert(conn: Connection, table: Table, rows: list[Row]) -> None:
    for start in range(0, len(rows), _CHUNK):
        conn.execute(table.insert(), rows[start : start + _CHUNK])


def _remove_empty_stories(conn: Connection) -> None:
    """Stories whose every article moved to another story are gone, with what they own."""
    held = select(s.story_articles.c.story).distinct()
    empty = [
        str(row[0])
        for row in conn.execute(select(s.stories.c.id).where(s.stories.c.id.not_in(held)))
    ]
    for chunk in _chunks(empty):
        for table in OWNED:
            conn.execute(delete(table).where(table.c.story.in_(chunk)))
        conn.execute(delete(s.stories).where(s.stories.c.id.in_(chunk)))


_CHUNK = 1000  # ids per IN (...) and rows per executemany: bounded statements


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


# -- reading -------------------------------------------------------------------------------


def read_stories(conn: Connection, ids: Sequence[str] | None) -> list[Story]:
    """Stories (all, or those with ``ids``) with their members and events, by id."""
    query = select(s.stories).order_by(s.stories.c.id)
    members = select(s.story_articles).order_by(
        s.story_articles.c.story, s.story_articles.c.position
    )
    events = select(s.events).order_by(s.events.c.story, s.events.c.position)
    if ids is not None:
        query = query.where(s.stories.c.id.in_(ids))
        members = members.where(s.story_articles.c.story.in_(ids))
        events = events.where(s.events.c.story.in_(ids))
    articles: dict[str, list[str]] = defaultdict(list)
    for row in conn.execute(members).mappings():
        articles[row["story"]].append(row["article"])
    dated: dict[str, list[Event]] = defaultdict(list)
    for row in conn.execute(events).mappings():
        dated[row["story"]].append(Event.from_dict(dict(row)))
    return [
        Story(
            id=row["id"],
            title=row["title"],
            articles=tuple(articles[row["id"]]),
            events=tuple(dated[row["id"]]),
        )
        for row in conn.execute(query).mappings()
    ]


def read_facts(conn: Connection, story_ids: Sequence[str] | None) -> list[Fact]:
    """Facts (all, or those of ``story_ids``) by story, then in the order they were found."""
    query = select(s.facts)
    if story_ids is not None:
        query = query.where(s.facts.c.story.in_(story_ids))
    found = [
        Fact.from_dict({**row, "value": (row["low"], row["high"])})
        for row in conn.execute(query).mappings()
    ]
    return sorted(found, key=lambda fact: (fact.story, _natural(fact.id)))


def _natural(text: str) -> tuple[Any, ...]:
    """``f2`` before ``f10``: the order consolidation numbered them in."""
    head = text.rstrip("0123456789")
    tail = text[len(head) :]
    return (head, int(tail) if tail else -1, text)


def read_briefs(conn: Connection, story_ids: Sequence[str] | None) -> dict[str, Brief]:
    """The briefs of every story (or of ``story_ids``) that has one."""
    query = select(s.brief_lines).order_by(
        s.brief_lines.c.story, s.brief_lines.c.part, s.brief_lines.c.position
    )
    if story_ids is not None:
        query = query.where(s.brief_lines.c.story.in_(story_ids))
    parts: dict[str, dict[str, list[Cited]]] = defaultdict(lambda: defaultdict(list))
    for row in conn.execute(query).mappings():
        line = Cited(text=row["text"], articles=tuple(row["articles"]), date=row["date"])
        parts[row["story"]][row["part"]].append(line)
    return {
        story: Brief(summary=tuple(lines["summary"]), timeline=tuple(lines["timeline"]))
        for story, lines in parts.items()
    }


def story_of(conn: Connection, article_id: str) -> str | None:
    """The id of the story holding the article, if any."""
    query = select(s.story_articles.c.story).where(s.story_articles.c.article == article_id)
    found = conn.execute(query.limit(1)).scalar()
    return None if found is None else str(found)


def story_members(conn: Connection, story_id: str) -> list[str] | None:
    """The story's article ids in story order; None when there is no such story."""
    exists = conn.execute(select(s.stories.c.id).where(s.stories.c.id == story_id)).scalar()
    if exists is None:
        return None
    query = (
        select(s.story_articles.c.article)
        .where(s.story_articles.c.story == story_id)
        .order_by(s.story_articles.c.position)
    )
    return [str(row[0]) for row in conn.execute(query)]


def story_records(conn: Connection, *, limit: int, offset: int) -> list[StoryRecord]:
    """The story list: largest stories first, one page at a time (one indexed read)."""
    query = (
        select(s.stories)
        .order_by(s.stories.c.article_count.desc(), s.stories.c.id)
        .limit(limit)
        .offset(offset)
    )
    return [
        StoryRecord(
            id=row["id"],
            title=row["title"],
            article_count=row["article_count"],
            outlet_count=row["outlet_count"],
            independent_sources=row["independent_sources"],
            conflict_count=row["conflict_count"],
            first_date=row["first_date"],
            last_date=row["last_date"],
        )
        for row in conn.execute(query).mappings()
    ]


def _conflict_counts(conn: Connection, story_ids: Sequence[str]) -> Mapping[str, int]:
    if not story_ids:
        return {}
    query = (
        select(s.facts.c.story, func.count())
        .where(s.facts.c.status == "conflict", s.facts.c.story.in_(story_ids))
        .group_by(s.facts.c.story)
    )
    return {str(story): int(count) for story, count in conn.execute(query)}


def story_count(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(s.stories)).scalar_one())
