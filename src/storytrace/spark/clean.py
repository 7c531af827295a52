"""Stages 2-4 on Spark: the pile's line profile, cleaning and description -> articles.

Cleaning asks, for each line of a document, how often it repeats on the document's site
and in the whole pile (``ingest.line_stats``). That profile is pile-wide, so here it is
a ``groupBy``: every document emits the library's own ``LineStats.entries`` (scope, line
hash, sketch); Spark counts documents per (scope, line hash) and keeps the
``MAX_SKETCHES_PER_LINE`` smallest distinct sketches, which is what ``LineStats.add``
keeps; each document then gets back the counts of *its own* lines, rebuilt with
``LineStats.from_records``, and the library's ``build_article`` cleans and describes it.
Cleaning only ever asks about a document's own lines, so the answers, and the articles,
are the ones the single-machine run gives.

Hashes travel as 16 hex digits, so Spark's string order is the numbers' order and the
smallest sketches are the same ones.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from storytrace.errors import InputError
from storytrace.ingest.articles import build_article
from storytrace.ingest.line_stats import MAX_SKETCHES_PER_LINE, LineStats
from storytrace.model import Skip
from storytrace.spark._rows import document_from_json, to_json, unsigned_hex

__all__ = ["ARTICLE_SCHEMA", "build_articles", "unique_ids"]

ARTICLE_SCHEMA = "id string, article string, skip string"
_ENTRY_SCHEMA = "id string, scope string, line string, sketch array<string>"


def unique_ids(documents: Any) -> Any:
    """Documents renamed as the library renames repeats: ``x``, ``x~2``, ``x~3`` in input
    order (file, then position in the file)."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    order = Window.partitionBy("id").orderBy("file", "pos")
    n = F.row_number().over(order)
    renamed = F.when(n == 1, F.col("id")).otherwise(F.concat(F.col("id"), F.lit("~"), n))
    return documents.select(renamed.alias("id"), "document")


def build_articles(documents: Any) -> Any:
    """Cleaned, described articles (``ARTICLE_SCHEMA``): an ``article`` or a ``skip`` each."""
    entries = documents.mapInPandas(_entries, _ENTRY_SCHEMA).localCheckpoint()
    counts = _line_counts(entries)
    profiles = (
        entries.join(counts, ["scope", "line"])
        .groupBy("id")
        .agg(_collect_profile().alias("profile"))
    )
    return documents.join(profiles, "id", "left").mapInPandas(_describe, ARTICLE_SCHEMA)


def _collect_profile() -> Any:
    from pyspark.sql import functions as F

    return F.collect_list(F.struct("scope", "line", "documents", "sketches"))


def _line_counts(entries: Any) -> Any:
    """Documents and the smallest distinct sketches per (scope, line hash)."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    documents = entries.groupBy("scope", "line").agg(F.count("*").alias("documents"))
    distinct = entries.select("scope", "line", "sketch").distinct()
    rank = F.row_number().over(Window.partitionBy("scope", "line").orderBy("sketch"))
    smallest = (
        distinct.withColumn("rank", rank)
        .where(F.col("rank") <= MAX_SKETCHES_PER_LINE)
        .groupBy("scope", "line")
        .agg(F.collect_list("sketch").alias("sketches"))
    )
    return documents.join(smallest, ["scope", "line"])


def _entries(batches: Iterator[Any]) -> Iterator[Any]:
    import pandas as pd

    for batch in batches:
        rows = [
            (doc_id, scope, unsigned_hex(value), [unsigned_hex(h) for h in sketch])
            for doc_id, text in zip(batch["id"], batch["document"], strict=True)
            for scope, value, sketch in LineStats.entries(document_from_json(text, id=doc_id))
        ]
        yield pd.DataFrame(rows, columns=["id", "scope", "line", "sketch"])


def _describe(batches: Iterator[Any]) -> Iterator[Any]:
    import pandas as pd

    for batch in batches:
        rows = [
            _describe_one(doc_id, text, profile)
            for doc_id, text, profile in zip(
                batch["id"], batch["document"], batch["profile"], strict=True
            )
        ]
        yield pd.DataFrame(rows, columns=["id", "article", "skip"])


def _describe_one(doc_id: str, text: str, profile: Any) -> tuple[str, str | None, str | None]:
    document = document_from_json(text, id=doc_id)
    stats = LineStats.from_records(_records(profile))
    try:
        return doc_id, to_json(build_article(document, stats=stats)), None
    except InputError as error:
        skip = Skip(source=error.source, stage=error.stage, reason=error.reason)
        return doc_id, None, to_json(skip)


def _records(profile: Any) -> Iterator[tuple[str, int, int, list[tuple[int, ...]]]]:
    for item in profile if profile is not None else ():
        sketches = [tuple(int(h, 16) for h in sketch) for sketch in item["sketches"]]
        yield item["scope"], int(item["line"], 16), int(item["documents"]), sketches
