"""The kz2022 corpus (five real reports, read from ../shared at run time): stories and events.

Must show: one story with two events; the report re-posted weeks later (its page carries
a later date) is dated to its event, before the others, not to the re-post.
"""

from __future__ import annotations

from functools import cache

import pytest

import storytrace
from storytrace.model import Analysis, Story
from storytrace.stories import find_stories
from tests.conftest import require_shared

pytestmark = pytest.mark.shared


@cache
def _analysis() -> Analysis:
    return storytrace.analyze(require_shared("corpus", "kz2022"))


@cache
def _stories() -> tuple[Story, ...]:
    analysis = _analysis()
    return find_stories(analysis.articles, entities=analysis.entities, relations=analysis.relations)


def test_one_story_with_two_events() -> None:
    (story,) = _stories()
    assert len(story.articles) == 5
    assert [len(event.articles) for event in story.events] == [1, 4]
    first, second = story.events
    assert first.date is not None and second.date is not None and first.date < second.date
    assert first.articles[0].startswith("002")
    assert second.id == f"{story.id}/e2"


def test_repost_dated_to_its_event_not_to_its_page_date() -> None:
    analysis = _analysis()
    (story,) = _stories()
    repost = next(a for a in analysis.articles if a.id.startswith("002"))
    dated = next(a for a in analysis.articles if a.id.startswith("003"))
    assert repost.published is not None and dated.published is not None
    assert repost.published > dated.published  # the page date is weeks later
    assert story.events[0].date is not None and story.events[0].date < dated.published[:10]


def test_without_relations_or_entities_the_story_holds() -> None:
    stories = find_stories(_analysis().articles)
    assert [len(story.articles) for story in stories] == [5]
