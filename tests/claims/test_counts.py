"""Count claims on hand-made sentences: measure, subject, attribution, as_of, status."""

from __future__ import annotations

from storytrace.claims.counts import Interval, article_totals, extract_counts
from storytrace.model import Article, Claim


def _claims(text: str, published: str | None = "2030-05-13") -> list[Claim]:
    # 2030-05-13 is a Monday.
    return extract_counts(Article(id="t", source="t", text=text, published=published))


def _by_value(claims: list[Claim]) -> dict[float | None, Claim]:
    return {claim.low: claim for claim in claims}


def test_event_wins_over_noun_and_subject_is_kept() -> None:
    claims = _claims("Officials said 16 border guards had been killed.")
    assert [(c.measure, c.subject, c.low, c.high) for c in claims] == [
        ("killed", "border guards", 16, 16)
    ]
    assert claims[0].attribution == "Officials"


def test_coordinated_counts_share_the_verb_and_subject() -> None:
    text = "More than 350 wardens had been wounded and 13 killed, including two who drowned."
    claims = _by_value(_claims(text))
    assert claims[351].measure == "injured"
    assert claims[13].measure == "killed"
    assert claims[13].subject == "wardens"
    assert 2 not in claims  # a subset after "including" is no new count


def test_nouns_give_troops_and_equipment() -> None:
    text = "The pact has deployed just over 2,000 troops and 250 pieces of military hardware."
    claims = _by_value(_claims(text))
    assert claims[2001].measure == "troops"
    assert claims[2001].high == 2100
    assert claims[250].measure == "equipment"


def test_verb_before_the_number() -> None:
    claims = _claims("The flood destroyed villages, killing at least 27 people.")
    assert [(c.measure, c.low, c.high, c.hedge) for c in claims] == [
        ("killed", 27, None, "at_least")
    ]


def test_background_numbers_are_not_claims() -> None:
    text = "Orsk, a town of 38,000 people, was founded in 1904. Mira Tal, 45, lives there."
    assert _claims(text) == []


def test_as_of_from_weekday_and_midday() -> None:
    text = "As of midday Thursday, 12 people had died. On Sunday, police arrested 40 men."
    claims = _by_value(_claims(text))
    assert claims[12].as_of == "2030-05-09T12:00"
    assert claims[40].as_of == "2030-05-12"
    assert claims[40].measure == "arrested"


def test_retraction_in_the_sentence_and_the_neighbour() -> None:
    text = (
        "The ministry withdrew a statement that said more than 60 people had died, "
        "blaming a clerical error. The toll stands at 52 dead, according to the ministry."
    )
    claims = _by_value(_claims(text))
    assert claims[61].status == "retracted"
    assert claims[52].status == "asserted"
    assert claims[52].attribution == "ministry"


def test_offsets_point_into_the_text() -> None:
    text = "Police said nearly 8,000 people were arrested and dozens were injured."
    for claim in _claims(text):
        assert text[claim.span[0] : claim.span[1]] == claim.text
    assert [c.text for c in _claims(text)] == ["nearly 8,000", "dozens"]


def test_percent_of_population() -> None:
    claims = _claims("Migrants make up a quarter of the population.")
    assert [(c.measure, c.low, c.high) for c in claims] == [("percent", 25, 25)]


def test_implied_victims_and_article_totals() -> None:
    text = (
        "A man was shot and wounded on Elm St. The man died at the hospital. "
        "Both teens were wounded in the legs."
    )
    totals = article_totals(_claims(text))
    assert totals["killed"] == Interval(1.0, 1.0)
    assert totals["injured"] == Interval(2.0, 2.0)  # the two teens; the dead man once


def test_people_shot_are_the_killed_and_the_wounded_together() -> None:
    assert article_totals(_claims("Two people were shot, one fatally."))["injured"].low == 1
    text = "Five people were shot on Elm St. Police said two victims died at the scene."
    totals = article_totals(_claims(text))
    assert (totals["killed"].low, totals["injured"].low) == (2, 3)
    text = "A man was killed and three others were shot on Elm St."
    assert article_totals(_claims(text))["injured"].low == 3  # "others": not the dead man


def test_victims_named_as_objects_or_by_name_alone_count_once_each() -> None:
    assert article_totals(_claims("He is accused of fatally shooting his wife."))["killed"].low == 1
    assert article_totals(_claims("The gunfire left a woman dead."))["killed"].low == 1
    assert article_totals(_claims("Frazer was pronounced dead at the scene."))["killed"].low == 1
    text = "Police are investigating a double homicide on Elm St."
    assert article_totals(_claims(text))["killed"].low == 2
    text = "The attack left a 16-year-old boy in critical condition."
    assert article_totals(_claims(text))["injured"].low == 1
    for text in ("James Means, 15, was shot and killed.", "Her friend, Murray, was killed."):
        assert article_totals(_claims(text))["killed"].low == 1  # past the apposition
    assert article_totals(_claims("A man, 25, was shot on Elm St."))["injured"].low == 1


