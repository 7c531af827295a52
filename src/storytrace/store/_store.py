"""The store: analyses kept in SQLite (a file) or PostgreSQL (a URL), through SQLAlchemy Core.

Adding is idempotent: every record is upserted by its id, so adding the same analysis twice,
or an overlapping one, leaves one copy with the newest values. Lists a record owns
(a relation's passages, an entity's aliases and mentions) are replaced with it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Table,
    and_,
    bindparam,
    create_engine,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from storytrace.errors import StoreError
from storytrace.model import Analysis, Article, Claim, Entity, Quote, Relation, Skip
from storytrace.store import _rows as rows
from storytrace.store import _stories as stories
from storytrace.store import schema as s
from storytrace.store._stories import StoryRecord

logger = logging.getLogger(__name__)

_BATCH = 1000  # rows per executemany: bounded memory for a 10,000-article analysis
_DIALECTS = ("sqlite", "postgresql")


@dataclass(frozen=True, slots=True, kw_only=True)
class RunRecord:
    """One ``add_analysis`` call: when, from which inputs, how much it brought."""

    id: int
    started: str
    inputs: tuple[str, ...]
    article_count: int
    skip_count: int


def database_url(target: str | Path) -> str:
    """A SQLAlchemy URL: URLs pass through, a plain path becomes ``sqlite:///PATH``.

    ``postgresql://`` URLs use the psycopg (v3) driver.

    Example:
        >>> database_url("out/store.db")
        'sqlite:///out/store.db'
        >>> database_url("postgresql://u@localhost/db")
        'postgresql+psycopg://u@localhost/db'
    """
    text = str(target)
    if "://" not in text:
        return f"sqlite:///{text}"
    if text.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + text.split("://", 1)[1]
    return text


class Store:
    """Analyses kept between runs. Open with ``Store.open(path_or_url)``; close when done.

    Example:
        >>> with Store.open(":memory:") as store:  # doctest: +SKIP
        ...     store.add_analysis(storytrace.analyze("demo/corpus"))
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        if engine.dialect.name not in _DIALECTS:
            raise StoreError(
                f"unsupported database {engine.dialect.name!r}: use SQLite or PostgreSQL"
            )

    @classmethod
    def open(cls, target: str | Path) -> Store:
        """Open (and create or upgrade) the store at a file path or database URL."""
        url = database_url(target)
        try:
            engine = create_engine(url, **_engine_options(url))
            store = cls(engine)
            store._migrate()
        except SQLAlchemyError as error:
            raise StoreError(f"cannot open store {_redact(url)}: {error}") from error
        return store

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self._engine.dialect.name

    def close(self) -> None:
        """Release the database connections."""
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def _migrate(self) -> None:
        s.metadata.create_all(self._engine)
        with self._engine.begin() as conn:
            found = conn.execute(select(func.max(s.schema_version.c.version))).scalar()
            if found is None:
                conn.execute(s.schema_version.insert(), {"version": s.SCHEMA_VERSION})
            elif found > s.SCHEMA_VERSION:
                raise StoreError(
                    f"the store has schema {found}, newer than this storytrace's "
                    f"{s.SCHEMA_VERSION}: upgrade storytrace"
                )
            elif found < s.SCHEMA_VERSION:  # create_all added the new tables; old rows stay
                conn.execute(update(s.schema_version).values(version=s.SCHEMA_VERSION))

    # -- writing ---------------------------------------------------------------------------

    def add_analysis(self, analysis: Analysis, *, inputs: Sequence[str] = ()) -> int:
        """Add (upsert) every record of ``analysis`` in one transaction; returns the run id.

        Incremental matching seam: when the reuse stage lands, new articles are matched
        against the signatures kept here (``signatures``) instead of recomputing them.
        """
        try:
            with self._engine.begin() as conn:
                run = self._add_run(conn, analysis, inputs)
                self._add_records(conn, analysis, run)
        except SQLAlchemyError as error:
            raise StoreError(f"cannot write to the store: {error}") from error
        return run

    def _add_run(self, conn: Connection, analysis: Analysis, inputs: Sequence[str]) -> int:
        from storytrace import __version__

        result = conn.execute(
            s.runs.insert().returning(s.runs.c.id),
            {
                "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "inputs": list(inputs),
                "article_count": len(analysis.articles),
                "skip_count": len(analysis.skipped),
                "tool_version": __version__,
            },
        )
        return int(result.scalar_one())

    def _add_records(self, conn: Connection, analysis: Analysis, run: int) -> None:
        self._upsert(conn, s.articles, [rows.article_row(a, run) for a in analysis.articles])
        self._upsert(conn, s.skips, [rows.skip_row(skip, run) for skip in analysis.skipped])
        self._upsert(conn, s.relations, [rows.relation_row(r) for r in analysis.relations])
        _replace(
            conn,
            s.passages,
            ("a", "b"),
            [(r.a, r.b) for r in analysis.relations],
            [row for r in analysis.relations for row in rows.passage_rows(r)],
        )
        self._upsert(conn, s.entities, [rows.entity_row(e) for e in analysis.entities])
        owners = [(e.id,) for e in analysis.entities]
        _replace(
            conn,
            s.entity_aliases,
            ("entity",),
            owners,
            [row for e in analysis.entities for row in rows.alias_rows(e)],
        )
        _replace(
            conn,
            s.mentions,
            ("entity",),
            owners,
            [row for e in analysis.entities for row in rows.mention_rows(e)],
        )
        self._upsert(conn, s.quotes, [rows.quote_row(q) for q in analysis.quotes])
        self._upsert(conn, s.claims, [rows.claim_row(c) for c in analysis.claims])
        stories.add_stories(conn, analysis, run, self._upsert)

    def _upsert(self, conn: Connection, table: Table, items: list[rows.Row]) -> None:
        keys = [column.name for column in table.primary_key.columns]
        for batch in _batches(_last_per_key(items, keys)):
            statement = _insert(self.dialect, table)
            update = {
                c.name: statement.excluded[c.name] for c in table.columns if c.name not in keys
            }
            conn.execute(statement.on_conflict_do_update(index_elements=keys, set_=update), batch)

    def put_signatures(
        self,
        kind: str,
        items: Iterable[tuple[str, bytes]],
        *,
        params: Mapping[str, Any] | None = None,
    ) -> None:
        """Keep per-article bytes of one ``kind`` (e.g. MinHash signatures), replacing old ones."""
        with self._engine.begin() as conn:
            data = [
                {"article": article, "kind": kind, "data": blob, "params": dict(params or {})}
                for article, blob in items
            ]
            self._upsert(conn, s.signatures, data)

    # -- reading ---------------------------------------------------------------------------

    def signatures(self, kind: str) -> Iterator[tuple[str, bytes, dict[str, Any]]]:
        """Every kept ``(article id, bytes, params)`` of one kind, by article id (streamed)."""
        query = (
            select(s.signatures).where(s.signatures.c.kind == kind).order_by(s.signatures.c.article)
        )
        with self._engine.connect() as conn:
            for row in conn.execute(query).mappings():
                yield row["article"], bytes(row["data"]), dict(row["params"])

    def load_analysis(self) -> Analysis:
        """Everything in the store as one analysis (records ordered by id)."""
        with self._engine.connect() as conn:
            return Analysis(
                articles=tuple(_articles(conn, None)),
                skipped=tuple(_skips(conn, None)),
                relations=tuple(_relations(conn, None)),
                entities=tuple(_entities(conn, None)),
                quotes=tuple(_quotes(conn, None)),
                claims=tuple(_claims(conn, None)),
                stories=tuple(stories.read_stories(conn, None)),
                facts=tuple(stories.read_facts(conn, None)),
                briefs=stories.read_briefs(conn, None),
            )

    def counts(self) -> dict[str, int]:
        """How many records of each kind the store holds (and how many outlets)."""
        tables = {
            "articles": s.articles,
            "skipped": s.skips,
            "relations": s.relations,
            "claims": s.claims,
            "quotes": s.quotes,
            "entities": s.entities,
            "stories": s.stories,
            "facts": s.facts,
        }
        with self._engine.connect() as conn:
            counts = {
                name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
                for name, t in tables.items()
            }
            outlets = select(func.count(func.distinct(s.articles.c.outlet)))
            counts["outlets"] = int(conn.execute(outlets).scalar_one())
        return counts

    def revision(self) -> int:
        """The last run's id: it changes whenever the store does (0 when empty)."""
        with self._engine.connect() as conn:
            return int(conn.execute(select(func.coalesce(func.max(s.runs.c.id), 0))).scalar_one())

    def list_articles(self, *, limit: int = 50, offset: int = 0) -> list[Article]:
        """Articles oldest first (undated last, then by id), one page at a time."""
        with self._engine.connect() as conn:
            page = _article_page(conn, limit, offset)
            found = {article.id: article for article in _articles(conn, page)}
        return [found[article_id] for article_id in page if article_id in found]

    def get_article(self, article_id: str) -> Article:
        """The article with this id; ``KeyError`` when the store has none."""
        with self._engine.connect() as conn:
            found = _articles(conn, [article_id])
        if not found:
            raise KeyError(article_id)
        return found[0]

    def neighbourhood(self, article_id: str) -> Analysis:
        """An article with its relations, the articles at their other ends, its claims,
        quotes (and the quotes they match), the entities it names and its story (without the
        other members); ``KeyError`` when the article is absent."""
        with self._engine.connect() as conn:
            relations = _relations(conn, [article_id])
            ids = sorted({article_id} | {side for r in relations for side in (r.a, r.b)})
            articles = _articles(conn, ids)
            if article_id not in {a.id for a in articles}:
                raise KeyError(article_id)
            own = _quotes(conn, [article_id])
            matched = _quotes_by_id(conn, sorted({m for q in own for m in q.matches}))
            story = stories.story_of(conn, article_id)
            return Analysis(
                articles=tuple(articles),
                relations=tuple(relations),
                entities=tuple(_entities(conn, [article_id])),
                quotes=tuple(own + [q for q in matched if q.article != article_id]),
                claims=tuple(_claims(conn, [article_id])),
                stories=tuple(stories.read_stories(conn, [story])) if story else (),
            )

    def pair(self, a: str, b: str) -> Analysis:
        """Two articles, their relation and their quotes; ``KeyError`` when not related."""
        with self._engine.connect() as conn:
            relation = [r for r in _relations(conn, [a]) if {r.a, r.b} == {a, b}]
            if not relation:
                raise KeyError((a, b))
            return Analysis(
                articles=tuple(_articles(conn, [a, b])),
                relations=tuple(relation),
                quotes=tuple(_quotes(conn, [a, b])),
            )

    def claims(self) -> list[Claim]:
        """Every claim, by id."""
        with self._engine.connect() as conn:
            return _claims(conn, None)

    def search_entities(self, text: str, *, limit: int = 50) -> list[Entity]:
        """Entities whose name or an alias contains ``text`` (case-insensitive)."""
        needle = rows.fold(text)
        if not needle:
            return []
        pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        ids = (
            select(s.entity_aliases.c.entity)
            .where(s.entity_aliases.c.folded.like(pattern, escape="\\"))
            .distinct()
            .order_by(s.entity_aliases.c.entity)
            .limit(limit)
        )
        with self._engine.connect() as conn:
            found = [str(row[0]) for row in conn.execute(ids)]
            return _entities_by_id(conn, found)

    def articles_by_id(self, ids: Sequence[str]) -> list[Article]:
        """The stored articles among ``ids``, by id."""
        with self._engine.connect() as conn:
            return _articles(conn, list(ids))

    def runs(self, *, limit: int = 20) -> list[RunRecord]:
        """The latest runs, newest first."""
        query = select(s.runs).order_by(s.runs.c.id.desc()).limit(limit)
        with self._engine.connect() as conn:
            return [
                RunRecord(
                    id=r["id"],
                    started=r["started"],
                    inputs=tuple(r["inputs"]),
                    article_count=r["article_count"],
                    skip_count=r["skip_count"],
                )
                for r in conn.execute(query).mappings()
            ]

    def skipped(self, *, limit: int = 100) -> list[Skip]:
        """Skipped inputs, by source."""
        with self._engine.connect() as conn:
            return _skips(conn, limit)

    # -- stories, events, facts, briefs ----------------------------------------------------

    def story_list(self, *, limit: int = 50, offset: int = 0) -> list[StoryRecord]:
        """Stories, largest first, with source counts and conflicts, one page at a time."""
        with self._engine.connect() as conn:
            return stories.story_records(conn, limit=limit, offset=offset)

    def story_count(self) -> int:
        """How many stories the store holds."""
        with self._engine.connect() as conn:
            return stories.story_count(conn)

    def story(self, story_id: str) -> Analysis:
        """One story with everything its page shows: its articles, the relations between
        them, their claims, quotes and entities, its facts and brief; ``KeyError`` if absent."""
        with self._engine.connect() as conn:
            members = stories.story_members(conn, story_id)
            if members is None:
                raise KeyError(story_id)
            return Analysis(
                articles=tuple(_articles(conn, members)),
                relations=tuple(_relations_within(conn, members)),
                entities=tuple(_entities(conn, members)),
                quotes=tuple(_quotes(conn, members)),
                claims=tuple(_claims(conn, members)),
                stories=tuple(stories.read_stories(conn, [story_id])),
                facts=tuple(stories.read_facts(conn, [story_id])),
                briefs=stories.read_briefs(conn, [story_id]),
            )

    # -- incremental runs (``storytrace.stream``): batches, merged entities, pair keys ---------

    def begin_run(self, inputs: Sequence[str] = ()) -> int:
        """Open a run that batches will be added to (``add_batch``); returns its id."""
        try:
            with self._engine.begin() as conn:
                return self._add_run(conn, Analysis(), inputs)
        except SQLAlchemyError as error:
            raise StoreError(f"cannot write to the store: {error}") from error

    def finish_run(self, run: int, *, articles: int, skipped: int) -> None:
        """Record how many articles and skips a run brought."""
        counts = {"article_count": articles, "skip_count": skipped}
        with self._engine.begin() as conn:
            conn.execute(s.runs.update().where(s.runs.c.id == run).values(**counts))

    def add_batch(self, analysis: Analysis, run: int) -> None:
        """Add one batch of a run: like ``add_analysis``, but entities already stored under the
        same id are merged (aliases, articles and mentions united), not replaced, and the
        claims, quotes and relations of re-added articles are dropped first."""
        try:
            with self._engine.begin() as conn:
                _forget_articles(conn, [article.id for article in analysis.articles])
                merged = _merged_entities(conn, analysis.entities)
                self._add_records(conn, replace(analysis, entities=merged), run)
        except SQLAlchemyError as error:
            raise StoreError(f"cannot write to the store: {error}") from error

    def article_ids(self) -> list[str]:
        """Every stored article id, sorted."""
        with self._engine.connect() as conn:
            query = select(s.articles.c.id).order_by(s.articles.c.id)
            return [str(row[0]) for row in conn.execute(query)]

    def iter_articles(self, *, batch: int = _BATCH) -> Iterator[Article]:
        """Every stored article by id, read ``batch`` at a time (memory stays bounded)."""
        last = ""
        while True:
            query = (
                select(s.articles).where(s.articles.c.id > last).order_by(s.articles.c.id)
            ).limit(batch)
            with self._engine.connect() as conn:
                found = [rows.article_from(row) for row in conn.execute(query).mappings()]
            yield from found
            if len(found) < batch:
                return
            last = found[-1].id

    def relation_heads(self) -> list[Relation]:
        """Every stored relation without its passages (kind, origin, scores), by pair."""
        query = select(s.relations).order_by(s.relations.c.a, s.relations.c.b)
        with self._engine.connect() as conn:
            return [rows.relation_from(row, []) for row in conn.execute(query).mappings()]

    def add_relations(self, relations: Sequence[Relation]) -> None:
        """Upsert relations with their passages."""
        with self._engine.begin() as conn:
            self._upsert(conn, s.relations, [rows.relation_row(r) for r in relations])
            _replace(
                conn,
                s.passages,
                ("a", "b"),
                [(r.a, r.b) for r in relations],
                [row for r in relations for row in rows.passage_rows(r)],
            )

    def drop_relations(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Delete the relations (and passages) of these ``(a, b)`` pairs."""
        params = [{"ka": a, "kb": b} for a, b in pairs]
        if not params:
            return
        with self._engine.begin() as conn:
            for table in (s.passages, s.relations):
                match = (table.c.a == bindparam("ka"), table.c.b == bindparam("kb"))
                conn.execute(table.delete().where(*match), params)

    def story_members(self) -> dict[str, list[str]]:
        """Every stored story's article ids (story id -> ids in story order)."""
        table = s.story_articles
        query = select(table).order_by(table.c.story, table.c.position)
        found: dict[str, list[str]] = {}
        with self._engine.connect() as conn:
            for row in conn.execute(query).mappings():
                found.setdefault(row["story"], []).append(row["article"])
        return found

    def analysis_of(self, ids: Sequence[str]) -> Analysis:
        """The stored articles among ``ids`` with the relations between them, the entities
        naming them, their quotes and claims (one story's worth, for consolidation)."""
        wanted = sorted(set(ids))
        inside = set(wanted)
        with self._engine.connect() as conn:
            relations = [r for r in _relations(conn, wanted) if r.a in inside and r.b in inside]
            return Analysis(
                articles=tuple(_articles(conn, wanted)),
                relations=tuple(relations),
                entities=tuple(_entities(conn, wanted)),
                quotes=tuple(_quotes(conn, wanted)),
                claims=tuple(_claims(conn, wanted)),
            )

    def entity_ids_by_article(self) -> dict[str, list[str]]:
        """The ids of the entities each stored article names (article id -> entity ids),
        read from the entities' article lists alone (no mentions, no aliases)."""
        query = select(s.entities.c.id, s.entities.c.articles).order_by(s.entities.c.id)
        found: dict[str, list[str]] = {}
        with self._engine.connect() as conn:
            for entity, articles in conn.execute(query):
                for article in dict.fromkeys(articles):
                    found.setdefault(article, []).append(str(entity))
        return found


def _insert(dialect: str, table: Table) -> sqlite.Insert | postgresql.Insert:
    """An INSERT that can say ON CONFLICT: both back ends speak it, each in its own class."""
    return sqlite.insert(table) if dialect == "sqlite" else postgresql.insert(table)


def _engine_options(url: str) -> dict[str, Any]:
    if url.startswith("sqlite"):
        # The web UI reads from worker threads; SQLite connections are safe to share there.
        return {"connect_args": {"check_same_thread": False}}
    return {"pool_pre_ping": True}


def _redact(url: str) -> str:
    """A URL with its password hidden, for messages."""
    head, sep, tail = url.rpartition("@")
    if not sep or ":" not in head.split("://", 1)[-1]:
        return url
    scheme, _, credentials = head.partition("://")
    return f"{scheme}://{credentials.split(':', 1)[0]}:***@{tail}"


def _batches(items: list[rows.Row]) -> Iterator[list[rows.Row]]:
    for start in range(0, len(items), _BATCH):
        yield items[start : start + _BATCH]


def _last_per_key(items: list[rows.Row], keys: list[str]) -> list[rows.Row]:
    """One row per key, the last one given: an upsert batch must not hit a key twice."""
    return list({tuple(item[key] for key in keys): item for item in items}.values())


def _replace(
    conn: Connection,
    table: Table,
    keys: tuple[str, ...],
    owners: Sequence[tuple[str, ...]],
    items: list[rows.Row],
) -> None:
    """Delete the rows of each owner, then insert the new ones."""
    if owners:
        condition = [table.c[key] == bindparam(f"owner_{key}") for key in keys]
        params = [
            {f"owner_{k}": v for k, v in zip(keys, owner, strict=True)} for owner in set(owners)
        ]
        conn.execute(table.delete().where(*condition), params)
    for batch in _batches(items):
        conn.execute(table.insert(), batch)


def _forget_articles(conn: Connection, ids: list[str]) -> None:
    """Drop what an earlier run derived from these articles (they are being re-added)."""
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start : start + _BATCH]
        conn.execute(s.claims.delete().where(s.claims.c.article.in_(chunk)))
        conn.execute(s.quotes.delete().where(s.quotes.c.article.in_(chunk)))
        conn.execute(s.mentions.delete().where(s.mentions.c.article.in_(chunk)))
        for table in (s.passages, s.relations):
            conn.execute(table.delete().where(or_(table.c.a.in_(chunk), table.c.b.in_(chunk))))


