"""Consolidation: facts, provenance, quotes and briefs on hand-built records (no models)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.consolidate import consolidate
from storytrace.consolidate.intervals import describe, intersection
from storytrace.consolidate.provenance import dateline_credit, wire_of
from storytrace.consolidate.quotes import overlap
from storytrace.consolidate.subjects import subject_key
from storytrace.model import Article, Claim, Event, Passage, Quote, Relation, Story


def art(article_id: str, day: str = "2025-03-17", text: str = "Text.") -> Article:
    return Article(id=article_id, source=article_id, text=text, published=day)


def claim(article_id: str, n: int, low: float | None, high: float | None, **extra: object) -> Claim:
    fields: dict[str, object] = {"measure": "killed", "subject": "people", "text": "x"}
    fields.update(extra)
    return Claim(
        id=f"{article_id}:c{n}", article=article_id, span=(0, 1), low=low, high=high, **fields
    )  # type: ignore[arg-type]


def story(days: dict[str, str]) -> Story:
    by_day: dict[str, list[str]] = {}
    for article_id, day in sorted(days.items()):
        by_day.setdefault(day, []).append(article_id)
    events = tuple(
        Event(id=f"s/e{n}", date=day, title=day, articles=tuple(ids))
        for n, (day, ids) in enumerate(sorted(by_day.items()), start=1)
    )
    return Story(id="s", title="A story", articles=tuple(sorted(days)), events=events)


def copy(a: str, b: str, kind: str = "copy") -> Relation:
    return Relation(
        a=min(a, b), b=max(a, b), kind=kind, origin=a, score=1.0, coverage_a=1.0, coverage_b=1.0
    )  # type: ignore[arg-type]


def run(
    articles: list[Article],
    claims: list[Claim],
    relations: list[Relation] = (),
    quotes: list[Quote] = (),
):  # type: ignore[assignment, no-untyped-def]
    s = story({a.id: (a.published or "")[:10] for a in articles})
    return consolidate(
        articles=articles,
        stories=[s],
        relations=list(relations),
        claims=claims,
        quotes=list(quotes),
        entities=(),
    )


def test_intervals_and_subjects() -> None:
    assert intersection([(161, None), (164, None)]) == (164, None)
    assert intersection([(2001, 2100), (2030, 2030)]) == (2030, 2030)
    assert intersection([(24, 99), (164, None)]) is None
    assert describe((161, None)) == "[161, ∞)" and describe((16, 16)) == "16"
    assert (
        subject_key("security officials") == subject_key("security forces personnel") == "security"
    )
    assert subject_key("individuals") == subject_key(None) == ""
    assert subject_key("people in Almaty") != ""


def test_agreed_intervals_and_reason() -> None:
    result = run([art("a"), art("b")], [claim("a", 1, 161, None), claim("b", 1, 164, None)])
    (fact,) = result.facts
    assert (fact.status, fact.low, fact.high, fact.independent_sources) == ("agreed", 164, None, 2)
    assert "[161, ∞) and [164, ∞) intersect" in fact.reason


def test_conflict_on_one_day_names_both_sides() -> None:
    result = run(
        [art("a"), art("b"), art("c")],
        [claim("a", 1, 24, 99), claim("b", 1, 164, None), claim("c", 1, 161, None)],
    )
    (fact,) = result.facts
    assert fact.status == "conflict" and (fact.low, fact.high) == (164, None)
    assert fact.independent_sources == 2 and "[24, 99]" in fact.reason


def test_changed_when_dated_to_different_days() -> None:
    result = run(
        [art("a", "2025-03-17"), art("b", "2025-03-20")],
        [claim("a", 1, 27, 27), claim("b", 1, 52, 52)],
    )
    (fact,) = result.facts
    assert fact.status == "changed" and (fact.low, fact.high) == (52, 52)
    assert "27 on 17 March 2025, 52 on 20 March 2025: a later count, rising" in fact.reason


def test_a_falling_death_toll_is_a_conflict() -> None:
    result = run(
        [art("a", "2025-03-17"), art("b", "2025-03-20")],
        [claim("a", 1, 60, 60), claim("b", 1, 30, 30)],
    )
    assert [f.status for f in result.facts] == ["conflict"]


def test_retracted_claim_never_supports() -> None:
    claims = [
        claim("a", 1, 27, None),
        claim("b", 1, 61, None, status="retracted", text="more than 60"),
    ]
    result = run([art("a"), art("b")], claims)
    (fact,) = result.facts
    assert fact.status == "single" and fact.claims == ("a:c1",) and fact.independent_sources == 1
    assert "withdrawn" in fact.reason and "more than 60" in fact.reason


def test_copies_of_one_dispatch_are_one_source() -> None:
    ids = [f"site{n}" for n in range(5)]
    articles = [art(i) for i in ids]
    relations = [copy("site0", other) for other in ids[1:]]
    claims = [claim(i, 1, 27, None) for i in ids]
    (fact,) = run(articles, claims, relations).facts
    assert (fact.status, fact.independent_sources, len(fact.claims)) == ("single", 1, 5)


def test_same_agency_credit_counts_once() -> None:
    assert wire_of("according to Reuters") == "reuters" and wire_of("the ministry") is None
    a = art("a", text="KERVA, 17 March (Northwire) – A dam failed.")
    b = art("b", text="KERVA, 17 March (Northwire) – The dam failed.")
    assert dateline_credit(a) == dateline_credit(b) == "credit:northwire"
    (fact,) = run([a, b], [claim("a", 1, 27, None), claim("b", 1, 27, None)]).facts
    assert fact.independent_sources == 1


def test_spun_quote_is_altered_and_points_to_the_original() -> None:
    a = art("a", text='He said "we will rebuild every bridge".')
    b = art("b", day="2025-03-18", text='He said "we shall reconstruct each overpass".')
    passage = Passage(a=(0, 39), b=(0, 44), similarity=0.6)
    relation = Relation(
        a="a", b="b", kind="spun", origin="a", score=0.6, coverage_a=1.0, coverage_b=1.0,
        passages=(passage,),
    )  # fmt: skip
    quotes = [
        Quote(id="a:q1", article="a", span=(9, 37), text="we will rebuild every bridge"),
        Quote(id="b:q1", article="b", span=(9, 42), text="we shall reconstruct each overpass"),
    ]
    checked = {q.id: q for q in run([a, b], [], [relation], quotes).quotes}
    assert (checked["b:q1"].status, checked["b:q1"].matches) == ("altered", ("a:q1",))
    assert checked["a:q1"].status == "original"


def test_independent_renderings_are_translations() -> None:
    a = art("a", text="x")
    b = art("b", day="2025-03-18", text="y")
    quotes = [
        Quote(
            id="a:q1",
            article="a",
            span=(0, 1),
            text="No one who failed to maintain this dam will escape responsibility",
            entity="e:z",
        ),
        Quote(
            id="b:q1",
            article="b",
            span=(0, 1),
            text="Nobody who neglected this dam will avoid responsibility",
            entity="e:z",
        ),
    ]
    checked = {q.id: q for q in run([a, b], [], [], quotes).quotes}
    assert checked["b:q1"].status == "translation" and checked["a:q1"].status == "original"
    assert overlap("a b c", "") == 0.0


def test_brief_cites_articles_and_names_conflicts() -> None:
    result = run([art("a"), art("b")], [claim("a", 1, 24, 99), claim("b", 1, 164, None)])
    brief = result.briefs["s"]
    assert all(line.articles for line in brief.summary)
    assert any("conflict" in line.text for line in brief.summary)
    assert [(t.date, t.articles) for t in brief.timeline] == [("2025-03-17", ("a", "b"))]


CLAIMS = [
    claim(f"a{n % 4}", n, lo, hi)
    for n, (lo, hi) in enumerate([(27, None), (41, None), (27, 27), (52, 52), (30, 40), (24, 99)])
]
ARTICLES = [art(f"a{n}", f"2025-03-{17 + n % 2}") for n in range(4)]


@settings(max_examples=30)
@given(st.permutations(CLAIMS), st.permutations(ARTICLES))
def test_input_order_never_changes_facts(claims: list[Claim], articles: list[Article]) -> None:
    assert run(articles, claims).facts == run(ARTICLES, CLAIMS).facts


@settings(max_examples=30)
@given(
    st.lists(
        st.tuples(st.integers(0, 3), st.integers(0, 100), st.booleans(), st.booleans()), max_size=12
    )
)
def test_sources_bounded_and_retracted_never_support(
    rows: list[tuple[int, int, bool, bool]],
) -> None:
    claims = [
        claim(
            f"a{a}", n, low, None if open_end else low, status="retracted" if gone else "asserted"
        )
        for n, (a, low, open_end, gone) in enumerate(rows)
    ]
    retracted = {c.id for c in claims if c.status == "retracted"}
    for fact in run(ARTICLES, claims).facts:
        assert 1 <= fact.independent_sources <= len(ARTICLES)
        assert not retracted & set(fact.claims)


def test_casualty_totals_join_sources_that_count_different_groups_and_measures() -> None:
    claims = [
        claim("a", 1, 3, 3, subject="guards"),  # "three guards were killed"
        claim("b", 1, 1, 1, subject="woman"),  # "a woman died" ...
        claim("b", 2, 3, 3, subject="people"),  # ... "three people were killed in all"
        claim("a", 2, 5, 5, measure="shot", subject="people"),  # "five people were shot"
        claim("b", 3, 2, 2, measure="injured", subject="others"),  # "two others were wounded"
    ]
    facts = run([art("a"), art("b")], claims).facts
    totals = {f.measure: f for f in facts if f.subject == "total"}
    assert (totals["killed"].status, totals["killed"].low, totals["killed"].high) == (
        "agreed",
        3,
        3,
    )
    assert set(totals["killed"].claims) == {"a:c1", "b:c2"}
    assert totals["killed"].independent_sources == 2
    # a: five shot less three killed; b: two wounded
    assert (totals["injured"].status, totals["injured"].low) == ("agreed", 2)


def test_a_total_that_repeats_one_fact_is_not_added() -> None:
    facts = run([art("a"), art("b")], [claim("a", 1, 161, None), claim("b", 1, 164, None)]).facts
    assert [(f.measure, f.subject) for f in facts] == [("killed", None)]  # "people": generic


def test_brief_tells_a_total_only_when_no_fact_of_its_measure_says_the_same() -> None:
    claims = [
        claim("a", 1, 141, None, measure="injured", subject="people"),
        claim("b", 1, 145, 155, measure="hospitalised", subject="people"),
    ]
    brief = run([art("a"), art("b")], claims).briefs["s"]
    assert any("injured (total), [145, 155]" in line.text for line in brief.summary)
    claims = [claim("a", 1, 5, 5, subject="guards"), claim("b", 1, 5, 5), claim("c", 1, 5, 5)]
    result = run([art("a"), art("b"), art("c")], claims)
    assert [(f.subject, f.status) for f in result.facts if f.subject != "guards"] == [
        (None, "agreed"),
        ("total", "agreed"),
    ]
    assert not any("(total)" in line.text for line in result.briefs["s"].summary)
