"""Junk-line removal on the project's own demo corpus, through the pipeline's own path.

``demo/expected.json`` lists, per article, the lines that must go (``junk_lines``) and
the lines that may go either way (``junk_lines_optional``); every other non-blank line
of a demo article is content and must stay.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from storytrace.ingest.clean import Cleaned, LineStats, clean_document
from storytrace.ingest.sources import iter_documents
from storytrace.model import Document

DEMO = Path(__file__).resolve().parents[2] / "demo"


@cache
def expected() -> dict[str, Any]:
    return dict(json.loads((DEMO / "expected.json").read_text(encoding="utf-8")))


@cache
def cleaned_demo() -> dict[str, tuple[Document, Cleaned]]:
    """Every demo document cleaned with the whole corpus's line profile, as ``analyze`` does."""
    documents = [item for item in iter_documents([DEMO / "corpus"]) if isinstance(item, Document)]
    stats = LineStats.from_documents(documents)
    return {
        document.id: (document, clean_document(document, stats=stats)) for document in documents
    }


def kept_lines(cleaned: Cleaned) -> set[str]:
    return {line.strip() for line in cleaned.text.split("\n") if line.strip()}


def test_every_demo_article_is_read() -> None:
    assert set(expected()["articles"]) <= set(cleaned_demo())


@pytest.mark.parametrize("article_id", sorted(expected()["junk_lines"]))
def test_junk_lines_are_removed(article_id: str) -> None:
    _document, cleaned = cleaned_demo()[article_id]
    still_there = [
        line for line in expected()["junk_lines"][article_id] if line in kept_lines(cleaned)
    ]
    assert still_there == []


@pytest.mark.parametrize("article_id", sorted(expected()["articles"]))
def test_no_content_line_is_removed(article_id: str) -> None:
    document, cleaned = cleaned_demo()[article_id]
    not_content = set(expected()["junk_lines"].get(article_id, ())) | set(
        expected()["junk_lines_optional"].get(article_id, ())
    )
    content = [
        line.strip()
        for line in document.text.split("\n")
        if line.strip() and line.strip() not in not_content
    ]
    lost = [line for line in content if line not in kept_lines(cleaned)]
    assert lost == []
