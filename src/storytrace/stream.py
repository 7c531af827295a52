"""Streaming, incremental analysis into a store: texts are held a batch at a time, never the pile.

``analyze_into`` runs the same stages as ``pipeline.analyze`` but keeps the pile in the
store (``storytrace.store.Store``) instead of in memory, and adds to what the store holds:

1. profile   a first pass over the inputs counts lines (``LineStats``), nothing else kept;
2. batches   a second pass reads, cleans and describes ``batch`` articles at a time, runs the
             claims stage on them, and writes articles, claims, quotes and entities (merged
             with the stored ones by id) and two compact MinHash signatures per article
             (word 3-shingles and name/number skeleton, 1 KB each) to the store;
3. candidates  LSH over the signatures of *every* stored article, read from the store (never
             recomputed), bounded as the reuse stage bounds them (``reuse.candidates``);
4. verify    pairs the store has no relation for yet (new x old, new x new) are aligned,
             loading only the texts of the pairs in hand;
5. stories   the story index over the stored articles, streamed by id; same-story pairs
             without a relation are verified as in ``pipeline`` (stories up to 60 articles);
6. consolidate  facts, quote checks and briefs for the stories whose membership changed or
             that hold an article of this run, a group of stories at a time.

What still grows with the pile is compact: 2 KB of signatures per article while candidates
are drawn, each article's story features (a term vector) while stories are drawn, the
relation keys, and the line counts of this run's inputs (``LineStats``; furniture is
profiled over the inputs of one run, not over what earlier runs stored).

The relations kept are exactly those of steps 3 and 5 over the whole store, so adding a
corpus in two halves leaves the same relations and stories as adding it at once (tested).
What differs from ``pipeline.analyze``: the reuse candidates here are the LSH generators
only; same-story pairs come from the stories stage (``find_relations(same_story=False)``
documents the same choice), and the claims stage's entities are clustered per batch and
merged by id, so two spellings met only in different batches stay two entities.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import combinations

import numpy as np
import numpy.typing as npt

from storytrace.consolidate import consolidate
from storytrace.errors import InputError
from storytrace.ingest.articles import build_article
from storytrace.ingest.clean import LineStats
from storytrace.ingest.sources import iter_documents
from storytrace.model import (
    Analysis,
    Article,
    Brief,
    Document,
    Entity,
    Fact,
    Relation,
    Skip,
    Story,
)
from storytrace.pipeline import (
    DEFAULT_NER,
    MAX_PAIRED_STORY_SIZE,
    PathArg,
    Progress,
    _as_path_list,
    _extract_claims,
    _no_progress,
    _unique_ids,
)
from storytrace.reuse import relate_pairs
from storytrace.reuse.candidates import (
    LSH_THRESHOLD,
    SKELETON_BOUND,
    SKELETON_WORDS,
    WORD_BOUND,
    text_signatures,
)
from storytrace.reuse.lsh import candidate_pairs
from storytrace.reuse.minhash import NUM_PERM, band_keys, bands_for
from storytrace.reuse.prune import Bound, agreement, prune
from storytrace.reuse.skeleton import skeleton_text
from storytrace.store import Store
from storytrace.stories import StoryIndex, stories_of

__all__ = ["BATCH", "SIGNATURES", "StreamRun", "analyze_into", "reuse_pairs", "run_analysis"]

logger = logging.getLogger(__name__)

BATCH = 500
"""Articles per batch: the claims stage and the store writes see this many at a time."""
VERIFY_BATCH = 2000
"""Pairs verified per chunk: only their articles' texts are loaded."""


@dataclass(frozen=True, slots=True)
class _Signature:
    """One kind of per-article MinHash kept in the store, and how it is made."""

    kind: str
    words: int
    bound: Bound
    of_text: Callable[[str], str]

    @property
    def params(self) -> dict[str, int | str]:
        return {"words": self.words, "num_perm": NUM_PERM, "scheme": "oph-rotation"}

    def compute(self, texts: Sequence[str]) -> npt.NDArray[np.uint64]:
        return text_signatures([self.of_text(t) for t in texts], words=self.words)


