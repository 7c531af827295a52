"""Named entities across articles: mentions from NER and rules, clustered by alias.

Mentions come from a spaCy pipeline when one is installed (PERSON, ORG, GPE, LOC,
FAC; spans cut at line breaks) and from rules that catch what a small English model
misses on Central Asian and other non-English names:

- a title before capitalised words is a person ("President Kassym-Jomart Tokayev",
  "spokesperson Saltanat Azirbek");
- capitalised words ending in an organisation word ("... Treaty Organization",
  "... Ministry") and acronyms are organisations; "Expansion (ACR)" and "ACR1 or ACR2"
  link an acronym to its expansion or to a sister acronym;
- with no model, capitalised word runs stand in for names.

Clustering (union-find over distinct surface forms, across all articles):

1. the same *skeleton*: ASCII-folded, lower-cased, spaces and hyphens removed, and
   transliteration variants folded (zh/j/y, ou/u, shch/chtch/sh, doubled letters,
   ks/x): "Kasym-Zhomart Tokajev" = "Kassym-Jomart Tokayev", "Aljazeera" = "Al Jazeera";
2. a one-word person name joins the one multi-word person whose last word has that
   skeleton ("Tokayev" -> "Kassym-Jomart Tokayev");
3. an acronym joins a multi-word organisation whose initials are its letters in
   order, reversed, or (four letters or more) in another order, as the acronym of
   a translated name is ("KTSJ", "CCBN"); two acronyms of four or more letters with
   the same letters join ("CTSO" = "CSTO"); linked pairs from the text join;
4. multi-word names of one type with skeleton similarity >= 90 (rapidfuzz ratio)
   join ("Organisation" / "Organization").

The canonical name is the most frequent multi-word form (longest on a tie); the id
is its slug (``e:kassym-jomart-tokayev``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations

from rapidfuzz import fuzz

from storytrace.claims._scan import finditer_near
from storytrace.claims.quotes import NameMention
from storytrace.model import Entity, Mention

__all__ = ["EntityIndex", "RawMention", "cluster", "rule_mentions", "skeleton"]

_TITLES = (
    r"President|Prime Minister|Foreign Minister|Minister|Secretary of State|Secretary-General|"
    r"Secretary General|Secretary|Chancellor|King|Queen|Prince|Governor|Mayor|Senator|"
    r"Sen\.|Rep\.|Gen\.|General|Colonel|Col\.|Captain|Capt\.|Lt\.|Sgt\.|Sergeant|Officer|"
    r"Detective|Judge|Justice|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?|Professor|spokesperson|"
    r"spokesman|spokeswoman|chairman|chairwoman|chairperson|leader|commander|chief|"
    r"ambassador|envoy|Pope|Rev\.|Sheikh|Emir|Ayatollah|Patriarch|counterpart|"
    r"Researcher|researcher|analyst|director|Director|CEO|founder|expert|correspondent|"
    r"president|président|premier ministre|ministre|governor|gouverneur"
)
_NAME_TOKEN = r"[A-Z][\w’'.]*(?:-[A-Z][\w’']*)*"
_PERSON_AFTER_TITLE = re.compile(
    rf"\b(?:{_TITLES})\s+(?P<name>{_NAME_TOKEN}"
    rf"(?:[ \t]+(?:{_NAME_TOKEN}|al-\w+|bin|de|van|von)){{0,3}})"
)
_ORG_WORDS = (
    r"Organi[sz]ation|Ministry|Council|Agency|Institute|Party|Union|Bank|Company|Corp\.?|"
    r"Inc\.?|Department|Service|Committee|Alliance|Association|Group|International|Office|"
    r"Commission|Authority|Federation|Foundation|Fund|Court|Parliament|Assembly|Army|Police|"
    r"University|Network|News|Times|Post|Press|Reuters|Corporation|Bureau|Forces|Front|Movement"
)
_ORG = re.compile(
    rf"\b(?P<name>(?:(?:{_NAME_TOKEN}|of|for|and|the|de|du|des|la|le|du)[ \t]+){{0,6}}"
    rf"(?:{_ORG_WORDS}))\b"
)
# What every _ORG match ends with: scanning only near these is what keeps it fast.
_ORG_WORD = re.compile(rf"\b(?:{_ORG_WORDS})\b")
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
_PAREN = re.compile(
    rf"(?P<name>(?:{_NAME_TOKEN}[ \t]+(?:(?:of|for|and|the|de|du)[ \t]+){{0,2}}){{1,7}}"
    rf"{_NAME_TOKEN})"
    rf"[ \t]*\((?P<acr>[A-Z]{{2,6}})\)"
)
_PAREN_ACRONYM = re.compile(r"\([A-Z]{2,6}\)")
# How far before its anchor word a match may start (characters): seven name words.
_REACH = 400
_ACRONYM_PAIR = re.compile(r"\b(?P<a>[A-Z]{2,6})\s+or\s+(?P<b>[A-Z]{2,6})\b")
# A run's words end at a full stop unless they are initials or short abbreviations
# ("J.", "St."): "Galina Rochtchina. Approximately" is a name and a new sentence.
_RUN_TOKEN = r"(?:[A-Z][a-z]{0,2}\.|[A-Z][\w’']*(?:-[A-Z][\w’']*)*)"
_CAPITAL_RUN = re.compile(rf"(?<![\w’'])(?:{_RUN_TOKEN})(?:[ \t]+(?:{_RUN_TOKEN})){{1,3}}")
_LEADING = re.compile(
    rf"^(?:(?:the|The|{_TITLES}|US|U\.S\.|UK|Russian|Chinese|Kazakh|of|State"
    rf"|[A-Z]{{2,6}}(?=\s+(?:{_TITLES})\b))\s+)+"  # "NBCC Secretary-General X": X
)
_STOP = frozenset(
    [
        "of",
        "the",
        "and",
        "for",
        "de",
        "du",
        "des",
        "la",
        "le",
        "et",
        "der",
        "die",
        "das",
        "und",
        "del",
        "di",
        "da",
        "van",
        "von",
        "al",
        "el",
    ]
)
_TYPES = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place"}
_NOT_NAMES = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "This",
        "That",
        "But",
        "And",
        "Or",
        "If",
        "When",
        "While",
        "After",
        "Before",
        "As",
        "For",
        "With",
        "From",
        "By",
        "To",
        "Of",
        "Read",
        "See",
        "Related",
        "Comments",
        "Home",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
)
# Transliteration folds, applied in order to lower-case ASCII (Russian/Kazakh names in
# English, French, German and Finnish spellings; demo and kz2022 variants checked).
_FOLDS = (
    ("shch", "sh"), ("chtch", "sh"), ("tch", "ch"), ("sch", "sh"), ("zh", "j"), ("dj", "j"),
    ("kh", "h"), ("ph", "f"), ("ou", "u"), ("bye", "be"), ("vye", "ve"), ("yo", "o"), ("ya", "ia"),
    ("yu", "iu"), ("ks", "x"), ("ck", "k"), ("w", "v"), ("y", "i"), ("j", "i"), ("z", "s"),
    ("c", "k"),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class RawMention:
    """One named mention before clustering: where, what words, which type, how sure."""

    article: str
    start: int
    end: int
    text: str
    type: str
    weight: int = 1


@lru_cache(maxsize=65536)
def skeleton(name: str) -> str:
    """A spelling-insensitive key: ASCII, lower case, no spaces, transliteration folded.

    Example:
        >>> skeleton("Kasym-Zhomart Tokajev") == skeleton("Kassym-Jomart Tokayev")
        True
        >>> skeleton("Aljazeera") == skeleton("Al Jazeera")
        True
    """
    folded = unicodedata.normalize("NFKD", name)
    ascii_name = "".join(c for c in folded if c.isascii() and c.isalpha()).lower()
    for source, target in _FOLDS:
        ascii_name = ascii_name.replace(source, target)
    return re.sub(r"(.)\1+", r"\1", ascii_name)


@lru_cache(maxsize=65536)
def clean_name(text: str) -> str:
    """A mention's name: one line, no possessive, no leading titles or determiners."""
    name = " ".join(text.split())
    name = re.sub(r"[’']s$", "", name).strip(" .,;:“”\"'()")
    stripped = _LEADING.sub("", name)
    return stripped if stripped and stripped[0].isupper() else name


