"""Word tokens, word shingles and their 64-bit hashes, vectorised with numpy.

Pure functions over plain strings and arrays, free of any engine, so that the
Spark path (``storytrace.scale``) can call exactly these to build the same
signatures as a local run.

The tokeniser works on code points: a token is a maximal run of word
characters after ``str.lower()``. ASCII letters and digits are word
characters; above ASCII everything is, except the Latin-1 symbols, general
punctuation, CJK punctuation and full-width ASCII punctuation blocks. It is a
cheap stand-in for ``\\w+`` that numpy can run over many articles at once
(one concatenated array per batch), which is what makes candidate
generation run near the speed of reading the text.

Hashes are stable across processes and machines (no ``hash()``, no seed from
the environment): a token's hash is a polynomial over its code points modulo
2**64, passed through the splitmix64 finaliser.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

__all__ = [
    "SHINGLE_WORDS",
    "Hashes",
    "batch_shingles",
    "mix64",
    "shingle_hashes",
    "token_hashes",
]

Hashes = npt.NDArray[np.uint64]

SHINGLE_WORDS = 3
"""Words per shingle. Three-word shingles keep near-duplicate Jaccard high under light
edits while unrelated news pairs stay near 0 (bench_reuse corpus)."""

_P = np.uint64(0x100000001B3)  # FNV-64 prime: odd, so it has an inverse modulo 2**64
_P_INV = np.uint64(pow(int(_P), -1, 2**64))
_SHINGLE_MULTIPLIERS = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
     0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x85EBCA77C2B2AE63, 0x27D4EB2F165667C5],
    dtype=np.uint64,
)  # fmt: skip
_MAX_WORDS = len(_SHINGLE_MULTIPLIERS)
_ASCII_WORD = np.zeros(128, dtype=bool)
for _c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_":
    _ASCII_WORD[ord(_c)] = True
# Non-word blocks above ASCII: (first, last) code points, inclusive.
_NON_WORD_BLOCKS = np.array(
    [(0x80, 0xBF), (0x2000, 0x206F), (0x3000, 0x303F), (0xFF00, 0xFF0F), (0xFE30, 0xFE4F)],
    dtype=np.uint32,
)


def mix64(values: Hashes) -> Hashes:
    """The splitmix64 finaliser, element-wise: spreads every input bit over the output."""
    x: Hashes = values ^ (values >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x ^= x >> np.uint64(27)
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def _is_word(codes: npt.NDArray[np.uint32]) -> npt.NDArray[np.bool_]:
    ascii_mask = codes < 128
    word = np.where(ascii_mask, _ASCII_WORD[np.minimum(codes, 127)], True)
    for first, last in _NON_WORD_BLOCKS:
        word &= ~((codes >= first) & (codes <= last))
    return word


def _token_bounds(codes: npt.NDArray[np.uint32]) -> tuple[npt.NDArray[np.intp], ...]:
    """Start and end (exclusive) indices of the word-character runs in ``codes``."""
    word = _is_word(codes).view(np.int8)
    edges = np.diff(word, prepend=np.int8(0), append=np.int8(0))
    return np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)


def _hash_runs(
    codes: npt.NDArray[np.uint32], starts: npt.NDArray[np.intp], ends: npt.NDArray[np.intp]
) -> Hashes:
    """Polynomial hash of each ``codes[start:end]``, independent of where the run sits."""
    n = len(codes)
    powers = np.cumprod(np.full(n + 1, _P, dtype=np.uint64))
    powers[1:] = powers[:-1].copy()
    powers[0] = 1
    inverse = np.cumprod(np.full(n + 1, _P_INV, dtype=np.uint64))
    inverse[1:] = inverse[:-1].copy()
    inverse[0] = 1
    prefix = np.zeros(n + 1, dtype=np.uint64)
    np.cumsum((codes.astype(np.uint64) + np.uint64(1)) * powers[:n], out=prefix[1:])
    spans = (prefix[ends] - prefix[starts]) * inverse[starts]
    return mix64(spans.astype(np.uint64, copy=False))


def _codes(text: str) -> npt.NDArray[np.uint32]:
    return np.frombuffer(text.lower().encode("utf-32-le"), dtype=np.uint32)


def token_hashes(text: str) -> Hashes:
    """The hash of every word of ``text``, in order (case-insensitive).

    Example:
        >>> a, b = token_hashes("Coup d'etat"), token_hashes("COUP, d'ETAT!")
        >>> bool((a == b).all()) and len(a) == 3
        True
    """
    codes = _codes(text)
    starts, ends = _token_bounds(codes)
    return _hash_runs(codes, starts, ends)


def shingle_hashes(tokens: Hashes, words: int = SHINGLE_WORDS) -> Hashes:
    """Hashes of the ``words``-word shingles of a token-hash sequence.

    A sequence shorter than ``words`` gives one shingle of all its words, so
    that a short text still has a signature; an empty one gives none.
    """
    if not 1 <= words <= _MAX_WORDS:
        raise ValueError(f"words must be in 1..{_MAX_WORDS}, got {words}")
    if len(tokens) == 0:
        return np.zeros(0, dtype=np.uint64)
    width = min(words, len(tokens))
    count = len(tokens) - width + 1
    combined = np.zeros(count, dtype=np.uint64)
    for offset in range(width):
        combined += tokens[offset : offset + count] * _SHINGLE_MULTIPLIERS[offset]
    return mix64(combined)


def batch_shingles(
    texts: Sequence[str], words: int = SHINGLE_WORDS
) -> tuple[Hashes, npt.NDArray[np.intp]]:
    """Shingle hashes of many texts in one vectorised pass.

    Args:
        texts: the texts, e.g. a batch of a few hundred articles.
        words: words per shingle.

    Returns:
        ``(hashes, doc)``: every shingle hash of every text, and for each the
        index of its text. Shingles never cross from one text into the next;
        each text's shingles equal ``shingle_hashes(token_hashes(text))``.
    """
    codes = _codes("\x00".join(text.replace("\x00", " ") for text in texts))
    starts, ends = _token_bounds(codes)
    tokens = _hash_runs(codes, starts, ends)
    separators = np.flatnonzero(codes == 0)
    doc = np.searchsorted(separators, starts).astype(np.intp)
    return _shingles_by_doc(tokens, doc, len(texts), words)


def _shingles_by_doc(
    tokens: Hashes, doc: npt.NDArray[np.intp], n_docs: int, words: int
) -> tuple[Hashes, npt.NDArray[np.intp]]:
    counts = np.bincount(doc, minlength=n_docs)
    short = np.flatnonzero((counts > 0) & (counts < words))
    full = shingle_hashes(tokens, words) if len(tokens) >= words else tokens[:0]
    full_doc = doc[: len(full)]
    keep = full_doc == doc[words - 1 : words - 1 + len(full)]
    hashes, owners = [full[keep]], [full_doc[keep]]
    bounds = np.concatenate(([0], np.cumsum(counts)))
    for index in short:  # texts shorter than one shingle: one shingle of all their words
        hashes.append(shingle_hashes(tokens[bounds[index] : bounds[index + 1]], words))
        owners.append(np.array([index], dtype=np.intp))
    return np.concatenate(hashes), np.concatenate(owners)
