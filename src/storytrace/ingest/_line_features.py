"""Per-line features for junk-line removal, in the spirit of jusText and boilerpipe.

Every feature looks at one line (plus the document's language and dominant
script, which are computed once per document). Nothing here knows about a
particular site: the patterns describe web furniture in general (navigation,
calls to action, captions and credits, timestamps, identifiers), in English
and a handful of other major languages.

Constants were tuned on GVA dev + kz2022 (see ``quality/annotations/CLEANING.md``),
2026-11-23; the contact, caption, list, weather, dateline and headline rules on GVA dev
(215 articles) + kz2022, 2026-11-24.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import chain
from operator import itemgetter

import justext  # type: ignore[import-untyped]

# -- vocabulary and patterns -------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_FIRST_CHAR = itemgetter(0)
_URL = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|net|org|co|tv|ge|ru|kz|info)\b(?:/\S*)?"
)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
_HANDLE = re.compile(r"(?<![\w@])@\w{2,}")
_HEX_ID = re.compile(r"^(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}$")
_LONG_NUMBER = re.compile(r"#?\d{6,}")
_CAMEL_JOIN = re.compile(r"[a-z\u00e0-\u00ff]{3}[A-Z][a-z]{2}")
_DURATION_ITEM = re.compile(r"^\d{1,2}:\d{2}\s+(?!(?:a|p)\.?m\b)\S", re.IGNORECASE)
_TRAILING_STAMP = re.compile(
    r"\((?:published|posted|updated|uploaded)\b[^)]*\d[^)]*\)\s*$", re.IGNORECASE
)
_CREDIT_TAIL = re.compile(
    r"\((?:[^)]*\b(?:photo|photos|image|file|courtesy|credit|getty|video)\b[^)]*)\)\s*$"
    r"|\((?:source|credit)\s*:[^()]*\)\s*$",
    re.IGNORECASE,
)
"""A caption ending in its credit: '... (Photo: Harbour Authority)'."""
_CREDIT_HEAD = re.compile(
    r"\(?(?:[a-z]{2,10} )?(?:buy )?(?:photo|image|caption|gallery)s?\b\s*"
    r"(?::|/|\d|by\b|credit\b|close\b)"
    r"|buy photo\b",
    re.IGNORECASE,
)
"""A credit or gallery label opening the line: 'Photo: ...', 'Buy Photo', 'Gallery 3'."""
_CREDIT_INSIDE = re.compile(
    r"\b(?:courtesy(?: of| via)?|photo(?:graph)?s? (?:by|courtesy|credit))\b"
    r"|\bimage \d+ of\b|\bcaption close\b|\bphotos? provided by\b"
    r"|\b(?:photo|video) (?:posted|shared) by\b|\s[-–—] (?:produced|filmed|photo|video) by\b",
    re.IGNORECASE,
)
"""Credits anywhere: 'courtesy of', 'Image 3 of 12', 'photo posted by', '- Produced by'."""
_CREDIT_HEAD_HINTS = ("photo", "image", "caption", "gallery")
_PICTURE_HINTS = ("photo", "image", "picture")
_CREDIT_INSIDE_HINTS = ("courtesy", "photo", "image", "caption", "video", "produced", "filmed")
"""Every ``_CREDIT_INSIDE`` match holds one of these: a plain-ASCII line without any
needs no regex scan (a non-ASCII line always gets one: case folding is wider there)."""

_PICTURE_POSITION = re.compile(
    r"\((?:left|right|center|centre|top|bottom|above|below|pictured|inset)\)", re.IGNORECASE
)
_PICTURE_PLACEHOLDER = re.compile(r"\[(?:photo|image|video|graphic)\b[^\]]*\]", re.IGNORECASE)
_CAPTION_BUTTON = re.compile(r"\b(?:hide|show|close) caption\b", re.IGNORECASE)
_PICTURE_SHOWS = re.compile(
    r"(?:this|the|an?) (?:photo|image|picture|photograph)\b[^.]{0,60}\bshows?\b", re.IGNORECASE
)
_CREDIT_PAREN_NAMES = re.compile(r"\([A-Z][\w.' -]{1,40}/[\w.' @-]{2,40}\)\s*$")
_CREDIT_CAPS_NAMES = re.compile(r"\b[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)+ ?/ ?[A-Z][A-Z .'-]+$")
"""Picture markers and credits in their usual written forms: '(left)', 'Hide Caption',
'[Photo from ...]', 'This photo shows ...'; '(Name/Agency)' or 'NAME SURNAME/STAFF' closing
the line (case matters there)."""

_SHORT_PAREN_TAIL = re.compile(r"^[^.!?]{0,60}\([^()]{2,40}\)\s*$")
"""A short unpunctuated label ending in a parenthesis: a caption with its source."""

_MONTHS_SHORT = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_WEATHER = re.compile(
    r"[+-]?\d{1,3} ?°[CF]?(?!\w)|\b(?:[Hh]igh|[Ll]ow|HIGH|LOW)s?(?: near| around| of)? -?\d{1,3} ?"
    r"(?:°|F\b)|\b[Ww]inds? (?:[NSEW]{1,3}|light and variable) at \d"
    r"|\b[Cc]hance of (?:rain|snow|showers|storms)"
)
"""Weather widgets: '+4°C Cloudy', 'High 78F. Winds SW at 10 to 20 mph'."""
_ANY_DIGIT = re.compile(r"\d")
"""Every ``_WEATHER`` match holds a digit, a degree sign or 'hance of' (``_may_be_weather``)."""
_ASCII_NON_DIGITS = bytes(code for code in range(128) if not chr(code).isdigit())
_LIST_MARKS = "|·›»•"
_LIST_SEPARATORS = re.compile(rf"\s[{_LIST_MARKS}]\s")
"""Separators of a menu, breadcrumb or tag list written on one line: 'Home › World › Asia'."""

_FURNITURE = re.compile(
    r"\b(?:"
    r"advert\w*|sponsored|promoted|newsletters?|subscribe\w*|unsubscribe|"
    r"sign(?:ed)? (?:up|in)|log ?(?:in|out)|register now|"
    r"cookies?|privacy (?:policy|notice)|terms (?:of (?:use|service)|and conditions)|"
    r"all rights reserved|copyright|powered by|skip to|"
    r"leave a (?:reply|comment)|comments? (?:are|is) closed|post a comment|"
    r"required fields|will not be published|"
    r"scroll (?:down|up)|click (?:here|below|to)|tap here|"
    r"share (?:this|on|via)|(?:e-?mail|send) (?:this|to a friend)|"
    r"captcha|enter the (?:characters|code)|"
    r"developing story|check back|refresh (?:this page|for)|"
    r"download (?:our|the) app|"
    r"(?:story|article|post|page) will be updated|keep you (?:updated|posted|informed)|"
    r"(?:have|bring you) (?:much )?more (?:updates|on this)|tune in|breaking news alerts?|"
    r"(?:e-?mail |push )?notifications? (?:on|has been|have been|are only)|your notification|"
    r"your inbox|save my name|next time I comment|\d+ min(?:ute)?s? read|"
    r"by admin|translated automatically|automatically translated|machine[- ]translated|"
    r"enable javascript|requires javascript|select one|publisher (?:name|logo)|"
    r"(?:are|is) you a subscriber|already a subscriber|continue reading|"
    r"werbung|anzeige|mehr lesen|lesen sie auch|publicit[ée]|lire aussi|voir aussi|"
    r"publicidad|leer m[aá]s|ver tambi[eé]n|реклама|читайте также|подробнее|комментари\w*"
    r")\b|©",
    re.IGNORECASE,
)
"""Web furniture vocabulary: ads, sign-up and consent text, comment forms, sharing."""
# fmt: off
_FURNITURE_HINTS = (
    "advert", "sponsored", "promoted", "newsletter", "subscribe", "sign", "log", "register now",
    "cookie", "privacy", "terms", "all rights reserved", "copyright", "powered by", "skip to",
    "leave a", "comment", "required fields", "will not be published", "scroll", "click",
    "tap here", "share", "mail", "send", "captcha", "enter the", "developing story",
    "check back", "refresh", "download", "will be updated", "keep you", "more", "tune in",
    "breaking news alert", "notification", "your inbox", "save my name", "min", "by admin",
    "translated", "machine", "javascript", "select one", "publisher", "continue reading",
    "werbung", "anzeige", "mehr lesen", "lesen sie auch", "publicit", "lire aussi",
    "voir aussi", "publicidad", "leer m", "ver tambi",
)
# fmt: on
"""Every ``_FURNITURE`` match on a plain-ASCII line holds one of these (in lower case):
the pattern runs on ~1 line in 7 of news text instead of every line, 4x less time."""

_CALL_TO_ACTION = re.compile(
    r"^\W*(?:"
    r"read (?:more|also|next|or share)|see (?:also|more)|also read|related\b|more\s*:|"
    r"watch\b|listen\b|follow (?!-)|like us|find (?:us|\w+ on)|join (?:us|the conversation)|"
    r"stay (?:tuned|with|up|connected|informed)|get (?:the|our) |download|subscribe|"
    r"click|tap|share|print|e-?mail\b|contact \w+(?: \w+)? ?(?:at|:|@)|"
    r"previous(?: post| article| stories?)?\s*:?$|next(?: post| article| story)?\s*:?$|"
    r"recommended|trending|most (?:popular|read|viewed)|top (?:stories|trending)|"
    r"latest(?: news)?\s*:|"
    r"never miss|don'?t miss|loading\b"
    r")",
    re.IGNORECASE,
)
"""Lines that open with a web verb or a link-list label: 'Read more: ...', 'Follow us ...'."""

_LINK_LABEL = re.compile(
    r"^\W*(?:read (?:more|also|next)|see also|also read|related(?: stories| articles)?\s*:|"
    r"related coverage|"
    r"(?:raw |watch |live )?(?:video|photos?|gallery|slideshow)\s*:|more on\b|"
    r"more\s*:|lesen sie auch|lire aussi|voir aussi|ver tambi[eé]n|читайте также)",
    re.IGNORECASE,
)
"""A link to another article, however long its title: 'Read more: ...', 'See also ...'."""
_ADJACENT_LINK = re.compile(
    r"^\W*(?:previous|next|older|newer) (?:story|post|article|entry)\s*:\s*\S", re.IGNORECASE
)
"""'Previous story: <title>' links; with a full sentence after the colon it is an update label."""
_COPYRIGHT = re.compile(r"^(?:\W*\w+){0,3}\W*(?:©|\(c\)|copyright\b)", re.IGNORECASE)
"""A copyright notice, however long (they list subsidiaries and licences)."""

_SOCIAL = re.compile(
    r"\b(?:facebook|twitter|instagram|youtube|whatsapp|pinterest|linkedin|tiktok|apps?|"
    r"android|iphone|ipad|rss|e-?mail)\b",
    re.IGNORECASE,
)
_SOCIAL_HINTS = (
    "facebook", "twitter", "instagram", "youtube", "whatsapp", "pinterest", "linkedin",
    "tiktok", "app", "android", "iphone", "ipad", "rss", "mail",
)  # fmt: skip
"""Every ``_SOCIAL`` match on a plain-ASCII line holds one of these."""
_REACH = re.compile(
    r"\b(?:can|may) be reached\b|^\W*reach \w+(?: \w+){0,2} (?:at|by|on|via)\b"
    r"|^\W*(?:twitter|e-?mail|phone|contact)\s*:|\bfollow \w+(?: \w+){0,3} on twitter\b",
    re.IGNORECASE,
)
"""A reporter's contact line: 'can be reached at', 'Reach Kate at ...', 'Twitter: @...'."""
_REACH_HINTS = ("reach", "twitter", "mail", "phone", "contact", "@")
"""Every ``_REACH`` or ``_EMAIL`` match on a plain-ASCII line holds one of these."""
_WITNESS_CALL = re.compile(
    r"\b(?:anyone with|information (?:about|on|regarding|in)|crime ?stoppers|tips?\b|"
    r"asked to (?:call|contact)|urged to (?:call|contact))",
    re.IGNORECASE,
)
"""A call for witnesses or tips, part of the report even when it gives an address."""
_WITNESS_HINTS = ("anyone with", "information ", "stoppers", "tip", "asked to ", "urged to ")
"""Every ``_WITNESS_CALL`` match on a plain-ASCII line holds one of these (in lower case)."""
_EMBED_ATTRIBUTION = re.compile(
    rf"^\W*[—–-]\s*[^—–]{{1,80}}\(@\w+\)\s*(?:{_MONTHS_SHORT})\w*\.? \d{{1,2}}, \d{{4}}\s*$",
    re.IGNORECASE,
)
"""An embedded social post's attribution alone on its line: '— Name (@handle) May 4, 2015'."""
_EMBEDDED_POST = re.compile(
    rf"[—–-]\s*[^—–]{{1,80}}\(@\w+\)\s*(?:{_MONTHS_SHORT})\w*\.? \d{{1,2}}, \d{{4}}\s*$",
    re.IGNORECASE,
)
"""An embedded social post with its attribution: '... — Name (@handle) May 4, 2015'."""
_HANDLE_OR_TAG = re.compile(r"[@#]\w+")
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'-]{1,}(?: [A-Z][A-Z.'-]+){0,3}(?:,? [A-Z][A-Za-z.]{1,12}){0,2}"
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}, (?:[A-Z]{2}|[A-Z][a-z]{1,4}\.(?: ?[A-Z][a-z]?\.)?))"
    r"\s*[-–—]?$"
)
"""A dateline alone: 'ANCHORAGE –', 'YANKTON, S.D. -', 'LA PLATA, Md.', 'Frederick, SD'."""
_BYLINE = re.compile(r"^\W*(?:by|от|von|par|por)\b\s*:?\s*\S", re.IGNORECASE)
_SENTENCE_END_CHARS = frozenset('.!?…"”’»)]:')
"""A sentence (or a quote, or a colon) ends in one of these."""
_ELLIPSIS_END = re.compile(r"(?:\.\.\.|…)\s*$")

