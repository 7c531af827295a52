"""The report of the real demo analysis (every stage run): each story's parts match its records."""

from __future__ import annotations

import lxml.html
import pytest

from storytrace.report.html import render_report
from storytrace.report.views import build_report_view
from tests.test_demo import demo_analysis

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def page() -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(render_report(build_report_view(demo_analysis())))


def test_each_story_has_a_section_with_a_graph_of_exactly_its_articles(
    page: lxml.html.HtmlElement,
) -> None:
    analysis = demo_analysis()
    assert len(analysis.stories) >= 2  # the dam story and the unrelated match report
    listed = page.xpath("//table[@class='story-list']/tbody/tr/@data-story-id")
    assert sorted(listed) == sorted(story.id for story in analysis.stories)
    for story in analysis.stories:
        section = page.xpath(f"//section[@class='story'][@data-story-id='{story.id}']")[0]
        nodes = section.xpath(".//*[local-name()='a'][@class='node']/@data-article-id")
        assert sorted(nodes) == sorted(story.articles)


def test_claims_tables_show_every_fact_with_its_status(page: lxml.html.HtmlElement) -> None:
    analysis = demo_analysis()
    shown = page.xpath("//tbody[contains(@class, 'claim-group')]")
    assert sorted(g.get("data-fact-id") for g in shown) == sorted(f.id for f in analysis.facts)
    statuses = {g.get("data-fact-id"): g.get("data-status") for g in shown}
    assert statuses == {fact.id: fact.status for fact in analysis.facts}


def test_every_altered_quote_shows_an_original_wording(page: lxml.html.HtmlElement) -> None:
    analysis = demo_analysis()
    altered = page.xpath("//table[@class='quotes']//tr[@data-status='altered']")
    assert len(altered) == sum(q.status == "altered" for q in analysis.quotes) > 0
    for row in altered:
        assert row.xpath("td[@class='original']")[0].text_content().strip().startswith("“")


def test_brief_sentences_cite_articles_of_their_story(page: lxml.html.HtmlElement) -> None:
    analysis = demo_analysis()
    for story in analysis.stories:
        section = page.xpath(f"//section[@class='story'][@data-story-id='{story.id}']")[0]
        cited = set(section.xpath(".//ol[@class='brief']//a[@class='cite']/@data-article-id"))
        assert cited <= set(story.articles)
        assert len(section.xpath(".//ol[@class='brief']/li")) == len(
            analysis.briefs[story.id].summary
        )
