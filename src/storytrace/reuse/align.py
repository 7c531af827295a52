"""Sentence alignment between two articles, and word alignment inside aligned sentences.

Sentences are compared as sequences of words (each word mapped to one symbol,
so that rapidfuzz's C++ string scorers run over words, not characters):

* ``ratio``: ``2 * LCS / (len_a + len_b)`` over words; 1.0 for a verbatim copy,
  around 0.5 for a spun sentence (function words, names and numbers kept,
  content words swapped), near 0 for unrelated sentences;
* ``partial``: the best ratio of the shorter sentence against a window of the
  longer, so that a sentence split in two, or cut down, still aligns.

The alignment is one-to-one: a monotone chain of maximum total similarity over
the cells above a threshold, strictly increasing on both sides (a weighted
longest increasing chain, ``O(k log k)`` in the number ``k`` of such cells), so
no sentence is used twice; then *moved blocks*: cells left over that pair
sentences outside the chain, taken greedily when clearly similar; then *merges*:
a sentence that one side split in two (or two that it joined) is linked to
both, 1-2 or 2-1, when the pair reads clearly better joined (``merge_splits``).
Inside every aligned pair, word opcodes (a longest common subsequence) give
the substitutions ("attempted coup" -> "endeavored rebellion").
"""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from storytrace.model import Article, Span
from storytrace.reuse.skeleton import fold, skeleton
from storytrace.text.normalise import words

__all__ = [
    "ALIGN_THRESHOLD",
    "Alignment",
    "Link",
    "Prepared",
    "Vocabulary",
    "align",
    "alignable",
    "alignment_count",
    "fill_gaps",
    "joined",
    "merge_splits",
    "prepare",
    "similarity_matrix",
    "substitutions",
]

ALIGN_THRESHOLD = 0.35
"""Similarity at which a left-out neighbour joins a link (``merge_splits``), and the
alignment threshold of callers without a gate (PAN-10 dev: the old word-ratio rule)."""
ALIGN_FLOOR = 0.2
"""Similarity (word ratio, or discounted partial ratio) below which two sentences never
align; above it ``alignable`` decides."""
RATIO_ALIGNS = 0.35
"""Word ratio at which two sentences align whatever the gate says (PAN-10 dev: with the
gate, accuracy 0.908; the gate alone 0.905)."""
GAP_FLOOR = 0.3
"""Similarity that fills a one-sentence gap between two aligned neighbours (kz2022 spun
pair: the CSTO sentence, 0.38, between two aligned ones)."""
PARAPHRASE_GATE = (9.315, 4.928, -1.967, 3.595)
"""Weights of word ratio, word-set Jaccard, ``log(1 + words of both)`` and a bias: two
sentences align when the sum is >= 0. A logistic regression fitted on PAN-10 dev (10,000
pairs; 5-fold CV accuracy 0.906, word ratio alone at its best threshold 0.896)."""
MOVE_MARGIN = 0.15
"""A moved block (out of the monotone order) needs ``ALIGN_THRESHOLD + MOVE_MARGIN`` (demo)."""
MERGE_SLACK = 0.1
"""How much lower the joined pair's word ratio may be than the single link's for a 1-2 or
2-1 merge (kz2022 spun pair: its two split sentences join at -0.0 to -0.08)."""
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
class Link:
    """Aligned sentences: ranges ``(first, last)`` (inclusive) of each side, and their similarity.

    A range holds one sentence, or two for a sentence the other side split or joined.
    """

    a: tuple[int, int]
    b: tuple[int, int]
    similarity: float


@dataclass(frozen=True, slots=True)
class Alignment:
    """Aligned sentences, one-to-one, sorted; ``in_order`` counts those on the monotone chain."""

    links: tuple[Link, ...]
    in_order: int


class Vocabulary:
    """Maps word forms to single characters, so rapidfuzz compares words as characters."""

    _BASE = 0x10000
    _SIZE = 0x10FFFF - 0x10000

    def __init__(self) -> None:
        self._ids: dict[str, str] = {}
        self._articles: dict[int, tuple[Prepared, list[str]]] = {}

    def sentences(self, prepared: Prepared) -> list[str]:
        """The symbol strings of an article's sentences, encoded once per run."""
        found = self._articles.get(id(prepared))
        if found is None or found[0] is not prepared:
            found = (prepared, [self.encode(s.forms) for s in prepared.sentences])
            self._articles[id(prepared)] = found
        return found[1]

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
        forms = _forms(piece, start, word_spans)
        sentences.append(Sentence((start, end), word_spans, forms, frozenset(skeleton(piece))))
    return Prepared(article, tuple(sentences))


