"""Which claims count the same thing: a key from the claim's subject words.

The claims stage writes the subject as the article words it found ("security officials",
"individuals", "people in Almaty"). Words that only say *people* are generic and drop out
(so "people", "individuals", "residents" and no subject are one key); role heads
("officials", "officers", "personnel", "forces") drop out when a modifier stays, so
"security officials" and "security forces personnel" meet. Words are folded and a plural
``s`` is cut.
"""

from __future__ import annotations

import re

from storytrace.reuse.skeleton import fold

__all__ = ["GENERIC", "ROLE_HEADS", "subject_key"]

_GENERIC_WORDS = (
    "people persons person individuals individual residents resident inhabitants "
    "citizens others other more those total overall least some further additional "
    "victims men women unaccounted along held them the of and a an in at on by for from"
)
GENERIC = frozenset(_GENERIC_WORDS.split())
"""Words that name no particular group of people (or are filler around a subject)."""
_ROLE_HEADS_WORDS = (
    "officials official officers officer personnel forces force members staff agents"
)
ROLE_HEADS = frozenset(_ROLE_HEADS_WORDS.split())
"""Heads that a modifier makes specific ("security officers" = "security officials")."""
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _stem(word: str) -> str:
    word = fold(word).replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def subject_key(subject: str | None) -> str:
    """A key two claims share when they count the same group; ``""`` for people in general.

    Example:
        >>> subject_key("security officials") == subject_key("security forces personnel")
        True
        >>> subject_key("individuals"), subject_key(None)
        ('', '')
    """
    if not subject:
        return ""
    words = [fold(word) for word in _WORD.findall(subject)]
    content = [w for w in words if w not in GENERIC]
    specific = [w for w in content if w not in ROLE_HEADS]
    kept = specific or content
    return " ".join(sorted({_stem(word) for word in kept}))
