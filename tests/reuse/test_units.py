"""Unit tests of the reuse building blocks, on hand-made records (no model, no shared data)."""

from __future__ import annotations

from html.parser import HTMLParser
from itertools import pairwise

import numpy as np
import pytest

from storytrace.model import Article
from storytrace.reuse import compare, find_relations, render_alignment_html, render_alignment_text
from storytrace.reuse.align import align, alignment_count
from storytrace.reuse.lsh import candidate_pairs
from storytrace.reuse.minhash import band_keys, bands_for, recall_at, signatures
from storytrace.reuse.shingles import batch_shingles, shingle_hashes, token_hashes
from storytrace.reuse.skeleton import skeleton
from storytrace.text.sentences import split_sentences

ORIGINAL = (
    "The Orlek dam gave way at dawn on Monday, killing at least 27 people, "
    "the interior ministry said.\n"
    "Dozens of people are missing and 140 were injured, officials told reporters in Belozar.\n"
    "Rescue teams searched house by house through the night, President Aldan Mirov said.\n"
    "\u201cWe will not let those who failed to maintain this dam escape responsibility,\u201d "
    "Mirov said.\n"
    "Sarnhydro, which runs the dam, did not respond to requests for comment.\n"
)
SPUN = (
    "The Orlek dam surrendered at sunrise on Monday, slaying no less than 27 individuals, "
    "the inside service stated.\n"
    "Scores of individuals are absent and 140 were harmed, authorities told correspondents "
    "in Belozar.\n"
    "Salvage groups looked abode by abode through the evening, President Aldan Mirov stated.\n"
    "\u201cWe will not let those who neglected to keep up this barrier get away from "
    "obligation,\u201d Mirov stated.\n"
    "Sarnhydro, which runs the dam, didn't react to demands for input.\n"
)
OTHER = "Altaven won the Harwick Cup final 2-1 on Saturday with a late header from Brede Olsen.\n"


def make(
    article_id: str, text: str, published: str | None = None, language: str | None = "en"
) -> Article:
    return Article(
        id=article_id,
        source=article_id,
        text=text,
        published=published,
        language=language,
        sentences=tuple(split_sentences(text)),
    )


def test_batch_shingles_match_single_text_shingles() -> None:
    texts = ["One two three four.", "", "short", "Ünïcode wörds – and 27 more; here", "a\x00b c d"]
    hashes, doc = batch_shingles(texts)
    for index, text in enumerate(texts):
        expected = shingle_hashes(token_hashes(text.replace("\x00", " ")))
        assert np.array_equal(hashes[doc == index], expected)


def test_token_hashes_ignore_case_and_punctuation() -> None:
    assert np.array_equal(token_hashes("Coup d'État!"), token_hashes("coup, D'éTAT"))


def test_bands_for_meets_its_recall() -> None:
    bands, rows = bands_for(0.5, 128)
    assert bands * rows <= 128
    assert recall_at(0.5, bands, rows) >= 0.995
    assert bands_for(0.9, 128)[1] > rows


def test_identical_texts_are_candidates_and_unrelated_are_not() -> None:
    texts = [ORIGINAL, ORIGINAL.upper(), OTHER, ""]
    hashes, doc = batch_shingles(texts)
    keys = band_keys(signatures(hashes, doc, len(texts)), *bands_for(0.5))
    assert candidate_pairs(keys).tolist() == [[0, 1]]


def test_oversized_bucket_is_chained() -> None:
    keys = np.full((100, 1), 7, dtype=np.uint64)
    assert len(candidate_pairs(keys, max_bucket=10)) == 99


def test_skeleton_keeps_names_and_numbers() -> None:
    assert skeleton("The Orlek dam near Bélozar killed 27.") == ["orlek", "belozar", "27"]


def test_compare_finds_the_spun_copy_and_its_origin() -> None:
    relation = compare(make("b", SPUN), make("a", ORIGINAL))
    assert (relation.a, relation.b, relation.kind, relation.origin) == ("a", "b", "spun", "a")
    swaps = dict(s for p in relation.passages for s in p.substitutions)
    assert swaps.get("gave way at dawn") == "surrendered at sunrise" or "dawn" in " ".join(swaps)