def _same(text: str) -> str:
    return text


SIGNATURES = (
    _Signature(f"minhash/words3/{NUM_PERM}", 3, WORD_BOUND, _same),
    _Signature(f"minhash/skeleton{SKELETON_WORDS}/{NUM_PERM}", SKELETON_WORDS, SKELETON_BOUND,
               skeleton_text),
)  # fmt: skip
"""The signatures the reuse candidates need: word shingles (copies, excerpts) and the
skeleton of names and numbers (spun copies), as ``reuse.candidates.reuse_candidates``."""


@dataclass(slots=True)
class StreamRun:
    """What one ``analyze_into`` call did."""

    run: int
    articles: list[str] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    verified: int = 0
    dropped: int = 0
    stories: Sequence[Story] = ()
    changed: list[str] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    briefs: dict[str, Brief] = field(default_factory=dict)


def analyze_into(
    store: Store,
    paths: Iterable[PathArg] | PathArg,
    *,
    ner: str | None = DEFAULT_NER,
    batch: int = BATCH,
    progress: Progress | None = None,
) -> StreamRun:
    """Analyse the articles under ``paths`` into ``store``, matching them against it.

    Args:
        store: an open store; what it holds is matched, kept and updated.
        paths: files or directories of articles, or one of them.
        ner: an installed spaCy pipeline for named entities, or None for rules only.
        batch: articles per batch (memory grows with it, not with the pile).
        progress: optional callback told how far each stage has got.

    Returns:
        The run: its id, the article ids added, skips, pairs verified, stories.

    Example:
        >>> with Store.open("news.db") as store:  # doctest: +SKIP
        ...     run = analyze_into(store, "today/")
    """
    report = progress or _no_progress
    inputs = [str(path) for path in _as_path_list(paths)]
    result = StreamRun(run=store.begin_run(inputs))
    _ingest(store, _as_path_list(paths), result, ner=ner, batch=batch, report=report)
    _add_missing_signatures(store)
    pairs = reuse_pairs(store)
    report("candidates", len(pairs), len(pairs))
    result.verified += _verify_missing(
        store, pairs, lambda done, total: report("verify", done, total)
    )
    stories = _stories(store)
    report("stories", len(stories), len(stories))
    story_pairs = _story_pairs(stories)
    result.verified += _verify_missing(
        store, story_pairs, lambda done, total: report("story pairs", done, total)
    )
    result.dropped = _drop_stale(store, pairs | story_pairs)
    _consolidate_changed(store, stories, result, report)
    store.finish_run(result.run, articles=len(result.articles), skipped=len(result.skipped))
    return result


# -- 1-2: read in two passes, batches into the store ---------------------------------------


def _ingest(
    store: Store,
    paths: list[PathArg],
    result: StreamRun,
    *,
    ner: str | None,
    batch: int,
    report: Progress,
) -> None:
    stats = LineStats()
    for item in _unique_ids(iter_documents(paths)):
        if isinstance(item, Document):
            stats.add(item)
    chunk: list[Article] = []
    for done, item in enumerate(_unique_ids(iter_documents(paths)), start=1):
        article = _describe(item, stats, result.skipped)
        if article is not None:
            chunk.append(article)
        if len(chunk) >= batch:
            _add_chunk(store, chunk, result, ner=ner)
            chunk = []
        report("read", done, None)
    if chunk:
        _add_chunk(store, chunk, result, ner=ner)
    if result.skipped:
        store.add_batch(Analysis(skipped=tuple(result.skipped)), result.run)


