"""Property tests: symmetry, input-order independence, spans in bounds, odd inputs never crash."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.model import Article, Relation
from storytrace.reuse import compare, find_relations
from tests.reuse.test_units import ORIGINAL, OTHER, SPUN, make

_WORDS = st.sampled_from(
    [
        "dam",
        "Orlek",
        "27",
        "killed",
        "the",
        "said",
        "Белозар",
        "ダム",
        "بلوزار",
        "Mirov",
        "people",
        "at",
    ]
)
_SENTENCE = st.lists(_WORDS, min_size=0, max_size=12).map(lambda ws: " ".join(ws) + ".")
_TEXT = st.lists(_SENTENCE, min_size=0, max_size=6).map("\n".join)


def _mirrored(relation: Relation) -> tuple[object, ...]:
    return (relation.kind, relation.origin, relation.coverage_a, relation.coverage_b)


@settings(max_examples=40)
@given(_TEXT, _TEXT)
def test_compare_is_symmetric_and_spans_in_bounds(left: str, right: str) -> None:
    a, b = make("a", left), make("b", right)
    one, two = compare(a, b), compare(b, a)
    assert one == two
    assert 0.0 <= one.coverage_a <= 1.0 and 0.0 <= one.coverage_b <= 1.0
    for passage in one.passages:
        assert 0 <= passage.a[0] < passage.a[1] <= len(left)
        assert 0 <= passage.b[0] < passage.b[1] <= len(right)
        for swap_a, swap_b in passage.substitutions:
            assert swap_a in left[passage.a[0] : passage.a[1]]
            assert swap_b in right[passage.b[0] : passage.b[1]]


@settings(max_examples=15)
@given(st.randoms(use_true_random=False), st.lists(_TEXT, min_size=0, max_size=4))
def test_find_relations_ignores_input_order(rng: random.Random, extra: list[str]) -> None:
    texts = [ORIGINAL, SPUN, OTHER, ORIGINAL, "", *extra]
    articles: list[Article] = [make(f"t{i}", text) for i, text in enumerate(texts)]
    shuffled = list(articles)
    rng.shuffle(shuffled)
    assert find_relations(articles) == find_relations(shuffled)


@settings(max_examples=25)
@given(_TEXT)
def test_odd_single_articles_never_crash(text: str) -> None:
    relations = find_relations([make("a", text), make("b", text), make("c", text[:1])])
    assert all(r.a < r.b for r in relations)
