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
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

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
            removed_lines=_strings(data, "removed_lines"),
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


ReuseKind = Literal["copy", "excerpt", "spun", "translated", "rewrite", "independent"]
REUSE_KINDS: tuple[ReuseKind, ...] = (
    "copy",
    "excerpt",
    "spun",
    "translated",
    "rewrite",
    "independent",
)


Choice = TypeVar("Choice", bound=str)


def _one_of(value: Any, allowed: tuple[Choice, ...], what: str) -> Choice:
    """``value`` as one of the ``allowed`` literals; ``ValueError`` naming ``what`` otherwise."""
    for choice in allowed:
        if choice == str(value):
            return choice
    raise ValueError(f"unknown {what} {value!r}")


def _strings(data: Mapping[str, Any], key: str) -> tuple[str, ...]:
    return tuple(str(item) for item in data.get(key, ()))


def _span(value: Any) -> Span:
    start, end = value
    return (int(start), int(end))


def _optional_float(data: Mapping[str, Any], key: str) -> float | None:
    value = data.get(key)
    return None if value is None else float(value)


@dataclass(frozen=True, slots=True, kw_only=True)
class Passage:
    """Aligned text in two articles: ``a`` in the relation's first article, ``b`` in its second.

    ``substitutions`` lists word swaps inside the aligned passage, ``(text in a, text in b)``:
    for a spun copy, the spinner's synonym map ("attempted coup" -> "endeavored rebellion").
    """

    a: Span
    b: Span
    similarity: float
    substitutions: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": list(self.a),
            "b": list(self.b),
            "similarity": self.similarity,
            "substitutions": [list(pair) for pair in self.substitutions],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Passage:
        return cls(
            a=_span(data["a"]),
            b=_span(data["b"]),
            similarity=float(data["similarity"]),
            substitutions=tuple((str(f), str(t)) for f, t in data.get("substitutions", ())),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Relation:
    """How two articles of one story are related; ``a`` < ``b`` by id.

    ``origin`` is the id of the side the other derives from (None when unknown or
    independent). ``coverage_a`` is the share of ``a``'s text inside aligned passages.
    """

    a: str
    b: str
    kind: ReuseKind
    origin: str | None
    score: float
    coverage_a: float
    coverage_b: float
    passages: tuple[Passage, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "kind": self.kind,
            "origin": self.origin,
            "score": self.score,
            "coverage": {"a": self.coverage_a, "b": self.coverage_b},
            "passages": [passage.to_dict() for passage in self.passages],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Relation:
        coverage = data.get("coverage", {})
        return cls(
            a=str(data["a"]),
            b=str(data["b"]),
            kind=_one_of(data["kind"], REUSE_KINDS, "relation kind"),
            origin=_optional_str(data, "origin"),
            score=float(data["score"]),
            coverage_a=float(coverage.get("a", 0.0)),
            coverage_b=float(coverage.get("b", 0.0)),
            passages=tuple(Passage.from_dict(item) for item in data.get("passages", ())),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """Where an entity is named: an article and a span into its text."""

    article: str
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "span": list(self.span)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Mention:
        return cls(article=str(data["article"]), span=_span(data["span"]))


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    """One real-world person, organisation or place across all articles and spellings."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "articles": list(self.articles),
            "mentions": [mention.to_dict() for mention in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Entity:
        return cls(
            id=str(data["id"]),
            name=str(data["name"]),
            type=str(data["type"]),
            aliases=_strings(data, "aliases"),
            articles=_strings(data, "articles"),
            mentions=tuple(Mention.from_dict(item) for item in data.get("mentions", ())),
        )


QuoteStatus = Literal["original", "verbatim", "translation", "altered"]
QUOTE_STATUSES: tuple[QuoteStatus, ...] = ("original", "verbatim", "translation", "altered")


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """A direct quote: the words inside the quotation marks, and who said them.

    ``span`` covers the quoted words (without the marks); ``cue`` is the reporting verb
    ("said", "told"); ``speaker`` the name as the article gives it, ``entity`` its id.
    ``status`` and ``matches`` are filled when quotes are checked across sources.
    """

    id: str
    article: str
    span: Span
    text: str
    speaker: str | None = None
    entity: str | None = None
    cue: str | None = None
    status: QuoteStatus = "original"
    matches: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article": self.article,
            "span": list(self.span),
            "text": self.text,
            "speaker": self.speaker,
            "entity": self.entity,
            "cue": self.cue,
            "status": self.status,
            "matches": list(self.matches),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Quote:
        return cls(
            id=str(data["id"]),
            article=str(data["article"]),
            span=_span(data["span"]),
            text=str(data["text"]),
            speaker=_optional_str(data, "speaker"),
            entity=_optional_str(data, "entity"),
            cue=_optional_str(data, "cue"),
            status=_one_of(data.get("status", "original"), QUOTE_STATUSES, "quote status"),
            matches=_strings(data, "matches"),
        )


ClaimStatus = Literal["asserted", "retracted"]
CLAIM_STATUSES: tuple[ClaimStatus, ...] = ("asserted", "retracted")


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """A count an article asserts, as an interval: "nearly 8,000 arrested" -> [7500, 8000).

    ``low`` / ``high`` are None for open ends ("more than 160" -> low 161, high None).
    ``measure`` is from a small vocabulary (killed, injured, arrested, ...); ``subject``
    whose count it is; ``attribution`` who says so; ``as_of`` the ISO date it holds for.
    """

    id: str
    article: str
    span: Span
    text: str
    measure: str
    subject: str | None = None
    low: float | None = None
    high: float | None = None
    hedge: str | None = None
    attribution: str | None = None
    as_of: str | None = None
    status: ClaimStatus = "asserted"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article": self.article,
            "span": list(self.span),
            "text": self.text,
            "measure": self.measure,
            "subject": self.subject,
            "low": self.low,
            "high": self.high,
            "hedge": self.hedge,
            "attribution": self.attribution,
            "as_of": self.as_of,
            "status": self.status,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Claim:
        return cls(
            id=str(data["id"]),
            article=str(data["article"]),
            span=_span(data["span"]),
            text=str(data["text"]),
            measure=str(data["measure"]),
            subject=_optional_str(data, "subject"),
            low=_optional_float(data, "low"),
            high=_optional_float(data, "high"),
            hedge=_optional_str(data, "hedge"),
            attribution=_optional_str(data, "attribution"),
            as_of=_optional_str(data, "as_of"),
            status=_one_of(data.get("status", "asserted"), CLAIM_STATUSES, "claim status"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """What happened on one day inside a story, and the articles that report it."""

    id: str
    date: str | None
    title: str
    articles: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date,
            "title": self.title,
            "articles": list(self.articles),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Event:
        return cls(
            id=str(data["id"]),
            date=_optional_str(data, "date"),
            title=str(data["title"]),
            articles=_strings(data, "articles"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Story:
    """Articles about the same unfolding news, grouped into dated events."""

    id: str
    title: str
    articles: tuple[str, ...] = ()
    events: tuple[Event, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "articles": list(self.articles),
            "events": [event.to_dict() for event in self.events],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Story:
        return cls(
            id=str(data["id"]),
            title=str(data["title"]),
            articles=_strings(data, "articles"),
            events=tuple(Event.from_dict(item) for item in data.get("events", ())),
        )


FactStatus = Literal["agreed", "conflict", "changed", "single"]
FACT_STATUSES: tuple[FactStatus, ...] = ("agreed", "conflict", "changed", "single")


@dataclass(frozen=True, slots=True, kw_only=True)
class Fact:
    """What the sources of one story say about one (measure, subject).

    ``value`` is the consolidated interval; ``claims`` the supporting (and, for a
    conflict, opposing) claim ids; ``independent_sources`` counts provenance groups,
    not articles; ``reason`` says in words why the status was chosen.
    """

    id: str
    story: str
    measure: str
    subject: str | None
    status: FactStatus
    low: float | None
    high: float | None
    claims: tuple[str, ...] = ()
    independent_sources: int = 0
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "story": self.story,
            "measure": self.measure,
            "subject": self.subject,
            "status": self.status,
            "value": [self.low, self.high],
            "claims": list(self.claims),
            "independent_sources": self.independent_sources,
            "reason": self.reason,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Fact:
        low, high = data.get("value", (None, None))
        return cls(
            id=str(data["id"]),
            story=str(data["story"]),
            measure=str(data["measure"]),
            subject=_optional_str(data, "subject"),
            status=_one_of(data["status"], FACT_STATUSES, "fact status"),
            low=None if low is None else float(low),
            high=None if high is None else float(high),
            claims=_strings(data, "claims"),
            independent_sources=int(data.get("independent_sources", 0)),
            reason=str(data.get("reason", "")),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Cited:
    """A sentence of a brief or a timeline entry, with the articles it rests on."""

    text: str
    articles: tuple[str, ...] = ()
    date: str | None = None

    def to_dict(self, *, key: str = "sentence") -> dict[str, Any]:
        data: dict[str, Any] = {key: self.text, "articles": list(self.articles)}
        if key == "text":
            data["date"] = self.date
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Cited:
        return cls(
            text=str(data.get("sentence", data.get("text", ""))),
            articles=_strings(data, "articles"),
            date=_optional_str(data, "date"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Brief:
    """One story told in a few cited sentences, and its dated timeline."""

    summary: tuple[Cited, ...] = ()
    timeline: tuple[Cited, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "summary": [line.to_dict() for line in self.summary],
            "timeline": [entry.to_dict(key="text") for entry in self.timeline],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Brief:
        return cls(
            summary=tuple(Cited.from_dict(item) for item in data.get("summary", ())),
            timeline=tuple(Cited.from_dict(item) for item in data.get("timeline", ())),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Analysis:
    """The result of one run: what ``storytrace.analyze`` returns.

    Later stages add their records (relations, stories, claims, ...) here;
    ``to_dict`` always writes every key of the JSON contract.
    """

    articles: tuple[Article, ...] = ()
    skipped: tuple[Skip, ...] = ()
    relations: tuple[Relation, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    stories: tuple[Story, ...] = ()
    facts: tuple[Fact, ...] = ()
    briefs: Mapping[str, Brief] = field(default_factory=dict)

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
            "relations": [relation.to_dict() for relation in self.relations],
            "stories": [story.to_dict() for story in self.stories],
            "entities": [entity.to_dict() for entity in self.entities],
            "quotes": [quote.to_dict() for quote in self.quotes],
            "claims": [claim.to_dict() for claim in self.claims],
            "facts": [fact.to_dict() for fact in self.facts],
            "brief": {story: brief.to_dict() for story, brief in self.briefs.items()},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Analysis:
        if data.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} document: schema is {data.get('schema')!r}")
        return cls(
            articles=tuple(Article.from_dict(item) for item in data.get("articles", ())),
            skipped=tuple(Skip.from_dict(item) for item in data.get("skipped", ())),
            relations=tuple(Relation.from_dict(item) for item in data.get("relations", ())),
            entities=tuple(Entity.from_dict(item) for item in data.get("entities", ())),
            quotes=tuple(Quote.from_dict(item) for item in data.get("quotes", ())),
            claims=tuple(Claim.from_dict(item) for item in data.get("claims", ())),
            stories=tuple(Story.from_dict(item) for item in data.get("stories", ())),
            facts=tuple(Fact.from_dict(item) for item in data.get("facts", ())),
            briefs={
                str(story): Brief.from_dict(item) for story, item in data.get("brief", {}).items()
            },
        )
