"""Score the claims stage on three benchmark sets in ``../shared/eval`` (see its README).

- **NewsQuant** (value F1): every quantity value our number reader finds in a sentence
  against the gold values (multiset match; a range matches a range with the same
  ends, in either order: NewsQuant writes "from $2,415 to $2,315" as one range).
  A value is what NewsQuant's ``value`` field holds: the number with its scale applied
  ("$3.7 billion" -> 3.7e9, "PS6m" -> 6e6), negative when written so ("-1.3%"), a
  vague plural as the span from its unit to ten units ("thousands" -> 1,000-10,000,
  "tens of millions" -> 1e7-1e8; the set's annotation on all but one vague word).
  Years, dates, times, phone numbers and names are not quantities there either;
  ages are when written with their unit ("a 65 year-old"; not "Senard, 65," nor
  "aged 18 to 34", which the set leaves out). Units are not scored (value F1, the anchor's measure).
  Split: sha1 rule on ``text``. Anchors (full set): CQE 0.920, quantulum3 0.730.
- **PolNeAR** (quote-speaker F1): PolNeAR annotates every attribution as source,
  cue and content spans. Gold here = the attributions whose content holds a quotation
  mark (direct and partial quotes, the ones a quote extractor can see) and that have a
  source, first annotator's file (the README's rule). A found quote is right when it
  overlaps the content of a gold attribution whose source span overlaps the speaker
  phrase we found next to the cue -- the README's *overlap* match; a pronoun counts
  as found, since PolNeAR marks the pronoun ("he said") as the source. Precision is
  over our quotes with a speaker (one counts once however many gold attributions it
  matches); recall over the gold attributions (one is found when any of our quotes
  matches it: a quote we split in two around "X said" still finds one attribution).
  The README asks for *exact* source F1 too: ``polnear_exact`` scores the same
  quotes with the speaker phrase equal to the gold source span (edges trimmed of
  spaces and punctuation). Split: the official folders; train was used only to read
  the cue lexicon (``claims.cues``). Anchor: citron source F1 0.82 on PARC 3.0.
- **GVA** (count match): share of articles whose extracted killed and injured counts
  both equal the incident's gold. An article's counts are
  ``claims.counts.article_totals``' lower ends (0 when none): asserted claims only; per
  measure the largest claim, never the sum (a count restated in headline, lede and
  quote is one count); injured includes hospitalised and critical, and is at least
  the people *shot* less the killed ("five people were shot ... two died": three);
  implied single victims ("a man was shot", "the boy died", "both died", "fatally
  shooting his wife") count, but an implied wounded victim adds nothing when the
  article reports a death and the victims cannot be told apart. Split: sha1 rule on
  ``incident_uri``.

Run ``storytrace evaluate claims [--split dev|test] [--shared PATH]`` for JSON.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from storytrace.claims._ner import load_pipeline, ner_spans
from storytrace.claims.counts import article_totals, extract_counts
from storytrace.claims.entities import name_mentions, ner_mentions, rule_mentions
from storytrace.claims.numbers import VAGUE_BASE, Number, find_numbers
from storytrace.claims.quotes import QuoteHit, find_quotes
from storytrace.model import Article, Span
from storytrace.text.sentences import split_sentences

__all__ = ["ClaimsScore", "evaluate_claims", "gva_match", "newsquant_f1", "polnear_f1"]

logger = logging.getLogger(__name__)

Value = tuple[float, float]
_QUOTE_MARKS = re.compile('[“”"«»]')
_RANGE = re.compile(r"^\s*(-?[\d.]+)\s*-\s*(-?[\d.]+)\s*$")


def split_of(key: str) -> str:
    """The README's sha1 split rule: ``dev`` or ``test``."""
    return "dev" if hashlib.sha1(key.encode("utf-8")).hexdigest()[0] in "01234567" else "test"


@dataclass(frozen=True, slots=True, kw_only=True)
class PRF:
    """Precision, recall, F1 and the counts behind them."""

    precision: float
    recall: float
    f1: float
    true_positives: int
    predicted: int
    gold: int