def _forms(piece: str, start: int, word_spans: tuple[Span, ...]) -> tuple[str, ...]:
    """Folded words; for ASCII text folding is lower-casing, done once for the sentence."""
    if piece.isascii():
        lower = piece.lower()
        return tuple(lower[s - start : e - start] for s, e in word_spans)
    return tuple(fold(piece[s - start : e - start]) for s, e in word_spans)


def similarity_matrix(
    a: Prepared, b: Prepared, vocabulary: Vocabulary, cutoff: float = ALIGN_FLOOR
) -> npt.NDArray[np.float64]:
    """Word similarity of every sentence of ``a`` with every sentence of ``b``, in [0, 1].

    The partial score (best window, windows cut short at the ends included) runs only
    where it can matter: with ``c`` the longest common subsequence of the two (which
    the word ratio gives) and ``m`` the shorter length, no window scores above
    ``2c / (m + c)``, so cells where that bound cannot reach ``cutoff`` (or beat the
    ratio) are skipped; cells at or above ``cutoff`` are as if every cell were scored.
    """
    left, right = vocabulary.sentences(a), vocabulary.sentences(b)
    if not left or not right:
        return np.zeros((len(left), len(right)))
    ratio = process.cdist(left, right, scorer=fuzz.ratio, dtype=np.float64, workers=1) / 100.0
    sizes_a, sizes_b = _lengths(left), _lengths(right)
    shorter = np.minimum.outer(sizes_a, sizes_b)
    common = ratio * np.add.outer(sizes_a, sizes_b) / 2.0
    bound = 2.0 * common / np.maximum(shorter + common, 1.0) * _PARTIAL_DISCOUNT
    worth = (shorter >= _PARTIAL_MIN_WORDS) & (bound >= cutoff - 1e-9) & (bound > ratio)
    best = ratio.copy()
    for i, j in zip(*np.nonzero(worth), strict=True):
        partial = fuzz.partial_ratio(left[i], right[j]) / 100.0 * _PARTIAL_DISCOUNT
        best[i, j] = max(best[i, j], partial)
    return best


def alignable(
    a: Prepared,
    b: Prepared,
    matrix: npt.NDArray[np.float64],
    codes: tuple[Sequence[str], Sequence[str]],
) -> npt.NDArray[np.bool_]:
    """Which sentence pairs may align: word ratio >= ``RATIO_ALIGNS``, or a similarity of at
    least ``ALIGN_FLOOR`` that ``PARAPHRASE_GATE`` accepts (short sentences need less overlap
    than long ones)."""
    w_ratio, w_jaccard, w_length, bias = PARAPHRASE_GATE
    usable = np.zeros(matrix.shape, dtype=bool)
    for i, j in zip(*np.nonzero(matrix >= ALIGN_FLOOR), strict=True):
        left, right = a.sentences[i].forms, b.sentences[j].forms
        ratio = fuzz.ratio(codes[0][i], codes[1][j]) / 100.0
        jaccard = len(set(left) & set(right)) / len(set(left) | set(right))
        length = math.log1p(len(left) + len(right))
        score = w_ratio * ratio + w_jaccard * jaccard + w_length * length + bias
        usable[i, j] = ratio >= RATIO_ALIGNS or score >= 0.0
    return usable


def _lengths(strings: Sequence[str]) -> npt.NDArray[np.int64]:
    return np.array([len(s) for s in strings], dtype=np.int64)


