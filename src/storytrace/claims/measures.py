"""What a count counts: a small vocabulary of measures users filter by, and its triggers.

Two kinds of trigger decide a number's measure:

- *event* words say what happened to the counted ("killed", "were arrested", "lost
  their lives"); they win, because "16 security officers were killed" counts dead,
  not troops;
- *noun* words say what the counted are ("troops", "pieces of military hardware",
  "protesters"); they decide only when no event word does.

Triggers are matched on lower-cased words with word boundaries, multi-word phrases
first. The lists are general news wording (with the French words of translated
copies), extended while reading the kz2022 corpus (including the spun wordings an
article spinner produces: "kicked the bucket", "confined") and the GVA dev articles
("shot dead", "fatally", "rushed to the hospital", "stable condition").
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["EVENT_TRIGGERS", "MEASURES", "NOUN_TRIGGERS", "event_measure", "noun_measure"]

EVENT_TRIGGERS: Mapping[str, tuple[str, ...]] = {
    "killed": (
        "killed", "dead", "died", "die", "dies", "deaths", "death toll", "death",
        "lost their lives", "lost his life", "lost her life", "perished", "slain", "shot dead",
        "fatalities", "shot and killed", "fatally shot", "shot to death",
        "fatally", "kicked the bucket", "murdered", "massacred", "lives lost", "lives",
        "eliminated", "bodies", "killing", "slaying", "slew", "were executed", "toll",
        "passed away", "morts", "tués", "tuées", "décès",
    ),
    "injured": (
        "injured", "wounded", "hurt", "injuries", "harmed", "wounding", "injuring",
        "sustained injuries", "shot and wounded", "shot and injured", "gunshot injuries",
        "blessés", "blessées", "blessé", "blessée",
    ),
    "hospitalised": (
        "hospitalized", "hospitalised", "in hospital", "admitted to hospital",
        "taken to hospital", "taken to the hospital", "treated in hospital", "hospitalisations",
        "hospitalizations", "treated in hospitals", "in hospitals", "in the hospital",
        "rushed to the hospital", "rushed to a hospital", "rushed to hospital",
        "taken to a hospital", "transported to the hospital", "transported to a hospital",
        "transported to hospital", "airlifted", "flown to a hospital", "treated at a hospital",
        "treated at the hospital", "stable condition", "fair condition", "good condition",
        "sent to the hospital", "sent to a hospital", "taken to area hospitals",
        "taken to local hospitals", "taken to hospitals", "taken to an area hospital",
        "taken to a local hospital",
    ),
    "critical": ("intensive care", "critical condition", "serious condition", "life support"),
    "missing": ("missing", "unaccounted for", "disappeared", "disparus", "disparues"),
    "arrested": (
        "arrested", "detained", "arrests", "detentions", "taken into custody", "in custody",
        "apprehended", "confined", "held in custody", "captured", "detaining", "arresting",
        "rounded up",
    ),
    "evacuated": (
        "evacuated", "cleared out", "evacuating", "rescued", "moved out", "left their homes",
        "évacués", "évacuées",
    ),
    "displaced": ("displaced", "homeless", "fled", "forced from their homes", "lost their homes"),
    "damaged": ("destroyed", "damaged", "burned", "burnt", "looted", "razed", "flattened"),
    "protesters": ("took to the streets", "rallied", "marched", "protested", "demonstrated"),
    # Hit by gunfire, dead or alive: "four men were shot" (two of whom died) counts the
    # killed and the wounded together; ``counts.article_totals`` tells them apart.
    "shot": (
        "shot", "gunshot wound", "gunshot wounds", "struck by gunfire", "hit by gunfire",
        "struck by bullets", "hit by bullets",
    ),
}  # fmt: skip
"""Event words: what happened to the counted."""

NOUN_TRIGGERS: Mapping[str, tuple[str, ...]] = {
    "troops": (
        "troops", "soldiers", "paratroopers", "peacekeepers", "servicemen", "marines",
        "military engineers", "military personnel", "peacekeeping forces", "sappers",
        "service members", "warriors", "military architects", "national guardsmen",
        "militaries", "militaires",
    ),
    "equipment": (
        "pieces of military hardware", "pieces of military equipment", "military hardware",
        "pieces of hardware", "pieces of equipment", "units of equipment", "armoured vehicles",
        "armored vehicles", "tanks", "aircraft", "helicopters", "military vehicles",
        "planes", "warplanes", "vehicles", "equipment", "hardware",
    ),
    "protesters": ("protesters", "protestors", "demonstrators", "rioters", "dissenters"),
    "displaced": ("refugees", "displaced people", "evacuees"),
}  # fmt: skip
"""Noun words: what the counted are, when no event word says what happened to them."""

MEASURES: tuple[str, ...] = (
    *EVENT_TRIGGERS,
    "troops",
    "equipment",
    "deployed",
    "money",
    "percent",
)
"""Every measure a claim can carry, in a stable order."""

# Mixed crews ("soldiers and emergency workers") are "deployed", not "troops".
_CIVIL_CREW = re.compile(
    r"\b(?:workers|rescuers|rescue workers|police|firefighters|medics|laborers|labourers|"
    r"secouristes|pompiers)\b"
)


def _pattern(triggers: Mapping[str, tuple[str, ...]]) -> re.Pattern[str]:
    words = sorted((w for ws in triggers.values() for w in ws), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in words) + r")(?![\w-])")


_EVENT = _pattern(EVENT_TRIGGERS)
_NOUN = _pattern(NOUN_TRIGGERS)
_EVENT_LOOKUP = {w: name for name, ws in EVENT_TRIGGERS.items() for w in ws}
_NOUN_LOOKUP = {w: name for name, ws in NOUN_TRIGGERS.items() for w in ws}


def event_measure(words: str) -> tuple[str, int] | None:
    """The first event trigger in ``words``: its measure and offset, or None.

    Example:
        >>> event_measure("security officials had kicked the bucket")
        ('killed', 23)
    """
    match = _EVENT.search(words.lower())
    if match is None:
        return None
    return _EVENT_LOOKUP[match.group(1)], match.start()


def noun_measure(words: str) -> str | None:
    """The measure a noun phrase names ("troops", "equipment", ...), or None.

    Example:
        >>> noun_measure("pieces of military hardware")
        'equipment'
        >>> noun_measure("soldiers and emergency workers")
        'deployed'
    """
    lowered = words.lower()
    match = _NOUN.search(lowered)
    if match is None:
        return None
    measure = _NOUN_LOOKUP[match.group(1)]
    if measure == "troops" and _CIVIL_CREW.search(lowered):
        return "deployed"
    return measure
