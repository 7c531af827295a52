"""Score the reuse stage on the public sets in ``../shared/eval`` (see its README).

Three sets, each with the split rule the README gives:

* **Clough-Stevenson** (``clough-stevenson/``): 95 short answers written from one of five
  Wikipedia sources by ``cut`` / ``light`` / ``heavy`` revision or ``non`` (independently).
  Each answer is compared with its source (``compare``); kinds map to three classes,
  ``copy``/``excerpt`` -> copy, ``rewrite``/``spun``/``translated`` -> rewrite,
  ``independent`` -> independent, against cut -> copy, light/heavy -> rewrite,
  non -> independent. Score: macro-F1. Dev: participants ``g0*``, ``g1*``.
* **PAN-10 paraphrase** (``pan10-paraphrase/``): sentence pairs; a pair is called a
  paraphrase when ``compare`` of two one-sentence articles is not ``independent``.
  Score: accuracy (token-overlap baseline 0.897 on test). Dev: ``pan-train*``.
* **news-story-chains** (``news-story-chains/``): 4,950 article pairs labelled same-story;
  a pair is called same-story when the reuse stage's topical fallback
  (``same_story_pairs`` over all 100 articles: cosine, margin, mutual cap) keeps it.
  Score: pair F1 (TF-IDF baseline 0.949). Split: sha1 rule on ``url_a + ";" + url_b``.

* **SemEval-2022 T8 translations** (``semeval2022-task8/``, ``training_set.csv`` = dev): the
  set's machine-translated augmentations give pairs of one article and its translation
  into another language (a ``pair_id`` side with a language suffix is the translation of
  the unsuffixed side of the same number); cross-lingual rows of two different articles
  (the set's own pairs, same story or not) are the controls that must stay
  ``independent``. Score: F1 of ``translated`` over both (``evaluate_translations``;
  not in ``evaluate_reuse``: it runs the sentence encoder and takes minutes).

Run ``storytrace evaluate reuse [--split dev|test] [--shared PATH]`` for JSON.
"""

from __future__ import annotations

import csv
import hashlib
import random
import re
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from rapidfuzz.distance import Indel

from storytrace.model import Article
from storytrace.reuse import compare
from storytrace.reuse.topical import same_story_pairs
from storytrace.text.sentences import split_sentences

__all__ = [
    "ReuseScores",
    "back_translation_kinds",
    "evaluate_clough_stevenson",
    "evaluate_pan10",
    "evaluate_reuse",
    "evaluate_story_chains",
    "evaluate_translations",
    "translation_pairs",
]

Split = Literal["dev", "test"]
SAME_TEXT_WORDS = 0.95
"""Share of the shorter text's words in order in the other that makes two SemEval-2022 T8
versions the same text (dev: the machine round trips keep at most 0.83 of them, the same
crawls given twice 0.98 or more)."""
SHARED = Path(__file__).resolve().parents[3].parent / "shared"
_CS_CLASSES = {"cut": "copy", "light": "rewrite", "heavy": "rewrite", "non": "independent"}
_KIND_CLASSES = {"copy": "copy", "excerpt": "copy", "rewrite": "rewrite", "spun": "rewrite",
                 "translated": "rewrite", "independent": "independent"}  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class ReuseScores:
    """Scores of the reuse stage on one split."""

    split: str
    clough_stevenson_macro_f1: float
    pan10_accuracy: float
    pan10_pairs: int
    story_chains_f1: float
    seconds: float


def _sha1_split(key: str) -> Split:
    return "dev" if hashlib.sha1(key.encode("utf-8")).hexdigest()[0] in "01234567" else "test"