def align(matrix: npt.NDArray[np.float64], threshold: float = ALIGN_THRESHOLD) -> Alignment:
    """Align sentences one-to-one: a monotone chain of maximum similarity, then moved blocks.

    Args:
        matrix: ``(n_a, n_b)`` sentence similarities.
        threshold: cells below it never align.

    Returns:
        Single-sentence links sorted by position; ``in_order`` counts the chain's.
    """
    _ALIGNMENTS.add()
    rows, cols = np.nonzero(matrix >= threshold)
    cells = sorted(zip(rows.tolist(), cols.tolist(), strict=True))
    weights = [float(matrix[i, j]) for i, j in cells]
    chain = _best_chain(cells, weights, matrix.shape[1])
    used_a = {cells[k][0] for k in chain}
    used_b = {cells[k][1] for k in chain}
    moved = _moved_blocks(matrix, cells, used_a, used_b, threshold + MOVE_MARGIN)
    links = [Link((cells[k][0],) * 2, (cells[k][1],) * 2, weights[k]) for k in chain]
    links += [Link((i, i), (j, j), sim) for i, j, sim in moved]
    return Alignment(tuple(sorted(links, key=_link_key)), in_order=len(chain))


def _link_key(link: Link) -> tuple[int, int]:
    return link.a[0], link.b[0]


def _best_chain(cells: list[tuple[int, int]], weights: list[float], width: int) -> list[int]:
    """Indices of the cells on the heaviest chain with ``i`` and ``j`` both strictly increasing.

    Cells come sorted by ``(i, j)``; a row's cells all query the tree before any of
    them updates it, so no two cells of one row (or, by the strict query, of one
    column) share the chain.
    """
    tree = _MaxTree(width)
    back = [-1] * len(cells)
    score = [0.0] * len(cells)
    start = 0
    while start < len(cells):
        stop = start
        while stop < len(cells) and cells[stop][0] == cells[start][0]:
            stop += 1
        for k in range(start, stop):
            best, back[k] = tree.query(cells[k][1] - 1)
            score[k] = best + weights[k]
        for k in range(start, stop):
            tree.update(cells[k][1], score[k], k)
        start = stop
    return _trace(score, back)


def _trace(score: list[float], back: list[int]) -> list[int]:
    if not score:
        return []
    k = max(range(len(score)), key=score.__getitem__)
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
        """Best (score, cell) among positions ``<= position`` (none when negative)."""
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


def fill_gaps(alignment: Alignment, matrix: npt.NDArray[np.float64]) -> Alignment:
    """Link the best pair inside each gap of the chain that is one sentence wide on a side.

    Between two consecutive links, a lone sentence of one side facing a few of the
    other is aligned to its best match when that reaches ``GAP_FLOOR``: its neighbours
    vouch for it even when its own words changed too much for the gate.
    """
    links = sorted(alignment.links, key=_link_key)
    found = []
    for before, after in pairwise(links):
        rows = range(before.a[1] + 1, after.a[0])
        cols = range(before.b[1] + 1, after.b[0])
        if rows and cols and min(len(rows), len(cols)) == 1:
            block = matrix[rows.start : rows.stop, cols.start : cols.stop]
            i, j = np.unravel_index(int(np.argmax(block)), block.shape)
            if block[i, j] >= GAP_FLOOR:
                sim = float(block[i, j])
                found.append(Link((rows.start + int(i),) * 2, (cols.start + int(j),) * 2, sim))
    merged = tuple(sorted(links + found, key=_link_key))
    return Alignment(merged, alignment.in_order + len(found))


def merge_splits(
    alignment: Alignment,
    matrix: npt.NDArray[np.float64],
    codes: tuple[Sequence[str], Sequence[str]],
    threshold: float = ALIGN_THRESHOLD,
) -> Alignment:
    """Grow single links to 1-2 or 2-1 where one side split (or joined) a sentence.

    Args:
        alignment: a one-to-one alignment (``align``) of ``matrix``.
        matrix: the sentence similarities it was made from.
        codes: the symbol strings of each side's sentences (``Vocabulary.sentences``).
        threshold: the similarity a left-out neighbour needs with the link's other side.

    Returns:
        The alignment with a link grown over a free neighbouring sentence when that
        neighbour also matches the other side (it lost only because the alignment is
        one-to-one) and the joined text reads at most ``MERGE_SLACK`` worse.
    """
    used = (
        {i for link in alignment.links for i in range(link.a[0], link.a[1] + 1)},
        {j for link in alignment.links for j in range(link.b[0], link.b[1] + 1)},
    )
    links = [_merged(link, matrix, codes, used, threshold) for link in alignment.links]
    return Alignment(tuple(links), alignment.in_order)


