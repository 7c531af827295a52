"""Who speaks a quote: the speaker phrase next to a reporting cue, as a span of the text.

Every function here looks at one quote in its sentence and returns a ``Found``: the
span of the speaker words (a pronoun stays a pronoun; ``quotes`` resolves it) and
the cue. They are tried in the order ``quotes.find_quotes`` lists; each one is a
general shape of English (and French) news prose:

- ``after_quote``: ``”, Tokayev said`` / ``,” said X`` / ``,” the ad's narrator says``
  / ``,” said the regional governor, Name`` (a description, then the name in apposition)
  / ``,” said club coach Name`` / ``,” has he affirmed`` (inverted pronoun)
  / ``” ― Name`` (a dash signature) / ``», a déclaré X`` / ``», a-t-il dit``; the words
  after the closing mark may run past a sentence end (``?” Graham asked.``);
- ``before_quote``: the nearest cue before the quote in its sentence: ``X said: “``,
  ``X told the council that “``, ``X called the plan “…”``, ``according to X``. A cue
  in the -ing form after a comma (``…, saying “``) or after "and" (``X stressed … and
  said “``) takes the subject of the clause it hangs on;
- ``later_in_sentence``: ``“…” to drive up costs, she said``;
- ``clause_subject``: the subject of a sentence (after a leading adverbial such as
  "During the speech,"), for partial quotes inside reported speech that carry no cue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storytrace.claims.cues import CUE_VERBS, PARTICIPLE_CUES, cue_pattern
from storytrace.model import Span

__all__ = [
    "PRONOUNS",
    "Found",
    "after_quote",
    "before_quote",
    "clause_subject",
    "later_in_sentence",
    "named",
    "plausible",
    "transcript_label",
]


def _words(words: str) -> frozenset[str]:
    """A word set written as one space-separated string (compact word lists)."""
    return frozenset(words.split())


PRONOUNS = frozenset(["he", "she", "they", "i", "we", "it", "il", "elle", "ils", "elles"])
"""Speaker words that stand for someone named elsewhere."""

_CUE = cue_pattern()
_CUE_ANYWHERE = re.compile(rf"(?<![\w’'-])(?:{_CUE})(?![\w’'-])", re.IGNORECASE)
# A word of a speaker phrase: anything but spaces, quote marks and clause punctuation
# (scraped pages carry mojibake such as "FranÃ§ois" inside names).
_W = r"[^\s“”\"«»,;:()\[\]]+"
_NAME_WORD = r"(?:[A-Z][^\s,;:“”\"«»()]*|al|bin|de|van|von|der|da|di|le|la|el|of)"
_AUX = r"(?:(?:has|had|have|was|were|is|also|later|then|has\s+also|had\s+also)\s+)?"
_PAREN = r"(?:\s*\([^()\n]{1,40}\))?"
_CAP = r"[A-Z][^\s,;:“”\"«»()]*"
_AFTER = re.compile(
    rf"\A[\s,.!?…]*(?:"
    rf"(?:has\s+|had\s+)?(?P<cue5>{_CUE})\s+(?P<sp5>[a-zà-ÿ][^.;:\n“”\"«»,]{{0,80}},\s+{_CAP}"
    rf"(?:\s+{_NAME_WORD})*)(?=\s*(?:[.,;]|\Z))"
    rf"|(?P<cue6>(?:has|had)\s+(?P<sp6>he|she|they)\s+[a-z]+)"
    rf"|(?:has\s+|had\s+)?(?P<cue1>{_CUE})\s+(?P<sp1>(?:[a-z0-9][^\s,;:“”\"«»()]*\s+){{0,4}}{_CAP}"
    rf"(?:\s+{_NAME_WORD})*(?:(?:\s+[a-z][\w-]*){{1,2}}(?:\s+{_CAP})+(?=\s*(?:[.,;]|\Z)))?"
    rf"|he|she|they)(?![\w’'-])"
    rf"|(?P<sp2>(?:{_W},?\s+){{0,7}}?{_W}){_PAREN},?\s+{_AUX}(?P<cue2>{_CUE})(?![\w’'-])"
    rf"|(?P<cue3>a-t-(?P<sp3>il|elle)\s+\w+)"
    rf"|[―—–]+\s*(?P<sp4>[A-Z][^\n,;(“”\"«»]{{1,60}}?)\s*(?:[.,;(\n]|\Z)"
    rf")"
)
_BEFORE_CUE = re.compile(rf"(?P<sp>(?:{_W},?\s+){{0,7}}?{_W}),?\s+{_AUX}\Z")
_LATER = re.compile(
    rf"[,;]\s+(?:(?P<sp>he|she|they|it|(?:[A-Z][^\s,;:“”\"«»()]*\s+){{0,3}}[A-Z][^\s,;:“”\"«»()]*)"
    rf"\s+(?:also\s+)?(?P<cue>{_CUE})(?![\w’'-])"
    rf"|(?P<cue2>according\s+to|citing|selon)\s+(?P<sp2>[^,.;:“”\"«»\n]{{2,60}}))"
)
_ACCORDING = frozenset(["according to", "as per", "selon", "d'après", "d’après", "in the words of"])
_SUBORDINATORS = _words(
    "when as because if while after before since although though until whether that where "
    "whereas unless once and but or so"
)
_PREPOSITIONS = _words(
    "to for of in on at by with from into about after before during compared than as over "
    "under against between through without within"
)
_LEADING_ADVERBIAL = _words(
    "in on at during after before following while when as since despite with without for "
    "from under over by through earlier later last this speaking asked meanwhile however but "
    "and so also still yet now then instead unlike like amid among if once although though "
    "because throughout within outside inside upon"
)
_VERBISH = _words(
    "is was were are am be been being has had have will would can could should may might "
    "must did does do also then later first once never not again recently previously "
    "repeatedly himself herself itself themselves who which that whose"
)
_DETERMINERS = _words(
    "the a an his her their its our my your one another this that these those some"
)
_AGENCY = re.compile(
    r"\b(?:officials?|police|spokes\w+|ministry|minister|authorities|statement|report|"
    r"campaign|aides?|sources?|officers?|agency|ad|narrator|group|committee|survey|poll)\b"
)
_DROP_WORDS = _words(
    "and but or so then that which when while as in on at by with for to of the a an"
)
_TRAILING_ADVERBS = _words("likewise also then later again too")
_TIME_TAIL = re.compile(
    r"\s+(?:(?:on|last|this|late|early|earlier)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|week|month|year|night|morning|evening|yesterday|today)\b.*\Z"
)
_QUOTE_CHARS = '“”"«»„‟'


@dataclass(frozen=True, slots=True)
class Found:
    """A speaker phrase (``source``) and the cue that tied it to the quote."""

    source: Span
    cue: str | None


def after_quote(text: str, end: int, limit: int) -> Found | None:
    """A speaker right after the closing mark at ``end`` (up to ``limit``, one paragraph).

    After a quote that ends its own sentence (``.”``), a cue in the next sentence counts
    only when it ends that sentence (``.” Graham said.``), not when it opens a new
    statement (``.” She adds, “…``).
    """
    start = min(end + 1, len(text))
    after = _paragraph(text[start:limit])
    if re.match(r"\s*[.!?…]", after):
        return None  # "…”. Putin told …": the sentence ended with the quote
    match = _AFTER.match(after)
    if match is None:
        return None
    groups = (("sp5", "cue5"), ("sp6", "cue6"), ("sp1", "cue1"), ("sp2", "cue2"), ("sp3", "cue3"))
    for group, cue in (*groups, ("sp4", None)):
        words = match.group(group)
        if words is None:
            continue
        cue_words = " ".join(match.group(cue).lower().split()) if cue else "―"
        if group == "sp2" and not _after_phrase_ok(words, cue_words):
            return None
        if _new_statement(text, end, after[match.end() :]) and group != "sp4":
            return None
        return Found(_trim(text, start + match.start(group), start + match.end(group)), cue_words)
    return None


def _after_phrase_ok(words: str, cue: str) -> bool:
    """``X said`` after a quote: X opens a noun phrase, stays in one sentence, is no clause."""
    tokens = words.split()
    first = tokens[0]
    titled = _bare(first) not in _PREPOSITIONS and any(t[:1].isupper() for t in tokens[1:])
    if cue in _ACCORDING or not (_starts_noun_phrase(first) or titled):
        return False  # "”, according to X": X follows; "” compared to ... claims": no cue
    if re.search(r"(?:[a-z]{3}[.!?]|[!?])\s", words):  # not "Mr. ", "Sen. "
        return False  # "… stability. He said …": the cue belongs to the next sentence
    return first.lower() not in _SUBORDINATORS and plausible(words)


def _new_statement(text: str, end: int, after_cue: str) -> bool:
    """Whether the words after a sentence-final quote start a statement of their own."""
    if text[max(0, end - 1) : end] not in (".", "…"):
        return False
    return not re.match(r"\s*(?:[.!?]|\Z|\w+\s*[.!?](?:\s|\Z))", after_cue)


_LABEL = re.compile(r"\A\s*(?P<sp>[A-Z][A-Z.’' -]{1,30}[A-Z.]):\s")


def transcript_label(text: str, start: int, end: int) -> Found | None:
    """``“PENCE: Well, …”``: a transcript line names its speaker in capitals before a colon."""
    match = _LABEL.match(text, start, end)
    if match is None:
        return None
    return Found((match.start("sp"), match.end("sp")), ":")


def before_quote(text: str, sentence_start: int, quote_start: int, gap: int = 150) -> Found | None:
    """The speaker of the nearest cue before the quote in its sentence (within ``gap``)."""
    region = _blank_quotes(text[sentence_start : max(sentence_start, quote_start - 1)])
    for cue in reversed(list(_CUE_ANYWHERE.finditer(region))):
        if len(region) - cue.end() > gap:
            return None
        if cue.group()[0].isupper() and cue.group().lower() not in _ACCORDING:
            continue  # "Post", "Read": a name, not a cue
        found = _cue_speaker(text, sentence_start, region, cue)
        if found is not None:
            return found
    return None


def _cue_speaker(text: str, offset: int, region: str, cue: re.Match[str]) -> Found | None:
    word = " ".join(cue.group().lower().split())
    if word in _ACCORDING:
        phrase = re.match(r"\s*([^,.;:“”\"«»\n]{2,60})", region[cue.end() :])
        if phrase is None or not plausible(phrase.group(1)):
            return None
        start = offset + cue.end() + phrase.start(1)
        return Found(_trim(text, start, offset + cue.end() + phrase.end(1)), word)
    before = region[: cue.start()]
    if (word in PARTICIPLE_CUES and before.rstrip().endswith(",")) or re.search(
        r"\b(?:and|but)\s*\Z", before
    ):
        subject = clause_subject(text, offset, offset + cue.start())
        return Found(subject, word) if subject else None
    match = _BEFORE_CUE.search(before)
    if match and re.search(r"\bthat\b", match.group("sp")):
        return None  # "insisted that troops called in ...": the earlier cue speaks
    source = _trim(text, offset + match.start("sp"), offset + match.end("sp")) if match else None
    if (
        match is None
        or source is None
        or not (plausible(match_text(text, source)) or plausible(match.group("sp")))
        or _adverbial(match_text(text, source))
    ):
        subject = clause_subject(text, offset, offset + cue.start())
        return Found(subject, word) if subject else None
    return Found(source, word)


def match_text(text: str, span: Span) -> str:
    """``text[span]``."""
    return text[span[0] : span[1]]


def _adverbial(words: str) -> bool:
    """A one-word phrase that opens a clause ("After saying ...") names nobody."""
    tokens = words.split()
    return len(tokens) == 1 and _bare(tokens[0]) in _LEADING_ADVERBIAL | _SUBORDINATORS


def later_in_sentence(text: str, quote_end: int, sentence_end: int) -> Found | None:
    """``“…” to drive up costs, she said`` / ``…, according to X``: a cue later in the sentence."""
    rest = _blank_quotes(text[quote_end:sentence_end])
    match = _LATER.search(_paragraph(rest))
    if match is None:
        return None
    group, cue = ("sp", "cue") if match.group("sp") else ("sp2", "cue2")
    if not plausible(match.group(group)):
        return None
    source = _trim(text, quote_end + match.start(group), quote_end + match.end(group))
    return Found(source, " ".join(match.group(cue).lower().split()))


def clause_subject(text: str, start: int, end: int) -> Span | None:
    """The subject of the clause in ``text[start:end]``: its words before the first verb.

    A leading adverbial ("During the speech, ", "In August, ") is skipped.

    Example:
        >>> text = "During a speech, Trump attacked Clinton."
        >>> span = clause_subject(text, 0, len(text))
        >>> text[span[0] : span[1]] if span else None
        'Trump'
    """
    words = list(re.finditer(r"\S+", _blank_quotes(text[start:end])))
    first = _subject_start(words)
    if first is None:
        return None
    taken: list[re.Match[str]] = []
    for word in words[first : first + 12]:
        if taken and _ends_subject(word.group(), taken[-1].group()):
            break
        taken.append(word)
    if not taken:
        return None
    span = _strip_punctuation(text, start + taken[0].start(), start + taken[-1].end())
    return span if plausible(text[span[0] : span[1]]) else None


def _subject_start(words: Sequence[re.Match[str]]) -> int | None:
    """Index of the first word of the subject, after a leading adverbial; None if unclear."""
    if not words:
        return None
    if _bare(words[0].group()) not in _LEADING_ADVERBIAL:
        return 0
    for index, word in enumerate(words[:-1]):
        following = words[index + 1].group()
        if word.group().endswith(",") and _starts_noun_phrase(following):
            return index + 1
    return None


def _starts_noun_phrase(word: str) -> bool:
    bare = word.strip(_QUOTE_CHARS + "(")
    return bool(bare) and (bare[0].isupper() or bare.lower() in _DETERMINERS | PRONOUNS)


def _ends_subject(word: str, previous: str) -> bool:
    """Whether ``word`` is the verb after a subject (so the subject ended before it)."""
    bare = _bare(word)
    if not bare or not word[0].islower():
        return False
    if bare in _VERBISH or bare in CUE_VERBS:
        return True
    if bare.endswith("ed") and len(bare) > 3:
        return True
    prev = previous.strip(",.;:")
    if not prev or prev.lower() in _DETERMINERS:
        return False  # "The priests": a plural noun, not a verb
    return bare.endswith("s") and (prev[0].isupper() or prev.lower() in PRONOUNS)


def _bare(word: str) -> str:
    return word.strip(",.;:!?()" + _QUOTE_CHARS + "’'").lower()


def _strip_punctuation(text: str, start: int, end: int) -> Span:
    while end > start and text[end - 1] in ",.;:!?—–-" + _QUOTE_CHARS:
        end -= 1
    return start, end


def plausible(words: str | None) -> bool:
    """A speaker phrase names someone: a capitalised word, a pronoun, a determiner + noun.

    Example:
        >>> plausible("the ad's narrator"), plausible("an explanation that")
        (True, False)
    """
    if not words:
        return False
    tokens = words.split()
    last = tokens[-1].lower().strip(",")
    if last in PRONOUNS:
        return True
    if last in ("that", "which", "who", "whom") or last in _DROP_WORDS:
        return False  # "an explanation that said ...": a relative clause, not a speaker
    if any(token[:1].isupper() for token in tokens):
        return True
    lowered = words.lower()
    return (tokens[0].lower() in _DETERMINERS and len(tokens) <= 5) or bool(_AGENCY.search(lowered))


def _trim(text: str, start: int, end: int) -> Span:
    """Cut the speaker phrase after its last clause break and leading function words."""
    phrase = text[start:end]
    cut = max(phrase.rfind(","), phrase.rfind(";"), phrase.rfind("—"), phrase.rfind("("))
    if cut >= 0 and plausible(phrase[cut + 1 :]) and phrase[cut] != "(":
        start += cut + 1
    while start < end and (text[start].isspace() or text[start] in ",;—-("):
        start += 1
    start, end = _drop_function_words(text, start, end)
    when = _TIME_TAIL.search(text, start, end)
    if when and when.start() > start:
        end = when.start()  # "its president on Monday" -> "its president"
    words = text[start:end].split()
    if len(words) > 1 and words[-1].lower() in PRONOUNS:
        start = end - len(words[-1])
    return _strip_punctuation(text, start, end)


def _drop_function_words(text: str, start: int, end: int) -> Span:
    words = text[start:end].split()
    while len(words) > 1 and words[0].lower() in _DROP_WORDS:
        start = text.index(words[1], start + len(words[0]))
        words = words[1:]
    while (
        len(words) > 1
        and words[-1].islower()
        and (words[-1].endswith("ly") or words[-1] in _TRAILING_ADVERBS)
    ):
        end = text.rindex(words[-1], start, end)
        while end > start and text[end - 1].isspace():
            end -= 1
        words = words[:-1]
    return start, end


def named(text: str, source: Span, names: Sequence[tuple[int, int, str]]) -> str | None:
    """The speaker as the article names it: the last named mention inside the source phrase.

    ``names`` are ``(start, end, type)`` mentions. "X’s Robin Forestier-Walker, an
    expert ..., Tbilisi, said": when the phrase holds no name and an apposition ends
    next to the cue, the person named just before the apposition is the speaker.
    """
    inside = [n for n in names if source[0] <= n[0] and n[1] <= source[1] and n[2] != "place"]
    if not inside and "," in text[max(0, source[0] - 2) : source[1] + 2]:
        window = max(text.rfind("\n", 0, source[0]) + 1, source[0] - 150)
        inside = [n for n in names if window <= n[0] and n[1] <= source[1] and n[2] == "person"]
    if inside:
        best = max(inside, key=lambda n: (n[2] == "person", n[1]))
        return text[best[0] : best[1]]
    phrase = text[source[0] : source[1]].strip()
    return phrase or None


def _paragraph(text: str) -> str:
    """``text`` up to its first line break: a speaker is never in the next paragraph."""
    cut = re.search(r"[\n\r\u2029]", text)
    return text[: cut.start()] if cut else text


def _blank_quotes(text: str) -> str:
    """``text`` with quoted words blanked (same length), so cues inside quotes do not count.

    Only the last paragraph is kept (earlier ones blanked too).
    """
    out = list(text)
    inside = False
    for index, char in enumerate(text):
        if char in _QUOTE_CHARS:
            inside = char in "“«„" or (char == '"' and not inside)
            continue
        if inside or char in "\n\r\u2029":
            out[index] = " " if inside else "\n"
    kept = "".join(out)
    cut = kept.rfind("\n")
    return " " * (cut + 1) + kept[cut + 1 :] if cut >= 0 else kept
