"""Score junk-line removal against hand-labelled lines.

The labels live in ``quality/annotations/`` without any text: one row per line,
``set, doc, line, sha1 of the stripped line, label`` (see ``CLEANING.md`` there).
The texts are read from ``shared`` at run time; the line profile is built over the
whole corpus each article belongs to (all of kz2022; all GVA documents of the
split), so repetition statistics are realistic.
"""

from __future__ import annotations

import csv
import hashlib
import json
import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storytrace.ingest.clean import Cleaned, LineModel, LineStats, clean_document
from storytrace.model import Document

logger = logging.getLogger(__name__)

ANNOTATIONS = Path(__file__).resolve().parents[3] / "quality" / "annotations"
"""Where the label files live (the repository's ``quality/annotations``)."""
LABEL_FILES = {"dev": "cleaning-lines.tsv", "test": "cleaning-lines-test.tsv"}
"""Each split's current label file; ``cleaning-lines-test-v1.tsv`` keeps the test labels as
first written (2026-11-23), before their re-audit (see ``CLEANING.md``)."""
KZ_DIR = Path("corpus") / "kz2022"
GVA_FILE = Path("eval") / "gva" / "documents.jsonl"
_WAYBACK_PREFIX = "/web/"


@dataclass(frozen=True, slots=True)
class LineError:
    """One misclassified labelled line (no text: the doc key, line number and label)."""

    doc: str
    line: int
    label: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CleaningScore:
    """How well cleaning separated junk from content on labelled lines.

    Attributes:
        junk_recall: share of junk lines that were removed.
        content_loss: share of content lines that were removed.
        junk_lines: labelled junk lines found in the texts.
        content_lines: labelled content lines found in the texts.
        missing: labelled lines whose text no longer matched (sha1 differs).
        errors: every kept junk line and removed content line.
    """

    junk_recall: float
    content_loss: float
    junk_lines: int
    content_lines: int
    missing: int = 0
    errors: tuple[LineError, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (errors as ``[doc, line, label]`` triples)."""
        return {
            "junk_recall": self.junk_recall,
            "content_loss": self.content_loss,
            "junk_lines": self.junk_lines,
            "content_lines": self.content_lines,
            "missing": self.missing,
            "errors": [[error.doc, error.line, error.label] for error in self.errors],
        }


def sha1_line(line: str) -> str:
    """The annotation key of a line: sha1 of the stripped line, UTF-8."""
    return hashlib.sha1(line.strip().encode("utf-8")).hexdigest()


def split_of(key: str) -> str:
    """The eval README's split rule."""
    return "dev" if hashlib.sha1(key.encode("utf-8")).hexdigest()[0] in "01234567" else "test"


def read_labels(
    split: str, *, label_file: str | None = None
) -> dict[tuple[str, str], dict[int, tuple[str, str]]]:
    """``(set, doc) -> {line number: (sha1, label)}`` for one split's label file.

    ``label_file`` (a file name in ``ANNOTATIONS``) replaces the split's current one.
    """
    labels: dict[tuple[str, str], dict[int, tuple[str, str]]] = defaultdict(dict)
    path = ANNOTATIONS / (label_file or LABEL_FILES[split])
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            key = (row["set"], row["doc"])
            labels[key][int(row["line"])] = (row["sha1"], row["label"])
    return labels


def kz_documents(shared: Path) -> list[Document]:
    """The five kz2022 files as plain-text documents."""
    folder = shared / KZ_DIR
    return [
        Document(id=path.name, source=str(path), format="text", text=path.read_text("utf-8"))
        for path in sorted(folder.glob("*.txt"))
    ]


def _original_url(uri: str) -> str:
    _head, sep, tail = uri.partition(_WAYBACK_PREFIX)
    return tail.split("/", 1)[1] if sep and "/" in tail else uri


def gva_documents(shared: Path, split: str) -> list[Document]:
    """GVA documents of one split, one per distinct id, in file order."""
    seen: set[str] = set()
    documents: list[Document] = []
    for record in _jsonl(shared / GVA_FILE):
        if record["id"] in seen or split_of(str(record["incident_folder"])) != split:
            continue
        seen.add(record["id"])
        documents.append(
            Document(
                id=record["id"],
                source=f"{GVA_FILE}#{record['id']}",
                format="jsonl",
                text=record["content"] or "",
                url=_original_url(record["uri"]),
                title=record.get("title"),
            )
        )
    return documents


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


@dataclass(frozen=True, slots=True)
class LabelledDocument:
    """A document with hand labels, and the line profile of the corpus it belongs to.

    Attributes:
        set_name: ``"kz2022"`` or ``"gva"``.
        document: the document.
        stats: line profile of its whole corpus (all kz2022; all GVA documents of the split).
        labels: ``{line number: (sha1, label)}``.
    """

    set_name: str
    document: Document
    stats: LineStats
    labels: dict[int, tuple[str, str]]


Cleaner = Callable[[Document, LineStats], Cleaned]
"""Cleans one document with its corpus's line profile."""


def labelled_documents(
    shared: Path, split: str, *, label_file: str | None = None
) -> list[LabelledDocument]:
    """Every labelled document of a split, in corpus and file order."""
    labels = read_labels(split, label_file=label_file)
    corpora = {"gva": gva_documents(shared, split)}
    if any(set_name == "kz2022" for set_name, _ in labels):
        corpora["kz2022"] = kz_documents(shared)
    found: list[LabelledDocument] = []
    for set_name, documents in corpora.items():
        stats = LineStats.from_documents(documents)
        for document in documents:
            doc_labels = labels.get((set_name, document.id))
            if doc_labels:
                found.append(LabelledDocument(set_name, document, stats, doc_labels))
    return found


def score_documents(items: Iterable[LabelledDocument], clean: Cleaner) -> CleaningScore:
    """Clean each labelled document with ``clean`` and score its lines."""
    tally: Counter[str] = Counter()
    errors: list[LineError] = []
    for item in items:
        cleaned = clean(item.document, item.stats)
        _score_document(item.document, cleaned, item.labels, tally, errors)
    return _score(tally, errors)


def evaluate_cleaning(
    shared: Path,
    *,
    split: str = "dev",
    model: LineModel | None = None,
    rules_only: bool = False,
    label_file: str | None = None,
) -> CleaningScore:
    """Clean the labelled documents and score their lines.

    Args:
        shared: the ``../shared`` folder (corpus and eval data).
        split: ``"dev"`` (kz2022 + GVA dev; for tuning and the gate) or ``"test"`` (GVA test).
        model: the line model to clean with; ``None``: the shipped one.
        rules_only: score the hand rules alone (the baseline).
        label_file: another label file of the split (e.g. ``cleaning-lines-test-v1.tsv``).

    Returns:
        Junk recall, content loss, counts and the misclassified lines. A page that cleaning
        empties (``build_article`` skips it) has all its lines removed, so they count so.
    """

    def clean(document: Document, stats: LineStats) -> Cleaned:
        return clean_document(document, stats=stats, model=model, rules_only=rules_only)

    return score_documents(labelled_documents(shared, split, label_file=label_file), clean)


def _score_document(
    document: Document,
    cleaned: Cleaned,
    doc_labels: dict[int, tuple[str, str]],
    tally: Counter[str],
    errors: list[LineError],
) -> None:
    removed = Counter(cleaned.removed_lines)
    lines = document.text.split("\n")
    for number, (digest, label) in sorted(doc_labels.items()):
        line = lines[number - 1].strip() if number <= len(lines) else ""
        if sha1_line(line) != digest:
            tally["missing"] += 1
            continue
        was_removed = removed[line] > 0
        if was_removed:
            removed[line] -= 1
        tally[f"{label}:{'removed' if was_removed else 'kept'}"] += 1
        if was_removed != (label == "junk"):
            errors.append(LineError(document.id, number, label))


def _score(tally: Counter[str], errors: list[LineError]) -> CleaningScore:
    junk = tally["junk:removed"] + tally["junk:kept"]
    content = tally["content:removed"] + tally["content:kept"]
    return CleaningScore(
        junk_recall=tally["junk:removed"] / junk if junk else 1.0,
        content_loss=tally["content:removed"] / content if content else 0.0,
        junk_lines=junk,
        content_lines=content,
        missing=tally["missing"],
        errors=tuple(errors),
    )
