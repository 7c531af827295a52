"""Text normalisation for comparing passages across sources, and word spans.

``normalise`` folds away what copies of one article change without changing
the words: Unicode compatibility forms (NFKC), typographic quotes and dashes,
letter case (``str.casefold``) and runs of whitespace. It is idempotent.
``words`` gives word spans into the original text, so matches found on words
point back into ``Article.text``.
"""

from __future__ import annotations

import re
import unicodedata

from storytrace.model import Span

__all__ = ["normalise", "words"]

# Typographic quotes and dashes as news sites and spinners vary them; folded to ASCII.
_FOLD = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′‹›`´", "'"),
        **dict.fromkeys("“”„‟″«»", '"'),
        **dict.fromkeys("‐‑‒–—―−⁃", "-"),
    }
)
_SPACES = re.compile(r"\s+")
# A word: letters/digits, joined through inner apostrophes, hyphens, stops and
# commas so that "d’etat", "ex-Soviet", "1.5" and "8,000" stay whole. CJK runs
# without spaces come out as one word (no segmenter in the light core).
_WORD = re.compile(r"\w+(?:['’\-.,]\w+)*")
# NFKC and case folding do not commute for a few characters; a couple of
# rounds reach the fixed point (measured: never more than two on hypothesis text).
_MAX_ROUNDS = 4


def normalise(text: str) -> str:
    """Fold ``text`` for comparison: NFKC, ASCII quotes/dashes, case-folded, spaces collapsed.

    Example:
        >>> normalise("  “Coup d’État” —  ＡＢＣ\\n")
        '"coup d\\'état" - abc'
    """
    current = text
    for _ in range(_MAX_ROUNDS):
        folded = _fold_once(current)
        if folded == current:
            break
        current = folded
    return current


def _fold_once(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).translate(_FOLD).casefold()
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", folded)).strip()


def words(text: str) -> list[Span]:
    """Word spans ``(start, end)`` into ``text``, in order.

    Example:
        >>> text = "Kazakhstan’s 1.5 million ex-Soviet"
        >>> [text[s:e] for s, e in words(text)]
        ['Kazakhstan’s', '1.5', 'million', 'ex-Soviet']
    """
    return [match.span() for match in _WORD.finditer(text)]
