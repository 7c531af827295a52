"""Band keys -> candidate pairs, with a cap on bucket sizes.

A bucket is the set of texts that share one band key. Every pair inside a
bucket is a candidate, which costs ``m * (m - 1) / 2`` for a bucket of ``m``:
a thousand copies of one text would cost half a million pairs in every band.
Two guards keep the work linear in such piles:

* exact duplicates are grouped before indexing (``duplicate_groups``) and only
  one representative per group enters the index;
* a bucket larger than ``max_bucket`` contributes a chain (each member paired
  with the next, in a fixed order) instead of all its pairs. Its members are
  near-identical in that band, and the other bands add the pairs that matter.

Pure numpy, free of any engine.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

__all__ = ["MAX_BUCKET", "candidate_pairs", "duplicate_groups"]

MAX_BUCKET = 32
"""Buckets above this size are chained, not expanded (bench_reuse corpus: planted groups
are at most 6 texts, so a cap of 32 never costs recall there)."""

Pairs = npt.NDArray[np.int64]


def duplicate_groups(fingerprints: Sequence[object]) -> list[list[int]]:
    """Indices grouped by equal fingerprint, each group in index order, groups by first index."""
    groups: dict[object, list[int]] = {}
    for index, fingerprint in enumerate(fingerprints):
        groups.setdefault(fingerprint, []).append(index)
    return sorted(groups.values(), key=lambda group: group[0])


def candidate_pairs(keys: npt.NDArray[np.uint64], *, max_bucket: int = MAX_BUCKET) -> Pairs:
    """Pairs ``(i, j)``, ``i < j``, of rows that share at least one key.

    Args:
        keys: ``(n, bands)`` band keys (``minhash.band_keys``); key 0 means "no key".
        max_bucket: buckets larger than this are chained rather than expanded.

    Returns:
        A ``(pairs, 2)`` int64 array, unique rows, sorted.
    """
    n, bands = keys.shape
    flat = keys.ravel()
    owner = np.repeat(np.arange(n, dtype=np.int64), bands)
    valid = flat != 0
    flat, owner = flat[valid], owner[valid]
    order = np.lexsort((owner, flat))
    flat, owner = flat[order], owner[order]
    starts = np.flatnonzero(np.concatenate(([True], flat[1:] != flat[:-1])))
    sizes = np.diff(np.append(starts, len(flat)))
    pairs = [_chain_pairs(owner, starts, sizes, max_bucket)]
    pairs.extend(_all_pairs(owner, starts, sizes, size) for size in _small_sizes(sizes, max_bucket))
    return _unique_pairs(np.concatenate(pairs))


def _small_sizes(sizes: npt.NDArray[np.int64], max_bucket: int) -> list[int]:
    return [int(size) for size in np.unique(sizes) if 2 <= size <= max_bucket]


def _all_pairs(
    owner: npt.NDArray[np.int64],
    starts: npt.NDArray[np.int64],
    sizes: npt.NDArray[np.int64],
    size: int,
) -> Pairs:
    """Every pair inside every bucket of exactly ``size`` members, vectorised."""
    first = starts[sizes == size]
    left, right = np.triu_indices(size, k=1)
    return np.stack((owner[first[:, None] + left], owner[first[:, None] + right]), axis=-1).reshape(
        -1, 2
    )


def _chain_pairs(
    owner: npt.NDArray[np.int64],
    starts: npt.NDArray[np.int64],
    sizes: npt.NDArray[np.int64],
    max_bucket: int,
) -> Pairs:
    """Consecutive members of each oversized bucket: ``m - 1`` pairs for ``m`` members."""
    big = np.flatnonzero(sizes > max_bucket)
    chains = [
        np.stack((owner[s : s + m - 1], owner[s + 1 : s + m]), axis=-1)
        for s, m in zip(starts[big], sizes[big], strict=True)
    ]
    return np.concatenate(chains) if chains else np.zeros((0, 2), dtype=np.int64)


def _unique_pairs(pairs: Pairs) -> Pairs:
    if len(pairs) == 0:
        return np.zeros((0, 2), dtype=np.int64)
    ordered = np.sort(pairs, axis=1)
    ordered = ordered[ordered[:, 0] != ordered[:, 1]]
    return np.unique(ordered, axis=0)
