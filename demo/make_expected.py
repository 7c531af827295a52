# ruff: noqa: E501  (answer-key data: long literal strings are quoted article text)
"""Write demo/expected.json, the answer key for the demo corpus (hand-curated data).

Junk lines are read from the corpus files so they stay exact. After editing the
corpus or this file, run ``.venv/bin/python demo/make_expected.py`` and then
``.venv/bin/python demo/check_demo.py``.
"""

import itertools
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
A1 = "01-northwire-original"
A2 = "02-sarnvalley-republished"
A3 = "03-meridian-excerpt"
A4 = "04-newsbuzzhub-spun"
A5 = "05-globedigest-mt"
A6 = "06-courrier-du-nord"
A7 = "07-08-independent-2"
A8 = "07-08-independent-3"
A9 = "09-northern-gazette-rewrite"
A10 = "10-sportsline-unrelated"
story = [A1, A2, A3, A4, A5, A6, A7, A8, A9]
label = {
    A1: "Northwire original",
    A2: "Sarn Valley Today republication",
    A3: "Meridian Ledger excerpt",
    A4: "NewsBuzzHub spun copy",
    A5: "GlobeDigest machine translation",
    A6: "Le Courrier du Nord (French)",
    A7: "Continental Herald (day 1)",
    A8: "Eastbridge Post (day 4)",
    A9: "Northern Gazette rewrite",
    A10: "Sportsline (unrelated)",
}
articles = {
    A1: {
        "file": "01-northwire-original.txt",
        "format": "text",
        "url": None,
        "outlet": "Northwire",
        "title": "Dam collapse floods Varkesh town, killing at least 27",
        "published": "2025-03-17T06:20:00+00:00",
        "language": "en",
    },
    A2: {
        "file": "02-sarnvalley-republished.txt",
        "format": "text",
        "url": None,
        "outlet": "Sarn Valley Today",
        "title": "Dam collapse floods Varkesh town, killing at least 27",
        "published": "2025-03-17T12:02",
        "language": "en",
    },
    A3: {
        "file": "03-meridian-excerpt.html",
        "format": "html",
        "url": "https://meridianledger.example/business/2025/03/17/orlek-collapse-ageing-dams-scrutiny",
        "outlet": "The Meridian Ledger",
        "title": "Orlek collapse puts Varkesh's ageing dams under scrutiny",
        "published": "2025-03-17T18:30:00+05:00",
        "language": "en",
    },
    A4: {
        "file": "04-newsbuzzhub-spun.txt",
        "format": "text",
        "url": None,
        "outlet": "NewsBuzzHub",
        "title": "Dam breakdown inundates Varkesh township, slaying no less than 27",
        "published": "2025-03-18",
        "language": "en",
    },
    A5: {
        "file": "05-06-foreign-and-mt.jsonl",
        "format": "jsonl",
        "url": "https://globedigest.example/en/world/2025/03/18/varkesh-rupture-of-dam-27-dead",
        "outlet": "GlobeDigest",
        "title": "Varkesh: the rupture of a dam makes at least 27 dead in Bélozar",
        "published": "2025-03-18T08:10:00+00:00",
        "language": "en",
    },
    A6: {
        "file": "05-06-foreign-and-mt.jsonl",
        "format": "jsonl",
        "url": "https://lecourrierdunord.example/monde/2025/03/17/varkesh-rupture-barrage-orlek-27-morts",
        "outlet": "Le Courrier du Nord",
        "title": "Varkesh\u00a0: la rupture d’un barrage fait au moins 27\u00a0morts à Bélozar",
        "published": "2025-03-17T17:45:00+01:00",
        "language": "fr",
    },
    A7: {
        "file": "07-08-independent.warc.gz",
        "warc_record": 2,
        "format": "warc",
        "url": "https://continentalherald.example/world/asia/2025/mar/17/varkesh-orlek-dam-burst-byelozar",
        "outlet": "Continental Herald",
        "title": "Dozens feared dead as Orlek dam bursts in Varkesh",
        "published": "2025-03-17T21:40:00+05:00",
        "language": "en",
        "html_source": "demo/sources/07-continental-herald.html",
    },
    A8: {
        "file": "07-08-independent.warc.gz",
        "warc_record": 3,
        "format": "warc",
        "url": "https://eastbridgepost.example/world/varkesh-dam-toll-52-ministry-retracts-figure-20250320",
        "outlet": "Eastbridge Post",
        "title": "Varkesh raises dam disaster toll to 52, retracts higher figure",
        "published": "2025-03-20T19:05:00+05:00",
        "language": "en",
        "html_source": "demo/sources/08-eastbridge-post.html",
    },
    A9: {
        "file": "09-northern-gazette-rewrite.html",
        "format": "html",
        "url": "https://northerngazette.example/news/varkesh-president-vows-punishment-orlek-dam",
        "outlet": "The Northern Gazette",
        "title": "Varkesh president vows punishment after Orlek dam failure leaves 27 dead",
        "published": "2025-03-17T20:10:00+05:00",
        "language": "en",
    },
    A10: {
        "file": "10-sportsline-unrelated.txt",
        "format": "text",
        "url": None,
        "outlet": "Sportsline",
        "title": "Altaven end 31-year wait as late header wins Harwick Cup final",
        "published": "2025-03-22T19:48",
        "language": "en",
    },
}
for k, v in articles.items():
    v["label"] = label[k]