def rule_mentions(article_id: str, text: str, *, capital_runs: bool) -> list[RawMention]:
    """Mentions the rules find: titled persons, organisations, acronyms (+ capital runs)."""
    found: list[RawMention] = []
    for match in _PERSON_AFTER_TITLE.finditer(text):
        found.append(_raw(article_id, text, match.span("name"), "person", 2))
    for match in finditer_near(_ORG, _ORG_WORD, text, reach=_REACH):
        found.append(_raw(article_id, text, match.span("name"), "organisation", 2))
    for match in _ACRONYM.finditer(text):
        if match.group().capitalize() not in text:  # "ALMATY:" datelines are places
            found.append(_raw(article_id, text, match.span(), "organisation", 1))
    if capital_runs:
        for match in _CAPITAL_RUN.finditer(text):
            found.append(_raw(article_id, text, match.span(), "person", 1))
    return [m for m in found if clean_name(m.text) and clean_name(m.text) not in _NOT_NAMES]


def _raw(article_id: str, text: str, span: tuple[int, int], kind: str, weight: int) -> RawMention:
    start, end = span
    return RawMention(article_id, start, end, text[start:end], kind, weight)


def ner_mentions(
    article_id: str, text: str, ents: Iterable[tuple[int, int, str]]
) -> list[RawMention]:
    """Mentions from a NER model's ``(start, end, label)`` spans, cut at line breaks."""
    found: list[RawMention] = []
    for start, end, label in ents:
        kind = _TYPES.get(label)
        if kind is None:
            continue
        line_end = text.find("\n", start, end)
        end = line_end if line_end >= 0 else end
        if end > start and clean_name(text[start:end]) not in _NOT_NAMES:
            found.append(RawMention(article_id, start, end, text[start:end], kind, 1))
    return found