_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DAYS = (
    "mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|"
    "fri(?:day)?|sat(?:urday)?|sun(?:day)?"
)
_DATE_TOKEN = re.compile(
    rf"\b(?:{_MONTHS}|{_DAYS}|today|yesterday|[ap]\.?m\.?|[ecmp][sd]t|gmt|utc)\b\.?"
    r"|\d+(?:[:./-]\d+)*(?:st|nd|rd|th)?",
    re.IGNORECASE,
)
_DATE_CORE = re.compile(
    rf"\b(?:{_MONTHS}|{_DAYS})\b|\b\d{{1,2}}:\d{{2}}\b|\b\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{1,4}}\b"
    r"|\b\d{1,2}\s*[ap]\.?m\b",
    re.IGNORECASE,
)
"""Something that is certainly a date or a time (a bare number is not)."""
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_NON_LETTERS = bytes(code for code in range(128) if not chr(code).isalpha())
"""Deleted from a line's ASCII bytes to count its ASCII letters (all Latin)."""
_STAMP_WORDS = re.compile(
    r"\b(?:updated?|posted|published|last modified|modified|date|time|at|on|of|and|by)\b",
    re.IGNORECASE,
)

# -- thresholds ---------------------------------------------------------------------------

GOOD_MIN_CHARS = 70
"""jusText's length_low: a paragraph this long can be good (GVA dev + kz2022, 2026-11-23)."""
GOOD_MIN_STOP_DENSITY = 0.2
"""Stop-word share for a good line; below jusText's 0.30 because news is dense in names."""
NEAR_MIN_WORDS = 4
"""A sentence of at least this many words is 'near good' (kept in the footer zone)."""
NEAR_MIN_STOP_DENSITY = 0.15
TITLE_CASE_MIN_SHARE = 0.75
"""Share of capitalised words from which a line reads as a title, not prose."""
CONTACT_MAX_WORDS = 45
"""A line with a reporter's address is contact furniture up to this length (GVA dev, 2026-11-24)."""
LIST_MIN_SEPARATORS = 3
"""A line cut by this many list separators into short items is a menu or tag list."""
LIST_MAX_ITEM_WORDS = 5
WEATHER_MAX_WORDS = 30
NUMBER_LIST_MIN_TOKENS = 8
NUMBER_LIST_MIN_SHARE = 0.6
"""A line of at least 8 tokens, 60 % of them numbers, is a form or a table of codes."""
DATELINE_MAX_WORDS = 5
TITLE_HEADLINE_MIN_WORDS = 6
"""A Title Case line of this many words, some of them function words, is a headline."""
FOREIGN_SCRIPT_MAX_WORDS = 12
"""Lines in another script than the document's, up to this length, are menus or tickers."""
DOMINANT_SCRIPT_MIN_SHARE = 0.6
"""The dominant script must hold this share of letters before other scripts count as foreign."""