subs = [
    ["gave way", "surrendered"],
    ["dawn", "sunrise"],
    ["wall of water", "partition of liquid"],
    ["killing", "slaying"],
    ["at least", "no less than"],
    ["the interior ministry said", "the inside service stated"],
    ["Dozens", "Scores"],
    ["missing", "absent"],
    ["injured", "harmed"],
    ["reporters", "correspondents"],
    ["evacuated", "cleared out"],
    ["villages downstream", "hamlets downriver"],
    ["asleep", "snoozing"],
    ["Rescue teams", "Salvage groups"],
    ["house by house", "abode by abode"],
    ["night", "evening"],
    ["failed to maintain this dam", "neglected to keep up this barrier"],
    ["escape responsibility", "get away from obligation"],
    ["soldiers and emergency workers", "warriors and crisis laborers"],
    ["emergency fund", "crisis store"],
    ["military engineers", "military architects"],
    ["field hospitals", "field clinics"],
    ["entire streets", "whole lanes"],
    ["roofs", "rooftops"],
    ["criminal case", "crook case"],
    ["negligence", "carelessness"],
    ["spillway", "overflow channel"],
]
direct = [
    {
        "a": A1,
        "b": A2,
        "kind": "copy",
        "origin": A1,
        "note": "verbatim republication wrapped in page junk; one sentence dropped ('Sarnhydro did not respond to requests for comment.')",
    },
    {
        "a": A1,
        "b": A3,
        "kind": "excerpt",
        "origin": A1,
        "note": "03 opens with paragraphs 1-4 of the dispatch body verbatim (after title/byline), then adds six paragraphs of its own on dam safety, power and markets",
    },
    {
        "a": A1,
        "b": A4,
        "kind": "spun",
        "origin": A1,
        "note": "every sentence of 01 in order with synonym swaps, also inside quotation marks; names and numbers kept; credit line dropped",
        "substitutions_sample": subs,
    },
    {
        "a": A1,
        "b": A9,
        "kind": "rewrite",
        "origin": A1,
        "note": "same facts reworded and reordered; Zhelayev quote kept verbatim, Roshchina and Sapkhanov turned into indirect speech; no credit to Northwire",
    },
    {
        "a": A6,
        "b": A5,
        "kind": "translated",
        "origin": A6,
        "note": "05 is a literal machine translation (French -> English) of 06",
    },
]
lineage = {A1: "L1", A2: "L1", A3: "L1", A4: "L1", A9: "L1", A5: "L2", A6: "L2", A7: "L3", A8: "L4"}
relations = list(direct)
for a, b in itertools.combinations(story, 2):
    if lineage[a] != lineage[b]:
        relations.append({"a": a, "b": b, "kind": "independent", "origin": None})
