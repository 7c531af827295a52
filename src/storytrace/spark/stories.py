"""Stage 7 on Spark: link scores on the workers, the library's joining decision on the driver.

``StoryIndex`` scores only the pairs that share one of their index keys (``Features.keys``)
or a reuse relation, by ``link_margin``, which depends on the two articles alone; which
scored pairs then join stories (best margin first, mutual best matches, the mean margin of
two whole stories) is a sequential decision over the whole pile. So:

1. template lines: each article's ``line_fingerprints``, counted with a group-by; those in
   ``TEMPLATE_MIN_ARTICLES`` articles or more are the pile's template lines;
2. ``member_of`` (features without template lines, weekdays, origin) of each article, in
   ``mapInPandas``;
3. candidate pairs as ``postings.KeyPostings`` makes them: a rank per index key in arrival
   order (``arrival_key``), each article paired with the ``KEY_POSTINGS`` ranked just
   before it (``_key_pairs``), plus every relation's pair;
4. ``link_margin`` of each pair, called as the index calls it (the later article in
   arrival order first), with every member's features broadcast from the driver (which
   holds them for step 5 anyway); pairs with no relation are first sifted by
   ``could_link`` on array cosines, and pairs below ``-MUTUAL_SLACK`` are dropped, as the
   index does;
5. on the driver: the members and the scored pairs are collected and
   ``StoryIndex.add_scored`` makes the stories, the same code ``find_stories`` runs, so the
   stories are the library's by construction (the driver holds every article's features:
   its memory grows with the pile);
6. ``build_story`` on each story's members (events and titles), on the workers;
7. same-story pairs that reuse did not relate, for stories of at most
   ``MAX_PAIRED_STORY_SIZE`` articles, are related by ``relate_pairs`` (as the pipeline does).

Entities are not used: they come from the claims stage, which links names across the whole
pile and does not run here. The single-machine counterpart is ``find_stories`` without
``entities`` (``storytrace.spark.reference``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from itertools import combinations
from typing import Any

import numpy as np

from storytrace.pipeline import MAX_PAIRED_STORY_SIZE
from storytrace.spark._rows import article_from_json, relation_from_json, to_json
from storytrace.spark.reuse import relate_id_pairs
from storytrace.stories.events import build_story
from storytrace.stories.features import (
    TEMPLATE_MIN_ARTICLES,
    Features,
    TemplateLines,
    line_fingerprints,
)
from storytrace.stories.index import (
    MUTUAL_SLACK,
    Member,
    StoryIndex,
    could_link,
    link_margin,
    member_of,
    ordinal,
    stronger_kind,
)
from storytrace.stories.postings import KEY_POSTINGS, arrival_key
from storytrace.stories.vectors import TermArrays

__all__ = ["STORY_SCHEMA", "find_stories", "story_pair_relations"]

STORY_SCHEMA = "id string, title string, size long, story string"
_MEMBER_SCHEMA = "id string, title string, keys array<string>, day long, member string"
_SCORED_SCHEMA = "later string, earlier string, margin double, kind string"


def find_stories(articles: Any, relations: Any) -> Any:
    """Stories (``STORY_SCHEMA``) of ``articles`` (id, article) given their ``relations``."""
    from pyspark.sql import functions as F

    members = _members(articles, relations).localCheckpoint()
    collected = members.select("id", "member").toArrow()  # Arrow: rows as columns, not Row objects
    table = dict(zip(collected["id"].to_pylist(), collected["member"].to_pylist(), strict=True))
    scored = _scored_pairs(members, relations, table)
    labels = _labels_on_driver(members, table, scored)
    grouped = labels.join(members, "id").groupBy("label")
    stories = grouped.agg(F.collect_list(F.struct("id", "title", "member")).alias("members"))
    return stories.mapInPandas(_build_stories, STORY_SCHEMA)


def _members(articles: Any, relations: Any) -> Any:
    from pyspark.sql import functions as F

    ends = relations.select(F.col("a").alias("id"), "relation").union(
        relations.select(F.col("b").alias("id"), "relation")
    )
    touching = ends.groupBy("id").agg(F.collect_list("relation").alias("relations"))
    templates = _template_lines(articles)
    return (
        articles.join(touching, "id", "left")
        .join(templates, "id", "left")
        .mapInPandas(_member_rows, _MEMBER_SCHEMA)
    )


def _template_lines(articles: Any) -> Any:
    """(id, template): each article's lines that ``TEMPLATE_MIN_ARTICLES`` or more articles
    hold (hex fingerprints), counted as ``TemplateLines`` counts them."""
    from pyspark.sql import functions as F

    lines = articles.mapInPandas(_fingerprint_rows, "id string, line string")
    common = (
        lines.groupBy("line")
        .agg(F.count("*").alias("articles"))
        .where(F.col("articles") >= TEMPLATE_MIN_ARTICLES)
        .select("line")
    )
    return lines.join(common, "line").groupBy("id").agg(F.collect_list("line").alias("template"))


def _fingerprint_rows(batches: Iterator[Any]) -> Iterator[Any]:
    import pandas as pd

    for batch in batches:
        rows = [
            (article.id, key.hex())
            for article in map(article_from_json, batch["article"])
            for key in sorted(line_fingerprints(article.text))
        ]
        yield pd.DataFrame(rows, columns=["id", "line"])


def _member_rows(batches: Iterator[Any]) -> Iterator[Any]:
    import pandas as pd

    for batch in batches:
        rows = []
        columns = (batch["article"], batch["relations"], batch["template"])
        for text, found, template in zip(*columns, strict=True):
            article = article_from_json(text)
            relations = [relation_from_json(r) for r in found] if found is not None else []
            lines = [bytes.fromhex(key) for key in template] if template is not None else []
            member = member_of(article, relations=relations, templates=TemplateLines.known(lines))
            features = member.features
            day = features.day.toordinal() if features.day else None
            rows.append(
                (article.id, article.title or "", list(features.keys), day, _member_json(member))
            )
        yield pd.DataFrame(rows, columns=["id", "title", "keys", "day", "member"])


def _member_json(member: Member) -> str:
    features = member.features
    return json.dumps(
        {
            "id": features.id,
            "vector": dict(features.vector),
            "keys": list(features.keys),
            "day": features.day.isoformat() if features.day else None,
            "ages": sorted(features.ages),
            "addresses": sorted(features.addresses),
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
        ages=frozenset(data["ages"]),
        addresses=frozenset(data["addresses"]),
    )
    return Member(
        features=features,
        published=data["published"],
        weekdays=frozenset(data["weekdays"]),
        origin=data["origin"],
    )


def _scored_pairs(members: Any, relations: Any, table: dict[str, str]) -> Any:
    """(later, earlier, margin, kind) of the key-sharing and related pairs (later and earlier
    in arrival order), scored by the library's ``link_margin``; pairs the index would drop
    are left out.

    The members' features (``table``, id -> member JSON, already on the driver for the
    joining decision) are broadcast to the workers once, rather than joined onto every
    candidate pair: the join shipped two features records per pair through the shuffle
    (10,000 generated articles in ``local[2]``: the stage took 287 s, 4.8x its in-process
    time).
    """
    from pyspark.sql import functions as F

    shared = _key_pairs(members)
    kinds = relations.groupBy("a", "b").agg(F.collect_list("kind").alias("kinds"))
    pairs = shared.join(kinds, ["a", "b"], "full_outer")
    broadcast = members.sparkSession.sparkContext.broadcast(table)

    def margins(batches: Iterator[Any]) -> Iterator[Any]:
        return _margins(batches, broadcast.value)

    by_first = pairs.sortWithinPartitions("a")
    return by_first.mapInPandas(margins, _SCORED_SCHEMA).where(F.col("margin") >= -MUTUAL_SLACK)


def _key_pairs(members: Any) -> Any:
    """(a, b), ``a`` < ``b``: the pairs ``KeyPostings`` makes candidates when a pile is added
    in arrival order (``arrival_key``): under each key, every article and the
    ``KEY_POSTINGS`` articles ranked just before it. Ranks are cut into blocks of
    ``KEY_POSTINGS`` so the pairs meet by an equi-join on key and block: the join grows with
    the postings kept, not with the square of a key's articles."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    slots = members.select("id", "day", F.explode("keys").alias("key"))
    arrival = Window.partitionBy("key").orderBy(F.col("day").asc_nulls_last(), F.col("id"))
    ranked = slots.withColumn("rank", F.row_number().over(arrival)).withColumn(
        "block", F.floor((F.col("rank") - 1) / KEY_POSTINGS)
    )
    probes = ranked.withColumn("near", F.explode(F.array(F.col("block") - 1, F.col("block"))))
    same_block = (F.col("x.key") == F.col("y.key")) & (F.col("x.near") == F.col("y.block"))
    kept_before = (F.col("y.rank") < F.col("x.rank")) & (
        F.col("y.rank") >= F.col("x.rank") - KEY_POSTINGS
    )
    return (
        probes.alias("x")
        .join(ranked.alias("y"), same_block)
        .where(kept_before)
        .select(F.least("x.id", "y.id").alias("a"), F.greatest("x.id", "y.id").alias("b"))
        .distinct()
    )


