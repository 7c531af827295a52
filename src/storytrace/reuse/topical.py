"""Same-story candidates by TF-IDF cosine over content words and names.

Until the stories stage names the pairs of one story, the reuse stage finds
them itself, so that separately reported articles of one story are compared
(and come out ``independent``) while unrelated articles are left alone.

Terms are folded words of three letters or more that are not stop words (the
jusText stop lists of the languages present, plus English), and numbers.
Weights are sublinear TF times a background rarity, ``7 - zipf`` from wordfreq
in the article's language (at least 0.5), L2-normalised. A background rarity,
unlike an IDF from the pile, works on a pile of five articles of one story and
weighs unseen names (in any language) the most. Measured on news-story-chains
dev: pair F1 0.957 with background rarity, 0.979 with rarity x pile IDF but
then five kz2022 articles of one story score below any threshold that works there. Pairs to score
come from an inverted index over each article's ``TOP_TERMS`` heaviest terms,
skipping terms found in more than ``max_df`` articles of the pile; for a block of
articles at a time, the shared weight over those terms is summed into a block x N
array (never N x N), and each article's ``_CANDIDATES`` best partners get an exact
cosine.

A round-up ("Sunrise brief: ...", a market wrap) tells several stories, so its whole
vector is far from each of them. Each article is also cut into windows of
``WINDOW_SENTENCES`` sentences (every ``WINDOW_STRIDE``); a pair's score is the larger
of its cosine and ``WINDOW_WEIGHT`` times the best cosine of a window of one side with
the other side whole (weighted down: a short window matches by chance more easily).
Only pairs whose cosine lies between half the threshold and the threshold are looked
at again. Measured on news-story-chains dev (pair F1 at thresholds 0.20 / 0.22 /
0.24 / 0.26): whole vectors 0.957 / 0.946 / 0.967 / 0.932, with windows 0.968 / 0.968 /
0.968 / 0.933, and the round-up pairs come back. Windows do not overlap: windows every
2 sentences scored the same (0.958 / 0.968 / 0.968 / 0.945) and read the text 2.5 times.

The pairs at or above the threshold are then bounded (``prune``): a pair
must beat both articles' neighbourhoods by ``TOPICAL_BOUND.margin`` unless its
cosine is sure, and must be among the best ``cap`` of both sides (mutual), so a
pile of look-alike articles on one beat gives ``O(N)`` pairs, not ``O(N**2)``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import combinations

import justext  # type: ignore[import-untyped]
import numpy as np
import numpy.typing as npt
from wordfreq import zipf_frequency

from storytrace.model import Article
from storytrace.reuse.prune import Bound, prune
from storytrace.reuse.skeleton import fold
from storytrace.text.normalise import words
from storytrace.text.sentences import split_sentences

__all__ = [
    "SAME_STORY_COSINE",
    "TOPICAL_BOUND",
    "TOP_TERMS",
    "cosine",
    "pair_cosines",
    "pair_scores",
    "same_story_pairs",
    "terms",
    "tfidf_vectors",
]

SAME_STORY_COSINE = 0.22
"""Score at or above which two articles are one story (news-story-chains dev pair F1: the
middle of the 0.20-0.24 plateau with windows)."""
WINDOW_SENTENCES = 5
WINDOW_STRIDE = 5
WINDOW_WEIGHT = 0.8
"""Weight of the best window-to-article cosine (news-story-chains dev: 0.7-0.8 alike)."""
TOP_TERMS = 24
"""Terms per article that enter the inverted index (news-story-chains dev)."""
_RARITY_TOP = 7.0
_MIN_RARITY = 0.5
TOPICAL_BOUND = Bound(floor=SAME_STORY_COSINE, sure=1.0, margin=0.0, k=10, cap=5, mutual=True)
"""Same-story pairs kept (news-story-chains dev pair F1; kz2022's five articles all kept)."""
_ALL_PAIRS_UP_TO = 300
_MAX_DF_SHARE = 0.05
_MIN_MAX_DF = 50
_MAX_MAX_DF = 200
_CANDIDATES = 20
_BLOCK = 256
_LANGUAGE_NAMES = {"en": "English", "fr": "French", "de": "German", "es": "Spanish",
                   "ru": "Russian", "it": "Italian", "pt": "Portuguese", "fi": "Finnish",
                   "nl": "Dutch", "pl": "Polish", "tr": "Turkish"}  # fmt: skip

Vector = dict[str, float]
Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


@lru_cache(maxsize=32)
def _stop_words(language: str | None) -> frozenset[str]:
    names = {"English", _LANGUAGE_NAMES.get(language or "en", "English")}
    return frozenset(fold(word) for name in names for word in justext.get_stoplist(name))


def terms(article: Article) -> list[str]:
    """The content terms of an article (title and text), folded."""
    stop = _stop_words(article.language)
    text = f"{article.title or ''}\n{article.text}"
    if text.isascii():  # folding ASCII is lower-casing: once for the text, not per word
        lower = text.lower()
        forms = (lower[s:e] for s, e in words(text))
    else:
        forms = (fold(text[s:e]) for s, e in words(text))
    return [f for f in forms if (len(f) >= 3 or f.isdigit()) and f not in stop]


@lru_cache(maxsize=262144)
def _rarity(term: str, language: str) -> float:
    try:
        zipf = float(zipf_frequency(term, language))
    except (LookupError, ValueError, ImportError):  # zh/ja need jieba/mecab
        zipf = 0.0
    return max(_MIN_RARITY, _RARITY_TOP - zipf)


def tfidf_vectors(articles: Sequence[Article]) -> list[Vector]:
    """One L2-normalised vector per article: sublinear TF times background rarity."""
    vectors = []
    for article in articles:
        language = article.language or "en"
        counts = Counter(terms(article))
        weights = {t: (1.0 + math.log(c)) * _rarity(t, language) for t, c in counts.items()}
        vectors.append(_normalised(weights))
    return vectors


def pair_scores(
    articles: Sequence[Article], pairs: Iterable[tuple[int, int]]
) -> dict[tuple[int, int], float]:
    """The topical cosine of each given index pair."""
    vectors = tfidf_vectors(articles)
    return {(i, j): cosine(vectors[i], vectors[j]) for i, j in pairs}


def _normalised(vector: Vector) -> Vector:
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {t: w / norm for t, w in vector.items()} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    """Cosine of two normalised sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def same_story_pairs(
    articles: Sequence[Article], *, threshold: float = SAME_STORY_COSINE
) -> list[tuple[int, int, float]]:
    """Index pairs ``(i, j, cosine)``, ``i < j``, of articles that read as one story."""
    vectors = tfidf_vectors(articles)
    n = len(vectors)
    if n <= _ALL_PAIRS_UP_TO:
        pairs = np.array(list(combinations(range(n), 2)), dtype=np.int64).reshape(-1, 2)
    else:
        pairs = indexed_pairs(vectors, _max_df(n))
    cosines = pair_cosines(vectors, pairs)
    scores = np.maximum(cosines, window_scores(articles, vectors, pairs, cosines, threshold))
    bound = replace(TOPICAL_BOUND, floor=threshold)
    score_of = dict(zip(map(tuple, pairs.tolist()), scores.tolist(), strict=True))
    return [(i, j, score_of[(i, j)]) for i, j in prune(pairs, scores, n, bound).tolist()]


def window_scores(
    articles: Sequence[Article],
    vectors: Sequence[Vector],
    pairs: Ints,
    cosines: Floats,
    threshold: float,
) -> Floats:
    """``WINDOW_WEIGHT`` x the best cosine of a window of one side with the other side whole.

    Only pairs whose whole cosine (``cosines``) lies between half the threshold and the
    threshold are scored; the others get 0 (already kept, or too far to be rescued).
    """
    out = np.zeros(len(pairs), dtype=np.float64)
    if len(pairs) == 0:
        return out
    looked = np.flatnonzero((cosines >= threshold / 2) & (cosines < threshold))
    sides = np.unique(pairs[looked].ravel())
    windows: list[Vector] = []
    owner: list[int] = []
    for index in sides.tolist():
        for window in _windows(articles[index]):
            windows.append(window)
            owner.append(index)
    if not windows:
        return out
    owners = np.array(owner, dtype=np.int64)
    starts = np.searchsorted(owners, sides)
    ends = np.searchsorted(owners, sides, side="right")
    first = {
        side: (int(lo), int(hi)) for side, lo, hi in zip(sides.tolist(), starts, ends, strict=True)
    }
    queries: list[tuple[int, int]] = []
    for row in looked.tolist():
        i, j = int(pairs[row, 0]), int(pairs[row, 1])
        queries.extend((len(vectors) + w, j) for w in range(*first[i]))
        queries.extend((len(vectors) + w, i) for w in range(*first[j]))
    cosines = pair_cosines([*vectors, *windows], np.array(queries, dtype=np.int64))
    at = 0
    for row in looked.tolist():
        i, j = int(pairs[row, 0]), int(pairs[row, 1])
        count = first[i][1] - first[i][0] + first[j][1] - first[j][0]
        if count:
            out[row] = WINDOW_WEIGHT * float(cosines[at : at + count].max())
        at += count
    return out


def _windows(article: Article) -> list[Vector]:
    """Vectors of windows of ``WINDOW_SENTENCES`` sentences; none for a short article."""
    spans = list(article.sentences) or list(split_sentences(article.text))
    if len(spans) <= WINDOW_SENTENCES:
        return []
    parts = [
        replace(
            article,
            title=None,
            text=article.text[spans[s][0] : spans[min(s + WINDOW_SENTENCES, len(spans)) - 1][1]],
            sentences=(),
        )
        for s in range(0, len(spans) - WINDOW_SENTENCES + WINDOW_STRIDE, WINDOW_STRIDE)
    ]
    return tfidf_vectors(parts)


def pair_cosines(vectors: Sequence[Vector], pairs: npt.NDArray[np.int64]) -> Floats:
    """Cosines of the given index pairs of normalised vectors, vectorised.

    Pairs are taken in blocks of left articles; a block's vectors are laid out dense
    over the block's own terms, and each right article's entries are looked up in it.
    """
    indptr, indices, data = _csr(vectors)
    out = np.zeros(len(pairs), dtype=np.float64)
    local = np.full(int(indices.max(initial=-1)) + 1, -1, dtype=np.int64)
    order = np.argsort(pairs[:, 0], kind="stable")
    lefts = pairs[order, 0]
    for start in range(0, len(vectors), _BLOCK):
        lo, hi = np.searchsorted(lefts, [start, start + _BLOCK])
        if lo == hi:
            continue
        block = order[lo:hi]
        dense = _dense_block(
            indptr, indices, data, local, (start, min(start + _BLOCK, len(vectors)))
        )
        out[block] = _block_dots(dense, local, (indptr, indices, data), pairs[block], start)
        local[indices[indptr[start] : indptr[min(start + _BLOCK, len(vectors))]]] = -1
    return out


def _csr(vectors: Sequence[Vector]) -> tuple[Ints, Ints, Floats]:
    ids: dict[str, int] = {}
    indptr = np.zeros(len(vectors) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(vector) for vector in vectors])
    indices = np.array(
        [ids.setdefault(term, len(ids)) for vector in vectors for term in vector], dtype=np.int64
    )
    data = np.array([w for vector in vectors for w in vector.values()], dtype=np.float64)
    return indptr, indices, data


def _dense_block(
    indptr: Ints, indices: Ints, data: Floats, local: Ints, rows: tuple[int, int]
) -> Floats:
    """Rows ``rows`` as a dense array over their own terms; ``local`` maps term -> column."""
    first, last = int(indptr[rows[0]]), int(indptr[rows[1]])
    terms_ = np.unique(indices[first:last])
    local[terms_] = np.arange(len(terms_))
    owner = np.repeat(np.arange(rows[1] - rows[0]), np.diff(indptr[rows[0] : rows[1] + 1]))
    dense = np.zeros((rows[1] - rows[0], len(terms_)), dtype=np.float64)
    dense[owner, local[indices[first:last]]] = data[first:last]
    return dense


def _block_dots(
    dense: Floats, local: Ints, csr: tuple[Ints, Ints, Floats], pairs: Ints, start: int
) -> Floats:
    """Dot products of block rows (``pairs[:, 0]``) with right articles (``pairs[:, 1]``)."""
    indptr, indices, data = csr
    counts = indptr[pairs[:, 1] + 1] - indptr[pairs[:, 1]]
    at = np.repeat(indptr[pairs[:, 1]] - (np.cumsum(counts) - counts), counts)
    at = at + np.arange(int(counts.sum()))
    which = np.repeat(np.arange(len(pairs)), counts)
    column = local[indices[at]]
    known = column >= 0
    values = dense[pairs[which[known], 0] - start, column[known]] * data[at[known]]
    return np.bincount(which[known], weights=values, minlength=len(pairs)).astype(np.float64)


def _max_df(n: int) -> int:
    return min(_MAX_MAX_DF, max(_MIN_MAX_DF, int(_MAX_DF_SHARE * n)))


def indexed_pairs(vectors: Sequence[Vector], max_df: int) -> npt.NDArray[np.int64]:
    """Each article's ``_CANDIDATES`` best partners by weight shared over distinctive top terms.

    Returns:
        Unique pairs ``(i, j)``, ``i < j``, sorted.
    """
    docs, terms_, weights = _top_entries(vectors)
    df = np.bincount(terms_, minlength=int(terms_.max(initial=-1)) + 1)
    keep = (df[terms_] >= 2) & (df[terms_] <= max_df)
    docs, terms_, weights = docs[keep], terms_[keep], weights[keep]
    order = np.argsort(terms_, kind="stable")
    postings = (docs[order], weights[order], np.searchsorted(terms_[order], np.arange(len(df))))
    found = [np.zeros((0, 2), dtype=np.int64)]
    for start in range(0, len(vectors), _BLOCK):
        stop = min(start + _BLOCK, len(vectors))
        rows = (docs >= start) & (docs < stop)
        entries = (docs[rows] - start, terms_[rows], weights[rows])
        found.append(_block_pairs(entries, postings, df, start, (stop - start, len(vectors))))
    pairs = np.sort(np.concatenate(found), axis=1)
    return np.unique(pairs[pairs[:, 0] != pairs[:, 1]], axis=0)


def _top_entries(
    vectors: Sequence[Vector],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """Flat (article, term id, weight) arrays of every article's top terms, articles in order."""
    ids: dict[str, int] = {}
    docs, terms_, weights = [], [], []
    for index, vector in enumerate(vectors):
        for term in _top_terms(vector):
            docs.append(index)
            terms_.append(ids.setdefault(term, len(ids)))
            weights.append(vector[term])
    return (
        np.array(docs, dtype=np.int64),
        np.array(terms_, dtype=np.int64),
        np.array(weights, dtype=np.float64),
    )


def _block_pairs(
    entries: tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float64]],
    postings: tuple[npt.NDArray[np.int64], npt.NDArray[np.float64], npt.NDArray[np.int64]],
    df: npt.NDArray[np.int64],
    start: int,
    shape: tuple[int, int],
) -> npt.NDArray[np.int64]:
    """The best partners of a block of articles, from a block x N array of shared weight."""
    rows, term_ids, weights = entries
    post_docs, post_weights, post_start = postings
    counts = df[term_ids]
    total = int(counts.sum())
    offsets = np.repeat(post_start[term_ids] - (np.cumsum(counts) - counts), counts)
    at = offsets + np.arange(total)
    cells = np.repeat(rows, counts) * shape[1] + post_docs[at]
    values = np.repeat(weights, counts) * post_weights[at]
    shared = np.bincount(cells, weights=values, minlength=shape[0] * shape[1]).reshape(shape)
    shared[np.arange(shape[0]), np.arange(start, start + shape[0])] = 0.0
    width = min(_CANDIDATES, shape[1])
    best = np.argpartition(-shared, width - 1, axis=1)[:, :width]
    left = np.repeat(np.arange(start, start + shape[0]), width)
    right = best.ravel()
    useful = shared[left - start, right] > 0.0
    return np.stack((left[useful], right[useful]), axis=-1).astype(np.int64)


def _top_terms(vector: Vector) -> Iterable[str]:
    return sorted(vector, key=lambda term: (-vector[term], term))[:TOP_TERMS]
