"""Direct quotes and their speakers.

Quote spans: text between typographic (“…”, «…», „…“) or straight ("…") double
quotation marks, inside one paragraph; an unclosed mark runs to the paragraph end
(the convention for a quote that goes on in the next paragraph, which opens with a
mark again). Each paragraph piece is its own quote; pieces of one multi-paragraph
quote share its speaker.

Speakers, tried in order around each quote (its own sentence, plus what touches it):

1. after the closing mark: ``”, Tokayev said`` / ``,” said X`` / ``,” he added``;
2. before the opening mark: ``X said: “`` / ``X told the CSTO that “`` / ``X was quoted
   as saying: “``; also further back in the sentence for a partial quote inside
   reported speech (``X said ... that “armed militants” had ...``);
3. ``according to X`` anywhere in the sentence;
4. a quote with no cue right after another quote of the same paragraph takes its
   speaker (the second half of a split quote).

A pronoun speaker ("he", "she") is resolved to the last person named before it:
the previous quote's speaker if it is near, else the last person mention. The speaker
phrase is narrowed to the nearest named mention (from NER or the rule-based names)
inside it, so "Al Jazeera’s Robin Forestier-Walker, an expert ..., said" gives the
person, not the city in the apposition.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storytrace.model import Span

__all__ = ["CUE_VERBS", "NameMention", "QuoteHit", "find_quotes", "quote_spans"]

CUE_VERBS: tuple[str, ...] = (
    "said", "says", "say", "told", "tells", "added", "adds", "asked", "warned", "insisted",
    "explained", "noted", "stressed", "wrote", "writes", "declared", "announced", "argued",
    "claimed", "claims", "continued", "replied", "recalled", "cautioned", "urged",
    "acknowledged", "admitted", "tweeted", "posted", "concluded", "remarked", "complained",
    "emphasised", "emphasized", "vowed", "promised", "predicted", "suggested", "insists",
    "warns", "notes", "observed", "responded", "shouted", "described", "called",
    "alleged", "conceded", "testified", "pointed out", "went on", "according to", "as per",
    "saying", "warning", "adding", "telling", "insisting", "noting", "stressing", "arguing",
    "claiming", "declaring", "writing", "quoted as saying", "said in a statement",
)  # fmt: skip
"""Reporting verbs ("cues") that introduce or close a direct quote (PolNeAR dev wordings)."""

_CUE = "|".join(
    re.escape(c).replace(r"\ ", r"\s+") for c in sorted(CUE_VERBS, key=len, reverse=True)
)
_PRONOUNS = frozenset(["he", "she", "they", "i", "we", "it"])
_NAME_WORD = r"(?:[A-Z][\w’'.-]*|al|bin|de|van|von|der|da|di|le|la|el|of)"
_TITLE_WORD = r"(?:[a-z][\w-]*\s+){0,4}"
_SPEAKER_AFTER = re.compile(
    rf"\A[\s,.!?…—-]*(?:(?P<cue1>{_CUE})\s+(?P<sp1>{_TITLE_WORD}[A-Z][\w’'.-]*(?:\s{_NAME_WORD})*|he|she|they)"
    rf"|(?P<sp2>(?:[\w’'.-]+\s){{0,6}}?[\w’'.-]+)\s+(?:has\s+|had\s+|was\s+|also\s+|later\s+)?"
    rf"(?P<cue2>{_CUE})\b)",
)
_SPEAKER_BEFORE = re.compile(
    rf"(?P<sp>(?:[\w’'.-]+,?\s){{0,7}}?[\w’'.-]+),?\s+(?:has\s+|had\s+|was\s+|also\s+|later\s+)?"
    rf"(?P<cue>{_CUE}|(?:was|were)\s+quoted\s+as\s+saying)\b(?P<gap>[^“”\"«»]{{0,150}}?)"
    rf"[\s:,]*\Z",
)
_ACCORDING = re.compile(r"\b(?:according to|as per)\s+(?P<sp>[^,.;:“”\"]{2,60})", re.I)
_OPENERS = {"“": "”", "«": "»", "„": "“”", '"': '"', "‟": "”"}
_BREAK = frozenset("\n\r\u2029")
_DROP_WORDS = frozenset(
    [
        "and",
        "but",
        "or",
        "so",
        "then",
        "that",
        "which",
        "when",
        "while",
        "as",
        "in",
        "on",
        "at",
        "by",
        "with",
        "for",
        "to",
        "of",
        "the",
        "a",
        "an",
    ]
)


@dataclass(frozen=True, slots=True)
class NameMention:
    """A named mention in the article: span and coarse type (person, organisation, place)."""

    start: int
    end: int
    type: str


@dataclass(frozen=True, slots=True)
class QuoteHit:
    """A quote found in a text: its span (without marks), speaker and cue.

    ``source`` is the span of the speaker words next to the cue (a pronoun stays a
    pronoun there); ``speaker`` the resolved name as the article writes it.
    """

    span: Span
    speaker: str | None
    source: Span | None
    cue: str | None


def quote_spans(text: str) -> list[tuple[Span, bool]]:
    """Quoted spans ``(start, end)`` without the marks, and whether each was closed.

    Example:
        >>> text = 'He said “go now” and "stay".'
        >>> [text[s:e] for (s, e), _ in quote_spans(text)]
        ['go now', 'stay']
    """
    spans: list[tuple[Span, bool]] = []
    position = 0
    length = len(text)
    while position < length:
        char = text[position]
        if char in _OPENERS and _opens(text, position):
            end, closed = _closing(text, position + 1, _OPENERS[char])
            if end > position + 1 and text[position + 1 : end].strip():
                spans.append(((position + 1, end), closed))
            position = end + 1
        else:
            position += 1
    return spans


def _opens(text: str, position: int) -> bool:
    """A straight quote opens only at a word start (not ``5" screen``)."""
    if text[position] != '"':
        return True
    before = text[position - 1] if position else " "
    return not before.isalnum()


def _closing(text: str, start: int, closers: str) -> tuple[int, bool]:
    """The closing mark's offset (or the paragraph end) and whether a mark closed it."""
    for index in range(start, len(text)):
        char = text[index]
        if char in closers:
            return index, True
        if char in _BREAK:
            return _rstrip(text, start, index), False
    return _rstrip(text, start, len(text)), False


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def find_quotes(
    text: str, sentences: Sequence[Span], names: Sequence[NameMention] = ()
) -> list[QuoteHit]:
    """Every direct quote of ``text`` with its speaker and cue.

    Args:
        text: the article text.
        sentences: its sentence spans.
        names: named mentions (NER or rules), used to narrow and resolve speakers.

    Returns:
        Quotes in text order; ``text[span[0]:span[1]]`` is each one's words.
    """
    hits: list[QuoteHit] = []
    spans = quote_spans(text)
    people = [
        name
        for name in names
        if name.type == "person" and not any(s <= name.start < e for (s, e), _ in spans)
    ]
    for index, (span, _closed) in enumerate(spans):
        context = _sentence_around(sentences, span, len(text))
        found = _speaker(text, span, context, names)
        if found is None and hits and _continues(text, spans, index, hits[-1]):
            found = (hits[-1].speaker, hits[-1].source, hits[-1].cue)
        if found is None:
            hits.append(QuoteHit(span=span, speaker=None, source=None, cue=None))
            continue
        speaker, source, cue = found
        if speaker is not None and speaker.lower() in _PRONOUNS and source is not None:
            speaker = _resolve_pronoun(text, source[0], hits, people)
        hits.append(QuoteHit(span=span, speaker=speaker, source=source, cue=cue))
    return hits


def _sentence_around(sentences: Sequence[Span], span: Span, length: int) -> Span:
    """From the start of the sentence the quote opens in to the end of the one it closes in."""
    start, end = span
    first = next((s for s, e in sentences if s <= start < e + 1), max(0, start - 1))
    last = next((e for s, e in sentences if s <= end <= e), min(length, end + 1))
    return min(first, max(0, start - 1)), max(last, min(length, end + 1))


def _speaker(
    text: str, span: Span, context: Span, names: Sequence[NameMention]
) -> tuple[str | None, Span | None, str | None] | None:
    after_start = min(span[1] + 1, len(text))
    after = _paragraph_part(text[after_start : context[1]])
    match = _SPEAKER_AFTER.match(after)
    if match and (match.group("sp1") or _plausible(match.group("sp2"))):
        group = "sp1" if match.group("sp1") else "sp2"
        source = _trim_source(
            text, after_start + match.start(group), after_start + match.end(group)
        )
        cue = match.group("cue1") or match.group("cue2")
        return _named(text, source, names), source, cue
    return _speaker_before(text, span, context, names)


def _speaker_before(
    text: str, span: Span, context: Span, names: Sequence[NameMention]
) -> tuple[str | None, Span | None, str | None] | None:
    before_start = context[0]
    before = _outside_quotes(text[before_start : max(before_start, span[0] - 1)])
    match = _SPEAKER_BEFORE.search(before)
    if match and _plausible(match.group("sp")):
        source = _trim_source(
            text, before_start + match.start("sp"), before_start + match.end("sp")
        )
        return _named(text, source, names), source, " ".join(match.group("cue").split())
    sentence = text[context[0] : context[1]]
    according = _ACCORDING.search(sentence)
    if according:
        source = (context[0] + according.start("sp"), context[0] + according.end("sp"))
        return _named(text, source, names), source, "according to"
    return None


def _paragraph_part(text: str) -> str:
    """``text`` up to its first line break: a speaker is never in the next paragraph."""
    for index, char in enumerate(text):
        if char in _BREAK:
            return text[:index]
    return text


def _outside_quotes(text: str) -> str:
    """``text`` with quoted words blanked (same length), so cues inside quotes do not count."""
    out = list(text)
    inside = False
    for index, char in enumerate(text):
        if char in '“”"«»':
            inside = char in "“«" or (char == '"' and not inside)
            continue
        if inside or char in _BREAK:
            out[index] = " " if inside else "\n"
    return "".join(out).split("\n")[-1].rjust(len(text))


def _plausible(words: str | None) -> bool:
    """A speaker phrase names someone: a capitalised word, a pronoun or an agency noun."""
    if not words:
        return False
    tokens = words.split()
    if tokens[-1].lower() in _PRONOUNS:
        return True
    if tokens[-1].lower() in ("that", "which", "who", "whom"):
        return False  # "an explanation that said ...": a relative clause, not a speaker
    return any(token[:1].isupper() for token in tokens) or bool(
        re.search(r"\b(?:officials?|police|spokes\w+|ministry|minister|authorities|statement)\b",
                  words.lower())
    )  # fmt: skip


def _trim_source(text: str, start: int, end: int) -> Span:
    """Cut the speaker phrase after its last clause break and leading function words."""
    phrase = text[start:end]
    cut = max(phrase.rfind(","), phrase.rfind(";"), phrase.rfind("—"), phrase.rfind("("))
    if cut >= 0 and _plausible(phrase[cut + 1 :]):
        start += cut + 1
    while start < end and (text[start].isspace() or text[start] in ",;—-("):
        start += 1
    words = text[start:end].split()
    while len(words) > 1 and words[0].lower() in _DROP_WORDS:
        start = text.index(words[1], start + len(words[0]))
        words = words[1:]
    while len(words) > 1 and words[-1].endswith("ly") and words[-1].islower():
        end = text.rindex(words[-1], start, end)
        end = _rstrip(text, start, end)
        words = words[:-1]
    if len(words) > 1 and words[-1].lower() in _PRONOUNS:
        start = end - len(words[-1])
    return start, end


def _named(text: str, source: Span, names: Sequence[NameMention]) -> str | None:
    """The speaker as the article names it: the last named mention inside the source phrase."""
    inside = [n for n in names if source[0] <= n.start and n.end <= source[1] and n.type != "place"]
    if not inside and "," in text[max(0, source[0] - 2) : source[1] + 2]:
        # "X’s Robin Forestier-Walker, an expert ..., Tbilisi, said": the named person
        # sits before the apposition that ends next to the cue.
        window = text.rfind("\n", 0, source[0]) + 1
        window = max(window, source[0] - 150)
        inside = [
            n for n in names if window <= n.start and n.end <= source[1] and n.type == "person"
        ]
    if inside:
        best = max(inside, key=lambda n: (n.type == "person", n.end))
        return text[best.start : best.end]
    phrase = text[source[0] : source[1]].strip()
    return phrase or None


def _continues(text: str, spans: Sequence[tuple[Span, bool]], index: int, last: QuoteHit) -> bool:
    """Whether quote ``index`` continues the previous one: same paragraph, little between."""
    if index == 0 or last.speaker is None:
        return False
    between = text[spans[index - 1][0][1] : spans[index][0][0]]
    return len(between.strip()) < 80 and not any(char in _BREAK for char in between)


def _resolve_pronoun(
    text: str, position: int, hits: Sequence[QuoteHit], people: Sequence[NameMention]
) -> str | None:
    """The person a pronoun speaker stands for: the last person named before it."""
    before = [p for p in people if p.end <= position]
    last_person = before[-1] if before else None
    last_speaker = next((h for h in reversed(hits) if h.speaker and h.source), None)
    if (
        last_speaker
        and last_speaker.source
        and (last_person is None or last_speaker.source[0] >= last_person.start)
    ):
        return last_speaker.speaker
    if last_person is not None and position - last_person.end < 1500:
        return text[last_person.start : last_person.end]
    return last_speaker.speaker if last_speaker else None