def _margins(batches: Iterator[Any], table: dict[str, str]) -> Iterator[Any]:
    """``link_margin`` of each pair (later article first, as the index calls it); pairs with
    no reuse relation are first sifted by ``could_link`` on array cosines, as the index sifts
    them (a pair sifted out is below ``-MUTUAL_SLACK`` either way), grouped by their ``a``
    (the partitions come sorted by it)."""
    import pandas as pd

    decoded = _decoded(table)
    for batch in batches:
        pairs = list(zip(batch["a"], batch["b"], map(_pair_kind, batch["kinds"]), strict=True))
        keyed: dict[str, list[str]] = defaultdict(list)
        for a, b, kind in pairs:
            if kind is None:
                keyed[a].append(b)
        kept = {(a, b) for a, others in keyed.items() for b in decoded.could_link(a, others)}
        rows = []
        for a, b, kind in pairs:
            if kind is not None or (a, b) in kept:
                earlier, later = sorted((decoded[a], decoded[b]), key=_arrival)
                rows.append((later.id, earlier.id, link_margin(later, earlier, kind), kind))
        yield pd.DataFrame(rows, columns=["later", "earlier", "margin", "kind"])


class _Decoded:
    """A worker's decoded members of one broadcast table: features by id, and their vectors
    as ``TermArrays``, each decoded once when first needed."""

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table
        self._features: dict[str, Features] = {}
        self._arrays = TermArrays()

    def __getitem__(self, article_id: str) -> Features:
        found = self._features.get(article_id)
        if found is None:
            found = self._features[article_id] = _member_from_json(self.table[article_id]).features
            self._arrays.add(article_id, found.vector)
        return found

    def could_link(self, article_id: str, others: list[str]) -> list[str]:
        """Those of ``others`` that ``could_link`` with ``article_id``."""
        days = np.array([ordinal(self[other].day) for other in others], dtype=np.float64)
        return could_link(self[article_id], others, self._arrays, days)


