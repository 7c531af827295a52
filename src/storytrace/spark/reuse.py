"""Stage 6 on Spark: candidate pairs by MinHash-LSH banding as joins, verified by the library.

The steps and the library code each one calls (``reuse.stage.find_relations`` with
``same_story=False`` does the same on one machine):

1. exact duplicates: a ``groupBy`` on a digest of the text; the smallest id of a group is
   its representative, the only member that enters the index (as ``duplicate_groups``);
2. signatures and band keys of each representative, in ``mapInPandas`` over
   ``candidates.text_signatures`` and ``minhash.band_keys`` (word shingles and skeletons);
3. buckets: a ``groupBy`` on the band key; each bucket's sorted members go through
   ``lsh.candidate_pairs`` (every pair, or a chain when the bucket is oversized);
4. scores: ``prune.agreement`` of the two signatures (estimated Jaccard);
5. bounds: the floor as a filter; each article's background and ranks by
   ``prune.neighbourhood`` over its own pairs (a ``groupBy`` on the article), then
   ``prune.stands_out`` and ``prune.within_cap`` per pair: ``prune`` over the pile, piece
   by piece;
6. verification: ``relate_pairs`` on the representative pairs (screen, then alignment),
   ``member_relations`` for the members of duplicate groups, ``identical_relations`` inside
   each group.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np

from storytrace.model import Article
from storytrace.reuse.candidates import (
    LSH_THRESHOLD,
    SKELETON_BOUND,
    SKELETON_WORDS,
    WORD_BOUND,
    text_signatures,
)
from storytrace.reuse.lsh import candidate_pairs
from storytrace.reuse.minhash import band_keys, bands_for
from storytrace.reuse.prune import Bound, agreement, neighbourhood, stands_out, within_cap
from storytrace.reuse.skeleton import skeleton_text
from storytrace.reuse.stage import identical_relations, member_relations, relate_pairs
from storytrace.spark._rows import article_from_json, to_json

__all__ = ["GENERATORS", "RELATION_SCHEMA", "find_relations", "relate_id_pairs"]

RELATION_SCHEMA = "a string, b string, kind string, relation string"
GENERATORS = {"words": (3, WORD_BOUND), "skeleton": (SKELETON_WORDS, SKELETON_BOUND)}
"""Candidate generators: shingle size and bound, as ``reuse_candidates`` uses them."""
_SIGNATURE_SCHEMA = "id string, generator string, signature array<long>, keys array<long>"


def find_relations(articles: Any, groups: Any) -> Any:
    """Relations (``RELATION_SCHEMA``) of ``articles`` (id, article, usable), given their
    duplicate ``groups`` (rep, members: sorted ``struct<id, published>``)."""
    from pyspark.sql import functions as F

    reps = articles.join(groups.select(F.col("rep").alias("id")), "id").where("usable")
    signatures = (
        reps.select("id", "article").mapInPandas(_signatures, _SIGNATURE_SCHEMA).localCheckpoint()
    )
    pairs = None
    for name, (_, bound) in GENERATORS.items():
        found = bounded_pairs(signatures.where(F.col("generator") == name), bound)
        pairs = found if pairs is None else pairs.union(found)
    assert pairs is not None
    rep_pairs = pairs.distinct().localCheckpoint()
    related = relate_id_pairs(rep_pairs, articles, groups=groups)
    return related.unionByName(_copies_within(articles, groups))


def bounded_pairs(signatures: Any, bound: Bound) -> Any:
    """Candidate pairs ``(a, b)``, ``a < b``, of one generator, bounded as ``prune`` does."""
    from pyspark.sql import functions as F

    scored = _scored(_bucket_pairs(signatures), signatures)
    scored = scored.where(F.col("score") >= bound.floor).localCheckpoint()
    grounds = _per_article(scored, bound.k, "ground")
    scored = (
        scored.join(grounds.select(F.col("id").alias("a"), F.col("ground").alias("ground_a")), "a")
        .join(grounds.select(F.col("id").alias("b"), F.col("ground").alias("ground_b")), "b")
        .mapInPandas(_stands_out(bound), "a string, b string, score double")
        .localCheckpoint()
    )
    ranks = _per_article(scored, bound.k, "rank")
    left = ranks.select(
        F.col("id").alias("a"), F.col("other").alias("b"), F.col("rank").alias("ra")
    )
    right = ranks.select(
        F.col("id").alias("b"), F.col("other").alias("a"), F.col("rank").alias("rb")
    )
    ranked = scored.join(left, ["a", "b"]).join(right, ["a", "b"])
    return ranked.mapInPandas(_within_cap(bound), "a string, b string")


def _bucket_pairs(signatures: Any) -> Any:
    """Pairs of ids sharing a band key, through ``lsh.candidate_pairs`` bucket by bucket."""
    from pyspark.sql import functions as F

    keys = signatures.select("id", F.explode("keys").alias("key")).where(F.col("key") != 0)
    buckets = keys.groupBy("key").agg(F.array_sort(F.collect_list("id")).alias("members"))
    buckets = buckets.where(F.size("members") >= 2)
    return buckets.select("members").mapInPandas(_pairs_in_buckets, "a string, b string").distinct()


def _pairs_in_buckets(batches: Iterator[Any]) -> Iterator[Any]:
    import pandas as pd

    for batch in batches:
        rows = []
        for members in batch["members"]:
            local = candidate_pairs(np.ones((len(members), 1), dtype=np.uint64))
            rows += [
                (members[i], members[j]) for i, j in local.tolist() if members[i] != members[j]
            ]
        yield pd.DataFrame(rows, columns=["a", "b"])


def _scored(pairs: Any, signatures: Any) -> Any:
    from pyspark.sql import functions as F

    left = signatures.select(F.col("id").alias("a"), F.col("signature").alias("sa"))
    right = signatures.select(F.col("id").alias("b"), F.col("signature").alias("sb"))
    joined = pairs.join(left, "a").join(right, "b")
    return joined.mapInPandas(_agreement, "a string, b string, score double")


def _agreement(batches: Iterator[Any]) -> Iterator[Any]:
    import pandas as pd

    for batch in batches:
        m = len(batch)
        if m == 0:
            continue
        matrix = np.vstack([np.stack(batch["sa"].to_list()), np.stack(batch["sb"].to_list())])
        local = np.stack((np.arange(m), np.arange(m, 2 * m)), axis=-1).astype(np.int64)
        scores = agreement(matrix.astype(np.int64), local)
        yield pd.DataFrame({"a": batch["a"], "b": batch["b"], "score": scores})


def _per_article(scored: Any, k: int, what: str) -> Any:
    """Each article's background (``what="ground"``: id, ground) or each of its pairs'
    rank among its pairs (``"rank"``: id, other, rank), by ``prune.neighbourhood``."""
    from pyspark.sql import functions as F

    sides = scored.select(F.col("a").alias("id"), F.col("b").alias("other"), "score").union(
        scored.select(F.col("b").alias("id"), F.col("a").alias("other"), "score")
    )
    grouped = sides.groupBy("id").agg(
        F.collect_list("other").alias("others"), F.collect_list("score").alias("scores")
    )
    if what == "ground":
        return grouped.mapInPandas(_grounds(k), "id string, ground double")
    return grouped.mapInPandas(_ranks(k), "id string, other string, rank long")


def _neighbourhood(others: Any, scores: Any, k: int) -> tuple[float, Any]:
    order = np.unique(np.asarray(others, dtype=str), return_inverse=True)[1]
    return neighbourhood(order.astype(np.int64), np.asarray(scores, dtype=np.float64), k)


def _grounds(k: int) -> Any:
    def run(batches: Iterator[Any]) -> Iterator[Any]:
        import pandas as pd

        for batch in batches:
            grounds = [
                _neighbourhood(others, scores, k)[0]
                for others, scores in zip(batch["others"], batch["scores"], strict=True)
            ]
            yield pd.DataFrame({"id": batch["id"], "ground": grounds})

    return run


def _ranks(k: int) -> Any:
    def run(batches: Iterator[Any]) -> Iterator[Any]:
        import pandas as pd

        for batch in batches:
            rows = []
            for article, others, scores in zip(
                batch["id"], batch["others"], batch["scores"], strict=True
            ):
                ranks = _neighbourhood(others, scores, k)[1]
                rows += [(article, o, int(r)) for o, r in zip(others, ranks, strict=True)]
            yield pd.DataFrame(rows, columns=["id", "other", "rank"])

    return run


def _stands_out(bound: Bound) -> Any:
    def run(batches: Iterator[Any]) -> Iterator[Any]:
        for batch in batches:
            scores = batch["score"].to_numpy(dtype=np.float64)
            keep = stands_out(
                scores, batch["ground_a"].to_numpy(), batch["ground_b"].to_numpy(), bound
            )
            yield batch.loc[keep, ["a", "b", "score"]]

    return run


def _within_cap(bound: Bound) -> Any:
    def run(batches: Iterator[Any]) -> Iterator[Any]:
        for batch in batches:
            ra, rb = batch["ra"].to_numpy(np.int64), batch["rb"].to_numpy(np.int64)
            yield batch.loc[within_cap(ra, rb, bound), ["a", "b"]]

    return run


def _signatures(batches: Iterator[Any]) -> Iterator[Any]:
    import pandas as pd

    layout = bands_for(LSH_THRESHOLD)
    for batch in batches:
        texts = [article_from_json(text).text for text in batch["article"]]
        for name, (words, _) in GENERATORS.items():
            inputs = texts if name == "words" else [skeleton_text(text) for text in texts]
            matrix = text_signatures(inputs, words=words)
            keys = band_keys(matrix, *layout)
            yield pd.DataFrame(
                {
                    "id": batch["id"],
                    "generator": name,
                    "signature": list(matrix.view(np.int64)),
                    "keys": list(keys.view(np.int64)),
                }
            )


def relate_id_pairs(pairs: Any, articles: Any, *, groups: Any = None) -> Any:
    """``relate_pairs`` over id pairs ``(a, b)``; with ``groups``, each pair is a pair of
    representatives and its relation is given to every member pair of the two groups."""
    from pyspark.sql import functions as F

    left = articles.select(F.col("id").alias("a"), F.col("article").alias("article_a"))
    right = articles.select(F.col("id").alias("b"), F.col("article").alias("article_b"))
    joined = pairs.join(left, "a").join(right, "b")
    if groups is None:
        return joined.mapInPandas(_relate(expand=False), RELATION_SCHEMA)
    members = groups.select("rep", "members")
    joined = joined.join(
        members.select(F.col("rep").alias("a"), F.col("members").alias("members_a")), "a"
    ).join(members.select(F.col("rep").alias("b"), F.col("members").alias("members_b")), "b")
    return joined.mapInPandas(_relate(expand=True), RELATION_SCHEMA)


def _relate(*, expand: bool) -> Any:
    def run(batches: Iterator[Any]) -> Iterator[Any]:
        import pandas as pd

        for batch in batches:
            by_id = {}
            for column in ("article_a", "article_b"):
                for text in batch[column]:
                    article = article_from_json(text)
                    by_id[article.id] = article
            pairs = list(zip(batch["a"], batch["b"], strict=True))
            relations = relate_pairs(list(by_id.values()), pairs)
            if expand:
                members = _members_by_rep(batch)
                relations = [
                    found
                    for relation in relations
                    for found in member_relations(
                        relation, members[relation.a], members[relation.b]
                    )
                ]
            yield pd.DataFrame(
                [(r.a, r.b, r.kind, to_json(r)) for r in relations],
                columns=["a", "b", "kind", "relation"],
            )

    return run


def _members_by_rep(batch: Any) -> dict[str, list[Article]]:
    """Each representative's group as the light articles ``member_relations`` reads (id and
    date: it names the members and orders them by date)."""
    out: dict[str, list[Article]] = {}
    for side in ("a", "b"):
        for rep, members in zip(batch[side], batch["members_" + side], strict=True):
            out[rep] = [_light(member) for member in members]
    return out


def _light(member: Any) -> Article:
    return Article(id=member["id"], source="", text="", published=member["published"])


def _copies_within(articles: Any, groups: Any) -> Any:
    """``identical_relations`` inside every group of two or more identical texts."""
    from pyspark.sql import functions as F

    big = groups.where(F.size("members") >= 2)
    reps = articles.select(F.col("id").alias("rep"), "article", "usable")
    return big.join(reps, "rep").where("usable").mapInPandas(_identical, RELATION_SCHEMA)


def _identical(batches: Iterator[Any]) -> Iterator[Any]:
    import pandas as pd

    for batch in batches:
        rows = []
        for text, members in zip(batch["article"], batch["members"], strict=True):
            rep = article_from_json(text)
            group = [rep] + [_light(member) for member in members[1:]]
            rows += [(r.a, r.b, r.kind, to_json(r)) for r in identical_relations(group)]
        yield pd.DataFrame(rows, columns=["a", "b", "kind", "relation"])
