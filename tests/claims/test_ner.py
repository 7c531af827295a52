"""NER over sentences: which sentences go to the model, and offsets back into each text."""

from __future__ import annotations

import pytest

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
