"""How a line relates to its own article's body: the page-structure features of the line model.

The shallow features judge a line alone, so a teaser for another story, a related-links
headline or a sidebar item between paragraphs looks like a subhead or a dateline. What
tells them apart is the page itself:

* **vocabulary**: a subhead, a caption of the article's scene or a dateline shares the
  body's words and names; a teaser for another article is about another event, so many
  of its content words and names are not in the body;
* **the main block**: the longest run of prose paragraphs is the article; furniture sits
  before or after it, or in runs between its paragraphs;
* **sidebar sections**: lines after a short furniture label ('RELATED ARTICLES', 'More
  from ...') until the next paragraph belong to that label's list;
* **credits and fact boxes**: a closing credit ('... contributed to this report',
  'Contributing: ...', '—Agency Wire') and a run of 'Label: value' lines (charges, ages,
  court dates) are content in the footer zone, where most short lines are furniture.

Every column is computed once per document from its whole line list (``BODY_NAMES``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

Matrix = npt.NDArray[np.float64]

BODY_NAMES = (
    "body_overlap",
    "entity_overlap",
    "log_body_vocabulary",
    "in_main_block",
    "log_distance_to_main_block",
    "log_non_prose_run",
    "after_label",
    "credit",
    "key_value",
    "log_key_value_run",
)
"""Column names of ``body_matrix``, in order."""

MIN_STEM_CHARS = 3
"""Shorter words carry no topic (and are mostly stop words of some language)."""
MAIN_BLOCK_GAP = 2
"""Non-prose lines allowed between two paragraphs of one block (a subhead, a caption)."""
LABEL_MAX_WORDS = 5
"""A furniture line this short may head a sidebar list ('Related stories', 'More from X')."""
NO_VALUE = -1.0
"""A ratio with nothing to divide (a line without content words, or names)."""
KEY_VALUE_MAX_WORDS = 12
"""A 'Label: value' line of a fact box is short; a longer one is a sentence with a colon."""
STEM_CACHE_SIZE = 1 << 16
_CREDIT = re.compile(
    r"contributed to this (?:report|story|article)|^\W*contributing\b|"
    r"^\W*(?:information|material) (?:provided )?(?:by|from)\b|\bstaff reports?\b|"
    r"^\W*[—–-]+\s*[\w .&'-]{2,40}\bwire\s*$|"
    r"^\W*(?:staff|special) (?:writer|correspondent|reporter)s?\s*$|"
    r"^\W*(?:with )?(?:additional )?reporting (?:by|from)\b",
    re.IGNORECASE,
)
"""A credit line (content, like a byline): the forms listed in ``CLEANING.md``'s guide."""
_CREDIT_HINTS = ("contribut", "informat", "material", "staff", "wire", "report", "correspond")
"""Every ``_CREDIT`` match holds one of these (a cheap test before the regular expression)."""
_NAME = r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)+"
_WITH_NAMES = re.compile(rf"^With {_NAME}(?:(?:,| and|, and) {_NAME})*\.?$")
"""'With Name Surname, Name Surname': the reporters who helped, closing an article."""
_KEY_VALUE = re.compile(r"^[A-Z0-9][\w'’ -]{0,30}:\s+\S")
_SUFFIXES = ("'s", "’s", "ing", "ed", "es", "s")


@dataclass(frozen=True, slots=True)
class BodyLine:
    """What ``body_matrix`` needs of one line.

    Attributes:
        text: the stripped line.
        words: the line's alphabetic words, as written.
        lowered: the same words in lower case.
        prose: the rules class it as a prose paragraph (jusText 'good').
        junk: the rules class it as furniture.
    """

    text: str
    words: Sequence[str]
    lowered: Sequence[str]
    prose: bool
    junk: bool


@lru_cache(maxsize=STEM_CACHE_SIZE)
def stem(word: str) -> str:
    """A crude, language-blind stem: lower case, one common English suffix off."""
    lowered = word.lower()
    for suffix in _SUFFIXES:
        if lowered.endswith(suffix) and len(lowered) - len(suffix) >= MIN_STEM_CHARS:
            return lowered[: -len(suffix)]
    return lowered


