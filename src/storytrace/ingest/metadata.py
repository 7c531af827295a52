"""Fill the metadata a container did not state: publication date, outlet, title, language.

Each finder is a small pure function returning ``str | None``. What the
container stated (``Document`` fields) wins when it is present and valid;
otherwise the URL, then the raw text, including the junk lines cleaning
removes: scraped pages carry the date and the site name in their furniture.

Dates are found by fast regular expressions for the common shapes
(``10.01.22 18:07``, ``2022-01-10T18:07``, ``Wednesday, January 26, 2022``,
``Jan. 5, 2022``, ``5 January 2022``); dateparser, which knows other
languages' month names but takes 10-150 ms a call, only sees a few short
lines the fast path could not read.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from storytrace.model import Document
from storytrace.text.sentences import split_sentences

__all__ = [
    "date_from_url",
    "dates_from_text",
    "find_outlet",
    "find_published",
    "find_title",
    "headline",
    "iso_date",
    "normalise_language",
    "outlet_from_lines",
    "outlet_from_url",
]

logger = logging.getLogger(__name__)

# -- dates -----------------------------------------------------------------------------

MAX_DATE_LINE = 80
"""Longer lines are prose, not a dateline; prose dates are events, not publication."""
MAX_DATEPARSER_LINES = 3
"""dateparser calls per document (10-150 ms each, measured here); the dateline is near the top."""
_YEARS = range(1900, 2100)
# Two-digit years: "22" is 2022, "95" is 1995 (news scraped from the web is post-1970).
_CENTURY_PIVOT = 70

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ENGLISH_MDY = re.compile(
    rf"\b(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b", re.I
)
_ENGLISH_DMY = re.compile(
    rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH})\.?,?\s+(?P<y>\d{{4}})\b",
    re.I,
)
_ISO = re.compile(r"(?<!\d)(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)")
_NUMERIC = re.compile(
    r"(?<![\d.,/-])(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d]|[./-]\d)"
)
_TIME = re.compile(
    r"(?<![\d:])(?P<h>[01]?\d|2[0-3])[:h](?P<m>[0-5]\d)(?![\d])\s*(?P<ampm>[ap]\.?m\b\.?)?", re.I
)
# Cheap filter before any parsing: a four-digit year or a d.m.y-shaped number.
_DATE_HINT = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)|\d{1,2}[./-]\d{1,2}[./-]\d{2}")
_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/|$)"
    r"|(?<!\d)(?P<y2>(?:19|20)\d{2})-?(?P<m2>\d{2})-?(?P<d2>\d{2})(?!\d)"
)
_DATEPARSER_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],  # no "on Monday", no bare years
    "PARSERS": ["absolute-time"],  # relative expressions are not publication dates
    "RETURN_AS_TIMEZONE_AWARE": False,
}


@dataclass(frozen=True, slots=True)
class DateReading:
    """A date written in the text, with every calendar reading it allows.

    ``readings`` holds one date, or two for ``03.04.22``-style numbers, the
    conventional reading first (day-first for dots and dashes, month-first for
    slashes). ``time`` is ``(hour, minute)`` when the line gave one.
    """

    readings: tuple[date, ...]
    time: tuple[int, int] | None = None

    @property
    def ambiguous(self) -> bool:
        return len(self.readings) > 1


def find_published(document: Document) -> str | None:
    """The publication date: from the container, the URL, else a dateline in the text.

    Returns:
        ISO 8601: ``YYYY-MM-DD``, or ``YYYY-MM-DDTHH:MM:00`` when a time is given.
    """
    return (
        iso_date(document.published)
        or date_from_url(document.url)
        or _resolve(dates_from_text(document.text))
    )


def iso_date(value: str | None) -> str | None:
    """A container's date in our ISO shape, or None when it is absent or unreadable.

    Time zones are dropped: the wall-clock time of the source is kept, as the
    text itself would state it.
    """
    if not value or not value.strip():
        return None
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        found = next(_fast_readings(text), None)  # "Mon, 10 Jan 2022 18:07:00 GMT"
        return _resolve([found] if found else [])
    if parsed.year not in _YEARS:
        return None
    if len(text) <= len("2022-01-10"):
        return parsed.date().isoformat()
    return _format(parsed.date(), (parsed.hour, parsed.minute))


def date_from_url(url: str | None) -> str | None:
    """A date in a URL path: ``/2022/01/10/``, ``20220110``, ``2022-01-10``."""
    if not url:
        return None
    path = re.sub(r"^[a-z][a-z0-9+.-]*://[^/]*", "", url, flags=re.I)
    for match in _URL_DATE.finditer(path):
        year = match["y"] or match["y2"]
        month = match["m"] or match["m2"]
        day = match["d"] or match["d2"]
        found = _make_date(int(year), int(month), int(day))
        if found:
            return found.isoformat()
    return None


def dates_from_text(text: str) -> list[DateReading]:
    """Every dateline in ``text``, in order: short lines that state a full date.

    Never raises on any text; unreadable lines are passed over.
    """
    found: list[DateReading] = []
    budget = MAX_DATEPARSER_LINES
    for line in _date_lines(text):
        reading = next(_fast_readings(line), None)
        if reading is None and budget > 0:
            budget -= 1
            reading = _dateparser_reading(line)
        if reading is not None:
            found.append(reading)
    return found


def _date_lines(text: str) -> Iterator[str]:
    for raw in text.splitlines():
        line = raw.strip()
        if len(line) <= MAX_DATE_LINE and _DATE_HINT.search(line):
            yield line


def _fast_readings(line: str) -> Iterator[DateReading]:
    """The dates in ``line`` that the regular expressions can read, in order of shape."""
    for match in _ISO.finditer(line):
        day = _make_date(int(match["y"]), int(match["m"]), int(match["d"]))
        if day:
            yield DateReading((day,), _time_after(line, match.end()))
    for pattern in (_ENGLISH_MDY, _ENGLISH_DMY):
        for match in pattern.finditer(line):
            month = _MONTHS[match["mon"].lower()]
            day = _make_date(int(match["y"]), month, int(match["d"]))
            if day:
                yield DateReading((day,), _time_after(line, match.end()))
    for match in _NUMERIC.finditer(line):
        readings = _numeric_readings(match)
        if readings:
            yield DateReading(readings, _time_after(line, match.end()))


def _numeric_readings(match: re.Match[str]) -> tuple[date, ...]:
    """Both calendar readings of ``a.b.y``, the conventional one first."""
    first, second = int(match["a"]), int(match["b"])
    year = _full_year(match["y"])
    day_first = _make_date(year, second, first)
    month_first = _make_date(year, first, second)
    order = (month_first, day_first) if match["sep"] == "/" else (day_first, month_first)
    return tuple(dict.fromkeys(day for day in order if day is not None))


def _full_year(digits: str) -> int:
    year = int(digits)
    if len(digits) == 2:
        year += 2000 if year < _CENTURY_PIVOT else 1900
    return year


def _make_date(year: int, month: int, day: int) -> date | None:
    if year not in _YEARS:
        return None
    try:
        return date(year, month, day)
    except ValueError:  # 31 February, month 13: not a date
        return None


def _time_after(line: str, position: int) -> tuple[int, int] | None:
    """A clock time later on the line: ``18:07``, ``6:07 pm``, ``18h07``."""
    match = _TIME.search(line, position)
    if match is None:
        return None
    hour = int(match["h"])
    ampm = (match["ampm"] or "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    return hour, int(match["m"])


def _dateparser_reading(line: str) -> DateReading | None:
    """dateparser's reading of a short line (other languages' month names)."""
    from dateparser.search import search_dates  # slow import, rarely needed

    try:
        results = search_dates(line, settings=_DATEPARSER_SETTINGS)
    except (ValueError, OverflowError) as error:  # dateparser's own parse failures
        logger.debug("dateparser failed on %r: %s", line, error)
        return None
    for _, found in results or ():
        if found.year in _YEARS:
            time = (found.hour, found.minute) if _TIME.search(line) else None
            return DateReading((found.date(),), time)
    return None


def _resolve(found: list[DateReading]) -> str | None:
    """The first dateline, read in the way most consistent with the other dates."""
    if not found:
        return None
    first = found[0]
    evidence = [r.readings[0] for r in found if not r.ambiguous]
    return _format(_choose(first.readings, evidence), first.time)


def _choose(readings: tuple[date, ...], evidence: Iterable[date]) -> date:
    """The reading closest to the evidence and not after all of it, else the first."""
    known = list(evidence)
    if len(readings) == 1 or not known:
        return readings[0]
    latest = max(known)
    possible = [day for day in readings if day <= latest] or list(readings)
    return min(possible, key=lambda day: min(abs((day - other).days) for other in known))


def _format(day: date, time: tuple[int, int] | None) -> str:
    if time is None:
        return day.isoformat()
    return f"{day.isoformat()}T{time[0]:02d}:{time[1]:02d}:00"


# -- outlet ----------------------------------------------------------------------------

MAX_SITE_LINE = 60
"""A site-name line is a short line: the domain alone, maybe with a scheme or ``www.``."""
_DOMAIN_LINE = re.compile(
    r"(?:https?://)?(?:www\.)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63})/?", re.I
)


def find_outlet(document: Document) -> str | None:
    """The outlet: the container's site name, else the registered domain of the URL or a site line.

    An attribution in the text ("X reports") names a source, not the outlet,
    and is never used.
    """
    if document.outlet and document.outlet.strip():
        return " ".join(document.outlet.split())
    return (
        outlet_from_url(document.url)
        or outlet_from_lines(document.text)
        or outlet_from_copyright(document.text)
    )


def outlet_from_url(url: str | None) -> str | None:
    """The lowercase registered domain of ``url`` (``news.bm.ge/x`` -> ``bm.ge``)."""
    if not url or not url.strip():
        return None
    return _registered_domain(url.strip())


def outlet_from_lines(text: str) -> str | None:
    """The registered domain named by the first domain-shaped short line (``BM.GE``)."""
    for raw in text.splitlines():
        line = raw.strip()
        if len(line) <= MAX_SITE_LINE and _DOMAIN_LINE.fullmatch(line):
            domain = _registered_domain(line)
            if domain:
                return domain
    return None


# "© 2025 Name. All rights reserved.", "Copyright (c) 2019-2024 Name |": the footer names the
# site. The name runs to the first sentence stop, bar or "all rights".
_COPYRIGHT_LINE = re.compile(
    r"(?:©|\(c\)|copyright)(?:\s*(?:©|\(c\)))?\s*"
    r"(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
    r"(?P<name>[^\W\d_][^.|•·©]{1,58}?)\s*(?:[.|•·]|all rights|$)",
    re.IGNORECASE,
)


def outlet_from_copyright(text: str) -> str | None:
    """The site named in a copyright footer line (``© 2025 Name. All rights reserved.``)."""
    for raw in reversed(text.splitlines()):  # footers sit at the end
        line = raw.strip()
        match = _COPYRIGHT_LINE.match(line) if len(line) <= MAX_SITE_LINE * 2 else None
        if match and not match.group("name").lower().startswith("all rights"):
            return match.group("name")
    return None


def _registered_domain(host_or_url: str) -> str | None:
    domain = _domain_extractor()(host_or_url).top_domain_under_public_suffix
    return domain.lower() or None


@cache
def _domain_extractor() -> Any:
    """A tldextract extractor that never touches the network: the bundled suffix snapshot."""
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


# -- title -----------------------------------------------------------------------------

HEADLINE_WINDOW = 5
"""How many non-empty lines from the top may hold the headline."""
MAX_TITLE_CHARS = 120
"""A title taken from the first sentence is cut to about this many characters."""
_HEADLINE_WORDS = range(3, 31)  # fewer is a label ("Home"), more is a paragraph
_PARAGRAPH_WORDS = 40  # a line this long is body text: the headline, if any, came before
_TRAILING_CLOSERS = "\"'”’»)]"


def find_title(document: Document, text: str) -> str | None:
    """The title: the container's, else a headline line at the top, else the first sentence.

    Args:
        document: the document as read (its ``title`` wins when present).
        text: the cleaned text, where a headline is looked for.
    """
    if document.title and document.title.strip():
        return " ".join(document.title.split())
    return headline(text) or _title_from_first_sentence(text)


def headline(text: str) -> str | None:
    """The first of the top lines that is shaped like a headline, if any."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines[:HEADLINE_WINDOW]:
        if _looks_like_headline(line):
            return line
        if len(line.split()) >= _PARAGRAPH_WORDS:
            break
    return None