def acronym_links(text: str) -> list[tuple[str, str]]:
    """Name pairs the text itself links: "Expansion (ACR)" and "ACR1 or ACR2"."""
    pairs = finditer_near(_PAREN, _PAREN_ACRONYM, text, reach=_REACH)
    links = [(clean_name(m.group("name")), m.group("acr")) for m in pairs]
    links += [(m.group("a"), m.group("b")) for m in _ACRONYM_PAIR.finditer(text)]
    return links


@dataclass
class _Union:
    parent: dict[str, str] = field(default_factory=dict)

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


@dataclass
class EntityIndex:
    """Entities, and a lookup from any name (as written) to an entity id."""

    entities: tuple[Entity, ...]
    by_name: dict[str, str]
    by_surname: dict[str, str]

    def resolve(self, name: str | None) -> str | None:
        """The id of the entity ``name`` refers to, or None.

        Example:
            >>> index = cluster([RawMention("a", 0, 15, "Kassym Tokayev", "person")], [])
            >>> index.resolve("President Tokajev")
            'e:kassym-tokayev'
        """
        if not name:
            return None
        cleaned = clean_name(name)
        key = skeleton(cleaned)
        if key in self.by_name:
            return self.by_name[key]
        words = cleaned.split()
        return self.by_surname.get(skeleton(words[-1])) if words else None


def cluster(mentions: Sequence[RawMention], links: Sequence[tuple[str, str]]) -> EntityIndex:
    """Cluster mentions from all articles into entities (see the module doc for rules)."""
    surfaces: dict[str, list[RawMention]] = defaultdict(list)
    for mention in mentions:
        name = clean_name(mention.text)
        if len(skeleton(name)) >= 2:
            surfaces[name].append(mention)
    types = {name: _vote(items) for name, items in surfaces.items()}
    sizes = {name: len(items) for name, items in surfaces.items()}
    union = _Union()
    _join_by_rules(union, types, sizes, links)
    groups: dict[str, list[str]] = defaultdict(list)
    for name in surfaces:
        groups[union.find(name)].append(name)
    return _build(groups, surfaces)


def _vote(items: Sequence[RawMention]) -> str:
    votes: Counter[str] = Counter()
    for item in items:
        votes[item.type] += item.weight
    return votes.most_common(1)[0][0]


def _join_by_rules(
    union: _Union, types: dict[str, str], sizes: dict[str, int], links: Sequence[tuple[str, str]]
) -> None:
    by_key: dict[str, str] = {}
    for name in types:
        union.find(name)
        key = skeleton(name)
        if key in by_key:
            union.join(name, by_key[key])
        else:
            by_key[key] = name
    for a, b in links:
        if a in types and b in types:
            union.join(a, b)
    _join_surnames(union, types, sizes)
    _join_acronyms(union, types)
    _join_similar(union, types)


def _join_surnames(union: _Union, types: dict[str, str], sizes: dict[str, int]) -> None:
    """A one-word name joins the multi-word person with that last word.

    When several do ("Vladimir Putin", and a headline run-on "Kazakhstan Putin"), the
    one named at least twice as often as any other wins; otherwise none does.
    """
    full: dict[str, Counter[str]] = defaultdict(Counter)
    for name, kind in types.items():
        words = name.split()
        if kind == "person" and len(words) >= 2:
            full[skeleton(words[-1])][union.find(name)] += sizes[name]
    for name, kind in types.items():
        if len(name.split()) == 1 and kind in ("person", "organisation") and not name.isupper():
            roots = full.get(skeleton(name))
            if not roots:
                continue
            ranked = roots.most_common(2)
            if len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]:
                union.join(name, ranked[0][0])


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _STOP]
    return "".join(w[0].upper() for w in words if w[0].isalpha())


