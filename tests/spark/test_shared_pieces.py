"""The library pieces the Spark job calls piecewise give what the library gives whole.

No Spark here: these check, on random inputs, that per-article ``prune.neighbourhood``
equals ``prune``'s pile-wide background and ranks, and that a line profile rebuilt from
counted ``LineStats.entries`` answers as the profile built document by document.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from storytrace.ingest.line_stats import MAX_SKETCHES_PER_LINE, LineStats
from storytrace.model import Document
from storytrace.reuse.prune import Bound, background, neighbourhood, prune, stands_out, within_cap

pair_lists = st.lists(
    st.tuples(st.integers(0, 12), st.integers(0, 12), st.sampled_from([0.2, 0.3, 0.5, 0.7, 1.0])),
    max_size=60,
)


def _unique_pairs(raw: list[tuple[int, int, float]]) -> tuple[np.ndarray, np.ndarray]:
    found: dict[tuple[int, int], float] = {}
    for i, j, score in raw:
        if i != j:
            found.setdefault((min(i, j), max(i, j)), score)
    pairs = np.array(sorted(found), dtype=np.int64).reshape(-1, 2)
    scores = np.array([found[tuple(p)] for p in pairs.tolist()], dtype=np.float64)
    return pairs, scores


def _piecewise_prune(pairs: np.ndarray, scores: np.ndarray, bound: Bound) -> set[tuple[int, int]]:
    """``prune`` as the Spark job runs it: per-article neighbourhoods, then per-pair tests."""
    keep = scores >= bound.floor
    pairs, scores = pairs[keep], scores[keep]
    ground = {a: _side(a, pairs, scores, bound.k)[0] for a in set(pairs.ravel().tolist())}
    left = np.array([ground[a] for a in pairs[:, 0]], dtype=np.float64)
    right = np.array([ground[b] for b in pairs[:, 1]], dtype=np.float64)
    keep = stands_out(scores, left, right, bound) if len(pairs) else np.zeros(0, bool)
    pairs, scores = pairs[keep], scores[keep]
    ranks = {}
    for article in set(pairs.ravel().tolist()):
        others, article_ranks = _side(article, pairs, scores, bound.k)[1:]
        ranks.update({(article, o): r for o, r in zip(others, article_ranks, strict=True)})
    ra = np.array([ranks[(a, b)] for a, b in pairs.tolist()], dtype=np.int64)
    rb = np.array([ranks[(b, a)] for a, b in pairs.tolist()], dtype=np.int64)
    return {tuple(p) for p in pairs[within_cap(ra, rb, bound)].tolist()} if len(pairs) else set()


def _side(article: int, pairs: np.ndarray, scores: np.ndarray, k: int) -> tuple[float, list, list]:
    mine = (pairs[:, 0] == article) | (pairs[:, 1] == article)
    others = np.where(pairs[mine, 0] == article, pairs[mine, 1], pairs[mine, 0])
    ground, ranks = neighbourhood(others, scores[mine], k)
    return ground, others.tolist(), ranks.tolist()


@given(pair_lists, st.booleans())
def test_piecewise_prune_equals_prune(raw: list[tuple[int, int, float]], mutual: bool) -> None:
    pairs, scores = _unique_pairs(raw)
    bound = Bound(floor=0.25, sure=0.9, margin=1.5, k=3, cap=2, mutual=mutual)
    whole = {tuple(p) for p in prune(pairs, scores, 13, bound).tolist()}
    assert _piecewise_prune(pairs, scores, bound) == whole


@given(pair_lists)
def test_neighbourhood_background_equals_background(raw: list[tuple[int, int, float]]) -> None:
    pairs, scores = _unique_pairs(raw)
    whole = background(pairs, scores, 13, 3) if len(pairs) else np.zeros(13)
    for article in range(13):
        assert _side(article, pairs, scores, 3)[0] == whole[article]


lines = st.sampled_from(
    ["Subscribe now", "All rights reserved 2024", "The council met on Monday to vote on it all",
     "Rain is expected in the north later this week says the office", "Home | News | Sport"]
)  # fmt: skip


@given(st.lists(st.tuples(st.lists(lines, min_size=1, max_size=5), st.integers(0, 2)), max_size=40))
def test_counted_entries_rebuild_the_profile(docs: list[tuple[list[str], int]]) -> None:
    documents = [
        Document(id=str(n), source=f"site{site}/{n}.txt", format="text", text="\n".join(text))
        for n, (text, site) in enumerate(docs)
    ]
    whole = LineStats.from_documents(documents)
    counted: dict[tuple[str, int], list[tuple[int, ...]]] = {}
    for document in documents:
        for scope, value, sketch in LineStats.entries(document):
            counted.setdefault((scope, value), []).append(sketch)
    records = [
        (scope, value, len(found), sorted(set(found))[:MAX_SKETCHES_PER_LINE])
        for (scope, value), found in counted.items()
    ]
    rebuilt = LineStats.from_records(records, documents=len(documents))
    for document in documents:
        for line in document.text.split("\n"):
            assert rebuilt.repetition(document, line) == whole.repetition(document, line)