@dataclass(frozen=True, slots=True)
class LineFeatures:
    """What the classifier knows about one line.

    Attributes:
        words: number of alphabetic words.
        chars: length of the stripped line.
        stop_density: share of words that are stop words of the document's language.
        sentence_end: the line ends like a sentence (or a quote, or a colon).
        has_lowercase_word: some word is written in lower case (menus are Title Case).
        title_case: most words are capitalised (headlines, menus, link titles; not prose).
        junk_reason: why the line is junk on its own, or ``""``.
        dateish: the line is only a date or time stamp with a label word or two.
        byline: the line starts like a byline ("By ...").
        headline: a long Title Case line with function words ('Man Shot In Park').
    """

    words: int
    chars: int
    stop_density: float
    sentence_end: bool
    has_lowercase_word: bool
    title_case: bool
    junk_reason: str
    dateish: bool
    byline: bool
    headline: bool = False

    @property
    def good(self) -> bool:
        """A paragraph of prose (jusText's 'good')."""
        return (
            not self.junk_reason
            and not self.title_case
            and self.chars >= GOOD_MIN_CHARS
            and self.stop_density >= GOOD_MIN_STOP_DENSITY
        )

    @property
    def near_good(self) -> bool:
        """A short sentence: enough words and stop words, ends like a sentence."""
        return (
            not self.junk_reason
            and self.words >= NEAR_MIN_WORDS
            and self.stop_density >= NEAR_MIN_STOP_DENSITY
            and self.sentence_end
        )

    @property
    def prose_like(self) -> bool:
        """Looks like running text (so repetition alone does not make it junk)."""
        return self.good or self.near_good


