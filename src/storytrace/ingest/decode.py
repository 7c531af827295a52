"""Bytes to text: byte-order marks, strict UTF-8, then legacy encodings.

The order matters. A byte-order mark is the file's own word and wins. Strict
UTF-8 comes next because legacy-encoded text almost never decodes as valid
UTF-8 by accident, while UTF-8 often decodes as (wrong) cp1252. A charset the
container declares (HTTP header, ``<meta charset>``) is tried after that, and
charset-normalizer's detection last, for cp1251, latin-1 and the like.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from storytrace.errors import DecodeError
from storytrace.ingest.sniff import BOMS, binary_kind

_NEWLINES = re.compile(r"\r\n?")

# Above this share of replacement or control characters a "decoded" text is noise.
_MAX_NOISE_SHARE = 0.05
_NOISE = re.compile(r"[\ufffd\x00-\x08\x0b\x0e-\x1f\x7f]")

# Legacy encodings still common on news sites (the single- and multi-byte
# encodings of the WHATWG Encoding Standard minus the rare ones). Detection
# tries these first: unrestricted, charset-normalizer reads short latin-1
# German as hp_roman8 (found with the tests' fixtures).
_WEB_ENCODINGS = [
    "cp1252", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r", "koi8_u", "cp1253",
    "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "cp874", "gb18030", "big5",
    "shift_jis", "euc_jp", "iso2022_jp", "euc_kr",
]  # fmt: skip


def decode(data: bytes, *, source: str = "<bytes>", declared: str | None = None) -> str:
    """Decode a file's bytes to text with ``\\n`` newlines.

    Args:
        data: the raw bytes.
        source: where they came from, for the error message.
        declared: a charset the container declared (HTTP, ``<meta>``), tried after UTF-8.

    Returns:
        The text, with ``\\r\\n`` and ``\\r`` turned into ``\\n`` and no byte-order mark.

    Raises:
        DecodeError: binary data, or bytes no plausible encoding turns into text.

    Example:
        >>> decode("Zürich\\r\\n".encode("cp1252"))
        'Zürich\\n'
    """
    return normalize_newlines(_decode(data, source=source, declared=declared))


def normalize_newlines(text: str) -> str:
    """Turn Windows (``\\r\\n``) and old Mac (``\\r``) line ends into ``\\n``."""
    return _NEWLINES.sub("\n", text)


def _decode(data: bytes, *, source: str, declared: str | None) -> str:
    with_bom = _decode_with_bom(data, source=source)
    if with_bom is not None:
        return with_bom
    if b"\x00" in data:
        # Valid UTF-8 may hold NUL bytes, but text never does: it is a binary file.
        raise DecodeError("binary data (NUL bytes), not text", source=source, stage="read")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass  # not UTF-8: a legacy encoding, tried below
    return _decode_declared(data, declared) or _decode_detected(data, source=source)


def _decode_with_bom(data: bytes, *, source: str) -> str | None:
    # Several marks can match (UTF-16 LE + a NUL char looks like UTF-32 LE): try each.
    codecs_marked = [codec for bom, codec in BOMS if data.startswith(bom)]
    for codec in codecs_marked:
        try:
            return data.decode(codec).removeprefix("\ufeff")
        except UnicodeDecodeError:
            continue
    if codecs_marked:
        raise DecodeError(
            f"starts with a {codecs_marked[0]} byte-order mark but is not valid {codecs_marked[0]}",
            source=source,
            stage="read",
        )
    return None


def _decode_declared(data: bytes, declared: str | None) -> str | None:
    if not declared:
        return None
    try:
        codecs.lookup(declared)
        text = data.decode(declared)
    except (LookupError, UnicodeDecodeError):
        return None  # a wrong or unknown declaration: fall back to detection
    return text if not _is_noise(text) else None


def _decode_detected(data: bytes, *, source: str) -> str:
    kind = binary_kind(data[:8192])
    if kind is not None:
        raise DecodeError(f"binary data ({kind}), not text", source=source, stage="read")
    best = (
        charset_normalizer.from_bytes(data, cp_isolation=_WEB_ENCODINGS).best()
        or charset_normalizer.from_bytes(data).best()
    )
    if best is None:
        raise DecodeError(
            "not UTF-8 and no known text encoding fits these bytes "
            "(convert the file to UTF-8, e.g. with iconv)",
            source=source,
            stage="read",
        )
    text = str(best)
    if _is_noise(text):
        raise DecodeError(
            f"decodes as {best.encoding} only to noise (binary data?)", source=source, stage="read"
        )
    return text


def _is_noise(text: str) -> bool:
    return len(_NOISE.findall(text)) > _MAX_NOISE_SHARE * max(len(text), 1)