sib_kinds = {
    frozenset((A2, A3)): ["excerpt"],
    frozenset((A2, A4)): ["spun"],
    frozenset((A2, A9)): ["rewrite"],
    frozenset((A3, A4)): ["spun", "excerpt"],
    frozenset((A3, A9)): ["rewrite", "excerpt"],
    frozenset((A4, A9)): ["rewrite", "spun"],
}
siblings = []
for a, b in itertools.combinations([A2, A3, A4, A9], 2):
    siblings.append(
        {
            "a": a,
            "b": b,
            "common_origin": A1,
            "acceptable_kinds": sib_kinds[frozenset((a, b))],
            "acceptable_origins": [None, a],
            "note": "both derive from 01; neither copies the other (a is the earlier publication)",
        }
    )


def v(text, value, hedge, as_of, attribution=None, status="asserted", **kw):
    d = {
        "text": text,
        "value": value,
        "hedge": hedge,
        "as_of": as_of,
        "attribution": attribution,
        "status": status,
    }
    d.update(kw)
    return d


D1 = "2025-03-17"
D3 = "2025-03-19"
D4 = "2025-03-20"
facts = [
    {
        "measure": "killed",
        "subject": "Orlek Dam collapse",
        "as_of": D1,
        "expected_status": "conflict",
        "values": {
            A1: v("at least 27", 27, "at_least", D1, "interior ministry"),
            A2: v("at least 27", 27, "at_least", D1, "interior ministry"),
            A3: v("at least 27", 27, "at_least", D1, "interior ministry"),
            A4: v(
                "no less than 27", 27, "at_least", D1, "interior ministry (spun: 'inside service')"
            ),
            A9: v("at least 27", 27, "at_least", D1),
            A6: v("au moins 27 morts", 27, "at_least", D1, "ministère de l’Intérieur"),
            A5: v("at least 27 dead", 27, "at_least", D1, "ministry of the Interior"),
            A7: v("At least 41", 41, "at_least", D1, "Sarn regional health department"),
            A8: v(
                "a toll of 27",
                27,
                "exact",
                D1,
                "interior ministry (reported retrospectively: 'On Monday the ministry had given a toll of 27')",
            ),
        },
        "independent_sources": {"27": 3, "41": 1},
        "note": "Day-1 conflict: the ministry's 27 (Northwire lineage + Le Courrier du Nord lineage; 08 repeats it as Monday's figure) vs the regional health department's 41 (07 only). Copies of 01 (02,03,04,09) and the MT 05 must count once with their origin.",
    },
    {
        "measure": "killed",
        "subject": "Orlek Dam collapse",
        "as_of": None,
        "expected_status": "changed",
        "values": {
            A1: v("at least 27", 27, "at_least", D1),
            A7: v("At least 41", 41, "at_least", D1),
            A8: v(
                "52 people had been confirmed dead",
                52,
                "exact",
                D4 + "T12:00",
                "interior ministry (Galina Roshchina)",
                as_of_text="As of midday Thursday",
            ),
        },
        "latest": {"value": 52, "as_of": D4 + "T12:00", "article": A8},
        "note": "Across the story the toll rises: 27 (ministry) / 41 (health dept) on Monday 17 March -> 52 as of midday Thursday 20 March. The 'more than 60' of late Wednesday was withdrawn and must not count (see retracted).",
    },
    {
        "measure": "missing",
        "subject": "Orlek Dam collapse",
        "as_of": None,
        "expected_status": "changed",
        "values": {
            A1: v("Dozens more were missing", None, "dozens", D1),
            A2: v("Dozens more were missing", None, "dozens", D1),
            A3: v("Dozens more were missing", None, "dozens", D1),
            A4: v(
                "Scores more were absent",
                None,
                "scores",
                D1,
                note="spinner artefact: 'dozens' -> 'scores'",
            ),
            A9: v("dozens of people unaccounted for", None, "dozens", D1),
            A6: v("Des dizaines de personnes sont portées disparues", None, "dozens", D1),
            A5: v("Tens of persons are carried disappeared", None, "dozens", D1),
            A8: v("19 were still missing", 19, "exact", D4 + "T12:00", "interior ministry"),
        },
        "note": "vague 'dozens' on day 1 (interval roughly [24, 99]), 19 as of midday Thursday",
    },
    {
        "measure": "injured",
        "subject": "Orlek Dam collapse",
        "as_of": D1,
        "expected_status": "agreed",
        "values": {
            A1: v(
                "more than 140 people had been injured", 141, "more_than", D1, "Galina Roshchina"
            ),
            A2: v("more than 140 people had been injured", 141, "more_than", D1),
            A3: v("more than 140 people had been injured", 141, "more_than", D1),
            A4: v("in excess of 140 individuals had been harmed", 141, "more_than", D1),
            A9: v("more than 140", 141, "more_than", D1),
            A6: v("plus de 140 ont été blessées", 141, "more_than", D1),
            A5: v("more than 140 have been wounded", 141, "more_than", D1),
            A7: v("Around 150 people were being treated in hospitals", 150, "about", D1),
        },
        "independent_sources": {"more than 140": 2, "around 150": 1},
        "note": "'more than 140' and 'around 150' are compatible intervals -> agreed (3 independent sources: L1, L2, 07)",
    },
    {
        "measure": "evacuated",
        "subject": "Orlek Dam collapse",
        "as_of": None,
        "expected_status": "changed",
        "values": {
            A1: v("About 9,000 residents were evacuated", 9000, "about", D1),
            A2: v("About 9,000 residents were evacuated", 9000, "about", D1),
            A3: v("About 9,000 residents were evacuated", 9000, "about", D1),
            A4: v("Roughly 9,000 inhabitants were cleared out", 9000, "about", D1),
            A9: v("Roughly 9,000 people have been moved out", 9000, "about", D1),
            A6: v("Environ 9\u00a0000 personnes ont été évacuées", 9000, "about", D1),
            A5: v("Approximately 9 000 persons have been evacuated", 9000, "about", D1),
            A7: v("some 9,000 people had been moved out of the flood zone", 9000, "about", D1),
            A8: v(
                "Nearly 14,000 people have now left their homes",
                14000,
                "nearly",
                D4,
                extra="08 also says 'up from about 9,000 on Monday'",
            ),
        },
        "independent_sources": {"about 9,000": 4, "nearly 14,000": 1},
        "note": "agreed on day 1 (~9,000 from L1, L2, 07, and 08 retrospectively); nearly 14,000 by Thursday -> changed over time, not a conflict",
    },
    {
        "measure": "deployed",
        "subject": "soldiers and emergency workers (national)",
        "as_of": D1,
        "expected_status": "agreed",
        "values": {
            A1: v("more than 1,800 soldiers and emergency workers", 1801, "more_than", D1),
            A4: v("in excess of 1,800 warriors and crisis laborers", 1801, "more_than", D1),
            A9: v("more than 1,800 troops and rescue workers", 1801, "more_than", D1),
            A6: v("plus de 1\u00a0800 militaires et secouristes", 1801, "more_than", D1),
            A5: v("more than 1 800 militaries and rescuers", 1801, "more_than", D1),
        },
        "independent_sources": {"more than 1,800": 2},
    },
    {
        "measure": "troops",
        "subject": "NBCC military engineers",
        "as_of": None,
        "expected_status": "changed",
        "values": {
            A1: v(
                "around 250 military engineers", 250, "about", D1, "NBCC statement", kind="promised"
            ),
            A4: v("around 250 military architects", 250, "about", D1, kind="promised"),
            A9: v("about 250 military engineers", 250, "about", D1, kind="promised"),
            A6: v("environ 250 militaires du génie", 250, "about", D1, kind="promised"),
            A5: v(
                "approximately 250 militaries of the engineering", 250, "about", D1, kind="promised"
            ),
            A8: v(
                "Just over 300 military engineers",
                301,
                "just_over",
                D3,
                kind="arrived",
                extra="08 also says 'The alliance had initially promised around 250.'",
            ),
        },
        "note": "promised ~250 on Monday (07 mentions engineers without a number); just over 300 arrived on Wednesday 19 March",
    },
    {
        "measure": "money",
        "subject": "government emergency fund",
        "as_of": None,
        "expected_status": "changed",
        "values": {
            A1: v("2 billion kesh", 2e9, "exact", D1, currency="kesh"),
            A4: v("2 billion kesh", 2e9, "exact", D1, currency="kesh"),
            A9: v("2 billion kesh", 2e9, "exact", D1, currency="kesh"),
            A6: v("2 milliards de kesh", 2e9, "exact", D1, currency="kesh"),
            A5: v(
                "2 milliards of kesh",
                2e9,
                "exact",
                D1,
                currency="kesh",
                note="MT left 'milliards' untranslated",
            ),
            A8: v("5 billion kesh", 5e9, "exact", D3, currency="kesh"),
        },
        "note": "2 billion kesh on Monday; raised ('more than doubled') to 5 billion kesh on Wednesday",
    },
    {
        "measure": "money",
        "subject": "NBCC reconstruction pledge",
        "as_of": D4,
        "expected_status": "single",
        "values": {A8: v("35 million euros", 35e6, "exact", D4, "NBCC", currency="EUR")},
    },
    {
        "measure": "arrested",
        "subject": "Sarnhydro managers",
        "as_of": D3,
        "expected_status": "single",
        "values": {A8: v("detained four senior managers of Sarnhydro", 4, "exact", D3, "police")},
    },
    {
        "measure": "damaged",
        "subject": "homes destroyed or badly damaged",
        "as_of": D4,
        "expected_status": "single",
        "values": {
            A8: v(
                "nearly 1,200 homes had been destroyed or badly damaged",
                1200,
                "nearly",
                D4,
                "regional government survey",
            )
        },
    },
    {
        "measure": "without power",
        "subject": "households in the Sarn region",
        "as_of": D1,
        "expected_status": "single",
        "values": {A3: v("about 60,000 households", 60000, "about", D1, "regional grid operator")},
    },
]
retracted = [
    {
        "article": A8,
        "text": "more than 60",
        "measure": "killed",
        "subject": "Orlek Dam collapse",
        "as_of": "2025-03-19",
        "note": "'The ministry withdrew an earlier statement, issued late on Wednesday, that said more than 60 people had died, blaming a clerical error.' The figure appears twice in 08 (the withdrawal sentence and Roshchina's quote); both mentions are retracted.",
    }
]
distractors = [
    {
        "article": A7,
        "text": "killed 19 people in 2009",
        "note": "a different event (2009 earthquake); must not join the dam toll",
    },
    {
        "article": A3,
        "text": "Of the country's 14 large dams, nine were completed before 1975",
        "note": "background, not an event count",
    },
    {"article": A3, "text": "closed 4.2% lower", "note": "market move, not a casualty figure"},
    {
        "article": A10,
        "text": "a crowd of just over 41,000",
        "note": "unrelated story; same number as 07's toll and a hedge",
    },
    {"article": A10, "text": "at least 25,000 people", "note": "unrelated story"},
    {
        "article": A1,
        "text": "a town of about 38,000 people",
        "note": "population of Belozar (background); repeated in 03, 04, 05, 06, 09",
    },
]
ZH = "Timur Zhelayev"
RO = "Galina Roshchina"
SA = "Dauren Sapkhanov"


