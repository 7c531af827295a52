"""Scoring the stories and consolidation stages on ``../shared/eval`` (dev for tuning and gates).

Three scores:

- **GVA incident clustering**: the pile is every GVA article (non-blank ``content``) whose
  ``incident_folder`` falls in the split by the sha1 rule on ``incident_uri`` (also the
  folders without a gold record: distractors that still form their own clusters). Gold
  membership is per ``(incident_folder, id)``; an article filed under two incidents shares
  a gold cluster with the members of both. Scores: pairwise precision / recall / F1 over
  article pairs, and BCubed F1 (per article: precision = share of its predicted cluster in
  its gold clusters, recall = share of its gold co-members in its predicted cluster, each
  set counting the article itself; averaged over articles).
- **news-story-chains**: all 100 articles are clustered together; a pair is predicted
  same-story when both articles are in one story; F1 over the split's pairs (sha1 rule on
  ``url_a;url_b``).
- **GVA consolidated counts**: the claims stage and consolidation run on the pile (rules
  only, no reuse relations: GVA articles are independent reports). An incident with gold
  counts and at least one article in the pile *matches* when the story holding most of its
  articles (ties: smallest story id) has consolidated killed and injured values equal to
  ``num_killed`` / ``num_injured``. A story's value for a measure is the lower bound of its
  *total* fact for that measure (subject ``total``: the articles' casualty totals
  consolidated; when a total would repeat one fact, that fact stands for it) backed by most
  independent sources (then most claims, then id), its upper bound when the lower is open,
  and 0 when the story has no such fact.

Both piles are clustered as ``analyze`` clusters them: with the claims stage's entities
(rules-only names, as ``--ner none``) as shared terms.

``sample`` keeps every n-th incident (by sorted incident id) with all its articles: a
deterministic sample for the quality gate.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, Literal

from storytrace.claims import Extracted, extract
from storytrace.consolidate import consolidate
from storytrace.consolidate.story_facts import TOTAL_SUBJECT
from storytrace.errors import InputError
from storytrace.ingest.articles import build_article
from storytrace.ingest.clean import LineStats
from storytrace.model import Article, Claim, Document, Fact, Story
from storytrace.stories import find_stories

__all__ = [
    "ClusterScore",
    "StoriesScore",
    "bcubed_f1",
    "evaluate_stories",
    "gva_pile",
    "pair_prf",
]

Split = Literal["dev", "test"]
Clusters = Mapping[str, frozenset[str]]
"""Article id -> every article id it shares a cluster with (itself included)."""


def split_of(key: str) -> Split:
    """The sha1 split rule of ``../shared/eval/README.md``."""
    return "dev" if hashlib.sha1(key.encode("utf-8")).hexdigest()[0] in "01234567" else "test"


@dataclass(frozen=True, slots=True, kw_only=True)
class ClusterScore:
    """Pairwise precision, recall, F1 and BCubed F1 of one clustering."""

    precision: float
    recall: float
    f1: float
    bcubed_f1: float
    articles: int


@dataclass(frozen=True, slots=True, kw_only=True)
class StoriesScore:
    """Every stories-stage score on one split."""

    split: str
    gva: ClusterScore
    story_chains_f1: float
    gva_counts_match: float
    gva_counts_incidents: int
    sample: int

    def to_dict(self) -> dict[str, Any]:
        """The scores as plain JSON-ready data."""
        return asdict(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class GvaPile:
    """The GVA articles of a split and their gold."""

    articles: tuple[Article, ...]
    gold: dict[str, set[str]]
    """Incident id -> article ids."""
    counts: dict[str, tuple[int, int]]
    """Incident id -> (num_killed, num_injured), for incidents with a gold record."""


def gva_pile(shared: Path, *, split: Split = "dev", sample: int = 1) -> GvaPile:
    """The GVA pile of a split: articles (deduplicated by id), gold clusters, gold counts."""
    folder = shared / "eval" / "gva"
    counts = {}
    for record in _jsonl(folder / "incidents.jsonl"):
        counts[str(record["incident_uri"])] = (
            int(record["num_killed"]),
            int(record["num_injured"]),
        )
    documents = [
        d
        for d in _jsonl(folder / "documents.jsonl")
        if split_of(str(d["incident_folder"])) == split and str(d.get("content") or "").strip()
    ]
    kept = set(sorted({str(d["incident_folder"]) for d in documents})[::sample])
    gold: dict[str, set[str]] = defaultdict(set)
    raw: dict[str, Document] = {}
    for document in documents:
        incident = str(document["incident_folder"])
        if incident in kept:
            gold[incident].add(str(document["id"]))
            raw[str(document["id"])] = _gva_document(document)
    return GvaPile(
        articles=tuple(_cleaned([raw[key] for key in sorted(raw)])),
        gold=dict(gold),
        counts={key: value for key, value in counts.items() if key in gold},
    )


def _cleaned(documents: Sequence[Document]) -> list[Article]:
    """The ingest half of the pipeline (profile, clean, describe) over the pile's documents.

    A document the cleaner empties keeps its raw text (so every article is still scored).
    """
    stats = LineStats.from_documents(documents)
    articles = []
    for document in documents:
        try:
            article = build_article(document, stats=stats)
        except InputError:
            article = Article(
                id=document.id,
                source=document.source,
                text=document.text,
                title=document.title,
                published=document.published,
                language="en",
            )
        articles.append(replace(article, published=document.published, title=document.title))
    return articles


def _gva_document(document: Mapping[str, Any]) -> Document:
    return Document(
        id=str(document["id"]),
        source=str(document["uri"]),
        format="text",
        text=str(document["content"]),
        url=str(document["uri"]),
        title=str(document.get("title") or "") or None,
        published=str(document.get("dct") or "") or None,
        language="en",
    )


def _jsonl(path: Path) -> Iterable[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def co_members(groups: Iterable[Iterable[str]]) -> dict[str, frozenset[str]]:
    """Article id -> the union of the groups it is in (itself included)."""
    found: dict[str, set[str]] = defaultdict(set)
    for group in groups:
        members = set(group)
        for article_id in members:
            found[article_id] |= members
    return {article_id: frozenset(members) for article_id, members in found.items()}


def pair_prf(predicted: Clusters, gold: Clusters) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 over unordered pairs of articles."""
    predicted_pairs = _pairs(predicted)
    gold_pairs = _pairs(gold)
    hits = len(predicted_pairs & gold_pairs)
    precision = hits / len(predicted_pairs) if predicted_pairs else 1.0
    recall = hits / len(gold_pairs) if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return precision, recall, f1