@dataclass(frozen=True, slots=True)
class DocumentProfile:
    """Per-document context for line features: stop words, dominant script, site labels."""

    stopwords: frozenset[str]
    dominant_script: str
    site_labels: frozenset[str]


# -- language and script ------------------------------------------------------------------


@cache
def _stoplist_index() -> tuple[dict[str, int], tuple[tuple[int, ...], ...], tuple[str, ...]]:
    """Word -> group, group -> positions of the languages that list the word, languages.

    Built once. Words listed by the same languages share a group, so a document's
    words are tallied per group (a few dozen) before they are spread over languages;
    languages are sorted, so the first best position is jusText's tie-break.
    """
    languages = tuple(sorted(justext.get_stoplists()))
    positions_of: dict[str, list[int]] = {}
    for position, language in enumerate(languages):
        for word in justext.get_stoplist(language):
            positions_of.setdefault(word.lower(), []).append(position)
    group_of: dict[tuple[int, ...], int] = {}
    index = {
        word: group_of.setdefault(tuple(positions), len(group_of))
        for word, positions in positions_of.items()
    }
    return index, tuple(group_of), languages


@cache
def _stoplist(language: str) -> frozenset[str]:
    return frozenset(word.lower() for word in justext.get_stoplist(language))


def guess_stoplist(lines: Iterable[str]) -> frozenset[str]:
    """The jusText stop list that covers most words of the text (jusText's own language guess)."""
    return stoplist_for_words(word for line in lines for word in words_of(line))


