"""Line repetition across a pile of documents: the furniture detector's memory.

A line that recurs on many pages of one site (a menu, a footer, a captcha
prompt) is page furniture. But storytrace's inputs are full of verbatim copies,
and copies share their *content* lines legitimately. So for every line we keep,
besides a plain document count, a small sample of *sketches* of the documents
it occurs in. A sketch is the few smallest hashes of a document's lines (a
bottom-k sample, as in MinHash): two copies of one article share sketch hashes,
two unrelated pages of one site do not. The number of connected groups of
sketches is the number of *independent* documents that carry the line.

Everything is hashes and counters: cheap to build, mergeable (``merge``) and
incremental (``add``), and independent of the order documents arrive in.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePath
from urllib.parse import urlsplit

import tldextract

from storytrace.model import Document

SKETCH_SIZE = 4
"""Bottom-k size of a document sketch; 4 hashes tell copies from strangers (kz2022, GVA dev)."""
SKETCH_MIN_WORDS = 6
"""Only lines of this many words go into a document's sketch (content, not furniture)."""
MAX_SKETCHES_PER_LINE = 24
"""Sketches kept per line and scope (the smallest ones, so the sample is order-free)."""
SITE_CACHE_SIZE = 4096
"""Documents whose site is remembered: cleaning asks once per line, and the
domain parse (tldextract) costs more than the rest of a repetition lookup."""
CORPUS = "*"
"""The scope key of corpus-wide counts."""

