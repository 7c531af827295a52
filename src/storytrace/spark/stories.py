"""Stage 7 on Spark: stories as connected components of the library's own links.

``StoryIndex`` links two articles when ``links(features, features, kind)`` holds, and only
asks about pairs that share one of their index keys (``Features.keys``) or a reuse
relation; stories are the connected components of those links. Every link depends on its
two articles alone (their features and the relation between them), which is what makes
the clustering a distributed job with the same answer:

1. ``member_of`` (features, weekdays, origin) of each article, in ``mapInPandas``;
2. candidate pairs: a self-join on the exploded index keys, plus every relation's pair;
3. ``links`` on each pair, called as the index calls it (the later id's features first);
4. connected components of the linked pairs by iterative min-label propagation, as
   DataFrame joins (each round, every article takes the smallest label among itself and
   its neighbours; it stops when no label changes);
5. ``build_story`` on each component's members (events and titles);
6. same-story pairs that reuse did not relate, for stories of at most
   ``MAX_PAIRED_STORY_SIZE`` articles, are related by ``relate_pairs`` (as the pipeline does).

Entities are not used: they come from the claims stage, which links names across the whole
pile and does not run here. The single-machine counterpart is ``find_stories`` without
``entities`` (``storytrace.spark.reference``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from itertools import combinations
from typing import Any

from storytrace.pipeline import MAX_PAIRED_STORY_SIZE
from storytrace.spark._rows import article_from_json, relation_from_json, to_json
from storytrace.spark.reuse import relate_id_pairs
from storytrace.stories.events import build_story
from storytrace.stories.features import Features
from storytrace.stories.index import Member, links, member_of

__all__ = ["STORY_SCHEMA", "components", "find_stories", "story_pair_relations"]

STORY_SCHEMA = "id string, title string, size long, story string"
_MEMBER_SCHEMA = "id string, title string, keys array<string>, member string"
MAX_ROUNDS = 200
"""Label-propagation rounds at most; a story chain longer than this is left split (and
logged), which no corpus measured here comes near (bench_spark: 3 rounds)."""


def find_stories(articles: Any, relations: Any) -> Any:
    """Stories (``STORY_SCHEMA``) of ``articles`` (id, article) given their ``relations``."""
    members = _members(articles, relations).localCheckpoint()
    edges = _linked_pairs(members, relations).localCheckpoint()
    labels = components(members.select("id"), edges)
    grouped = labels.join(members, "id").groupBy("label")
    from pyspark.sql import functions as F

    stories = grouped.agg(F.collect_list(F.struct("id", "title", "member")).alias("members"))
    return stories.mapInPandas(_build_stories, STORY_SCHEMA)


def _members(articles: Any, relations: Any) -> Any:
    from pyspark.sql import functions as F

    ends = relations.select(F.col("a").alias("id"), "relation").union(
        relations.select(F.col("b").alias("id"), "relation")
    )
    touching = ends.groupBy("id").agg(F.collect_list("relation").alias("relations"))
    return articles.join(touching, "id", "left").mapInPandas(_member_rows, _MEMBER_SCHEMA)


def _member_rows(batches: Iterator[Any]) -> Iterator[Any]:
    import pandas as pd

    for batch in batches:
        rows = []
        for text, found in zip(batch["article"], batch["relations"], strict=True):
            article = article_from_json(text)
            relations = [relation_from_json(r) for r in found] if found is not None else []
            member = member_of(article, relations=relations)
            rows.append(
                (article.id, article.title or "", list(member.features.keys), _member_json(member))
            )
        yield pd.DataFrame(rows, columns=["id", "title", "keys", "member"])


def _member_json(member: Member) -> str:
    features = member.features
    return json.dumps(
        {
            "id": features.id,
            "vector": dict(features.vector),
            "keys": list(features.keys),
            "day": features.day.isoformat() if features.day else None,
            "published": member.published,
            "weekdays": sorted(member.weekdays),
            "origin": member.origin,
        },
        ensure_ascii=False,
    )


def _member_from_json(text: str) -> Member:
    data = json.loads(text)
    features = Features(
        id=data["id"],
        vector=data["vector"],
        keys=tuple(data["keys"]),
        day=date.fromisoformat(data["day"]) if data["day"] else None,
    )
    return Member(
        features=features,
        published=data["published"],
        weekdays=frozenset(data["weekdays"]),
        origin=data["origin"],
    )


def _linked_pairs(members: Any, relations: Any) -> Any:
    """Pairs ``(a, b)`` the library's ``links`` joins, among key-sharing and related pairs."""
    from pyspark.sql import functions as F

    keys = members.select("id", F.explode("keys").alias("key"))
    shared = (
        keys.alias("x")
        .join(keys.alias("y"), "key")
        .where(F.col("x.id") < F.col("y.id"))
        .select(F.col("x.id").alias("a"), F.col("y.id").alias("b"))
        .distinct()
    )
    kinds = relations.groupBy("a", "b").agg(F.first("kind").alias("kind"))
    pairs = shared.join(kinds, ["a", "b"], "full_outer")
    left = members.select(F.col("id").alias("a"), F.col("member").alias("member_a"))
    right = members.select(F.col("id").alias("b"), F.col("member").alias("member_b"))
    joined = pairs.join(left, "a").join(right, "b")
    return joined.mapInPandas(_links, "a string, b string")


