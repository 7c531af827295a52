"""Side-by-side views of a relation's aligned passages, substitutions highlighted.

``render_alignment_text`` is for a terminal (substitutions as ``[from -> to]``);
``render_alignment_html`` fills ``templates/alignment.html.j2`` (autoescaped),
marking each substitution with ``<mark class="sub">`` on both sides.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from functools import lru_cache

import jinja2

from storytrace.model import Article, Passage, Relation

__all__ = ["render_alignment_html", "render_alignment_text"]

_WIDTH = 60


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of passage text, marked when it is a substituted part."""

    text: str
    marked: bool


def _segments(text: str, parts: list[str]) -> list[Segment]:
    """Split ``text`` into plain and marked segments, marking ``parts`` in order."""
    out: list[Segment] = []
    cursor = 0
    for part in parts:
        found = text.find(part, cursor) if part else -1
        if found < 0:
            continue
        if found > cursor:
            out.append(Segment(text[cursor:found], False))
        out.append(Segment(part, True))
        cursor = found + len(part)
    if cursor < len(text):
        out.append(Segment(text[cursor:], False))
    return out


def _sides(passage: Passage, a: Article, b: Article) -> tuple[list[Segment], list[Segment]]:
    left = a.text[passage.a[0] : passage.a[1]]
    right = b.text[passage.b[0] : passage.b[1]]
    return (
        _segments(left, [f for f, _ in passage.substitutions]),
        _segments(right, [t for _, t in passage.substitutions]),
    )


def _header(relation: Relation) -> str:
    origin = relation.origin or "unknown"
    return (
        f"{relation.a}  <->  {relation.b}\nkind: {relation.kind}   origin: {origin}   "
        f"score: {relation.score:.2f}   "
        f"coverage: {relation.coverage_a:.2f} / {relation.coverage_b:.2f}"
    )


def render_alignment_text(relation: Relation, a: Article, b: Article) -> str:
    """A plain-text, two-column view of the relation's passages.

    Args:
        relation: the relation (``relation.a`` is ``a.id``).
        a: the relation's first article.
        b: its second article.
    """
    lines = [_header(relation), ""]
    for number, passage in enumerate(relation.passages, start=1):
        left = textwrap.wrap(a.text[passage.a[0] : passage.a[1]], _WIDTH) or [""]
        right = textwrap.wrap(b.text[passage.b[0] : passage.b[1]], _WIDTH) or [""]
        lines.append(f"#{number}  similarity {passage.similarity:.2f}")
        for row in range(max(len(left), len(right))):
            l_text = left[row] if row < len(left) else ""
            r_text = right[row] if row < len(right) else ""
            lines.append(f"  {l_text:<{_WIDTH}} | {r_text}")
        if passage.substitutions:
            swaps = "; ".join(f"[{f} -> {t}]" for f, t in passage.substitutions)
            lines.append(f"  substitutions: {swaps}")
        lines.append("")
    return "\n".join(lines)


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("storytrace.reuse", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_alignment_html(relation: Relation, a: Article, b: Article) -> str:
    """A standalone HTML page: the two articles' aligned passages side by side."""
    rows = [(passage, *_sides(passage, a, b)) for passage in relation.passages]
    template = _environment().get_template("alignment.html.j2")
    return template.render(relation=relation, a=a, b=b, rows=rows)
