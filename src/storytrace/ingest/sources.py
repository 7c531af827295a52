"""Walk the inputs and hand each file to the reader its content calls for.

``iter_documents`` is the read stage: paths in, ``Document`` or ``Skip`` out,
one by one. Formats are told by content (``sniff``), so a WARC named
``.txt`` or HTML without an extension is still read right. A file that
cannot be read becomes a ``Skip`` with a reason; it never stops the run.
"""

from __future__ import annotations

import logging
import os
import re
import stat
from collections.abc import Iterable, Iterator
from os import PathLike
from pathlib import Path
from typing import BinaryIO

from storytrace.errors import ExtractionError, InputError, UnsupportedFormatError
from storytrace.ingest._common import DEFAULT_MAX_BYTES, file_id, too_large
from storytrace.ingest.decode import decode
from storytrace.ingest.html import declared_charset, extract_html
from storytrace.ingest.jsonl import iter_jsonl
from storytrace.ingest.sniff import HEAD_BYTES, Sniffed, sniff
from storytrace.ingest.warc import iter_warc
from storytrace.model import Document, Skip

__all__ = ["DEFAULT_MAX_BYTES", "iter_documents", "iter_files", "read_file"]

logger = logging.getLogger(__name__)

_STAGE = "read"

_FOLDER_NOTE_REASON = (
    "the folder's own notes (README, licence...), not an article; name the file to read it"
)
# A folder of articles often carries its own notes. In a directory walk these names are
# skipped (and listed as skipped); named on the command line they are read like any file.
_FOLDER_NOTES = re.compile(
    r"(readme|licen[cs]e|copying|changelog|notice|authors)(\.[a-z0-9]+)?|thumbs\.db|desktop\.ini",
    re.IGNORECASE,
)


def iter_documents(
    paths: Iterable[str | PathLike[str]], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | Skip]:
    """Read every article under ``paths``, one record at a time.

    Directories are walked recursively in sorted name order, passing over
    names that start with a dot; a folder's own notes (``README.md``,
    ``LICENSE``...) are listed as skipped unless named directly. Each file
    gives one ``Document`` (text, HTML), one per line (JSON Lines) or one per
    HTML record (WARC), or a ``Skip`` saying why it could not be read.
    Nothing raises for a bad file.

    Args:
        paths: files and directories, in the order to read them.
        max_bytes: largest single article read (a text or HTML file, a JSONL
            line, a WARC record); JSONL and WARC files themselves are streamed
            and may be any size.

    Yields:
        ``Document`` records and ``Skip`` records (stage ``"read"``), in input order.

    Example:
        >>> [item.reason for item in iter_documents(["no/such/file.txt"])]
        ['no such file or directory']
    """
    for item in iter_files(paths):
        if isinstance(item, Skip):
            yield item
        else:
            yield from read_file(item, max_bytes=max_bytes)


def iter_files(paths: Iterable[str | PathLike[str]]) -> Iterator[str | Skip]:
    """The files ``iter_documents`` reads, in its order (directories walked as it walks
    them), or a ``Skip`` for a path that is not there or not a file; nothing is opened.
    A distributed job hands each file to ``read_file`` on a worker."""
    for path in paths:
        yield from _iter_path(Path(path), str(path))


def read_file(source: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | Skip]:
    """The documents of one file (``iter_files`` gives its ``source``), or a ``Skip``."""
    yield from _guarded(Path(source), source, max_bytes=max_bytes)


def _iter_path(path: Path, source: str) -> Iterator[str | Skip]:
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        yield Skip(source=source, stage=_STAGE, reason="no such file or directory")
        return
    except OSError as error:
        yield Skip(source=source, stage=_STAGE, reason=f"cannot read: {error.strerror or error}")
        return
    if stat.S_ISDIR(mode):
        yield from _iter_directory(path, source)
    elif stat.S_ISREG(mode):
        yield source
    else:
        yield Skip(
            source=source, stage=_STAGE, reason="not a regular file (device, pipe or socket)"
        )


def _iter_directory(path: Path, source: str) -> Iterator[str | Skip]:
    try:
        # Sorted names keep runs reproducible; the listing holds names, not contents.
        names = sorted(entry.name for entry in os.scandir(path) if not entry.name.startswith("."))
    except OSError as error:
        yield Skip(source=source, stage=_STAGE, reason=f"cannot list directory: {error.strerror}")
        return
    for name in names:
        child = str(Path(source) / name)
        if _FOLDER_NOTES.fullmatch(name):
            yield Skip(source=child, stage=_STAGE, reason=_FOLDER_NOTE_REASON)
        else:
            yield from _iter_path(path / name, child)


def _guarded(path: Path, source: str, *, max_bytes: int) -> Iterator[Document | Skip]:
    """Read one file; whatever goes wrong becomes a ``Skip`` and the run goes on."""
    try:
        yield from _read_file(path, source, max_bytes=max_bytes)
    except InputError as error:
        yield Skip(source=error.source, stage=_STAGE, reason=error.reason)
    except OSError as error:
        yield Skip(source=source, stage=_STAGE, reason=f"cannot read: {error.strerror or error}")
    except Exception as error:  # the one broad guard: a reader bug must not end the run
        logger.debug("unexpected error reading %s", source, exc_info=True)
        yield Skip(source=source, stage=_STAGE, reason=f"{type(error).__name__}: {error}")


def _read_file(path: Path, source: str, *, max_bytes: int) -> Iterator[Document | Skip]:
    with path.open("rb") as stream:
        found = sniff(stream.read(HEAD_BYTES))
        stream.seek(0)
        stem = file_id(path)
        if found.format == "warc":
            yield from iter_warc(
                stream, source=source, stem=stem, compressed=found.compressed, max_bytes=max_bytes
            )
        elif found.format == "jsonl":
            yield from iter_jsonl(stream, source=source, stem=stem, max_bytes=max_bytes)
        else:
            yield _read_article(stream, found, source=source, stem=stem, max_bytes=max_bytes)


def _read_article(
    stream: BinaryIO, found: Sniffed, *, source: str, stem: str, max_bytes: int
) -> Document:
    """One text or HTML file: one article, read whole after a size check."""
    if found.format is None:
        raise UnsupportedFormatError(found.reason, source=source, stage=_STAGE)
    size = os.fstat(stream.fileno()).st_size
    if size > max_bytes:
        raise InputError(too_large(size, max_bytes, "file"), source=source, stage=_STAGE)
    data = stream.read(max_bytes + 1)
    if found.format == "html":
        return _html_document(data, source=source, stem=stem)
    text = decode(data, source=source)
    if not text.strip():
        raise ExtractionError("file holds no text", source=source, stage=_STAGE)
    return Document(id=stem, source=source, format="text", text=text)


def _html_document(data: bytes, *, source: str, stem: str) -> Document:
    html = decode(data, source=source, declared=declared_charset(data[:HEAD_BYTES]))
    page = extract_html(html, source=source)
    return Document(
        id=stem,
        source=source,
        format="html",
        text=page.text,
        url=page.url,
        title=page.title,
        published=page.published,
        outlet=page.outlet,
        language=page.language,
    )