def stoplist_for_words(words: Iterable[str]) -> frozenset[str]:
    """``guess_stoplist`` over words already split: each distinct stop word is looked up once."""
    return _stoplist_for_lowered(map(str.lower, words))


def _stoplist_for_lowered(words: Iterable[str]) -> frozenset[str]:
    index, groups, languages = _stoplist_index()
    counts = Counter(words)
    per_group: dict[int, int] = {}
    for word in counts.keys() & index.keys():
        group = index[word]
        per_group[group] = per_group.get(group, 0) + counts[word]
    hits = [0] * len(languages)
    for group, count in per_group.items():
        for position in groups[group]:
            hits[position] += count
    best = max(hits, default=0)
    return _stoplist(languages[hits.index(best)]) if best else frozenset()


def script_of(char: str) -> str:
    """The Unicode script family of a letter, from its name ('LATIN', 'GEORGIAN', 'CJK')."""
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else ""


@cache
def _letter_script(char: str) -> str | None:
    """``script_of`` for a letter, ``None`` for anything else (one lookup per distinct char)."""
    return script_of(char) if char.isalpha() else None


def script_counts(text: str) -> Counter[str]:
    """Letters per script in ``text``.

    ASCII letters are counted at C speed (all of them are Latin); only the other
    characters go through the per-character, cached script lookup.
    """
    counts: Counter[str] = Counter()
    ascii_part = text.encode("ascii", "ignore")
    latin = len(ascii_part.translate(None, _ASCII_NON_LETTERS))
    if latin:
        counts["LATIN"] = latin
    if len(ascii_part) != len(text):
        for char in _NON_ASCII.findall(text):
            script = _letter_script(char)
            if script is not None:
                counts[script] += 1
    return counts


