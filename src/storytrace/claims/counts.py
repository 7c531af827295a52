"""Count claims: hedged numbers with what they count, whose count, who says so, and when.

For every sentence of an article, each number that is a quantity (``numbers``) gets:

1. a *measure* (``measures``): an event word in its clause after it ("... had been
   killed"), else one just before it ("killing at least 27", "the death toll rose to
   52"), else the noun it counts ("2,030 troops"), else its unit (money, percent).
   A number joined by "and" to the next one shares that one's event ("Scores of
   citizens and more than a dozen personnel were killed"). Numbers with no measure
   ("a town of 38,000 people") are background, not claims; so is a subset after
   "including" ("13 killed, including two who ...").
2. a *subject*: the noun phrase it counts ("security officers", "armed attackers"),
   inherited from the previous count of the sentence when it has none ("350 officers
   wounded and 13 killed"); a generic "people" gets the place the sentence names.
3. an *interval* from its hedge (``hedges``).
4. an *attribution*: "according to X", "X said/told/reported", "said X" in the
   sentence, else the outlet.
5. ``as_of``: the time expression nearest to it in the sentence (``dates``), else
   the publication date.
6. a *status*: ``retracted`` when its sentence says a statement was withdrawn or blamed
   on an error, or when it repeats a figure such a neighbouring sentence withdrew.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from storytrace.claims._scan import finditer_near
from storytrace.claims.dates import TimeExpression, find_times, publication_date
from storytrace.claims.hedges import Hedge, find_hedge, interval
from storytrace.claims.measures import event_measure, noun_measure
from storytrace.claims.numbers import Number, find_numbers
from storytrace.claims.totals import (  # Interval, article_totals: re-exported, older callers
    TOTAL_MEASURES,
    Interval,
    article_totals,
)
from storytrace.model import Article, Claim, ClaimStatus, Span
from storytrace.text.sentences import split_sentences

__all__ = ["Interval", "article_totals", "extract_counts"]

# How far around a number its measure words may be (characters): one clause of news prose.
_RIGHT_WINDOW = 90
_LEFT_WINDOW = 45
_CLAUSE_END = re.compile(r"[;:.!?]\s|\s(?:while|but|whereas|after|before|as|when|since)\s|,\s")
_SUBSET = re.compile(r"(?:including|among them|of whom|of which|among whom)\s+\Z", re.I)
_STOP_WORDS = frozenset(
    [
        "were",
        "was",
        "had",
        "have",
        "has",
        "been",
        "be",
        "are",
        "is",
        "will",
        "would",
        "could",
        "may",
        "might",
        "reportedly",
        "and",
        "or",
        "who",
        "which",
        "that",
        "took",
        "came",
        "gathered",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "for",
        "during",
        "as",
        "after",
        "since",
        "last",
        "this",
        "who's",
        "to",
    ]
)
# The same for French copies (auxiliaries, prepositions, conjunctions): "plus de 140
# ont été blessées", "1 800 militaires et secouristes sur place".
_STOP_WORDS_FR = frozenset([
    "a", "ont", "sont", "est", "été", "était", "étaient", "avait", "avaient", "sera", "seront",
    "et", "ou", "qui", "que", "dans", "sur", "à", "au", "aux", "en", "par", "pour", "avec",
    "selon", "lors", "depuis", "après", "avant", "pendant", "ce", "cette", "ces",
])  # fmt: skip
# "of" and its French forms: skipped before the noun of a vague number ("dozens of
# people", "dizaines de personnes"), a phrase end after three words.
_OF_WORDS = frozenset(["of", "de", "du", "des", "d’", "d'"])
_GENERIC = frozenset(
    ["people", "persons", "individuals", "civilians", "residents", "more", "others"]
)
_DETERMINERS = re.compile(r"^(?:the|a|an|its|their|his|her)\s+", re.I)
_QUOTES = "\"'“”‘’«»„"
_ATTRIBUTION_VERBS = (
    r"said|says|say|told|tells|reported|reports|announced|announces|estimated|estimates|"
    r"confirmed|confirms|stated|states|claimed|claims|added|noted|wrote|cited"
)
_ACCORDING = re.compile(r"\b(?:according to|as per|citing)\s+(?P<who>[^,.;:“”\"]{2,80})", re.I)
_QUOTED_AS = re.compile(r"(?P<who>[^,.;:“”\"]{2,80}?)\s+(?:was|were)\s+quoted\s+as\s+saying", re.I)
# A verb of saying after its speaker ("Officials said", "police reported that"); the
# speaker is the up to six words before it (``_words_before``). Found verb first: a
# pattern that starts with the speaker's words tries every position of the sentence
# (it took a third of the stage's time).
_VERB_AFTER = re.compile(
    r"(?<=\s)(?:said|says|say|told|tells|added|noted|wrote)\b"
    rf"|(?<=\s)(?:{_ATTRIBUTION_VERBS})(?=\s+(?:that\b|on\b|\d)|[,.]|$)",
    re.I,
)
_SPEAKER_WORDS = 6
_ANY_VERB = re.compile(
    rf"\b(?:{_ATTRIBUTION_VERBS}|according to|as per|citing|quoted as saying)\b", re.I
)
_VERB_BEFORE = re.compile(
    rf",\s+(?:{_ATTRIBUTION_VERBS})\s+(?P<who>(?:[\w’'-]+\s){{0,5}}[\w’'-]+)", re.I
)
_NOT_SOURCE = frozenset(
    [
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "there",
        "this",
        "that",
        "which",
        "who",
        "and",
        "also",
        "had",
        "have",
        "has",
        "as",
    ]
)
_RETRACTION = re.compile(
    r"\b(?:withdr[ae]w|withdrawn|retract(?:ed|s|ion)?|took back|taken back|rescind(?:ed)?)\b"
    r"[^.]{0,40}?\b(?:statement|figure|report|claim|toll|explanation|announcement|number|"
    r"post|tweet|data|estimate|information|publication)s?\b"
    r"|\b(?:technical|clerical|typographical|reporting|counting)\s+(?:error|mistake|glitch)"
    r"|\b(?:mix-up|error in (?:the|our) (?:count|figures?))\b",
    re.I,
)
_CORRECTED_TO = re.compile(r"\b(?:to|now|revised|corrected)\s+\Z", re.I)
_PLACE = re.compile(
    r"\b(?:in|across)\s+(?P<place>(?:[A-Z][\w’'-]+\s?){1,3})|(?P<where>[A-Z][\w’'-]+),\s+where\s"
)


@dataclass(frozen=True, slots=True)
class _Count:
    """A number with its measure, before it becomes a Claim."""

    number: Number
    hedge: Hedge | None
    measure: str | None
    subject: str | None
    window_end: int
    joined: bool


def extract_counts(article: Article, *, id_start: int = 1) -> list[Claim]:
    """Every count claim of an article, in text order, ids ``"<article>:c<n>"``.

    Args:
        article: the article; its ``sentences`` are used (split here when empty).
        id_start: the number of the first claim id.

    Returns:
        Claims whose ``text`` is ``article.text[span[0]:span[1]]``.
    """
    text = article.text
    sentences = article.sentences or tuple(split_sentences(text))
    published = publication_date(article.published)
    retracted = _retraction_sentences(text, sentences)
    claims: list[Claim] = []
    for index, (start, end) in enumerate(sentences):
        neighbours = _neighbour_values(text, sentences, retracted, index)
        for count in _counts(text[start:end]):
            number = count.number
            status: ClaimStatus = "asserted"
            sentence = text[start:end]
            if _is_retracted(sentence, count, index in retracted, neighbours):
                status = "retracted"
            claims.append(
                _claim(article, count, start, sentence, published, status, id_start + len(claims))
            )
            del number
    return claims


def _claim(
    article: Article,
    count: _Count,
    offset: int,
    sentence: str,
    published: date | None,
    status: ClaimStatus,
    serial: int,
) -> Claim:
    number = count.number
    measure = count.measure or "count"
    start = count.hedge.start if count.hedge else number.start
    span: Span = (offset + start, offset + number.end)
    low, high = _interval(number, count.hedge, measure)
    return Claim(
        id=f"{article.id}:c{serial}",
        article=article.id,
        span=span,
        text=article.text[span[0] : span[1]],
        measure=measure,
        subject=count.subject,
        low=low,
        high=high,
        hedge=_hedge_name(count),
        attribution=_attribution(sentence) or article.outlet,
        as_of=_as_of(sentence, number, published),
        status=status,
    )


def _hedge_name(count: _Count) -> str:
    if count.hedge:
        return count.hedge.name
    if count.number.implied:
        return "implied"
    return count.number.vague or "exact"


def _interval(
    number: Number, hedge: Hedge | None, measure: str
) -> tuple[float | None, float | None]:
    if number.unit == "fraction":
        high = (number.high or number.low) * 100
        scaled = Number(number.start, number.end, number.low * 100, high, unit="%")
        return interval(scaled, hedge.name if hedge else None, count=False)
    count = measure not in ("money", "percent")
    return interval(number, hedge.name if hedge else None, count=count)


# One victim named by a noun or a name, with no number: "a man was shot", "the boy
# died", "Dorothy Reardean died", "he was pronounced dead"; "both died" counts two. GVA
# dev: most single-victim reports never write the number. A victim mentioned again
# ("the man") is counted again, which the per-article maximum (``article_totals``)
# absorbs.
_VICTIM = (
    r"man|woman|person|teen(?:ager)?|boy|girl|child|toddler|infant|baby|son|daughter|"
    r"father|mother|husband|wife|brother|sister|victim|officer|deputy|trooper|driver|"
    r"student|resident|homeowner|clerk|employee|suspect|gunman|shooter|passenger|neighbor|"
    r"male|female|juvenile|youth|kid|grandfather|grandmother|grandson|granddaughter|uncle|"
    r"aunt|nephew|niece|cousin|friend|boyfriend|girlfriend|roommate|customer|bystander|"
    r"guard|owner|pedestrian|motorist|relative|stepfather|stepson|individual|\d{1,3}-year-old"
    r"|\d{1,2}-month-old"
)
_VICTIM_VERB = (
    r"was|has been|had been|is|died|dies|has died|later died|remains|remained|suffered|"
    r"sustained|succumbed"
)
# Between a victim and its verb, an age, an age and a place, or an apposition ("a man, 25,",
# "Mark Sole, 17, of Beloit,", "MaKayla Dyer, a student at ...,").
_APPOSED = r",\s+\d{1,2}(?:,[^,.;]{0,60})?,|,[^,.;]{0,60},"
_ONE_VICTIM = re.compile(
    rf"\b(?P<one>[Aa]n?|[Oo]ne|[Tt]he|[Aa]nother|[Tt]his|[Tt]hat|[Hh]is|[Hh]er|[Tt]heir)\s+"
    rf"(?:[\w-]+\s+){{0,3}}?(?:{_VICTIM})(?=(?:{_APPOSED})?\s+(?:{_VICTIM_VERB})\b)"
)
# The victim noun every _ONE_VICTIM match ends with, searched first (``_near``).
_VICTIM_NOUN = re.compile(rf"(?<![\w-])(?:{_VICTIM})(?=(?:{_APPOSED})?\s+(?:{_VICTIM_VERB})\b)")
_DEATH_VERB = (
    r"was\s+pronounced\s+dead|(?:later\s+)?died"
    r"|was\s+(?:also\s+)?(?:fatally\s+)?(?:shot|wounded|killed)"
)
_HE_OR_SHE = re.compile(rf"\b(?:[Hh]e|[Ss]he)(?=\s+(?:{_DEATH_VERB}))")
# "... and another was injured": one more victim, named by "another" alone.
_ANOTHER = re.compile(
    r"\b(?:[Aa]nother|[Oo]ne\s+other)(?=\s+(?:was|has\s+been|had\s+been|is|died|remains|suffered)\b)"
)
# A person named by one to three capitalised words, an age or an apposition between
# name and verb ("Frazer was pronounced dead", "MaKayla Dyer, a student at ..., was killed",
# "Mark Sole, 17, of Beloit, was killed").
_NAMED_DEATH = (
    r"was\s+pronounced\s+dead|(?:later\s+)?died|was\s+(?:also\s+)?(?:fatally\s+)?shot"
    r"|was\s+(?:also\s+)?killed"
    r"|was\s+(?:later\s+)?(?:found|confirmed)\s+dead"
)
_NAMED = re.compile(
    r"(?<![\w’'-])(?!(?:Police|Nobody|No|One|It|This|That|Everyone|Someone|Who)\b)"
    r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}"
    rf"(?=(?:{_APPOSED})?\s+(?:{_NAMED_DEATH}))"
)
_NAMED_VERB = re.compile(rf"\s(?:{_NAMED_DEATH})")
# A victim as the object of the verb ("killing her 15-year-old brother", "fatally shot
# his wife", "left a woman dead", "leaving the teen in critical condition"): what
# happened is read from the verb before (``_measure``) or the words after.
_OBJECT_VICTIM = re.compile(
    r"\b(?:killed|killing|kills|murdered|murdering|shot|shooting|shoots|wounded|wounding|"
    r"injured|injuring|left|leaving|leaves|found|finds|(?:death|killing|slaying)\s+of)\s+"
    rf"(?P<one>his|her|their|an?|the|one|another)\s+(?:[\w-]+\s+){{0,3}}?(?:{_VICTIM})\b"
    r"(?!\s+(?:who|that)\b)"
    # or a pronoun: "accidentally shot her in the face", "shot himself in the leg"
    r"|\b(?:killed|killing|kills|shot|shooting|shoots|wounded|wounding)\s+"
    r"(?P<pronoun>himself|herself|him|her)\b"
    # or a name after an active verb: "a 3-year-old fatally shot Braylon in the head"
    r"|(?<!was\s)(?<!were\s)(?<!been\s)\b(?:fatally\s+shot|shot\s+and\s+killed|killed|murdered)\s+"
    r"(?P<name>(?!(?:Police|Officers?|Deputies|Authorities|In|At|On|During|After|Before"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Last|Early|Late|Near)\b)"
    r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\b"
)
# A multiple-victim word: "double fatal shooting", "triple homicide", "murder-suicide".
_MULTIPLE = re.compile(
    r"\b(?P<n>[Dd]ouble|[Tt]riple|[Qq]uadruple)(?:\s+(?:fatal\s+shooting|homicide|murder|slaying))"
    r"|\b(?P<ms>[Mm]urder-suicide)\b"
)
_MULTIPLE_VALUE = {"double": 2.0, "triple": 3.0, "quadruple": 4.0, "murder-suicide": 2.0}
_BOTH = re.compile(
    rf"\b(?P<both>[Bb]oth)(?:\s+(?:{_VICTIM})s?|\s+men|\s+women|\s+children)?"
    rf"(?=\s+(?:died|were\s+killed|were\s+pronounced\s+dead|were\s+shot|were\s+wounded"
    r"|were\s+injured|were\s+hurt|were\s+hospitali[sz]ed|were\s+(?:taken|rushed|transported)\s+to"
    r"|were\s+in\s+(?:good|fair|stable|serious|critical)\s+condition))"
)
# Two victims named one by one and joined by "and", then a plural verb: "a 3-year-old girl
# and a 19-year-old man were injured", "a man and child were hurt": two.
_PAIR = re.compile(
    rf"\b(?:[Aa]n?|[Oo]ne|[Tt]he|[Hh]is|[Hh]er)\s+(?:[\w-]+\s+){{0,3}}?(?:{_VICTIM})"
    rf"\s+and\s+(?:(?:an?|one|the|his|her|their)\s+)?(?:[\w-]+\s+){{0,3}}?(?:{_VICTIM})"
    r"(?=\s+were\b)"
)
_DEATH = re.compile(
    r"\b(?:died|dies|dead|killed|fatally|death|succumbed|did not survive|deceased)\b", re.I
)


def _implied_death(sentence: str, count: _Count) -> bool:
    """An implied victim said to be hurt and, later in the window, dead."""
    hurt = count.measure in ("injured", "hospitalised", "critical", "shot")
    return (
        count.number.implied
        and hurt
        and bool(_DEATH.search(sentence, count.number.end, count.window_end))
    )


# Every implied count needs one of these words; most sentences have none, and the
# patterns above (a determiner, then up to three words) are slow to reject.
_IMPLIED_CUE = re.compile(
    rf"\b(?:{_VICTIM}|both|another|one other|died|dead"
    r"|was (?:also )?(?:fatally )?(?:shot|wounded|killed)"
    r"|double|triple|quadruple|murder-suicide|(?:shot|shooting|shoots|killed|killing|kills|wounded|wounding)"
    r"\s+(?:him|her))",
    re.I,
)


def _singulars(sentence: str, numbers: Sequence[Number]) -> list[Number]:
    """Implied counts: one victim named without a number, "both" victims."""
    if not _IMPLIED_CUE.search(sentence):
        return []
    taken = [(n.start, n.end) for n in numbers]
    found: list[Number] = []
    for start, end in _one_victim_spans(sentence):
        if not any(s <= start < e for s, e in taken) and not _overlaps(found, start, end):
            found.append(Number(start, end, 1.0, 1.0, implied=True))
    found.sort(key=lambda n: n.start)
    for match in _BOTH.finditer(sentence):
        start, end = match.span("both")
        found.append(Number(start, end, 2.0, 2.0, implied=True))
    for match in _PAIR.finditer(sentence):
        found = [n for n in found if not (match.start() <= n.start < match.end())]
        if not any(match.start() <= s < match.end() for s, _ in taken):
            found.append(Number(match.start(), match.end(), 2.0, 2.0, implied=True))
    for match in _MULTIPLE.finditer(sentence):
        value = _MULTIPLE_VALUE[(match.group("n") or match.group("ms")).lower()]
        found.append(Number(match.start(), match.end(), value, value, implied=True))
    return found


def _one_victim_spans(sentence: str) -> list[tuple[int, int]]:
    """Where one victim is named: "a man", "he", "Dorothy Reardean" (before a verb)."""
    spans = [m.span("one") for m in finditer_near(_ONE_VICTIM, _VICTIM_NOUN, sentence, reach=120)]
    spans += [m.span() for m in _HE_OR_SHE.finditer(sentence)]
    spans += [m.span() for m in _ANOTHER.finditer(sentence)]
    if _NAMED_VERB.search(sentence):
        spans += [m.span() for m in _NAMED.finditer(sentence)]
    spans += [m.span(m.lastgroup or "one") for m in _OBJECT_VICTIM.finditer(sentence)]
    return sorted(spans)


def _others(subject: str | None) -> bool:
    """A subject that excludes those already counted: "others", "two other men"."""
    words = (subject or "").lower().split()
    return any(word in ("other", "others", "more", "additional") for word in words)


def _overlaps(numbers: Sequence[Number], start: int, end: int) -> bool:
    return any(n.start < end and start < n.end for n in numbers)


def _counts(sentence: str) -> list[_Count]:
    """The numbers of one sentence that count something, with measure and subject."""
    numbers = [n for n in find_numbers(sentence) if n.role == "quantity"]
    numbers = sorted([*numbers, *_singulars(sentence, numbers)], key=lambda n: n.start)
    raw = [_read_count(sentence, numbers, i) for i, _ in enumerate(numbers)]
    resolved: list[_Count] = []
    for index, count in enumerate(raw):
        if count.measure is None and count.joined and index + 1 < len(raw):
            count = _replace_measure(count, raw[index + 1].measure)
        if count.subject is None and resolved and count.measure in _PEOPLE_MEASURES:
            count = _replace_subject(count, resolved[-1].subject)
        if _implied_death(sentence, count):
            count = _replace_measure(count, "killed")  # "..., where he was pronounced dead"
        if count.measure == "shot" and _others(count.subject):
            count = _replace_measure(count, "injured")  # "one killed and three others shot"
        if count.measure is not None and not _not_a_count(sentence, count):
            resolved.append(count)
    return resolved


# "for two months": a duration; "shot six times": how often; "200 yards away": a
# distance; "two counts of murder": charges; "two of them": part of a group already
# counted; "no one was hurt": nobody.
_NOT_COUNT_AFTER = re.compile(
    r"(?:\s+|-)(?:(?:minutes?|hours?|days?|weeks?|months?|years?|decades?|times|yards?|feet|"
    r"foot|miles?|meters?|metres?|kilometers?|kilometres?|km|blocks?|doors?|inches|pounds|"
    r"counts?|charges?)\b)",
    re.I,
)
# "two of them": part of a group counted before. Kept when it says who died or was hurt
# ("four men were shot; two of them died": two dead, the others wounded).
_PART_OF_GROUP = re.compile(r"\s+of\s+(?:them|those|these|whom|which|us)\b", re.I)
_CASUALTIES = frozenset(m for measures in TOTAL_MEASURES.values() for m in measures)


_NO_BEFORE = re.compile(r"\b[Nn]o\s+\Z")


def _not_a_count(sentence: str, count: _Count) -> bool:
    """A subset after "including", a duration, or a part of a group counted before."""
    if _SUBSET.search(sentence[: _start(count)]) or _NO_BEFORE.search(sentence[: _start(count)]):
        return True
    if _PART_OF_GROUP.match(sentence, count.number.end):
        return count.measure not in _CASUALTIES
    return bool(_NOT_COUNT_AFTER.match(sentence, count.number.end))


_PEOPLE_MEASURES = frozenset(
    [
        "killed",
        "injured",
        "shot",
        "hospitalised",
        "critical",
        "missing",
        "arrested",
        "evacuated",
        "displaced",
    ]
)


def _start(count: _Count) -> int:
    return count.hedge.start if count.hedge else count.number.start


def _replace_measure(count: _Count, measure: str | None) -> _Count:
    return _Count(count.number, count.hedge, measure, count.subject, count.window_end, False)


def _replace_subject(count: _Count, subject: str | None) -> _Count:
    return _Count(count.number, count.hedge, count.measure, subject, count.window_end, False)


def _read_count(sentence: str, numbers: Sequence[Number], index: int) -> _Count:
    number = numbers[index]
    hedge = find_hedge(sentence, number)
    next_start = numbers[index + 1].start if index + 1 < len(numbers) else len(sentence)
    if index + 1 < len(numbers):
        next_hedge = find_hedge(sentence, numbers[index + 1])
        next_start = next_hedge.start if next_hedge else next_start
    window_end = min(next_start, number.end + _RIGHT_WINDOW)
    right = sentence[number.end : window_end]
    if number.implied:  # "James Means, 15, was shot": the verb is past the apposition
        right = _APPOSITION.sub(lambda m: " " * len(m.group()), right, count=1)
    clause = _CLAUSE_END.search(right)
    clause_text = right[: clause.start()] if clause else right
    joined = clause is None and bool(re.search(r"\b(?:and|or)\s*$|,\s*$", right))
    subject = _named_victim(sentence[number.start : number.end]) if number.implied else None
    subject = subject or _subject(clause_text, number)
    measure = _measure(sentence, number, hedge, clause_text, subject)
    return _Count(
        number, hedge, measure, _with_place(sentence, number, subject), window_end, joined
    )


# An apposition between an implied victim and its verb ("a man, 25, was shot").
_APPOSITION = re.compile(rf"(?:{_APPOSED})(?=\s+(?:{_VICTIM_VERB}|{_NAMED_DEATH})\b)")


def _measure(
    sentence: str, number: Number, hedge: Hedge | None, clause: str, subject: str | None
) -> str | None:
    if number.implied and _MULTIPLE.fullmatch(sentence, number.start, number.end):
        return "killed"  # "double homicide", "murder-suicide"
    if number.unit is not None:  # "a $15,000 reward in the killing": a sum, never people
        return "percent" if number.unit in ("%", "fraction") else "money"
    event = event_measure(clause)
    if event is not None and _NEGATED.search(clause[: event[1]]):
        return None  # "the baby was not hurt", "two others weren't injured"
    if number.implied and event is not None and _DEATH.search(clause):
        return "killed"  # "a man was shot and later died": one dead, not one wounded
    if event is not None and _no_new_noun_before(clause[: event[1]]):
        return event[0]
    left_start = hedge.start if hedge else number.start
    left = _last_clause(sentence[max(0, left_start - _LEFT_WINDOW) : left_start])
    left_event = event_measure(left)
    if left_event is not None and not _LOCATIVE_END.search(left[left_event[1] :]):
        return left_event[0]
    noun = noun_measure(subject or "") if subject else None
    if noun == "troops":
        noun = noun_measure(clause)  # "soldiers and emergency workers": a mixed crew
    if noun is not None:
        return noun
    if _unnamed_money(number, left, clause):
        return "money"
    return None


# A negation right before the event word ("was not hurt", "has not been injured"); an adverb
# between ("not seriously hurt") still says hurt.
_NEGATED = re.compile(r"(?:\bnot|n[’']t|\bnever)\s+(?:been\s+)?\Z", re.I)
# "bodies recovered from two villages": a number after a place preposition is where,
# not how many, of the event before it.
_LOCATIVE_END = re.compile(r"\b(?:from|in|near|across|into|outside|inside)\s+\Z", re.I)
# A sum in a currency the unit list does not know ("2 billion kesh"): a scaled number
# next to a word that says money.
_MONEY_CONTEXT = re.compile(
    r"\b(?:funds?|fonds|budget|aid|pledged?|package|grant|loan|costs?|worth|spent|spend|"
    r"allocated?|set aside|money|investment|compensation|revenue|debt)\b",
    re.I,
)


def _unnamed_money(number: Number, left: str, clause: str) -> bool:
    if number.precision < 100_000 or number.vague:
        return False  # only "N million/billion" amounts
    return bool(_MONEY_CONTEXT.search(left) or _MONEY_CONTEXT.search(clause))


def _no_new_noun_before(words: str) -> bool:
    """An event word belongs to the number unless a relative clause intervenes."""
    return not re.search(r"\b(?:who|which|that|whose)\b", words)


def _last_clause(left: str) -> str:
    """The words before a number, from the last clause break on."""
    parts = re.split(r"[;:.!?,]\s|\s(?:and|while|but)\s", left)
    return parts[-1] if parts else left


_NAME_WORDS = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}")
_NOT_A_NAME = frozenset(
    ["A", "An", "The", "One", "Another", "This", "That", "His", "Her", "Their", "He", "She", "Both"]
)


def _named_victim(words: str) -> str | None:
    """The name an implied victim was found by ("Omar Reyes"): who is counted."""
    first = words.split()[0] if words.split() else ""
    return words if _NAME_WORDS.fullmatch(words) and first not in _NOT_A_NAME else None


_AGED = re.compile(r"\d{1,3}-(?:year|month|week|day)-olds?")


def _subject(clause: str, number: Number) -> str | None:
    """The noun phrase right after a number: what it counts."""
    words = clause.strip().lstrip(_QUOTES).split()
    if words[:1] and words[0].lower() in _OF_WORDS:
        words = words[1:]
    taken: list[str] = []
    for word in words:
        bare = word.strip(_QUOTES + ",.;:!?()")
        lowered = bare.lower()
        if not bare or lowered in _STOP_WORDS or lowered in _STOP_WORDS_FR:
            break
        if (bare[0].isdigit() and not _AGED.fullmatch(lowered)) or event_measure(bare):
            break  # a number starts the next count; "15-month-old" names who is counted
        if taken and lowered in _OF_WORDS and len(taken) > 2:
            break
        taken.append(bare)
        if word.rstrip(_QUOTES) != word and word.strip(_QUOTES) != word.lstrip(_QUOTES):
            break  # a closing quote ends the phrase
        if word.endswith(","):
            break
    phrase = _DETERMINERS.sub("", " ".join(taken)).strip(_QUOTES + " ")
    return phrase or None


def _with_place(sentence: str, number: Number, subject: str | None) -> str | None:
    """A generic subject ("people") gets the place the sentence names before it."""
    if subject is None or subject.lower() not in _GENERIC:
        return subject
    places = list(_PLACE.finditer(sentence[: number.start]))
    if not places:
        return subject
    place = (places[-1].group("place") or places[-1].group("where")).strip()
    return f"{subject} in {place}"


@lru_cache(maxsize=256)
def _attribution(sentence: str) -> str | None:
    """Who the sentence says its figures come from, or None (cached: one sentence often
    holds several counts)."""
    if not _ANY_VERB.search(sentence):
        return None  # the patterns below all need one (a cheap test saves most of the time)
    for pattern in (_ACCORDING, _QUOTED_AS, _VERB_BEFORE):
        if pattern is _QUOTED_AS and "quoted" not in sentence:
            continue  # its leading words try every position of the sentence
        match = pattern.search(sentence)
        if match and match.group("who").split()[0].lower() not in _NOT_SOURCE:
            return _clean_source(match.group("who"))
    floor = 0
    for match in _VERB_AFTER.finditer(sentence):
        who = _source_words(_words_before(sentence, match.start(), floor))
        if who:
            return who
        floor = match.end()
    return None


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char in "_’'-"


def _words_before(sentence: str, end: int, floor: int) -> str:
    """The up to six words, one space apart, before the spaces that end at ``end``."""
    stop = end
    while stop > floor and sentence[stop - 1].isspace():
        stop -= 1
    start = position = stop
    for _ in range(_SPEAKER_WORDS):
        word_start = position
        while word_start > floor and _is_word_char(sentence[word_start - 1]):
            word_start -= 1
        if word_start == position:
            break
        start = word_start
        if word_start - 2 < floor or not sentence[word_start - 1].isspace():
            break
        if not _is_word_char(sentence[word_start - 2]):
            break
        position = word_start - 1
    return sentence[start:stop]


def _source_words(words: str) -> str | None:
    """The speaker at the end of the words before "said": "Officials", "the interior ministry"."""
    parts = re.split(r"[,;“”\"]", words)[-1].split()
    kept: list[str] = []
    for word in reversed(parts):
        if word.lower() in _NOT_SOURCE or word[0].isdigit() or word.lower() in _STOP_WORDS:
            break
        kept.insert(0, word)
    phrase = _clean_source(" ".join(kept))
    if phrase and phrase.lower() in _NOT_SOURCE:
        return None
    return phrase


def _clean_source(words: str) -> str | None:
    phrase = _DETERMINERS.sub("", words.strip(" " + _QUOTES)).strip()
    phrase = re.sub(r"(?:\s+(?:on|in|at|late|early|last|\w+ly))+$", "", phrase)
    phrase = re.split(
        r"\s+(?:on|late|early|last|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
        r"Saturday|Sunday|week)\b",
        phrase,
    )[0]
    return phrase or None


_CLAUSE_BREAK = re.compile(
    r"[,;]\s+(?:up|down|rising|falling)\s+from\b|[,;]\s+compared\s+(?:with|to)\b"
)


def _as_of(sentence: str, number: Number, published: date | None) -> str | None:
    times = [
        t
        for t in _times(sentence, published)
        if t.iso
        and not (t.start >= number.end and _CLAUSE_BREAK.search(sentence, number.end, t.start))
    ]  # "14,000 now, up from 9,000 on Monday": the time after "up from" dates the older figure
    if not times:
        return published.isoformat() if published else None
    nearest = min(times, key=lambda t: min(abs(t.start - number.end), abs(number.start - t.end)))
    return nearest.iso


@lru_cache(maxsize=256)
def _times(sentence: str, published: date | None) -> tuple[TimeExpression, ...]:
    """The sentence's time expressions, once per sentence (it often holds several counts)."""
    return tuple(find_times(sentence, published))


# Words without which _RETRACTION cannot match (a substring test is far cheaper).
_RETRACTION_WORDS = ("withdr", "retract", "back", "rescind", "error", "mistake", "glitch", "mix-up")


def _retraction_sentences(text: str, sentences: Sequence[Span]) -> set[int]:
    return {i for i, (s, e) in enumerate(sentences) if _may_retract(text[s:e])}


def _may_retract(sentence: str) -> bool:
    lowered = sentence.lower()
    if not any(word in lowered for word in _RETRACTION_WORDS):
        return False
    return bool(_RETRACTION.search(sentence))


def _neighbour_values(
    text: str, sentences: Sequence[Span], retracted: set[int], index: int
) -> set[float]:
    """Values withdrawn by a neighbouring retraction sentence."""
    values: set[float] = set()
    for other in (index - 1, index + 1):
        if other in retracted:
            start, end = sentences[other]
            values.update(n.low for n in find_numbers(text[start:end]) if n.role == "quantity")
    return values


def _is_retracted(sentence: str, count: _Count, cue: bool, neighbours: set[float]) -> bool:
    if cue:
        return not _CORRECTED_TO.search(sentence[: _start(count)])
    return count.number.low in neighbours and count.hedge is not None