def test_compare_copy_uses_dates_for_origin() -> None:
    copy = ORIGINAL.replace("Monday", "Monday morning")
    relation = compare(make("x", copy, "2025-03-18"), make("y", ORIGINAL, "2025-03-17"))
    assert relation.kind == "copy"
    assert relation.origin == "y"


def test_excerpt_is_containment() -> None:
    long = ORIGINAL + "\n".join(
        f"Another paragraph number {i} about power prices and markets." for i in range(12)
    )
    relation = compare(make("short", ORIGINAL), make("wide", long))
    assert relation.kind == "excerpt"
    assert relation.origin == "short"


def test_unrelated_pair_is_independent() -> None:
    assert compare(make("a", ORIGINAL), make("b", OTHER)).kind == "independent"


def test_find_relations_skips_unrelated_and_empty() -> None:
    articles = [
        make("a", ORIGINAL),
        make("b", SPUN),
        make("c", OTHER),
        make("d", ""),
        make("e", "Hi."),
    ]
    relations = find_relations(articles)
    assert [(r.a, r.b, r.kind) for r in relations] == [("a", "b", "spun")]


def test_thousand_copies_cost_linear_alignments() -> None:
    articles = [make(f"c{i:04d}", ORIGINAL) for i in range(1000)] + [make("s", SPUN)]
    before = alignment_count()
    relations = find_relations(articles)
    assert alignment_count() - before <= 5
    assert sum(r.kind == "spun" for r in relations) == 1000
    assert sum(r.kind == "copy" for r in relations) == 999


def test_story_pairs_are_verified() -> None:
    relations = find_relations([make("a", ORIGINAL), make("c", OTHER)], story_pairs=[("c", "a")])
    assert [(r.a, r.b, r.kind) for r in relations] == [("a", "c", "independent")]


def test_unknown_option_is_an_error() -> None:
    with pytest.raises(TypeError, match="unknown options"):
        find_relations([], bands=3)


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.marks = 0
        self.rows = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.marks += tag == "mark"
        self.rows += tag == "tr" and ("class", "passage") in attrs


def test_html_alignment_is_escaped_and_marks_swaps() -> None:
    a, b = make("a", ORIGINAL + "<script>x</script>\n"), make("b", SPUN)
    relation = compare(a, b)
    html = render_alignment_html(relation, a, b)
    parser = _Cells()
    parser.feed(html)
    assert parser.rows == len(relation.passages)
    assert parser.marks > 0
    assert "<script>" not in html
    assert "substitutions:" in render_alignment_text(relation, a, b)


def test_alignment_is_one_to_one() -> None:
    matrix = np.array([[0.9, 0.0, 0.0], [0.8, 0.5, 0.0], [0.0, 0.0, 0.7]])
    alignment = align(matrix)
    assert [(link.a, link.b) for link in alignment.links] == [
        ((0, 0), (0, 0)),
        ((1, 1), (1, 1)),
        ((2, 2), (2, 2)),
    ]


def test_a_split_sentence_aligns_to_both_halves() -> None:
    split = ORIGINAL.replace(
        "on Monday, killing at least 27 people,",
        "on Monday. It killed at least 27 people,",
    )
    relation = compare(make("a", ORIGINAL), make("b", split))
    first = relation.passages[0]
    assert split[first.b[0] : first.b[1]].startswith("The Orlek dam gave way at dawn on Monday.")
    assert split[first.b[0] : first.b[1]].endswith("the interior ministry said.")
    assert ORIGINAL[first.a[0] : first.a[1]].count(".") == 1
    assert relation.kind == "copy"


def test_no_sentence_is_aligned_twice() -> None:
    relation = compare(make("a", ORIGINAL + ORIGINAL), make("b", SPUN))
    for side in ("a", "b"):
        spans = sorted(getattr(p, side) for p in relation.passages)
        assert all(x[1] <= y[0] for x, y in pairwise(spans)), side
