"""HTML to article text and metadata, with trafilatura.

trafilatura finds the main text (dropping menus, footers, comment sections and
scripts) and reads what the page states about itself: title, publication
date, site name, canonical URL. The language comes from ``<html lang>``;
guessing a language from the text is a later stage's job.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

import trafilatura

from storytrace.errors import ExtractionError

logger = logging.getLogger(__name__)

# Charset declarations inside the page: <meta charset=...> or http-equiv Content-Type.
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I
)
_HTML_LANG = re.compile(
    r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?""", re.I
)
_LANG_HEAD_CHARS = 4096

# trafilatura reports the publication *day*; the page often states the minute too, in a
# meta tag or JSON-LD. The time orders same-day articles (which one came first).
_HEAD_CHARS = 65_536
_META_TAG = re.compile(r"<meta\b[^>]{0,500}>", re.I)
_ATTRIBUTE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_PUBLISHED_KEYS = frozenset(
    {
        "article:published_time",
        "og:published_time",
        "datepublished",
        "pubdate",
        "publishdate",
        "publish-date",
        "dc.date.issued",
        "parsely-pub-date",
        "sailthru.date",
    }
)
_JSONLD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{10,40})"')
_HAS_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


@dataclass(frozen=True, slots=True, kw_only=True)
class HtmlArticle:
    """The main text of a page and what the page says about itself."""

    text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None


def declared_charset(head: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag within ``head``, if any.

    Example:
        >>> declared_charset(b'<meta charset="windows-1251">')
        'windows-1251'
    """
    match = _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def extract_html(html: str, *, source: str, url: str | None = None) -> HtmlArticle:
    """Extract the article text and metadata of one HTML page.

    Args:
        html: the page, decoded.
        source: where it came from, for the error message.
        url: the page's address when known (WARC target URI, JSONL field); it
            helps trafilatura and wins over a canonical link only when the page has none.

    Returns:
        The main text, one paragraph a line, and the metadata the page states.

    Raises:
        ExtractionError: the page holds no article text (only scripts, menus...).
    """
    result = _bare_extraction(html, source=source, url=url)
    text = (getattr(result, "text", None) or "").strip() if result is not None else ""
    if not text:
        raise ExtractionError(
            "no article text found in HTML (all script/navigation?)", source=source, stage="read"
        )
    return HtmlArticle(
        text=text,
        title=_field(result, "title"),
        published=_with_time(_field(result, "date"), stated_publication_time(html)),
        outlet=_field(result, "sitename") or _field(result, "hostname"),
        url=_field(result, "url") or url,
        language=page_language(html),
    )


def stated_publication_time(html: str) -> str | None:
    """The publication date-time a page states in its head (meta tag or JSON-LD), if any.

    Only values with a time of day are returned; a bare date adds nothing to
    what trafilatura finds.

    Example:
        >>> stated_publication_time('<meta property="article:published_time" '
        ...                         'content="2031-05-04T09:15:00+02:00">')
        '2031-05-04T09:15:00+02:00'
    """
    head = html[:_HEAD_CHARS]
    candidates = [*_meta_publication_values(head), *_JSONLD_PUBLISHED.findall(head)]
    return next((value.strip() for value in candidates if _HAS_TIME.match(value.strip())), None)


def _meta_publication_values(head: str) -> list[str]:
    values = []
    for tag in _META_TAG.findall(head):
        attributes = {key.lower(): a or b for key, a, b in _ATTRIBUTE.findall(tag)}
        key = attributes.get("property") or attributes.get("name") or attributes.get("itemprop")
        if key and key.lower() in _PUBLISHED_KEYS and attributes.get("content"):
            values.append(attributes["content"])
    return values


def _with_time(day: str | None, stated: str | None) -> str | None:
    """The stated date-time when it falls on trafilatura's day (or trafilatura found none)."""
    if stated and (day is None or stated.startswith(day)):
        return stated
    return day


def page_language(html: str) -> str | None:
    """The language code of ``<html lang="...">``, lower-cased, without region."""
    match = _HTML_LANG.search(html[:_LANG_HEAD_CHARS])
    return match.group(1).lower() if match else None


def _bare_extraction(html: str, *, source: str, url: str | None) -> Any:
    try:
        return trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,  # reader comments are not the article
            include_tables=True,
            include_images=False,
        )
    except (ValueError, RecursionError) as error:
        # lxml rejects some inputs outright; deeply nested junk can exhaust the stack.
        logger.debug("trafilatura failed on %s", source, exc_info=True)
        raise ExtractionError(
            f"HTML could not be parsed ({type(error).__name__}: {error})",
            source=source,
            stage="read",
        ) from error


def _field(result: Any, name: str) -> str | None:
    value = getattr(result, name, None)
    if value is None:
        return None
    text = str(value).strip()
    return text or None
