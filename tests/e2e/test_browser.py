"""End to end in real headless Chromium: the report from a file:// URL and the live web UI."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]

COUP = "section.story[data-story-id='s1']"


def in_viewport(page: Any, selector: str) -> bool:
    return bool(
        page.eval_on_selector(
            selector,
            "e => { const r = e.getBoundingClientRect();"
            " return r.bottom > 0 && r.top < window.innerHeight; }",
        )
    )


def drawn(page: Any, selector: str) -> int:
    """How many elements matching ``selector`` the browser actually laid out (non-empty box)."""
    return int(
        page.eval_on_selector_all(
            selector,
            "els => els.filter(e => { const r = e.getBoundingClientRect();"
            " return r.width > 0 || r.height > 0; }).length",  # a straight line is flat
        )
    )


def test_report_graph_renders_and_an_edge_opens_its_alignment(page: Any, report_url: str) -> None:
    page.goto(report_url)
    assert page.locator("table.story-list tbody tr").count() == 2
    screenshot(page, "report")
    assert drawn(page, f"{COUP} figure.graph svg a.node circle") == 4
    assert drawn(page, f"{COUP} figure.graph svg a.edge line.shown") == 3
    assert drawn(page, f"{COUP} figure.graph svg rect.group") == 2
    assert drawn(page, f"{COUP} figure.timeline svg a.point circle") == 4
    assert drawn(page, f"{COUP} figure.timeline svg a.event") == 2
    page.locator(f"{COUP} h3", has_text="Provenance").scroll_into_view_if_needed()
    screenshot(page, "report-story", full_page=False)
    alignment = page.locator("details.alignment[data-b='b2']")
    assert alignment.get_attribute("open") is None
    page.locator(f"{COUP} a.edge[data-b='b2']").click()
    page.wait_for_function("document.querySelector(\"details.alignment[data-b='b2']\").open")
    assert alignment.locator("mark.sub", has_text="endeavored rebellion").first.is_visible()
    assert in_viewport(page, "details.alignment[data-b='b2']")
    screenshot(page, "report-alignment", full_page=False)


def test_report_conflict_badge_leads_to_the_claims_table(page: Any, report_url: str) -> None:
    page.goto(report_url)
    page.locator("table.story-list a.conflict-badge").click()
    assert in_viewport(page, f"{COUP} table.claims")
    conflict = page.locator(f"{COUP} tbody.claim-group[data-status='conflict']")
    assert conflict.count() == 1 and conflict.is_visible()
    assert "1 independent source(s)" in conflict.locator("tr.fact").inner_text()
    screenshot(page, "report-claims", full_page=False)
    struck = page.locator(f"{COUP} tr.retracted td.claim-text")
    decoration = struck.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert decoration == "line-through"
    page.locator("a.cite").first.click()
    assert in_viewport(page, "section.article[data-article-id='a1']")


def test_report_skip_badge_leads_to_the_skipped_inputs(page: Any, report_url: str) -> None:
    page.goto(report_url)
    page.locator("a.skip-badge").click()
    assert in_viewport(page, "#skipped")


def test_serve_pages_graph_alignment_and_claims(page: Any, server_url: str) -> None:
    page.goto(server_url + "/")
    assert page.locator("table.story-list tbody tr").count() == 2
    assert page.locator("a.conflict-badge").count() == 1
    screenshot(page, "serve-index")
    page.locator("a.conflict-badge").click()
    page.wait_for_url("**/stories/s1#claims-*")
    assert in_viewport(page, "table.claims")
    assert page.locator("tbody.claim-group[data-status='conflict']").is_visible()
    screenshot(page, "serve-claims", full_page=False)
    assert drawn(page, "figure.graph svg a.node circle") == 4
    screenshot(page, "serve-story")
    page.locator("a.edge[data-b='b2']").click()
    page.wait_for_url("**/relations/a1/b2")
    assert page.locator("section.alignment mark.sub").first.is_visible()
    screenshot(page, "serve-relation")
    page.goto(server_url + "/articles/a1")
    assert page.locator("section.article mark.claim").count() == 1
    assert page.locator("a.story-link").inner_text() == "Coup attempt"
    screenshot(page, "serve-article")
    page.fill("input[name=entity]", "tokaj")
    page.locator("form[role=search] button").click()
    page.wait_for_url("**/search?entity=tokaj")
    assert page.locator("li.hit").count() == 1
    screenshot(page, "serve-search")
