"""Fixture builders for the reader tests: article texts, HTML pages, WARC files.

All texts are invented for these tests; nothing is read from ``../shared``.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storytrace.ingest.sources import iter_documents
from storytrace.model import Document, Skip

ENGLISH_PARAGRAPHS = (
    "The ferry between Larsholm and the mainland stopped running on Tuesday after a storm "
    "tore loose two of the mooring posts at the northern pier, the harbour office said.",
    "Engineers from the county expect the repairs to take at least nine days, and a "
    "temporary bus link around the bay will carry commuters in the meantime.",
    "Shop owners on the island said deliveries of fresh food had already slowed, and the "
    "school asked parents to keep children at home until the link is restored.",
)
RUSSIAN_TEXT = (
    "Во вторник в Ларсхольме закрыли паромную переправу.\n"
    "Шторм сорвал два причальных столба на северном пирсе, сообщила администрация порта.\n"
    "Ремонт займёт не меньше девяти дней, а жители острова будут ездить на автобусе.\n"
)
FRENCH_TEXT = (
    "Le traversier entre Larsholm et le continent a cessé de circuler mardi après une tempête.\n"
    "Les ingénieurs prévoient neuf jours de réparations; les élèves resteront à la maison.\n"
)
GERMAN_TEXT = (
    "Die Fähre nach Larsholm fährt seit Dienstag nicht mehr, weil ein Sturm zwei Pfähle löste.\n"
    "Die Reparatur dauert mindestens neun Tage, sagte die Hafenbehörde am Mittwochabend.\n"
)
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02" + bytes(
    range(200)
)


def article_html(
    title: str = "Ferry to Larsholm halted after storm",
    paragraphs: Sequence[str] = ENGLISH_PARAGRAPHS,
    *,
    date: str = "2023-03-14",
    lang: str = "en",
    charset: str = "utf-8",
    with_furniture: bool = True,
) -> str:
    """A news page: the article in ``<article>``, optionally wrapped in menus, scripts, comments."""
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    nav = (
        '<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li>'
        '<li><a href="/weather">Weather</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>'
    )
    comments = (
        '<section id="comments" class="comments"><h3>Reader comments</h3>'
        '<div class="comment"><p>Typical, the council never fixes anything on time.</p></div>'
        '<div class="comment"><p>My cousin works at the pier, he saw it all happen.</p></div>'
        "</section>"
    )
    script = "<script>var tracker = {id: 42}; function ping(){return tracker;}</script>"
    footer = "<footer><p>© Larsholm Gazette. All rights reserved. Subscribe now.</p></footer>"
    furniture_top = nav + script if with_furniture else ""
    furniture_bottom = comments + footer if with_furniture else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="{charset}">'
        f"<title>{title}</title>"
        f'<meta property="og:site_name" content="Larsholm Gazette">'
        f'<meta property="article:published_time" content="{date}">'
        f"</head><body>{furniture_top}<main><article><h1>{title}</h1>{body}</article></main>"
        f"{furniture_bottom}</body></html>"
    )


def write_warc(
    path: Path,
    pages: Iterable[tuple[str, str]],
    *,
    gzip: bool = True,
    extra_records: bool = True,
) -> Path:
    """Write a WARC of HTML responses ``(url, html)``; with a request and an image record too."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        for url, html in pages:
            if extra_records:
                request = StatusAndHeaders("GET / HTTP/1.1", [], is_http_request=True)
                writer.write_record(
                    writer.create_warc_record(
                        url, "request", payload=io.BytesIO(b""), http_headers=request
                    )
                )
            _write_response(writer, url, html.encode("utf-8"), "text/html; charset=utf-8")
        if extra_records:
            _write_response(writer, "http://example.org/logo.png", b"\x89PNG", "image/png")
    return path


def _write_response(writer: WARCWriter, url: str, payload: bytes, content_type: str) -> None:
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(payload), http_headers=headers
    )
    writer.write_record(record)


def read_all(*paths: Path | str, **options: int) -> list[Document | Skip]:
    """Everything ``iter_documents`` yields for ``paths``."""
    return list(iter_documents(list(paths), **options))


def documents(items: Iterable[Document | Skip]) -> list[Document]:
    """Only the documents."""
    return [item for item in items if isinstance(item, Document)]


def skips(items: Iterable[Document | Skip]) -> list[Skip]:
    """Only the skips."""
    return [item for item in items if isinstance(item, Skip)]