def _acronym_matches(acronym: str, initials: str) -> bool:
    if len(initials) != len(acronym):
        return False
    if initials == acronym or (len(acronym) >= 3 and initials == acronym[::-1]):
        return True
    return len(acronym) >= 4 and sorted(initials) == sorted(acronym)


def _join_acronyms(union: _Union, types: dict[str, str]) -> None:
    """Acronyms to the organisations whose initials they are, and sister acronyms.

    Every rule of ``_acronym_matches`` needs the same letters, so names are looked up by
    their sorted initials: linear in the names, where trying every pair took a third of
    the stage's time on a pile of local news.
    """
    acronyms = [n for n in types if n.isupper() and 2 <= len(n) <= 6 and " " not in n]
    by_letters: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for name, kind in types.items():
        if kind == "organisation" and len(name.split()) >= 2:
            initials = _initials(name)
            by_letters["".join(sorted(initials))].append((name, initials))
    sisters: dict[str, list[str]] = defaultdict(list)
    for acronym in acronyms:
        letters = "".join(sorted(acronym))
        for name, initials in by_letters.get(letters, ()):
            if _acronym_matches(acronym, initials):
                union.join(acronym, name)
        if len(acronym) >= 4:
            sisters[letters].append(acronym)
    for group in sisters.values():
        for other in group[1:]:
            union.join(group[0], other)


def _join_similar(union: _Union, types: dict[str, str]) -> None:
    blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name, kind in types.items():
        if len(name.split()) >= 2:
            blocks[(kind, skeleton(name)[:2])].append(name)
    for names in blocks.values():
        for a, b in combinations(names, 2):
            if fuzz.ratio(skeleton(a), skeleton(b)) >= 90:
                union.join(a, b)


def _canonical(names: Sequence[str], surfaces: dict[str, list[RawMention]]) -> str:
    return max(
        names,
        key=lambda n: (len(n.split()) > 1 and not n.isupper(), len(surfaces[n]), len(n)),
    )


def _slug(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "entity"


def _build(groups: dict[str, list[str]], surfaces: dict[str, list[RawMention]]) -> EntityIndex:
    entities: list[Entity] = []
    by_name: dict[str, str] = {}
    taken: set[str] = set()
    for names in sorted(groups.values(), key=lambda ns: _canonical(ns, surfaces)):
        canonical = _canonical(names, surfaces)
        entity_id = _unique(f"e:{_slug(canonical)}", taken)
        items = sorted((m for n in names for m in surfaces[n]), key=lambda m: (m.article, m.start))
        unique_spans = {(m.article, m.start, m.end): m for m in items}
        entities.append(
            Entity(
                id=entity_id,
                name=canonical,
                type=_vote(items),
                aliases=tuple(sorted(n for n in names if n != canonical)),
                articles=tuple(sorted({m.article for m in items})),
                mentions=tuple(Mention(article=a, span=(s, e)) for a, s, e in unique_spans),
            )
        )
        by_name.update({skeleton(n): entity_id for n in names})
    return EntityIndex(tuple(entities), by_name, _surnames(entities))


def _unique(candidate: str, taken: set[str]) -> str:
    result, suffix = candidate, 1
    while result in taken:
        suffix += 1
        result = f"{candidate}-{suffix}"
    taken.add(result)
    return result


def _surnames(entities: Sequence[Entity]) -> dict[str, str]:
    owners: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        words = entity.name.split()
        if entity.type == "person" and len(words) >= 2:
            owners[skeleton(words[-1])].add(entity.id)
    return {key: next(iter(ids)) for key, ids in owners.items() if len(ids) == 1}


def name_mentions(mentions: Sequence[RawMention], article_id: str) -> list[NameMention]:
    """One article's mentions as quote-speaker candidates, longest first at each place."""
    chosen: list[NameMention] = []
    own = sorted(
        (m for m in mentions if m.article == article_id), key=lambda m: (m.start, -m.end, -m.weight)
    )
    for mention in own:
        if chosen and mention.start < chosen[-1].end:
            continue
        chosen.append(NameMention(mention.start, mention.end, mention.type))
    return chosen