def _merged_entities(conn: Connection, entities: Sequence[Entity]) -> tuple[Entity, ...]:
    """Each entity united with the stored one of the same id (its name and type kept)."""
    stored = {e.id: e for e in _entities_by_id(conn, [e.id for e in entities])}
    merged = []
    for entity in entities:
        old = stored.get(entity.id)
        if old is not None:
            entity = replace(
                old,
                aliases=tuple(dict.fromkeys((*old.aliases, *entity.aliases))),
                articles=tuple(dict.fromkeys((*old.articles, *entity.articles))),
                mentions=tuple(dict.fromkeys((*old.mentions, *entity.mentions))),
            )
        merged.append(entity)
    return tuple(merged)


def _articles(conn: Connection, ids: list[str] | None) -> list[Article]:
    query = select(s.articles).order_by(s.articles.c.id)
    if ids is not None:
        query = query.where(s.articles.c.id.in_(ids))
    return [rows.article_from(row) for row in conn.execute(query).mappings()]


def _article_page(conn: Connection, limit: int, offset: int) -> list[str]:
    """Ids of one page of articles, dated oldest first, then undated by id.

    Two index reads (dated, then undated) instead of one ``ORDER BY published IS NULL``,
    which no index serves: it made the front page sort every article row (13 ms of a
    30 ms page at 10,000 articles, SQLite).
    """
    table = s.articles
    dated = [
        str(row[0])
        for row in conn.execute(
            select(table.c.id)
            .where(table.c.published.is_not(None))
            .order_by(table.c.published, table.c.id)
            .limit(limit)
            .offset(offset)
        )
    ]
    if len(dated) == limit:
        return dated
    count = select(func.count()).select_from(table).where(table.c.published.is_not(None))
    skip = max(0, offset - int(conn.execute(count).scalar_one()))
    undated = (
        select(table.c.id)
        .where(table.c.published.is_(None))
        .order_by(table.c.id)
        .limit(limit - len(dated))
        .offset(skip)
    )
    return dated + [str(row[0]) for row in conn.execute(undated)]


