"""The kz2022 corpus (read from ../shared at run time): facts, quotes, brief and timeline.

Must show: the death-toll conflict explained (a "dozens" figure against "more than 160" /
"at least 164" on one day, the withdrawn figure named and not counted); detentions of
nearly 8,000 agreed by independent sources; troop numbers agreed; security deaths
``changed`` (13 one day, 16 four days later); every quote the spun copy reworded
``altered`` beside its original; the independently translated quote of the president
``translation``; a brief whose every sentence cites articles, and a dated timeline.
"""

from __future__ import annotations

from functools import cache

import pytest

import storytrace
from storytrace.consolidate import Consolidated, consolidate
from storytrace.model import Analysis, Fact
from storytrace.stories import find_stories
from tests.conftest import require_shared

pytestmark = pytest.mark.shared


@cache
def _run() -> tuple[Analysis, Consolidated]:
    analysis = storytrace.analyze(require_shared("corpus", "kz2022"))
    stories = find_stories(
        analysis.articles, entities=analysis.entities, relations=analysis.relations
    )
    result = consolidate(
        articles=analysis.articles,
        stories=stories,
        relations=analysis.relations,
        claims=analysis.claims,
        quotes=analysis.quotes,
        entities=analysis.entities,
    )
    return analysis, result


def _facts(measure: str, status: str) -> list[Fact]:
    return [f for f in _run()[1].facts if f.measure == measure and f.status == status]


def test_death_toll_conflict_explained() -> None:
    analysis, _ = _run()
    claims = {c.id: c for c in analysis.claims}
    (conflict,) = [f for f in _facts("killed", "conflict") if f.subject is None]
    values = {(claims[c].low, claims[c].high) for c in conflict.claims}
    assert (24, 99) in values and (164, None) in values
    assert (conflict.low, conflict.high) == (164, None) and conflict.independent_sources == 2
    assert "cannot both hold" in conflict.reason and "withdrawn" in conflict.reason
    retracted = {c.id for c in analysis.claims if c.status == "retracted"}
    assert retracted and not any(retracted & set(f.claims) for f in _run()[1].facts)


def test_detentions_agreed_by_independent_sources() -> None:
    (fact,) = _facts("arrested", "agreed")
    assert (fact.low, fact.high) == (7500, 7999)
    assert fact.independent_sources >= 2 and len(fact.claims) == 3


def test_troop_numbers_agreed() -> None:
    (fact,) = _facts("troops", "agreed")
    assert fact.low == fact.high == 2030 and fact.independent_sources == 2


def test_security_deaths_changed() -> None:
    (fact,) = [f for f in _facts("killed", "changed") if f.subject and "security" in f.subject]
    assert fact.low == fact.high == 16
    assert "13 on" in fact.reason and "16 on" in fact.reason and "rising" in fact.reason


def test_spun_quotes_altered_beside_their_original() -> None:
    analysis, result = _run()
    spun = next(r for r in analysis.relations if r.kind == "spun")
    copy = spun.b if spun.origin == spun.a else spun.a
    quotes = {q.id: q for q in result.quotes}
    reworded = [
        q
        for q in quotes.values()
        if q.article == copy and any(quotes[m].article == spun.origin for m in q.matches)
        and any(quotes[m].text.strip(" ,.") not in q.text for m in q.matches)
    ]  # fmt: skip
    assert len(reworded) >= 5
    assert all(q.status == "altered" for q in reworded)
    originals = [quotes[m] for q in reworded for m in q.matches if quotes[m].article == spun.origin]
    assert originals and all(o.status != "altered" for o in originals)


def test_translated_quote_of_the_president() -> None:
    _, result = _run()
    quotes = {q.id: q for q in result.quotes}
    translations = [
        q for q in result.quotes
        if q.status == "translation" and q.entity and "tokayev" in q.entity
        and any(quotes[m].entity == q.entity and quotes[m].status == "original" for m in q.matches)
    ]  # fmt: skip
    assert translations


def test_brief_and_timeline() -> None:
    _, result = _run()
    (brief,) = result.briefs.values()
    assert len(brief.summary) >= 4 and all(line.articles for line in brief.summary)
    assert "agree" in brief.summary[1].text
    assert any("conflict" in line.text for line in brief.summary)
    assert [bool(entry.date) for entry in brief.timeline] == [True, True]
    assert brief.timeline[0].date is not None and brief.timeline[1].date is not None
    assert brief.timeline[0].date < brief.timeline[1].date
