"""JSON Lines: one article per line; a broken line is skipped alone."""

from __future__ import annotations

import json
from pathlib import Path

from tests.ingest.conftest import (
    ENGLISH_PARAGRAPHS,
    article_html,
    documents,
    read_all,
    skips,
)


def _write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_broken_line_in_the_middle(tmp_path: Path) -> None:
    path = _write_lines(
        tmp_path / "feed.jsonl",
        [
            json.dumps({"id": "first", "text": ENGLISH_PARAGRAPHS[0], "outlet": "Gazette"}),
            '{"id": "broken", "text": "the quote never clo',
            json.dumps({"text": ENGLISH_PARAGRAPHS[1], "published": "2023-03-15"}),
        ],
    )
    items = read_all(path)
    assert [item.source for item in items] == [f"{path}:1", f"{path}:2", f"{path}:3"]
    first, third = documents(items)
    assert (first.id, first.outlet, first.format) == ("first", "Gazette", "jsonl")
    assert (third.id, third.published) == ("feed-3", "2023-03-15")
    (skip,) = skips(items)
    assert "not valid JSON" in skip.reason
    assert skip.stage == "read"


def test_html_field_goes_through_extraction(tmp_path: Path) -> None:
    record = {"id": "p", "html": article_html(), "title": "Title from the feed"}
    (doc,) = documents(read_all(_write_lines(tmp_path / "pages.jsonl", [json.dumps(record)])))
    assert ENGLISH_PARAGRAPHS[2] in doc.text
    assert "Sport" not in doc.text
    assert doc.title == "Title from the feed"  # the line's own field wins
    assert doc.published == "2023-03-14"  # filled from the page


def test_lines_that_are_not_articles(tmp_path: Path) -> None:
    path = _write_lines(
        tmp_path / "odd.jsonl",
        [json.dumps({"id": "a", "text": "ok"}), "", "[1, 2]", json.dumps({"id": "c", "n": 1})],
    )
    items = read_all(path)
    assert [item.source for item in items] == [f"{path}:1", f"{path}:3", f"{path}:4"]
    reasons = [skip.reason for skip in skips(items)]
    assert "not an object" in reasons[0]
    assert "neither a 'text' nor an 'html'" in reasons[1]


def test_over_long_line_is_skipped_and_the_next_read(tmp_path: Path) -> None:
    path = _write_lines(
        tmp_path / "big.jsonl",
        [json.dumps({"id": "big", "text": "x" * 5000}), json.dumps({"id": "ok", "text": "fine"})],
    )
    items = read_all(path, max_bytes=1000)
    assert "over the" in skips(items)[0].reason
    assert [doc.id for doc in documents(items)] == ["ok"]


def test_utf16_jsonl_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "wide.jsonl"
    path.write_bytes(json.dumps({"id": "a", "text": "hello"}).encode("utf-16"))
    (skip,) = read_all(path)
    assert "must be UTF-8" in skip.reason  # type: ignore[union-attr]
