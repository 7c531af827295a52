"""Junk-line removal on hand-built, fictional pages."""

from __future__ import annotations

from storytrace.ingest.clean import Cleaned, LineStats, clean_document
from storytrace.model import Document

BODY = [
    "RIVERTON: The town council voted on Tuesday to rebuild the old footbridge over the river,"
    " ending a dispute that had lasted for almost three years.",
    "The mayor said the work would begin in the spring and that the cost would be shared with"
    " the county, which owns the land on the eastern bank.",
    "Budget concerns",
    "Several members of the council argued that the money should instead go to the schools,"
    " but the motion to delay the vote failed by two votes.",
    "Residents who had campaigned for the bridge gathered outside the hall and cheered when"
    " the result was announced to the crowd.",
]


def doc(lines: list[str], *, doc_id: str = "a", url: str | None = None) -> Document:
    return Document(
        id=doc_id, source=f"pile/{doc_id}.txt", format="text", text="\n\n".join(lines), url=url
    )


def kept(cleaned: Cleaned) -> list[str]:
    return [line for line in cleaned.text.split("\n") if line]


def test_menus_dates_and_footer_go_while_body_subhead_and_dateline_stay() -> None:
    page = [
        "Home",
        "News Sport Weather",
        "Thursday, March 3, 2022",
        "Council backs plan to rebuild the river footbridge",
        *BODY,
        "Share this article on Facebook",
        "Related Posts",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "Powered by a content system",
    ]
    cleaned = clean_document(doc(page))
    assert kept(cleaned) == ["Council backs plan to rebuild the river footbridge", *BODY]
    assert cleaned.removed_lines == (
        "Home",
        "News Sport Weather",
        "Thursday, March 3, 2022",
        "Share this article on Facebook",
        "Related Posts",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "Powered by a content system",
    )


def test_captions_credits_links_ids_and_hashtags_go() -> None:
    junk = [
        "Harbour workers unload the first crates on Monday. (Photo: Harbour Authority)",
        "Read more: Another story about a different harbour entirely",
        "See also  The week in pictures",
        "3f9a1c07be4d22",
        "#harbour #ships #news",
        "- Advertisement -",
        "Follow us on Twitter",
        "4.7 C",
        "1250",
    ]
    page = [BODY[0], junk[0], BODY[1], *junk[1:4], BODY[3], *junk[4:], BODY[4]]
    cleaned = clean_document(doc(page))
    assert set(cleaned.removed_lines) == set(junk)
    assert kept(cleaned) == [BODY[0], BODY[1], BODY[3], BODY[4]]


def test_foreign_script_menu_and_glued_menu_go() -> None:
    page = ["ΑρχικήΕιδήσεις Αθλητικά", "HomeLatest NewsWorld Politics", *BODY]
    cleaned = clean_document(doc(page))
    assert cleaned.removed_lines == ("ΑρχικήΕιδήσεις Αθλητικά", "HomeLatest NewsWorld Politics")


def test_furniture_repeated_across_a_site_goes_with_stats() -> None:
    stories = [
        [
            f"Story {n} tells how the {topic} club raised money for a new roof over the summer."
            f" Volunteers from the {topic} club worked every weekend.",
            f"The {topic} club thanked the town for its support and for the donations.",
        ]
        for n, topic in enumerate(["chess", "rowing", "garden", "choir"])
    ]
    docs = [
        doc(
            ["Weekend Edition Online", *lines],
            doc_id=f"s{n}",
            url=f"https://www.example-news.com/a/{n}",
        )
        for n, lines in enumerate(stories)
    ]
    stats = LineStats.from_documents(docs)
    for document in docs:
        assert "Weekend Edition Online" in clean_document(document, stats=stats).removed_lines


def test_verbatim_copies_keep_their_content() -> None:
    original = doc(
        ["Bridge vote ends long dispute in the town", *BODY],
        doc_id="o",
        url="https://site-one.example.org/bridge",
    )
    copies = [
        doc(
            ["Bridge vote ends long dispute in the town", *BODY],
            doc_id=f"c{n}",
            url=f"https://site-one.example.org/copy-{n}",
        )
        for n in range(3)
    ]
    stats = LineStats.from_documents([original, *copies])
    for document in (original, *copies):
        cleaned = clean_document(document, stats=stats)
        assert cleaned.removed_lines == ()


