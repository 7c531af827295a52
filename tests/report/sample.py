"""A small hand-built analysis with every record kind: reports, store, serve and browser tests.

Two stories: the coup (origin ``a1``, spun copy ``b2``, verbatim copy ``d4``, independent
``c3``; two events, a conflict on the killed count, a retracted arrest figure, an altered
quote) and a one-article weather story ``e5``.

``payload`` is appended to every free-text field and id, so the same analysis doubles as the
hostile input of the escaping tests. Spans are computed from the texts, so they stay right.
"""

from __future__ import annotations

from storytrace.model import (
    Analysis,
    Article,
    Brief,
    Cited,
    Claim,
    Entity,
    Event,
    Fact,
    Mention,
    Passage,
    Quote,
    Relation,
    Skip,
    Story,
)


def _span(text: str, snippet: str) -> tuple[int, int]:
    start = text.index(snippet)
    return (start, start + len(snippet))


def _texts(p: str) -> tuple[str, str, str]:
    origin = (
        f"Officials said 164 people were killed in the attempted coup. {p}\n"
        f'"We will restore order," said Tokayev. {p}'
    )
    spun = (
        f"Officials said 160 people were killed in the endeavored rebellion. {p}\n"
        f'"We shall restore order," said Tokajev. {p}'
    )
    return origin, spun, f"A separate report: nearly 8,000 arrested. {p}"


def _articles(p: str) -> tuple[Article, ...]:
    origin, spun, other = _texts(p)
    return (
        Article(
            id="a1" + p,
            source="a1.txt" + p,
            text=origin,
            outlet="Northwire" + p,
            title="Coup attempt" + p,
            published="2022-01-10T08:00:00",
            url=p or None,
            removed_lines=(f"Share this {p}",),
        ),
        Article(
            id="b2" + p,
            source="b2.txt",
            text=spun,
            outlet="NewsBuzz" + p,
            title="Rebellion" + p,
            published="2022-01-10T12:00:00",
            language=p or "en",
        ),
        Article(
            id="c3" + p,
            source="c3.txt",
            text=other,
            outlet="Gazette",
            title="Arrests" + p,
            published="2022-01-12",
        ),
        Article(
            id="d4" + p,
            source="d4.txt",
            text=origin,
            outlet="Northwire" + p,
            title="Copy" + p,
            published=p or "2022-01-11",
        ),
        Article(
            id="e5" + p,
            source="e5.txt",
            text=f"Rain is expected all week in the valley. {p}",
            outlet="Weatherdesk" + p,
            title="Rain" + p,
            published="2022-02-01",
        ),
    )


def _relations(p: str) -> tuple[Relation, ...]:
    origin, spun, _ = _texts(p)
    subs = (("attempted coup", "endeavored rebellion"), ("164", "160"), ("will" + p, "shall" + p))
    return (
        Relation(
            a="a1" + p,
            b="b2" + p,
            kind="spun",
            origin="a1" + p,
            score=0.8,
            coverage_a=0.9,
            coverage_b=0.9,
            passages=(
                Passage(a=(0, len(origin)), b=(0, len(spun)), similarity=0.8, substitutions=subs),
            ),
        ),
        Relation(
            a="a1" + p,
            b="d4" + p,
            kind="copy",
            origin="a1" + p,
            score=1.0,
            coverage_a=1.0,
            coverage_b=1.0,
            passages=(Passage(a=(0, len(origin)), b=(0, len(origin)), similarity=1.0),),
        ),
        Relation(
            a="a1" + p,
            b="c3" + p,
            kind="independent",
            origin=None,
            score=0.2,
            coverage_a=0.0,
            coverage_b=0.0,
        ),
    )


def _claims(p: str) -> tuple[Claim, ...]:
    origin, spun, other = _texts(p)
    killed, people = "killed" + p, "people" + p
    return (
        Claim(
            id="k1" + p,
            article="a1" + p,
            span=_span(origin, "164 people were killed"),
            text="164 people were killed",
            measure=killed,
            subject=people,
            low=164,
            high=164,
            hedge=p or None,
            attribution="officials" + p,
            as_of="2022-01-10" + p,
        ),
        Claim(
            id="k2" + p,
            article="b2" + p,
            span=_span(spun, "160 people were killed"),
            text="160 people were killed",
            measure=killed,
            subject=people,
            low=160,
            high=160,
        ),
        Claim(
            id="k3" + p,
            article="c3" + p,
            span=_span(other, "nearly 8,000 arrested"),
            text="nearly 8,000 arrested",
            measure="arrested",
            low=7500,
            high=8000,
            status="retracted",
        ),
    )


