"""The demo corpus: every planted derivative gets its kind and its origin."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import storytrace
from storytrace.model import Relation
from storytrace.reuse import find_relations

DEMO = Path(__file__).resolve().parents[2] / "demo"


@pytest.fixture(scope="module")
def expected() -> dict[str, object]:
    return dict(json.loads((DEMO / "expected.json").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def relations() -> dict[tuple[str, str], Relation]:
    articles = storytrace.analyze(DEMO / "corpus").articles
    return {(r.a, r.b): r for r in find_relations(articles)}


def _key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def test_planted_derivatives_get_their_kind(
    expected: dict[str, list[dict[str, str]]], relations: dict[tuple[str, str], Relation]
) -> None:
    for item in expected["relations"]:
        if item["kind"] != "independent":
            assert relations[_key(item["a"], item["b"])].kind == item["kind"], item


def test_planted_derivatives_get_their_origin(
    expected: dict[str, list[dict[str, str]]], relations: dict[tuple[str, str], Relation]
) -> None:
    for item in expected["relations"]:
        key = _key(item["a"], item["b"])
        if item["kind"] != "independent":
            assert relations[key].origin == item["origin"], item


def test_independent_pairs_are_never_called_reuse(
    expected: dict[str, list[dict[str, str]]], relations: dict[tuple[str, str], Relation]
) -> None:
    for item in expected["relations"]:
        found = relations.get(_key(item["a"], item["b"]))
        if item["kind"] == "independent" and found is not None:
            assert found.kind == "independent", item


def test_sibling_pairs_take_a_tolerable_kind(
    expected: dict[str, list[dict[str, object]]], relations: dict[tuple[str, str], Relation]
) -> None:
    """Two copies of one original: a tolerable kind, or (a miss, not a false claim) independent.

    Measured: 4 of 6 tolerable; 03-09 (a rewrite and an excerpt sharing four paragraphs
    of 01) and 04-09 (a rewrite and a spun copy of 01) come out independent.
    """
    tolerable = 0
    for item in expected["sibling_pairs"]:
        found = relations[_key(str(item["a"]), str(item["b"]))]
        assert found.kind in [*item["acceptable_kinds"], "independent"], item  # type: ignore[misc]
        if found.kind != "independent":
            tolerable += 1
            assert found.origin in item["acceptable_origins"], item  # type: ignore[operator]
    assert tolerable >= 4


def test_unrelated_article_has_no_relation(relations: dict[tuple[str, str], Relation]) -> None:
    assert not [key for key in relations if "10-sportsline-unrelated" in key]