def test_line_shared_by_unrelated_pages_counts_as_independent() -> None:
    pages = [
        doc(
            [
                f"Unrelated page about the {topic} with enough words to be a content line.",
                "Subscribe now",
            ],
            doc_id=str(n),
            url=f"https://two.example.net/{n}",
        )
        for n, topic in enumerate(["harvest", "parade", "election"])
    ]
    stats = LineStats.from_documents(pages)
    assert stats.repetition(pages[0], "Subscribe now").site_independent == 3
    copy_pages = [
        doc([BODY[0], "Shared line"], doc_id=str(n), url=f"https://x.example.net/{n}")
        for n in range(3)
    ]
    copy_stats = LineStats.from_documents(copy_pages)
    assert copy_stats.repetition(copy_pages[0], "Shared line").site_independent == 1


def test_a_gallery_page_without_prose_comes_out_empty() -> None:
    page = ["Home", "Menu", "Image 1 of 3 A ferry leaves the harbour at dawn"]
    cleaned = clean_document(doc(page))
    assert (cleaned.text, cleaned.removed_lines) == ("", tuple(page))


def test_blank_runs_collapse_and_trailing_spaces_go() -> None:
    text = "\n\n" + BODY[0] + "   \n\n\n\n" + BODY[1] + "\n\n\n"
    assert clean_document(Document(id="b", source="b.txt", format="text", text=text)).text == (
        BODY[0] + "\n\n" + BODY[1]
    )


def test_merge_equals_one_pass() -> None:
    docs = [
        doc(
            [BODY[n], "Sign up for our newsletter"], doc_id=str(n), url=f"https://m.example.com/{n}"
        )
        for n in range(4)
    ]
    left, right = LineStats.from_documents(docs[:2]), LineStats.from_documents(docs[2:])
    left.merge(right)
    whole = LineStats.from_documents(docs)
    assert left.documents == whole.documents == 4
    for document in docs:
        assert clean_document(document, stats=left) == clean_document(document, stats=whole)


def test_contacts_weather_sidebars_and_picture_markers_go() -> None:
    junk = [
        "Kerva  +4°C  Cloudy · Wind 12 km/h",
        "You can reach staff writer Ann Lee at 555-0100 or ann.lee@example.org.",
        "Previous story: Council delays bridge vote again",
        "VIDEO: Residents cheer the bridge decision",
        "Home | News | Sport | Weather | Contact",
        "Wanted: [Photo from April 2016]",
        "This photo shows the old footbridge before the flood. (Jo Smith)",
    ]
    cleaned = clean_document(doc([BODY[0], *junk[:3], *BODY[1:3], *junk[3:], *BODY[3:]]))
    assert kept(cleaned) == BODY
    assert set(cleaned.removed_lines) == set(junk)


def test_datelines_witness_calls_and_update_labels_stay() -> None:
    page = [
        "RIVERTON, Ore. -",
        *BODY,
        "PREVIOUS STORY: The council had postponed the vote twice before the summer break.",
        "Anyone with information is asked to call the county sheriff at 555-0199",
    ]
    cleaned = clean_document(doc(page))
    assert kept(cleaned) == page


PLAYLIST = [
    "1:09 Crews clear snow from the harbour road Pause",
    "0:47 Library opens a new reading room for children",
    "2:22 Storm closes the ferry service for the weekend",
    "1:20 Bakers protest outside the town hall",
    "0:59 Council seeks support for a new tax measure",
]


def test_a_page_that_is_only_furniture_comes_out_empty() -> None:
    cleaned = clean_document(doc(["Home", "Videos", *PLAYLIST, "Related Posts"]))
    assert cleaned.text == ""
    assert cleaned.removed_lines == ("Home", "Videos", *PLAYLIST, "Related Posts")


def test_a_short_article_with_one_sentence_is_never_emptied() -> None:
    sentence = "The ferry will not run on Sunday because of the storm warning."
    cleaned = clean_document(doc(["Home", "Videos", sentence, "Related Posts"]))
    assert kept(cleaned) == [sentence]


def test_a_page_whose_prose_would_all_go_keeps_its_best_line_not_the_furniture() -> None:
    # Found by the idempotence property test: the model dropped the page's only sentence
    # (given twice) and kept word-salad lines, which a second cleaning judged anew.
    sentence = "The committee met on Monday and agreed to publish its report before the end."
    salad = ["river river river", "river river river", "river river river river"]
    lines = [sentence, *salad, sentence]
    cleaned = clean_document(doc(lines))
    assert kept(cleaned) == [sentence]
    again = clean_document(doc(cleaned.text.split("\n")))
    assert again.text == cleaned.text