def _quotes(p: str) -> tuple[Quote, ...]:
    origin, spun, _ = _texts(p)
    return (
        Quote(
            id="q1" + p,
            article="a1" + p,
            span=_span(origin, "We will restore order,"),
            text="We will restore order," + p,
            speaker="Tokayev" + p,
            cue="said" + p,
            matches=("q2" + p,),
        ),
        Quote(
            id="q2" + p,
            article="b2" + p,
            span=_span(spun, "We shall restore order,"),
            text="We shall restore order,",
            speaker="Tokajev",
            status="altered",
            matches=("q1" + p,),
        ),
    )


def _entities(p: str) -> tuple[Entity, ...]:
    origin, spun, _ = _texts(p)
    return (
        Entity(
            id="e1" + p,
            name="Kassym-Jomart Tokayev" + p,
            type="PERSON" + p,
            aliases=("Tokayev", "Tokajev" + p),
            articles=("a1" + p, "b2" + p),
            mentions=(
                Mention(article="a1" + p, span=_span(origin, "Tokayev")),
                Mention(article="b2" + p, span=_span(spun, "Tokajev")),
            ),
        ),
    )


def _stories(p: str) -> tuple[Story, ...]:
    coup = ("a1" + p, "b2" + p, "c3" + p, "d4" + p)
    return (
        Story(
            id="s1" + p,
            title="Coup attempt" + p,
            articles=coup,
            events=(
                Event(
                    id="s1" + p + "/e1",
                    date="2022-01-10",
                    title="Coup attempt put down" + p,
                    articles=("a1" + p, "b2" + p, "d4" + p),
                ),
                Event(
                    id="s1" + p + "/e2",
                    date="2022-01-12",
                    title="Mass arrests" + p,
                    articles=("c3" + p,),
                ),
            ),
        ),
        Story(
            id="s2" + p,
            title="Rain" + p,
            articles=("e5" + p,),
            events=(Event(id="s2" + p + "/e1", date=None, title="Rain" + p, articles=("e5" + p,)),),
        ),
    )


def _facts(p: str) -> tuple[Fact, ...]:
    return (
        Fact(
            id="s1" + p + "/f1",
            story="s1" + p,
            measure="killed" + p,
            subject="people" + p,
            status="conflict",
            low=164,
            high=164,
            claims=("k1" + p, "k2" + p),
            independent_sources=1,
            reason="164 (a1) and 160 (b2) cannot both hold" + p,
        ),
        Fact(
            id="s1" + p + "/f2",
            story="s1" + p,
            measure="arrested",
            subject=None,
            status="single",
            low=None,
            high=None,
            claims=("k3" + p,),
            independent_sources=0,
            reason="withdrawn, not counted" + p,
        ),
    )


def _briefs(p: str) -> dict[str, Brief]:
    return {
        "s1" + p: Brief(
            summary=(
                Cited(
                    text="Sources conflict on the killed count" + p, articles=("a1" + p, "b2" + p)
                ),
                Cited(text="A later report of arrests was withdrawn" + p, articles=("c3" + p,)),
            ),
            timeline=(
                Cited(text="Coup attempt put down" + p, articles=("a1" + p,), date="2022-01-10"),
                Cited(text="Troops arrive" + p, articles=("d4" + p,), date="2022-01-11"),
            ),
        )
    }


def sample_analysis(payload: str = "") -> Analysis:
    """Five articles in two stories, relations, claims, facts, quotes, an entity, briefs."""
    return Analysis(
        articles=_articles(payload),
        skipped=(
            Skip(
                source="bad.png" + payload, stage="read" + payload, reason="binary file" + payload
            ),
        ),
        relations=_relations(payload),
        entities=_entities(payload),
        quotes=_quotes(payload),
        claims=_claims(payload),
        stories=_stories(payload),
        facts=_facts(payload),
        briefs=_briefs(payload),
    )