def _merged(
    link: Link,
    matrix: npt.NDArray[np.float64],
    codes: tuple[Sequence[str], Sequence[str]],
    used: tuple[set[int], set[int]],
    threshold: float,
) -> Link:
    (i, _), (j, _) = link.a, link.b
    best = link
    for a, b, (x, y) in _merge_options(i, j):
        fits = _free_range(a, i, len(codes[0]), used[0]) and _free_range(
            b, j, len(codes[1]), used[1]
        )
        if not fits or matrix[x, y] < threshold:
            continue
        sim = fuzz.ratio(_joined(codes[0], a), _joined(codes[1], b)) / 100.0
        if sim >= link.similarity - MERGE_SLACK and sim > best.similarity - MERGE_SLACK:
            best = Link(a, b, sim)
    for index in range(best.a[0], best.a[1] + 1):
        used[0].add(index)
    for index in range(best.b[0], best.b[1] + 1):
        used[1].add(index)
    return best


def _merge_options(
    i: int, j: int
) -> tuple[tuple[tuple[int, int], tuple[int, int], tuple[int, int]], ...]:
    """``(range a, range b, the neighbour's cell)`` for each way to grow ``(i, j)``."""
    return (
        ((i, i), (j, j + 1), (i, j + 1)),
        ((i, i), (j - 1, j), (i, j - 1)),
        ((i, i + 1), (j, j), (i + 1, j)),
        ((i - 1, i), (j, j), (i - 1, j)),
    )


def _free_range(span: tuple[int, int], own: int, size: int, used: set[int]) -> bool:
    """Whether every sentence of ``span`` but ``own`` exists and is not aligned yet."""
    return (
        span[0] >= 0
        and span[1] < size
        and all(k == own or k not in used for k in range(span[0], span[1] + 1))
    )


def _joined(codes: Sequence[str], span: tuple[int, int]) -> str:
    return "".join(codes[span[0] : span[1] + 1])


def substitutions(
    a: Sentence, text_a: str, b: Sentence, text_b: str
) -> tuple[tuple[str, str], ...]:
    """Word swaps between two aligned sentences: ``(words in a, words in b)``, in order.

    The words are aligned by a longest common subsequence (rapidfuzz's ``Indel``
    opcodes over one symbol per word); a run of changed words with words on both
    sides is a swap. Only short replacements count (at most five words on each
    side): a longer replaced run is rewording, not a synonym swap.
    """
    if a.forms == b.forms:
        return ()
    vocabulary = Vocabulary()
    blocks = _changed_blocks(vocabulary.encode(a.forms), vocabulary.encode(b.forms))
    swaps = []
    for i1, i2, j1, j2 in blocks:
        if 0 < i2 - i1 <= _MAX_SUB_WORDS and 0 < j2 - j1 <= _MAX_SUB_WORDS:
            left = text_a[a.word_spans[i1][0] : a.word_spans[i2 - 1][1]]
            right = text_b[b.word_spans[j1][0] : b.word_spans[j2 - 1][1]]
            swaps.append((left, right))
    return tuple(swaps)


def _changed_blocks(left: str, right: str) -> list[tuple[int, int, int, int]]:
    """Maximal runs between equal stretches: ``(i1, i2, j1, j2)`` of each side."""
    blocks: list[tuple[int, int, int, int]] = []
    open_block: list[int] | None = None
    for op in Indel.opcodes(left, right):
        if op.tag == "equal":
            if open_block is not None:
                blocks.append((open_block[0], op.src_start, open_block[1], op.dest_start))
                open_block = None
        elif open_block is None:
            open_block = [op.src_start, op.dest_start]
    if open_block is not None:
        blocks.append((open_block[0], len(left), open_block[1], len(right)))
    return blocks


def joined(prepared: Prepared, span: tuple[int, int]) -> Sentence:
    """The sentences ``span`` (inclusive range) of ``prepared`` as one."""
    first, last = span
    if first == last:
        return prepared.sentences[first]
    parts = prepared.sentences[first : last + 1]
    return Sentence(
        (parts[0].span[0], parts[-1].span[1]),
        tuple(w for part in parts for w in part.word_spans),
        tuple(f for part in parts for f in part.forms),
        frozenset().union(*(part.skeleton for part in parts)),
    )
