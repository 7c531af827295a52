"""Highlighted text as data: a text range cut into segments, each with the marks covering it.

Templates render a segment's text escaped, inside a ``<mark>`` when it carries marks; no
HTML is ever built by joining strings of article text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from storytrace.model import Span


@dataclass(frozen=True, slots=True, kw_only=True)
class Mark:
    """Why a piece of text is highlighted.

    Attributes:
        kind: ``claim``, ``quote``, ``entity`` or ``sub`` (a substitution in an alignment).
        ref: the DOM id of the record the mark points to ("" when it points nowhere).
        label: a short explanation shown on hover.
    """

    kind: str
    ref: str
    label: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Segment:
    """A run of text that carries the same marks throughout; ``start`` is its offset."""

    text: str
    start: int
    marks: tuple[Mark, ...] = ()

    @property
    def kinds(self) -> str:
        """The mark kinds as a CSS class list, e.g. ``"claim entity"``."""
        return " ".join(sorted({mark.kind for mark in self.marks}))

    @property
    def title(self) -> str:
        """The marks' labels, one per line, for a tooltip."""
        return "\n".join(mark.label for mark in self.marks)

    @property
    def ref(self) -> str:
        """Where a click on the segment leads: the first mark that points somewhere."""
        return next((mark.ref for mark in self.marks if mark.ref), "")


Marked = tuple[Span, Mark]


def segments(
    text: str, marked: Sequence[Marked], *, span: Span | None = None
) -> tuple[Segment, ...]:
    """Cut ``text[start:end]`` into segments at every mark boundary.

    Args:
        text: the whole text the spans point into.
        marked: spans with their marks; they may overlap, nest or fall outside ``span``.
        span: the range to cut (the whole text by default).

    Example:
        >>> mark = Mark(kind="claim", ref="c1", label="killed")
        >>> [(s.text, s.kinds) for s in segments("164 killed", [((0, 3), mark)])]
        [('164', 'claim'), (' killed', '')]
    """
    start, end = span if span is not None else (0, len(text))
    inside = [(s, e, mark) for (s, e), mark in marked if s < end and e > start and s < e]
    cuts = sorted({start, end, *_bounds(inside, start, end)})
    result = []
    for left, right in pairwise(cuts):
        marks = tuple(mark for s, e, mark in inside if s <= left and e >= right)
        result.append(Segment(text=text[left:right], start=left, marks=marks))
    return tuple(result)


def _bounds(inside: Iterable[tuple[int, int, Mark]], start: int, end: int) -> Iterable[int]:
    for s, e, _mark in inside:
        yield max(s, start)
        yield min(e, end)


def paragraph_spans(text: str) -> list[Span]:
    """The spans of the non-blank lines of ``text`` (one paragraph per line)."""
    spans = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return spans


def find_all(text: str, needle: str) -> list[Span]:
    """Every occurrence of ``needle`` in ``text`` that starts and ends on a word boundary."""
    if not needle:
        return []
    found = []
    index = text.find(needle)
    while index >= 0:
        end = index + len(needle)
        if _word_edge(text, index - 1) and _word_edge(text, end):
            found.append((index, end))
        index = text.find(needle, index + 1)
    return found


def _word_edge(text: str, index: int) -> bool:
    return index < 0 or index >= len(text) or not text[index].isalnum()