def dominant_script(lines: Iterable[str]) -> str:
    """The script of most letters, or ``""`` when no script holds a clear majority."""
    return dominant_of_counts(script_counts(line) for line in lines)


def dominant_of_counts(per_line: Iterable[Counter[str]]) -> str:
    """``dominant_script`` over letter counts already made per line."""
    counts: Counter[str] = Counter()
    for line_counts in per_line:
        counts.update(line_counts)
    total = sum(counts.values())
    if not total:
        return ""
    script, count = min(counts.items(), key=lambda item: (-item[1], item[0]))
    return script if count / total >= DOMINANT_SCRIPT_MIN_SHARE else ""


# -- features -----------------------------------------------------------------------------


def words_of(line: str) -> list[str]:
    """Alphabetic words of a line."""
    return _WORD.findall(line)


@dataclass(frozen=True, slots=True)
class LineScan:
    """What is read off one line once and shared by every feature.

    Attributes:
        text: the stripped line.
        words: its alphabetic words.
        lowered: the same words in lower case.
        scripts: letters per script.
        letters: number of letters.
        dateish: ``is_dateish(text)``.
    """

    text: str
    words: list[str]
    lowered: list[str]
    scripts: Counter[str]
    letters: int
    dateish: bool


def scan_line(line: str) -> LineScan:
    """Read one stripped, non-blank line once."""
    scripts = script_counts(line)
    words = words_of(line)
    return LineScan(
        text=line,
        words=words,
        # One lower() over the joined words: words hold no spaces, lower() adds none.
        lowered=" ".join(words).lower().split(),
        scripts=scripts,
        letters=sum(scripts.values()),
        dateish=is_dateish(line),
    )


def document_profile(scans: list[LineScan], site_labels: frozenset[str]) -> DocumentProfile:
    """The document's stop list and dominant script, from its scanned lines."""
    return DocumentProfile(
        stopwords=_stoplist_for_lowered(chain.from_iterable(scan.lowered for scan in scans)),
        dominant_script=dominant_of_counts(scan.scripts for scan in scans),
        site_labels=site_labels,
    )


def is_dateish(line: str) -> bool:
    """A date or time stamp, with at most two label words ('Updated:', 'Posted')."""
    if len(line) > 80 or not _DATE_CORE.search(line):
        return False
    rest = _STAMP_WORDS.sub(" ", _DATE_TOKEN.sub(" ", line))
    return len(words_of(rest)) <= 2


def _is_title_case(words: list[str]) -> bool:
    if len(words) < 3:
        return False
    capitals = sum(map(str.isupper, map(_FIRST_CHAR, words)))
    return capitals >= TITLE_CASE_MIN_SHARE * len(words)


def _is_identifier(tokens: list[str]) -> bool:
    if len(tokens) > 3:
        return False
    return any(_HEX_ID.match(token.lower()) or _LONG_NUMBER.fullmatch(token) for token in tokens)


def _is_hashtag_line(line: str, tokens: list[str]) -> bool:
    if line.count("#") < 2:
        return False
    tags = sum(1 for token in tokens if token.startswith("#") and len(token) > 1)
    return tags >= 2 and tags * 2 >= len(tokens)


def _is_menu_run(line: str, words: int) -> bool:
    """Menu items glued together by the scraper: 'HomeNewsSport', 'AboutContact Us'."""
    if "@" in line or "#" in line:
        line = _HANDLE_OR_TAG.sub(" ", line)  # '@CityPolice', '#BreakingNews' are not menus
    joins = len(_CAMEL_JOIN.findall(line))
    return joins >= 2 or (joins == 1 and words <= 4)


