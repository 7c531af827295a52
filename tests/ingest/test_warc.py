"""WARC and WARC.gz: HTML responses become articles; damage is reported where it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.ingest.warc import GunzipStream
from storytrace.model import Document, Skip
from tests.ingest.conftest import ENGLISH_PARAGRAPHS, article_html, documents, read_all, write_warc

PAGES = [
    (f"https://gazette.example/news/{n}", article_html(title=f"Ferry story part {n}"))
    for n in range(1, 5)
]


@pytest.mark.parametrize("compressed", [True, False])
def test_reads_html_responses_only(tmp_path: Path, compressed: bool) -> None:
    name = "crawl.warc.gz" if compressed else "crawl.warc"
    path = write_warc(tmp_path / name, PAGES, gzip=compressed)
    items = read_all(path)
    assert all(isinstance(item, Document) for item in items)
    # request, response per page: responses are the even record numbers
    assert [doc.id for doc in documents(items)] == ["crawl-2", "crawl-4", "crawl-6", "crawl-8"]
    first = documents(items)[0]
    assert first.source == f"{path}#2"
    assert first.url == PAGES[0][0]
    assert first.format == "warc"
    assert first.title == "Ferry story part 1"
    assert ENGLISH_PARAGRAPHS[0] in first.text


def test_truncated_warc_gz_keeps_records_before_the_damage(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "cut.warc.gz", PAGES, extra_records=False)
    data = path.read_bytes()
    # Cut inside the last record: a cut exactly between gzip members would leave a
    # valid, shorter WARC that no reader can tell from a complete one.
    path.write_bytes(data[:-300])
    items = read_all(path)
    assert isinstance(items[-1], Skip)
    assert "truncated or damaged" in items[-1].reason
    assert items[-1].source == str(path)
    read = documents(items)
    assert len(read) == len(PAGES) - 1
    assert all(doc.text for doc in read)


def test_truncated_plain_warc(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "cut.warc", PAGES, gzip=False, extra_records=False)
    data = path.read_bytes()
    path.write_bytes(data[:-200])
    items = read_all(path)
    assert len(documents(items)) == len(PAGES) - 1
    assert isinstance(items[-1], Skip)
    assert "record 4" in items[-1].reason


def test_warc_without_articles_says_so(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "empty.warc.gz", [])
    (skip,) = read_all(path)
    assert isinstance(skip, Skip)
    assert "no HTML article records" in skip.reason


def test_oversized_record_is_skipped_alone(tmp_path: Path) -> None:
    big = article_html(paragraphs=[ENGLISH_PARAGRAPHS[0] * 40])
    path = write_warc(tmp_path / "mixed.warc.gz", [(PAGES[0][0], big), PAGES[1]])
    items = read_all(path, max_bytes=4000)
    assert [type(item).__name__ for item in items] == ["Skip", "Document"]
    assert items[0].source.endswith("#2")


def test_gunzip_stream_reads_multi_member_data() -> None:
    import gzip
    import io

    data = gzip.compress(b"first ") + gzip.compress(b"second")
    stream = GunzipStream(io.BytesIO(data))
    assert stream.read() == b"first second"
    assert stream.damage is None
    cut = GunzipStream(io.BytesIO(data[:-5]))
    cut.read()
    assert cut.damage is not None