def test_how_often_nobody_distances_charges_and_ages_are_not_counts() -> None:
    assert article_totals(_claims("Her son was shot six times.")) == {"injured": Interval(1, 1)}
    assert article_totals(_claims("No one else was hurt in the shooting.")) == {}
    text = "A neighbour living about 200 yards away said the family was found dead."
    assert _claims(text) == []
    assert _claims("He is charged with two counts of murder.") == []
    assert _claims("Police found a woman dead inside apartment 38.")[0].low == 1
    assert _claims("Bill Williams, 51 — appeared to have died of a gunshot wound.") == []


def test_totals_take_the_largest_restatement_not_the_sum() -> None:
    text = "Three people were injured. Police said three people were injured, one critically."
    assert article_totals(_claims(text))["injured"].low == 3


def test_subjects_of_french_copies_stop_at_auxiliaries_and_conjunctions() -> None:
    text = (
        "Des dizaines de personnes sont portées disparues et plus de 140 ont été blessées. "
        "Le chef de l’État a dépêché plus de 1 800 militaires et secouristes sur place."
    )
    subjects = {c.measure: c.subject for c in _claims(text)}
    assert subjects == {"missing": "personnes", "injured": "personnes", "deployed": "militaires"}


def test_sums_and_emergency_numbers_are_never_people() -> None:
    text = "Police offer a $20,000 reward in the killing of the clerk."
    assert [(c.measure, c.low) for c in _claims(text)] == [("money", 20000), ("killed", 1)]
    assert [c.measure for c in _claims("Some 40% were killed in the first hour.")] == ["percent"]
    text = "A neighbour called 911 to report that a man had been shot."
    assert article_totals(_claims(text)) == {"injured": Interval(1, 1)}


def test_victims_as_pronoun_or_name_objects_and_taken_to_hospital() -> None:
    text = "Her brother accidentally shot her in the arm with a rifle."
    assert article_totals(_claims(text)) == {"injured": Interval(1, 1)}
    text = "The boy found the pistol and shot himself in the hand."
    assert article_totals(_claims(text)) == {"injured": Interval(1, 1)}
    text = "Deputies said a 4-year-old fatally shot Lorna in the kitchen."
    assert article_totals(_claims(text))["killed"].low == 1
    assert _claims("The suspect was killed Saturday in a gunfight.")[0].text != "Saturday"
    text = "The investigation into the shooting death of her 2-year-old son goes on."
    assert article_totals(_claims(text))["killed"].low == 1
    text = "A 9-year-old girl was rushed to the hospital after the shooting."
    assert article_totals(_claims(text)) == {"injured": Interval(1, 1)}


def test_negated_harm_pairs_of_victims_and_counts_joined_by_and() -> None:
    assert _claims("The toddler was not hurt in the crash.") == []
    assert article_totals(_claims("Two others were not seriously injured."))["injured"].low == 2
    text = "A 7-year-old boy and a 30-year-old woman were injured in the shooting."
    assert article_totals(_claims(text)) == {"injured": Interval(2, 2)}
    assert article_totals(_claims("Both were hospitalized overnight.")) == {
        "injured": Interval(2, 2)
    }
    text = "The gunfire left two men and three women wounded."
    assert article_totals(_claims(text)) == {"injured": Interval(3, 3)}  # no text: the largest
    claims = _claims(text)
    assert article_totals(claims, text) == {"injured": Interval(5, 5)}  # with it: the sum


def test_another_victim_and_victims_sent_to_hospital() -> None:
    text = "Two men were shot dead on Elm St. and another was wounded."
    assert article_totals(_claims(text)) == {"killed": Interval(2, 2), "injured": Interval(1, 1)}
    text = "Three teenagers were sent to the hospital after the shooting."
    assert article_totals(_claims(text)) == {"injured": Interval(3, 3)}
    assert article_totals(_claims("Both boys were in stable condition.")) == {
        "injured": Interval(2, 2)
    }


def test_victims_with_an_age_and_a_place_between_name_and_verb() -> None:
    text = "Police said Dana Morrow, 17, of Easton, was killed in the crossfire."
    assert article_totals(_claims(text)) == {"killed": Interval(1, 1)}
    assert article_totals(_claims("A man, 25, of Elm Park, was shot twice.")) == {
        "injured": Interval(1, 1)
    }


def test_part_of_a_group_counts_when_it_says_who_died() -> None:
    text = "Four men were shot on Elm St. Two of them died at the hospital."
    assert article_totals(_claims(text)) == {"killed": Interval(2, 2), "injured": Interval(2, 2)}
    assert _claims("Six cars were stolen; two of them were found.") == []


def test_victims_named_by_age_or_name_keep_it_as_their_subject() -> None:
    text = "A 2-year-old was pronounced dead and a 15-month-old was injured."
    assert article_totals(_claims(text)) == {"killed": Interval(1, 1), "injured": Interval(1, 1)}
    claims = _claims("Lena Park, 17, was killed. Omar Reyes, 18, was also shot.")
    assert [(c.subject, c.measure) for c in claims] == [
        ("Lena Park", "killed"),
        ("Omar Reyes", "shot"),
    ]