_DECODED: list[_Decoded] = []


def _decoded(table: dict[str, str]) -> _Decoded:
    """This worker's ``_Decoded`` of ``table``, kept across its tasks: Python workers are
    reused and the broadcast value stays the same object, so a member is decoded once per
    worker, not once per partition."""
    if not _DECODED or _DECODED[0].table is not table:
        _DECODED[:] = [_Decoded(table)]
    return _DECODED[0]


def _arrival(features: Features) -> tuple[bool, int, str]:
    return arrival_key(features.id, features.day)


def _pair_kind(kinds: Any) -> str | None:
    kind: str | None = None
    for found in kinds if kinds is not None else ():
        kind = stronger_kind(kind, found)
    return kind


def _labels_on_driver(members: Any, table: dict[str, str], scored: Any) -> Any:
    """(id, label: the smallest id of its story), decided on the driver by the library's
    ``StoryIndex.add_scored`` over every member (``table``) and scored pair, in arrival order
    as ``find_stories`` adds them."""
    members_by_id = {article_id: _member_from_json(text) for article_id, text in table.items()}
    arrival = sorted(members_by_id.values(), key=lambda member: _arrival(member.features))
    index = StoryIndex()
    index.add_scored(
        {member.features.id: member for member in arrival}, _scored_rows(scored.toArrow())
    )
    labels = [(article_id, group[0]) for group in index.groups() for article_id in group]
    return members.sparkSession.createDataFrame(labels, "id string, label string")


def _scored_rows(table: Any) -> Iterator[tuple[float, str, str, str | None]]:
    """``(margin, later id, earlier id, kind)``, as ``StoryIndex.add_scored`` takes them."""
    columns = [table[name].to_pylist() for name in ("margin", "later", "earlier", "kind")]
    return zip(*columns, strict=True)


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
