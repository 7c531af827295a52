"""iter_documents: walking, dispatch by content, ids and sources."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from storytrace.ingest.sources import iter_documents
from storytrace.model import Document, Skip
from tests.ingest.conftest import (
    ENGLISH_PARAGRAPHS,
    GERMAN_TEXT,
    article_html,
    documents,
    read_all,
    write_warc,
)


def test_text_file_is_read_unchanged_but_for_newlines(tmp_path: Path) -> None:
    path = tmp_path / "000_889a.txt"
    path.write_bytes(b"Headline\r\n\r\nFirst line.\r\nSecond line.\n")
    (doc,) = read_all(path)
    assert isinstance(doc, Document)
    assert (doc.id, doc.source, doc.format) == ("000_889a", str(path), "text")
    assert doc.text == "Headline\n\nFirst line.\nSecond line.\n"


def test_formats_are_told_by_content_not_extension(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text(article_html(), encoding="utf-8")
    (tmp_path / "feed.html").write_text(json.dumps({"id": "j", "text": "Feed text."}) + "\n")
    write_warc(tmp_path / "crawl.txt", [("https://gazette.example/a", article_html())])
    (tmp_path / "noext").write_text(GERMAN_TEXT, encoding="utf-8")
    formats = {doc.source.rpartition("/")[2]: doc.format for doc in documents(read_all(tmp_path))}
    assert formats == {
        "page.txt": "html",
        "feed.html:1": "jsonl",
        "crawl.txt#2": "warc",
        "noext": "text",
    }


def test_directory_walk_is_sorted_recursive_and_skips_dot_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "inner.txt").write_text("Inner story.")
    (tmp_path / "a.txt").write_text("A story.")
    (tmp_path / "c.txt").write_text("C story.")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("not an article")
    assert [item.source for item in read_all(tmp_path)] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b" / "inner.txt"),
        str(tmp_path / "c.txt"),
    ]


def test_a_named_dot_file_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / ".notes.txt"
    path.write_text("Named on purpose.")
    assert [doc.text for doc in documents(read_all(path))] == ["Named on purpose."]


def test_ids_strip_compound_extensions(tmp_path: Path) -> None:
    write_warc(tmp_path / "x.warc.gz", [("https://gazette.example/a", article_html())])
    (doc,) = documents(read_all(tmp_path / "x.warc.gz"))
    assert doc.id == "x-2"


def test_html_file_metadata(tmp_path: Path) -> None:
    path = tmp_path / "ferry.html"
    path.write_text(article_html(), encoding="utf-8")
    (doc,) = documents(read_all(path))
    assert (doc.id, doc.format, doc.title) == (
        "ferry",
        "html",
        "Ferry to Larsholm halted after storm",
    )
    assert doc.text.split("\n")[-1] == ENGLISH_PARAGRAPHS[-1]


def test_legacy_encoded_html_uses_its_meta_charset(tmp_path: Path) -> None:
    html = article_html(paragraphs=["Die Fähre fährt nicht. " * 8], charset="iso-8859-1")
    path = tmp_path / "de.html"
    path.write_bytes(html.encode("latin-1"))
    (doc,) = documents(read_all(path))
    assert "Die Fähre fährt nicht." in doc.text


def test_gzip_that_is_not_warc_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt.gz"
    path.write_bytes(gzip.compress(b"Plain notes."))
    (skip,) = read_all(path)
    assert isinstance(skip, Skip)
    assert "not a WARC" in skip.reason


def test_paths_are_read_in_the_order_given(tmp_path: Path) -> None:
    for name in ("one", "two"):
        (tmp_path / f"{name}.txt").write_text(f"Story {name}.")
    items = read_all(tmp_path / "two.txt", tmp_path / "one.txt")
    assert [doc.id for doc in documents(items)] == ["two", "one"]


def test_folder_notes_are_skipped_in_a_walk_but_read_when_named(tmp_path: Path) -> None:
    notes = tmp_path / "README.md"
    notes.write_text("# About this folder\n\nFive reports collected for a study of syndication.\n")
    (tmp_path / "LICENSE").write_text("Permission is granted to read these notes.\n")
    walked = list(iter_documents([tmp_path]))
    assert all(isinstance(item, Skip) for item in walked)
    assert {Path(item.source).name for item in walked} == {"README.md", "LICENSE"}
    assert "not an article" in walked[0].reason
    named = list(iter_documents([notes]))
    assert [type(item) for item in named] == [Document]