def _prf(true_pred: int, true_gold: int, predicted: int, gold: int) -> PRF:
    precision = true_pred / predicted if predicted else 0.0
    recall = true_gold / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PRF(precision=round(precision, 4), recall=round(recall, 4), f1=round(f1, 4),
               true_positives=true_pred, predicted=predicted, gold=gold)  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimsScore:
    """All three scores of one split."""

    split: str
    newsquant: PRF
    polnear: PRF
    polnear_exact: PRF
    gva_match: float
    gva_articles: int

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)


# --- NewsQuant ---------------------------------------------------------------------


def _gold_value(text: str) -> Value | None:
    ranged = _RANGE.match(text)
    try:
        if ranged:
            return float(ranged.group(1)), float(ranged.group(2))
        value = float(text)
    except ValueError:
        return None
    return value, value


def _predicted_value(number: Number) -> Value:
    if number.vague:
        base = VAGUE_BASE[number.vague]
        return base, base * 10
    high = number.high if number.high is not None else number.low
    return number.low, high


_AGE_UNIT = re.compile(r"[\s-]*(?:years?|months?)[\s-]*old\b", re.IGNORECASE)


def _is_value(text: str, number: Number) -> bool:
    """A NewsQuant value: a quantity, or an age written with its unit ("a 65 year-old")."""
    if number.role == "age":
        return bool(_AGE_UNIT.match(text, number.end))
    return number.role == "quantity"


def _same(a: Value, b: Value) -> bool:
    return all(math.isclose(x, y, rel_tol=1e-6, abs_tol=1e-9) for x, y in zip(a, b, strict=True))


def _matches(predicted: list[Value], gold: list[Value]) -> int:
    remaining = list(gold)
    hits = 0
    for value in predicted:
        for index, candidate in enumerate(remaining):
            if _same(value, candidate) or _same(value[::-1], candidate):
                hits += 1
                del remaining[index]
                break
    return hits


def newsquant_f1(shared: Path, *, split: str = "dev") -> PRF:
    """Value precision/recall/F1 of ``find_numbers`` on NewsQuant sentences of ``split``."""
    records = json.loads((shared / "eval" / "newsquant" / "NewsQuant.json").read_text("utf-8"))
    hits = predicted_total = gold_total = 0
    for record in records:
        if split_of(record["text"]) != split:
            continue
        gold = [v for q in record["quantities"] if (v := _gold_value(str(q["value"])))]
        numbers = find_numbers(record["text"])
        predicted = [_predicted_value(n) for n in numbers if _is_value(record["text"], n)]
        hits += _matches(predicted, gold)
        predicted_total += len(predicted)
        gold_total += len(gold)
    return _prf(hits, hits, predicted_total, gold_total)


# --- PolNeAR -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _GoldQuote:
    content: tuple[Span, ...]
    source: Span | None


def _first_annotations(folder: Path) -> Iterator[tuple[Path, Path]]:
    """Each text with its first annotator's ``.ann`` (suffix sorting first)."""
    annotations = sorted((folder / "attributions").glob("*.ann"))
    seen: set[str] = set()
    for path in annotations:
        doc = path.stem.rsplit("_", 1)[0]
        text = folder / "text" / f"{doc}.txt"
        if doc not in seen and text.exists():
            seen.add(doc)
            yield text, path


def _parse_ann(text: str) -> list[_GoldQuote]:
    spans: dict[str, tuple[str, tuple[Span, ...], str]] = {}
    relations: list[dict[str, str]] = []
    for block in re.split(r"\n(?=[TE#]\d+\t)", text):
        head, _, rest = block.partition("\t")
        if head.startswith("T"):
            label_offsets, _, words = rest.partition("\t")
            label, _, offsets = label_offsets.partition(" ")
            pieces = tuple(
                (int(a), int(b)) for a, b in (p.split() for p in offsets.split(";") if p.strip())
            )
            spans[head] = (label, pieces, words)
        elif head.startswith("E"):
            relations.append(dict(role.split(":", 1) for role in rest.split() if ":" in role))
    quotes: list[_GoldQuote] = []
    for relation in relations:
        content = spans.get(relation.get("Content", ""))
        if content is None or not _QUOTE_MARKS.search(content[2]):
            continue
        source = spans.get(relation.get("Source", ""))
        source_span = (source[1][0][0], source[1][-1][1]) if source else None
        quotes.append(_GoldQuote(content=content[1], source=source_span))
    return quotes


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _quote_hits(text: str, ner: str | None) -> list[QuoteHit]:
    nlp = load_pipeline(ner) if ner else None
    mentions = rule_mentions("d", text, capital_runs=nlp is None)
    for ents in ner_spans(nlp, [text]):
        mentions += ner_mentions("d", text, ents)
    return find_quotes(text, split_sentences(text), name_mentions(mentions, "d"))


