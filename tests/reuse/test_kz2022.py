"""kz2022, five real reports of one story: the spun pair, its direction and swaps."""

from __future__ import annotations

from itertools import pairwise

import pytest

import storytrace
from storytrace.model import Relation
from storytrace.reuse import find_relations, render_alignment_html, render_alignment_text
from tests.conftest import require_shared

pytestmark = pytest.mark.shared

SPUN = "000_889a0fd35c17bfce"
ORIGIN = "001_bfc59336010fc295"
_QUOTES = '"“”‘’«»'


@pytest.fixture(scope="module")
def analysis() -> storytrace.Analysis:
    return storytrace.analyze(require_shared("corpus", "kz2022"))


@pytest.fixture(scope="module")
def relations(analysis: storytrace.Analysis) -> list[Relation]:
    return find_relations(analysis.articles)


def _spun(relations: list[Relation]) -> Relation:
    return next(r for r in relations if {r.a, r.b} == {SPUN, ORIGIN})


def test_all_ten_pairs_are_related(relations: list[Relation]) -> None:
    assert len(relations) == 10


def test_spun_pair_found_with_direction(relations: list[Relation]) -> None:
    relation = _spun(relations)
    assert relation.kind == "spun"
    assert relation.origin == ORIGIN
    assert len(relation.passages) >= 8


def test_spun_pair_alignment_never_reuses_a_sentence(relations: list[Relation]) -> None:
    """One-to-one: two sentences of one side never share a sentence of the other."""
    relation = _spun(relations)
    for side in ("a", "b"):
        spans = sorted(getattr(passage, side) for passage in relation.passages)
        assert all(x[1] <= y[0] for x, y in pairwise(spans)), side


def test_spun_pair_joins_a_sentence_the_spinner_split(
    analysis: storytrace.Analysis, relations: list[Relation]
) -> None:
    relation = _spun(relations)
    spun_side = "a" if relation.a == SPUN else "b"
    text = analysis.article(SPUN).text
    joined = [
        text[s:e]
        for s, e in (getattr(p, spun_side) for p in relation.passages)
        if "Blinken" in text[s:e]
    ]
    assert joined and joined[0].startswith("Concerns have mounted"), joined


def test_every_other_pair_is_independent(relations: list[Relation]) -> None:
    others = [r for r in relations if {r.a, r.b} != {SPUN, ORIGIN}]
    assert [r.kind for r in others] == ["independent"] * 9
    assert all(r.origin is None for r in others)


def test_substitution_map_includes_swaps_inside_quotes(
    analysis: storytrace.Analysis, relations: list[Relation]
) -> None:
    relation = _spun(relations)
    swaps = [swap for passage in relation.passages for swap in passage.substitutions]
    assert swaps
    spun_text = analysis.article(SPUN).text
    inside = []
    for passage in relation.passages:
        start, end = passage.a if relation.a == SPUN else passage.b
        sentence = spun_text[start:end]
        for left, right in passage.substitutions:
            swapped = left if relation.a == SPUN else right
            at = sentence.find(swapped)
            if at >= 0 and sum(sentence[:at].count(q) for q in _QUOTES) % 2 == 1:
                inside.append((left, right))
    assert inside, "no substitution inside quotation marks"


def test_passages_point_into_both_texts(
    analysis: storytrace.Analysis, relations: list[Relation]
) -> None:
    for relation in relations:
        a, b = analysis.article(relation.a), analysis.article(relation.b)
        for passage in relation.passages:
            assert 0 <= passage.a[0] < passage.a[1] <= len(a.text)
            assert 0 <= passage.b[0] < passage.b[1] <= len(b.text)


def test_renderings_show_the_swaps(
    analysis: storytrace.Analysis, relations: list[Relation]
) -> None:
    relation = _spun(relations)
    a, b = analysis.article(relation.a), analysis.article(relation.b)
    text = render_alignment_text(relation, a, b)
    assert "substitutions:" in text and "spun" in text
    html = render_alignment_html(relation, a, b)
    assert html.count('<tr class="passage"') == len(relation.passages)
    assert '<mark class="sub">' in html
