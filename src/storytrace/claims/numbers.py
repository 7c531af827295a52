"""Numbers in news text: numerals and number words to values, with their role.

``find_numbers`` returns every number-like expression of a text with its value and a
``role``: ``"quantity"`` for amounts a claim can be about, or why it is not one
(``"year"``, ``"date"``, ``"time"``, ``"age"``, ``"phone"``, ``"address"``, ``"name"``,
``"ordinal"``). Offsets point into the text given; nothing is rewritten except that
digits of other scripts ("٣", "३", full-width "３") are read through a one-to-one
translation, so offsets stay exact.

Values:

- numerals with thousands separators and decimals: "1,000,000", "8,000", "1.5";
- a scale word or suffix multiplies: "1.5 million", "35m", "2.8bn", "5k";
- number words and compounds: "two", "twenty-five", "two hundred", "a dozen", "a hundred";
- ranges: "4 to 5 thousand", "252-287", "between 3 and 5" (``low`` < ``high``);
- vague plurals as intervals (see :data:`VAGUE`): "dozens", "scores", "hundreds";
- fractions of a whole: "a quarter of", "half of", "two-thirds of" (``unit == "fraction"``).

Roman numerals are never read as numbers ("World War II", "Louis XIV").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import pairwise

__all__ = ["VAGUE", "Number", "find_numbers"]


@dataclass(frozen=True, slots=True)
class Number:
    """A number expression: ``text[start:end]``, its value and its role.

    Attributes:
        start: offset of the expression's first character.
        end: offset after its last character.
        low: the stated value, or the lower end of a range or vague quantity.
        high: the upper end; equal to ``low`` for a single stated value; ``None``
            for an open vague quantity.
        role: ``"quantity"`` or why it is not one (year, date, time, age, ...).
        vague: the vague word ("dozens"), when the value came from one.
        unit: ``"%"``, a currency code, ``"fraction"``, or None.
        precision: the rounding unit the writer used (8,000 -> 1000; 164 -> 1),
            used by hedge rules.
        implied: True for a count no numeral states ("a man was shot" -> 1).
    """

    start: int
    end: int
    low: float
    high: float | None
    role: str = "quantity"
    vague: str | None = None
    unit: str | None = None
    precision: float = 1.0
    implied: bool = False

    @property
    def is_range(self) -> bool:
        """Whether the expression states a range ("4 to 5", "dozens")."""
        return self.high != self.low


# Vague plural quantities as closed intervals. The lower end is the smallest amount
# for which the plural reads naturally ("dozens" = at least two dozen), the upper end
# the point where writers switch to the next word ("hundreds"). Chosen on reading,
# checked on the kz2022 corpus and NewsQuant dev (which annotates "dozens" as 12, so
# value F1 reads the interval's unit, VAGUE_BASE, not the interval).
VAGUE: dict[str, tuple[float, float | None]] = {
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999),
    "tens of millions": (20_000_000, 99_999_999),
    "hundreds of millions": (200_000_000, 999_999_999),
    "billions": (2_000_000_000, 9_999_999_999),
    # "tens of people" (a literal translation of "des dizaines"); French plurals too.
    "tens": (20, 99),
    "dizaines": (24, 99),
    "centaines": (200, 999),
    "milliers": (2_000, 9_999),
}
VAGUE_BASE: dict[str, float] = {
    "dozens": 12,
    "scores": 20,
    "hundreds": 100,
    "thousands": 1_000,
    "tens of thousands": 10_000,
    "hundreds of thousands": 100_000,
    "millions": 1_000_000,
    "tens of millions": 10_000_000,
    "hundreds of millions": 100_000_000,
    "billions": 1_000_000_000,
    "tens": 10,
    "dizaines": 12,
    "centaines": 100,
    "milliers": 1_000,
}

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "a dozen": 12, "dozen": 12, "half a dozen": 6,
    "a score": 20,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000,
    "bn": 1_000_000_000, "b": 1_000_000_000, "k": 1_000, "tn": 1_000_000_000_000,
    "milliard": 1_000_000_000, "milliards": 1_000_000_000,
}  # fmt: skip
_FRACTIONS = {
    "half": 0.5, "a half": 0.5, "one half": 0.5, "a third": 1 / 3, "one third": 1 / 3,
    "a quarter": 0.25, "one quarter": 0.25, "one-third": 1 / 3, "two-thirds": 2 / 3,
    "two thirds": 2 / 3, "three-quarters": 0.75, "three quarters": 0.75,
    "one-quarter": 0.25, "one-fifth": 0.2, "a fifth": 0.2, "a tenth": 0.1,
}  # fmt: skip
# Signs, and codes written against the digits ("RM79", "Rs500"); "PS" is how ASCII
# transliteration (unidecode) writes "£", so scraped text carries "PS6m".
_CURRENCY_SIGNS = {
    "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₸": "KZT", "PS": "GBP",
    "RM": "MYR", "Rs": "INR", "Rp": "IDR",
    # ISO 4217 codes written before the amount ("AUD1.5m", "CHF 20").
    **{code: code for code in [
        "EUR", "USD", "GBP", "INR", "AUD", "CAD", "NZD", "HKD", "SGD", "CHF", "CNY", "JPY", "ZAR",
        "SEK", "NOK", "DKK", "RUB", "KZT", "BRL", "MXN", "KRW", "PLN", "AED", "SAR", "TRY",
    ]},
}  # fmt: skip
_CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
    "yuan": "CNY", "rubles": "RUB", "roubles": "RUB", "tenge": "KZT", "yen": "JPY",
}  # fmt: skip


def _digit_table() -> dict[int, str]:
    """Every Unicode decimal digit (and Arabic separators) to ASCII, one char for one."""
    table: dict[int, str] = {0x066B: ".", 0x066C: ","}
    for block in (0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0E50, 0xFF10):
        for offset in range(10):
            char = chr(block + offset)
            if unicodedata.digit(char, -1) == offset:
                table[block + offset] = str(offset)
    return table


_DIGITS = _digit_table()
_NUMBER_WORD = "|".join(sorted((re.escape(w) for w in [*_UNITS, *_TENS]), key=len, reverse=True))
_SCALE_WORD = r"hundred|thousand|million|billion|trillion|milliards?"
_VAGUE_WORD = "|".join(re.escape(w) for w in sorted(VAGUE, key=len, reverse=True))
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}
_VULGAR_CHARS = "".join(_VULGAR)
_FRACTION_WORD = "|".join(re.escape(w) for w in sorted(_FRACTIONS, key=len, reverse=True))
# Thousands groups by comma, or by a (no-break) space as French and SI style write
# them ("9 000", "1\u00a0800"): a space group needs exactly three digits after it.
_NUMERAL = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])|\d+)(?:\.\d+)?|\.\d+"
_SUFFIX = r"(?:bn|mn|mln|tn|m|k|b)(?![a-z]|\.[a-z])"  # not "80 m.p.h."
_WORD_GROUP = rf"(?:{_NUMBER_WORD})(?:[\s-]+(?:{_NUMBER_WORD}))?"
# After a scale word more groups may follow: "twenty-eight thousand six hundred forty-two",
# "two hundred and fifty" (never "two and three": that is a range).
_WORD_NUMBER = (
    rf"(?:{_WORD_GROUP}(?:\s+(?:{_SCALE_WORD}))+"
    rf"(?:\s+(?:and\s+)?{_WORD_GROUP}(?:\s+(?:{_SCALE_WORD}))*)*"
    rf"|{_WORD_GROUP}|an?\s+(?:hundred|thousand|million|billion))"
)
_SINGLE = rf"(?:{_NUMERAL})(?:\s*{_SUFFIX}|\s+(?:{_SCALE_WORD}))*|{_WORD_NUMBER}"
_RANGE_JOIN = r"\s*(?:-|–|—|to|and|or)\s*"
_CURRENCY = (
    r"[$€£¥₽₸]|(?-i:"
    + "|".join(sorted((c for c in _CURRENCY_SIGNS if c.isalpha()), key=len, reverse=True))
    + r")(?=\s?\d)"
)
# A number ends at a non-word character, or before a unit written against its digits
# ("256GB", "50mph", "5.5kWh"; NewsQuant dev) that is not an ordinal ending ("21st").
_END = r"(?:(?!\w)|(?<=\d)(?=(?!(?:st|nd|rd|th)\b)[a-z°µ]{1,6}\b))"
_PATTERN = re.compile(
    rf"(?<![\w.,])(?:(?P<frac>{_FRACTION_WORD})(?=\s+of\b|\s+the\b)"
    rf"|(?P<fold>{_NUMBER_WORD}|\d+(?:\.\d+)?)-?fold\b"
    rf"|(?P<vulgar>(?:\d+\s?)?[{_VULGAR_CHARS}])"
    rf"|(?P<vague>{_VAGUE_WORD})\b"
    rf"|(?P<ratio>(?<![\d/⁄])\d{{1,3}}[/⁄]\d{{1,3}}(?![\d/⁄]))"
    rf"|(?P<neg>[-−](?=(?:{_CURRENCY})?\d))?(?P<cur>{_CURRENCY})?\s?(?P<first>{_SINGLE})"
    rf"(?:(?P<pct1>\s?%)?(?P<join>{_RANGE_JOIN})(?P<cur2>{_CURRENCY})?(?P<second>{_SINGLE}))?)"
    rf"(?P<pct>\s?(?:%|(?:per\s?cent|percent)\b))?"
    rf"{_END}",
    re.IGNORECASE,
)

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
)
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s*\Z", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"\A(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b", re.IGNORECASE)
_ORDINAL_AFTER = re.compile(r"\A(?:st|nd|rd|th)\b", re.IGNORECASE)
_TIME_AFTER = re.compile(
    r"\A(?::\d\d|\.\d\d\s*[ap]\.?m\b|\s*[ap]\.?m\.?(?!\w)|\s*(?:gmt|utc|hrs|h\b|o'clock))",
    re.IGNORECASE,
)
_AGE_AFTER = re.compile(r"\A[\s-]*(?:years?|months?)[\s-]*old\b", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\b(?:aged|age|ages)\s*\Z", re.IGNORECASE)
# "Senard, 65,", "a man, 25,": an age between commas after a name or a person noun.
_AGE_APPOSITION = re.compile(
    r"(?:[A-Z][\w’'-]+|\b(?:man|woman|boy|girl|teen|teenager|victim|driver|suspect|son|"
    r"daughter|wife|husband|mother|father|resident|officer|student)),\s*\Z"
)
# What may follow such an age: a comma, a dash, a closing bracket, "and", or the end of
# the sentence ("Williams, 51 — appeared", "kills man, 18").
_AGE_END = re.compile(r"\A\s*(?:[,;)—–]|-\s|\.(?!\d)|\Z|and\b)")
_ADDRESS_AFTER = re.compile(
    r"\A\s+(?:block\b|(?:[A-Z][\w.]*\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|"
    r"Blvd|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl|Highway|Hwy)\b)"
)
_PHONE = re.compile(r"\+?\(?\d{1,4}\)?(?:[\s.-]\(?\d{2,4}\)?){2,}\d")
# A three-digit emergency number: "called 911", "dialled 999", "a 911 call", "112 operators"
# (GVA dev: "911" read as a count of people shot in 14 articles).
_CALL_BEFORE = re.compile(r"\b(?:call(?:ed|ing|s)?|dial(?:l?ed|l?ing|s)?|phoned)\s+\Z", re.I)
_CALL_AFTER = re.compile(
    r"\A[\s-]*(?:calls?|callers?|dispatch(?:ers?)?|operators?|cent(?:er|re)s?|emergency|hotlines?"
    r"|lines?|tapes?|recordings?|system)\b",
    re.I,
)
_NOT_PLURALS = frozenset(["this", "thus", "was", "has", "does", "less", "plus", "across", "unless"])
# Numbers that are part of a name: after a mixed-case or letter-digit word ("iPhone 11",
# "SF90 with"), glued by a hyphen to capitals ("V-12", "TA-35"), or after a label noun
# ("category 4", "game 6"); NewsQuant dev wordings.
_MODEL_BEFORE = re.compile(
    r"(?:\b[a-z]+[A-Z]\w*|\b[A-Za-z]+\d\w*)\s\Z|\b[A-Z]{1,3}-\Z"
    r"|\b(?i:category|level|grade|phase|stage|season|episode|chapter|article|section|room|"
    r"flight|route|highway|tier|class|type|version|model|game|no\.|number|apartment|apt\.|"
    r"unit|suite|precinct|ward|district|channel|interstate|exit)\s\Z"
)
_NAME_BEFORE = re.compile(r"(?:\b|^)([A-Z][\w&/]*|[A-Z]+&[A-Z]+)\s\Z")
_DATE_SHAPE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")
_NOT_NAMES = frozenset(
    [
        "About",
        "Around",
        "Nearly",
        "Almost",
        "Some",
        "Just",
        "Over",
        "More",
        "Fewer",
        "Less",
        "At",
        "Only",
        "Roughly",
        "Up",
        "Approximately",
        "Exactly",
        "Another",
        "Under",
        "Between",
        "From",
        "To",
        "By",
        "Of",
        "In",
        "On",
        "And",
        "Or",
        "But",
        "The",
        "All",
        "Of",
        "Some",
        "Than",
        "Reported",
        "Killed",
        "Injured",
    ]
)


def find_numbers(text: str) -> list[Number]:
    """Every number expression in ``text``, in order, with value and role.

    Args:
        text: any text.

    Returns:
        Non-overlapping numbers; ``text[n.start:n.end]`` is each one's wording.

    Example:
        >>> [(n.low, n.role) for n in find_numbers("In 2022, nearly 8,000 were held.")]
        [(2022.0, 'year'), (8000.0, 'quantity')]
        >>> find_numbers("dozens killed")[0].high
        99
    """
    ascii_text = text if text.isascii() else text.translate(_DIGITS)
    phones = _phone_spans(ascii_text)
    found: list[Number] = []
    position = 0
    while (match := _PATTERN.search(ascii_text, position)) is not None:
        if (split := _split_day(ascii_text, match)) is not None:
            ascii_text = split  # "March 17 200 people": a day, then a count
            continue
        number = _read(ascii_text, match)
        # A number that is not a range gives back what follows it ("3 and 5 people").
        position = max(match.start() + 1, number.end if number else match.end())
        if number is None:
            continue
        if any(s <= number.start < e for s, e in phones):
            number = _with_role(number, "phone")
        found.append(number)
    return found


def _split_day(text: str, match: re.Match[str]) -> str | None:
    """``text`` with a space group cut (same length) when a month name precedes it, else None."""
    first = match.group("first")
    gap = re.search(r"[ \u00a0\u202f](?=\d{3})", first or "")
    if gap is None or not first[: gap.start()].isdigit():
        return None
    if not _MONTH_BEFORE.search(text, max(0, match.start() - 12), match.start("first")):
        return None
    cut = match.start("first") + gap.start()
    return text[:cut] + "\n" + text[cut + 1 :]


_DIGIT = re.compile(r"\d")


def _phone_spans(text: str) -> list[tuple[int, int]]:
    if len(_DIGIT.findall(text)) < 7:
        return []  # no phone number; the pattern is slow to reject every position
    return [m.span() for m in _PHONE.finditer(text) if _looks_like_phone(m.group())]


def _looks_like_phone(candidate: str) -> bool:
    digits = sum(char.isdigit() for char in candidate)
    return digits >= 7 and "," not in candidate and not _DATE_SHAPE.fullmatch(candidate)


def _with_role(number: Number, role: str) -> Number:
    return Number(
        start=number.start,
        end=number.end,
        low=number.low,
        high=number.high,
        role=role,
        vague=number.vague,
        unit=number.unit,
        precision=number.precision,
    )


def _read(text: str, match: re.Match[str]) -> Number | None:
    """The Number a pattern match stands for, or None when the words are no number."""
    start, end = match.span()
    if match.group("frac"):
        value = _FRACTIONS[_squash(match.group("frac"))]
        return Number(start=start, end=end, low=value, high=value, unit="fraction")
    if match.group("vague"):
        word = _squash(match.group("vague"))
        low, high = VAGUE[word]
        return Number(start=start, end=end, low=low, high=high, vague=word)
    if match.group("ratio"):
        return _read_ratio(text, match)
    if match.group("fold"):  # "sixfold", "2-fold": a multiplier
        value = (_value(match.group("fold")) or (0.0, 1.0))[0]
        return Number(start=start, end=end, low=value, high=value) if value else None
    if match.group("vulgar"):  # "½", "2½"
        whole, char = match.group("vulgar")[:-1].strip(), match.group("vulgar")[-1]
        value = float(whole or 0) + _VULGAR[char]
        return Number(start=start, end=end, low=value, high=value, precision=0.0)
    return _read_numeric(text, match)


def _read_ratio(text: str, match: re.Match[str]) -> Number | None:
    """ "1/2 pound", "1⁄32 of a quart": a proper fraction; "24/7" or "3/4/2022" are not."""
    top, bottom = (int(part) for part in re.split("[/⁄]", match.group("ratio")))
    start, end = match.span("ratio")
    if not 0 < top < bottom or _DATE_SHAPE.match(text, start):
        return None
    return Number(start=start, end=end, low=top / bottom, high=top / bottom, precision=0.0)


def _read_numeric(text: str, match: re.Match[str]) -> Number | None:
    first = _value(match.group("first"))
    if first is None:
        return None
    low, precision = first
    if match.group("neg"):
        low = -low  # "DAX -1.6%"
    high = low
    second = _value(match.group("second")) if match.group("second") else None
    start, end = match.span()
    if second is not None and _is_range(match, low, second[0]):
        low, high = _scale_range(min(low, second[0]), max(low, second[0]))
    elif match.group("second"):
        end = match.start("join")  # "3 and 5 people" split back into two numbers later
    unit = _unit(text, match, end)
    if unit == "%" and match.group("pct") is None:
        end = min(end, match.end("second") if second else match.end("first"))
    number = Number(start=start, end=_trim_end(text, start, end), low=low, high=high,
                    unit=unit, precision=precision)  # fmt: skip
    return _with_role(number, _role(text, number, match))


def _is_range(match: re.Match[str], low: float, high: float) -> bool:
    """Whether "A join B" is a range: a dash or "to", or "and"/"or" after "between".

    "from A to B" is one value span in either direction ("fell from $2,415 to $2,315"),
    as NewsQuant annotates it.
    """
    join = match.group("join").strip().lower()
    before = match.string[max(0, match.start() - 9) : match.start()].lower().rstrip()
    if join == "to" and before.endswith("from") and low != high:
        return True
    if not low < high:
        return False
    if high > low * 100 and not (low < 1000 and _scale_carries(match)):
        return False  # "rose 60% in 2018 to 3.9 million" is no range
    if join in ("and",):
        return before.endswith("between")
    if join == "or":
        return high <= low * 10 and _is_word_number(match.group("first"))
    return True


def _is_word_number(words: str) -> bool:
    return not any(char.isdigit() for char in words)


def _scale_carries(match: re.Match[str]) -> bool:
    """ "four to five thousand", "$10 to $15 billion": a bare first end, a scaled second."""
    first, second = match.group("first"), match.group("second") or ""
    if match.group("pct1") or bool(match.group("cur")) != bool(match.group("cur2")):
        return False  # "rose 60% to $5 billion": two values
    if _is_word_number(first):
        return True
    return not any(char.isalpha() for char in first) and any(char.isalpha() for char in second)


def _scale_range(low: float, high: float) -> tuple[float, float]:
    """ "4 to 5 thousand": the scale of the second end applies to a bare first end."""
    if 0 < low < high and high >= 1000 and low < 1000 and high / low > 100:
        scale = 10 ** (len(str(int(high))) - len(str(int(low))))
        if low * scale <= high:
            return low * scale, high
    return low, high


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _squash(words: str) -> str:
    return " ".join(words.lower().split())


def _value(words: str) -> tuple[float, float] | None:
    """A value and its rounding precision from a numeral or number words."""
    cleaned = _squash(words.replace("-", " "))
    numeral = re.match(rf"{_NUMERAL}", cleaned)
    if numeral:
        digits = re.sub(r"[,\s]", "", numeral.group())
        value = float(digits)
        rest = cleaned[numeral.end() :].split()
        precision = _precision(digits)
    else:
        compound = _compound_value(cleaned.split())
        if compound is not None:
            return compound, 1.0
        word_value, rest = _words_value(cleaned.split())
        if word_value is None:
            return None
        value, precision = word_value, 1.0
    for word in rest:
        scale = _SCALES.get(word)
        if scale is None:
            return None
        value *= scale
        precision *= scale
    return value, precision


def _compound_value(tokens: list[str]) -> float | None:
    """ "six hundred forty two", "two hundred and fifty": number words after a scale word.

    None when no number word follows a scale word (then ``_words_value`` reads it).
    """
    after_scale = any(
        a in _SCALES and (b in _UNITS or b in _TENS or b == "and") for a, b in pairwise(tokens)
    )
    if not after_scale:
        return None
    total = current = 0.0
    for token in tokens:
        if token in _UNITS or token in _TENS:
            current += _UNITS.get(token, 0) + _TENS.get(token, 0)
        elif token == "hundred":
            current = (current or 1.0) * 100
        elif token in _SCALES:
            total += (current or 1.0) * _SCALES[token]
            current = 0.0
        elif token != "and":
            return None
    return total + current


def _words_value(tokens: list[str]) -> tuple[float | None, list[str]]:
    """The value of leading number words, and the scale words after them."""
    joined = " ".join(tokens)
    for phrase in ("half a dozen", "a dozen", "a score"):
        if joined.startswith(phrase):
            return float(_UNITS[phrase]), tokens[len(phrase.split()) :]
    if tokens[:1] in (["a"], ["an"]):
        return 1.0, tokens[1:]
    value = 0.0
    used = 0
    for token in tokens:
        if token in _TENS and used == 0:
            value += _TENS[token]
        elif token in _UNITS and (used == 0 or (used == 1 and value >= 20 and value % 10 == 0)):
            value += _UNITS[token]
        else:
            break
        used += 1
    return (value if used else None), tokens[used:]


def _precision(digits: str) -> float:
    """The rounding unit of a written numeral: "8000" -> 1000, "164" -> 1, "1.5" -> 0.1."""
    if "." in digits:
        return 10.0 ** -len(digits.split(".", 1)[1])
    stripped = digits.lstrip("0") or "0"
    zeros = len(stripped) - len(stripped.rstrip("0"))
    return float(10 ** min(zeros, max(len(stripped) - 1, 0)))


def _unit(text: str, match: re.Match[str], end: int) -> str | None:
    ranged = match.group("join") is not None and end > match.start("join")
    if match.group("pct1") or (match.group("pct") and (ranged or not match.group("join"))):
        return "%"
    sign = match.group("cur") or (match.group("cur2") if ranged else None)
    if sign:
        return _CURRENCY_SIGNS[sign]
    following = re.match(r"\s+([a-z]+)", text[end : end + 20].lower())
    if following and following.group(1) in _CURRENCY_WORDS:
        return _CURRENCY_WORDS[following.group(1)]
    return None


def _role(text: str, number: Number, match: re.Match[str]) -> str:
    """Why a number is not a quantity ("year", "date", ...), or ``"quantity"``."""
    before = text[max(0, number.start - 40) : number.start]
    after = text[number.end : number.end + 40]
    numeral = match.group("first")
    if _in_date_token(text, number):
        return "date"
    if number.unit is None and not number.is_range:
        role = _numeral_role(numeral, before, after)
        if role:
            return role
    if number.is_range and _year_range(number, numeral, match.group("second") or ""):
        return "year"  # "between 2014 and 2017", "between A.D. 1000 and 1260"
    if _AGE_AFTER.match(after) or _AGE_BEFORE.search(before):
        return "age"
    if _ADDRESS_AFTER.match(after):
        return "address"
    return "quantity"


def _numeral_role(numeral: str, before: str, after: str) -> str | None:
    """Roles only a bare numeral (no unit, no range) can have."""
    if any(char.isdigit() for char in numeral) and (
        _TIME_AFTER.match(after) or re.search(r"\d:\Z", before)
    ):
        return "time"
    if _ORDINAL_AFTER.match(after) and not _MONTH_AFTER.match(after):
        return "ordinal"
    if _in_a_date(before, after):
        return "date"
    if _is_year(numeral, after):
        return "year"
    if _emergency_number(numeral, before, after):
        return "phone"
    if _AGE_APPOSITION.search(before) and _AGE_END.match(after) and numeral.isdigit():
        return "age" if int(numeral) < 120 else None
    if _measured(numeral, after):
        return None  # "640bhp", "2.4GHz", "9 billion shekels": an amount, whatever precedes
    if _MODEL_BEFORE.search(before):
        return "name"
    name = _NAME_BEFORE.search(before)
    if name and name.group(1) not in _NOT_NAMES and not _sentence_start(before, name.start()):
        return "name"  # "S&P 500", "Boeing 737", "Fortune 100"
    return None


_GLUED_UNIT = re.compile(r"(?!(?:st|nd|rd|th)\b)[a-zA-Z°µ]")
_SCALED = re.compile(rf"(?:\d\s*{_SUFFIX}|\s(?:{_SCALE_WORD}))\Z", re.I)


def _measured(numeral: str, after: str) -> bool:
    """A unit written against the digits, or a scale word: a measured amount, not a name."""
    glued = numeral[-1:].isdigit() and bool(_GLUED_UNIT.match(after))
    return glued or bool(_SCALED.search(numeral))


# What a numeric date is written with ("2022-01-10", "10.01.22", "3/4/2022").
_DATE_CHARS = frozenset("0123456789./-")


def _in_date_token(text: str, number: Number) -> bool:
    """Whether the number is part of a run of digits, dots, slashes and dashes shaped like a
    date: "2022-01-10", "10-01-2022", "3/4/2022"."""
    start, end = number.start, number.end
    while start > 0 and text[start - 1] in _DATE_CHARS:
        start -= 1
    while end < len(text) and text[end] in _DATE_CHARS:
        end += 1
    return _DATE_SHAPE.fullmatch(text[start:end].strip("./-")) is not None


def _in_a_date(before: str, after: str) -> bool:
    """Next to a month name, or against a dot, slash or dash and digits ("10.01.22",
    "1/10/2022"). A descending pair with a dash ("a 5-4 win", "a 9-2 lead", "ISO 3888-2": a
    score, a name) is no count either, so it falls here too (NewsQuant dev leaves them out)."""
    if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after):
        return True
    if after[:1] in "./-" and after[1:2].isdigit():
        return True
    return before[-1:] in "./-" and before[-2:-1].isdigit()


def _emergency_number(numeral: str, before: str, after: str) -> bool:
    """ "called 911", "a 999 call": a three-digit number dialled, not a count."""
    if not re.fullmatch(r"\d{3}", numeral):
        return False
    return bool(_CALL_BEFORE.search(before) or _CALL_AFTER.match(after))


def _year_range(number: Number, first: str, second: str) -> bool:
    """Two bare four-digit numbers 1000-2100, under a millennium apart, are years."""
    bare = all(re.fullmatch(r"\d{4}", words.strip()) for words in (first, second))
    high = number.high or 0
    return bare and 1000 <= number.low < high <= 2100 and high - number.low < 1000


def _is_year(numeral: str, after: str) -> bool:
    """A bare four-digit number 1800-2100 is a year unless a plural count noun follows."""
    if not (numeral.isdigit() and len(numeral) == 4 and 1800 <= int(numeral) <= 2100):
        return False
    follower = re.match(r"\s+([a-z]+)", after)
    plural = follower and follower.group(1).endswith("s") and len(follower.group(1)) > 3
    return not (plural and follower and follower.group(1) not in _NOT_PLURALS)


def _sentence_start(before: str, name_start: int) -> bool:
    """Whether the capitalised word before a number opens a sentence or a line."""
    head = before[:name_start].rstrip(" \t\"'“‘(")
    return not head or head[-1] in ".!?:;\n"
