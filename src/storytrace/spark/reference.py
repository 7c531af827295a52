"""The single-machine run the Spark job must equal, from the library's own stages.

The job runs the ingest, reuse and story stages; this is the same composition in one
process, as ``pipeline.analyze`` composes it, with two differences that follow from what
the job leaves out, both stated here so a comparison is exact:

* reuse runs with ``same_story=False``: the topical same-story search is a pile-wide
  ranking (document frequencies, each article's best partners in the whole pile); the
  stories stage finds same-story pairs itself, and the pipeline relates every pair inside
  a small story afterwards (``_story_pair_relations``), as the job does;
* stories get no ``entities``: those come from the claims stage, whose alias linking runs
  across the whole pile and is not part of the job.
"""

from __future__ import annotations

from collections.abc import Sequence

from storytrace.model import Analysis
from storytrace.pipeline import PathArg, _story_pair_relations, read_articles
from storytrace.reuse import find_relations
from storytrace.stories import find_stories

__all__ = ["trace_locally"]


def trace_locally(paths: Sequence[PathArg]) -> Analysis:
    """What ``run_job`` computes, in this process: articles, relations, stories, skips."""
    articles, skipped = read_articles(paths)
    relations = find_relations(articles, same_story=False)
    stories = find_stories(articles, relations=relations)
    relations = sorted(
        relations + _story_pair_relations(articles, stories, relations),
        key=lambda relation: (relation.a, relation.b),
    )
    return Analysis(
        articles=tuple(sorted(articles, key=lambda a: a.id)),
        skipped=tuple(skipped),
        relations=tuple(relations),
        stories=stories,
    )
