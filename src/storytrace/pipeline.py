"""The orchestrator: one run of storytrace over a pile of articles.

Stages, in order:

1. read      files, directories, JSONL, HTML, WARC -> ``Document`` (or ``Skip``)
2. profile   count lines across the pile, so cleaning can see page furniture
             that repeats across articles of one site or of the corpus
3. clean     remove junk lines from each document, keep them in ``removed_lines``
4. describe  title, publication date, outlet, language, sentence spans -> ``Article``
5. claims    count claims as hedged intervals, quotes with speakers, entities across spellings
6. reuse     for every related pair: copy, excerpt, spun, translated, rewrite or independent,
             aligned passages, substitutions, origin
7. stories   articles about the same unfolding news, and dated events inside each story;
             same-story pairs the reuse stage did not relate are classified now (most are
             ``independent``), so ``relations`` covers every pair inside a story
8. consolidate  facts per (measure, subject) agreed / changed / conflict / single with the
             independent sources behind them, quotes checked across sources, a cited brief

Every per-article failure becomes a ``Skip`` with a reason; the run goes on. An article
that a later stage cannot handle stays in the result and is listed as skipped *by that
stage* (``Skip.stage``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import combinations
from os import PathLike
from typing import TypeVar

from storytrace.claims import Extracted, extract
from storytrace.consolidate import Consolidated, consolidate
from storytrace.errors import InputError
from storytrace.ingest.articles import build_article
from storytrace.ingest.clean import LineStats
from storytrace.ingest.sources import iter_documents
from storytrace.model import Analysis, Article, Document, Relation, Skip, Story
from storytrace.reuse import find_relations, relate_pairs
from storytrace.stories import find_stories

logger = logging.getLogger(__name__)

T = TypeVar("T")
PathArg = str | PathLike[str]
Progress = Callable[[str, int, int | None], None]
"""Called as ``progress(stage, done, total)``; ``total`` is None when unknown."""


DEFAULT_NER = "en_core_web_sm"
"""The spaCy pipeline for names (the ``models`` extra installs it); rules alone without it."""


def analyze(
    paths: Iterable[PathArg] | PathArg,
    *,
    ner: str | None = DEFAULT_NER,
    progress: Progress | None = None,
) -> Analysis:
    """Analyse every article found under ``paths``.

    Args:
        paths: files or directories (searched recursively), or one of them.
        ner: an installed spaCy pipeline for named entities, or None for rules only.
        progress: optional callback told how far each stage has got.

    Returns:
        The analysis: cleaned articles, and every input that was skipped with its reason.

    Example:
        >>> import storytrace
        >>> result = storytrace.analyze("demo/corpus")  # doctest: +SKIP
        >>> [a.id for a in result.articles]  # doctest: +SKIP
    """
    report = progress or _no_progress
    articles, skipped = read_articles(paths, progress=report)
    extracted = _extract_claims(articles, skipped, ner=ner)
    report("claims", len(articles), len(articles))
    relations, stories = _relations_and_stories(articles, extracted, skipped, report)
    consolidated = _consolidated(articles, stories, relations, extracted, skipped)
    report("consolidate", len(articles), len(articles))
    return Analysis(
        articles=tuple(articles),
        skipped=tuple(skipped),
        relations=tuple(relations),
        entities=extracted.entities,
        quotes=consolidated.quotes,
        claims=extracted.claims,
        stories=stories,
        facts=consolidated.facts,
        briefs=consolidated.briefs,
    )


def _consolidated(
    articles: list[Article],
    stories: tuple[Story, ...],
    relations: list[Relation],
    extracted: Extracted,
    skipped: list[Skip],
) -> Consolidated:
    """Stage 8; if it fails, the quotes go on unchecked and there are no facts."""
    return _guarded(
        "consolidate",
        skipped,
        Consolidated(facts=(), quotes=extracted.quotes, briefs={}),
        lambda: consolidate(
            articles=articles,
            stories=stories,
            relations=relations,
            claims=extracted.claims,
            quotes=extracted.quotes,
            entities=extracted.entities,
        ),
    )


def _relations_and_stories(
    articles: list[Article], extracted: Extracted, skipped: list[Skip], report: Progress
) -> tuple[list[Relation], tuple[Story, ...]]:
    """Stages 6-7: reuse relations, stories over them, then the same-story pairs related."""
    relations = _guarded("reuse", skipped, list[Relation](), lambda: find_relations(articles))
    report("reuse", len(articles), len(articles))
    stories = _guarded(
        "stories",
        skipped,
        tuple[Story, ...](),
        lambda: find_stories(articles, entities=extracted.entities, relations=relations),
    )
    relations = _guarded(
        "reuse",
        skipped,
        relations,
        lambda: sorted(
            relations + _story_pair_relations(articles, stories, relations),
            key=lambda relation: (relation.a, relation.b),
        ),
    )
    report("stories", len(articles), len(articles))
    return relations, stories


MAX_PAIRED_STORY_SIZE = 60
"""Stories up to this many articles get a relation for every pair (1,770 pairs at most);
past it only the reuse stage's own pairs are kept, as every pair would grow quadratically."""