def article(
    article_id: str, text: str, *, language: str | None = "en", whole: bool = False
) -> Article:
    """An ``Article`` built from plain text, with sentence spans (for evaluation sets).

    ``whole`` makes the text one sentence: a PAN-10 line is one unit of the set even
    when it holds two sentences.
    """
    spans = ((0, len(text)),) if whole and text else tuple(split_sentences(text))
    return Article(id=article_id, source=article_id, text=text, language=language, sentences=spans)


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def evaluate_story_chains(shared: Path = SHARED, split: Split = "dev") -> float:
    """Same-story pair F1 on news-story-chains (title + text of each article)."""
    folder = shared / "eval" / "news-story-chains"
    stem = "gedikli-business_energy_news_dataset-2021-06-29"
    with (folder / f"{stem}-article_texts.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    index = {row["url"]: i for i, row in enumerate(rows)}
    articles = [
        Article(
            id=f"a{i:03d}", source=row["url"], text=row["text"], title=row["title"], language="en"
        )
        for i, row in enumerate(rows)
    ]
    kept = {(i, j) for i, j, _ in same_story_pairs(articles)}
    tp = fp = fn = 0
    with (folder / f"{stem}.csv").open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            if _sha1_split(f"{row['url1']};{row['url2']}") != split:
                continue
            i, j = sorted((index[row["url1"]], index[row["url2"]]))
            predicted, gold = (i, j) in kept, row["relation"] == "1"
            tp, fp, fn = (
                tp + (predicted and gold),
                fp + (predicted and not gold),
                fn + (gold and not predicted),
            )
    return _f1(tp, fp, fn)


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def evaluate_clough_stevenson(shared: Path = SHARED, split: Split = "dev") -> float:
    """Macro-F1 over copy / rewrite / independent of answers compared with their source."""
    folder = shared / "eval" / "clough-stevenson"
    with (folder / "file_information.csv").open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["Category"] != "orig"]
    sources = {
        task: article("orig", _read_text(folder / f"orig_task{task}.txt")) for task in "abcde"
    }
    gold, predicted = [], []
    for row in rows:
        in_dev = row["File"][:2] in ("g0", "g1")
        if in_dev != (split == "dev"):
            continue
        answer = article(f"z-{row['File']}", _read_text(folder / row["File"]))
        gold.append(_CS_CLASSES[row["Category"]])
        predicted.append(_KIND_CLASSES[compare(sources[row["Task"]], answer).kind])
    return _macro_f1(gold, predicted)


def _macro_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    labels = sorted(set(gold))
    scores = []
    for label in labels:
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label != p for g, p in zip(gold, predicted, strict=True))
        scores.append(_f1(tp, fp, fn))
    return sum(scores) / len(scores) if scores else 0.0


def evaluate_pan10(
    shared: Path = SHARED, split: Split = "dev", *, sample: int | None = None
) -> tuple[float, int]:
    """Paraphrase accuracy on PAN-10 sentence pairs; ``sample`` pairs drawn with seed 0."""
    folder = shared / "eval" / "pan10-paraphrase"
    stem = "pan-train" if split == "dev" else "pan-test"
    left = (folder / f"{stem}_s1.txt").read_text(encoding="utf-8").splitlines()
    right = (folder / f"{stem}_s2.txt").read_text(encoding="utf-8").splitlines()
    labels = (folder / f"{stem}.labels").read_text(encoding="utf-8").split()
    indices = list(range(len(labels)))
    if sample is not None and sample < len(indices):
        indices = sorted(random.Random(0).sample(indices, sample))
    correct = 0
    for i in indices:
        relation = compare(article("a", left[i], whole=True), article("b", right[i], whole=True))
        correct += (relation.kind != "independent") == (labels[i] == "1")
    return correct / len(indices), len(indices)


def evaluate_reuse(
    shared: Path = SHARED, split: Split = "dev", *, pan_sample: int | None = None
) -> ReuseScores:
    """All three scores on one split."""
    start = time.perf_counter()
    pan, pairs = evaluate_pan10(shared, split, sample=pan_sample)
    return ReuseScores(
        split=split,
        clough_stevenson_macro_f1=round(evaluate_clough_stevenson(shared, split), 4),
        pan10_accuracy=round(pan, 4),
        pan10_pairs=pairs,
        story_chains_f1=round(evaluate_story_chains(shared, split), 4),
        seconds=round(time.perf_counter() - start, 1),
    )


Pair = tuple[str, str, str, str]
"""``(language a, language b, text a, text b)``."""


