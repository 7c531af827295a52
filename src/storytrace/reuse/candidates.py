"""Candidate pairs for verification, from three cheap, sub-quadratic generators.

* word shingles -> MinHash -> LSH bands: copies and excerpts;
* skeleton shingles (names, numbers, capitalised words, in order) -> MinHash -> LSH:
  spun copies, whose words change but whose skeleton does not, and translations;
* topical cosine: same-story pairs (to be classified, typically ``independent``).

Inputs are texts; outputs are index pairs ``(i, j)``, ``i < j``. Texts are processed
in batches so numpy amortises its per-call cost. Each generator's pairs are then
bounded (``prune``): a pair must stand out from both articles' neighbourhoods,
and each article keeps at most a few pairs, so a pile of look-alike articles
costs ``O(N)`` verifications, not ``O(N**2)``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from storytrace.model import Article
from storytrace.reuse.lsh import MAX_BUCKET, candidate_pairs
from storytrace.reuse.minhash import NUM_PERM, band_keys, bands_for, signatures
from storytrace.reuse.prune import Bound, agreement, prune
from storytrace.reuse.shingles import batch_shingles
from storytrace.reuse.skeleton import skeleton_text
from storytrace.reuse.topical import same_story_pairs

__all__ = [
    "LSH_THRESHOLD",
    "SKELETON_BOUND",
    "SKELETON_WORDS",
    "WORD_BOUND",
    "lsh_pairs",
    "reuse_candidates",
    "text_keys",
    "text_signatures",
]

LSH_THRESHOLD = 0.5
"""Jaccard the band layout is chosen for (recall >= 0.995 there; bench_reuse corpus)."""
SKELETON_WORDS = 2
"""Skeleton tokens per shingle: spun kz2022 pair's skeleton Jaccard is highest at 2."""
BATCH = 512
"""Texts per vectorised batch (bench_reuse: flat above ~256)."""

WORD_BOUND = Bound(floor=0.2, sure=0.6, margin=1.5, k=10, cap=10)
"""Word-shingle pairs (estimated Jaccard). bench_reuse corpus: planted light edits >= 0.38,
near copies >= 0.64; generated same-beat pile (benchmarks/corpus.py): unrelated pairs
0.23-0.41, so a margin of 1.5 over the neighbourhood keeps copies and drops the pile."""
SKELETON_BOUND = Bound(floor=0.2, sure=0.6, margin=1.5, k=10, cap=10)
"""Skeleton-shingle pairs (estimated Jaccard): bench_reuse spun copies 1.0; same-beat pile
unrelated pairs 0.09-0.31."""

Pairs = npt.NDArray[np.int64]


def text_keys(
    texts: Sequence[str],
    *,
    words: int,
    threshold: float = LSH_THRESHOLD,
    num_perm: int = NUM_PERM,
    bands: int | None = None,
) -> npt.NDArray[np.uint64]:
    """LSH band keys of every text, ``(len(texts), bands)``; key 0 for texts without words.

    ``bands`` overrides the layout ``bands_for(threshold, num_perm)`` chooses
    (rows per band then ``num_perm // bands``).
    """
    layout = bands_for(threshold, num_perm) if bands is None else (bands, num_perm // bands)
    chunks = []
    for start in range(0, len(texts), BATCH):
        chunk = text_signatures(texts[start : start + BATCH], words=words, num_perm=num_perm)
        chunks.append(band_keys(chunk, *layout))
    return np.concatenate(chunks) if chunks else np.zeros((0, layout[0]), dtype=np.uint64)


def text_signatures(
    texts: Sequence[str], *, words: int, num_perm: int = NUM_PERM
) -> npt.NDArray[np.uint64]:
    """MinHash signatures of every text, ``(len(texts), num_perm)``, in batches."""
    chunks = [np.zeros((0, num_perm), dtype=np.uint64)]
    for start in range(0, len(texts), BATCH):
        batch = texts[start : start + BATCH]
        hashes, doc = batch_shingles(batch, words)
        chunks.append(signatures(hashes, doc, len(batch), num_perm))
    return np.concatenate(chunks)


def lsh_pairs(
    texts: Sequence[str], *, words: int, max_bucket: int = MAX_BUCKET, **options: int | float
) -> Pairs:
    """Candidate pairs of texts by MinHash-LSH over ``words``-word shingles."""
    keys = text_keys(texts, words=words, **options)  # type: ignore[arg-type]
    return candidate_pairs(keys, max_bucket=max_bucket)


def bounded_pairs(texts: Sequence[str], *, words: int, bound: Bound) -> Pairs:
    """LSH candidate pairs of ``texts``, scored by estimated Jaccard and bounded."""
    matrix = text_signatures(texts, words=words)
    pairs = candidate_pairs(band_keys(matrix, *bands_for(LSH_THRESHOLD)))
    return prune(pairs, agreement(matrix, pairs), len(texts), bound)


def reuse_candidates(
    articles: Sequence[Article], *, same_story: bool = True
) -> set[tuple[int, int]]:
    """Every candidate index pair of ``articles`` from the generators.

    Args:
        articles: the articles, in a fixed order.
        same_story: also the topical same-story pairs (off when the stories stage
            supplies them).
    """
    texts = [article.text for article in articles]
    found: set[tuple[int, int]] = set()
    found.update(map(tuple, bounded_pairs(texts, words=3, bound=WORD_BOUND).tolist()))
    skeletons = [skeleton_text(text) for text in texts]
    found.update(
        map(tuple, bounded_pairs(skeletons, words=SKELETON_WORDS, bound=SKELETON_BOUND).tolist())
    )
    if same_story:
        found.update((i, j) for i, j, _ in same_story_pairs(articles))
    return found