def _links(batches: Iterator[Any]) -> Iterator[Any]:
    for batch in batches:
        features: dict[str, Features] = {}
        for column, side in (("member_a", "a"), ("member_b", "b")):
            for article_id, text in zip(batch[side], batch[column], strict=True):
                if article_id not in features:
                    features[article_id] = _member_from_json(text).features
        keep = [
            # the index asks links(arriving article, article already in): the later id first
            links(features[b], features[a], kind)
            for a, b, kind in zip(batch["a"], batch["b"], batch["kind"], strict=True)
        ]
        yield batch.loc[keep, ["a", "b"]]


def components(vertices: Any, edges: Any) -> Any:
    """Connected components (id, label: the smallest id of its component) of ``edges``
    (a, b) over ``vertices`` (id), by min-label propagation as DataFrame joins."""
    from pyspark.sql import functions as F

    both = edges.select("a", "b").union(edges.select(F.col("b").alias("a"), F.col("a").alias("b")))
    both = both.localCheckpoint()
    labels = vertices.select("id", F.col("id").alias("label")).localCheckpoint()
    for _ in range(MAX_ROUNDS):
        offered = both.join(labels.select(F.col("id").alias("b"), "label"), "b").groupBy("a")
        best = offered.agg(F.min("label").alias("offer"))
        joined = labels.join(best.withColumnRenamed("a", "id"), "id", "left")
        smaller = F.when(F.col("offer") < F.col("label"), F.col("offer")).otherwise(F.col("label"))
        updated = joined.select(
            "id", smaller.alias("label"), (smaller != F.col("label")).alias("moved")
        )
        updated = updated.localCheckpoint()
        if updated.where("moved").limit(1).count() == 0:
            return updated.select("id", "label")
        labels = updated.select("id", "label")
    return labels


def _build_stories(batches: Iterator[Any]) -> Iterator[Any]:
    import pandas as pd

    for batch in batches:
        rows = []
        for group in batch["members"]:
            members = {item["id"]: _member_from_json(item["member"]) for item in group}
            titles = {item["id"]: item["title"] for item in group}
            story = build_story(members, titles)
            rows.append((story.id, story.title, len(story.articles), to_json(story)))
        yield pd.DataFrame(rows, columns=["id", "title", "size", "story"])


def story_pair_relations(stories: Any, articles: Any, relations: Any) -> Any:
    """Relations of the same-story pairs (stories up to ``MAX_PAIRED_STORY_SIZE``) that
    ``relations`` lacks, by ``relate_pairs``."""
    from pyspark.sql import functions as F

    small = stories.where(F.col("size") <= MAX_PAIRED_STORY_SIZE).where(F.col("size") >= 2)
    pairs = small.select("story").mapInPandas(_member_pairs, "a string, b string")
    missing = pairs.join(relations.select("a", "b"), ["a", "b"], "left_anti")
    return relate_id_pairs(missing, articles)


def _member_pairs(batches: Iterator[Any]) -> Iterator[Any]:
    import pandas as pd

    from storytrace.spark._rows import story_from_json

    for batch in batches:
        rows = [
            pair
            for text in batch["story"]
            for pair in combinations(sorted(story_from_json(text).articles), 2)
        ]
        yield pd.DataFrame(rows, columns=["a", "b"])
