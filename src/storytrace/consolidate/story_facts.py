"""The facts of one story: claims dated, keyed by subject, tied to their sources, bucketed.

Besides one fact per (measure, subject), a story gets *totals*: per casualty measure
(killed, injured) each article's total (``claims.totals``: its largest count, the
people shot less the killed, hospitalised and critical counted as injured) is one voice,
bucketed like any claim under the subject ``TOTAL_SUBJECT``. So "how many died" has an
answer even when the sources count different groups ("three men" / "a woman" / "four
people") or different measures ("five were shot, two died" / "three wounded"). A total
that would only repeat one fact (same measure, status, value and claims) is not added:
that fact is the total.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from storytrace.claims.totals import backed_totals
from storytrace.consolidate.facts import Voice, bucket_facts
from storytrace.consolidate.provenance import article_groups, claim_sources, dateline_credit
from storytrace.consolidate.subjects import subject_key
from storytrace.consolidate.timing import claim_window
from storytrace.model import Article, Claim, Fact, Relation, Story
from storytrace.stories.dates import day_of

__all__ = ["TOTAL_SUBJECT", "event_days", "story_facts"]

TOTAL_SUBJECT = "total"
"""The subject of a story's casualty totals (one voice per article's total)."""


def event_days(story: Story) -> dict[str, date | None]:
    """Article id -> the day of the event the stories stage put it in."""
    return {a: day_of(event.date) for event in story.events for a in event.articles}


def story_facts(
    story: Story,
    *,
    articles: Mapping[str, Article],
    claims: Sequence[Claim],
    relations: Sequence[Relation],
) -> list[Fact]:
    """Every fact of ``story`` from the claims of its articles, ids ``<story>/f<n>``."""
    voices, withdrawn, names = _sorted_claims(story, articles, claims, relations)
    merged = _follow_origins(voices)
    texts = {a: articles[a].text for a in story.articles if a in articles}
    facts: list[Fact] = []
    for key in sorted(merged):
        subject = _subject(names[key]) if key[1] else None
        facts += bucket_facts(story.id, key[0], subject, merged[key], withdrawn.get(key, []))
    for measure, totals in sorted(_total_voices(voices, texts).items()):
        facts += [
            total
            for total in bucket_facts(story.id, measure, TOTAL_SUBJECT, totals, [])
            if not _repeats_one_of(total, facts)
        ]
    return [_numbered(fact, story.id, n) for n, fact in enumerate(facts, start=1)]


Key = tuple[str, str]
"""(measure, subject key)."""


def _sorted_claims(
    story: Story,
    articles: Mapping[str, Article],
    claims: Sequence[Claim],
    relations: Sequence[Relation],
) -> tuple[dict[Key, list[Voice]], dict[Key, list[Claim]], dict[Key, list[str]]]:
    """Asserted claims as voices and retracted ones apart, by key; background claims dropped."""
    days = event_days(story)
    groups = article_groups(story.articles, relations)
    credits = {a: dateline_credit(articles[a]) for a in story.articles if a in articles}
    sources = claim_sources(claims, groups, credits)
    rank = _ranks(story, articles, days)
    start = min((d for d in days.values() if d is not None), default=None)
    voices: dict[Key, list[Voice]] = defaultdict(list)
    withdrawn: dict[Key, list[Claim]] = defaultdict(list)
    names: dict[Key, list[str]] = defaultdict(list)
    for claim in claims:
        article = articles.get(claim.article)
        window = claim_window(
            claim,
            published=article.published if article else None,
            event=days.get(claim.article),
            story_start=start,
        )
        key = (claim.measure, subject_key(claim.subject))
        if window is False or window is True:
            continue
        if claim.status == "retracted":
            withdrawn[key].append(claim)
            continue
        group = groups.get(claim.article, claim.article)
        voices[key].append(Voice(claim, sources[claim.id], group, window, rank[claim.article]))
        names[key].append(claim.subject or "")
    return voices, withdrawn, names


def _total_voices(
    voices: Mapping[Key, Sequence[Voice]], texts: Mapping[str, str]
) -> dict[str, list[Voice]]:
    """Each article's casualty totals, one voice each: its deciding claim, valued at the total."""
    by_claim = {v.claim.id: v for items in voices.values() for v in items}
    per_article: dict[str, list[Claim]] = defaultdict(list)
    for voice in by_claim.values():
        per_article[voice.claim.article].append(voice.claim)
    totals: dict[str, list[Voice]] = defaultdict(list)
    for article_id in sorted(per_article):
        totals_of = backed_totals(per_article[article_id], texts.get(article_id))
        for measure, total in totals_of.items():
            voice = by_claim[total.claims[0].id]
            low, high = total.interval
            totals[measure].append(replace(voice, claim=replace(voice.claim, low=low, high=high)))
    return totals


def _repeats_one_of(total: Fact, facts: Sequence[Fact]) -> bool:
    """A total that says what one fact already says (same measure, status, value, claims)."""
    same = (total.measure, total.status, total.low, total.high, frozenset(total.claims))
    return any(
        (fact.measure, fact.status, fact.low, fact.high, frozenset(fact.claims)) == same
        for fact in facts
    )


def _ranks(
    story: Story, articles: Mapping[str, Article], days: Mapping[str, date | None]
) -> dict[str, tuple[int, ...]]:
    def order(article_id: str) -> tuple[date, str, str]:
        """Event day, publication, id: earliest first."""
        published = articles[article_id].published if article_id in articles else None
        return (days.get(article_id) or date.max, published or "~", article_id)

    ordered = sorted(story.articles, key=order)
    return {article_id: (n,) for n, article_id in enumerate(ordered)}


def _follow_origins(
    voices: dict[tuple[str, str], list[Voice]],
) -> dict[tuple[str, str], list[Voice]]:
    """A copy's claim with the numbers of its group's first article joins that claim's subject.

    Spinners and rewrites change subject words ("engineers" -> "architects") but keep numbers;
    the first article's own claims, and numbers it gives for two subjects, stay as they are.
    """
    first: dict[tuple[str, str, float | None, float | None], tuple[tuple[int, ...], set[str]]] = {}
    for (measure, key), items in voices.items():
        for v in items:
            slot = (v.group, measure, v.claim.low, v.claim.high)
            rank, keys = first.get(slot, (v.rank, set()))
            if v.rank < rank:
                rank, keys = v.rank, set()
            if v.rank == rank:
                keys.add(key)
            first[slot] = (rank, keys)
    merged: dict[tuple[str, str], list[Voice]] = defaultdict(list)
    for (measure, key), items in voices.items():
        for v in items:
            rank, keys = first[(v.group, measure, v.claim.low, v.claim.high)]
            target = next(iter(keys)) if v.rank != rank and len(keys) == 1 else key
            merged[(measure, target)].append(v)
    return merged


def _subject(names: Sequence[str]) -> str | None:
    counted = sorted({n for n in names if n}, key=lambda n: (-names.count(n), n))
    return counted[0] if counted else None


def _numbered(fact: Fact, story: str, n: int) -> Fact:
    return replace(fact, id=f"{story}/f{n}")
