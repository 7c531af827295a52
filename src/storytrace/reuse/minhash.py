"""MinHash signatures by one-permutation hashing, and the band layout for LSH.

Classic MinHash applies ``num_perm`` hash functions to every shingle: work
grows with ``shingles x num_perm``. One-permutation hashing (Li, Owen & Zhang
2012) hashes each shingle once, splits the hash range into ``num_perm`` bins
and keeps the minimum in each bin; empty bins borrow from the next filled bin
to their right with a per-distance offset ("rotation" densification,
Shrivastava & Li 2014), so that two texts agree in a bin with probability
close to their Jaccard similarity. Work is one sort per article, and a whole
batch of articles is one ``np.minimum.at``.

Pure numpy, free of any engine (the Spark path calls these same functions).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import numpy.typing as npt

from storytrace.reuse.shingles import Hashes, mix64

__all__ = ["NUM_PERM", "band_keys", "bands_for", "recall_at", "signatures"]

NUM_PERM = 128
"""Signature length. 128 bins leave few empty bins on news articles (>= 100 shingles)."""

_EMPTY = np.uint64(2**64 - 1)
_ROTATE = np.uint64(0x9E3779B97F4A7C15)


def signatures(
    hashes: Hashes, doc: npt.NDArray[np.intp], n_docs: int, num_perm: int = NUM_PERM
) -> Hashes:
    """One-permutation MinHash signatures of many texts at once.

    Args:
        hashes: shingle hashes (from ``batch_shingles``).
        doc: index of the text each hash belongs to.
        n_docs: number of texts.
        num_perm: bins per signature; a power of two.

    Returns:
        An ``(n_docs, num_perm)`` uint64 array. A text without shingles gets
        a row of all-ones (``2**64 - 1``) that ``band_keys`` never buckets.
    """
    shift = np.uint64(64 - _log2(num_perm))
    signature = np.full(n_docs * num_perm, _EMPTY, dtype=np.uint64)
    cells = doc.astype(np.int64) * num_perm + (hashes >> shift).astype(np.int64)
    np.minimum.at(signature, cells, hashes)
    matrix = signature.reshape(n_docs, num_perm)
    _densify(matrix)
    return matrix


def _log2(num_perm: int) -> int:
    bits = num_perm.bit_length() - 1
    if num_perm < 2 or 1 << bits != num_perm:
        raise ValueError(f"num_perm must be a power of two >= 2, got {num_perm}")
    return bits


def _densify(matrix: Hashes) -> None:
    """Fill empty bins from the next filled bin to the right (circular), in place."""
    empty = matrix == _EMPTY
    rows = np.flatnonzero(empty.any(axis=1) & ~empty.all(axis=1))
    width = matrix.shape[1]
    for row in rows:
        filled = np.flatnonzero(~empty[row])
        holes = np.flatnonzero(empty[row])
        nxt = np.searchsorted(filled, holes) % len(filled)
        source = filled[nxt]
        distance = ((source - holes) % width).astype(np.uint64)
        matrix[row, holes] = mix64(matrix[row, source] + distance * _ROTATE)


def recall_at(similarity: float, bands: int, rows: int) -> float:
    """Probability that two texts of this Jaccard similarity share at least one band."""
    return 1.0 - (1.0 - similarity**rows) ** bands


@lru_cache(maxsize=64)
def bands_for(
    threshold: float, num_perm: int = NUM_PERM, *, recall: float = 0.995
) -> tuple[int, int]:
    """The band layout ``(bands, rows)`` for an LSH index that finds pairs at ``threshold``.

    Picks the most rows per band (fewest chance candidates) for which a pair at
    Jaccard ``threshold`` still shares a band with probability ``>= recall``,
    using as many bands as ``num_perm`` allows. Recall is the aim; verification
    (sentence alignment) restores precision, so the layout errs towards more
    candidates.

    Example:
        >>> bands_for(0.5, 128)
        (42, 3)
        >>> bands_for(0.8, 128)
        (21, 6)
    """
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    best = (num_perm, 1)
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        if recall_at(threshold, bands, rows) < recall:
            break
        best = (bands, rows)
    return best


def band_keys(matrix: Hashes, bands: int, rows: int) -> npt.NDArray[np.uint64]:
    """One 64-bit key per (text, band): texts sharing a key are candidates.

    The band index is mixed into the key, so one flat table can hold every band.
    Rows of all-ones (texts without shingles) get key 0, which callers skip.
    """
    if bands * rows > matrix.shape[1]:
        raise ValueError(f"{bands} bands x {rows} rows exceed {matrix.shape[1]} bins")
    keys = np.zeros((matrix.shape[0], bands), dtype=np.uint64)
    for row in range(rows):
        keys = mix64(keys + matrix[:, row : bands * rows : rows][:, :bands])
    keys = mix64(keys + np.arange(bands, dtype=np.uint64) * _ROTATE)
    keys[(matrix == _EMPTY).all(axis=1)] = 0
    return keys