def q(speaker, article, status, text, **kw):
    d = {"speaker": speaker, "article": article, "status": status, "text": text}
    d.update(kw)
    return d


quotes = [
    q(ZH, A1, "original", "No one who failed to maintain this dam will escape responsibility"),
    q(ZH, A1, "original", "Every family that lost its home will be given a new one."),
    q(ZH, A2, "verbatim", "No one who failed to maintain this dam will escape responsibility"),
    q(ZH, A2, "verbatim", "Every family that lost its home will be given a new one."),
    q(ZH, A9, "verbatim", "No one who failed to maintain this dam will escape responsibility"),
    q(ZH, A9, "verbatim", "Every family that lost its home will be given a new one."),
    q(
        ZH,
        A4,
        "altered",
        "Nobody who neglected to keep up this barrier will get away from obligation",
    ),
    q(ZH, A4, "altered", "Each family that lost its abode will be given another one."),
    q(
        ZH,
        A6,
        "translation",
        "Aucun de ceux qui n’ont pas entretenu ce barrage n’échappera à ses responsabilités",
    ),
    q(
        ZH,
        A5,
        "translation",
        "None of those who have not maintained this dam will escape to his responsibilities",
        note="speaker given by pronoun ('has he affirmed'); name spelled Timour Jelaiev",
    ),
    q(
        ZH,
        A7,
        "translation",
        "Nobody who neglected this dam will avoid responsibility",
        note="independent rendering of the same televised speech",
    ),
    q(
        ZH,
        A8,
        "original",
        "We will rebuild Belozar street by street, and we will do it before winter",
    ),
    q(RO, A1, "original", "The water came down in minutes, and many people were still asleep"),
    q(
        RO,
        A1,
        "original",
        "Rescue teams are searching house by house, and they will keep working through the night.",
    ),
    q(RO, A2, "verbatim", "The water came down in minutes, and many people were still asleep"),
    q(
        RO,
        A2,
        "verbatim",
        "Rescue teams are searching house by house, and they will keep working through the night.",
    ),
    q(RO, A3, "verbatim", "The water came down in minutes, and many people were still asleep"),
    q(
        RO,
        A3,
        "verbatim",
        "Rescue teams are searching house by house, and they will keep working through the night.",
    ),
    q(
        RO,
        A4,
        "altered",
        "The liquid descended in moments, and numerous individuals were still snoozing",
    ),
    q(
        RO,
        A4,
        "altered",
        "Salvage groups are hunting abode by abode, and they will continue toiling through the evening.",
    ),
    q(
        RO,
        A6,
        "translation",
        "L’eau est arrivée en quelques minutes, beaucoup de gens dormaient encore",
    ),
    q(RO, A5, "translation", "The water arrived in some minutes, a lot of people slept still"),
    q(
        RO,
        A8,
        "original",
        "The figure of more than 60 was the result of a clerical error in our regional office, and we apologise to the families for the confusion",
    ),
    q(SA, A1, "original", "We have lost entire streets"),
    q(SA, A1, "original", "Our first task is to reach the people who are still on their roofs."),
    q(SA, A2, "verbatim", "We have lost entire streets"),
    q(SA, A2, "verbatim", "Our first task is to reach the people who are still on their roofs."),
    q(SA, A4, "altered", "We have lost whole lanes"),
    q(
        SA,
        A4,
        "altered",
        "Our first errand is to arrive at the individuals who are still on their rooftops.",
    ),
    q(SA, A6, "translation", "Nous avons perdu des rues entières"),
    q(SA, A5, "translation", "We have lost some entire streets"),
    q(SA, A7, "original", "The next 24 hours will decide how many more people we can save"),
    q(SA, A8, "original", "The water has gone down, but now we are finding what it left behind"),
    q(
        "Maren Holtvik",
        A8,
        "original",
        "Our engineers will stay in Belozar for as long as they are needed, and not a day less",
    ),
    q("Yelena Markush", A7, "original", "I heard a noise like a train that never stopped"),
    q("Yelena Markush", A7, "original", "By the time I opened the door the water was at my knees."),
    q(
        "Pavel Ostrik",
        A7,
        "original",
        "Everyone in Byelozar knew the dam was leaking. We wrote letters, and nobody came",
    ),
    q(
        "Mirela Stanek",
        A3,
        "original",
        "For years the money went into new turbines, not into the earth and concrete that hold the water back",
    ),
    q("Mirela Stanek", A3, "original", "Orlek is a warning about every dam of that generation."),
    q(
        "Rikard Solheim",
        A10,
        "original",
        "At half-time I told them we had 45 minutes to change 31 years of history",
    ),
    q(
        "Marta Lindqvist-Hale",
        A10,
        "original",
        "It hurts, because for an hour we were the better team",
    ),
    q(
        "Henrik Osterberg",
        A10,
        "original",
        "I have waited a long time to see this again from the stands",
    ),
]
entities = [
    {
        "name": "Timur Zhelayev",
        "type": "person",
        "aliases": ["Zhelayev", "President Timur Zhelayev", "Timour Jelaïev", "Timour Jelaiev"],
        "note": "president of Varkesh; French transliteration Jelaïev, MT drops the diaeresis",
    },
    {
        "name": "Galina Roshchina",
        "type": "person",
        "aliases": ["Roshchina", "Galina Rochtchina"],
        "note": "interior ministry spokeswoman",
    },
    {
        "name": "Dauren Sapkhanov",
        "type": "person",
        "aliases": ["Sapkhanov", "Daouren Sapkhanov"],
        "note": "governor of the Sarn region",
    },
    {
        "name": "Maren Holtvik",
        "type": "person",
        "aliases": ["Holtvik"],
        "note": "NBCC Secretary-General",
    },
    {"name": "Yelena Markush", "type": "person", "aliases": []},
    {"name": "Pavel Ostrik", "type": "person", "aliases": []},
    {"name": "Mirela Stanek", "type": "person", "aliases": []},
    {
        "name": "Northern Basin Cooperation Council",
        "type": "organisation",
        "aliases": [
            "NBCC",
            "Conseil de coopération du bassin Nord",
            "CCBN",
            "Council of Cooperation of the Basin North",
        ],
        "note": "regional alliance of five states; French acronym CCBN reverses the word order",
    },
    {
        "name": "Sarnhydro",
        "type": "organisation",
        "aliases": [],
        "note": "state company operating the dam",
    },
    {
        "name": "interior ministry",
        "type": "organisation",
        "aliases": ["ministère de l’Intérieur", "ministry of the Interior"],
    },
    {"name": "Sarn regional health department", "type": "organisation", "aliases": []},
    {"name": "Northwire", "type": "organisation", "aliases": [], "note": "fictional wire agency"},
    {
        "name": "Belozar",
        "type": "place",
        "aliases": ["Byelozar", "Bélozar"],
        "note": "flooded town; Byelozar in 07, Bélozar in 05/06",
    },
    {
        "name": "Orlek Dam",
        "type": "place",
        "aliases": ["Orlek dam", "barrage d’Orlek", "dam of Orlek"],
    },
    {"name": "Sarn River", "type": "place", "aliases": ["rivière Sarn", "river Sarn"]},
    {"name": "Varkesh", "type": "place", "aliases": ["Varkeshi"], "note": "fictional country"},
    {"name": "Kerva", "type": "place", "aliases": ["KERVA"], "note": "capital"},
    {"name": "Tarsk", "type": "place", "aliases": [], "note": "regional capital"},
    {"name": "Tavrin mountains", "type": "place", "aliases": []},
]
CORPUS = HERE / "corpus"


