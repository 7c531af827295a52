"""End to end in real headless Chromium: the report from a file:// URL and the live web UI."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def in_viewport(page: Any, selector: str) -> bool:
    return bool(
        page.eval_on_selector(
            selector,
            "e => { const r = e.getBoundingClientRect();"
            " return r.bottom > 0 && r.top < window.innerHeight; }",
        )
    )


def test_report_graph_renders_and_an_edge_opens_its_alignment(page: Any, report_url: str) -> None:
    page.goto(report_url)
    assert page.locator("figure.graph svg a.node circle").count() == 4
    assert page.locator("figure.graph svg a.edge").count() == 3
    assert page.locator("figure.timeline svg circle").count() == 4
    screenshot(page, "report")
    alignment = page.locator("details.alignment[data-b='b2']")
    assert alignment.get_attribute("open") is None
    page.locator("a.edge[data-b='b2']").click()
    page.wait_for_function("document.querySelector(\"details.alignment[data-b='b2']\").open")
    assert alignment.locator("mark.sub", has_text="endeavored rebellion").first.is_visible()
    assert in_viewport(page, "details.alignment[data-b='b2']")
    screenshot(page, "report-alignment")


def test_report_conflict_and_skip_badges_lead_to_their_tables(page: Any, report_url: str) -> None:
    page.goto(report_url)
    page.locator("a.conflict-badge").click()
    assert in_viewport(page, "table.claims")
    assert page.locator("tbody.claim-group.differs").count() == 1
    page.locator("a.skip-badge").click()
    assert in_viewport(page, "#skipped")


def test_serve_pages_graph_alignment_and_claims(page: Any, server_url: str) -> None:
    page.goto(server_url + "/")
    assert page.locator("a.conflict-badge").count() == 1
    screenshot(page, "serve-index")
    page.locator("a.conflict-badge").click()
    page.wait_for_url("**/stories/pile#claims-*")
    assert in_viewport(page, "table.claims")
    assert page.locator("figure.graph svg a.node").count() == 4
    screenshot(page, "serve-story")
    page.locator("a.edge[data-b='b2']").click()
    page.wait_for_url("**/relations/a1/b2")
    assert page.locator("section.alignment mark.sub").first.is_visible()
    screenshot(page, "serve-relation")
    page.goto(server_url + "/articles/a1")
    assert page.locator("section.article mark.claim").count() == 1
    screenshot(page, "serve-article")
    page.fill("input[name=entity]", "tokaj")
    page.locator("form[role=search] button").click()
    page.wait_for_url("**/search?entity=tokaj")
    assert page.locator("li.hit").count() == 1
    screenshot(page, "serve-search")
