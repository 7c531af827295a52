"""The bundled demo corpus (written by the project) goes through the pipeline as its key says."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import storytrace
from storytrace.model import Analysis

DEMO = Path(__file__).resolve().parent.parent / "demo"
EXPECTED: dict[str, Any] = json.loads((DEMO / "expected.json").read_text(encoding="utf-8"))
ARTICLE_IDS = sorted(EXPECTED["articles"])


@cache
def demo_analysis() -> Analysis:
    return storytrace.analyze(DEMO / "corpus")


def test_every_demo_article_is_read_and_nothing_is_skipped() -> None:
    result = demo_analysis()
    assert result.skipped == ()
    assert sorted(article.id for article in result.articles) == ARTICLE_IDS


@pytest.mark.parametrize("article_id", ARTICLE_IDS)
def test_language_and_publication_day(article_id: str) -> None:
    expected = EXPECTED["articles"][article_id]
    article = demo_analysis().article(article_id)
    assert article.language == expected["language"]
    assert article.published is not None
    assert article.published[:10] == expected["published"][:10]


@pytest.mark.parametrize("article_id", ARTICLE_IDS)
def test_outlet_where_the_page_names_it(article_id: str) -> None:
    expected = EXPECTED["articles"][article_id]
    article = demo_analysis().article(article_id)
    if expected["format"] != "text" or article_id == "02-sarnvalley-republished":
        # containers state it; the plain-text republication names it in its copyright footer
        assert article.outlet == expected["outlet"]


@pytest.mark.parametrize("article_id", ARTICLE_IDS)
def test_title_is_the_headline(article_id: str) -> None:
    article = demo_analysis().article(article_id)
    expected = EXPECTED["articles"][article_id]["title"]
    assert article.title is not None
    assert article.title.split() == expected.split()  # whitespace folded (no-break spaces too)


def test_sentences_cover_the_text_in_order() -> None:
    for article in demo_analysis().articles:
        previous_end = 0
        for start, end in article.sentences:
            assert previous_end <= start < end <= len(article.text)
            previous_end = end


def test_every_pair_inside_a_story_has_a_relation() -> None:
    result = demo_analysis()
    related = {(relation.a, relation.b) for relation in result.relations}
    for story in result.stories:
        members = sorted(story.articles)
        pairs = {(a, b) for i, a in enumerate(members) for b in members[i + 1 :]}
        assert pairs <= related, sorted(pairs - related)
    story_of = {article: story.id for story in result.stories for article in story.articles}
    assert all(story_of[relation.a] == story_of[relation.b] for relation in result.relations)
    assert [(r.a, r.b) for r in result.relations] == sorted((r.a, r.b) for r in result.relations)
