"""Same-story pairs by topic: a round-up that tells one story among others is still paired."""

from __future__ import annotations

from storytrace.model import Article
from storytrace.reuse.classify import Features, decide_kind
from storytrace.reuse.topical import SAME_STORY_COSINE, cosine, same_story_pairs, tfidf_vectors
from storytrace.text.sentences import split_sentences

STORY = (
    "Lumeno Power will build a 300 MW tidal array off the coast of Vestmark. "
    "The Vestmark tidal array is due to start exporting power in 2027. "
    "Lumeno Power chief executive Ada Korvin said the turbines come from Halvard Marine. "
    "Halvard Marine will assemble the turbines at its yard in Skelby. "
    "The regulator in Vestmark approved the tidal lease last week. "
    "Korvin said the array would supply 200,000 homes."
)
STORY_MORE = (
    " Environmental groups in Vestmark asked for a survey of seal colonies near the site."
    " Fishing crews fear the cables will close their grounds for two seasons."
    " The harbour of Grenlo will host the maintenance vessels."
    " Local councillors welcomed the jobs but want a community fund."
)
_SYLLABLES = ("bra", "kel", "mon", "tor", "vis", "dun", "sal", "rik", "fen", "lor", "gat", "pim")


def _name(k: int) -> str:
    return (
        _SYLLABLES[k % 12] + _SYLLABLES[(k * 5 + 3) % 12] + _SYLLABLES[(k * 7 + 1) % 12]
    ).title()


def _other_story(k: int) -> str:
    """Three sentences of another (invented) story, its own names and figures."""
    firm, town, person = _name(3 * k), _name(3 * k + 1), _name(3 * k + 2)
    return (
        f"{firm} opened a {20 + k} MW plant near {town} on Tuesday. "
        f"{person}, who runs {firm}, said {town} had waited {k + 2} years for it. "
        f"Traders expect {firm} shares to react when markets open. "
    )


def _article(article_id: str, text: str, title: str) -> Article:
    return Article(
        id=article_id, source=article_id, text=text, title=title, language="en",
        sentences=tuple(split_sentences(text)),
    )  # fmt: skip


def test_a_round_up_is_paired_with_the_story_it_contains() -> None:
    others = [_other_story(k) for k in range(120)]
    brief = "".join(others[:60]) + STORY + " " + "".join(others[60:])
    articles = [
        _article("story", STORY + STORY_MORE, "Lumeno to build Vestmark tidal array"),
        _article("brief", brief, "Morning brief: energy and markets"),
        _article("other", others[0] + others[1], f"{_name(0)} opens plant"),
    ]
    story, brief_vector, _ = tfidf_vectors(articles)
    assert cosine(story, brief_vector) < SAME_STORY_COSINE  # the whole brief is far off
    pairs = {(i, j) for i, j, _ in same_story_pairs(articles)}
    assert (0, 1) in pairs


def test_a_shared_part_mixing_verbatim_and_reworded_sentences_is_a_rewrite() -> None:
    mixed = Features(
        coverage_a=0.9, coverage_b=0.9, exact_a=0.4, exact_b=0.45, aligned=12, exact=5,
        exact_run=3, spun=2, in_order=12, cross_lingual=False, mean_similarity=0.8,
    )  # fmt: skip
    verbatim = Features(
        coverage_a=0.9, coverage_b=0.45, exact_a=0.85, exact_b=0.4, aligned=8, exact=8,
        exact_run=8, spun=0, in_order=8, cross_lingual=False, mean_similarity=1.0,
    )  # fmt: skip
    assert decide_kind(mixed) == "rewrite"
    assert decide_kind(verbatim) == "excerpt"