def _skips(conn: Connection, limit: int | None) -> list[Skip]:
    query = select(s.skips).order_by(s.skips.c.source, s.skips.c.stage).limit(limit)
    return [Skip.from_dict(dict(row)) for row in conn.execute(query).mappings()]


def _relations(conn: Connection, touching: list[str] | None) -> list[Relation]:
    query = select(s.relations).order_by(s.relations.c.a, s.relations.c.b)
    passages = select(s.passages).order_by(s.passages.c.a, s.passages.c.b, s.passages.c.position)
    if touching is not None:
        query = query.where(or_(s.relations.c.a.in_(touching), s.relations.c.b.in_(touching)))
        passages = passages.where(or_(s.passages.c.a.in_(touching), s.passages.c.b.in_(touching)))
    grouped: dict[tuple[str, str], list[rows.RowIn]] = {}
    for row in conn.execute(passages).mappings():
        grouped.setdefault((row["a"], row["b"]), []).append(row)
    return [
        rows.relation_from(r, grouped.get((r["a"], r["b"]), []))
        for r in conn.execute(query).mappings()
    ]


def _entities(conn: Connection, naming: list[str] | None) -> list[Entity]:
    if naming is None:
        ids = None
    else:
        query = select(s.mentions.c.entity).where(s.mentions.c.article.in_(naming)).distinct()
        ids = sorted(str(row[0]) for row in conn.execute(query))
    return _entities_by_id(conn, ids)


