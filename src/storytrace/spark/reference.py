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

import time
from collections.abc import Sequence
from typing import TypeVar

from storytrace.model import Analysis
from storytrace.pipeline import PathArg, _story_pair_relations, read_articles
from storytrace.reuse import find_relations
from storytrace.stories import find_stories

__all__ = ["trace_locally"]

T = TypeVar("T")


def trace_locally(paths: Sequence[PathArg], *, seconds: dict[str, float] | None = None) -> Analysis:
    """What ``run_job`` computes, in this process: articles, relations, stories, skips.

    ``seconds``, when given, receives the wall time of each stage (named as ``run_job``
    names its stages), for benchmarks.
    """
    lap = _Laps(seconds if seconds is not None else {})
    articles, skipped = lap("clean", read_articles(paths))
    relations = lap("reuse", find_relations(articles, same_story=False))
    stories = lap("stories", find_stories(articles, relations=relations))
    paired = lap("story_pairs", _story_pair_relations(articles, stories, relations))
    relations = sorted(relations + paired, key=lambda relation: (relation.a, relation.b))
    return Analysis(
        articles=tuple(sorted(articles, key=lambda a: a.id)),
        skipped=tuple(skipped),
        relations=tuple(relations),
        stories=stories,
    )


class _Laps:
    """Records the seconds since the previous call under each stage name."""

    def __init__(self, seconds: dict[str, float]) -> None:
        self.seconds = seconds
        self._last = time.perf_counter()

    def __call__(self, stage: str, result: T) -> T:
        now = time.perf_counter()
        self.seconds[stage] = round(now - self._last, 2)
        self._last = now
        return result
