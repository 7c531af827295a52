"""What the story clustering compares: a weighted term vector, a day, names, ages, addresses.

Terms are the content words of title and text (``reuse.topical.terms``: folded, no stop
words), weighted by sublinear term frequency times a *background* rarity, ``7 - zipf``
(wordfreq, in the article's language, at least 0.5). The weights depend on the article
alone, not on the other articles' terms, which is what lets the clustering run over a
stream. Names found by the claims stage join as terms of their own (``@<entity id>``), so
"Tokayev" and "Tokajev" meet. Ages of people and street addresses are kept apart: two
reports that both give them and share none are about different people or places.

The one pile-wide input is ``TemplateLines``: a line repeated verbatim across several
articles of the pile (a sign-up notice, a video playlist, a paywall prompt) is page
template, not news, and is left out of the terms. Scraped piles are full of pages whose
whole text is such a template (GVA dev: 114 of the 219 wrong links at the old threshold
shared one).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from wordfreq import zipf_frequency

from storytrace.model import Article
from storytrace.reuse.skeleton import fold
from storytrace.reuse.topical import terms
from storytrace.stories.dates import day_of
from storytrace.stories.vectors import Vector, cosine

__all__ = [
    "INDEX_TERMS",
    "Features",
    "TemplateLines",
    "addresses_in",
    "ages_in",
    "cosine",
    "features_of",
    "line_fingerprints",
    "rarity",
]

NAME_BOOST = 2.0
"""Weight factor of a term written capitalised inside a sentence (a name): GVA dev pair F1
0.36 -> 0.63 with it in the tuning harness (incidents of one kind differ mostly by names and
places)."""
KEY_MIN_RARITY = 3.0
"""Index keys must be at least this rare (zipf <= 4): common words make long postings that
add work, not stories (GVA dev: same recall, a third of the candidate pairs)."""
INDEX_TERMS = 12
"""Heaviest terms per article that enter the candidate index (GVA dev: recall of same-incident
pairs flat above 10, time grows with it)."""
TITLE_WEIGHT = 2.0
"""Title terms count this many times (GVA + news-story-chains dev)."""
NAME_RARITY = 1.0
"""Weight of an entity term (before normalising). It bridges spellings ("Tokayev" /
"Tokajev"); the name's own words already weigh as terms, so a heavy entity term counts a
name twice, and noisy entities (page furniture, common places) link unrelated incidents.
GVA dev, every 2nd incident, pair F1 with the claims stage's entities: rules-only names
0.762 at 7.0 (an unseen word's weight), 0.781 at 3.5, 0.788 at 1.0; spaCy names 0.767 at
7.0, 0.785 at 1.0; without entities 0.790. news-story-chains dev unchanged (0.926)."""
TEMPLATE_MIN_ARTICLES = 3
"""A line found in this many articles is template (GVA dev: 2 also catches wire copies that
tell the same story, 114 of 219 wrong links share a line seen 3 or more times, 15 of 1,091
right ones do)."""
TEMPLATE_MIN_CHARS = 30
"""Shorter lines (datelines, bylines, "Advertisement") are too common to fingerprint."""
_AGE = re.compile(r"\b(\d{1,3})[- ]years?[- ]old\b|\b[A-Z][a-z]+, (\d{1,2}),")
_DIRECTION = r"(?:[NSEW]\.? |North |South |East |West )?"
_ADDRESS = re.compile(
    rf"\b(\d{{2,5}}) block of (?:the )?{_DIRECTION}([A-Z0-9]\w*(?: [A-Z]\w*)?)"
    rf"|\b(\d{{2,5}}) {_DIRECTION}([A-Z][a-z]+) (?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Lane|Ln"
    r"|Boulevard|Blvd|Court|Ct|Place|Pl|Way)\b"
)
_NAME = re.compile(r"(?<=[a-z,;:] )([A-Z][\w'’.-]+)")
_NAME_SCAN = 5000
_MIN_RARITY = 0.5
_RARITY_TOP = 7.0


@dataclass(frozen=True, slots=True)
class Features:
    """One article as the clustering sees it."""

    id: str
    vector: Vector
    keys: tuple[str, ...]
    day: date | None
    ages: frozenset[int] = frozenset()
    """Ages of the people it names ("a 4-year-old", "Smith, 32,")."""
    addresses: frozenset[str] = frozenset()
    """Street addresses it gives, as house or block number and street word ("3200 congress")."""


class TemplateLines:
    """How many articles of a pile hold each line: lines in many of them are page template.

    Keeps an 8-byte fingerprint per distinct long line, not the text. ``observe`` each
    article once (``find_stories`` observes the whole pile first, so the answer does not
    depend on order; a stream observes articles as they come).
    """

    def __init__(self) -> None:
        self._counts: Counter[bytes] = Counter()

    @classmethod
    def known(cls, template: Iterable[bytes]) -> TemplateLines:
        """Lines already found to be template across the pile (their ``line_fingerprints``
        counted elsewhere, as the Spark job counts them with a group-by)."""
        lines = cls()
        lines._counts.update(dict.fromkeys(template, TEMPLATE_MIN_ARTICLES))
        return lines

    def observe(self, text: str) -> None:
        """Count the long lines of one article (each distinct line once)."""
        self._counts.update(line_fingerprints(text))

    def strip(self, text: str) -> str:
        """``text`` without its template lines."""
        kept = [
            line
            for line in text.split("\n")
            if (key := _fingerprint(line)) is None or self._counts[key] < TEMPLATE_MIN_ARTICLES
        ]
        return "\n".join(kept)


def _fingerprint(line: str) -> bytes | None:
    """A short hash of a line's folded words; None for a short line."""
    words = " ".join(re.findall(r"\w+", line.lower()))
    if len(words) < TEMPLATE_MIN_CHARS:
        return None
    return hashlib.blake2b(words.encode("utf-8"), digest_size=8).digest()


def line_fingerprints(text: str) -> frozenset[bytes]:
    """The distinct fingerprints of a text's long lines, as ``TemplateLines`` counts them."""
    return frozenset(key for line in text.split("\n") if (key := _fingerprint(line)) is not None)


@lru_cache(maxsize=262144)
def rarity(term: str, language: str = "en") -> float:
    """Background rarity of a folded term: ``7 - zipf``, at least 0.5."""
    try:
        zipf = float(zipf_frequency(term, language))
    except (LookupError, ValueError):
        zipf = 0.0
    return max(_MIN_RARITY, _RARITY_TOP - zipf)


def features_of(
    article: Article, names: Iterable[str] = (), templates: TemplateLines | None = None
) -> Features:
    """The features of ``article``; ``names`` are the entity ids it mentions; lines that
    ``templates`` knows as page template are left out."""
    language = article.language or "en"
    if templates is not None:
        article = replace(article, text=templates.strip(article.text), sentences=())
    counts: dict[str, float] = dict(Counter(terms(article)))
    if article.title:
        heading = Article(id="", source="", text="", title=article.title, language=language)
        for term in terms(heading):
            counts[term] = counts.get(term, 0.0) + TITLE_WEIGHT - 1.0
    capitalised = _capitalised(article)
    weights = {
        t: (1.0 + math.log(c)) * rarity(t, language) * (NAME_BOOST if t in capitalised else 1.0)
        for t, c in counts.items()
        if c >= 1
    }
    for name in names:
        weights["@" + name] = NAME_RARITY
    vector = _normalised(weights)
    usable = [t for t in vector if t.startswith("@") or rarity(t, language) >= KEY_MIN_RARITY]
    keys = tuple(sorted(usable, key=lambda t: (-vector[t], t))[:INDEX_TERMS])
    text = f"{article.title or ''}\n{article.text}"
    return Features(
        id=article.id,
        vector=vector,
        keys=keys,
        day=day_of(article.published),
        ages=ages_in(text),
        addresses=addresses_in(text),
    )


def ages_in(text: str) -> frozenset[int]:
    """The ages a text gives people: "a 4-year-old boy", "John Smith, 32, of ..."."""
    found = (int(hyphenated or apposed) for hyphenated, apposed in _AGE.findall(text))
    return frozenset(age for age in found if 0 < age < 110)


def addresses_in(text: str) -> frozenset[str]:
    """Street addresses as number and last street word ("3200 block of West Congress" ->
    "3200 congress"), so spellings of the street type and direction still meet."""
    found = set()
    for match in _ADDRESS.finditer(text):
        number, street = match[1] or match[3], (match[2] or match[4]).lower()
        found.add(f"{number} {street.split()[-1]}")
    return frozenset(found)


def _capitalised(article: Article) -> frozenset[str]:
    """Folded words written with a capital after a lower-case word: names, not sentence starts."""
    found = _NAME.findall(article.text[:_NAME_SCAN])
    return frozenset(fold(word) for word in found)


def _normalised(weights: Mapping[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {t: w / norm for t, w in weights.items()} if norm else {}
