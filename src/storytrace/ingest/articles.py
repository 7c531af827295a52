"""Describe a document: clean it, then find its title, date, outlet, language and sentences."""

from __future__ import annotations

import logging
import re

from storytrace.errors import ExtractionError
from storytrace.ingest.clean import LineStats, clean_document
from storytrace.ingest.metadata import find_outlet, find_published, find_title, normalise_language
from storytrace.model import Article, Document
from storytrace.text.language import detect_language
from storytrace.text.sentences import split_sentences

__all__ = ["build_article"]

logger = logging.getLogger(__name__)

_LETTER = re.compile(r"[^\W\d_]")
FURNITURE_ONLY = "no article text: every line looks like page furniture (menus, links, captions)"
"""The skip reason of a page that cleaning emptied (a playlist, a gallery, a teaser list)."""


def build_article(document: Document, *, stats: LineStats | None = None) -> Article:
    """Turn a document as read into a cleaned, described ``Article``.

    What the container stated (``Document`` fields) wins when it is present and
    valid; the rest is found in the text, including the junk lines that cleaning
    removed (they often carry the date and the site name).

    Args:
        document: the document as a reader produced it.
        stats: line counts over the whole pile, so cleaning can see repeated furniture.

    Returns:
        The frozen article, with sentence spans into its cleaned text.

    Raises:
        ExtractionError: no letters are left after cleaning (stage ``clean``); the reason
            is ``FURNITURE_ONLY`` when the page had words but every line was furniture.
    """
    cleaned = clean_document(document, stats=stats)
    if not _LETTER.search(cleaned.text):
        raise _nothing_left(document, cleaned.removed_lines)
    language = normalise_language(document.language) or detect_language(cleaned.text)
    article = Article(
        id=document.id,
        source=document.source,
        text=cleaned.text,
        url=document.url,
        outlet=find_outlet(document),
        title=find_title(document, cleaned.text),
        published=find_published(document),
        language=language,
        removed_lines=cleaned.removed_lines,
        sentences=tuple(split_sentences(cleaned.text, language=language)),
    )
    logger.debug("described %s: %d sentences", document.id, len(article.sentences))
    return article


def _nothing_left(document: Document, removed: tuple[str, ...]) -> ExtractionError:
    """The error for a document that cleaning left without letters; the removed lines go to
    the debug log, so that a wrongly skipped page can be checked."""
    if not any(_LETTER.search(line) for line in removed):
        return ExtractionError(
            "no article text after cleaning", source=document.source, stage="clean"
        )
    logger.debug("skipped %s, all furniture: %s", document.source, " | ".join(removed))
    return ExtractionError(FURNITURE_ONLY, source=document.source, stage="clean")
