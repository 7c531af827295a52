"""Direct quotes and their speakers.

Quote spans: text between typographic (“…”, «…», „…“) or straight ("…") double
quotation marks, inside one paragraph; an opening mark may be closed by the other style's closing
mark (pages that mix “ and "). An unclosed mark runs to the paragraph end (the
convention for a quote that goes on in the next paragraph, which opens with a mark
again); a closing mark that opens a paragraph is read as an opening one. Each
paragraph piece is its own quote; pieces of one multi-paragraph quote share its
speaker.

Speakers, tried in order for each quote (``speakers`` has the shapes):

1. after the closing mark: ``”, Tokayev said`` / ``,” said X`` / ``” ― Name`` /
   ``», a déclaré X``, also past a sentence end (``?” Graham asked.``);
2. the nearest reporting cue before it in its sentence (``cues``: a lexicon read off
   PolNeAR train): ``X said: “``, ``X told the CSTO that “``, ``X called it “…”``,
   ``according to X``; ``…, saying “`` and ``… and said “`` take the clause subject;
3. a cue clause later in the sentence: ``“…” to drive up costs, she said``;
4. the speaker of the previous quote when this one continues it: the same paragraph,
   or the next paragraph after a quote left open at its paragraph end;
5. for a partial quote inside a sentence (not opening it), the sentence's subject
   (``Japan branded the North an “outlaw nation”``), as PolNeAR attributes such quotes.

A pronoun speaker ("he", "she", "il") is resolved to the last person named before it:
the previous quote's speaker if it is near, else the last person mention. The speaker
phrase is narrowed to the nearest named mention (from NER or the rule-based names)
inside it, so "Al Jazeera’s Robin Forestier-Walker, an expert ..., said" gives the
person, not the city in the apposition.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storytrace.claims.cues import CUE_VERBS
from storytrace.claims.speakers import (
    PRONOUNS,
    Found,
    after_quote,
    before_quote,
    clause_subject,
    later_in_sentence,
    named,
    transcript_label,
)
from storytrace.model import Span

__all__ = ["CUE_VERBS", "NameMention", "QuoteHit", "find_quotes", "quote_spans"]


def _words(words: str) -> frozenset[str]:
    """A word set written as one space-separated string (compact word lists)."""
    return frozenset(words.split())


_OPENERS = {"“": '”"', "«": "»", "„": "“”", '"': '"”', "‟": "”"}
_BREAK = frozenset("\n\r\u2029")
# How far back a continued quote may look for the quote it continues (characters).
_CONTINUE_WINDOW = 600
# Partial quotes without a cue: the longest sentence subject taken as their speaker
# (longer "subjects" were whole clauses on PolNeAR dev).
_SUBJECT_WORDS = 8
_SMALL_WORDS = _words("a an the of on in and or with for to at by from")
_MARKS = re.compile('[“«„"‟”]')
_CLOSING = {
    closers: re.compile(f"[{re.escape(closers)}\n\r\u2029]") for closers in _OPENERS.values()
}


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
    while (mark := _MARKS.search(text, position)) is not None:
        position = mark.start()
        closers = _closers(text, position)
        if closers is None:
            position += 1
            continue
        end, closed = _closing(text, position + 1, closers)
        if end > position + 1 and text[position + 1 : end].strip():
            spans.append(((position + 1, end), closed))
        position = end + 1
    return spans


def _closers(text: str, position: int) -> str | None:
    """The marks that close a quote opened at ``position``, or None when none opens there.

    A straight quote opens only at a word start (not ``5" screen``); a closing ”
    opens only at a paragraph start (a typo for “ that pages do make).
    """
    char = text[position]
    before = text[position - 1] if position else "\n"
    if char == '"' and before.isalnum():
        return None
    if char == "”":
        line_start = max(text.rfind("\n", 0, position), text.rfind("\r", 0, position)) + 1
        return '”"' if not text[line_start:position].strip() else None
    return _OPENERS[char]


def _closing(text: str, start: int, closers: str) -> tuple[int, bool]:
    """The closing mark's offset (or the paragraph end) and whether a mark closed it."""
    found = _CLOSING[closers].search(text, start)
    if found is None:
        return _rstrip(text, start, len(text)), False
    if found.group() in closers:
        return found.start(), True
    return _rstrip(text, start, found.start()), False


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
    spans = quote_spans(text)
    mentions = [(n.start, n.end, n.type) for n in names]
    people = [m for m in mentions if m[2] == "person" and not _quoted(m[0], spans)]
    hits: list[QuoteHit] = []
    for index, (span, _closed) in enumerate(spans):
        context = _sentence_around(sentences, span, len(text))
        found = _direct(text, span, context)
        if found is None and hits and _continues(text, spans, index, hits[-1]):
            hits.append(QuoteHit(span, hits[-1].speaker, hits[-1].source, hits[-1].cue))
            continue
        if found is None:
            found = _embedded(text, span, context)
        hits.append(_hit(text, span, found, mentions, hits, people))
    return hits


def _quoted(position: int, spans: Sequence[tuple[Span, bool]]) -> bool:
    return any(s <= position < e for (s, e), _ in spans)


def _hit(
    text: str,
    span: Span,
    found: Found | None,
    mentions: Sequence[tuple[int, int, str]],
    hits: Sequence[QuoteHit],
    people: Sequence[tuple[int, int, str]],
) -> QuoteHit:
    if found is None:
        return QuoteHit(span=span, speaker=None, source=None, cue=None)
    speaker = named(text, found.source, mentions)
    if speaker is not None and speaker.lower() in PRONOUNS:
        speaker = _resolve_pronoun(text, found.source[0], hits, people)
    return QuoteHit(span=span, speaker=speaker, source=found.source, cue=found.cue)


def _direct(text: str, span: Span, context: Span) -> Found | None:
    """A speaker tied to the quote by a cue: after it, before it, or later in the sentence."""
    limit = min(len(text), max(context[1], span[1] + 160))
    return (
        transcript_label(text, span[0], span[1])
        or after_quote(text, span[1], limit)
        or before_quote(text, context[0], span[0])
        or later_in_sentence(text, min(span[1] + 1, len(text)), context[1])
    )


def _embedded(text: str, span: Span, context: Span) -> Found | None:
    """A partial quote inside a sentence with no cue: the sentence subject speaks it."""
    if not text[context[0] : span[0]].strip(' \t“”"«»„') or _is_title(text[span[0] : span[1]]):
        return None
    subject = clause_subject(text, context[0], span[0] - 1)
    if subject is None or len(text[subject[0] : subject[1]].split()) > _SUBJECT_WORDS:
        return None
    return Found(subject, None)


def _is_title(words: str) -> bool:
    """A quoted name or title ("War On Drugs", "13th"): every content word capitalised."""
    tokens = [w for w in re.findall(r"[^\W_][\w’'-]*", words) if w.lower() not in _SMALL_WORDS]
    return bool(tokens) and all(t[0].isupper() or t[0].isdigit() for t in tokens)


def _sentence_around(sentences: Sequence[Span], span: Span, length: int) -> Span:
    """From the start of the sentence the quote opens in to the end of the one it closes in."""
    start, end = span
    first = next((s for s, e in sentences if s <= start < e + 1), max(0, start - 1))
    last = next((e for s, e in sentences if s <= end <= e), min(length, end + 1))
    return min(first, max(0, start - 1)), max(last, min(length, end + 1))


def _continues(text: str, spans: Sequence[tuple[Span, bool]], index: int, last: QuoteHit) -> bool:
    """Whether quote ``index`` continues the previous one.

    It does in the same paragraph (not too far on), and in the next paragraph when
    the previous quote was left open at its paragraph end (a multi-paragraph quote).
    """
    if index == 0 or last.speaker is None:
        return False
    (_, previous_end), previous_closed = spans[index - 1]
    between = text[previous_end : spans[index][0][0]]
    if len(between) > _CONTINUE_WINDOW:
        return False
    if not any(char in _BREAK for char in between.strip()):
        return True
    return not previous_closed and not between.strip(' \t\n\r\u2029“”"«»„')


def _resolve_pronoun(
    text: str,
    position: int,
    hits: Sequence[QuoteHit],
    people: Sequence[tuple[int, int, str]],
) -> str | None:
    """The person a pronoun speaker stands for: the last person named before it."""
    before = [p for p in people if p[1] <= position]
    last_person = before[-1] if before else None
    last_speaker = next((h for h in reversed(hits) if h.speaker and h.source), None)
    if (
        last_speaker
        and last_speaker.source
        and (last_person is None or last_speaker.source[0] >= last_person[0])
    ):
        return last_speaker.speaker
    if last_person is not None and position - last_person[1] < 1500:
        return text[last_person[0] : last_person[1]]
    return last_speaker.speaker if last_speaker else None