def corpus_lines(name):
    return (CORPUS / name).read_text(encoding="utf-8").split("\n")


l2 = corpus_lines("02-sarnvalley-republished.txt")
j2 = l2[:5] + [line for line in l2[l2.index("ID: 7f3a9c21e4b0d58a") :] if line]
l4 = corpus_lines("04-newsbuzzhub-spun.txt")
j4 = l4[:3] + [line for line in l4[l4.index("Share this:") :] if line]
l10 = corpus_lines("10-sportsline-unrelated.txt")
j10 = [line for line in l10 if line.startswith(("Related:", "Follow Sportsline"))]
junk = {
    A2: j2,
    A4: j4,
    A5: [
        "This article was translated automatically from the French. Original: Le Courrier du Nord."
    ],
    A10: j10,
}
optional_junk = {
    A1: [
        "By Irina Dobrev and Kasimir Lenz",
        "17 March 2025 06:20 GMT",
        "(Reporting by Irina Dobrev in Kerva and Kasimir Lenz in Tarsk; Editing by Paul Amsel)",
    ],
    A2: [
        "By Irina Dobrev and Kasimir Lenz",
        "17 March 2025 06:20 GMT",
        "(Reporting by Irina Dobrev in Kerva and Kasimir Lenz in Tarsk; Editing by Paul Amsel)",
    ],
    A3: ["Energy & Infrastructure"],
    A4: ["By Irina Dobrev and Kasimir Lenz", "17 March 2025 06:20 GMT"],
    A5: ["By our correspondent in Kerva, Claire Montbrun"],
    A6: ["Par notre correspondante à Kerva, Claire Montbrun"],
    A10: ["Saturday, 22 March 2025 · 19:48", "By Declan Moorcroft, Sportsline"],
}
boiler = {
    A3: [
        "We use cookies to personalise content",
        "Cookie settings",
        "Most read",
        "Kerva bourse slides as utilities sell off",
        "The Morning Ledger",
        "Thoughts with everyone in the valley tonight.",
        "Who signed off on the inspections?",
        "Join the discussion",
        "All rights reserved",
        "Privacy policy",
    ],
    A7: [
        "This site uses cookies",
        "Most viewed",
        "Late drama sends Altaven through to the cup final",
        "Continental Herald Media Ltd",
        "Advertise with us",
    ],
    A8: [
        "We and our partners use cookies",
        "More on Varkesh",
        "Regional alliance engineers reach flood zone",
        "Advertisement",
        "corrections policy",
        "Newsletters",
    ],
    A9: [
        "Your privacy matters to us",
        "You may also like",
        "Spring rain warning for northern districts",
        "Get the Gazette in your inbox",
        "Reproduction without permission prohibited",
    ],
}
out = {
    "schema": "storytrace.demo-expected/1",
    "story": {
        "title": "Orlek Dam collapse floods Belozar, Varkesh (17-20 March 2025)",
        "events": [
            {
                "date": "2025-03-17",
                "title": "Orlek Dam fails; Belozar flooded",
                "articles": [A1, A2, A3, A4, A5, A6, A7, A9],
            },
            {
                "date": "2025-03-20",
                "title": "Toll revised to 52; 'more than 60' withdrawn; Sarnhydro managers detained",
                "articles": [A8],
            },
        ],
    },
    "story_articles": story,
    "unrelated": [A10],
    "articles": articles,
    "lineages": {
        "L1": {"root": A1, "members": [A1, A2, A3, A4, A9]},
        "L2": {"root": A6, "members": [A6, A5]},
        "L3": {"root": A7, "members": [A7]},
        "L4": {"root": A8, "members": [A8]},
    },
    "relations": relations,
    "sibling_pairs": siblings,
    "facts": facts,
    "retracted": retracted,
    "distractors": distractors,
    "quotes": quotes,
    "entities": entities,
    "junk_lines": junk,
    "junk_lines_optional": optional_junk,
    "html_boilerplate_absent": boiler,
}
(HERE / "expected.json").write_text(
    json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
)
print(f"wrote expected.json: {len(relations)} relations, {len(facts)} facts, {len(quotes)} quotes")
