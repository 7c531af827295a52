"""Bounded work: candidate pruning, the screen, and piles of look-alike articles."""

from __future__ import annotations

import random

import numpy as np
import pytest

from storytrace.model import Article
from storytrace.reuse import find_relations, relate_pairs
from storytrace.reuse.align import alignment_count
from storytrace.reuse.prune import Bound, background, prune
from tests.reuse.test_units import ORIGINAL, OTHER, SPUN, make

_PLACES = ("Larsholm", "Quenby", "Marrowick", "Tellin", "Dunmere", "Port Averne")
_WHO = ("the harbour office", "the county council", "the fire service", "police")
_WHAT = ("closed the northern pier", "approved a new budget", "evacuated two streets",
         "announced an inquiry", "reported a power cut", "delayed the ferry timetable")  # fmt: skip
_WHEN = ("on Monday", "on Tuesday evening", "late on Wednesday", "early on Friday")
_DETAIL = ("Officials said the work would take at least {n} days.",
           "About {n} people were affected, according to early figures.",
           "Repairs are expected to cost {n} thousand euros.")  # fmt: skip


def _beat_article(rng: random.Random, index: int) -> Article:
    """One of a pile of same-beat articles: the same few places, people and phrasings."""
    sentences = []
    for _ in range(rng.randint(8, 14)):
        if rng.random() < 0.4:
            sentences.append(rng.choice(_DETAIL).format(n=rng.randint(2, 900)))
        else:
            parts = (rng.choice(words) for words in (_PLACES, _WHO, _WHAT, _WHEN))
            place, who, what, when = parts
            sentences.append(f"In {place}, {who} {what} {when}, {rng.choice(_WHO)} said.")
    return make(f"beat{index:04d}", "\n".join(sentences) + "\n")


def test_prune_keeps_what_stands_out_and_caps_each_article() -> None:
    pairs = np.array([[0, 1], [0, 2], [1, 2], [2, 3]], dtype=np.int64)
    scores = np.array([0.9, 0.3, 0.3, 0.5])
    kept = prune(pairs, scores, 4, Bound(floor=0.2, sure=0.8, margin=1.5, k=2, cap=1))
    assert kept.tolist() == [[0, 1]]
    mutual = prune(
        pairs, scores, 4, Bound(floor=0.2, sure=1.0, margin=0.0, k=2, cap=1, mutual=True)
    )
    assert mutual.tolist() == [[0, 1], [2, 3]]
    assert background(pairs, scores, 4, 2).tolist() == pytest.approx([0.6, 0.6, 0.4, 0.25])


def test_prune_ignores_input_order() -> None:
    rng = np.random.default_rng(3)
    pairs = np.unique(np.sort(rng.integers(0, 40, (300, 2)), axis=1), axis=0)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    scores = rng.random(len(pairs)).round(2)  # ties on purpose
    bound = Bound(floor=0.1, sure=0.9, margin=1.2, k=4, cap=3)
    order = rng.permutation(len(pairs))
    assert (
        prune(pairs, scores, 40, bound).tolist()
        == prune(pairs[order], scores[order], 40, bound).tolist()
    )


def test_a_pile_of_look_alike_articles_costs_linear_alignments() -> None:
    rng = random.Random(5)
    articles = [_beat_article(rng, i) for i in range(400)]
    before = alignment_count()
    relations = find_relations(articles)
    aligned = alignment_count() - before
    assert aligned <= 3 * len(articles)
    assert len(relations) <= 5 * len(articles)


def test_same_story_false_leaves_the_topical_search_to_the_stories_stage() -> None:
    assert find_relations([make("a", ORIGINAL), make("c", OTHER)], same_story=False) == []
    spun = find_relations([make("a", ORIGINAL), make("b", SPUN)], same_story=False)
    assert [(r.a, r.b, r.kind) for r in spun] == [("a", "b", "spun")]


def test_relate_pairs_classifies_exactly_the_given_pairs() -> None:
    articles = [make("a", ORIGINAL), make("b", SPUN), make("c", OTHER), make("d", ORIGINAL)]
    relations = relate_pairs(articles, [("b", "a"), ("a", "b"), ("c", "a"), ("d", "a"), ("c", "c")])
    assert [(r.a, r.b, r.kind) for r in relations] == [
        ("a", "b", "spun"),
        ("a", "c", "independent"),
        ("a", "d", "copy"),
    ]
    assert relations[0] == find_relations(articles[:2])[0]


def test_relate_pairs_names_unknown_ids() -> None:
    with pytest.raises(ValueError, match="unknown article ids"):
        relate_pairs([make("a", ORIGINAL)], [("a", "zz")])


def test_many_near_copies_cost_at_most_a_few_alignments_each() -> None:
    """Near (not exact) copies of one dispatch: each article keeps a few best partners."""
    words = ORIGINAL.split(" ")
    copies = []
    for i in range(150):
        edited = list(words)
        edited[i % len(words)] = f"word{i}"
        copies.append(make(f"n{i:03d}", " ".join(edited)))
    before = alignment_count()
    relations = find_relations(copies)
    assert alignment_count() - before <= 12 * len(copies)
    assert {r.kind for r in relations} == {"copy"}
    linked = {x for r in relations for x in (r.a, r.b)}
    assert len(linked) == len(copies)
