"""Fluency of words and substitutions, from wordfreq's word frequencies.

A spinner replaces common, idiomatic words by rarer or odd synonyms ("attempted
coup" -> "endeavored rebellion", "protests" -> "fights"); a machine translation
back into English picks literal, less frequent renderings. So, over the word
swaps of an aligned pair, the side whose words are the more frequent is the
more fluent one, and the likelier original. wordfreq's Zipf scale is
``log10`` of frequency per billion words (about 7 for "the", 0 for unseen).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from wordfreq import zipf_frequency

from storytrace.text.normalise import words

__all__ = ["mean_zipf", "substitution_fluency"]

_UNSEEN = 0.0


@lru_cache(maxsize=131072)
def _zipf(word: str, language: str) -> float:
    try:
        return float(zipf_frequency(word, language))
    except (LookupError, ValueError, ImportError):  # a language wordfreq does not know
        # (ImportError: Chinese and Japanese need jieba / mecab, not installed)
        return _UNSEEN


def mean_zipf(texts: Iterable[str], language: str = "en") -> float:
    """Mean Zipf frequency of the words of ``texts`` (0.0 when there are none)."""
    values = [_zipf(text[s:e].lower(), language) for text in texts for s, e in words(text)]
    return sum(values) / len(values) if values else 0.0


def _rarest(text: str, language: str) -> float:
    values = [_zipf(text[s:e].lower(), language) for s, e in words(text)]
    return min(values) if values else _UNSEEN


def substitution_fluency(swaps: Sequence[tuple[str, str]], language: str = "en") -> float:
    """Which side of ``swaps`` reads more fluently, in [-1, 1].

    Each swap votes for the side whose rarest word is the more frequent
    ("attempted coup" beats "endeavored rebellion"); the result is the share
    of votes for the left side minus the share for the right. Positive: the
    left side is the more fluent, the likelier original.

    Example:
        >>> substitution_fluency([("attempted coup", "endeavored rebellion")])
        1.0
    """
    if not swaps:
        return 0.0
    votes = 0
    for left, right in swaps:
        a, b = _rarest(left, language), _rarest(right, language)
        votes += (a > b) - (a < b)
    return votes / len(swaps)
