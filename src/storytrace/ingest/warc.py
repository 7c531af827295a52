"""WARC and WARC.gz: one article per HTML response record, read record by record.

Ids and sources: records are numbered from 1 in file order, counting every
record (warcinfo, request, response...), so a number stays the same whatever
filter is applied. An article from record ``N`` of ``crawl.warc.gz`` has the id
``crawl-N`` and the source ``crawl.warc.gz#N``. The URL is the record's
``WARC-Target-URI``; title and date come from the page.

Only successful (2xx) ``response`` records and ``resource`` records with an
HTML content type are articles; other records (requests, images, redirects)
are passed over and counted in the debug log. A damaged or truncated file
yields the articles read before the damage, then one ``Skip`` saying where it
stopped. gzip is decompressed here rather than by FastWARC so that a cut-off
stream is noticed instead of ending the file quietly.
"""

from __future__ import annotations

import logging
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from storytrace.errors import InputError
from storytrace.ingest._common import too_large
from storytrace.ingest.decode import decode
from storytrace.ingest.html import declared_charset, extract_html
from storytrace.model import Document, Skip

logger = logging.getLogger(__name__)

_CHUNK = 1 << 16
_GZIP_WBITS = 16 + zlib.MAX_WBITS
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_ARTICLE_RECORDS = (WarcRecordType.response, WarcRecordType.resource)
_CHARSET_HEAD = 2048


class _Damaged(Exception):
    """Internal: the stream is damaged here; reading stops."""


