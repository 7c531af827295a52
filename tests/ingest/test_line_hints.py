"""The cheap hint checks in front of the furniture and social patterns never hide a match."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storytrace.ingest._line_features import (
    _FURNITURE,
    _FURNITURE_HINTS,
    _SOCIAL,
    _SOCIAL_HINTS,
    _may_hold,
)

# Pieces of what the two patterns match, in mixed case, between ordinary words.
PIECES = [
    "Advertisement", "SPONSORED", "Promoted", "Newsletters", "Unsubscribe", "Signed up",
    "sign in", "Log out", "login", "Register now", "Cookies", "Privacy notice", "Terms of use",
    "terms and conditions", "All rights reserved", "Copyright", "Powered by", "Skip to",
    "Leave a reply", "Comments are closed", "Post a comment", "Required fields",
    "will not be published", "Scroll down", "Click here", "Tap here", "Share via", "E-mail this",
    "email to a friend", "Send this", "CAPTCHA", "Enter the code", "Developing story",
    "Check back", "Refresh this page", "Download our app", "Page will be updated",
    "keep you posted", "bring you much more updates", "have more on this", "Tune in",
    "Breaking news alerts", "Push notifications are only", "Your notification", "your inbox",
    "Save my name", "next time I comment", "5 min read", "12 minutes read", "By admin",
    "Translated automatically", "machine-translated", "Enable JavaScript", "Select one",
    "Publisher logo", "Are you a subscriber", "Already a subscriber", "Continue reading",
    "Werbung", "Anzeige", "Mehr lesen", "Lesen Sie auch", "Publicite", "Lire aussi",
    "Voir aussi", "Publicidad", "Leer mas", "Ver tambien", "Facebook", "TWITTER", "Instagram",
    "YouTube", "WhatsApp", "Pinterest", "LinkedIn", "TikTok", "Apps", "Android", "iPhone",
    "iPad", "RSS", "E-mail",
]  # fmt: skip
WORDS = ["the", "river", "Council", "said", "2021", "-", ":", "|", "up", "in", "a", "to"]
LINE = st.lists(st.sampled_from(PIECES + WORDS), min_size=1, max_size=8).map(" ".join)


@given(LINE)
def test_every_match_on_an_ascii_line_holds_a_hint(line: str) -> None:
    lowered = line.lower()
    if _FURNITURE.search(line):
        assert _may_hold(lowered, _FURNITURE_HINTS)
    if _SOCIAL.search(line):
        assert _may_hold(lowered, _SOCIAL_HINTS)


def test_every_piece_matches_and_holds_a_hint() -> None:
    for piece in PIECES:
        pattern, hints = (_FURNITURE, _FURNITURE_HINTS)
        if not pattern.search(piece):
            pattern, hints = (_SOCIAL, _SOCIAL_HINTS)
        assert pattern.search(piece), piece
        assert _may_hold(piece.lower(), hints), piece


def test_a_line_that_is_not_plain_ascii_always_goes_to_the_pattern() -> None:
    assert _may_hold(None, _FURNITURE_HINTS)