def _pairs(clusters: Clusters) -> set[tuple[str, str]]:
    return {(a, b) for a, members in clusters.items() for b in members if a < b}


def bcubed_f1(predicted: Clusters, gold: Clusters) -> float:
    """BCubed F1 (Bagga and Baldwin; co-member sets for articles in two gold clusters)."""
    items = sorted(gold)
    if not items:
        return 0.0
    precision = recall = 0.0
    for item in items:
        mine = predicted.get(item, frozenset({item}))
        shared = len(mine & gold[item])
        precision += shared / len(mine)
        recall += shared / len(gold[item])
    precision, recall = precision / len(items), recall / len(items)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score_clusters(stories: Sequence[Story], gold_groups: Iterable[Iterable[str]]) -> ClusterScore:
    """Pairwise and BCubed scores of stories against gold groups."""
    predicted = co_members(story.articles for story in stories)
    gold = co_members(gold_groups)
    precision, recall, f1 = pair_prf(predicted, gold)
    return ClusterScore(
        precision=round(precision, 4),
        recall=round(recall, 4),
        f1=round(f1, 4),
        bcubed_f1=round(bcubed_f1(predicted, gold), 4),
        articles=len(gold),
    )


def _stories(articles: Sequence[Article], extracted: Extracted) -> tuple[Story, ...]:
    """Stories as ``analyze`` finds them: with the claims stage's entities (``extracted``,
    rules-only names as ``--ner none``; no reuse relations, the piles are independent
    reports)."""
    return find_stories(articles, entities=extracted.entities)


