"""A story's brief and timeline: a few sentences, each citing the articles it rests on.

The brief opens with what the story is and how many independent sources tell it, then
states the facts best corroborated first (agreed by most independent sources, then
changes over time), names every conflict, and ends with single-source figures only while
the brief is short (``MAX_SENTENCES``). A casualty total is told only when no fact of its
measure with the same status is (the claims table has both). The timeline lists the story's
events by day.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from storytrace.consolidate.intervals import describe
from storytrace.consolidate.story_facts import TOTAL_SUBJECT
from storytrace.model import Brief, Cited, Claim, Fact, Story

__all__ = ["MAX_SENTENCES", "story_brief"]

MAX_SENTENCES = 8
"""Sentences in a brief at most (conflicts are always named, even past it)."""
_ORDER = {"agreed": 0, "changed": 1, "conflict": 2, "single": 3}


def story_brief(
    story: Story, facts: Sequence[Fact], claims: Mapping[str, Claim], sources: int
) -> Brief:
    """The brief of one story from its facts."""
    lead = Cited(
        text=f"{story.title}: {len(story.articles)} article(s) from {sources} independent source(s)"
        f"{_span(story)}.",
        articles=story.articles,
    )
    told = {(f.measure, f.status) for f in facts if f.subject != TOTAL_SUBJECT}
    kept = [f for f in facts if f.subject != TOTAL_SUBJECT or (f.measure, f.status) not in told]
    ranked = sorted(kept, key=lambda f: (_ORDER[f.status], -f.independent_sources, f.id))
    lines = [lead]
    for fact in ranked:
        if fact.status == "conflict" or len(lines) < MAX_SENTENCES:
            lines.append(_sentence(fact, claims))
    timeline = tuple(
        Cited(text=event.title, articles=event.articles, date=event.date) for event in story.events
    )
    return Brief(summary=tuple(lines), timeline=timeline)


def _span(story: Story) -> str:
    days = [event.date for event in story.events if event.date]
    if not days:
        return ""
    return f", on {days[0]}" if days[0] == days[-1] else f", {days[0]} to {days[-1]}"


def _what(fact: Fact) -> str:
    return fact.measure + (f" ({fact.subject})" if fact.subject else "")


def _sentence(fact: Fact, claims: Mapping[str, Claim]) -> Cited:
    cited = tuple(sorted({claims[c].article for c in fact.claims if c in claims}))
    value = describe((fact.low, fact.high))
    words = _example(fact, claims)
    if fact.status == "agreed":
        text = (
            f"{fact.independent_sources} independent sources agree: {words} {_what(fact)}, {value}."
        )
    elif fact.status == "changed":
        text = f"The figure for {_what(fact)} changed over time: {fact.reason.split(':')[0]}."
    elif fact.status == "conflict":
        text = f"Sources conflict on {_what(fact)}: {fact.reason.split('; ')[0]}."
    else:
        text = f"One source reports {words} {_what(fact)}."
    return Cited(text=text, articles=cited)


def _example(fact: Fact, claims: Mapping[str, Claim]) -> str:
    texts = [claims[c].text for c in fact.claims if c in claims]
    return f"'{texts[0]}'" if texts else describe((fact.low, fact.high))