_WAYBACK = re.compile(r"^https?://web\.archive\.org/web/[^/]+/(.+)$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

Sketch = tuple[int, ...]


def normalise_line(line: str) -> str:
    """Case-folded, whitespace-collapsed, digit runs replaced: 'Copyright 2016' ~ '... 2017'."""
    # str.split() and the regex \s agree on what whitespace is (str.isspace).
    return _DIGITS.sub("0", " ".join(line.casefold().split()))


def line_hash(line: str) -> int:
    """A 64-bit hash of the normalised line."""
    digest = hashlib.blake2b(normalise_line(line).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def _host(url: str) -> str:
    match = _WAYBACK.match(url.strip())
    target = match.group(1) if match else url.strip()
    if "://" not in target:
        target = "http://" + target
    return urlsplit(target).hostname or ""


def site_of(document: Document) -> str:
    """The site a document belongs to: the registered domain of ``url`` (Wayback URLs
    unwrapped) or ``outlet``; else the parent directory of its source."""
    return _site(document.url, document.outlet, document.source)


@lru_cache(maxsize=SITE_CACHE_SIZE)
def _site(url: str | None, outlet: str | None, source: str) -> str:
    for candidate in (url, outlet):
        if candidate:
            host = _host(candidate)
            parts = _EXTRACT(host)
            if parts.domain:
                return f"{parts.domain}.{parts.suffix}" if parts.suffix else parts.domain
    source = source.split("#", 1)[0]
    return "dir:" + str(PurePath(source).parent)


def site_labels(document: Document) -> frozenset[str]:
    """Ways the site's own name is written alone on a line ('example', 'examplecom')."""
    site = site_of(document)
    if site.startswith("dir:"):
        return frozenset()
    name = site.split(".", 1)[0]
    return frozenset({name, re.sub(r"\W", "", site)})


def _sketch(lines: list[str], hashes: list[int] | None = None) -> Sketch:
    """The document's bottom-k line hashes (``hashes``: ``line_hash`` of each line, if known)."""
    hashes = hashes if hashes is not None else [line_hash(line) for line in lines]
    long_lines = [
        value
        for line, value in zip(lines, hashes, strict=True)
        if len(line.split()) >= SKETCH_MIN_WORDS
    ]
    return tuple(sorted(set(long_lines or hashes))[:SKETCH_SIZE])


@dataclass(frozen=True, slots=True)
class Repetition:
    """How widely one line repeats.

    Attributes:
        site_documents: documents of the line's site that contain it.
        site_independent: groups of those documents that share no other content.
        corpus_documents: documents of the whole pile that contain it.
        corpus_independent: groups of those that share no other content.
    """

    site_documents: int = 0
    site_independent: int = 0
    corpus_documents: int = 0
    corpus_independent: int = 0


@dataclass(slots=True)
class _LineRecord:
    documents: int = 0
    sketches: set[Sketch] = field(default_factory=set)

    def add(self, sketch: Sketch, documents: int = 1) -> None:
        self.documents += documents
        self.sketches.add(sketch)
        if len(self.sketches) > MAX_SKETCHES_PER_LINE:
            self.sketches.discard(max(self.sketches))

    def independent(self, line: int) -> int:
        """Connected groups of sketches that share a hash other than ``line`` itself."""
        if len(self.sketches) < 2:
            return len(self.sketches)
        parent = {sketch: sketch for sketch in self.sketches}

        def find(item: Sketch) -> Sketch:
            while parent[item] != item:
                item = parent[item]
            return item

        owner: dict[int, Sketch] = {}
        for sketch in sorted(self.sketches):
            for value in sketch:
                if value == line:
                    continue
                if value in owner:
                    parent[find(sketch)] = find(owner[value])
                else:
                    owner[value] = sketch
        return len({find(sketch) for sketch in self.sketches})


class LineStats:
    """How often each line occurs across the pile, per site and corpus-wide.

    Build it with ``from_documents`` or grow it with ``add``; combine partial
    counts with ``merge``. Ask it with ``repetition(document, line)``.

    Example:
        >>> from storytrace.model import Document
        >>> docs = [Document(id=str(i), source=f"s/{i}.txt", format="text",
        ...                  text=f"Story number {i} is here.\\nSubscribe today") for i in range(3)]
        >>> stats = LineStats.from_documents(docs)
        >>> stats.repetition(docs[0], "Subscribe today").site_independent
        3
    """

    __slots__ = ("_documents", "_records")

    def __init__(self) -> None:
        self._records: dict[tuple[str, int], _LineRecord] = defaultdict(_LineRecord)
        self._documents = 0

    @classmethod
    def from_documents(cls, documents: Iterable[Document]) -> LineStats:
        """Count the lines of every document (the corpus profile)."""
        stats = cls()
        for document in documents:
            stats.add(document)
        return stats

    @property
    def documents(self) -> int:
        """How many documents have been added."""
        return self._documents

    def add(self, document: Document) -> None:
        """Count one more document's lines (each distinct line once per document)."""
        for scope, value, sketch in self.entries(document):
            self._records[(scope, value)].add(sketch)
        self._documents += 1

    @staticmethod
    def entries(document: Document) -> list[tuple[str, int, Sketch]]:
        """What ``add`` counts for one document: ``(scope, line hash, sketch)`` for each
        distinct line, once for its site and once for the corpus.

        A distributed engine counts these rows per ``(scope, line hash)`` (documents, and
        the ``MAX_SKETCHES_PER_LINE`` smallest distinct sketches) and hands them back
        through ``from_records``: the same profile ``add`` builds, document by document.
        """
        lines = [line.strip() for line in document.text.split("\n") if line.strip()]
        hashes = [line_hash(line) for line in lines]
        sketch = _sketch(lines, hashes)
        site = site_of(document)
        return [(scope, value, sketch) for value in set(hashes) for scope in (site, CORPUS)]

    @classmethod
    def from_records(
        cls, records: Iterable[tuple[str, int, int, Iterable[Sketch]]], *, documents: int = 0
    ) -> LineStats:
        """A profile from counted ``entries``: ``(scope, line hash, documents, sketches)``.

        Only the lines a caller will ask about need to be given (e.g. one document's).
        """
        stats = cls()
        for scope, value, count, sketches in records:
            record = stats._records[(scope, value)]
            for sketch in sketches:
                record.add(tuple(sketch), documents=0)
            record.documents += count
        stats._documents = documents
        return stats

    def merge(self, other: LineStats) -> None:
        """Add another profile's counts to this one (e.g. from a parallel worker)."""
        for key, record in other._records.items():
            mine = self._records[key]
            for sketch in sorted(record.sketches):
                mine.add(sketch, documents=0)
            mine.documents += record.documents
        self._documents += other._documents

    def repetition(self, document: Document, line: str, *, corpus: bool = True) -> Repetition:
        """How widely ``line`` repeats on ``document``'s site and in the whole pile
        (``corpus=False``: on the site only, the corpus counts left at 0)."""
        value = line_hash(line)
        site = self._records.get((site_of(document), value))
        corpus_record = self._records.get((CORPUS, value)) if corpus else None
        return Repetition(
            site_documents=site.documents if site else 0,
            site_independent=site.independent(value) if site else 0,
            corpus_documents=corpus_record.documents if corpus_record else 0,
            corpus_independent=corpus_record.independent(value) if corpus_record else 0,
        )
