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
        ExtractionError: no letters are left after cleaning (stage ``clean``).
    """
    cleaned = clean_document(document, stats=stats)
    if not _LETTER.search(cleaned.text):
        raise ExtractionError(
            "no article text after cleaning", source=document.source, stage="clean"
        )
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
