"""The web UI: every page and its JSON twin, 404s, escaping, security headers and uploads."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import lxml.html
import pytest
from fastapi.testclient import TestClient

from storytrace.model import Analysis
from storytrace.report.html import script
from storytrace.serve import create_app
from storytrace.store import Store
from tests.report.sample import sample_analysis

PAGES = [
    "/",
    "/stories/s1",
    "/stories/s2",
    "/articles/a1",
    "/relations/a1/b2",
    "/search?entity=tok",
]


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


def test_index_lists_stories_with_source_counts_and_a_conflict_badge(client: TestClient) -> None:
    data = client.get("/json").json()
    coup, rain = data["stories"]
    assert (coup["id"], coup["article_count"], coup["outlet_count"]) == ("s1", 4, 3)
    assert (coup["independent_sources"], coup["conflict_count"]) == (2, 1)
    assert (rain["id"], rain["conflict_count"]) == ("s2", 0)
    page = lxml.html.document_fromstring(client.get("/").text)
    badge = page.xpath("//a[contains(@class, 'conflict-badge')]/@href")
    assert len(badge) == 1 and badge[0].startswith("/stories/s1#claims-")
    anchor = badge[0].split("#")[1]
    story = lxml.html.document_fromstring(client.get("/stories/s1").text)
    assert story.xpath(f"//h3[@id='{anchor}']/following-sibling::table[1]/@class") == ["claims"]


def test_story_page_is_restricted_to_its_story(client: TestClient) -> None:
    data = client.get("/stories/s1/json").json()
    assert sorted(n["id"] for n in data["graph"]["nodes"]) == ["a1", "b2", "c3", "d4"]
    assert [f["status"] for f in data["facts"]] == ["conflict", "single"]
    assert data["brief"][0]["text"] == "Sources conflict on the killed count"
    assert [e["id"] for e in data["events"]] == ["s1/e1", "s1/e2"]
    altered = next(q for q in data["quotes"] if q["status"] == "altered")
    assert altered["originals"][0]["text"] == "We will restore order,"
    rain = client.get("/stories/s2/json").json()
    assert [n["id"] for n in rain["graph"]["nodes"]] == ["e5"] and rain["facts"] == []


def test_links_between_pages_resolve(client: TestClient) -> None:
    page = lxml.html.document_fromstring(client.get("/stories/s1").text)
    links = page.xpath("//*[local-name()='a']/@href")
    internal = {href.split("#")[0] for href in links if href.startswith("/")}
    assert "/relations/a1/b2" in internal and "/articles/d4" in internal
    for href in internal:
        assert client.get(href).status_code == 200, href


def test_a_store_without_stories_shows_the_pile(tmp_path: Path) -> None:
    analysis = sample_analysis()
    plain = Analysis(articles=analysis.articles, relations=analysis.relations)
    with Store.open(tmp_path / "p.db") as store:
        store.add_analysis(plain)
        client = TestClient(create_app(store))
        assert [s["id"] for s in client.get("/json").json()["stories"]] == ["pile"]
        assert len(client.get("/stories/pile/json").json()["graph"]["nodes"]) == 5


def test_ids_with_slashes_reach_their_pages(tmp_path: Path) -> None:
    analysis = sample_analysis("/x y")
    with Store.open(tmp_path / "s.db") as store:
        store.add_analysis(analysis)
        client = TestClient(create_app(store))
        story = lxml.html.document_fromstring(client.get("/stories/s1%2Fx%20y").text)
        hrefs = story.xpath("//*[local-name()='a']/@href")
        internal = {href.split("#")[0] for href in hrefs if href.startswith("/")}
        assert "/relations/a1%2Fx%20y/b2%2Fx%20y" in internal
        for href in internal:
            assert client.get(href).status_code == 200, href
        assert client.get("/articles/a1%2Fx%20y/json").json()["article"]["id"] == "a1/x y"
        assert client.get("/articles/a1/x y").status_code == 200  # typed unencoded
        pair = client.get("/relations/a1%2Fx%20y/b2%2Fx%20y/json").json()
        assert (pair["a"]["id"], pair["b"]["id"]) == ("a1/x y", "b2/x y")


def test_article_page_shows_relations_claims_quotes(client: TestClient) -> None:
    data = client.get("/articles/b2/json").json()
    assert [r["kind"] for r in data["relations"]] == ["spun"]
    assert [c["id"] for c in data["claims"]] == ["k2"]
    assert [q["status"] for q in data["quotes"]] == ["altered"]


def test_unknown_records_are_404(client: TestClient) -> None:
    assert client.get("/articles/nope").status_code == 404
    assert client.get("/relations/a1/nope/json").json() == {"error": "not in the store: a1 / nope"}
    assert client.get("/stories/other").status_code == 404
    assert client.get("/stories/pile").status_code == 404  # the store has stories


def test_hostile_records_are_escaped_on_every_page(tmp_path: Path) -> None:
    payload = "<script>alert(1)</script>"
    with Store.open(tmp_path / "h.db") as store:
        store.add_analysis(sample_analysis(payload))
        client = TestClient(create_app(store))
        urls = [
            "/",
            "/stories/" + quote("s1" + payload, safe=""),
            "/articles/" + quote("a1" + payload, safe=""),
            "/relations/" + quote("a1" + payload, safe="") + "/" + quote("b2" + payload, safe=""),
            "/search?entity=tok" + payload,
        ]
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
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


def test_story_list_is_paged(tmp_path: Path) -> None:
    from benchmarks.bench_serve import generated_analysis

    with Store.open(tmp_path / "many.db") as store:
        store.add_analysis(generated_analysis(5 * 60))  # 60 stories of five articles
        client = TestClient(create_app(store))
        first, second = client.get("/json").json(), client.get("/json?stories=2").json()
    assert (first["story_page"], first["story_page_count"]) == (1, 2)
    assert len(first["stories"]) == 50 and len(second["stories"]) == 10
    ids = [s["id"] for s in first["stories"] + second["stories"]]
    assert sorted(ids) == sorted(set(ids)) and len(ids) == 60
    assert first["stories"][0]["conflict_count"] == 1  # story 0: every third is a conflict


def test_every_page_over_each_back_end(store_url: str) -> None:
    """The same pages over SQLite and, under ``make test``, a real PostgreSQL store."""
    with Store.open(store_url) as store:
        store.add_analysis(sample_analysis("/é"))
        client = TestClient(create_app(store))
        story = client.get("/json").json()["stories"][0]
        assert (story["id"], story["conflict_count"]) == ("s1/é", 1)
        urls = [
            "/",
            "/stories/s1%2F%C3%A9",
            "/articles/b2%2F%C3%A9",
            "/relations/a1%2F%C3%A9/b2%2F%C3%A9",
        ]
        for url in [*urls, "/search?entity=tokaj"]:
            assert client.get(url).status_code == 200, url
            assert client.get(json_path(url)).status_code == 200, url
