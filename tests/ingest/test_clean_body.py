"""Line features from the page's own structure (``_line_body``)."""

from __future__ import annotations

import numpy as np

from storytrace.ingest._line_body import BODY_NAMES, BodyLine, body_matrix, is_credit, stem
from storytrace.ingest._line_features import words_of
from storytrace.ingest.clean import analyse_document, clean_analysed, clean_document
from storytrace.model import Document

STOP = frozenset({"the", "a", "on", "to", "of", "in", "and", "over", "for", "with", "was"})
PARAGRAPHS = (
    "The council voted on Tuesday to rebuild the footbridge over the Wensum river.",
    "Engineers said the footbridge had been closed for three years after floods.",
    "Mayor Alma Reyes said the vote ended a long dispute over the river crossing.",
)


def lines_of(texts: list[tuple[str, str]]) -> list[BodyLine]:
    """``(kind, text)`` pairs as body lines: kind ``p`` prose, ``j`` junk, ``s`` short."""
    return [
        BodyLine(
            text=text,
            words=words_of(text),
            lowered=[word.lower() for word in words_of(text)],
            prose=kind == "p",
            junk=kind == "j",
        )
        for kind, text in texts
    ]


def column(matrix: np.ndarray, name: str) -> list[float]:
    return [round(value, 3) for value in matrix[:, BODY_NAMES.index(name)].tolist()]


def test_stem_takes_one_common_suffix_off_and_keeps_short_words() -> None:
    assert stem("Shootings") == "shooting"
    assert stem("killed") == "kill"
    assert stem("Reyes's") == "reyes"
    assert stem("bus") == "bus"


def test_a_subhead_shares_the_body_words_and_a_teaser_does_not() -> None:
    lines = lines_of(
        [
            ("p", PARAGRAPHS[0]),
            ("s", "Footbridge vote ends river dispute"),
            ("p", PARAGRAPHS[1]),
            ("s", "Storm grounds flights at Denver airport"),
            ("p", PARAGRAPHS[2]),
        ]
    )
    matrix = body_matrix(lines, STOP)
    overlap = column(matrix, "body_overlap")
    assert overlap[1] == 1.0
    assert overlap[3] == 0.0
    names = column(matrix, "entity_overlap")
    assert names[3] == 0.0  # 'Denver' is in no paragraph
    assert names[1] == -1.0  # no capitalised word after the first


def test_a_paragraph_does_not_count_its_own_words_as_the_body() -> None:
    lines = lines_of([("p", PARAGRAPHS[0]), ("p", "Unrelated words about gardening seasons.")])
    overlap = column(body_matrix(lines, STOP), "body_overlap")
    assert overlap == [0.0, 0.0]


def test_the_main_block_is_the_longest_run_of_paragraphs() -> None:
    lines = lines_of(
        [
            ("p", "A teaser paragraph about another story entirely, long enough to be prose."),
            ("s", "Menu"),
            ("s", "Weather"),
            ("s", "Sports"),
            ("p", PARAGRAPHS[0]),
            ("s", "A subhead"),
            ("p", PARAGRAPHS[1]),
            ("p", PARAGRAPHS[2]),
            ("j", "Share this"),
        ]
    )
    matrix = body_matrix(lines, STOP)
    assert column(matrix, "in_main_block") == [0, 0, 0, 0, 1, 1, 1, 1, 0]
    distance = np.expm1(matrix[:, BODY_NAMES.index("log_distance_to_main_block")]).round()
    assert distance.tolist() == [4, 3, 2, 1, 0, 0, 0, 0, 1]
    runs = np.expm1(matrix[:, BODY_NAMES.index("log_non_prose_run")]).round()
    assert runs.tolist() == [0, 3, 3, 3, 0, 1, 0, 0, 1]


def test_lines_under_a_short_furniture_label_belong_to_its_list_until_a_paragraph() -> None:
    lines = lines_of(
        [
            ("p", PARAGRAPHS[0]),
            ("j", "Related stories"),
            ("s", "Storm closes airport in Denver"),
            ("s", "Bridge reopens in Leeds"),
            ("p", PARAGRAPHS[1]),
            ("s", "A subhead"),
        ]
    )
    assert column(body_matrix(lines, STOP), "after_label") == [0, 0, 1, 1, 0, 0]


def test_credit_lines_are_recognised_and_ordinary_sentences_are_not() -> None:
    assert is_credit("Associated Press writer Jane Roe contributed to this report.")
    assert is_credit("Contributing: Sam Doe, Lee Poe")
    assert is_credit("—Metro Daily Wire")
    assert is_credit("From staff reports")
    assert is_credit("With Sam Doe, Lee Poe and Kim Moe")
    assert not is_credit("With the help of neighbours, the family fled.")
    assert not is_credit("The wire was cut before the robbery.")


def test_a_fact_box_is_a_run_of_label_value_lines() -> None:
    lines = lines_of(
        [
            ("p", PARAGRAPHS[0]),
            ("s", "Age: 48"),
            ("s", "Home: Norwich"),
            ("s", "Job: Engineer"),
            ("s", "Note: this sentence has far too many words to be a label and a value."),
        ]
    )
    matrix = body_matrix(lines, STOP)
    assert column(matrix, "key_value") == [0, 1, 1, 1, 0]
    runs = np.expm1(matrix[:, BODY_NAMES.index("log_key_value_run")]).round()
    assert runs.tolist() == [0, 3, 3, 3, 0]


def test_an_empty_document_has_no_rows() -> None:
    assert body_matrix([], STOP).shape == (0, len(BODY_NAMES))


def test_cleaning_an_analysed_document_is_cleaning_the_document() -> None:
    text = "\n\n".join(["Home", *PARAGRAPHS, "Related stories", "Storm closes airport"])
    document = Document(id="b", source="pile/b.txt", format="text", text=text)
    assert clean_analysed(analyse_document(document)) == clean_document(document)
