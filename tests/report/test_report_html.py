"""report.html: structure and provenance checked by parsing, and untrusted text always escaped."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.model import Analysis, Article, Skip
from storytrace.report import build_report_view, write_report
from storytrace.report.html import render_report, script
from tests.report.sample import sample_analysis

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
        assert [s.text for s in page.xpath("//script")] == [script()]
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
    assert len(page.xpath("//script")) == 1
    assert page.xpath("//img | //iframe | //object") == []


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
    links = page.xpath("//section[@class='article']//a[not(@class='story-link')]/@href")
    assert links == ["https://news.example/a"]


def test_write_report_writes_both_files(tmp_path: Path) -> None:
    files = write_report(Analysis(articles=(Article(id="a", source="a", text="x"),)), tmp_path)
    assert files.json.read_text(encoding="utf-8").startswith("{")
    assert "<!doctype html>" in files.html.read_text(encoding="utf-8")
    assert not list(tmp_path.glob("*.partial"))


# -- every field of every record, and the pieces the later stages fill --------------------


def render_sample(payload: str = "") -> lxml.html.HtmlElement:
    return render(sample_analysis(payload))


def test_no_field_of_any_record_can_inject_markup() -> None:
    for payload in HOSTILE:
        page = render_sample(payload)
        scripts = page.xpath("//script")
        assert len(scripts) == 1 and scripts[0].text == script()  # only our own, by hash
        assert page.xpath("//img | //iframe | //object | //*[@onerror] | //*[@onclick]") == []
        assert page.xpath("//a[starts-with(normalize-space(@href), 'javascript')]") == []
        assert page.xpath("//*[local-name()='a'][starts-with(@href, 'javascript')]") == []


def test_hostile_substitutions_quotes_claims_and_entities_show_as_text() -> None:
    payload = "<script>x()</script>"
    page = render_sample(payload)
    subs = page.xpath("//span[@class='sub-pair']/mark/text()")
    assert "will" + payload in subs and "shall" + payload in subs
    assert any(payload in text for text in page.xpath("//table[@class='quotes']//td/text()"))
    measures = page.xpath("//table[@class='claims']//tr[@class='fact']//span[@class='measure']")
    assert measures[0].text == "killed" + payload
    assert page.xpath("//ul[@class='entities']/li/b/text()") == ["Kassym-Jomart Tokayev" + payload]


def test_hostile_stories_facts_briefs_and_events_show_as_text() -> None:
    payload = "<script>x()</script>"
    page = render_sample(payload)
    assert "Coup attempt" + payload in page.xpath("//section[@class='story']/h2/text()")
    assert page.xpath("//table[@class='story-list']//a/text()")[0] == "Coup attempt" + payload
    reasons = page.xpath("//tr[@class='fact']//p[@class='reason']/text()")
    assert "164 (a1) and 160 (b2) cannot both hold" + payload in reasons
    brief = [li.text for li in page.xpath("//ol[@class='brief']/li")]
    assert "Sources conflict on the killed count" + payload in brief
    events = page.xpath("//ol[@class='events']/li/text()")
    assert any("Mass arrests" + payload in text for text in events)
    chronology = page.xpath("//ul[@class='chronology']/li/text()")
    assert any("Troops arrive" + payload in text for text in chronology)
    assert (
        page.xpath("//td[@class='original']/text()")[0]
        == "“We will restore order," + payload + "” "
    )


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=40))
def test_any_text_in_any_record_renders_without_new_elements(payload: str) -> None:
    page = render_sample(payload)
    assert len(page.xpath("//script")) == 1
    assert page.xpath("//img | //iframe | //object | //embed") == []


def test_policy_allows_only_our_script_by_hash() -> None:
    page = render_sample()
    policy = page.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    digest = base64.b64encode(hashlib.sha256(script().encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy
    assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    assert "default-src 'none'" in policy


def story_section(page: lxml.html.HtmlElement, story_id: str) -> lxml.html.HtmlElement:
    sections: list[lxml.html.HtmlElement] = page.xpath(
        f"//section[@class='story'][@data-story-id='{story_id}']"
    )
    assert len(sections) == 1
    return sections[0]


def test_story_list_leads_to_one_section_per_story() -> None:
    page = render_sample()
    rows = page.xpath("//table[@class='story-list']/tbody/tr")
    assert [row.get("data-story-id") for row in rows] == ["s1", "s2"]  # largest first
    cells = [td.text_content().strip() for td in rows[0].xpath("td")]
    assert cells[2:5] == ["4", "3", "2"]  # articles, outlets, independent sources (a1+b2+d4, c3)
    listed = page.xpath("//table[@class='story-list']//a[@class='story-link']/@href")
    assert [href.lstrip("#") for href in listed] == page.xpath("//section[@class='story']/@id")
    back = page.xpath("//section[@data-article-id='e5']//a[@class='story-link']/@href")
    assert back == [listed[1]]  # each article section links back to its story


def test_one_story_report_has_no_story_list() -> None:
    analysis = sample_analysis()
    one = Analysis(
        articles=analysis.articles[:4], stories=analysis.stories[:1], facts=analysis.facts
    )
    assert render(one).xpath("//table[@class='story-list']") == []


def test_graph_is_restricted_to_its_story_and_edges_open_alignments() -> None:
    page = render_sample()
    coup = story_section(page, "s1")
    nodes = coup.xpath(".//figure[@class='graph']//*[local-name()='a'][@class='node']")
    assert sorted(node.get("data-article-id") for node in nodes) == ["a1", "b2", "c3", "d4"]
    edges = coup.xpath(".//figure[@class='graph']//*[local-name()='a'][@class='edge']")
    alignments = set(coup.xpath(".//details[@class='alignment']/@id"))
    assert len(edges) == 3
    assert {edge.get("href").lstrip("#") for edge in edges} == alignments
    origin_title = coup.xpath(
        ".//*[local-name()='a'][@data-article-id='a1']/*[local-name()='title']"
    )
    assert "(origin)" in origin_title[0].text
    rain = story_section(page, "s2")
    rain_nodes = rain.xpath(".//*[local-name()='a'][@class='node']/@data-article-id")
    assert rain_nodes == ["e5"]
    assert rain.xpath(".//details[@class='alignment']") == []


def test_graph_boxes_each_independent_source_group() -> None:
    coup = story_section(render_sample(), "s1")
    boxes = coup.xpath(".//*[local-name()='rect'][@class='group']/@data-size")
    assert sorted(boxes) == ["1", "3"]  # a1, b2, d4 are one source; c3 is another


def test_article_links_in_graph_and_tables_lead_to_article_sections() -> None:
    page = render_sample()
    sections = set(page.xpath("//section[@class='article']/@id"))
    node_links = page.xpath("//*[local-name()='a'][@class='node']/@href")
    table_links = page.xpath("//table[@class='claims' or @class='quotes']//a/@href")
    cite_links = page.xpath("//a[@class='cite']/@href")
    assert cite_links
    assert {link.lstrip("#") for link in node_links + table_links + cite_links} <= sections


def test_every_dom_id_is_unique() -> None:
    ids = render_sample().xpath("//@id")
    assert len(ids) == len(set(ids))


def test_every_in_page_link_has_a_target() -> None:
    page = render_sample()
    ids = set(page.xpath("//@id"))
    targets = {href[1:] for href in page.xpath("//*/@href") if href.startswith("#")}
    assert targets and targets <= ids


def test_claims_table_shows_facts_with_status_reason_and_sources() -> None:
    coup = story_section(render_sample(), "s1")
    groups = coup.xpath(".//tbody[contains(@class, 'claim-group')]")
    assert [g.get("data-status") for g in groups] == ["conflict", "single"]
    head = groups[0].xpath(".//tr[@class='fact']")[0].text_content()
    assert "1 independent source(s), 2 article(s)" in head
    values = groups[0].xpath(".//tr[@class='asserted']/td[@class='value']/text()")
    assert sorted(v.strip() for v in values) == ["160", "164"]  # the value per source
    assert coup.xpath(".//tr[@class='retracted']//del/text()") == ["nearly 8,000 arrested"]
    badge = coup.xpath(".//a[contains(@class, 'conflict-badge')]/@href")[0]
    assert badge.lstrip("#") in coup.xpath(".//h3/@id")


def test_without_facts_claims_are_grouped_by_measure_and_subject() -> None:
    analysis = sample_analysis()
    plain = Analysis(articles=analysis.articles, claims=analysis.claims)
    page = render(plain)
    groups = page.xpath("//tbody[contains(@class, 'claim-group')]/@data-status")
    assert groups == ["differs", "single"]
    assert page.xpath("//section[@class='story']/@data-story-id") == ["pile"]


def test_quotes_show_status_and_the_original_beside_an_altered_quote() -> None:
    coup = story_section(render_sample(), "s1")
    rows = coup.xpath(".//table[@class='quotes']//tr[contains(@class, 'quote')]")
    statuses = {row.xpath("td[@class='said']")[0].text: row.get("data-status") for row in rows}
    assert statuses == {
        "“We will restore order,”": "original",
        "“We shall restore order,”": "altered",
    }
    altered = next(row for row in rows if row.get("data-status") == "altered")
    assert "We will restore order," in altered.xpath("td[@class='original']")[0].text_content()


def test_brief_sentences_cite_their_articles_by_number() -> None:
    coup = story_section(render_sample(), "s1")
    first = coup.xpath(".//ol[@class='brief']/li")[0]
    cited = first.xpath(".//a[@class='cite']/@data-article-id")
    assert cited == ["a1", "b2"]
    numbers = first.xpath(".//a[@class='cite']/text()")
    listed = coup.xpath(".//details[@class='sources-list']//li/a/@href")
    anchors = first.xpath(".//a[@class='cite']/@href")
    assert [listed[int(n) - 1] for n in numbers] == anchors


def test_events_are_marked_on_the_timeline() -> None:
    coup = story_section(render_sample(), "s1")
    marks = coup.xpath(".//figure[@class='timeline']//*[local-name()='a'][@class='event']")
    assert [m.get("data-event-id") for m in marks] == ["s1/e1", "s1/e2"]
    listed = coup.xpath(".//ol[@class='events']/li/@id")
    assert [m.get("href").lstrip("#") for m in marks] == listed
    chronology = coup.xpath(".//ul[@class='chronology']/li")
    assert len(chronology) == 1  # the entry repeating event 1 is not listed twice


def test_claims_quotes_and_entities_are_highlighted_at_their_spans() -> None:
    analysis = sample_analysis()
    page = render(analysis)
    marks = page.xpath("//section[@data-article-id='a1']//mark")
    by_kind = {mark.get("class"): mark.text_content() for mark in marks}
    assert by_kind["claim"] == "164 people were killed"
    assert by_kind["quote"] == "We will restore order,"
    assert by_kind["entity"] == "Tokayev"


def test_alignment_marks_substitutions_on_both_sides() -> None:
    page = render_sample()
    spun = page.xpath("//details[@data-b='b2']//tr[@class='passage']")[0]
    left, right = (cell.xpath(".//mark[@class='sub']/text()") for cell in spun.xpath("td"))
    assert "attempted coup" in left and "endeavored rebellion" in right
    assert page.xpath("//details[@data-b='b2']//table[@class='altered-quotes']//td/text()")


def test_timeline_places_dated_articles_in_order() -> None:
    coup = story_section(render_sample(), "s1")
    points = coup.xpath(".//figure[@class='timeline']//*[local-name()='a'][@class='point']")
    assert [p.get("data-article-id") for p in points] == ["a1", "b2", "d4", "c3"]


def test_report_view_has_a_json_twin() -> None:
    data = build_report_view(sample_analysis()).to_dict()
    assert json.loads(json.dumps(data)) == data
    story = data["stories"][0]
    assert story["id"] == "s1" and len(story["graph"]["nodes"]) == 4
    assert story["facts"][0]["status"] == "conflict" and story["conflict_count"] == 1
    assert [s["id"] for s in data["story_list"]] == ["s1", "s2"]


def test_articles_in_no_story_get_a_story_of_their_own() -> None:
    analysis = sample_analysis()
    partial = Analysis(articles=analysis.articles, stories=analysis.stories[:1])
    data = build_report_view(partial).to_dict()
    assert [s["id"] for s in data["story_list"]] == ["s1", "unsorted"]
    assert data["stories"][1]["articles"][0]["id"] == "e5"


def test_a_story_summary_matches_its_full_view() -> None:
    from storytrace.report.views import build_story_view, summarize_story

    analysis = sample_analysis()
    for story in analysis.stories:
        assert summarize_story(analysis, story) == build_story_view(analysis, story).summary()
