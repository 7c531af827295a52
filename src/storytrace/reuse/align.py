"""Sentence alignment between two articles, and word alignment inside aligned sentences.

Sentences are compared as sequences of words (each word mapped to one symbol,
so that rapidfuzz's C++ string scorers run over words, not characters):

* ``ratio``: ``2 * LCS / (len_a + len_b)`` over words; 1.0 for a verbatim copy,
  around 0.5 for a spun sentence (function words, names and numbers kept,
  content words swapped), near 0 for unrelated sentences;
* ``partial``: the best ratio of the shorter sentence against a window of the
  longer, so that a sentence split in two, or cut down, still aligns.

The alignment is a monotone chain of maximum total similarity over the cells
above a threshold (a weighted longest increasing chain, ``O(k log k)`` in the
number ``k`` of such cells; a sentence may align to several consecutive
sentences of the other side, for splits and merges), then *moved blocks*:
cells left over that pair sentences outside the chain, taken greedily when
clearly similar. Inside every aligned pair, ``difflib`` word opcodes give the
substitutions ("attempted coup" -> "endeavored rebellion").
"""

from __future__ import annotations

import difflib
import threading
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from storytrace.model import Article, Span
from storytrace.reuse.skeleton import fold, skeleton
from storytrace.text.normalise import words

__all__ = [
    "ALIGN_THRESHOLD",
    "Alignment",
    "Prepared",
    "Vocabulary",
    "align",
    "alignment_count",
    "prepare",
    "similarity_matrix",
    "substitutions",
]

