"""HTML extraction: article paragraphs kept, page furniture dropped."""

from __future__ import annotations

import pytest

from storytrace.errors import ExtractionError
from storytrace.ingest.html import (
    declared_charset,
    extract_html,
    page_language,
    stated_publication_time,
)
from tests.ingest.conftest import ENGLISH_PARAGRAPHS, article_html


def test_keeps_paragraphs_and_drops_menu_comments_scripts() -> None:
    page = extract_html(article_html(), source="page.html")
    for paragraph in ENGLISH_PARAGRAPHS:
        assert paragraph in page.text.split("\n")
    for junk in ("Sport", "Weather", "tracker", "Reader comments", "never fixes", "Subscribe"):
        assert junk not in page.text


def test_metadata_the_page_states() -> None:
    page = extract_html(article_html(), source="page.html", url="https://gazette.example/ferry")
    assert page.title == "Ferry to Larsholm halted after storm"
    assert page.published == "2023-03-14"
    assert page.outlet == "Larsholm Gazette"
    assert page.url == "https://gazette.example/ferry"
    assert page.language == "en"


def test_all_script_page_is_an_extraction_error() -> None:
    html = "<html><head><script>var a = 1;</script></head><body><script>go()</script></body></html>"
    with pytest.raises(ExtractionError, match="no article text found in HTML"):
        extract_html(html, source="script.html")


def test_declared_charset_and_language() -> None:
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">')
    assert declared_charset(b"<p>no declaration</p>") is None
    assert page_language('<html lang="de-AT"><body>') == "de"
    assert page_language("<html><body>") is None


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="article:published_time" content="2031-05-04T09:15:00+02:00">',
        '<meta content="2031-05-04T09:15:00+02:00" name="pubdate">',
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2031-05-04T09:15:00+02:00"}</script>',
    ],
)
def test_the_stated_publication_time_is_kept(head: str) -> None:
    page = (
        f"<!doctype html><html lang='en'><head><title>Ferry timetable</title>{head}</head>"
        "<body><article><h1>Ferry timetable changes</h1>"
        + "".join(f"<p>{p}</p>" for p in ENGLISH_PARAGRAPHS)
        + "</article></body></html>"
    )
    extracted = extract_html(page, source="page.html")
    assert extracted.published == "2031-05-04T09:15:00+02:00"


def test_a_stated_bare_date_adds_nothing_to_the_page_date() -> None:
    assert stated_publication_time("<meta name='pubdate' content='2031-05-04'>") is None
