"""Junk-line removal (placeholder with the final interface; the real cleaner replaces it)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from storytrace.model import Document


@dataclass(frozen=True, slots=True, kw_only=True)
class Cleaned:
    """A document's text with junk lines taken out."""

    text: str
    removed_lines: tuple[str, ...]


class LineStats:
    """How often each line occurs across the pile (per site and corpus-wide)."""

    @classmethod
    def from_documents(cls, documents: Iterable[Document]) -> LineStats:
        return cls()


def clean_document(document: Document, *, stats: LineStats | None = None) -> Cleaned:
    return Cleaned(text=document.text, removed_lines=())
