"""Sentence spans: hand-made tricky cases plus property tests of the span invariants."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storytrace.text.sentences import split_sentences

# (text, the sentences expected). Fictional snippets written for these tests; the
# benchmark in the module docstring scores splitters on exactly this list.
CASES: list[tuple[str, list[str]]] = [
    ("Mr. Brandt left early. He took the train.", ["Mr. Brandt left early.", "He took the train."]),
    (
        "Dr. Ana Ruiz and Gen. Petrov met Lt. Okafor. They spoke briefly.",
        ["Dr. Ana Ruiz and Gen. Petrov met Lt. Okafor.", "They spoke briefly."],
    ),
    (
        "The U.S. Secretary of Trade arrived. Talks began at once.",
        ["The U.S. Secretary of Trade arrived.", "Talks began at once."],
    ),
    (
        "The envoy flew back to the U.S. The talks had failed.",
        ["The envoy flew back to the U.S.", "The talks had failed."],
    ),
    (
        "J. R. R. Tolkien wrote it. Readers loved it.",
        ["J. R. R. Tolkien wrote it.", "Readers loved it."],
    ),
    (
        "The fund lost 1.5 million dollars. About 8,000 people were affected.",
        ["The fund lost 1.5 million dollars.", "About 8,000 people were affected."],
    ),
    (
        "It costs $3.20 per unit. Prices rose 2.5%.",
        ["It costs $3.20 per unit.", "Prices rose 2.5%."],
    ),
    (
        "He waited... Nothing happened. Then the bell rang.",
        ["He waited...", "Nothing happened.", "Then the bell rang."],
    ),
    (
        "She paused… and then went on. The end came soon.",
        ["She paused… and then went on.", "The end came soon."],
    ),
    (
        "“We will not leave,” he said. The crowd cheered.",
        ["“We will not leave,” he said.", "The crowd cheered."],
    ),
    ("“Go.” Then she closed the door.", ["“Go.”", "Then she closed the door."]),
    ("“Stop!” he shouted. Nobody moved.", ["“Stop!” he shouted.", "Nobody moved."]),
    (
        'He said "it is over." Then he left the room.',
        ['He said "it is over."', "Then he left the room."],
    ),
    ("Is it true? Yes! It is.", ["Is it true?", "Yes!", "It is."]),
    (
        "The meeting on 10.01.22 was short. It ended at 18:07.",
        ["The meeting on 10.01.22 was short.", "It ended at 18:07."],
    ),
    (
        "See www.example.org/news/item.html for details. Mail desk@example.org today.",
        ["See www.example.org/news/item.html for details.", "Mail desk@example.org today."],
    ),
    (
        "The vote is set for Jan. 5, 2022 in the capital. Observers are expected.",
        ["The vote is set for Jan. 5, 2022 in the capital.", "Observers are expected."],
    ),
    (
        "He lives at No. 10 Green St. near the park. It is quiet.",
        ["He lives at No. 10 Green St. near the park.", "It is quiet."],
    ),
    (
        "The session began at 9 a.m. Monday and ended late. Few stayed.",
        ["The session began at 9 a.m. Monday and ended late.", "Few stayed."],
    ),
    (
        "It ended at 5 p.m. The hall emptied quickly.",
        ["It ended at 5 p.m.", "The hall emptied quickly."],
    ),
    (
        "Officials cited costs, e.g. fuel and wages. Nothing else changed.",
        ["Officials cited costs, e.g. fuel and wages.", "Nothing else changed."],
    ),
    (
        "First line without a stop\nSecond line here",
        ["First line without a stop", "Second line here"],
    ),
    (
        "A headline\n\nThe body starts. It goes on.\n",
        ["A headline", "The body starts.", "It goes on."],
    ),
    (
        "(The figure was disputed.) Later it was withdrawn.",
        ["(The figure was disputed.)", "Later it was withdrawn."],
    ),
    (
        "Президент выступил в понедельник. Он назвал события попыткой переворота.",
        ["Президент выступил в понедельник.", "Он назвал события попыткой переворота."],
    ),
    (
        "Встреча прошла в г. Алматы. Участники согласились.",
        ["Встреча прошла в г. Алматы.", "Участники согласились."],
    ),
    (
        "პრეზიდენტმა განცხადება გააკეთა. მთავრობა შეიკრიბა.",
        ["პრეზიდენტმა განცხადება გააკეთა.", "მთავრობა შეიკრიბა."],
    ),
    (
        "总统周一发表讲话。他说局势已经稳定！真的吗？",
        ["总统周一发表讲话。", "他说局势已经稳定！", "真的吗？"],
    ),
    (
        "「会議は終わった。」と彼は言った。次に進む。",
        ["「会議は終わった。」", "と彼は言った。", "次に進む。"],
    ),
    (
        "Sales reached 2,030 units in 2021. The year before, 1,950.",
        ["Sales reached 2,030 units in 2021.", "The year before, 1,950."],
    ),
    (
        "The company, Acme Inc., said profits fell. Shares dropped.",
        ["The company, Acme Inc., said profits fell.", "Shares dropped."],
    ),
    (
        "Prof. Lee and Sen. Ortiz spoke. Rep. Hall did not.",
        ["Prof. Lee and Sen. Ortiz spoke.", "Rep. Hall did not."],
    ),
    (
        "Version 3.10.2 shipped. Bugs were fixed.",
        ["Version 3.10.2 shipped.", "Bugs were fixed."],
    ),
    (
        "Wait?! Really. OK then.",
        ["Wait?!", "Really.", "OK then."],
    ),
    (
        "He quoted Art. 5 of the treaty. Allies agreed.",
        ["He quoted Art. 5 of the treaty.", "Allies agreed."],
    ),
    (
        "The U.N. envoy and the E.U. delegation met. It was brief.",
        ["The U.N. envoy and the E.U. delegation met.", "It was brief."],
    ),
    (
        "Troops left on Monday.  Some stayed behind.",
        ["Troops left on Monday.", "Some stayed behind."],
    ),
    ("Prices fell 3.", ["Prices fell 3."]),
    ("   ", []),
    ("", []),
    ("One sentence only", ["One sentence only"]),
    (
        "The report (p. 12) was clear. Critics disagreed.",
        ["The report (p. 12) was clear.", "Critics disagreed."],
    ),
    (
        "«Мы справимся», — сказал он. Все замолчали.",
        ["«Мы справимся», — сказал он.", "Все замолчали."],
    ),
    (
        "The vote was 52 vs. 48 in the end. Nobody objected.",
        ["The vote was 52 vs. 48 in the end.", "Nobody objected."],
    ),
    (
        "Il est parti. « Je reviendrai », a-t-il dit.",
        ["Il est parti.", "« Je reviendrai », a-t-il dit."],
    ),
    (
        "Er kam am 10. Januar an. Dann ging er.",
        ["Er kam am 10. Januar an.", "Dann ging er."],
    ),
]


def _sentences(text: str, language: str | None = None) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, language=language)]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:30] for c in CASES])
def test_hand_made_cases(text: str, expected: list[str]) -> None:
    language = "de" if "Januar" in text else None
    assert _sentences(text, language) == expected


def test_german_ordinal_needs_language() -> None:
    text = "Er kam am 10. Januar an."
    assert _sentences(text, "de") == [text]
    assert len(_sentences(text)) == 2


def _check_invariants(text: str, spans: list[tuple[int, int]]) -> None:
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip()
        previous_end = end
    covered = {i for start, end in spans for i in range(start, end)}
    assert all(ch.isspace() for i, ch in enumerate(text) if i not in covered)


_ALPHABET = st.sampled_from(
    [*"aZ .!?…\n\t\r。！？“”\"'()…,:;5 ", "Mr.", "U.S.", "J.", "...", "\u2029", "\x1c", "é", "г."]
)
_TEXTS = st.lists(_ALPHABET, max_size=60).map("".join) | st.text(max_size=200)


@given(_TEXTS, st.sampled_from([None, "en", "de", "ru"]))
def test_spans_are_trimmed_ordered_and_cover_everything(text: str, language: str | None) -> None:
    _check_invariants(text, split_sentences(text, language=language))


@given(_TEXTS, st.text(" \n\t", max_size=5), st.text(" \n\t", max_size=5))
def test_spans_shift_with_surrounding_whitespace(text: str, before: str, after: str) -> None:
    # Whitespace after a trailing stop can turn it into a candidate; it must not change spans.
    base = split_sentences(text.strip())
    padded = split_sentences(before + text.strip() + after)
    assert padded == [(start + len(before), end + len(before)) for start, end in base]