def body_matrix(lines: Sequence[BodyLine], stopwords: frozenset[str]) -> Matrix:
    """One row of ``BODY_NAMES`` per line of a document."""
    stems = [_content_stems(line.lowered, stopwords) for line in lines]
    names = [_name_stems(line.words, stopwords) for line in lines]
    prose = np.array([line.prose for line in lines], dtype=bool)
    body = Counter(
        word for line_stems, p in zip(stems, prose, strict=True) if p for word in line_stems
    )
    key_value = np.array(
        [
            len(line.words) <= KEY_VALUE_MAX_WORDS and bool(_KEY_VALUE.match(line.text))
            for line in lines
        ],
        dtype=bool,
    )
    columns = [
        [_overlap(s, body, s if p else frozenset()) for s, p in zip(stems, prose, strict=True)],
        [
            _overlap(n, body, s if p else frozenset())
            for n, s, p in zip(names, stems, prose, strict=True)
        ],
        [math.log1p(len(body))] * len(lines),
        *_main_block_columns(prose),
        _non_prose_runs(prose),
        _after_label(lines),
        [float(is_credit(line.text)) for line in lines],
        key_value,
        _runs(key_value),
    ]
    return np.column_stack([np.asarray(c, dtype=np.float64) for c in columns]).reshape(
        len(lines), len(BODY_NAMES)
    )


def is_credit(line: str) -> bool:
    """A credit line: who contributed, which wire or staff, as the guide lists them."""
    if line.startswith("With ") and _WITH_NAMES.match(line):
        return True
    lowered = line.lower()
    return any(hint in lowered for hint in _CREDIT_HINTS) and bool(_CREDIT.search(line))


def _content_stems(lowered: Sequence[str], stopwords: frozenset[str]) -> frozenset[str]:
    distinct = {word for word in lowered if len(word) >= MIN_STEM_CHARS}
    return frozenset(map(stem, distinct - stopwords))


def _name_stems(words: Sequence[str], stopwords: frozenset[str]) -> frozenset[str]:
    """Capitalised words after the first (names of people, places, groups)."""
    return frozenset(
        stem(word)
        for word in words[1:]
        if word[0].isupper() and len(word) >= MIN_STEM_CHARS and word.lower() not in stopwords
    )


def _overlap(line: frozenset[str], body: Counter[str], own: frozenset[str]) -> float:
    """Share of the line's stems found in a prose paragraph other than the line itself."""
    if not line:
        return NO_VALUE
    found = sum(1 for word in line if body[word] > (word in own))
    return found / len(line)


def _main_block_columns(prose: npt.NDArray[np.bool_]) -> tuple[Matrix, Matrix]:
    """Whether a line lies within the main block, and log(1 + its distance in lines to it)."""
    first, last = _main_block(prose)
    index = np.arange(len(prose))
    inside = (index >= first) & (index <= last)
    distance = np.where(inside, 0, np.where(index < first, first - index, index - last))
    return inside.astype(np.float64), np.log1p(distance)


def _main_block(prose: npt.NDArray[np.bool_]) -> tuple[int, int]:
    """First and last line of the block with most paragraphs (gaps <= ``MAIN_BLOCK_GAP``).

    Without a paragraph, the block is empty (first > last) and every line is 'before' it.
    """
    positions = [int(position) for position in np.flatnonzero(prose)]
    if not positions:
        return len(prose), len(prose) - 1
    blocks = [[positions[0]]]
    for position in positions[1:]:
        if position - blocks[-1][-1] - 1 > MAIN_BLOCK_GAP:
            blocks.append([])
        blocks[-1].append(position)
    main = max(blocks, key=len)  # the first of equally long blocks
    return main[0], main[-1]


def _non_prose_runs(prose: npt.NDArray[np.bool_]) -> list[float]:
    """log(1 + length) of the run of consecutive non-prose lines a line is in (0 for prose)."""
    return _runs(~prose)


def _runs(flags: npt.NDArray[np.bool_]) -> list[float]:
    """log(1 + length) of the run of consecutive flagged lines a line is in (0 if unflagged)."""
    runs = [0.0] * len(flags)
    start = 0
    while start < len(flags):
        if not flags[start]:
            start += 1
            continue
        end = start
        while end < len(flags) and flags[end]:
            end += 1
        runs[start:end] = [math.log1p(end - start)] * (end - start)
        start = end
    return runs


def _after_label(lines: Sequence[BodyLine]) -> list[float]:
    """1 for a line under a short furniture label with no paragraph since (a sidebar list)."""
    flags = [0.0] * len(lines)
    open_label = False
    for number, line in enumerate(lines):
        if line.prose:
            open_label = False
            continue
        if open_label:
            flags[number] = 1.0
        if line.junk and 0 < len(line.words) <= LABEL_MAX_WORDS:
            open_label = True
    return flags
