"""The Spark job: read -> clean -> reuse -> stories -> Parquet tables.

``run_job`` is ``storytrace spark``. It runs the library's ingest, reuse and story stages
over a pile too large for one machine, each stage a DataFrame step calling the library's own
functions on the workers (see ``read``, ``clean``, ``reuse``, ``stories``), and writes:

* ``articles``  id, source, url, outlet, title, published, language, article (JSON record)
* ``relations`` a, b, kind, origin, score, relation (JSON record); every reuse pair and
  every pair inside a story of at most ``MAX_PAIRED_STORY_SIZE`` articles
* ``stories``   id, title, size, story (JSON record, with its events)
* ``skipped``   source, stage, reason

Each table is written with ``mode("overwrite")``, so a rerun over the same output
directory replaces its rows instead of adding to them. ``storytrace load`` reads the tables
into a store (``storytrace.spark.load``).

Limits, as built: inputs are read with Python file I/O, so on a cluster they must be on a
file system every worker mounts at the same path (NFS, a FUSE mount of object storage), not
``hdfs://`` / ``s3a://`` URLs; one file is one task, so a single huge JSONL file is read by
one worker. A renamed repeat that collides with another article's own id (``x``, ``x`` and
``x~2`` in one pile) is renamed once here, where the library renames it again. The story
stage's key self-join grows with the square of each index key's posting list, as
``StoryIndex`` does on one machine.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storytrace.spark._rows import to_json
from storytrace.spark.clean import build_articles, unique_ids
from storytrace.spark.read import input_files, read_documents
from storytrace.spark.reuse import find_relations
from storytrace.spark.stories import find_stories, story_pair_relations

__all__ = ["TABLES", "JobResult", "run_job"]

logger = logging.getLogger(__name__)

TABLES = ("articles", "relations", "stories", "skipped")


@dataclass(frozen=True, slots=True)
class JobResult:
    """What a job wrote: row counts per table, where, and seconds per stage."""

    output: str
    counts: dict[str, int]
    seconds: dict[str, float]


def run_job(spark: Any, inputs: Sequence[str], output: str | Path) -> JobResult:
    """Run the reuse and story stages over ``inputs`` (paths or globs); write ``output``.

    Example:
        >>> from storytrace.spark import run_job, spark_session
        >>> run_job(spark_session("local[2]"), ["crawl/*.warc.gz"], "out")  # doctest: +SKIP
    """
    clock = _Clock()
    files, listing_skips = input_files(inputs)
    read = clock.lap("read", read_documents(spark, files).localCheckpoint())
    documents = unique_ids(read.where("document is not null")).localCheckpoint()
    described = clock.lap("clean", build_articles(documents).localCheckpoint())
    articles = _article_columns(described.where("article is not null")).localCheckpoint()
    groups = _duplicate_groups(articles).localCheckpoint()
    reuse = clock.lap(
        "reuse",
        find_relations(articles.select("id", "article", "usable"), groups).localCheckpoint(),
    )
    stories = clock.lap(
        "stories", find_stories(articles.select("id", "article"), reuse).localCheckpoint()
    )
    paired = clock.lap(
        "story_pairs",
        story_pair_relations(stories, articles.select("id", "article"), reuse).localCheckpoint(),
    )
    tables = {
        "articles": articles.drop("usable", "digest"),
        "relations": _relation_columns(reuse.unionByName(paired)),
        "stories": stories,
        "skipped": _skipped(spark, listing_skips, read, described),
    }
    counts = _write(output, tables)
    clock.lap("write", None)
    return JobResult(output=str(output), counts=counts, seconds=clock.seconds)


class _Clock:
    """Seconds per stage (each stage ends in an eager checkpoint, so its work is done)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str, frame: Any) -> Any:
        now = time.perf_counter()
        self.seconds[stage] = round(now - self._last, 2)
        self._last = now
        logger.info("%s: %.1f s", stage, self.seconds[stage])
        return frame


def _article_columns(described: Any) -> Any:
    from pyspark.sql import functions as F

    record = F.from_json(
        "article",
        "id string, source string, url string, outlet string, title string, published string,"
        " language string, text string",
    )
    parsed = described.select("id", "article", record.alias("r"))
    return parsed.select(
        "id",
        "r.source",
        "r.url",
        "r.outlet",
        "r.title",
        "r.published",
        "r.language",
        F.sha2("r.text", 256).alias("digest"),
        (F.length(F.trim("r.text")) > 0).alias("usable"),
        "article",
    )


def _duplicate_groups(articles: Any) -> Any:
    """Articles with identical texts (rep: the smallest id; members sorted by id)."""
    from pyspark.sql import functions as F

    grouped = articles.groupBy("digest").agg(
        F.array_sort(F.collect_list(F.struct("id", "published"))).alias("members")
    )
    return grouped.select(F.col("members")[0]["id"].alias("rep"), "members")


def _relation_columns(relations: Any) -> Any:
    from pyspark.sql import functions as F

    record = F.from_json("relation", "origin string, score double")
    return relations.select("a", "b", "kind", record.alias("r"), "relation").select(
        "a", "b", "kind", "r.origin", "r.score", "relation"
    )


def _skipped(spark: Any, listing: list[Any], read: Any, described: Any) -> Any:
    from pyspark.sql import functions as F

    schema = "source string, stage string, reason string"
    first = spark.createDataFrame([(json,) for json in map(to_json, listing)], "skip string")
    rows = first.union(read.where("skip is not null").select("skip")).union(
        described.where("skip is not null").select("skip")
    )
    parsed = rows.select(F.from_json("skip", schema).alias("s"), "skip")
    return parsed.select("s.source", "s.stage", "s.reason", "skip")


def _write(output: str | Path, tables: dict[str, Any]) -> dict[str, int]:
    counts = {}
    for name, frame in tables.items():
        path = str(Path(output) / name)
        frame.write.mode("overwrite").parquet(path)
        counts[name] = frame.sparkSession.read.parquet(path).count()
        logger.info("wrote %s: %d rows", path, counts[name])
    return counts
