"""Metadata finders: dates, outlet, title, language tag. Fictional fixtures only."""

from __future__ import annotations

import re
import socket
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.ingest import metadata
from storytrace.ingest.metadata import (
    date_from_url,
    dates_from_text,
    find_outlet,
    find_published,
    find_title,
    headline,
    iso_date,
    normalise_language,
    outlet_from_copyright,
    outlet_from_lines,
    outlet_from_url,
)
from storytrace.model import Document

BODY = (
    "The harbour reopened on Monday after a week of storms.\n"
    "Officials said repairs would cost 1.5 million.\n"
)


def _doc(text: str = BODY, **fields: str | None) -> Document:
    return Document(id="x", source="x.txt", format="text", text=text, **fields)  # type: ignore[arg-type]


# -- published -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("10.01.22 18:07", "2022-01-10T18:07:00"),
        ("Wednesday, January 26, 2022", "2022-01-26"),
        ("Jan. 5, 2022", "2022-01-05"),
        ("5 January 2022", "2022-01-05"),
        ("2022-01-10T18:07", "2022-01-10T18:07:00"),
        ("Published Monday, Aug. 25, 2014", "2014-08-25"),
        ("Posted 3rd of March 2021, 6:05 pm", "2021-03-03T18:05:00"),
        ("01/02/2022", "2022-01-02"),  # slashes: US month-first
        ("01.02.2022", "2022-02-01"),  # dots: European day-first
        ("25/12/2021", "2021-12-25"),  # only one reading is a date
        ("10 января 2022", "2022-01-10"),  # dateparser: other languages' month names
        ("Veröffentlicht am 3. März 2023", "2023-03-03"),
    ],
)
def test_dateline_shapes(line: str, expected: str) -> None:
    assert find_published(_doc(f"Site header\n{line}\n{BODY}")) == expected


def test_ambiguous_date_follows_the_other_dates_in_the_document() -> None:
    # 03.04.22 reads as 3 April (day-first) or 4 March; the footer fixes the order.
    text = f"03.04.22 09:15\n{BODY}Updated March 5, 2022\n"
    assert find_published(_doc(text)) == "2022-03-04T09:15:00"


def test_ambiguous_date_never_after_all_other_evidence() -> None:
    readings = (date(2022, 6, 3), date(2022, 3, 6))
    assert metadata._choose(readings, [date(2022, 4, 1)]) == date(2022, 3, 6)


def test_relative_and_prose_dates_are_not_publication_dates() -> None:
    text = "Talks resume on Monday\nThe treaty was signed in 1991.\n" + BODY
    assert find_published(_doc(text)) is None
    long_line = "In a long paragraph of prose, the minister recalled that on 5 January 2020 " * 2
    assert dates_from_text(long_line) == []


def test_container_date_wins_and_is_normalised() -> None:
    text = f"5 January 2022\n{BODY}"
    assert find_published(_doc(text, published="2021-12-31")) == "2021-12-31"
    assert iso_date("2022-01-10T18:07:33+02:00") == "2022-01-10T18:07:00"
    assert iso_date("Mon, 10 Jan 2022 18:07:00 GMT") == "2022-01-10T18:07:00"


def test_invalid_container_date_falls_back_to_url_then_text() -> None:
    url = "https://news.example.com/world/2022/01/10/harbour-reopens"
    assert find_published(_doc(published="not a date", url=url)) == "2022-01-10"
    assert find_published(_doc(f"Jan. 5, 2022\n{BODY}", published=" ")) == "2022-01-05"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://a.example.com/2022/01/10/story", "2022-01-10"),
        ("https://a.example.com/news/20220110-storms", "2022-01-10"),
        ("https://a.example.com/news/storms-2022-01-10.html", "2022-01-10"),
        ("https://a.example.com/news/2022/13/40/x", None),
        ("https://20220110.example.com/x", None),  # the host is not the path
        ("https://a.example.com/item/123456789", None),
        (None, None),
    ],
)
def test_date_from_url(url: str | None, expected: str | None) -> None:
    assert date_from_url(url) == expected


@given(st.text(max_size=300))
def test_date_extraction_never_raises_and_is_iso_or_none(text: str) -> None:
    found = find_published(_doc(text))
    assert found is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:00)?", found)
    if found:
        date.fromisoformat(found[:10])