def _story_pair_relations(
    articles: list[Article], stories: tuple[Story, ...], relations: list[Relation]
) -> list[Relation]:
    """Relations for the same-story pairs that the reuse stage did not return."""
    known = {(relation.a, relation.b) for relation in relations}
    missing = []
    for story in stories:
        if len(story.articles) > MAX_PAIRED_STORY_SIZE:
            logger.info(
                "story %s has %d articles: only reuse pairs related", story.id, len(story.articles)
            )
            continue
        members = sorted(story.articles)
        missing += [pair for pair in combinations(members, 2) if pair not in known]
    return relate_pairs(articles, missing) if missing else []


def read_articles(
    paths: Iterable[PathArg] | PathArg, *, progress: Progress | None = None
) -> tuple[list[Article], list[Skip]]:
    """The ingest half of a run: read, profile, clean and describe (stages 1-4).

    Returns:
        The articles, and every input skipped with its reason.
    """
    report = progress or _no_progress
    documents, skipped = _read(_as_path_list(paths), report)
    return _describe(documents, skipped, report), skipped


def _describe(documents: list[Document], skipped: list[Skip], report: Progress) -> list[Article]:
    stats = LineStats.from_documents(documents)
    articles: list[Article] = []
    for done, document in enumerate(documents, start=1):
        try:
            articles.append(build_article(document, stats=stats))
        except InputError as error:
            skipped.append(Skip(source=error.source, stage=error.stage, reason=error.reason))
        report("clean", done, len(documents))
    return articles


def _extract_claims(articles: list[Article], skipped: list[Skip], *, ner: str | None) -> Extracted:
    """The claims stage over the pile; an article it fails on is left out of it, not the run."""
    try:
        return extract(articles, ner=ner)
    except Exception:  # a bug on one article must not end the run: find it, skip it, go on
        logger.warning("claims stage failed; retrying article by article", exc_info=True)
    usable = [article for article in articles if _stage_error(article, ner, skipped) is None]
    return extract(usable, ner=ner)


def _guarded(stage: str, skipped: list[Skip], fallback: T, run: Callable[[], T]) -> T:
    """Run a pile-wide stage; if it fails, the run goes on with ``fallback`` and says so."""
    try:
        return run()
    except Exception as error:  # a bug in one stage must not lose the rest of the run
        logger.warning("%s stage failed", stage, exc_info=True)
        reason = f"{stage} stage failed: {type(error).__name__}: {error}"
        skipped.append(Skip(source="(all articles)", stage=stage, reason=reason))
        return fallback


def _stage_error(article: Article, ner: str | None, skipped: list[Skip]) -> Exception | None:
    try:
        extract([article], ner=ner)
    except Exception as error:
        reason = f"claims not extracted: {type(error).__name__}: {error}"
        skipped.append(Skip(source=article.source, stage="claims", reason=reason))
        return error
    return None


def _read(paths: list[PathArg], report: Progress) -> tuple[list[Document], list[Skip]]:
    documents: list[Document] = []
    skipped: list[Skip] = []
    for done, item in enumerate(_unique_ids(iter_documents(paths)), start=1):
        if isinstance(item, Skip):
            logger.warning("skipped %s: %s", item.source, item.reason)
            skipped.append(item)
        else:
            documents.append(item)
        report("read", done, None)
    return documents, skipped


def _unique_ids(items: Iterable[Document | Skip]) -> Iterator[Document | Skip]:
    """Give documents that share an id (`a/x.txt`, `b/x.txt`) distinct ids: `x`, `x~2`."""
    taken: set[str] = set()
    for item in items:
        if isinstance(item, Document):
            new_id, suffix = item.id, 1
            while new_id in taken:
                suffix += 1
                new_id = f"{item.id}~{suffix}"
            taken.add(new_id)
            if new_id != item.id:
                item = replace(item, id=new_id)
        yield item


def _as_path_list(paths: Iterable[PathArg] | PathArg) -> list[PathArg]:
    if isinstance(paths, str | PathLike):
        return [paths]
    return list(paths)


def _no_progress(stage: str, done: int, total: int | None) -> None:
    """The default progress callback: say nothing."""
