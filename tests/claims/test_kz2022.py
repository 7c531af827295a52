"""The kz2022 corpus (five real reports, read from ../shared at run time): the Must show.

Every death, injury, arrest, troop and equipment count with its interval, measure,
subject and status; the speakers of the main quotes; one entity per person or
organisation whatever the spelling. Only short names and numbers appear here.
"""

from __future__ import annotations

from functools import cache

import pytest

import storytrace
from storytrace.claims import Extracted, extract
from storytrace.model import Claim
from tests.conftest import require_shared

pytestmark = pytest.mark.shared


@cache
def _result(ner: str | None) -> Extracted:
    analysis = storytrace.analyze(require_shared("corpus", "kz2022"))
    return extract(analysis.articles, ner=ner)


def _counts(article_prefix: str) -> list[tuple[str, float | None, float | None, str]]:
    return [
        (c.measure, c.low, c.high, c.status)
        for c in _result(None).claims
        if c.article.startswith(article_prefix)
    ]


def _claim(article_prefix: str, measure: str, low: float) -> Claim:
    return next(
        c
        for c in _result(None).claims
        if c.article.startswith(article_prefix) and c.measure == measure and c.low == low
    )


def test_counts_per_article() -> None:
    assert _counts("000") == [
        ("killed", 165, None, "retracted"),
        ("killed", 26, 26, "asserted"),
        ("killed", 16, 16, "asserted"),
        ("arrested", 7500, 7999, "asserted"),
    ]
    assert _counts("001") == [
        ("killed", 24, 99, "asserted"),
        ("troops", 2001, 2100, "asserted"),
        ("equipment", 250, 250, "asserted"),
    ]
    assert _counts("004") == [
        ("killed", 164, None, "asserted"),
        ("arrested", 7500, 7999, "asserted"),
    ]
    measures_002 = {(m, low, high) for m, low, high, _ in _counts("002")}
    assert {
        ("killed", 24, 99),
        ("injured", 1001, None),
        ("hospitalised", 360, 399),
        ("injured", 351, None),
        ("killed", 13, 13),
    } <= measures_002
    measures_003 = {(m, low, high) for m, low, high, _ in _counts("003")}
    assert {
        ("killed", 161, None),
        ("killed", 40, 99),
        ("killed", 13, None),
        ("arrested", 7500, 7999),
        ("troops", 2030, 2030),
        ("equipment", 250, 250),
        ("killed", 101, None),
    } <= measures_003


def test_subjects_attributions_and_dates() -> None:
    assert _claim("000", "killed", 16).subject == "security officials"
    assert _claim("002", "killed", 13).subject == "security officers"
    assert _claim("002", "killed", 13).attribution == "officials"
    assert _claim("002", "injured", 351).as_of is not None
    assert _claim("002", "injured", 351).as_of.endswith("T12:00")  # "as of midday Thursday"
    assert _claim("003", "killed", 13).subject == "security forces personnel"
    assert _claim("003", "killed", 101).subject == "people in Almaty"
    assert _claim("003", "arrested", 7500).as_of == "2022-W01"  # "last week" from 10 Jan
    assert _claim("004", "killed", 164).attribution == "country’s authorities"
    assert _claim("002", "killed", 24).attribution == "police"


@pytest.mark.models
def test_quote_speakers() -> None:
    result = _result("en_core_web_sm")
    by_entity: dict[str | None, int] = {}
    for quote in result.quotes:
        by_entity[quote.entity] = by_entity.get(quote.entity, 0) + 1
    tokayev = _entity(result, "Kassym-Jomart Tokayev")
    putin = _entity(result, "Vladimir Putin")
    blinken = _entity(result, "Antony Blinken")
    assert by_entity[tokayev] >= 10
    assert by_entity[putin] >= 10
    assert by_entity[blinken] >= 2
    for quote in result.quotes:
        if quote.cue == "quoted as saying":
            assert quote.speaker == "Saltanat Azirbek"


def _entity(result: Extracted, surname: str) -> str:
    ids = {e.id for e in result.entities if surname in (e.name, *e.aliases)}
    assert len(ids) == 1, (surname, ids)
    return ids.pop()


@pytest.mark.models
def test_one_entity_per_real_world_thing() -> None:
    result = _result("en_core_web_sm")
    forms = {
        "Tokayev": {"Kassym-Jomart Tokayev", "Tokayev", "Tokajev", "Kasym-Zhomart Tokajev"},
        "CSTO": {"CSTO", "Collective Security Treaty Organization", "KTSJ", "CTSO",
                 "Collective Security Treaty Organisation"},
        "Nazarbayev": {"Nursultan Nazarbayev", "Nazarbayev"},
        "Putin": {"Vladimir Putin", "Putin"},
        "Blinken": {"Antony Blinken"},  # the surname-only line is page junk, cleaned away
        "Al Jazeera": {"Al Jazeera", "Aljazeera"},
    }  # fmt: skip
    for label, names in forms.items():
        owners = {e.id for e in result.entities if names & {e.name, *e.aliases}}
        assert len(owners) == 1, (label, owners)
        entity = next(e for e in result.entities if e.id in owners)
        assert names <= {entity.name, *entity.aliases}, (label, entity)