@settings(max_examples=50)  # lines the fast path cannot read go to dateparser: ~50 ms each
@given(
    st.lists(
        st.sampled_from(["10.01.22", "13/14/22", "31.02.2022", " 18:07", "Jan.", " 5,", " 2022"]),
        max_size=8,
    ).map("".join)
)
def test_date_shaped_noise_is_iso_or_none(line: str) -> None:
    found = find_published(_doc(line))
    assert found is None or date.fromisoformat(found[:10])


# -- outlet ----------------------------------------------------------------------------


def test_outlet_from_container_then_url_then_site_line() -> None:
    assert find_outlet(_doc(outlet=" The  Harbour Times ")) == "The Harbour Times"
    assert find_outlet(_doc(url="https://news.harbour.co.uk/x")) == "harbour.co.uk"
    assert find_outlet(_doc("Home\nNEWS.Example.GE\n" + BODY)) == "example.ge"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("www.harbourdaily.com\n" + BODY, "harbourdaily.com"),
        ("https://harbourdaily.com/\n" + BODY, "harbourdaily.com"),
        ("The Harbour Daily reports\n" + BODY, None),  # an attribution names a source
        ("Read more at the site\nreport.pdf\nNode.js\n" + BODY, None),
        ("He flew to the U.S.\n" + BODY, None),
    ],
)
def test_outlet_from_lines(text: str, expected: str | None) -> None:
    assert outlet_from_lines(text) == expected


def test_outlet_from_url_edge_cases() -> None:
    assert outlet_from_url("http://192.0.2.7/page") is None
    assert outlet_from_url("") is None
    assert outlet_from_url("https://WWW.Example.COM/a") == "example.com"


def test_tldextract_makes_no_network_call(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    metadata._domain_extractor.cache_clear()
    assert outlet_from_url("https://a.b.example.org.uk/x") == "example.org.uk"


# -- title -----------------------------------------------------------------------------


def test_title_from_container_wins() -> None:
    assert find_title(_doc(title="  Storms close harbour "), BODY) == "Storms close harbour"


def test_headline_is_first_headline_shaped_line_near_the_top() -> None:
    text = "Home\n12 March 2022\nexample.com\nStorms close the harbour for a week\n" + BODY
    assert headline(text) == "Storms close the harbour for a week"
    assert find_title(_doc(text), text) == "Storms close the harbour for a week"


def test_headline_may_end_with_a_question_or_quote() -> None:
    assert headline("Will the harbour reopen?\n" + BODY) == "Will the harbour reopen?"
    assert headline("Mayor: ‘We will rebuild’\n" + BODY) == "Mayor: ‘We will rebuild’"


def test_no_headline_falls_back_to_first_sentence() -> None:
    assert headline(BODY) is None
    assert find_title(_doc(), BODY) == "The harbour reopened on Monday after a week of storms"
    long_text = "The council met " + "again and again " * 20 + "until late."
    title = find_title(_doc(long_text), long_text)
    assert title is not None
    assert title.endswith("…")
    assert len(title) <= metadata.MAX_TITLE_CHARS + 1


def test_headline_search_stops_at_the_body() -> None:
    paragraph = " ".join(["word"] * 45) + "."
    assert headline(f"{paragraph}\nSee also this other story\n") is None


def test_empty_text_has_no_title() -> None:
    assert find_title(_doc(""), "") is None


# -- language --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("en", "en"), ("EN-us", "en"), ("pt_BR", "pt"), ("eng", None), ("", None), (None, None)],
)
def test_normalise_language(tag: str | None, expected: str | None) -> None:
    assert normalise_language(tag) == expected


@pytest.mark.parametrize(
    ("footer", "outlet"),
    [
        ("© 2031 Harbour Evening Post. All rights reserved.", "Harbour Evening Post"),
        ("Copyright (c) 2019-2031 Lakeside Courier | Privacy", "Lakeside Courier"),
        ("Copyright © Valley Voice", "Valley Voice"),
        ("© 2031. All rights reserved.", None),
    ],
)
def test_outlet_from_a_copyright_footer(footer: str, outlet: str | None) -> None:
    text = f"Council approves the new bridge.\nThe vote was close.\n{footer}\n"
    assert outlet_from_copyright(text) == outlet
