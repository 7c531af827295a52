"""Small helpers the readers share: ids from file names, size limits."""

from __future__ import annotations

from pathlib import Path

DEFAULT_MAX_BYTES = 16 * 2**20
"""Largest single article (file, JSONL line, WARC record) read; 16 MB is far above any news page."""

# Suffixes that belong to the container, stripped whole so that `x.warc.gz` gets the id `x`.
_COMPOUND_SUFFIXES = (".warc.gz", ".jsonl.gz", ".html.gz", ".tar.gz")


def file_id(path: Path) -> str:
    """The id of a file input: its name without extension (``x.warc.gz`` -> ``x``)."""
    name = path.name
    for suffix in _COMPOUND_SUFFIXES:
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return path.stem or name


def too_large(size: int, max_bytes: int, what: str) -> str:
    """The reason given for an input over the size limit, saying how to raise it."""
    return (
        f"{what} is {size / 2**20:.1f} MB, over the {max_bytes / 2**20:g} MB limit for one "
        "article (pass max_bytes= to iter_documents to raise it)"
    )