def _looks_like_headline(line: str) -> bool:
    """Short, no final full stop, starts like a title, and is not a date or a site name."""
    words = line.split()
    ending = line.rstrip(_TRAILING_CLOSERS)[-1:]
    return (
        len(words) in _HEADLINE_WORDS
        and ending not in {".", ",", ":", ";"}
        and not line[0].islower()
        and any(ch.isalpha() for ch in line)
        and next(_fast_readings(line), None) is None
        and not _DOMAIN_LINE.fullmatch(line)
    )


def _title_from_first_sentence(text: str) -> str | None:
    # Line breaks end sentences, so the first sentence lies in the first non-blank line;
    # past 2,000 characters it is cut to MAX_TITLE_CHARS anyway.
    head = next((line for line in text.splitlines() if line.strip()), "")[:2000]
    spans = split_sentences(head)
    if not spans:
        return None
    sentence = " ".join(head[spans[0][0] : spans[0][1]].split())
    if len(sentence) <= MAX_TITLE_CHARS:
        return sentence.removesuffix(".") or sentence
    cut = sentence.rfind(" ", 0, MAX_TITLE_CHARS)
    return sentence[: cut if cut > 0 else MAX_TITLE_CHARS].rstrip(",;: ") + "…"


# -- language --------------------------------------------------------------------------

_LANGUAGE_TAG = re.compile(r"([a-z]{2})(?:[-_][a-z0-9]+)*", re.I)


def normalise_language(code: str | None) -> str | None:
    """An ISO 639-1 code from a container's language tag (``en-US`` -> ``en``), else None."""
    if not code:
        return None
    match = _LANGUAGE_TAG.fullmatch(code.strip())
    return match.group(1).lower() if match else None