def _semeval_rows(shared: Path, split: Split) -> list[dict[str, str]]:
    name = "training_set.csv" if split == "dev" else "testing_set.csv"
    csv.field_size_limit(1 << 30)
    path = shared / "eval" / "semeval2022-task8" / name
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _versions(rows: Sequence[dict[str, str]]) -> dict[str, dict[tuple[str, str], list[str]]]:
    """Article number -> (translation suffix, language) -> its distinct texts, in file order."""
    versions: dict[str, dict[tuple[str, str], list[str]]] = defaultdict(dict)
    for row in rows:
        left, right = row["pair_id"].split("_", 1)
        sides = ((left, row["lang1"], row["text1"]), (right, row["lang2"], row["text2"]))
        for key, language, text in sides:
            number, suffix = _version_of(key)
            texts = versions[number].setdefault((suffix, language), [])
            if text.strip() not in texts:
                texts.append(text.strip())
    return versions


def translation_pairs(shared: Path = SHARED, split: Split = "dev") -> tuple[list[Pair], list[Pair]]:
    """Article/translation pairs and cross-lingual pairs of two different articles (controls)."""
    rows = _semeval_rows(shared, split)
    versions = {
        number: {key: texts[0] for key, texts in found.items()}
        for number, found in _versions(rows).items()
    }
    translations = [
        (language, other_language, text, other)
        for number in sorted(versions)
        for (suffix, language), text in sorted(versions[number].items())
        if not suffix
        for (other_suffix, other_language), other in sorted(versions[number].items())
        if other_suffix and other_language != language
    ]
    controls = [
        (row["lang1"], row["lang2"], row["text1"].strip(), row["text2"].strip())
        for row in rows
        if row["lang1"] != row["lang2"] and not re.search("[a-z]", row["pair_id"])
    ]
    return translations, controls


def _version_of(key: str) -> tuple[str, str]:
    """``"1484039360it"`` -> ``("1484039360", "it")``: the article number and translation suffix."""
    digits = key.rstrip("abcdefghijklmnopqrstuvwxyz")
    return digits, key[len(digits) :]


def back_translation_kinds(shared: Path = SHARED, split: Split = "dev") -> dict[str, int]:
    """How ``compare`` calls the set's same-language back-translations (an article given
    twice with different text, the second machine-translated there and back): counts of
    each kind. They should be ``translated``; spinning looks alike on the surface.

    Some of the set's unsuffixed repeats are the same crawl twice (the same words with other
    line breaks, or one cut short), not a round trip: those are counted apart, as
    ``"(same text)"``, whatever ``compare`` says (dev: 18 of 94; test: 16 of 79).
    """
    counts: dict[str, int] = defaultdict(int)
    for found in _versions(_semeval_rows(shared, split)).values():
        for (suffix, language), texts in sorted(found.items()):
            if suffix or len(texts) < 2:
                continue
            if _same_words(texts[0], texts[1]):
                counts["(same text)"] += 1
                continue
            pair = (
                article("a", texts[0], language=language),
                article("b", texts[1], language=language),
            )
            counts[compare(*pair).kind] += 1
    return dict(sorted(counts.items()))


def _same_words(a: str, b: str) -> bool:
    """Nearly every word of the shorter text found in order in the longer one (the same
    crawl with other spacing, or cut short), not a rewording."""
    left, right = a.split(), b.split()
    shorter = min(len(left), len(right))
    if not shorter:
        return False
    common = (len(left) + len(right) - Indel.distance(left, right)) / 2
    return common / shorter >= SAME_TEXT_WORDS


def evaluate_translations(
    shared: Path = SHARED, split: Split = "dev", *, sample: int | None = None
) -> dict[str, float]:
    """F1 of ``translated`` on SemEval-2022 T8 translations vs cross-lingual controls.

    ``sample``: at most this many pairs of each group (the first ones, in a fixed order).
    """
    translations, controls = translation_pairs(shared, split)
    translations, controls = translations[:sample], controls[:sample]
    tp = fn = fp = 0
    for group, pairs in ((True, translations), (False, controls)):
        for language, other_language, text, other in pairs:
            kind = compare(
                article("a", text, language=language), article("b", other, language=other_language)
            ).kind
            tp, fn, fp = (
                tp + (group and kind == "translated"),
                fn + (group and kind != "translated"),
                fp + (not group and kind != "independent"),
            )
    return {
        "translated_f1": round(_f1(tp, fp, fn), 4),
        "translations": len(translations),
        "controls": len(controls),
        "controls_called_reuse": fp,
    }