def _describe(item: Document | Skip, stats: LineStats, skipped: list[Skip]) -> Article | None:
    if isinstance(item, Skip):
        logger.warning("skipped %s: %s", item.source, item.reason)
        skipped.append(item)
        return None
    try:
        return build_article(item, stats=stats)
    except InputError as error:
        skipped.append(Skip(source=error.source, stage=error.stage, reason=error.reason))
        return None


def _add_chunk(store: Store, chunk: list[Article], result: StreamRun, *, ner: str | None) -> None:
    """Claims for one batch, then the batch and its signatures into the store."""
    extracted = _extract_claims(chunk, result.skipped, ner=ner)
    store.add_batch(
        Analysis(
            articles=tuple(chunk),
            claims=extracted.claims,
            quotes=extracted.quotes,
            entities=extracted.entities,
        ),
        result.run,
    )
    _put_signatures(store, chunk)
    result.articles += [article.id for article in chunk]


def _put_signatures(store: Store, articles: Sequence[Article]) -> None:
    texts = [article.text for article in articles]
    for signature in SIGNATURES:
        matrix = signature.compute(texts)
        items = ((a.id, row.tobytes()) for a, row in zip(articles, matrix, strict=True))
        store.put_signatures(signature.kind, items, params=signature.params)


def _add_missing_signatures(store: Store) -> None:
    """Signatures for stored articles that have none of the current kind (a store filled
    by ``add_analysis``, or by another signature layout): computed once, then kept."""
    have = [_current_ids(store, signature.kind) for signature in SIGNATURES]
    missing = [i for i in store.article_ids() if not all(i in ids for ids in have)]
    for start in range(0, len(missing), BATCH):
        _put_signatures(store, store.articles_by_id(missing[start : start + BATCH]))


def _current_ids(store: Store, kind: str) -> set[str]:
    params = next(s.params for s in SIGNATURES if s.kind == kind)
    return {article for article, _, kept in store.signatures(kind) if kept == params}


# -- 3-4: candidates over the kept signatures, verification of pairs without a relation ------


def reuse_pairs(store: Store) -> set[tuple[str, str]]:
    """Reuse candidate id pairs ``(a, b)``, ``a < b``, over every article the store holds,
    from its kept signatures (``SIGNATURES``), bounded as ``reuse.candidates`` bounds them."""
    found: set[tuple[str, str]] = set()
    for signature in SIGNATURES:
        ids, matrix = _signature_matrix(store, signature.kind)
        for i, j in _bounded_pairs(matrix, signature.bound).tolist():
            found.add((ids[i], ids[j]))
    return found


def _signature_matrix(store: Store, kind: str) -> tuple[list[str], npt.NDArray[np.uint64]]:
    ids: list[str] = []
    rows: list[npt.NDArray[np.uint64]] = []
    for article, blob, _ in store.signatures(kind):
        ids.append(article)
        rows.append(np.frombuffer(blob, dtype=np.uint64))
    matrix = np.stack(rows) if rows else np.zeros((0, NUM_PERM), dtype=np.uint64)
    return ids, matrix


def _bounded_pairs(matrix: npt.NDArray[np.uint64], bound: Bound) -> npt.NDArray[np.int64]:
    """``reuse.candidates.bounded_pairs`` from signatures instead of texts."""
    pairs = candidate_pairs(band_keys(matrix, *bands_for(LSH_THRESHOLD)))
    return prune(pairs, agreement(matrix, pairs), len(matrix), bound)


def _verify_missing(
    store: Store, pairs: set[tuple[str, str]], report: Callable[[int, int], None]
) -> int:
    """Relate the pairs the store has no relation for, a chunk of texts at a time."""
    known = {(r.a, r.b) for r in store.relation_heads()}
    todo = sorted(pair for pair in pairs if pair not in known)
    for start in range(0, len(todo), VERIFY_BATCH):
        chunk = todo[start : start + VERIFY_BATCH]
        articles = store.articles_by_id(sorted({i for pair in chunk for i in pair}))
        store.add_relations(relate_pairs(articles, chunk))
        report(start + len(chunk), len(todo))
    report(len(todo), len(todo))
    return len(todo)


