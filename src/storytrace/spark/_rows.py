"""Model records in and out of Spark rows: one JSON column per record, exactly round-tripped.

Records cross between Python workers as their JSON contract (``to_dict``), so a worker
rebuilds exactly the ``Article`` / ``Relation`` / ``Story`` the library made; the columns
beside it (ids, kind, title) are for Spark to join and filter on.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from storytrace.model import Article, Document, Relation, Skip, Story

__all__ = [
    "article_from_json",
    "document_from_json",
    "document_json",
    "relation_from_json",
    "skip_from_json",
    "story_from_json",
    "to_json",
    "unsigned_hex",
]


def to_json(record: Article | Relation | Story | Skip) -> str:
    """A record as its JSON contract, compact."""
    return json.dumps(record.to_dict(), ensure_ascii=False, separators=(",", ":"))


def document_json(document: Document) -> str:
    """A document as read (before cleaning) as JSON."""
    return json.dumps(dataclasses.asdict(document), ensure_ascii=False, separators=(",", ":"))


def document_from_json(text: str, **changes: Any) -> Document:
    """The document ``document_json`` wrote, with ``changes`` (e.g. a new ``id``)."""
    return Document(**{**json.loads(text), **changes})


def article_from_json(text: str) -> Article:
    """The article ``to_json`` wrote."""
    return Article.from_dict(json.loads(text))


def relation_from_json(text: str) -> Relation:
    """The relation ``to_json`` wrote."""
    return Relation.from_dict(json.loads(text))


def story_from_json(text: str) -> Story:
    """The story ``to_json`` wrote."""
    return Story.from_dict(json.loads(text))


def skip_from_json(text: str) -> Skip:
    """The skip ``to_json`` wrote."""
    return Skip.from_dict(json.loads(text))


def unsigned_hex(value: int) -> str:
    """A 64-bit unsigned hash as 16 hex digits: Spark sorts these strings as the numbers."""
    return f"{value:016x}"
