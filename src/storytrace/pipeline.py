"""The orchestrator: one run of storytrace over a pile of articles.

Stages, in order:

1. read      files, directories, JSONL, HTML, WARC -> ``Document`` (or ``Skip``)
2. profile   count lines across the pile, so cleaning can see page furniture
             that repeats across articles of one site or of the corpus
3. clean     remove junk lines from each document, keep them in ``removed_lines``
4. describe  title, publication date, outlet, language, sentence spans -> ``Article``

Every per-article failure becomes a ``Skip`` with a reason; the run goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from os import PathLike

from storytrace.errors import InputError
from storytrace.ingest.articles import build_article
from storytrace.ingest.clean import LineStats
from storytrace.ingest.sources import iter_documents
from storytrace.model import Analysis, Article, Document, Skip

logger = logging.getLogger(__name__)

PathArg = str | PathLike[str]
Progress = Callable[[str, int, int | None], None]
"""Called as ``progress(stage, done, total)``; ``total`` is None when unknown."""


def analyze(paths: Iterable[PathArg] | PathArg, *, progress: Progress | None = None) -> Analysis:
    """Analyse every article found under ``paths``.

    Args:
        paths: files or directories (searched recursively), or one of them.
        progress: optional callback told how far each stage has got.

    Returns:
        The analysis: cleaned articles, and every input that was skipped with its reason.

    Example:
        >>> import storytrace
        >>> result = storytrace.analyze("demo/corpus")  # doctest: +SKIP
        >>> [a.id for a in result.articles]  # doctest: +SKIP
    """
    report = progress or _no_progress
    documents, skipped = _read(_as_path_list(paths), report)
    stats = LineStats.from_documents(documents)
    articles: list[Article] = []
    for done, document in enumerate(documents, start=1):
        try:
            articles.append(build_article(document, stats=stats))
        except InputError as error:
            skipped.append(Skip(source=error.source, stage=error.stage, reason=error.reason))
        report("clean", done, len(documents))
    return Analysis(articles=tuple(articles), skipped=tuple(skipped))


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
