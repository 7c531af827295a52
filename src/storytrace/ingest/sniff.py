"""Format detection from a file's first bytes, never from its name alone.

``sniff`` looks at the head of a file (``HEAD_BYTES`` of it) and says which
reader should take it: ``warc`` (plain or gzip-compressed), ``jsonl``,
``html`` or ``text``, or that the file is no article at all (empty, binary,
compressed) and why. It never raises: every byte string gets an answer.
"""

from __future__ import annotations

import codecs
import json
import re
import zlib
from dataclasses import dataclass

from storytrace.model import SourceFormat

HEAD_BYTES = 8192
"""How much of a file ``sniff`` needs: enough for a doctype, a WARC header or a JSON line."""

GZIP_MAGIC = b"\x1f\x8b"

# Byte-order marks, longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Magic numbers of files people drop into an article folder by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed file"),
    (b"BZh", "bzip2-compressed file"),
    (b"\xfd7zXZ\x00", "xz-compressed file"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
)

# Share of control bytes (other than tab, newline, carriage return, form feed)
# above which a file is binary; legacy-encoded text has next to none.
_MAX_CONTROL_SHARE = 0.05
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\x0c") + b"\x7f"

_HTML_START = re.compile(r"<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<(!doctype\s+)?html", re.I)
_HTML_TAG = re.compile(
    r"</?(?:html|head|body|div|p|span|a|script|style|meta|title|article|section|nav|header"
    r"|footer|main|br|ul|ol|li|h[1-6]|table|tr|td|link|img)[\s>/]",
    re.I,
)
# A file whose head holds this many known tags is HTML even without a doctype.
_MIN_HTML_TAGS = 5
_JSON_LINE_START = re.compile(r'\{\s*"')
_JSON_LINES_TO_CHECK = 5


@dataclass(frozen=True, slots=True)
class Sniffed:
    """What ``sniff`` found.

    Attributes:
        format: the reader to use, or None when the file is no article input.
        reason: why not, when ``format`` is None (e.g. "binary file (PNG image)").
        compressed: the file is gzip-compressed (only ever true for WARC).
    """

    format: SourceFormat | None
    reason: str = ""
    compressed: bool = False


def sniff(head: bytes) -> Sniffed:
    """Tell the format of a file from its first bytes.

    Args:
        head: the first bytes of the file; ``HEAD_BYTES`` is plenty.

    Returns:
        The format, or None with a reason. Never raises.

    Example:
        >>> sniff(b"WARC/1.1\\r\\nWARC-Type: warcinfo\\r\\n").format
        'warc'
        >>> sniff(b"").reason
        'empty file'
    """
    if not head.strip():
        return Sniffed(None, "empty file" if not head else "file holds only whitespace")
    if head.startswith(GZIP_MAGIC):
        return _sniff_gzip(head)
    if head.startswith((b"WARC/1.", b"WARC/0.")):
        return Sniffed("warc")
    binary = binary_kind(head)
    if binary is not None:
        return Sniffed(None, f"binary file ({binary})")
    return Sniffed(_text_format(_head_text(head)))


def binary_kind(head: bytes) -> str | None:
    """Name the kind of binary data ``head`` starts, or None when it looks like text."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if any(head.startswith(bom) for bom, _ in BOMS):
        return None  # UTF-16/32 text is full of NUL bytes; the mark says it is text
    if b"\x00" in head:
        return "NUL bytes"
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_SHARE * len(head):
        return f"{100 * controls / len(head):.0f}% control bytes"
    return None


def _sniff_gzip(head: bytes) -> Sniffed:
    try:
        # wbits 16 + MAX_WBITS: expect a gzip header; a head is a prefix, so no flush.
        inner = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
    except zlib.error:
        return Sniffed(None, "binary file (damaged gzip data)")
    if inner.startswith((b"WARC/1.", b"WARC/0.")):
        return Sniffed("warc", compressed=True)
    return Sniffed(
        None, "gzip-compressed file that is not a WARC (decompress it first) or is cut short"
    )


def _head_text(head: bytes) -> str:
    """The head as text, good enough to look at its markup (ASCII) structure."""
    for bom, codec in BOMS:
        if head.startswith(bom):
            # A head may end mid-character; 'ignore' drops that last fragment only.
            return head.decode(codec, errors="ignore").lstrip("\ufeff")
    return head.decode("utf-8", errors="replace")


def _text_format(text: str) -> SourceFormat:
    stripped = text.lstrip()
    if _looks_like_json_line(stripped):
        return "jsonl"
    if _HTML_START.match(stripped):
        return "html"
    if stripped.startswith("<") and len(_HTML_TAG.findall(text)) >= _MIN_HTML_TAGS:
        return "html"
    return "text"


def _looks_like_json_line(text: str) -> bool:
    """True when the head opens like JSON Lines: it starts with an object, and one of
    the first few complete lines is a whole JSON object.

    Several lines decide, so that one broken record at the top does not turn a
    JSON Lines file into plain text.
    """
    if not _JSON_LINE_START.match(text):
        return False
    *complete, _partial = text.split("\n")
    lines = [line for line in complete if line.strip()][:_JSON_LINES_TO_CHECK]
    if not lines:
        return True  # the first line runs past the head: trust its opening
    return any(_is_json_object(line) for line in lines)


def _is_json_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False