def story_chains_f1(shared: Path, *, split: Split = "dev") -> float:
    """Same-story pair F1 on news-story-chains from one clustering of all 100 articles."""
    folder = shared / "eval" / "news-story-chains"
    stem = "gedikli-business_energy_news_dataset-2021-06-29"
    with (folder / f"{stem}-article_texts.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    ids = {row["url"]: f"a{i:03d}" for i, row in enumerate(rows)}
    articles = [
        Article(id=ids[row["url"]], source=row["url"], text=row["text"], title=row["title"],
                published=(row.get("date") or "")[:10] or None, language="en")
        for row in rows
    ]  # fmt: skip
    stories = _stories(articles, extract(articles, ner=None))
    story = {a: s.id for s in stories for a in s.articles}
    tally: Counter[str] = Counter()
    with (folder / f"{stem}.csv").open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            if split_of(f"{row['url1']};{row['url2']}") == split:
                same = story[ids[row["url1"]]] == story[ids[row["url2"]]]
                tally[f"{same}{row['relation'] == '1'}"] += 1
    tp, fp, fn = tally["TrueTrue"], tally["TrueFalse"], tally["FalseTrue"]
    return round(2 * tp / (2 * tp + fp + fn), 4) if tp else 0.0


def evaluate_stories(shared: Path, *, split: Split = "dev", sample: int = 1) -> StoriesScore:
    """Every stories-stage score on ``split`` (``dev`` for tuning and the gate; ``test`` once).

    Args:
        shared: the ``../shared`` folder.
        split: ``dev`` or ``test``.
        sample: keep every n-th GVA incident (deterministic; 1 keeps all).
    """
    pile = gva_pile(shared, split=split, sample=sample)
    extracted = extract(pile.articles, ner=None)
    stories = _stories(pile.articles, extracted)
    matched, incidents = counts_match(pile, stories, extracted.claims)
    return StoriesScore(
        split=split,
        gva=score_clusters(stories, pile.gold.values()),
        story_chains_f1=story_chains_f1(shared, split=split),
        gva_counts_match=matched,
        gva_counts_incidents=incidents,
        sample=sample,
    )


# --- consolidated counts ---------------------------------------------------------------


def _story_value(facts: Sequence[Fact], measure: str) -> float:
    """A story's count for ``measure``: the best-backed total's low end (high if open), else 0."""
    mine = [f for f in facts if f.measure == measure]
    mine = [f for f in mine if f.subject == TOTAL_SUBJECT] or mine  # else one fact is the total
    if not mine:
        return 0.0
    best = min(mine, key=lambda f: (-f.independent_sources, -len(f.claims), f.id))
    value = best.low if best.low is not None else best.high
    return 0.0 if value is None else value


def counts_match(
    pile: GvaPile, stories: Sequence[Story], claims: Sequence[Claim]
) -> tuple[float, int]:
    """Share of gold incidents whose story's consolidated killed and injured equal the gold;
    ``claims`` are the pile's count claims (the claims stage's, as ``analyze`` has them)."""
    facts = consolidate(
        articles=pile.articles, stories=stories, relations=(), claims=claims, quotes=(), entities=()
    ).facts
    by_story: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        by_story[fact.story].append(fact)
    story_of = {a: story.id for story in stories for a in story.articles}
    matched = 0
    for incident, (killed, injured) in sorted(pile.counts.items()):
        votes = Counter(story_of[a] for a in pile.gold[incident] if a in story_of)
        story = min(votes, key=lambda s: (-votes[s], s))
        mine = by_story.get(story, [])
        matched += (_story_value(mine, "killed"), _story_value(mine, "injured")) == (
            killed,
            injured,
        )
    total = len(pile.counts)
    return (round(matched / total, 4) if total else 0.0), total
