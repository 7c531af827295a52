"""build_article: cleaning, metadata, language and sentences end up in one frozen Article."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storytrace.errors import ExtractionError
from storytrace.ingest import articles
from storytrace.ingest.articles import build_article
from storytrace.ingest.clean import Cleaned, LineStats
from storytrace.model import Document

SHARED_CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "kz2022"

HEADER = ["harbourdaily.example.com", "Saturday, March 12, 2022 07:45"]
STORY = [
    "Storms close the harbour for a week",
    "The harbour authority closed the port on Friday after waves damaged the pier. "
    "Mr. Ortiz, the harbour master, said repairs would cost about 1.5 million.",
    "“We will reopen as soon as it is safe,” he said. Fishermen were not convinced.",
]


def _doc(text: str, **fields: str | None) -> Document:
    return Document(id="harbour", source="in/harbour.txt", format="text", text=text, **fields)  # type: ignore[arg-type]


def _drop_header(document: Document, *, stats: LineStats | None = None) -> Cleaned:
    """A stand-in cleaner that removes the first two lines, as the real one removes furniture."""
    lines = document.text.split("\n")
    return Cleaned(text="\n".join(lines[2:]), removed_lines=tuple(lines[:2]))


@pytest.fixture
def header_cleaner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(articles, "clean_document", _drop_header)


@pytest.mark.usefixtures("header_cleaner")
def test_metadata_comes_from_removed_lines_and_title_from_kept_text() -> None:
    article = build_article(_doc("\n".join(HEADER + STORY)))
    assert article.text == "\n".join(STORY)
    assert article.removed_lines == tuple(HEADER)
    assert article.published == "2022-03-12T07:45:00"
    assert article.outlet == "example.com"
    assert article.title == STORY[0]
    assert article.language == "en"
    assert article.sentence_texts() == [
        STORY[0],
        "The harbour authority closed the port on Friday after waves damaged the pier.",
        "Mr. Ortiz, the harbour master, said repairs would cost about 1.5 million.",
        "“We will reopen as soon as it is safe,” he said.",
        "Fishermen were not convinced.",
    ]


@pytest.mark.usefixtures("header_cleaner")
def test_container_fields_win() -> None:
    document = _doc(
        "\n".join(HEADER + STORY),
        url="https://www.other.example.org/2021/05/06/harbour",
        title="Harbour shut",
        published="2022-03-11",
        outlet="The Harbour Daily",
        language="en-GB",
    )
    article = build_article(document)
    assert (article.url, article.title, article.published) == (
        "https://www.other.example.org/2021/05/06/harbour",
        "Harbour shut",
        "2022-03-11",
    )
    assert (article.outlet, article.language) == ("The Harbour Daily", "en")
    assert (article.id, article.source) == ("harbour", "in/harbour.txt")


def test_article_is_frozen() -> None:
    article = build_article(_doc("\n".join(STORY)))
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.title = "changed"  # type: ignore[misc]


@pytest.mark.parametrize("text", ["", "   \n\t", "12 345\n---\n2022", "★ ★ ★"])
def test_no_letters_after_cleaning_is_an_extraction_error(text: str) -> None:
    with pytest.raises(ExtractionError) as caught:
        build_article(_doc(text))
    assert caught.value.source == "in/harbour.txt"
    assert caught.value.stage == "clean"
    assert caught.value.reason == "no article text after cleaning"


@given(st.lists(st.sampled_from([*STORY, *HEADER, "", "Menu", "Mr.", "…"]) | st.text(), max_size=8))
def test_sentence_spans_are_always_in_bounds(parts: list[str]) -> None:
    try:
        article = build_article(_doc("\n".join(parts)))
    except ExtractionError:
        return
    previous_end = 0
    for start, end in article.sentences:
        assert previous_end <= start < end <= len(article.text)
        previous_end = end


@pytest.mark.shared
def test_shared_corpus_articles() -> None:
    if not SHARED_CORPUS.is_dir():
        pytest.skip(f"{SHARED_CORPUS} is absent: the shared corpus is only on project machines")
    built = {
        path.name[:3]: build_article(
            Document(id=path.stem, source=str(path), format="text", text=path.read_text())
        )
        for path in sorted(SHARED_CORPUS.glob("*.txt"))
    }
    assert len(built) == 5
    assert built["003"].published == "2022-01-10T18:07:00"
    assert built["003"].outlet == "bm.ge"
    assert built["002"].published == "2022-01-26"
    for article in built.values():
        assert article.language == "en"
        assert len(article.sentences) >= 5
        assert article.title


def test_a_page_of_furniture_only_is_skipped_with_its_lines_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    lines = ["Home", "0:47 Library opens a new reading room for children", "Related Posts"]
    with (
        caplog.at_level(logging.DEBUG, logger=articles.__name__),
        pytest.raises(ExtractionError) as caught,
    ):
        build_article(_doc("\n".join(lines)))
    assert caught.value.reason == articles.FURNITURE_ONLY
    assert caught.value.stage == "clean"
    assert all(line in caplog.text for line in lines)
