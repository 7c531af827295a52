"""JSON Lines: one article per line, read line by line.

Fields: ``id``, ``text`` or ``html`` (HTML goes through the same extraction as
an HTML file), and optionally ``url``, ``title``, ``published``, ``outlet``,
``language``. Fields a line states win over what its HTML says. A line
without ``id`` gets ``<file stem>-<line number>``. A broken line becomes a
``Skip`` whose source is ``file.jsonl:LINE``; the next line is read as usual.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

from storytrace.errors import DecodeError, InputError
from storytrace.ingest._common import too_large
from storytrace.ingest.decode import decode, normalize_newlines
from storytrace.ingest.html import extract_html
from storytrace.model import Document, Skip

_CHUNK = 1 << 16
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_OPTIONAL = ("url", "title", "published", "outlet", "language")


def iter_jsonl(
    stream: BinaryIO, *, source: str, stem: str, max_bytes: int
) -> Iterator[Document | Skip]:
    """Read a JSON Lines stream, one ``Document`` or ``Skip`` per non-blank line.

    Args:
        stream: the file, opened in binary mode at its start.
        source: the path as given; line sources are ``source:LINE``.
        stem: the file name without extension, for lines without an ``id``.
        max_bytes: longest line read; a longer one is skipped without holding it in memory.

    Raises:
        DecodeError: the file is UTF-16 or UTF-32, which JSON Lines never is.
    """
    if stream.read(4).startswith(_WIDE_BOMS):
        raise DecodeError(
            "JSON Lines must be UTF-8, this file is UTF-16/32 (re-encode it to UTF-8)",
            source=source,
            stage="read",
        )
    stream.seek(0)
    for number, line in _lines(stream, max_bytes):
        line_source = f"{source}:{number}"
        if isinstance(line, int):
            yield Skip(source=line_source, stage="read", reason=too_large(line, max_bytes, "line"))
            continue
        if not line.strip():
            continue
        try:
            yield _document(line, source=line_source, default_id=f"{stem}-{number}")
        except InputError as error:
            yield Skip(source=error.source, stage=error.stage, reason=error.reason)


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | int]]:
    """Number each line; an over-long line comes as its length instead of its bytes."""
    number = 0
    while line := stream.readline(max_bytes + 1):
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            yield number, len(line) + _skip_rest_of_line(stream)
        else:
            yield number, line


def _skip_rest_of_line(stream: BinaryIO) -> int:
    skipped = 0
    while chunk := stream.readline(_CHUNK):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def _document(line: bytes, *, source: str, default_id: str) -> Document:
    record = _parse(decode(line, source=source), source=source)
    fields = {key: _optional_str(record, key) for key in _OPTIONAL}
    text = record.get("text")
    if isinstance(text, str) and text.strip():
        body = normalize_newlines(text)
    elif isinstance(record.get("html"), str):
        page = extract_html(record["html"], source=source, url=fields["url"])
        body = page.text
        page_fields = {key: getattr(page, key) for key in _OPTIONAL}
        fields = {key: fields[key] or page_fields[key] for key in _OPTIONAL}
    else:
        raise InputError(
            "line has neither a 'text' nor an 'html' field with content",
            source=source,
            stage="read",
        )
    return Document(
        id=_optional_str(record, "id") or default_id,
        source=source,
        format="jsonl",
        text=body,
        **fields,
    )


def _parse(line: str, *, source: str) -> Mapping[str, Any]:
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as error:
        raise InputError(
            f"line is not valid JSON ({error})", source=source, stage="read"
        ) from error
    if not isinstance(record, dict):
        raise InputError(
            f"line is JSON but not an object (got {type(record).__name__})",
            source=source,
            stage="read",
        )
    return record


def _optional_str(record: Mapping[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value).strip()
    return text or None