def _drop_stale(store: Store, wanted: set[tuple[str, str]]) -> int:
    """Delete kept relations no generator asks for any more (the pile around them grew)."""
    stale = [(r.a, r.b) for r in store.relation_heads() if (r.a, r.b) not in wanted]
    store.drop_relations(stale)
    return len(stale)


# -- 5: stories over the stored articles ----------------------------------------------------


def _stories(store: Store) -> tuple[Story, ...]:
    """The stories stage over every stored article, streamed by id (texts not kept; of the
    entities only their ids per article are read)."""
    entities = store.entity_ids_by_article()
    relations: dict[str, list[Relation]] = defaultdict(list)
    for relation in store.relation_heads():
        relations[relation.a].append(relation)
        relations[relation.b].append(relation)
    index = StoryIndex()
    titles: dict[str, str] = {}
    for article in store.iter_articles():
        names = [
            Entity(id=name, name=name, type="", articles=(article.id,))
            for name in entities.get(article.id, ())
        ]  # the index reads an entity's id and articles only
        index.add(article, entities=names, relations=relations.get(article.id, ()))
        titles[article.id] = article.title or ""
    return stories_of(index, titles)


def _story_pairs(stories: Sequence[Story]) -> set[tuple[str, str]]:
    """Every pair inside each story of up to ``MAX_PAIRED_STORY_SIZE`` articles."""
    pairs: set[tuple[str, str]] = set()
    for story in stories:
        if len(story.articles) <= MAX_PAIRED_STORY_SIZE:
            pairs.update(combinations(sorted(story.articles), 2))
    return pairs


# -- 6: consolidation of the stories that changed ------------------------------------------


def _consolidate_changed(
    store: Store, stories: Sequence[Story], result: StreamRun, report: Progress
) -> None:
    """Consolidate the stories whose membership is new since the last run (a story's id is a
    hash of its members) or that hold an article this run (re-)added; the others keep what
    the store holds."""
    before = store.story_members()
    added = set(result.articles)
    result.stories = stories
    changed = [s for s in stories if s.id not in before or not added.isdisjoint(s.articles)]
    done = 0
    for group in _story_groups(changed):
        held = store.analysis_of([a for story in group for a in story.articles])
        found = consolidate(
            articles=held.articles,
            stories=group,
            relations=held.relations,
            claims=held.claims,
            quotes=held.quotes,
            entities=held.entities,
        )
        store.add_batch(
            Analysis(
                stories=tuple(group),
                relations=held.relations,  # the story list counts independent sources by them
                quotes=found.quotes,
                facts=found.facts,
                briefs=found.briefs,
            ),
            result.run,
        )
        result.facts += found.facts
        result.briefs.update(found.briefs)
        done += len(group)
        report("consolidate", done, len(changed))
    result.changed = [story.id for story in changed]


def _story_groups(stories: Sequence[Story]) -> Iterable[list[Story]]:
    """Stories in groups of about ``BATCH`` articles: one store read and one ``consolidate``
    call per group (a story is never split; consolidation works story by story)."""
    group: list[Story] = []
    size = 0
    for story in stories:
        group.append(story)
        size += len(story.articles)
        if size >= BATCH:
            yield group
            group, size = [], 0
    if group:
        yield group


def run_analysis(store: Store, result: StreamRun) -> Analysis:
    """The stories this run changed or added to, as an ``Analysis`` read back from the store
    (articles, relations, claims, checked quotes, entities) with their facts and briefs."""
    chosen = [story for story in result.stories if story.id in set(result.changed)]
    held = store.analysis_of(sorted({a for story in chosen for a in story.articles}))
    return replace(
        held,
        skipped=tuple(result.skipped),
        stories=tuple(chosen),
        facts=tuple(result.facts),
        briefs=dict(result.briefs),
    )
