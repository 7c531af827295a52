"""Stories and events: unit and property tests on hand-built articles (no models)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.model import Article, Relation
from storytrace.stories import StoryIndex, find_stories, stories_of
from storytrace.stories.dates import day_of, resolve_weekday, shift_relative
from storytrace.stories.features import (
    TEMPLATE_MIN_ARTICLES,
    TemplateLines,
    addresses_in,
    ages_in,
    features_of,
    line_fingerprints,
)
from storytrace.stories.index import link_margin, member_of

# Invented topics: each a few rare words and names no two topics share.
TOPICS = [
    ("Quelbridge", "Ostravane", "reservoir", "turbine", "floodgate", "engineers"),
    ("Marrowfield", "Tessaly", "vaccine", "clinic", "outbreak", "epidemiologist"),
    ("Corvingham", "Halloway", "striker", "penalty", "goalkeeper", "championship"),
    ("Zendrath", "Palomir", "parliament", "coalition", "referendum", "ministers"),
    ("Brightwater", "Ulvenik", "wildfire", "evacuation", "firefighters", "drought"),
    ("Kestrelmoor", "Dunaveld", "earthquake", "aftershock", "magnitude", "seismologists"),
]


def article(
    article_id: str, topic: int, day: str | None, variant: int = 0, extra: str = ""
) -> Article:
    place, name, *words = TOPICS[topic]
    text = (
        f"In {place}, officials led by {name} said the {words[0]} and the {words[1]} were "
        f"the focus on the day, as {words[2]} worried {words[3]}. {name} visited {place} "
        f"again. Report number {variant}. {extra}"
    )
    return Article(
        id=article_id, source=article_id, text=text, title=f"{place}: {words[0]}", published=day
    )


def test_dates_helpers() -> None:
    assert day_of("2022-01-10T18:07:00") == date(2022, 1, 10)
    assert day_of("2022-W01") == date(2022, 1, 6)
    assert day_of("2009") is None
    assert resolve_weekday(3, date(2022, 1, 10)) == date(2022, 1, 6)
    assert (
        shift_relative("2022-01-20T12:00", date(2022, 1, 26), date(2022, 1, 6))
        == "2022-01-06T12:00"
    )
    assert shift_relative("2022-01-26", date(2022, 1, 26), date(2022, 1, 6)) == "2022-01-06"
    assert shift_relative("2021-05-01", date(2022, 1, 26), date(2022, 1, 6)) == "2021-05-01"


def test_unrelated_topics_stay_apart_and_same_topic_joins() -> None:
    pile = [
        article(f"t{t}-{v}", t, f"2025-03-{10 + v:02d}", v)
        for t in range(len(TOPICS))
        for v in range(3)
    ]
    stories = find_stories(pile)
    groups = sorted(story.articles for story in stories)
    assert groups == sorted(tuple(f"t{t}-{v}" for v in range(3)) for t in range(len(TOPICS)))


def test_singleton_is_a_story_with_one_event() -> None:
    (story,) = find_stories([article("only", 0, "2025-03-17")])
    assert story.articles == ("only",)
    assert story.id.startswith("s-")
    assert [(e.id, e.date, e.articles) for e in story.events] == [
        (f"{story.id}/e1", "2025-03-17", ("only",))
    ]


def test_derived_copy_joins_and_is_dated_to_its_origin() -> None:
    original = article("a", 0, "2025-03-17")
    repost = Article(
        id="b", source="b", text="Completely different words here.", published="2025-04-20"
    )
    relation = Relation(
        a="a", b="b", kind="copy", origin="a", score=1.0, coverage_a=1.0, coverage_b=1.0
    )
    (story,) = find_stories([original, repost], relations=[relation])
    assert [(e.date, e.articles) for e in story.events] == [("2025-03-17", ("a", "b"))]


def test_repost_weeks_later_is_dated_to_the_days_it_names() -> None:
    first = article("a", 0, "2025-03-17")  # a Monday
    late = article(
        "b", 0, "2025-04-16", extra="On Thursday the floodgate opened. On Friday it closed."
    )
    (story,) = find_stories([first, late])
    dates = {a: e.date for e in story.events for a in e.articles}
    assert dates == {"a": "2025-03-17", "b": "2025-03-14"}


def test_undated_article_takes_the_day_of_its_closest_member() -> None:
    pile = [article("a", 0, "2025-03-17"), article("b", 0, None, 1)]
    (story,) = find_stories(pile)
    assert [(e.date, e.articles) for e in story.events] == [("2025-03-17", ("a", "b"))]


def test_ids_are_stable_and_events_are_numbered_by_day() -> None:
    pile = [article("x", 1, "2025-03-20"), article("y", 1, "2025-03-17", 1)]
    (story,) = find_stories(pile)
    assert [(e.id.split("/")[-1], e.date) for e in story.events] == [
        ("e1", "2025-03-17"),
        ("e2", "2025-03-20"),
    ]
    assert story.title == "Marrowfield: vaccine"


PILE = [article(f"t{t}-{v}", t, f"2025-03-{10 + v:02d}", v) for t in range(4) for v in range(3)]


@settings(max_examples=25)
@given(st.permutations(PILE))
def test_input_order_never_changes_stories(order: list[Article]) -> None:
    assert find_stories(order) == find_stories(PILE)


@settings(max_examples=25)
@given(st.permutations(PILE))
def test_stream_gives_what_the_batch_gives(order: list[Article]) -> None:
    index = StoryIndex()
    for item in order:
        story_id = index.add(item)
        assert story_id == index.story_of(item.id)
    titles = {a.id: a.title or "" for a in PILE}
    assert stories_of(index, titles) == find_stories(PILE)


SIGN_UP = (
    "We have sent you a confirmation message. Please follow the link in it to finish "
    "signing up for the newsletter."
)


def test_a_page_template_shared_by_many_articles_never_makes_a_story() -> None:
    # Three different topics whose pages carry nothing but the same sign-up notice.
    pile = [
        Article(id=f"p{t}", source=f"p{t}", text=SIGN_UP, title=f"{TOPICS[t][0]} news")
        for t in range(3)
    ]
    assert sorted(story.articles for story in find_stories(pile)) == [("p0",), ("p1",), ("p2",)]


def test_ages_and_addresses_are_read_in_their_usual_forms() -> None:
    text = (
        "A 4-year-old boy and John Smith, 32, were shot in the 3200 block of West Congress. "
        "Police went to 1500 S. Trumbull Avenue on June 2, 2021."
    )
    assert ages_in(text) == {4, 32}
    assert addresses_in(text) == {"3200 congress", "1500 trumbull"}


def test_different_ages_or_addresses_raise_the_bar() -> None:
    base = article("a", 0, "2025-03-10")
    same = article("b", 0, "2025-03-10", 1)
    plain = link_margin(features_of(base), features_of(same))
    older = replace(same, text=same.text + " A 40-year-old man was hurt at 12 Elm Street.")
    younger = replace(base, text=base.text + " A 9-year-old girl was hurt at 80 Oak Street.")
    assert link_margin(features_of(younger), features_of(older)) < plain - 0.15
    shared = replace(base, text=base.text + " A 40-year-old man was hurt at 12 Elm Street.")
    assert link_margin(features_of(shared), features_of(older)) > plain


def test_the_bar_rises_with_the_days_between_two_articles() -> None:
    a = features_of(article("a", 0, "2025-03-10"))
    margins = [
        link_margin(a, features_of(article("b", 0, day, 1)))
        for day in ("2025-03-10", "2025-03-12", "2025-04-10", "2025-09-10")
    ]
    assert margins == sorted(margins, reverse=True)
    assert margins[0] > margins[-1]


def test_links_scored_elsewhere_give_the_stories_of_the_batch() -> None:
    # What the Spark job does: template lines counted per line, members and candidate pairs
    # scored outside the index, the joining decision left to the index.
    pile = [replace(a, text=f"{a.text}\n{SIGN_UP}") for a in PILE[:5]] + PILE[5:]
    pile += [article("u0", 0, "2025-04-20", 9), article("u1", 1, "2025-03-10", 9)]
    pile += [Article(id=f"p{t}", source="p", text=SIGN_UP, title=TOPICS[t][0]) for t in range(3)]
    relations = [
        Relation(
            a="t2-0", b="u1", kind="copy", origin="t2-0", score=0.9, coverage_a=0.9, coverage_b=0.9
        )
    ]
    counts = Counter(key for a in pile for key in line_fingerprints(a.text))
    templates = TemplateLines.known(k for k, n in counts.items() if n >= TEMPLATE_MIN_ARTICLES)
    ordered = sorted(pile, key=lambda a: a.id)
    members = {a.id: member_of(a, relations=relations, templates=templates) for a in ordered}
    kinds = {(r.a, r.b): r.kind for r in relations}
    scored = [
        (link_margin(members[b].features, members[a].features, kinds.get((a, b))), b, a, kind)
        for a, b in combinations(members, 2)
        if set(members[a].features.keys) & set(members[b].features.keys) or (a, b) in kinds
        for kind in [kinds.get((a, b))]
    ]
    index = StoryIndex()
    index.add_scored(members, scored)
    titles = {a.id: a.title or "" for a in pile}
    assert stories_of(index, titles) == find_stories(pile, relations=relations)
    assert any(len(story.articles) > 1 for story in find_stories(pile, relations=relations))
