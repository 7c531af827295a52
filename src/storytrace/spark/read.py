"""Stage 1 on Spark: input paths and globs -> documents (or skips), one file per task.

The driver lists the files (``ingest.sources.iter_files``: directories walked exactly as
the library walks them, globs expanded and sorted); each worker reads its files with the
library's own readers (``read_file``: JSON Lines, WARC, HTML, text). Parquet, which the
single-machine reader does not take, is read with pyarrow batch by batch and each row
handed to the JSON Lines reader, so its fields mean what a JSONL line's fields mean.
A corrupt Parquet file, a damaged WARC record or a broken line becomes a skip row,
counted in the ``skipped`` table; the job goes on.

Duplicate ids get the library's suffixes (``x``, ``x~2``, ...) in input order: a window
over each id ordered by (file, position in file).
"""

from __future__ import annotations

import glob
import io
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from storytrace.ingest._common import file_id
from storytrace.ingest.jsonl import iter_jsonl
from storytrace.ingest.sources import DEFAULT_MAX_BYTES, iter_files, read_file
from storytrace.model import Document, Skip
from storytrace.spark._rows import document_json, to_json

__all__ = ["READ_SCHEMA", "input_files", "read_documents"]

READ_SCHEMA = "file long, pos long, id string, document string, skip string"
"""One row per document (``document`` set) or skip (``skip`` set), by file and position."""
_GLOB = frozenset("*?[")
_PARQUET_MAGIC = b"PAR1"
_PARQUET_BATCH = 1024


def input_files(inputs: Sequence[str]) -> tuple[list[str], list[Skip]]:
    """The files to read, in order, and the inputs that gave none (with a reason)."""
    files: list[str] = []
    skipped: list[Skip] = []
    for item in iter_files(_expanded(inputs)):
        if isinstance(item, Skip):
            skipped.append(item)
        else:
            files.append(item)
    return files, skipped


def _expanded(inputs: Sequence[str]) -> list[str]:
    """Globs replaced by their sorted matches; a glob matching nothing stays, to be skipped."""
    out: list[str] = []
    for pattern in inputs:
        # glob.glob, not Path.glob: a pattern may be absolute and its directories may be globs
        matches = sorted(glob.glob(pattern, recursive=True)) if _GLOB & set(pattern) else []  # noqa: PTH207
        out.extend(matches or [pattern])
    return out


def read_documents(spark: Any, files: list[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Any:
    """A DataFrame (``READ_SCHEMA``) of every document and skip in ``files``."""
    listing = spark.createDataFrame(list(enumerate(files)), "file long, path string")
    listing = listing.repartition(max(1, len(files)))

    def read(batches: Iterator[Any]) -> Iterator[Any]:
        import pandas as pd

        for batch in batches:
            rows = [
                row
                for file, path in zip(batch["file"], batch["path"], strict=True)
                for row in _file_rows(int(file), str(path), max_bytes)
            ]
            yield pd.DataFrame(rows, columns=["file", "pos", "id", "document", "skip"])

    return listing.mapInPandas(read, READ_SCHEMA)


def _file_rows(file: int, path: str, max_bytes: int) -> Iterator[tuple[Any, ...]]:
    for pos, item in enumerate(_read_any(path, max_bytes)):
        if isinstance(item, Skip):
            yield (file, pos, None, None, to_json(item))
        else:
            yield (file, pos, item.id, document_json(item), None)


def _read_any(path: str, max_bytes: int) -> Iterator[Document | Skip]:
    if _is_parquet(path):
        yield from _read_parquet(path, max_bytes)
    else:
        yield from read_file(path, max_bytes=max_bytes)


def _is_parquet(path: str) -> bool:
    try:
        with Path(path).open("rb") as stream:
            return stream.read(4) == _PARQUET_MAGIC
    except OSError:
        return False


def _read_parquet(path: str, max_bytes: int) -> Iterator[Document | Skip]:
    """Rows of a Parquet file as JSON Lines records; a corrupt file (or the corrupt rest
    of one) becomes a skip, the rows read before it stay."""
    import pyarrow.parquet as pq

    stem = file_id(Path(path))
    done = 0
    try:
        for batch in pq.ParquetFile(path).iter_batches(batch_size=_PARQUET_BATCH):
            rows = batch.to_pylist()
            lines = b"".join(_json_line(row, f"{stem}-{done + n}") for n, row in enumerate(rows, 1))
            done += len(rows)
            yield from iter_jsonl(io.BytesIO(lines), source=path, stem=stem, max_bytes=max_bytes)
    except Exception as error:  # pyarrow raises several types for damaged files
        reason = f"corrupt Parquet file: {type(error).__name__}: {error}"
        yield Skip(source=path, stage="read", reason=reason)


def _json_line(row: dict[str, Any], default_id: str) -> bytes:
    """One row as a JSON line; a row without ``id`` is named by its row number, as a
    JSONL line is by its line number."""
    if row.get("id") is None:
        row = {**row, "id": default_id}
    return json.dumps(row, ensure_ascii=False, default=str).encode("utf-8") + b"\n"
