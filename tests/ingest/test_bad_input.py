"""Bad input never stops a run: every file yields documents or is listed as skipped."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storytrace.ingest import sources
from storytrace.ingest.sources import iter_documents
from storytrace.model import Document, Skip
from tests.ingest.conftest import (
    ENGLISH_PARAGRAPHS,
    FRENCH_TEXT,
    PNG_BYTES,
    RUSSIAN_TEXT,
    article_html,
    documents,
    read_all,
    skips,
    write_warc,
)


def _only_skip(path: Path, **options: int) -> Skip:
    (item,) = read_all(path, **options)
    assert isinstance(item, Skip)
    assert item.stage == "read"
    assert item.source == str(path)
    return item


def test_missing_path(tmp_path: Path) -> None:
    assert _only_skip(tmp_path / "gone.txt").reason == "no such file or directory"


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert _only_skip(path).reason == "empty file"


@pytest.mark.parametrize("data", [PNG_BYTES, os.urandom(8192)], ids=["png", "random"])
def test_binary_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "story.txt"  # a misleading extension changes nothing
    path.write_bytes(data)
    assert _only_skip(path).reason.startswith("binary")


def test_all_script_html(tmp_path: Path) -> None:
    path = tmp_path / "app.html"
    path.write_text(
        "<!doctype html><html><body><script>" + "x();" * 500 + "</script></body></html>"
    )
    assert "no article text found in HTML" in _only_skip(path).reason


@pytest.mark.slow
def test_fifty_megabyte_text_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.write((ENGLISH_PARAGRAPHS[0] + "\n").encode() * 100)  # text where sniff looks
        stream.truncate(50 * 2**20)  # the rest sparse: quick to make, and never read
    reason = _only_skip(path).reason
    assert reason.startswith("file is 50.0 MB, over the 16 MB limit for one article")
    assert "max_bytes" in reason


def test_size_limit_can_be_raised(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(ENGLISH_PARAGRAPHS[0] * 100)
    assert "over the" in _only_skip(path, max_bytes=1000).reason
    assert len(documents(read_all(path, max_bytes=100_000))) == 1


def test_an_unexpected_reader_bug_becomes_a_skip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> Document:
        raise KeyError("surprise")

    monkeypatch.setattr(sources, "_read_article", broken)
    (tmp_path / "a.txt").write_text("A.")
    (tmp_path / "b.txt").write_text("B.")
    items = read_all(tmp_path)
    assert [item.reason for item in skips(items)] == ["KeyError: 'surprise'"] * 2


def _mixed_directory(root: Path) -> dict[str, int]:
    """Write one file of every kind; return how many records each should account for."""
    (root / "sub").mkdir()
    (root / "plain.txt").write_text(ENGLISH_PARAGRAPHS[0], encoding="utf-8")
    (root / "ru_cp1251.txt").write_bytes(RUSSIAN_TEXT.encode("cp1251"))
    (root / "fr_latin1.txt").write_bytes(FRENCH_TEXT.encode("latin-1"))
    (root / "utf16.txt").write_bytes(RUSSIAN_TEXT.encode("utf-16"))
    (root / "bom.txt").write_bytes(b"\xef\xbb\xbf" + FRENCH_TEXT.encode())
    (root / "page.html").write_text(article_html(), encoding="utf-8")
    (root / "script.html").write_text("<html><body><script>x()</script></body></html>")
    (root / "empty.txt").write_bytes(b"")
    (root / "image.png").write_bytes(PNG_BYTES)
    (root / "noise.bin").write_bytes(os.urandom(2048))
    lines = [json.dumps({"id": "j1", "text": "One."}), "{oops", json.dumps({"text": "Three."})]
    (root / "sub" / "feed.jsonl").write_text("\n".join(lines) + "\n")
    pages = [(f"https://gazette.example/{n}", article_html()) for n in range(3)]
    cut = write_warc(root / "sub" / "cut.warc.gz", pages, extra_records=False)
    cut.write_bytes(cut.read_bytes()[:-300])
    singles = ["plain", "ru_cp1251", "fr_latin1", "utf16", "bom", "page", "script", "empty"]
    expected = {f"{name}.{'html' if name in ('page', 'script') else 'txt'}": 1 for name in singles}
    expected |= {"image.png": 1, "noise.bin": 1, "sub/feed.jsonl": 3}
    return expected


def test_mixed_directory_accounts_for_every_input(tmp_path: Path) -> None:
    expected = _mixed_directory(tmp_path)
    items = read_all(tmp_path)
    counted: dict[str, int] = {}
    for item in items:
        name = os.path.relpath(item.source.split("#")[0], tmp_path).rsplit(":", 1)[0]
        counted[name] = counted.get(name, 0) + 1
    warc_items = counted.pop("sub/cut.warc.gz")
    assert counted == expected
    warc = [item for item in items if "cut.warc.gz" in item.source]
    assert warc_items >= 2 and isinstance(warc[-1], Skip)  # records read, then the damage
    by_name = {Path(doc.source).name: doc for doc in documents(items)}
    assert by_name["ru_cp1251.txt"].text == RUSSIAN_TEXT
    assert by_name["fr_latin1.txt"].text == FRENCH_TEXT
    assert by_name["utf16.txt"].text == RUSSIAN_TEXT
    assert by_name["bom.txt"].text == FRENCH_TEXT
    skipped = {os.path.relpath(skip.source, tmp_path) for skip in skips(items)}
    assert {"script.html", "empty.txt", "image.png", "noise.bin", "sub/feed.jsonl:2"} <= skipped


_FILES = st.dictionaries(
    st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True),
    # The "x" prefix keeps files from being containers (JSONL, WARC, gzip).
    st.binary(max_size=400).map(lambda data: b"x" + data),
    min_size=1,
    max_size=6,
)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files=_FILES)
def test_one_record_per_plain_file(
    tmp_path_factory: pytest.TempPathFactory, files: dict[str, bytes]
) -> None:
    root = tmp_path_factory.mktemp("generated")
    for name, data in files.items():
        (root / name).write_bytes(data)
    items = list(iter_documents([root]))
    assert sorted(item.source for item in items) == sorted(str(root / name) for name in files)
    assert all(isinstance(item, Document | Skip) for item in items)
