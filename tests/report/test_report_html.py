"""report.html: structure and provenance checked by parsing, and untrusted text always escaped."""

from __future__ import annotations

from pathlib import Path

import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.model import Analysis, Article, Skip
from storytrace.report import build_report_view, write_report
from storytrace.report.html import render_report

HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "</p></section><script>bad()</script>",
    "<!-- unclosed comment",
    "{{ 7*7 }} {% raw %}",
    "<b>broken <i>tags",
]


def hostile_analysis(payload: str) -> Analysis:
    article = Article(
        id=payload,
        source=payload,
        text=f"{payload}\n{payload} second paragraph.",
        url=payload,
        outlet=payload,
        title=payload,
        published=payload,
        language=payload,
        removed_lines=(payload,),
    )
    return Analysis(
        articles=(article,), skipped=(Skip(source=payload, stage=payload, reason=payload),)
    )


def render(analysis: Analysis) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(render_report(build_report_view(analysis)))


def test_no_field_can_inject_markup() -> None:
    for payload in HOSTILE:
        page = render(hostile_analysis(payload))
        assert page.xpath("//script") == []
        assert page.xpath("//img") == []
        assert page.xpath("//*[@onerror]") == []
        assert page.xpath("//a[starts-with(@href, 'javascript')]") == []


def test_hostile_text_is_shown_as_text() -> None:
    page = render(hostile_analysis("<script>alert(1)</script>"))
    paragraphs = page.xpath("//section[@class='article']//div[@class='text']/p/text()")
    assert paragraphs[0] == "<script>alert(1)</script>"


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=80))
def test_any_text_renders_without_new_elements(payload: str) -> None:
    page = render(hostile_analysis(payload))
    assert page.xpath("//script | //img | //iframe | //object") == []


def test_page_lists_articles_with_links_to_their_sections() -> None:
    articles = (
        Article(id="b", source="b.txt", text="Later text.", title="Later", published="2024-03-14"),
        Article(id="a", source="a.txt", text="Early text.", title="Early", published="2024-03-12"),
    )
    page = render(Analysis(articles=articles))
    toc_targets = [href.lstrip("#") for href in page.xpath("//nav//a/@href")]
    section_ids = page.xpath("//section[@class='article']/@id")
    assert toc_targets == section_ids
    assert page.xpath("//section[@class='article']/@data-article-id") == ["a", "b"]


def test_removed_lines_and_skips_are_shown() -> None:
    article = Article(id="a", source="a.txt", text="Body.", removed_lines=("Share this", "Menu"))
    skip = Skip(source="bad.bin", stage="read", reason="binary file")
    page = render(Analysis(articles=(article,), skipped=(skip,)))
    assert page.xpath("//ul[@class='removed']/li/text()") == ["Share this", "Menu"]
    assert page.xpath("//section[@id='skipped']//td[@class='reason']/text()") == ["binary file"]


def test_only_http_urls_become_links() -> None:
    good = Article(id="g", source="g", text="x", url="https://news.example/a")
    bad = Article(id="b", source="b", text="x", url="data:text/html,hi")
    page = render(Analysis(articles=(good, bad)))
    assert page.xpath("//section[@class='article']//a/@href") == ["https://news.example/a"]


def test_write_report_writes_both_files(tmp_path: Path) -> None:
    files = write_report(Analysis(articles=(Article(id="a", source="a", text="x"),)), tmp_path)
    assert files.json.read_text(encoding="utf-8").startswith("{")
    assert "<!doctype html>" in files.html.read_text(encoding="utf-8")
    assert not list(tmp_path.glob("*.partial"))
