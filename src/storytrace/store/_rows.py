"""Records to table rows and back: one pair of functions per record of ``model.py``."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from storytrace.model import Article, Claim, Entity, Mention, Passage, Quote, Relation, Skip

Row = dict[str, Any]
RowIn = Mapping[Any, Any]
"""A row as SQLAlchemy gives it (a ``RowMapping``)."""


def article_row(article: Article, run: int | None) -> Row:
    return {
        "id": article.id,
        "source": article.source,
        "text": article.text,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published,
        "language": article.language,
        "removed_lines": list(article.removed_lines),
        "sentences": [list(span) for span in article.sentences],
        "run": run,
    }


def article_from(row: RowIn) -> Article:
    return Article.from_dict(dict(row))


def skip_row(skip: Skip, run: int | None) -> Row:
    return {**skip.to_dict(), "run": run}


def relation_row(relation: Relation) -> Row:
    return {
        "a": relation.a,
        "b": relation.b,
        "kind": relation.kind,
        "origin": relation.origin,
        "score": relation.score,
        "coverage_a": relation.coverage_a,
        "coverage_b": relation.coverage_b,
    }


def passage_rows(relation: Relation) -> Iterator[Row]:
    for position, passage in enumerate(relation.passages):
        yield {
            "a": relation.a,
            "b": relation.b,
            "position": position,
            "a_start": passage.a[0],
            "a_end": passage.a[1],
            "b_start": passage.b[0],
            "b_end": passage.b[1],
            "similarity": passage.similarity,
            "substitutions": [list(pair) for pair in passage.substitutions],
        }


def relation_from(row: RowIn, passages: Sequence[RowIn]) -> Relation:
    return Relation.from_dict(
        {
            **row,
            "coverage": {"a": row["coverage_a"], "b": row["coverage_b"]},
            "passages": [_passage_dict(item) for item in passages],
        }
    )


def _passage_dict(row: RowIn) -> dict[str, Any]:
    return Passage.from_dict(
        {
            "a": (row["a_start"], row["a_end"]),
            "b": (row["b_start"], row["b_end"]),
            "similarity": row["similarity"],
            "substitutions": row["substitutions"],
        }
    ).to_dict()


def fold(text: str) -> str:
    """Alias text as searched: case-folded, spaces squeezed."""
    return " ".join(text.casefold().split())


def entity_row(entity: Entity) -> Row:
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "aliases": list(entity.aliases),
        "articles": list(entity.articles),
    }


def alias_rows(entity: Entity) -> Iterator[Row]:
    for alias in dict.fromkeys((entity.name, *entity.aliases)):
        yield {"entity": entity.id, "alias": alias, "folded": fold(alias)}


def mention_rows(entity: Entity) -> Iterator[Row]:
    seen: set[tuple[str, int]] = set()
    for mention in entity.mentions:
        key = (mention.article, mention.span[0])
        if key not in seen:  # the primary key; a duplicate mention adds nothing
            seen.add(key)
            yield {
                "entity": entity.id,
                "article": mention.article,
                "start": key[1],
                "end": mention.span[1],
            }


def entity_from(row: RowIn, mentions: Sequence[RowIn]) -> Entity:
    return Entity.from_dict(
        {
            **row,
            "mentions": [
                Mention(article=m["article"], span=(m["start"], m["end"])).to_dict()
                for m in mentions
            ],
        }
    )


def quote_row(quote: Quote) -> Row:
    data = quote.to_dict()
    start, end = data.pop("span")
    return {**data, "start": start, "end": end}


def quote_from(row: RowIn) -> Quote:
    return Quote.from_dict({**row, "span": (row["start"], row["end"])})


def claim_row(claim: Claim) -> Row:
    data = claim.to_dict()
    start, end = data.pop("span")
    return {**data, "start": start, "end": end}


def claim_from(row: RowIn) -> Claim:
    return Claim.from_dict({**row, "span": (row["start"], row["end"])})
