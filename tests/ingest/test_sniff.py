"""Format detection by content."""

from __future__ import annotations

import gzip
import json

from hypothesis import given
from hypothesis import strategies as st

from storytrace.ingest.sniff import sniff
from tests.ingest.conftest import PNG_BYTES, article_html


def test_warc_plain_and_gzip() -> None:
    header = b"WARC/1.1\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n"
    assert sniff(header).format == "warc"
    found = sniff(gzip.compress(header))
    assert (found.format, found.compressed) == ("warc", True)


def test_gzip_that_is_not_warc_is_refused() -> None:
    found = sniff(gzip.compress(b"just some text"))
    assert found.format is None
    assert "decompress it first" in found.reason


def test_jsonl() -> None:
    lines = [json.dumps({"id": f"a{i}", "text": "The pier closed."}) for i in range(3)]
    assert sniff("\n".join(lines).encode()).format == "jsonl"


def test_jsonl_with_a_broken_line_near_the_top() -> None:
    head = '{"id": "a", "text": "ok"}\n{"id": "b", "text": \n{"id": "c", "text": "ok"}\n'
    assert sniff(head.encode()).format == "jsonl"


def test_jsonl_whose_first_line_runs_past_the_head() -> None:
    assert sniff(b'{"id": "long", "text": "' + b"a" * 9000).format == "jsonl"


def test_html_with_doctype_and_without() -> None:
    assert sniff(article_html().encode()).format == "html"
    fragment = "<div><p>One.</p><p>Two.</p><p>Three.</p><span>x</span></div>"
    assert sniff(fragment.encode()).format == "html"


def test_html_behind_a_utf16_bom() -> None:
    assert sniff(article_html().encode("utf-16")).format == "html"


def test_prose_mentioning_a_tag_is_text() -> None:
    assert sniff(b"Editors argued about the <p> tag in the style guide.\n").format == "text"


def test_empty_and_blank() -> None:
    assert sniff(b"").reason == "empty file"
    assert sniff(b" \n\t\n").format is None


def test_known_binary_formats() -> None:
    assert sniff(PNG_BYTES).reason == "binary file (PNG image)"
    assert sniff(b"%PDF-1.7\n%\xe2\xe3").reason == "binary file (PDF document)"
    assert sniff(b"PK\x03\x04\x14\x00").format is None


def test_control_bytes_mean_binary() -> None:
    found = sniff(bytes(range(1, 32)) * 10)
    assert found.format is None
    assert "control bytes" in found.reason


@given(st.binary(max_size=3000))
def test_sniff_never_raises(data: bytes) -> None:
    found = sniff(data)
    assert (found.format is None) == bool(found.reason)
