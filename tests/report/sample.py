"""A small hand-built analysis with every record kind: reports, store, serve and browser tests.

``payload`` is appended to every free-text field and id, so the same analysis doubles as the
hostile input of the escaping tests. Spans are computed from the texts, so they stay right.
"""

from __future__ import annotations

from storytrace.model import (
    Analysis,
    Article,
    Claim,
    Entity,
    Mention,
    Passage,
    Quote,
    Relation,
    Skip,
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


def sample_analysis(payload: str = "") -> Analysis:
    """Four articles (origin, spun copy, verbatim copy, independent), claims, quotes, an entity."""
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
    )
