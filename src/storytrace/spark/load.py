"""The Spark job's Parquet tables back into storytrace: an ``Analysis``, then a store.

The tables hold each record's JSON contract (``article``, ``relation``, ``story``,
``skip`` columns), so loading rebuilds exactly the records the job made, and
``Store.add_analysis`` upserts them: loading the same output twice adds no rows.
Reading needs pyarrow only, not Spark.
"""

from __future__ import annotations

from pathlib import Path

from storytrace.errors import InputError
from storytrace.model import Analysis
from storytrace.spark._rows import (
    article_from_json,
    relation_from_json,
    skip_from_json,
    story_from_json,
)

__all__ = ["load_output", "read_output"]


def read_output(directory: str | Path) -> Analysis:
    """The analysis a job wrote to ``directory`` (articles, relations, stories, skipped).

    Raises:
        InputError: a table is missing (not a job's output, or the job did not finish).
    """
    columns = {
        "articles": "article",
        "relations": "relation",
        "stories": "story",
        "skipped": "skip",
    }
    found = {name: _column(Path(directory) / name, column) for name, column in columns.items()}
    return Analysis(
        articles=tuple(sorted(map(article_from_json, found["articles"]), key=lambda a: a.id)),
        relations=tuple(
            sorted(map(relation_from_json, found["relations"]), key=lambda r: (r.a, r.b))
        ),
        stories=tuple(sorted(map(story_from_json, found["stories"]), key=lambda s: s.id)),
        skipped=tuple(map(skip_from_json, found["skipped"])),
    )


def load_output(directory: str | Path, target: str | Path) -> int:
    """Add the job output in ``directory`` to the store at ``target`` (path or URL);
    returns the store's run id."""
    from storytrace.store import Store

    analysis = read_output(directory)
    with Store.open(target) as store:
        return store.add_analysis(analysis, inputs=[str(directory)])


def _column(path: Path, column: str) -> list[str]:
    import pyarrow.parquet as pq

    if not path.is_dir():
        raise InputError(
            f"no '{path.name}' table here; run 'storytrace spark --output {path.parent}' first",
            source=str(path),
            stage="load",
        )
    values = pq.read_table(path, columns=[column]).column(column).to_pylist()
    return [str(value) for value in values]
