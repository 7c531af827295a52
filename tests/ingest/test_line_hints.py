"""The cheap checks in front of the line patterns (furniture, social, weather, witness calls)
never hide a match."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storytrace.ingest._line_features import (
    _FURNITURE,
    _FURNITURE_HINTS,
    _SOCIAL,
    _SOCIAL_HINTS,
    _WEATHER,
    _WITNESS_CALL,
    _WITNESS_HINTS,
    _may_be_weather,
    _may_hold,
    is_margin_content,
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


WEATHER_LINES = [
    "+4°C Cloudy", "-12 °F tonight", "High 78F. Winds SW at 10 to 20 mph", "LOWS around 40°",
    "Winds light and variable at 5 mph", "Chance of rain 40%", "chance of storms", "high of 9 F",
]  # fmt: skip
WITNESS_LINES = [
    "Anyone with information is asked to call police on 101 and quote the incident number.",
    "Police urged to contact Crime Stoppers anonymously, people who saw the crash came forward.",
    "Officers have appealed for information about the van and said tips can be left online.",
    "Residents were asked to contact the council if they saw anything unusual in the street.",
]  # fmt: skip


def test_every_weather_line_passes_the_cheap_bound() -> None:
    for line in WEATHER_LINES:
        assert _WEATHER.search(line), line
        assert _may_be_weather(line), line
    assert not _may_be_weather("The council met on Monday and voted for the plan.")


def test_every_witness_call_holds_a_hint_and_stays_margin_content() -> None:
    for line in WITNESS_LINES:
        assert _WITNESS_CALL.search(line), line
        assert _may_hold(line.lower(), _WITNESS_HINTS), line
        assert is_margin_content(line, len(line.split()))