def _entities_by_id(conn: Connection, ids: list[str] | None) -> list[Entity]:
    query = select(s.entities).order_by(s.entities.c.id)
    mentions = select(s.mentions).order_by(
        s.mentions.c.entity, s.mentions.c.article, s.mentions.c.start
    )
    if ids is not None:
        query = query.where(s.entities.c.id.in_(ids))
        mentions = mentions.where(s.mentions.c.entity.in_(ids))
    grouped: dict[str, list[rows.RowIn]] = {}
    for row in conn.execute(mentions).mappings():
        grouped.setdefault(row["entity"], []).append(row)
    return [
        rows.entity_from(row, grouped.get(row["id"], [])) for row in conn.execute(query).mappings()
    ]


def _quotes(conn: Connection, articles: list[str] | None) -> list[Quote]:
    query = select(s.quotes).order_by(s.quotes.c.id)
    if articles is not None:
        query = query.where(s.quotes.c.article.in_(articles))
    return [rows.quote_from(row) for row in conn.execute(query).mappings()]


def _quotes_by_id(conn: Connection, ids: list[str]) -> list[Quote]:
    query = select(s.quotes).where(s.quotes.c.id.in_(ids)).order_by(s.quotes.c.id)
    return [rows.quote_from(row) for row in conn.execute(query).mappings()] if ids else []


def _relations_within(conn: Connection, ids: list[str]) -> list[Relation]:
    """Relations with both ends among ``ids`` (one story's), with their passages."""
    rel, pas = s.relations, s.passages
    query = select(rel).where(rel.c.a.in_(ids), rel.c.b.in_(ids)).order_by(rel.c.a, rel.c.b)
    passages = (
        select(pas)
        .where(and_(pas.c.a.in_(ids), pas.c.b.in_(ids)))
        .order_by(pas.c.a, pas.c.b, pas.c.position)
    )
    grouped: dict[tuple[str, str], list[rows.RowIn]] = {}
    for row in conn.execute(passages).mappings():
        grouped.setdefault((row["a"], row["b"]), []).append(row)
    return [
        rows.relation_from(r, grouped.get((r["a"], r["b"]), []))
        for r in conn.execute(query).mappings()
    ]


def _claims(conn: Connection, articles: list[str] | None) -> list[Claim]:
    query = select(s.claims).order_by(s.claims.c.id)
    if articles is not None:
        query = query.where(s.claims.c.article.in_(articles))
    return [rows.claim_from(row) for row in conn.execute(query).mappings()]
