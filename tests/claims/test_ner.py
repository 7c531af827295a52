"""NER over sentences: which sentences go to the model, and offsets back into each text."""

from __future__ import annotations

import pytest

from storytrace.claims import _ner
from storytrace.claims._ner import load_pipeline, may_hold_name, ner_spans

STOP = frozenset(["the", "he", "police"])


def test_a_sentence_with_no_capitalised_word_past_a_stop_word_holds_no_name() -> None:
    assert not may_hold_name("The police said two men were hurt.", STOP)
    assert not may_hold_name("he said it was “fine”.", STOP)


def test_capitals_past_the_first_word_or_a_named_first_word_may_hold_names() -> None:
    assert may_hold_name("The police said Dana Ilves was hurt.", STOP)
    assert may_hold_name("Tokayev said two men were hurt.", STOP)
    assert may_hold_name("he told “Reuters” so.", STOP)


def test_without_a_pipeline_every_text_gets_no_spans() -> None:
    assert ner_spans(None, ["Tokayev spoke.", ""]) == [[], []]


@pytest.mark.models
def test_spans_point_into_each_text_and_repeated_sentences_get_the_same_entities() -> None:
    nlp = load_pipeline("en_core_web_sm")
    if nlp is None:
        pytest.skip("en_core_web_sm is not installed (the `models` extra)")
    assert "tok2vec" not in nlp.pipe_names  # its NER embeds its own token vectors
    line = "Kassym-Jomart Tokayev met Vladimir Putin in Moscow."
    texts = [f"It rained.\n{line}", f"{line} The police said nothing.\n{line}"]
    spans = ner_spans(nlp, texts)
    names = [[text[s:e] for s, e, _ in own] for text, own in zip(texts, spans, strict=True)]
    assert "Vladimir Putin" in names[0]
    assert names[1] == names[0] + names[0]


@pytest.mark.models
def test_a_sentence_met_in_an_earlier_call_is_not_run_again_and_gets_the_same_entities(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    nlp = load_pipeline("en_core_web_sm")
    if nlp is None:
        pytest.skip("en_core_web_sm is not installed (the `models` extra)")
    first = ["Angela Merkel visited Paris on Monday.", "Rishi Sunak spoke in Leeds."]
    before = ner_spans(nlp, first)
    run: list[str] = []
    real = _ner._entities

    def counted(nlp_: object, pieces: list[str], batch_size: int) -> object:
        run.extend(pieces)
        return real(nlp_, pieces, batch_size)  # type: ignore[arg-type]

    monkeypatch.setattr(_ner, "_entities", counted)
    second = ["Rishi Sunak spoke in Leeds. Olaf Scholz stayed in Berlin.", first[0]]
    after = ner_spans(nlp, second)
    assert run == ["Olaf Scholz stayed in Berlin."]
    assert after[1] == before[0]
    shift = len("Rishi Sunak spoke in Leeds. ")
    assert after[0][: len(before[1])] == before[1]
    assert any(second[0][s:e] == "Olaf Scholz" for s, e, _ in after[0][len(before[1]) :])
    assert all(s >= shift for s, _, _ in after[0][len(before[1]) :])