def _is_site_name(line: str, profile: DocumentProfile) -> bool:
    key = re.sub(r"[\W_]+", "", line.lower())
    return bool(key) and key in profile.site_labels


def _contact_or_link(line: str, words: int) -> str:
    """Lines carrying an address: link lists, e-mail contacts, social handles, embeds."""
    if words <= 15 and (_URL.search(line) or _EMAIL.search(line)):
        return "link"
    if words <= 10 and _HANDLE.search(line):
        return "handle"
    if words <= CONTACT_MAX_WORDS and _has_reach(line) and not _WITNESS_CALL.search(line):
        return "contact"
    if "(@" in line and _EMBED_ATTRIBUTION.search(line):
        return "embed"
    return ""


def _has_reach(line: str) -> bool:
    """An address or a 'can be reached' phrase (a plain-ASCII line without a hint is skipped)."""
    if line.isascii():
        lowered = line.lower()
        if not any(hint in lowered for hint in _REACH_HINTS):
            return False
    return bool(_REACH.search(line) or _EMAIL.search(line))


def _shape_reason(scan: LineScan, tokens: list[str]) -> str:
    """Junk by the shape of the line alone: no letters, ids, hashtags, glued menus."""
    line, words = scan.text, len(scan.words)
    if scan.letters < 3 and not scan.dateish:
        return "no-words"
    if _is_identifier(tokens):
        return "identifier"
    if _is_hashtag_line(line, tokens):
        return "hashtags"
    if _is_menu_run(line, words):
        return "menu"
    if words <= 4 and _ELLIPSIS_END.search(line):
        return "teaser"
    if _is_separated_list(line, words) or _is_number_list(line, tokens):
        return "list"
    if words <= WEATHER_MAX_WORDS and _may_be_weather(line) and _WEATHER.search(line):
        return "weather"
    return ""


def _may_be_weather(line: str) -> bool:
    """A cheap bound for ``_WEATHER`` (a sixth of its time on news lines without digits)."""
    return "°" in line or "hance of" in line or _ANY_DIGIT.search(line) is not None


def _is_separated_list(line: str, words: int) -> bool:
    """Short items between list separators: a menu, breadcrumb or tag list on one line."""
    if not any(mark in line for mark in _LIST_MARKS):
        return False
    separators = len(_LIST_SEPARATORS.findall(line))
    return separators >= LIST_MIN_SEPARATORS and words <= LIST_MAX_ITEM_WORDS * (separators + 1)


def _is_ascii_number(token: str) -> bool:
    return token.isascii() and token.isdigit()


def _is_number_list(line: str, tokens: list[str]) -> bool:
    """At least 8 tokens, most of them numbers: a form's codes, a table row."""
    if len(tokens) < NUMBER_LIST_MIN_TOKENS:
        return False
    needed = NUMBER_LIST_MIN_SHARE * len(tokens)
    if len(line.encode("ascii", "ignore").translate(None, _ASCII_NON_DIGITS)) < needed:
        return False  # cheap bound: each number token holds at least one ASCII digit
    numbers = sum(1 for token in tokens if _is_ascii_number(token.strip(",.;:()")))
    return numbers >= needed


def _may_hold(lowered: str | None, hints: tuple[str, ...]) -> bool:
    """Whether a case-insensitive pattern can match: ``lowered`` is the line in lower case
    when it is plain ASCII (then a match needs one of the ``hints``), else ``None``."""
    if lowered is None:
        return True
    for hint in hints:  # noqa: SIM110 - a plain loop, no generator: ~5 calls per line
        if hint in lowered:
            return True
    return False


def _is_credit(line: str, lowered: str | None) -> bool:
    """A caption or picture credit (the three ``_CREDIT_*`` patterns, cheapest first)."""
    if line.rstrip().endswith(")") and _CREDIT_TAIL.search(line):
        return True
    if _may_hold(lowered, _CREDIT_HEAD_HINTS) and _CREDIT_HEAD.match(line):
        return True
    return _may_hold(lowered, _CREDIT_INSIDE_HINTS) and bool(_CREDIT_INSIDE.search(line))


