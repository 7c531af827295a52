"""Candidate pairs for verification, from three cheap, sub-quadratic generators.

* word shingles -> MinHash -> LSH bands: copies and excerpts;
* skeleton shingles (names, numbers, capitalised words, in order) -> MinHash -> LSH:
  spun copies, whose words change but whose skeleton does not, and translations;
* topical cosine: same-story pairs (to be classified, typically ``independent``).

Inputs are texts; outputs are index pairs ``(i, j)``, ``i < j``. Texts are processed
in batches so numpy amortises its per-call cost.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from storytrace.model import Article
from storytrace.reuse.lsh import MAX_BUCKET, candidate_pairs
from storytrace.reuse.minhash import NUM_PERM, band_keys, bands_for, signatures
from storytrace.reuse.shingles import batch_shingles
from storytrace.reuse.skeleton import skeleton_text
from storytrace.reuse.topical import same_story_pairs

__all__ = ["LSH_THRESHOLD", "SKELETON_WORDS", "lsh_pairs", "reuse_candidates", "text_keys"]

LSH_THRESHOLD = 0.5
"""Jaccard the band layout is chosen for (recall >= 0.995 there; bench_reuse corpus)."""
SKELETON_WORDS = 2
"""Skeleton tokens per shingle: spun kz2022 pair's skeleton Jaccard is highest at 2."""
BATCH = 512
"""Texts per vectorised batch (bench_reuse: flat above ~256)."""

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
        batch = texts[start : start + BATCH]
        hashes, doc = batch_shingles(batch, words)
        chunks.append(band_keys(signatures(hashes, doc, len(batch), num_perm), *layout))
    return np.concatenate(chunks) if chunks else np.zeros((0, layout[0]), dtype=np.uint64)


def lsh_pairs(
    texts: Sequence[str], *, words: int, max_bucket: int = MAX_BUCKET, **options: int | float
) -> Pairs:
    """Candidate pairs of texts by MinHash-LSH over ``words``-word shingles."""
    keys = text_keys(texts, words=words, **options)  # type: ignore[arg-type]
    return candidate_pairs(keys, max_bucket=max_bucket)


def reuse_candidates(articles: Sequence[Article]) -> set[tuple[int, int]]:
    """Every candidate index pair of ``articles`` from the three generators."""
    texts = [article.text for article in articles]
    found: set[tuple[int, int]] = set()
    found.update(map(tuple, lsh_pairs(texts, words=3).tolist()))
    skeletons = [skeleton_text(text) for text in texts]
    found.update(map(tuple, lsh_pairs(skeletons, words=SKELETON_WORDS).tolist()))
    found.update((i, j) for i, j, _ in same_story_pairs(articles))
    return found