class GunzipStream:
    """A read-only stream of the decompressed bytes of (multi-member) gzip data.

    Unlike ``gzip.GzipFile`` it hands over every byte decompressed before a
    cut or a corrupt block, and then records the damage in ``damage`` instead
    of raising, so the WARC parser can finish the records it has.
    """

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._inflate = zlib.decompressobj(_GZIP_WBITS)
        self._buffer = bytearray()
        self._in_member = False
        self._done = False
        self._position = 0
        self.consumed = 0
        """Compressed bytes read so far."""
        self.damage: str | None = None
        """What went wrong, or None while the stream is intact."""

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` decompressed bytes (all that is left when negative)."""
        while not self._done and (size < 0 or len(self._buffer) < size):
            self._fill()
        size = len(self._buffer) if size < 0 else size
        out = bytes(self._buffer[:size])
        del self._buffer[:size]
        self._position += len(out)
        return out

    def tell(self) -> int:
        """Decompressed bytes handed out so far."""
        return self._position

    def close(self) -> None:
        """Nothing to do: whoever opened the underlying file closes it."""

    def seek(self, offset: int, whence: int = 0) -> int:
        """Not supported: the stream is read front to back once."""
        raise OSError("GunzipStream cannot seek")

    def _fill(self) -> None:
        chunk = self._raw.read(_CHUNK)
        self.consumed += len(chunk)
        if not chunk:
            self._done = True
            if self._in_member:
                self.damage = f"the gzip stream is cut off at byte {self.consumed}"
            return
        try:
            self._inflate_all(chunk)
        except zlib.error as error:
            self._done = True
            self.damage = f"gzip data is corrupt near byte {self.consumed} ({error})"

    def _inflate_all(self, data: bytes) -> None:
        while data:
            if self._inflate.eof:  # a new gzip member starts (WARC.gz: one per record)
                self._inflate = zlib.decompressobj(_GZIP_WBITS)
            self._buffer += self._inflate.decompress(data)
            self._in_member = not self._inflate.eof
            data = self._inflate.unused_data if self._inflate.eof else b""


@dataclass(slots=True)
class _Tally:
    articles: int = 0
    number: int = 0
    passed_over: Counter[str] = field(default_factory=Counter)


def iter_warc(
    stream: BinaryIO, *, source: str, stem: str, compressed: bool, max_bytes: int
) -> Iterator[Document | Skip]:
    """Read the HTML articles of a WARC file, record by record.

    Args:
        stream: the file, opened in binary mode at its start.
        source: the path as given; record sources are ``source#N``.
        stem: the file name without extension; record ids are ``stem-N``.
        compressed: the file is gzip-compressed (``sniff`` says so).
        max_bytes: largest record payload read; larger ones become a ``Skip``.
    """
    reader = GunzipStream(stream) if compressed else stream
    tally = _Tally()
    damage = None
    try:
        yield from _iter_records(reader, source=source, stem=stem, max_bytes=max_bytes, tally=tally)
    except _Damaged as error:
        damage = str(error)
    damage = damage or (reader.damage if isinstance(reader, GunzipStream) else None)
    if damage:
        yield Skip(source=source, stage="read", reason=_damage_reason(damage, tally))
    elif tally.articles == 0:
        yield Skip(source=source, stage="read", reason=_nothing_found(tally))
    logger.debug("%s: %d records, passed over %s", source, tally.number, dict(tally.passed_over))


def _iter_records(
    reader: BinaryIO | GunzipStream, *, source: str, stem: str, max_bytes: int, tally: _Tally
) -> Iterator[Document | Skip]:
    records = iter(ArchiveIterator(reader, auto_decode="all", stream_detect=False))
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except OSError as error:  # FastWARC: unparsable header, read failure
            raise _Damaged(f"record #{tally.number + 1} cannot be parsed ({error})") from error
        tally.number += 1
        item = _article(record, number=tally.number, source=source, stem=stem, max_bytes=max_bytes)
        if isinstance(item, str):
            tally.passed_over[item] += 1
            continue
        tally.articles += 1
        yield item


def _article(
    record: WarcRecord, *, number: int, source: str, stem: str, max_bytes: int
) -> Document | Skip | str:
    """The record's article, a ``Skip``, or (a string) why it is no article."""
    _check_intact(record, number)
    kind = _not_an_article(record)
    if kind:
        return kind
    record_source = f"{source}#{number}"
    if record.content_length > max_bytes:
        return Skip(
            source=record_source,
            stage="read",
            reason=too_large(record.content_length, max_bytes, "record"),
        )
    try:
        return _document(record, source=record_source, record_id=f"{stem}-{number}")
    except InputError as error:
        return Skip(source=error.source, stage=error.stage, reason=error.reason)


def _check_intact(record: WarcRecord, number: int) -> None:
    if "Content-Length" not in record.headers:
        raise _Damaged(f"the header of record #{number} is cut short")
    if record.record_type == WarcRecordType.response and record.is_http:
        http = record.http_headers  # None at run time when the HTTP header is cut
        if http is None or http.status_code is None:
            raise _Damaged(f"the HTTP header of record #{number} is cut short")


def _not_an_article(record: WarcRecord) -> str:
    if record.record_type not in _ARTICLE_RECORDS:
        return str(record.record_type)
    if record.is_http:
        status = record.http_headers.status_code or 0
        if not 200 <= status < 300:
            return f"HTTP {status}"
        content_type = record.http_content_type or ""
    else:
        content_type = (record.headers.get("Content-Type") or "").split(";")[0].strip()
    return "" if content_type.lower() in _HTML_TYPES else f"type {content_type or 'unknown'}"


def _document(record: WarcRecord, *, source: str, record_id: str) -> Document:
    body = record.reader.read()
    if _is_cut(record, body):
        raise _Damaged(
            f"record {source.rpartition('#')[2]} ends after {len(body)} of its "
            f"{record.content_length} bytes"
        )
    charset = (record.http_charset if record.is_http else None) or declared_charset(
        body[:_CHARSET_HEAD]
    )
    url = record.headers.get("WARC-Target-URI")
    page = extract_html(decode(body, source=source, declared=charset), source=source, url=url)
    return Document(
        id=record_id,
        source=source,
        format="warc",
        text=page.text,
        url=url or page.url,
        title=page.title,
        published=page.published,
        outlet=page.outlet,
        language=page.language,
    )


def _is_cut(record: WarcRecord, body: bytes) -> bool:
    # With a Content- or Transfer-Encoding the decoded body length differs from
    # Content-Length, so only plain payloads can be checked this way.
    if record.is_http:
        headers = record.http_headers
        if "Content-Encoding" in headers or "Transfer-Encoding" in headers:
            return False
    return len(body) < record.content_length


def _damage_reason(damage: str, tally: _Tally) -> str:
    return (
        f"WARC is truncated or damaged: {damage}; reading stopped there after "
        f"{tally.number} records ({tally.articles} articles read before the damage)"
    )


def _nothing_found(tally: _Tally) -> str:
    other = ", ".join(f"{count} {kind}" for kind, count in sorted(tally.passed_over.items()))
    return f"WARC holds no HTML article records ({tally.number} records: {other or 'none'})"
