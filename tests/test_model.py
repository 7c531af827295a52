"""Records round-trip through to_dict / from_dict, and the JSON contract keeps its keys."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storytrace.model import SCHEMA, Analysis, Article, Skip

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


@given(articles())
def test_article_round_trips(article: Article) -> None:
    assert Article.from_dict(article.to_dict()) == article


@given(st.lists(articles(), max_size=4), st.lists(skips, max_size=3))
def test_analysis_round_trips_through_json(items: list[Article], skipped: list[Skip]) -> None:
    analysis = Analysis(articles=tuple(items), skipped=tuple(skipped))
    assert Analysis.from_dict(json.loads(json.dumps(analysis.to_dict()))) == analysis


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
