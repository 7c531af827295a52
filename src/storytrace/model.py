"""The records the pipeline stages exchange.

Every stage reads and writes only these types. Records are frozen; each one
round-trips through ``to_dict`` / ``from_dict`` so that ``analysis.json`` is a
faithful twin of the in-memory result.

Offsets: every ``Span`` is a ``(start, end)`` pair of character offsets into
``Article.text``, end exclusive, so ``article.text[start:end]`` is the snippet.

Dates: ``published`` is an ISO 8601 string, a date (``"2022-01-10"``) or a
date-time (``"2022-01-10T18:07:00"``), whichever precision the source gave.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

Span = tuple[int, int]

SourceFormat = Literal["text", "html", "jsonl", "warc"]
SOURCE_FORMATS: tuple[SourceFormat, ...] = ("text", "html", "jsonl", "warc")

SCHEMA = "storytrace.analysis/1"


def _optional_str(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    return None if value is None else str(value)


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """One input article as a reader found it, before cleaning.

    ``text`` is the article's plain text: the file's text for plain-text
    inputs, the main text trafilatura extracted for HTML. The metadata fields
    hold what the container itself said (HTML meta tags, JSONL fields, WARC
    target URI); the ingest stage fills the gaps from the text.
    """

    id: str
    source: str
    format: SourceFormat
    text: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """A cleaned article: the unit every later stage works on.

    Attributes:
        id: stable id; the file name without extension, or a JSONL ``id``.
        source: where it came from (path, plus ``#record`` for containers).
        text: clean text; every span in the analysis points into it.
        removed_lines: the lines cleaning took out, in input order.
        sentences: sentence spans into ``text``, in order, non-overlapping.
    """

    id: str
    source: str
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None
    removed_lines: tuple[str, ...] = ()
    sentences: tuple[Span, ...] = ()

    def sentence_texts(self) -> list[str]:
        """The text of each sentence, in order."""
        return [self.text[start:end] for start, end in self.sentences]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "outlet": self.outlet,
            "title": self.title,
            "published": self.published,
            "language": self.language,
            "text": self.text,
            "removed_lines": list(self.removed_lines),
            "sentences": [list(span) for span in self.sentences],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        return cls(
            id=str(data["id"]),
            source=str(data["source"]),
            text=str(data["text"]),
            url=_optional_str(data, "url"),
            outlet=_optional_str(data, "outlet"),
            title=_optional_str(data, "title"),
            published=_optional_str(data, "published"),
            language=_optional_str(data, "language"),
            removed_lines=tuple(str(line) for line in data.get("removed_lines", ())),
            sentences=tuple((int(s), int(e)) for s, e in data.get("sentences", ())),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Skip:
    """An input that was not analysed, and why. Counted and reported, never silent."""

    source: str
    stage: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "stage": self.stage, "reason": self.reason}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Skip:
        return cls(
            source=str(data["source"]),
            stage=str(data.get("stage", "")),
            reason=str(data["reason"]),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Analysis:
    """The result of one run: what ``storytrace.analyze`` returns.

    Later stages add their records (relations, stories, claims, ...) here;
    ``to_dict`` always writes every key of the JSON contract.
    """

    articles: tuple[Article, ...] = ()
    skipped: tuple[Skip, ...] = ()

    def article(self, article_id: str) -> Article:
        """The article with this id; ``KeyError`` when there is none."""
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "articles": [article.to_dict() for article in self.articles],
            "skipped": [skip.to_dict() for skip in self.skipped],
            "relations": [],
            "stories": [],
            "entities": [],
            "quotes": [],
            "claims": [],
            "facts": [],
            "brief": {},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Analysis:
        if data.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} document: schema is {data.get('schema')!r}")
        return cls(
            articles=tuple(Article.from_dict(item) for item in data.get("articles", ())),
            skipped=tuple(Skip.from_dict(item) for item in data.get("skipped", ())),
        )