ALIGN_THRESHOLD = 0.35
"""Word-ratio above which two sentences align (PAN-10 dev: sentence paraphrase accuracy)."""
MOVE_MARGIN = 0.15
"""A moved block (out of the monotone order) needs ``ALIGN_THRESHOLD + MOVE_MARGIN`` (demo)."""
_PARTIAL_MIN_WORDS = 6
_PARTIAL_DISCOUNT = 0.95
_MAX_SUB_WORDS = 5


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its span, its words' spans (absolute) and folded forms, its skeleton."""

    span: Span
    word_spans: tuple[Span, ...]
    forms: tuple[str, ...]
    skeleton: frozenset[str]


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article cut into comparable sentences, made once per article and run."""

    article: Article
    sentences: tuple[Sentence, ...]

    @property
    def chars(self) -> int:
        return sum(end - start for start, end in (s.span for s in self.sentences))


@dataclass(frozen=True, slots=True)
class Alignment:
    """Aligned sentence pairs ``(i, j, similarity)`` and how many of them keep the order."""

    pairs: tuple[tuple[int, int, float], ...]
    in_order: int


class Vocabulary:
    """Maps word forms to single characters, so rapidfuzz compares words as characters."""

    _BASE = 0x10000
    _SIZE = 0x10FFFF - 0x10000

    def __init__(self) -> None:
        self._ids: dict[str, str] = {}

    def encode(self, forms: Sequence[str]) -> str:
        """The symbol string of a word sequence."""
        ids = self._ids
        out = []
        for form in forms:
            symbol = ids.get(form)
            if symbol is None:
                symbol = chr(self._BASE + len(ids) % self._SIZE)
                ids[form] = symbol
            out.append(symbol)
        return "".join(out)


class _Counter:
    """Counts sentence alignments (thread-safe), so tests can check the work stays linear."""

    def __init__(self) -> None:
        self.value = 0
        self._lock = threading.Lock()

    def add(self) -> None:
        with self._lock:
            self.value += 1


_ALIGNMENTS = _Counter()


def alignment_count() -> int:
    """How many sentence alignments this process has run (for tests and benchmarks)."""
    return _ALIGNMENTS.value


def prepare(article: Article) -> Prepared:
    """Cut ``article`` into sentences of folded words with absolute spans."""
    spans = article.sentences or ((0, len(article.text)),)
    sentences = []
    for start, end in spans:
        piece = article.text[start:end]
        word_spans = tuple((start + s, start + e) for s, e in words(piece))
        if not word_spans:
            continue
        forms = tuple(fold(article.text[s:e]) for s, e in word_spans)
        sentences.append(Sentence((start, end), word_spans, forms, frozenset(skeleton(piece))))
    return Prepared(article, tuple(sentences))


def similarity_matrix(a: Prepared, b: Prepared, vocabulary: Vocabulary) -> npt.NDArray[np.float64]:
    """Word similarity of every sentence of ``a`` with every sentence of ``b``, in [0, 1]."""
    left = [vocabulary.encode(s.forms) for s in a.sentences]
    right = [vocabulary.encode(s.forms) for s in b.sentences]
    if not left or not right:
        return np.zeros((len(left), len(right)))
    ratio = process.cdist(left, right, scorer=fuzz.ratio, dtype=np.float64, workers=1) / 100.0
    partial = process.cdist(left, right, scorer=fuzz.partial_ratio, dtype=np.float64, workers=1)
    short = np.minimum.outer(_lengths(left), _lengths(right)) >= _PARTIAL_MIN_WORDS
    partial = np.where(short, partial / 100.0 * _PARTIAL_DISCOUNT, 0.0)
    return np.asarray(np.maximum(ratio, partial), dtype=np.float64)


def _lengths(strings: Sequence[str]) -> npt.NDArray[np.int64]:
    return np.array([len(s) for s in strings], dtype=np.int64)


def align(matrix: npt.NDArray[np.float64], threshold: float = ALIGN_THRESHOLD) -> Alignment:
    """Align sentences: a monotone chain of maximum similarity, then moved blocks.

    Args:
        matrix: ``(n_a, n_b)`` sentence similarities.
        threshold: cells below it never align.

    Returns:
        The aligned pairs sorted by ``(i, j)``; ``in_order`` counts the chain's.
    """
    _ALIGNMENTS.add()
    rows, cols = np.nonzero(matrix >= threshold)
    cells = sorted(zip(rows.tolist(), cols.tolist(), strict=True))
    weights = [float(matrix[i, j]) for i, j in cells]
    chain = _best_chain(cells, weights, matrix.shape[1])
    used_a = {cells[k][0] for k in chain}
    used_b = {cells[k][1] for k in chain}
    moved = _moved_blocks(matrix, cells, used_a, used_b, threshold + MOVE_MARGIN)
    pairs = [(cells[k][0], cells[k][1], weights[k]) for k in chain] + moved
    return Alignment(tuple(sorted(pairs)), in_order=len(chain))


def _best_chain(cells: list[tuple[int, int]], weights: list[float], width: int) -> list[int]:
    """Indices of the cells on the heaviest chain with ``i`` and ``j`` both non-decreasing."""
    tree = _MaxTree(width)
    back = [-1] * len(cells)
    score = [0.0] * len(cells)
    for k, (_, j) in enumerate(cells):
        best, prev = tree.query(j)
        score[k], back[k] = best + weights[k], prev
        tree.update(j, score[k], k)
    if not cells:
        return []
    k = max(range(len(cells)), key=score.__getitem__)
    chain = []
    while k >= 0:
        chain.append(k)
        k = back[k]
    return chain[::-1]


class _MaxTree:
    """A Fenwick tree of prefix maxima (score, cell index) over column positions."""

    def __init__(self, size: int) -> None:
        self._score = [0.0] * (size + 1)
        self._cell = [-1] * (size + 1)

    def query(self, position: int) -> tuple[float, int]:
        """Best (score, cell) among positions ``<= position``."""
        best, cell = 0.0, -1
        index = position + 1
        while index > 0:
            if self._score[index] > best:
                best, cell = self._score[index], self._cell[index]
            index -= index & -index
        return best, cell

    def update(self, position: int, score: float, cell: int) -> None:
        index = position + 1
        while index < len(self._score):
            if score > self._score[index]:
                self._score[index], self._cell[index] = score, cell
            index += index & -index


def _moved_blocks(
    matrix: npt.NDArray[np.float64],
    cells: list[tuple[int, int]],
    used_a: set[int],
    used_b: set[int],
    threshold: float,
) -> list[tuple[int, int, float]]:
    """Greedy one-to-one pairs among sentences the chain left out, best first."""
    free = [(float(matrix[i, j]), i, j) for i, j in cells if i not in used_a and j not in used_b]
    moved = []
    for sim, i, j in sorted(free, key=lambda cell: (-cell[0], cell[1], cell[2])):
        if sim >= threshold and i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            moved.append((i, j, sim))
    return moved


def substitutions(
    a: Sentence, text_a: str, b: Sentence, text_b: str
) -> tuple[tuple[str, str], ...]:
    """Word swaps between two aligned sentences: ``(words in a, words in b)``, in order.

    Only short replacements count (at most five words on each side): a longer
    replaced run is rewording, not a synonym swap.
    """
    matcher = difflib.SequenceMatcher(None, a.forms, b.forms, autojunk=False)
    swaps = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace" and i2 - i1 <= _MAX_SUB_WORDS and j2 - j1 <= _MAX_SUB_WORDS:
            left = text_a[a.word_spans[i1][0] : a.word_spans[i2 - 1][1]]
            right = text_b[b.word_spans[j1][0] : b.word_spans[j2 - 1][1]]
            swaps.append((left, right))
    return tuple(swaps)
