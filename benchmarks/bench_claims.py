"""Claims extraction throughput (sentences/s), rules only vs with the spaCy NER model.

Runs ``storytrace.claims.extract`` over a generated English news corpus (our own
fiction: counts with hedges, quotes with speakers, names in several spellings), first
with ``ner=None`` (rule-based names) and then with ``ner="en_core_web_sm"``, in the
same process, and writes ``benchmarks/results/claims.json``. Model loading is timed
apart from extraction. Run: ``.venv/bin/python -m benchmarks.bench_claims``.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import time
from collections.abc import Sequence
from pathlib import Path

from storytrace.claims import extract
from storytrace.claims._ner import load_pipeline
from storytrace.model import Article
from storytrace.text.sentences import split_sentences

RESULTS = Path(__file__).resolve().parent / "results" / "claims.json"

_PEOPLE = ["Arvo Kelemet", "Dana Ilves", "Timur Oskarov", "Mira Talbek", "Piet Varga"]
_ORGS = [
    ("Baltic River Council", "BRC"),
    ("Northern Relief Agency", "NRA"),
    ("Coastal Defence Alliance", "CDA"),
]
_PLACES = ["Orsk", "Velin", "Tarsk", "Belozar", "Kerva"]
_HEDGES = ["at least", "more than", "nearly", "about", "just over", ""]
_MEASURES = ["people were killed", "were injured", "people were arrested", "troops arrived"]
_DAYS = ["on Monday", "last week", "on Sunday", "as of midday Thursday", ""]


def _sentence(rng: random.Random) -> str:
    person = rng.choice(_PEOPLE)
    org, acronym = rng.choice(_ORGS)
    place = rng.choice(_PLACES)
    number = f"{rng.randint(2, 9000):,}"
    kinds = [
        f"{rng.choice(_HEDGES)} {number} {rng.choice(_MEASURES)} in {place} {rng.choice(_DAYS)}, "
        f"officials said.",
        f"“We will rebuild {place},” {person} told reporters {rng.choice(_DAYS)}.",
        f"The {org} ({acronym}) sent {number} engineers to {place}, according to the {acronym}.",
        f"{person.split()[-1]} said the situation in {place} was “under control”.",
        f"Dozens of residents gathered outside the town hall in {place}.",
    ]
    return " ".join(rng.choice(kinds).split())


def generate(articles: int, *, seed: int = 20261124) -> list[Article]:
    """A deterministic corpus of ``articles`` articles of 8-20 sentences each."""
    rng = random.Random(seed)
    corpus = []
    for index in range(articles):
        paragraphs = [_sentence(rng) for _ in range(rng.randint(8, 20))]
        text = "\n\n".join(paragraphs)
        sentences = tuple(split_sentences(text))
        article = Article(id=f"bench{index:05d}", source="bench", text=text, sentences=sentences)
        corpus.append(article)
    return corpus


def _run(corpus: Sequence[Article], ner: str | None) -> dict[str, object]:
    load_seconds = 0.0
    if ner is not None:
        started = time.perf_counter()
        if load_pipeline(ner) is None:
            return {"name": f"ner={ner}", "available": False}
        load_seconds = time.perf_counter() - started
    sentences = sum(len(article.sentences) for article in corpus)
    started = time.perf_counter()
    result = extract(corpus, ner=ner)
    seconds = time.perf_counter() - started
    return {
        "name": "rules only (ner=None)" if ner is None else f"spaCy NER ({ner})",
        "available": True,
        "sentences": sentences,
        "seconds": round(seconds, 3),
        "load_seconds": round(load_seconds, 3),
        "sentences_per_second": round(sentences / seconds, 1) if seconds else None,
        "claims": len(result.claims),
        "quotes": len(result.quotes),
        "entities": len(result.entities),
    }


def run_benchmark(articles: int) -> dict[str, object]:
    """Both runs side by side on one generated corpus."""
    corpus = generate(articles)
    return {
        "benchmark": "claims",
        "articles": articles,
        "machine": f"{platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}",
        "results": [_run(corpus, None), _run(corpus, "en_core_web_sm")],
    }


def format_table(report: dict[str, object]) -> str:
    """The results as a small text table."""
    lines = ["run                               sentences/s   seconds   claims  quotes  entities"]
    for item in report["results"]:  # type: ignore[attr-defined]
        if not item.get("available"):
            lines.append(f"{item['name']:<34}(not installed)")
            continue
        lines.append(
            f"{item['name']:<34}{item['sentences_per_second']:>11}   {item['seconds']:>7}"
            f"   {item['claims']:>6}  {item['quotes']:>6}  {item['entities']:>8}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and write the JSON report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    report = run_benchmark(args.articles)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(format_table(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