def polnear_f1(
    shared: Path, *, split: str = "dev", ner: str | None = "en_core_web_sm", exact: bool = False
) -> PRF:
    """Quote-speaker precision/recall/F1 on PolNeAR's ``split`` folder.

    ``exact`` asks for the speaker phrase to equal the gold source span, not overlap it.
    """
    right_pred = right_gold = predicted = gold_total = 0
    for text_path, ann_path in _first_annotations(shared / "eval" / "polnear" / split):
        text = text_path.read_text("utf-8")
        gold = [g for g in _parse_ann(ann_path.read_text("utf-8")) if g.source is not None]
        hits = [h for h in _quote_hits(text, ner) if h.source is not None]
        found: set[int] = set()
        for hit in hits:
            matches = _correct_gold(text, hit, gold, exact=exact)
            right_pred += bool(matches)
            found.update(matches)
        right_gold += len(found)
        predicted += len(hits)
        gold_total += len(gold)
    return _prf(right_pred, right_gold, predicted, gold_total)


def _correct_gold(
    text: str, hit: QuoteHit, gold: Sequence[_GoldQuote], *, exact: bool = False
) -> list[int]:
    """The gold attributions ``hit`` finds: content overlapped, source matched."""
    found = []
    for index, item in enumerate(gold):
        inside = any(_overlaps(hit.span, piece) for piece in item.content)
        if not (inside and item.source and hit.source):
            continue
        if _overlaps(hit.source, item.source) and (
            not exact or _trimmed(text, hit.source) == _trimmed(text, item.source)
        ):
            found.append(index)
    return found


def _trimmed(text: str, span: Span) -> str:
    return text[span[0] : span[1]].strip(" \t\n,.;:()\"“”’'")


# --- GVA ---------------------------------------------------------------------------


def _gva_rows(shared: Path, split: str) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    folder = shared / "eval" / "gva"
    incidents: dict[str, dict[str, Any]] = {}
    with (folder / "incidents.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            incident = json.loads(line)
            if split_of(str(incident["incident_uri"])) == split:
                incidents[str(incident["incident_uri"])] = incident
    with (folder / "documents.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            document = json.loads(line)
            incident = incidents.get(str(document["incident_folder"]))
            if incident is not None and document.get("content"):
                yield document, incident


def _article_counts(article: Article) -> Counter[str]:
    """The article's killed / injured totals (``claims.counts.article_totals``), lower ends."""
    totals = article_totals(extract_counts(article), article.text)
    return Counter({measure: int(total.low) for measure, total in totals.items()})


def gva_match(shared: Path, *, split: str = "dev", every: int = 1) -> tuple[float, int]:
    """Share of GVA articles whose killed and injured counts equal the gold, and how many.

    ``every`` keeps every n-th joined article (a deterministic sample, for the gate).
    """
    matched = total = 0
    for position, (document, incident) in enumerate(_gva_rows(shared, split)):
        if position % every:
            continue
        article = Article(id=document["id"], source="gva", text=document["content"],
                          published=document.get("dct"))  # fmt: skip
        counts = _article_counts(article)
        total += 1
        gold = (int(incident["num_killed"]), int(incident["num_injured"]))
        matched += (counts["killed"], counts["injured"]) == gold
    return (round(matched / total, 4) if total else 0.0), total


def evaluate_claims(
    shared: Path, *, split: str = "dev", ner: str | None = "en_core_web_sm", gva_every: int = 1
) -> ClaimsScore:
    """All three claim scores on ``split`` (``dev`` for tuning and the gate, ``test`` reports)."""
    gva, articles = gva_match(shared, split=split, every=gva_every)
    return ClaimsScore(
        split=split,
        newsquant=newsquant_f1(shared, split=split),
        polnear=polnear_f1(shared, split=split, ner=ner),
        polnear_exact=polnear_f1(shared, split=split, ner=ner, exact=True),
        gva_match=gva,
        gva_articles=articles,
    )
