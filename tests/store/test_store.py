"""The store keeps every record faithfully, upserts idempotently, and answers the UI's queries."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from storytrace.errors import StorytraceError
from storytrace.model import Analysis, Article, Story
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
    assert counts["articles"] == 5 and counts["relations"] == 3 and counts["claims"] == 3
    assert counts["stories"] == 2 and counts["facts"] == 2


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
        assert [c.id for c in around.claims] == ["k2"]
        assert [q.id for q in around.quotes] == ["q2", "q1"]  # its own, then the one it alters
        assert [s.id for s in around.stories] == ["s1"]
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


def test_stories_facts_and_briefs_round_trip_in_order(store_url: str) -> None:
    analysis = sample_analysis("/<i>'")
    with Store.open(store_url) as store:
        store.add_analysis(analysis)
        loaded = store.load_analysis()
    assert loaded.stories == analysis.stories  # members and events keep their order
    assert loaded.facts == analysis.facts
    assert loaded.briefs == analysis.briefs


def test_story_list_counts_sources_and_conflicts(store_url: str) -> None:
    with Store.open(store_url) as store:
        store.add_analysis(sample_analysis())
        listed = store.story_list()
        assert store.story_count() == 2
    coup, rain = listed
    assert (coup.id, coup.article_count, coup.outlet_count) == ("s1", 4, 3)
    assert (coup.independent_sources, coup.conflict_count) == (2, 1)
    assert (coup.first_date, coup.last_date) == ("2022-01-10T08:00:00", "2022-01-12")
    assert (rain.id, rain.article_count, rain.conflict_count) == ("s2", 1, 0)


def test_one_story_holds_only_its_own_records(store_url: str) -> None:
    with Store.open(store_url) as store:
        store.add_analysis(sample_analysis())
        coup = store.story("s1")
        rain = store.story("s2")
        with pytest.raises(KeyError):
            store.story("nope")
    assert sorted(a.id for a in coup.articles) == ["a1", "b2", "c3", "d4"]
    assert len(coup.relations) == 3 and [f.id for f in coup.facts] == ["s1/f1", "s1/f2"]
    assert sorted(c.id for c in coup.claims) == ["k1", "k2", "k3"] and set(coup.briefs) == {"s1"}
    assert [a.id for a in rain.articles] == ["e5"]
    assert (rain.relations, rain.claims, rain.facts, dict(rain.briefs)) == ((), (), (), {})


def test_an_article_filed_under_a_new_story_leaves_the_old_one(store_url: str) -> None:
    analysis = sample_analysis()
    regrouped = Analysis(
        articles=analysis.articles[4:],
        stories=(Story(id="s3", title="Weather", articles=("e5",)),),
    )
    with Store.open(store_url) as store:
        store.add_analysis(analysis)
        store.add_analysis(regrouped)
        assert [s.id for s in store.story_list()] == ["s1", "s3"]  # s2 lost its only article
        with pytest.raises(KeyError):
            store.story("s2")
        assert store.neighbourhood("e5").stories[0].id == "s3"


def test_adding_a_story_again_replaces_its_facts_and_brief(store_url: str) -> None:
    analysis = sample_analysis()
    fewer = replace(analysis, facts=analysis.facts[:1], briefs={})
    with Store.open(store_url) as store:
        store.add_analysis(analysis)
        store.add_analysis(fewer)
        coup = store.story("s1")
    assert [f.id for f in coup.facts] == ["s1/f1"] and dict(coup.briefs) == {}


def test_a_schema_1_store_is_upgraded_in_place(tmp_path: Path) -> None:
    from sqlalchemy import create_engine, text

    path = tmp_path / "old.db"
    with Store.open(path) as store:
        store.add_analysis(Analysis(articles=(Article(id="x", source="x.txt", text="one"),)))
    with create_engine(database_url(path)).begin() as conn:
        for table in ("stories", "story_articles", "events", "facts", "brief_lines"):
            conn.execute(text(f"DROP TABLE {table}"))
        conn.execute(text("UPDATE schema_version SET version = 1"))
    with Store.open(path) as store:
        store.add_analysis(sample_analysis())
        assert store.story_count() == 2 and store.get_article("x").text == "one"
    with create_engine(database_url(path)).connect() as conn:
        assert conn.execute(text("SELECT version FROM schema_version")).scalar() == 2


def test_store_errors_are_storytrace_errors() -> None:
    assert issubclass(StoreError, StorytraceError)


def test_article_pages_put_undated_articles_last_across_page_boundaries(store_url: str) -> None:
    dated = [
        Article(id=f"d{i}", source="s", text="t", published=f"2022-01-0{9 - i}") for i in range(3)
    ]
    undated = [Article(id=f"u{i}", source="s", text="t") for i in range(3)]
    with Store.open(store_url) as store:
        store.add_analysis(Analysis(articles=tuple(undated + dated)))
        pages = [[a.id for a in store.list_articles(limit=2, offset=o)] for o in (0, 2, 4, 6)]
    assert pages == [["d2", "d1"], ["d0", "u0"], ["u1", "u2"], []]


def test_independent_sources_are_counted_from_the_stored_relations(store_url: str) -> None:
    analysis = sample_analysis()
    late = Article(id="f6", source="f6.txt", text="A copy.", published="2022-01-13")
    copy = replace(analysis.relations[1], b="f6")  # a1 -> f6, a copy: no new source
    grown = replace(analysis.stories[0], articles=(*analysis.stories[0].articles, "f6"))
    with Store.open(store_url) as store:
        store.add_analysis(analysis)
        store.add_analysis(Analysis(articles=(late,), relations=(copy,), stories=(grown,)))
        coup = store.story_list()[0]
    assert (coup.id, coup.article_count, coup.independent_sources) == ("s1", 5, 2)
