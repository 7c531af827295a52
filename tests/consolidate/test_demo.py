"""The demo corpus (our own fiction, ``demo/expected.json``): stories, facts, quotes, retractions.

Two levels:

- *consolidation alone*: claims, relations and the story built from the answer key itself,
  so every planted fact is checked in full (status and independent sources), whatever the
  claims stage finds today;
- *the stages end to end* on ``demo/corpus``: the story and its events, every quote the
  claims stage finds gets the expected status, the withdrawn figure never supports, and
  the facts whose claims the claims stage extracts come out as planned.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import storytrace
from storytrace.consolidate import Consolidated, consolidate
from storytrace.model import Analysis, Article, Claim, Event, Fact, Relation, Story
from storytrace.stories import find_stories
from storytrace.text.normalise import normalise

DEMO = Path(__file__).resolve().parents[2] / "demo"
# The claims stage's hedge rules for the values the key gives (claims/hedges.py).
_VAGUE = {"dozens": (24.0, 99.0), "scores": (40.0, 99.0)}
_GAP = {9000: 500, 14000: 500, 8000: 500, 1200: 50, 400: 40}


@cache
def _expected() -> dict[str, Any]:
    return dict(json.loads((DEMO / "expected.json").read_text(encoding="utf-8")))


def _interval(value: float | None, hedge: str) -> tuple[float | None, float | None]:
    if value is None:
        return _VAGUE[hedge]
    gap = _GAP.get(int(value), 10 if value >= 100 else 1)
    return {
        "exact": (value, value),
        "at_least": (value, None),
        "more_than": (value + 1, None),
        "about": (value - gap, value + gap),
        "nearly": (value - gap, value - 1),
        "just_over": (value + 1, value + max(1, value * 0.05)),
    }[hedge]


def _key_claims() -> list[Claim]:
    seen: dict[tuple[str, str, str, str | None], Claim] = {}
    for fact in _expected()["facts"]:
        for article, item in fact["values"].items():
            key = (article, fact["measure"], item["text"], item["as_of"])
            if key not in seen:
                low, high = _interval(item["value"], item["hedge"])
                seen[key] = Claim(
                    id=f"{article}:k{len(seen)}", article=article, span=(0, 1), text=item["text"],
                    measure=fact["measure"], subject=fact["subject"], low=low, high=high,
                    as_of=item["as_of"], status=item["status"],
                )  # fmt: skip
    for n, item in enumerate(_expected()["retracted"]):
        seen[("retracted", str(n), "", None)] = Claim(
            id=f"{item['article']}:r{n}", article=item["article"], span=(0, 1), text=item["text"],
            measure=item["measure"], subject=item["subject"], low=61.0, high=None,
            as_of=item["as_of"], status="retracted",
        )  # fmt: skip
    return list(seen.values())


def _key_story() -> Story:
    events = tuple(
        Event(id=f"s/e{n}", date=e["date"], title=e["title"], articles=tuple(e["articles"]))
        for n, e in enumerate(_expected()["story"]["events"], start=1)
    )
    return Story(id="s", title="demo", articles=tuple(_expected()["story_articles"]), events=events)


@cache
def _from_key() -> Consolidated:
    expected = _expected()
    relations = [
        Relation(a=r["a"], b=r["b"], kind=r["kind"], origin=r["origin"], score=1.0,
                 coverage_a=1.0, coverage_b=1.0)
        for r in expected["relations"] if r["kind"] != "independent"
    ]  # fmt: skip
    pile = [
        Article(id=a, source=a, text="", published=meta["published"])
        for a, meta in expected["articles"].items()
    ]
    return consolidate(
        articles=pile, stories=[_key_story()], relations=relations, claims=_key_claims(),
        quotes=(), entities=(),
    )  # fmt: skip


def _sources(planned: dict[str, int] | None, status: str) -> int | None:
    if not planned:
        return None
    counts = list(planned.values())
    return {"agreed": sum(counts), "conflict": max(counts), "changed": counts[-1]}.get(status, 1)


@pytest.mark.parametrize("index", range(len(_expected()["facts"])))
def test_every_planted_fact_from_the_key(index: int) -> None:
    planned = _expected()["facts"][index]
    claims = {c.id: c for c in _key_claims()}
    articles = set(planned["values"])
    found = [
        f for f in _from_key().facts
        if f.measure == planned["measure"] and f.status == planned["expected_status"]
        and articles <= {claims[c].article for c in f.claims}
    ]  # fmt: skip
    assert found, (planned["measure"], planned["expected_status"], _from_key().facts)
    sources = _sources(planned.get("independent_sources"), planned["expected_status"])
    if sources is not None:
        assert sources in {f.independent_sources for f in found}


def test_withdrawn_figure_from_the_key_never_supports() -> None:
    for fact in _from_key().facts:
        assert not any(":r" in c for c in fact.claims)
    assert any("withdrawn" in f.reason for f in _from_key().facts if f.measure == "killed")


# --- end to end ------------------------------------------------------------------------


@cache
def _run() -> tuple[Analysis, tuple[Story, ...], Consolidated]:
    analysis = storytrace.analyze(DEMO / "corpus")
    stories = find_stories(
        analysis.articles, entities=analysis.entities, relations=analysis.relations
    )
    result = consolidate(
        articles=analysis.articles, stories=stories, relations=analysis.relations,
        claims=analysis.claims, quotes=analysis.quotes, entities=analysis.entities,
    )  # fmt: skip
    return analysis, stories, result


def test_story_events_and_unrelated() -> None:
    _, stories, _ = _run()
    expected = _expected()
    groups = sorted(story.articles for story in stories)
    assert groups == sorted([tuple(expected["story_articles"]), tuple(expected["unrelated"])])
    story = next(s for s in stories if len(s.articles) > 1)
    planned = [(e["date"], tuple(sorted(e["articles"]))) for e in expected["story"]["events"]]
    assert [(e.date, e.articles) for e in story.events] == planned


def test_every_found_quote_has_the_planned_status() -> None:
    _, _, result = _run()
    found = 0
    for planned in _expected()["quotes"]:
        text = normalise(planned["text"]).strip(" ,.")
        mine = [
            q
            for q in result.quotes
            if q.article == planned["article"] and text[:40] in normalise(q.text)
        ]
        if mine:
            found += 1
            assert {q.status for q in mine} == {planned["status"]}, planned
    assert found >= len(_expected()["quotes"]) - 2


def test_altered_quotes_show_their_original() -> None:
    _, _, result = _run()
    quotes = {q.id: q for q in result.quotes}
    altered = [q for q in result.quotes if q.status == "altered"]
    assert len(altered) == 6
    for quote in altered:
        assert any(quotes[m].article == "01-northwire-original" for m in quote.matches)


def test_withdrawn_figure_never_supports() -> None:
    analysis, _, result = _run()
    retracted = {c.id for c in analysis.claims if c.status == "retracted"}
    assert retracted
    assert not any(retracted & set(f.claims) for f in result.facts)


def _fact(result: Consolidated, measure: str, status: str, subject: str | None = None) -> Fact:
    return next(
        f for f in result.facts
        if f.measure == measure and f.status == status
        and (subject is None or subject in (f.subject or ""))
    )  # fmt: skip


def test_facts_end_to_end() -> None:
    _, _, result = _run()
    conflict = _fact(result, "killed", "conflict")
    assert (conflict.low, conflict.high, conflict.independent_sources) == (27, 27, 3)
    changed = _fact(result, "killed", "changed")
    assert (changed.low, changed.high) == (52, 52) and "rising" in changed.reason
    assert _fact(result, "missing", "changed").low == 19
    assert _fact(result, "troops", "changed", "engineers").low == 301
    assert _fact(result, "arrested", "single", "Sarnhydro").low == 4
    assert _fact(result, "damaged", "single").low == 1150
