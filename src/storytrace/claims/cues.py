"""Reporting cues: the verbs and phrases that introduce or close a quote, in English and French.

The English lexicon is a list of lemmas inflected by rule (``say`` -> says, said,
saying). It was read off the cues of PolNeAR's *train* split (attributions whose
content holds a quotation mark; every verb lemma seen there at least three times as
such a cue is here) and completed with the usual reporting verbs of news style
(quip, retort, reiterate ...). ``called``/``branded``/``described`` also cover the
"named X as 'Y'" kind of partial quote PolNeAR counts as an attribution.

French cues (``a déclaré``, ``selon``, ``a-t-il dit``) cover translated copies of
English dispatches; the list is the standard set of French reporting verbs in the
passé composé and present, the tenses French news writes quotes in.
"""

from __future__ import annotations

import re

__all__ = ["CUE_VERBS", "PARTICIPLE_CUES", "cue_pattern", "is_cue"]

# Lemmas with regular inflection (-s, -ed, -ing; final e dropped, y -> ied).
_REGULAR = (
    "add", "answer", "argue", "ask", "assert", "assure", "bark", "bemoan", "blame", "blast",
    "boast", "brand", "call", "caution", "chant", "charge", "claim", "complain", "concede",
    "conclude", "confirm", "contend", "continue", "counter", "criticize", "criticise",
    "declare", "demand", "deny", "describe", "dismiss", "emphasize", "emphasise",
    "explain", "insist", "joke", "label", "lament", "maintain", "mock", "muse", "note",
    "observe", "plead", "pledge", "post", "praise", "predict", "proclaim",
    "promise", "question", "recall", "recount", "reiterate", "remark", "repeat", "reply",
    "report", "respond", "scoff", "scream", "shout", "state", "stress", "suggest", "testify",
    "thank", "tweet", "urge", "vow", "warn", "wonder", "yell", "acknowledge",
    "allege", "announce", "accuse", "comment", "retort", "summarize", "summarise", "affirm",
)  # fmt: skip
# Irregular or doubled forms, written out.
_IRREGULAR = (
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "write", "writes",
    "wrote", "written", "writing", "read", "reads", "admit", "admits", "admitted",
    "admitting", "quips", "quipped", "labelled", "labelling", "reports",
    "quipping", "snapped", "snapping", "dubbed", "dubbing", "shot back", "fired back",
    "put it", "puts it", "went on", "goes on", "pointed out", "points out", "pointing out",
    "referred to", "refers to", "according to", "as per", "quoted as saying",
    "was quoted as saying", "were quoted as saying", "in the words of",
)  # fmt: skip
# Lemmas that are nouns as often as verbs ("the state", "his comments"): only their
# -ed and -ing forms are cues.
_NOUN_LIKE = frozenset(
    ["brand", "charge", "comment", "counter", "demand", "label", "post", "question",
     "report", "state", "answer", "promise", "praise", "blame", "joke", "thank", "wonder"]
)  # fmt: skip
_FRENCH = (
    "a déclaré", "a dit", "a affirmé", "a ajouté", "a expliqué", "a souligné", "a assuré",
    "a indiqué", "a précisé", "a estimé", "a averti", "a annoncé", "a répondu", "a écrit",
    "a-t-il dit", "a-t-elle dit", "a-t-il déclaré", "a-t-elle déclaré", "a-t-il ajouté",
    "a-t-elle ajouté", "a-t-il affirmé", "a-t-elle affirmé", "a-t-il expliqué",
    "a-t-elle expliqué", "a-t-il souligné", "a-t-elle souligné", "déclare", "affirme",
    "ajoute", "explique", "souligne", "estime", "dit", "selon", "d'après", "d’après",
    "ont déclaré", "ont affirmé", "ont indiqué", "ont dit", "a résumé", "a conclu", "a lancé",
    "a martelé", "a insisté", "a prévenu", "a reconnu", "a promis", "a-t-il résumé",
    "a-t-elle résumé", "a-t-il ajouté",
)  # fmt: skip


def _inflect(lemma: str) -> tuple[str, ...]:
    """``lemma``'s cue forms: base, third person, past, participle (see ``_NOUN_LIKE``)."""
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        forms = (lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing")
    else:
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        third = lemma + ("es" if lemma.endswith(("s", "sh", "ch")) else "s")
        forms = (lemma, third, stem + "ed", stem + "ing")
    return forms[2:] if lemma in _NOUN_LIKE else forms


CUE_VERBS: frozenset[str] = frozenset(
    [*(form for lemma in _REGULAR for form in _inflect(lemma)), *_IRREGULAR, *_FRENCH]
)
"""Every cue form, English (PolNeAR train lemmas, inflected) and French."""

PARTICIPLE_CUES: frozenset[str] = frozenset(c for c in CUE_VERBS if c.endswith("ing"))
"""Cues in the -ing form: ", saying ..." takes the speaker of the clause it hangs on."""


def cue_pattern() -> str:
    """A regex alternation of every cue, longest first, spaces matching any white space."""
    ordered = sorted(CUE_VERBS, key=len, reverse=True)
    return "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in ordered)


def is_cue(words: str) -> bool:
    """Whether ``words`` (any case, any spacing) is a cue form.

    Example:
        >>> is_cue("Tweeted"), is_cue("a  déclaré"), is_cue("table")
        (True, True, False)
    """
    return " ".join(words.lower().split()) in CUE_VERBS
