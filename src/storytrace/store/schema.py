"""The store's tables (SQLAlchemy Core), one per record of ``model.py`` plus runs and signatures.

Stories keep their members in ``story_articles`` (an article is in at most one story: a later
run that puts it elsewhere moves it), their events, facts and brief lines in tables of their
own keyed by the story id, so that one story's page reads only its own rows.

Lists inside records (removed lines, sentence spans, aliases...) are JSON columns: they are
always read whole with their record. Entity aliases also get their own table so that the
UI's alias search is an indexed ``LIKE`` over folded text.

``SCHEMA_VERSION`` is stored in ``schema_version``; ``Store.open`` refuses a store written by a
newer schema and creates the tables of a new one. Bump it with every change of a table.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

SCHEMA_VERSION = 2
"""1: articles to signatures; 2: stories, story_articles, events, facts, brief_lines."""

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True),
)

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started", String(40), nullable=False),
    Column("inputs", JSON, nullable=False),
    Column("article_count", Integer, nullable=False),
    Column("skip_count", Integer, nullable=False),
    Column("tool_version", String(40), nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String, primary_key=True),
    Column("source", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("url", Text),
    Column("outlet", Text),
    Column("title", Text),
    Column("published", String(64)),
    Column("language", String(32)),
    Column("removed_lines", JSON, nullable=False),
    Column("sentences", JSON, nullable=False),
    Column("run", Integer, ForeignKey("runs.id")),
    Index("ix_articles_published", "published"),
    Index("ix_articles_outlet", "outlet"),
)

skips = Table(
    "skips",
    metadata,
    Column("source", Text, primary_key=True),
    Column("stage", String(40), primary_key=True),
    Column("reason", Text, nullable=False),
    Column("run", Integer, ForeignKey("runs.id")),
)

relations = Table(
    "relations",
    metadata,
    Column("a", String, primary_key=True),
    Column("b", String, primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("origin", String),
    Column("score", Float, nullable=False),
    Column("coverage_a", Float, nullable=False),
    Column("coverage_b", Float, nullable=False),
    Index("ix_relations_b", "b"),
)

passages = Table(
    "passages",
    metadata,
    Column("a", String, primary_key=True),
    Column("b", String, primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("a_start", Integer, nullable=False),
    Column("a_end", Integer, nullable=False),
    Column("b_start", Integer, nullable=False),
    Column("b_end", Integer, nullable=False),
    Column("similarity", Float, nullable=False),
    Column("substitutions", JSON, nullable=False),
)

entities = Table(
    "entities",
    metadata,
    Column("id", String, primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(40), nullable=False),
    Column("aliases", JSON, nullable=False),
    Column("articles", JSON, nullable=False),
)

entity_aliases = Table(
    "entity_aliases",
    metadata,
    Column("entity", String, primary_key=True),
    Column("alias", Text, primary_key=True),
    Column("folded", Text, nullable=False),
    Index("ix_entity_aliases_folded", "folded"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("entity", String, primary_key=True),
    Column("article", String, primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, nullable=False),
    Index("ix_mentions_article", "article"),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", String, primary_key=True),
    Column("article", String, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("speaker", Text),
    Column("entity", String),
    Column("cue", Text),
    Column("status", String(16), nullable=False),
    Column("matches", JSON, nullable=False),
    Index("ix_quotes_article", "article"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", String, primary_key=True),
    Column("article", String, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("measure", String(64), nullable=False),
    Column("subject", Text),
    Column("low", Float),
    Column("high", Float),
    Column("hedge", Text),
    Column("attribution", Text),
    Column("as_of", String(64)),
    Column("status", String(16), nullable=False),
    Index("ix_claims_article", "article"),
    Index("ix_claims_measure", "measure"),
)

signatures = Table(
    "signatures",
    metadata,
    Column("article", String, primary_key=True),
    Column("kind", String(64), primary_key=True),
    Column("data", LargeBinary, nullable=False),
    Column("params", JSON, nullable=False),
    Index("ix_signatures_kind", "kind"),
)
"""Anything a stage computes per article and wants to keep between runs, as bytes.

``kind`` names the stage and its encoding (e.g. ``minhash/128`` or ``lsh-bands/32x4``);
``params`` holds what produced it (seed, permutations), so a run with other settings
recomputes instead of mixing signatures.
"""


# -- stories, events, facts, briefs (schema 2) -------------------------------------------

stories = Table(
    "stories",
    metadata,
    Column("id", String, primary_key=True),
    Column("title", Text, nullable=False),
    Column("independent_sources", Integer, nullable=False),
    Column("article_count", Integer, nullable=False, default=0),
    Column("outlet_count", Integer, nullable=False, default=0),
    Column("conflict_count", Integer, nullable=False, default=0),
    Column("first_date", String(64)),
    Column("last_date", String(64)),
    Column("run", Integer, ForeignKey("runs.id")),
    Index("ix_stories_size", "article_count", "id"),
)
"""The story list's columns, kept so that listing is one indexed read: size, outlets, dates,
conflicting facts and independent sources (provenance groups of the stored derived-reuse
relations between the story's articles), recounted from the stored rows for every story a
run adds to or takes articles from."""

story_articles = Table(
    "story_articles",
    metadata,
    Column("story", String, primary_key=True),
    Column("article", String, primary_key=True),
    Column("position", Integer, nullable=False),
    Index("ix_story_articles_article", "article"),
)

events = Table(
    "events",
    metadata,
    Column("id", String, primary_key=True),
    Column("story", String, nullable=False),
    Column("position", Integer, nullable=False),
    Column("date", String(64)),
    Column("title", Text, nullable=False),
    Column("articles", JSON, nullable=False),
    Index("ix_events_story", "story"),
)

facts = Table(
    "facts",
    metadata,
    Column("id", String, primary_key=True),
    Column("story", String, nullable=False),
    Column("measure", String(64), nullable=False),
    Column("subject", Text),
    Column("status", String(16), nullable=False),
    Column("low", Float),
    Column("high", Float),
    Column("claims", JSON, nullable=False),
    Column("independent_sources", Integer, nullable=False),
    Column("reason", Text, nullable=False),
    Index("ix_facts_story", "story"),
    Index("ix_facts_status", "status"),
)

brief_lines = Table(
    "brief_lines",
    metadata,
    Column("story", String, primary_key=True),
    Column("part", String(16), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("date", String(64)),
    Column("articles", JSON, nullable=False),
)
"""``part`` is ``summary`` (the brief's sentences) or ``timeline`` (its dated entries)."""
