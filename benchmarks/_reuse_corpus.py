"""A generated news-like corpus with planted near-duplicates, spins and excerpts (bench_reuse).

Articles are sentences of English words (wordfreq's 20,000 most frequent, drawn with
Zipf weights, so common words dominate as in news), with numbers and
six capitalised "names" per article sprinkled in. Every ``PLANT_EVERY``-th article seeds a planted
derivative of one of four kinds:

* ``near``: a copy with one sentence dropped and a few words changed;
* ``light``: a copy with about 10% of its words replaced;
* ``spun``: about 35% of the non-name words replaced (names, numbers, order kept);
* ``excerpt``: the first half of the source followed by new sentences.

Deterministic for a given seed. Returns texts and the planted ``(source, copy, kind)`` triples.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from wordfreq import top_n_list

PLANT_EVERY = 4
_VOCABULARY = 20_000


@dataclass(frozen=True, slots=True)
class Corpus:
    """Texts and the planted pairs ``(i, j, kind)``, ``i`` the source."""

    texts: list[str]
    planted: list[tuple[int, int, str]]


class _Words:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        letters = "abcdefghijklmnopqrstuvwxyz"
        self.words = [w for w in top_n_list("en", _VOCABULARY) if w.isalpha()]
        fake = ["".join(rng.choices(letters, k=rng.randint(4, 8))) for _ in range(800)]
        self.cumulative = list(
            accumulate(1.0 / (rank + 1) ** 1.05 for rank in range(len(self.words)))
        )
        self.names = [w.capitalize() + "ov" for w in fake]

    def word(self) -> str:
        return self.rng.choices(self.words, cum_weights=self.cumulative)[0]

    def sentence(self, names: Sequence[str] | None = None) -> str:
        cast = names or self.rng.sample(self.names, 6)
        length = self.rng.randint(12, 30)
        out = self.rng.choices(self.words, cum_weights=self.cumulative, k=length)
        for k in range(length):
            roll = self.rng.random()
            if roll < 0.08:
                out[k] = self.rng.choice(cast)
            elif roll < 0.11:
                out[k] = str(self.rng.randint(2, 5000))
        return " ".join(out).capitalize() + "."

    def article(self) -> list[str]:
        cast = self.rng.sample(self.names, 6)  # an article names a few people and places
        return [self.sentence(cast) for _ in range(self.rng.randint(10, 30))]


def _replace(words: _Words, sentences: list[str], share: float) -> list[str]:
    out = []
    for sentence in sentences:
        tokens = sentence.split(" ")
        for k, token in enumerate(tokens):
            if token[:1].islower() and words.rng.random() < share:
                tokens[k] = words.word()
        out.append(" ".join(tokens))
    return out


def _derive(words: _Words, source: list[str], kind: str) -> list[str]:
    if kind == "near":
        dropped = list(source)
        del dropped[words.rng.randrange(len(dropped))]
        return _replace(words, dropped, 0.02)
    if kind == "light":
        return _replace(words, source, 0.10)
    if kind == "spun":
        return _replace(words, source, 0.35)
    half = source[: max(1, len(source) // 2)]
    return half + [words.sentence() for _ in range(words.rng.randint(3, 12))]


def make_corpus(n: int, seed: int = 7) -> Corpus:
    """``n`` articles, about one in ``PLANT_EVERY`` a planted derivative of an earlier one."""
    words = _Words(random.Random(seed))
    kinds = ("near", "light", "spun", "excerpt")
    sentences: list[list[str]] = []
    planted: list[tuple[int, int, str]] = []
    while len(sentences) < n:
        index = len(sentences)
        if index >= PLANT_EVERY and index % PLANT_EVERY == 0:
            source = words.rng.randrange(index)
            kind = kinds[(index // PLANT_EVERY) % len(kinds)]
            sentences.append(_derive(words, sentences[source], kind))
            planted.append((source, index, kind))
        else:
            sentences.append(words.article())
    return Corpus(texts=["\n".join(s) for s in sentences], planted=planted)
