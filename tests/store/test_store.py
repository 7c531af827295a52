"""The store keeps every record faithfully, upserts idempotently, and answers the UI's queries."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from storytrace.model import Analysis, Article
from storytrace.store import Store, StoreError, database_url
from tests.report.sample import sample_analysis
from tests.store.conftest import normalised


def test_an_analysis_round_trips(store_url: str) -> None:
    analysis = sample_analysis("<b>'\"")
    with Store.open(store_url) as store:
        store.add_analysis(analysis, inputs=["in/"])
        loaded = store.load_analysis()
    assert normalised(loaded.to_dict()) == normalised(analysis.to_dict())


def test_adding_twice_keeps_one_copy_with_the_newest_values(store_url: str) -> None:
    analysis = sample_analysis()
    changed = replace(analysis, articles=(replace(analysis.articles[0], title="New title"),))
    with Store.open(store_url) as store:
        store.add_analysis(analysis)
        store.add_analysis(analysis)
        store.add_analysis(changed)
        counts = store.counts()
        assert store.get_article("a1").title == "New title"
        assert len(store.runs()) == 3
    assert counts["articles"] == 4 and counts["relations"] == 3 and counts["claims"] == 3


def test_a_later_run_adds_articles_incrementally(store_url: str, tmp_path: Path) -> None:
    first = Analysis(articles=(Article(id="x", source="x.txt", text="one"),))
    second = Analysis(articles=(Article(id="y", source="y.txt", text="two"),))
    with Store.open(store_url) as store:
        store.add_analysis(first)
    with Store.open(store_url) as store:  # reopened: the schema is already there
        store.add_analysis(second)
        assert [a.id for a in store.list_articles()] == ["x", "y"]
        assert store.revision() == 2


def test_ui_queries(store_url: str) -> None:
    with Store.open(store_url) as store:
        store.add_analysis(sample_analysis())
        assert [a.id for a in store.list_articles(limit=2)] == ["a1", "b2"]
        assert [a.id for a in store.list_articles(limit=2, offset=2)] == ["d4", "c3"]
        around = store.neighbourhood("b2")
        assert [r.kind for r in around.relations] == ["spun"]
        assert sorted(a.id for a in around.articles) == ["a1", "b2"]
        assert [c.id for c in around.claims] == ["k2"] and [q.id for q in around.quotes] == ["q2"]
        assert [e.id for e in around.entities] == ["e1"]
        assert store.pair("b2", "a1").relations[0].kind == "spun"
        with pytest.raises(KeyError):
            store.get_article("nope")
        with pytest.raises(KeyError):
            store.pair("b2", "c3")


def test_entity_search_by_alias_substring(store_url: str) -> None:
    with Store.open(store_url) as store:
        store.add_analysis(sample_analysis())
        assert [e.id for e in store.search_entities("TOKAJ")] == ["e1"]
        assert [e.id for e in store.search_entities("jomart")] == ["e1"]
        assert store.search_entities("%") == [] and store.search_entities("  ") == []


def test_signatures_are_kept_by_kind(store_url: str) -> None:
    with Store.open(store_url) as store:
        store.put_signatures(
            "minhash/4", [("a1", b"\x00\x01"), ("b2", b"\xff")], params={"seed": 1}
        )
        store.put_signatures("minhash/4", [("a1", b"\x02")], params={"seed": 1})
        found = list(store.signatures("minhash/4"))
        assert found == [("a1", b"\x02", {"seed": 1}), ("b2", b"\xff", {"seed": 1})]
        assert list(store.signatures("other")) == []


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    from sqlalchemy import create_engine, text

    path = tmp_path / "s.db"
    Store.open(path).close()
    with create_engine(database_url(path)).begin() as conn:
        conn.execute(text("UPDATE schema_version SET version = 99"))
    with pytest.raises(StoreError, match="upgrade storytrace"):
        Store.open(path)


def test_urls() -> None:
    assert database_url("a/b.db") == "sqlite:///a/b.db"
    assert database_url("postgres://u@h/d") == "postgresql+psycopg://u@h/d"
    with pytest.raises(StoreError, match="cannot open"):
        Store.open("postgresql://nobody@127.0.0.1:1/none")