def _is_caption(line: str, lowered: str | None) -> bool:
    """Picture markers and name credits; each pattern only runs where its key character is."""
    if "(" in line and (
        _PICTURE_POSITION.search(line)
        or (line.rstrip().endswith(")") and _CREDIT_PAREN_NAMES.search(line))
    ):
        return True
    if "[" in line and _PICTURE_PLACEHOLDER.search(line):
        return True
    if "/" in line and _CREDIT_CAPS_NAMES.search(line):
        return True
    if _may_hold(lowered, _PICTURE_HINTS) and _PICTURE_SHOWS.match(line):
        return True
    return _may_hold(lowered, ("caption",)) and bool(_CAPTION_BUTTON.search(line))


def _vocabulary_reason(scan: LineScan) -> str:
    """Junk by what the line says: furniture words, calls to action, captions, playlists."""
    line, words = scan.text, len(scan.words)
    lowered = line.lower() if line.isascii() else None
    if (_may_hold(lowered, ("(c)", "copyright")) and _COPYRIGHT.match(line)) or (
        words <= 40 and _LINK_LABEL.match(line)
    ):
        return "link-or-notice"
    if words <= 25 and _ADJACENT_LINK.match(line) and line.rstrip(" »›>")[-1:] not in ".!?":
        return "link-or-notice"
    if words <= 25 and _may_hold(lowered, _FURNITURE_HINTS) and _FURNITURE.search(line):
        return "furniture"
    if words <= 20 and _CALL_TO_ACTION.search(line):
        return "call-to-action"
    if words <= 6 and _may_hold(lowered, _SOCIAL_HINTS) and _SOCIAL.search(line):
        return "social"
    if (
        _is_credit(line, lowered)
        or _is_caption(line, lowered)
        or (words <= 8 and _SHORT_PAREN_TAIL.match(line) and not scan.dateish)
    ):
        return "caption"
    if (line.rstrip().endswith(")") and _TRAILING_STAMP.search(line)) or (
        line[:1].isdigit() and _DURATION_ITEM.match(line)
    ):
        return "media-item"
    return _contact_or_link(line, words)


def _foreign_script(scan: LineScan, profile: DocumentProfile) -> bool:
    if not profile.dominant_script or len(scan.words) > FOREIGN_SCRIPT_MAX_WORDS:
        return False
    return bool(scan.scripts) and profile.dominant_script not in scan.scripts


def junk_reason(scan: LineScan, profile: DocumentProfile) -> str:
    """Why the scanned line is junk whatever its neighbours are, or ``""``."""
    reason = _shape_reason(scan, scan.text.split())
    if reason:
        return reason
    if _foreign_script(scan, profile):
        return "foreign-script"
    if len(scan.words) <= 3 and _is_site_name(scan.text, profile):
        return "site-name"
    return _vocabulary_reason(scan)


def line_features(line: str | LineScan, profile: DocumentProfile) -> LineFeatures:
    """Compute the features of one stripped, non-blank line (or of its ``scan_line``)."""
    scan = line if isinstance(line, LineScan) else scan_line(line)
    words = scan.words
    stopwords = profile.stopwords
    stops = sum(map(stopwords.__contains__, scan.lowered))
    return LineFeatures(
        words=len(words),
        chars=len(scan.text),
        stop_density=stops / len(words) if words else 0.0,
        sentence_end=scan.text.rstrip()[-1:] in _SENTENCE_END_CHARS,
        has_lowercase_word=any(word.islower() and len(word) > 1 for word in words),
        title_case=_is_title_case(words),
        junk_reason=junk_reason(scan, profile),
        dateish=scan.dateish,
        byline=bool(_BYLINE.match(scan.text)) and len(words) <= 12,
        headline=len(words) >= TITLE_HEADLINE_MIN_WORDS
        and stops > 0
        and scan.text[-1:] not in ".:",
    )


def is_margin_content(line: str, words: int) -> bool:
    """Content that may stand before the first or after the last paragraph without being
    prose: a dateline alone, a call for witnesses, an embedded post with its attribution."""
    if words <= DATELINE_MAX_WORDS and _DATELINE.match(line):
        return True
    if words >= NEAR_MIN_WORDS:
        lowered = line.lower() if line.isascii() else None
        if _may_hold(lowered, _WITNESS_HINTS) and _WITNESS_CALL.search(line):
            return True
    return "(@" in line and bool(_EMBEDDED_POST.search(line))
