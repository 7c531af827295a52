"""Records round-trip through to_dict / from_dict, and the JSON contract keeps its keys."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storytrace.model import (
    CLAIM_STATUSES,
    FACT_STATUSES,
    QUOTE_STATUSES,
    REUSE_KINDS,
    SCHEMA,
    Analysis,
    Article,
    Brief,
    Cited,
    Claim,
    Entity,
    Event,
    Fact,
    Mention,
    Passage,
    Quote,
    Relation,
    Skip,
    Story,
)

optional_text = st.none() | st.text(max_size=30)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    text = draw(st.text(max_size=200))
    spans = sorted(draw(st.lists(st.integers(0, len(text)), max_size=6)))
    return Article(
        id=draw(st.text(min_size=1, max_size=20)),
        source=draw(st.text(max_size=40)),
        text=text,
        url=draw(optional_text),
        outlet=draw(optional_text),
        title=draw(optional_text),
        published=draw(optional_text),
        language=draw(optional_text),
        removed_lines=tuple(draw(st.lists(st.text(max_size=30), max_size=5))),
        sentences=tuple(zip(spans[::2], spans[1::2], strict=False)),
    )


skips = st.builds(Skip, source=st.text(max_size=30), stage=st.text(max_size=10), reason=st.text())
short = st.text(max_size=20)
spans = st.tuples(st.integers(0, 10_000), st.integers(0, 10_000))
scores = st.floats(0, 1, allow_nan=False)
bounds = st.none() | st.floats(0, 1e9, allow_nan=False)
passages = st.builds(
    Passage,
    a=spans,
    b=spans,
    similarity=scores,
    substitutions=st.lists(st.tuples(short, short), max_size=3).map(tuple),
)
relations = st.builds(
    Relation,
    a=short,
    b=short,
    kind=st.sampled_from(REUSE_KINDS),
    origin=st.none() | short,
    score=scores,
    coverage_a=scores,
    coverage_b=scores,
    passages=st.lists(passages, max_size=3).map(tuple),
)
mentions = st.builds(Mention, article=short, span=spans)
entities = st.builds(
    Entity,
    id=short,
    name=short,
    type=short,
    aliases=st.lists(short, max_size=3).map(tuple),
    articles=st.lists(short, max_size=3).map(tuple),
    mentions=st.lists(mentions, max_size=3).map(tuple),
)
quotes = st.builds(
    Quote,
    id=short,
    article=short,
    span=spans,
    text=st.text(max_size=60),
    speaker=st.none() | short,
    entity=st.none() | short,
    cue=st.none() | short,
    status=st.sampled_from(QUOTE_STATUSES),
    matches=st.lists(short, max_size=3).map(tuple),
)
claims = st.builds(
    Claim,
    id=short,
    article=short,
    span=spans,
    text=short,
    measure=short,
    subject=st.none() | short,
    low=bounds,
    high=bounds,
    hedge=st.none() | short,
    attribution=st.none() | short,
    as_of=st.none() | short,
    status=st.sampled_from(CLAIM_STATUSES),
)


@given(articles())
def test_article_round_trips(article: Article) -> None:
    assert Article.from_dict(article.to_dict()) == article


ids = st.lists(short, max_size=3).map(tuple)
events = st.builds(Event, id=short, date=st.none() | short, title=short, articles=ids)
stories = st.builds(
    Story, id=short, title=short, articles=ids, events=st.lists(events, max_size=2).map(tuple)
)
facts = st.builds(
    Fact,
    id=short,
    story=short,
    measure=short,
    subject=st.none() | short,
    status=st.sampled_from(FACT_STATUSES),
    low=bounds,
    high=bounds,
    claims=ids,
    independent_sources=st.integers(0, 50),
    reason=short,
)
summary_lines = st.builds(Cited, text=short, articles=ids)
timeline_entries = st.builds(Cited, text=short, articles=ids, date=st.none() | short)
briefs = st.builds(
    Brief,
    summary=st.lists(summary_lines, max_size=2).map(tuple),
    timeline=st.lists(timeline_entries, max_size=2).map(tuple),
)


@given(
    st.lists(stories, max_size=2),
    st.lists(facts, max_size=2),
    st.dictionaries(short, briefs, max_size=2),
)
def test_story_records_round_trip_through_json(
    found_stories: list[Story], found_facts: list[Fact], found_briefs: dict[str, Brief]
) -> None:
    analysis = Analysis(stories=tuple(found_stories), facts=tuple(found_facts), briefs=found_briefs)
    assert Analysis.from_dict(json.loads(json.dumps(analysis.to_dict()))) == analysis


def test_fact_and_brief_json_follow_the_contract() -> None:
    fact = Fact(
        id="f1",
        story="s1",
        measure="killed",
        subject=None,
        status="agreed",
        low=161,
        high=None,
        claims=("a:c1",),
        independent_sources=2,
        reason="intervals meet",
    )
    assert fact.to_dict()["value"] == [161, None]
    brief = Brief(
        summary=(Cited(text="At least 161 died.", articles=("a",)),),
        timeline=(Cited(text="Dam fails", articles=("a",), date="2031-03-17"),),
    )
    assert brief.to_dict() == {
        "summary": [{"sentence": "At least 161 died.", "articles": ["a"]}],
        "timeline": [{"text": "Dam fails", "articles": ["a"], "date": "2031-03-17"}],
    }


@given(
    st.lists(articles(), max_size=3),
    st.lists(skips, max_size=2),
    st.lists(relations, max_size=2),
    st.lists(entities, max_size=2),
    st.lists(quotes, max_size=2),
    st.lists(claims, max_size=2),
)
def test_analysis_round_trips_through_json(
    items: list[Article],
    skipped: list[Skip],
    found_relations: list[Relation],
    found_entities: list[Entity],
    found_quotes: list[Quote],
    found_claims: list[Claim],
) -> None:
    analysis = Analysis(
        articles=tuple(items),
        skipped=tuple(skipped),
        relations=tuple(found_relations),
        entities=tuple(found_entities),
        quotes=tuple(found_quotes),
        claims=tuple(found_claims),
    )
    assert Analysis.from_dict(json.loads(json.dumps(analysis.to_dict()))) == analysis


def test_relation_json_follows_the_contract() -> None:
    relation = Relation(
        a="x",
        b="y",
        kind="spun",
        origin="x",
        score=0.9,
        coverage_a=0.8,
        coverage_b=0.95,
        passages=(
            Passage(a=(0, 5), b=(0, 6), similarity=0.7, substitutions=(("died", "perished"),)),
        ),
    )
    data = relation.to_dict()
    assert data["coverage"] == {"a": 0.8, "b": 0.95}
    assert data["passages"][0] == {
        "a": [0, 5],
        "b": [0, 6],
        "similarity": 0.7,
        "substitutions": [["died", "perished"]],
    }


@pytest.mark.parametrize(
    ("record", "data"),
    [
        (Relation, {"a": "x", "b": "y", "kind": "cloned", "origin": None, "score": 1}),
        (Quote, {"id": "q", "article": "a", "span": [0, 1], "text": "t", "status": "made-up"}),
        (
            Claim,
            {
                "id": "c",
                "article": "a",
                "span": [0, 1],
                "text": "t",
                "measure": "m",
                "status": "maybe",
            },
        ),
    ],
)
def test_unknown_kinds_and_statuses_are_refused(record: type, data: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="unknown"):
        record.from_dict(data)


def test_contract_keys_are_always_written() -> None:
    data = Analysis().to_dict()
    assert data["schema"] == SCHEMA
    expected = {"articles", "skipped", "relations", "stories", "entities", "quotes", "claims"}
    assert expected | {"facts", "brief", "schema"} <= data.keys()


def test_article_keys_follow_the_contract() -> None:
    data = Article(id="a", source="a.txt", text="x").to_dict()
    contract = {"id", "source", "url", "outlet", "title", "published", "language", "text"}
    assert contract | {"removed_lines"} <= data.keys()


def test_from_dict_refuses_another_schema() -> None:
    with pytest.raises(ValueError, match="schema"):
        Analysis.from_dict({"schema": "something/9"})


def test_sentence_texts_slice_the_text() -> None:
    article = Article(id="a", source="s", text="One. Two.", sentences=((0, 4), (5, 9)))
    assert article.sentence_texts() == ["One.", "Two."]
