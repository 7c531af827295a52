"""The web UI: every page and its JSON twin, 404s, escaping, security headers and uploads."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest
from fastapi.testclient import TestClient

from storytrace.report.html import script
from storytrace.serve import create_app
from storytrace.store import Store
from tests.report.sample import sample_analysis

PAGES = ["/", "/stories/pile", "/articles/a1", "/relations/a1/b2", "/search?entity=tok"]


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with Store.open(tmp_path / "store.db") as store:
        store.add_analysis(sample_analysis(), inputs=["sample"])
        yield TestClient(create_app(store, upload_limit=4096))


def json_path(url: str) -> str:
    path, _, query = url.partition("?")
    return path.rstrip("/") + "/json" + (f"?{query}" if query else "")


@pytest.mark.parametrize("url", PAGES)
def test_every_page_has_html_and_a_json_twin(client: TestClient, url: str) -> None:
    html = client.get(url)
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert "sha256-" in html.headers["content-security-policy"]
    twin = client.get(json_path(url))
    assert twin.status_code == 200 and isinstance(twin.json(), dict)
    negotiated = client.get(url, headers={"accept": "application/json"})
    assert negotiated.json() == twin.json()


def test_index_lists_the_pile_with_counts_and_a_conflict_badge(client: TestClient) -> None:
    data = client.get("/json").json()
    assert data["stories"][0]["article_count"] == 4
    assert data["stories"][0]["differing_claim_groups"] == 1
    page = lxml.html.document_fromstring(client.get("/").text)
    badge = page.xpath("//a[contains(@class, 'conflict-badge')]/@href")[0]
    assert badge.startswith("/stories/pile#claims-")


def test_links_between_pages_resolve(client: TestClient) -> None:
    page = lxml.html.document_fromstring(client.get("/stories/pile").text)
    links = page.xpath("//*[local-name()='a']/@href")
    internal = {href.split("#")[0] for href in links if href.startswith("/")}
    assert "/relations/a1/b2" in internal and "/articles/d4" in internal
    for href in internal:
        assert client.get(href).status_code == 200, href


def test_article_page_shows_relations_claims_quotes(client: TestClient) -> None:
    data = client.get("/articles/b2/json").json()
    assert [r["kind"] for r in data["relations"]] == ["spun"]
    assert [c["id"] for c in data["claims"]] == ["k2"]
    assert [q["status"] for q in data["quotes"]] == ["altered"]


def test_unknown_records_are_404(client: TestClient) -> None:
    assert client.get("/articles/nope").status_code == 404
    assert client.get("/relations/a1/nope/json").json() == {"error": "not in the store: a1 / nope"}
    assert client.get("/stories/other").status_code == 404


def test_hostile_records_are_escaped_on_every_page(tmp_path: Path) -> None:
    payload = "<script>alert(1)</script>"
    with Store.open(tmp_path / "h.db") as store:
        store.add_analysis(sample_analysis(payload))
        client = TestClient(create_app(store))
        urls = ["/", "/stories/pile", f"/articles/a1{payload}", "/search?entity=tok" + payload]
        for url in urls:
            response = client.get(url)
            page = lxml.html.document_fromstring(response.text)
            assert [s.text for s in page.xpath("//script")] == [script()], url
            assert page.xpath("//img | //iframe | //*[@onerror]") == []


def test_upload_adds_articles(client: TestClient) -> None:
    text = b"Officials said 12 people were hurt in the city today. More news later on.\n" * 3
    response = client.post("/upload", files={"file": ("../new one.txt", text, "text/plain")})
    assert response.status_code == 201, response.text
    assert response.json()["articles"] == ["new_one"]
    assert client.get("/articles/new_one").status_code == 200


def test_upload_refuses_binary_content_whatever_its_name(client: TestClient) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(200)
    response = client.post("/upload", files={"file": ("story.txt", png, "text/plain")})
    assert response.status_code == 415
    assert "PNG" in response.json()["error"]


def test_upload_refuses_files_over_the_limit(client: TestClient) -> None:
    response = client.post("/upload", files={"file": ("big.txt", b"word " * 2000, "text/plain")})
    assert response.status_code == 413


def test_upload_from_a_form_redirects_to_the_index(client: TestClient) -> None:
    text = b"A short article about the weather in the city, with enough words to keep.\n" * 2
    response = client.post(
        "/upload",
        files={"file": ("w.txt", text, "text/plain")},
        headers={"accept": "text/html"},
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"] == "/"
