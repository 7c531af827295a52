"""Stories and events: which articles tell the same unfolding news, and on which day.

``find_stories`` is the stage's entry point; it feeds a ``StoryIndex`` (incremental
clustering, ``index``) in order of day and turns its groups into ``Story`` records with dated
``Event`` s (``events``). Modules:

- ``dates``     ISO strings to days, day names resolved against a reference day
- ``features``  term vectors with background rarity, entity names, the article's day
- ``index``     the pairwise link rule and the union-find over a stream
- ``postings``  the latest articles under each index key: the candidates of a new one
- ``vectors``   term vectors held compact, and one article's cosines with many at once
- ``events``    event days (derived copies, re-posts, undated articles) and the records

Example:
    >>> from storytrace.stories import find_stories
    >>> stories = find_stories(analysis.articles, entities=analysis.entities,
    ...                        relations=analysis.relations)  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence

from storytrace.model import Article, Entity, Relation, Story
from storytrace.stories.dates import day_of
from storytrace.stories.events import build_story
from storytrace.stories.index import StoryIndex, story_id
from storytrace.stories.postings import arrival_key

__all__ = ["StoryIndex", "find_stories", "stories_of", "story_id"]


def find_stories(
    articles: Sequence[Article],
    *,
    entities: Sequence[Entity] = (),
    relations: Sequence[Relation] = (),
) -> tuple[Story, ...]:
    """Group ``articles`` into stories, and each story into dated events.

    Args:
        articles: the articles of a run (ids unique); their order does not matter.
        entities: the claims stage's entities; shared names count as shared terms.
        relations: the reuse stage's relations; derived kinds join two articles' stories,
            ``independent`` lowers the similarity needed.

    Returns:
        Every story (a single article is a story too), sorted by id.
    """
    index = StoryIndex()
    arrival = sorted(articles, key=lambda a: arrival_key(a.id, day_of(a.published)))
    index.add_batch(arrival, entities=entities, relations=relations)
    titles = {article.id: article.title or "" for article in articles}
    return stories_of(index, titles)


def stories_of(index: StoryIndex, titles: dict[str, str] | None = None) -> tuple[Story, ...]:
    """The stories an index holds now, as records sorted by id."""
    named = titles or {}
    stories = [
        build_story({article_id: index.member(article_id) for article_id in group}, named)
        for group in index.groups()
    ]
    return tuple(sorted(stories, key=lambda story: story.id))
