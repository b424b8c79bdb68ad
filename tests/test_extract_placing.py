"""Placing (veille.extract.placing): where the event happened among the places its
sentence names. Sentences and places invented."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from sentence_builder import W, place, sentence, tokens
from veille.extract.candidate import PlaceRef
from veille.extract.clusters import place_clusters, specificity
from veille.extract.lexicon import Lexicon
from veille.extract.placing import choose_places
from veille.extract.voices import voices


@pytest.fixture(scope="module")
def en() -> Lexicon:
    return Lexicon.load("en")


STRUCK = W("struck", "VERB", "ROOT", lemma="strike")


def _names(places: list[PlaceRef]) -> list[str]:
    return [p.text for p in places]


def test_the_clause_place_not_the_speakers(en: Lexicon) -> None:
    toks = tokens(
        [
            W("Rebels", "NOUN", "nsubj", 1),
            STRUCK,
            W("Northvale", "PROPN", "dobj", 1),
            W(",", "PUNCT", "punct", 1),
            W("officials", "NOUN", "nsubj", 7),
            W("in", "ADP", "prep", 4),
            W("Southport", "PROPN", "pobj", 5),
            W("said", "VERB", "parataxis", 1, lemma="say"),
        ]
    )
    places = [place(toks, 2, iso3="AAA"), place(toks, 6, iso3="BBB")]
    got = choose_places(en, (toks[1].start, toks[1].end), sentence(toks, places=places))
    assert _names(got) == ["Northvale"]


def test_a_list_of_places_in_two_countries_is_two_events(en: Lexicon) -> None:
    toks = tokens(
        [
            W("Drones", "NOUN", "nsubj", 1),
            STRUCK,
            W("Northvale", "PROPN", "dobj", 1),
            W("and", "CCONJ", "cc", 2),
            W("Eastport", "PROPN", "conj", 2),
        ]
    )
    trig = (toks[1].start, toks[1].end)
    two = [place(toks, 2, iso3="AAA"), place(toks, 4, iso3="BBB")]
    assert _names(choose_places(en, trig, sentence(toks, places=two))) == [
        "Northvale",
        "Eastport",
    ]
    one_province = [place(toks, 2, iso3="AAA"), place(toks, 4, iso3="AAA")]
    # Two towns of one province are two locations too (ACLED: one event per location).
    assert len(choose_places(en, trig, sentence(toks, places=one_province))) == 2


def test_places_naming_one_location_give_the_most_specific(en: Lexicon) -> None:
    toks = tokens(["Drones", "struck", "Northvale", ",", "in", "Westland", "province"])
    city = place(toks, 2, iso3="AAA")
    province = place(toks, 5, iso3="AAA", feature="admin1", precision=2)
    s = sentence(toks, places=[province, city])
    assert place_clusters([province, city], s) == [[city, province]]
    assert specificity(city) < specificity(province)
    assert choose_places(en, (toks[1].start, toks[1].end), s) == [city]


def test_a_peoples_adjective_places_only_when_nothing_else_does(en: Lexicon) -> None:
    toks = tokens(["Drones", "struck", "Ruritanian", "boats", "off", "Northvale"])
    trig = (toks[1].start, toks[1].end)
    demonym = place(toks, 2, iso3="RRR", feature="country", precision=3, demonym=True)
    city = place(toks, 5, iso3="AAA")
    assert choose_places(en, trig, sentence(toks, places=[demonym, city])) == [city]
    assert choose_places(en, trig, sentence(toks, places=[demonym])) == [demonym]


def test_a_place_in_a_justification_is_not_where_it_happened(en: Lexicon) -> None:
    toks = tokens(
        [
            W("Rebels", "NOUN", "nsubj", 1),
            W("attacked", "VERB", "ROOT", lemma="attack"),
            W("in", "ADP", "prep", 1),
            W("retaliation", "NOUN", "pobj", 2),
            W("for", "ADP", "prep", 3),
            W("Northvale", "PROPN", "pobj", 4),
        ]
    )
    s = sentence(toks, places=[place(toks, 5)])
    assert choose_places(en, (toks[1].start, toks[1].end), s) == []


def test_a_name_inside_a_weapon_is_no_place(en: Lexicon) -> None:
    # "Drones of the Vostok type hit Northvale": the type names the weapon, not a town.
    toks = tokens(
        [
            W("Drones", "NOUN", "nsubj", 5),
            W("of", "ADP", "prep", 0),
            W("the", "DET", "det", 4),
            W("Vostok", "PROPN", "compound", 4),
            W("type", "NOUN", "pobj", 1),
            W("hit", "VERB", "ROOT", lemma="hit"),
            W("Northvale", "PROPN", "dobj", 5),
        ]
    )
    places = [place(toks, 3), place(toks, 6)]
    weapon = (toks[3].start, toks[3].end)
    s = sentence(toks, places=places)
    got = choose_places(en, (toks[5].start, toks[5].end), s, [weapon])
    assert _names(got) == ["Northvale"]
    # Without the weapon's words the first of two equal places would be taken.
    assert _names(choose_places(en, (toks[5].start, toks[5].end), s)) == ["Vostok"]


def test_towns_after_a_bare_comma_are_a_list(en: Lexicon) -> None:
    # "struck Northvale, Eastport and Westfield": three towns, three events.
    toks = tokens(
        [
            STRUCK,
            W("Northvale", "PROPN", "dobj", 0),
            W(",", "PUNCT", "punct", 1),
            W("Eastport", "PROPN", "conj", 1),
            W("and", "CCONJ", "cc", 3),
            W("Westfield", "PROPN", "conj", 3),
        ]
    )
    places = [place(toks, 1, admin1="P"), place(toks, 3, admin1="P"), place(toks, 5, admin1="P")]
    got = choose_places(en, (toks[0].start, toks[0].end), sentence(toks, places=places))
    assert _names(got) == ["Northvale", "Eastport", "Westfield"]
    # A town then its province after a comma still names one location.
    province = place(toks, 3, admin1="P", feature="admin1", precision=3)
    got = choose_places(
        en, (toks[0].start, toks[0].end), sentence(toks, places=[places[0], province])
    )
    assert _names(got) == ["Northvale"]


def test_a_place_listed_after_an_attached_one_is_attached_too(en: Lexicon) -> None:
    # The parse hung the last town of the list on something else.
    toks = tokens(
        [
            STRUCK,
            W("Northvale", "PROPN", "dobj", 0),
            W(",", "PUNCT", "punct", 1),
            W("Eastport", "PROPN", "conj", 1),
            W("and", "CCONJ", "cc", 3),
            W("Westfield", "PROPN", "npadvmod", 6),
            W("early", "ADV", "advmod", 0),
        ]
    )
    places = [place(toks, 1), place(toks, 3), place(toks, 5)]
    got = choose_places(en, (toks[0].start, toks[0].end), sentence(toks, places=places))
    assert _names(got) == ["Northvale", "Eastport", "Westfield"]


def test_a_place_listed_before_an_attached_one_is_attached_too(en: Lexicon) -> None:
    # "Northvale and Eastport were struck": the parse cut the first town of the
    # subject list off the clause (a root of its own).
    toks = tokens(
        [
            W("Northvale", "PROPN", "ROOT", 0),
            W("and", "CCONJ", "cc", 4),
            W("Eastport", "PROPN", "nsubjpass", 4),
            W("were", "AUX", "auxpass", 4),
            W("struck", "VERB", "ROOT", 4, lemma="strike", morph="Voice=Pass"),
        ]
    )
    places = [place(toks, 0), place(toks, 2)]
    got = choose_places(en, (toks[4].start, toks[4].end), sentence(toks, places=places))
    assert _names(got) == ["Northvale", "Eastport"]


@pytest.mark.parametrize(
    ("words", "at", "speaks_"),
    [
        # «ونسبته X وY إلى ...»: verb-subject order, the names right after the verb.
        (["ونسبته", "موسكو", "وانقره", "الي", "واشنطن"], 1, True),
        (["ونسبته", "موسكو", "وانقره", "الي", "واشنطن"], 2, True),
        (["دانت", "دمشق", "الهجوم"], 1, True),
        # The seat of an institution that speaks («قالت وزارة الصحة في X إن»)...
        (["قالت", "وزارة", "الصحة", "في", "دمشق", "ان"], 4, True),
        # ... but not where a person speaks from, nor a place after a non-speaking one.
        (["قال", "مسؤول", "في", "دمشق", "ان"], 3, False),
        (["قصفت", "وزارة", "الدفاع", "في", "دمشق"], 4, False),
        # A place after the victims of a strike is where it fell.
        (["قتل", "خمسه", "في", "دمشق"], 3, False),
    ],
)
def test_an_arabic_name_right_after_a_verb_of_blame_speaks(
    words: list[str], at: int, speaks_: bool
) -> None:
    ar = Lexicon.load("ar")
    # The lemma is the word without its conjunction, as the Arabic tokenizer gives it.
    toks = tokens([W(w, "X", "", lemma=w[1:] if w.startswith("و") else w) for w in words])
    places = [place(toks, at, iso3="AAA")]
    s = sentence(toks, places=places, language="ar")
    assert (places[0].start in voices(ar, s)) is speaks_


@pytest.mark.parametrize("label", ["", "14 h 05 — ", "14h05 - "])
def test_a_capital_opening_a_denial_is_a_voice_even_misparsed(pipeline: Any, label: str) -> None:
    # The French parser reads «dément» (denies) as the adjective "insane"; the capital
    # that opens the sentence right before it (past a live blog's entry time) still
    # speaks for its government.
    from veille.model import Article

    text = (
        "Lundi, un missile a frappé un dispensaire à Kharkiv, tuant six personnes.\n\n"
        f"{label}Moscou dément avoir tiré sur le dispensaire."
    )
    art = Article(id="v", text=text, language="fr", published="2025-03-12")
    events = pipeline.run([art])
    assert events and all(e.location is None or e.location.iso3 == "UKR" for e in events)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Washington bombed militia positions on Friday, officials said.", "en"),
        ("Washington has struck back several times since the raid.", "en"),
        ("Paris a bombardé des positions jihadistes vendredi.", "fr"),
    ],
)
def test_a_capital_that_does_the_violence_is_the_doer_not_the_place(
    pipeline: Any, text: str, language: str
) -> None:
    from veille.model import Article

    art = Article(id="d", text=text, language=language, published="2025-03-12")
    assert all(e.location is None for e in pipeline.run([art]))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Kharkiv shelled overnight, three dead.", "en"),  # a headline's bare participle
        ("Kharkiv was shelled overnight, killing three.", "en"),
        ("Kharkiv a été bombardée vendredi, faisant trois morts.", "fr"),
    ],
)
def test_a_town_that_was_hit_is_the_place(pipeline: Any, text: str, language: str) -> None:
    from veille.model import Article

    art = Article(id="d", text=text, language=language, published="2025-03-12")
    assert [e.location.name if e.location else None for e in pipeline.run([art])] == ["Kharkiv"]


@pytest.mark.parametrize("mark", ["-", ":"])
def test_a_live_blog_headings_place_is_where_not_who(pipeline: Any, mark: str) -> None:
    # The parser hangs the heading's place on the verb as a second subject; the drone
    # struck, the town did not.
    from veille.model import Article

    text = f"Kherson {mark} a drone hit a bus on Tuesday, injuring three people."
    art = Article(id="h", text=text, language="en", published="2025-03-12")
    events = pipeline.run([art])
    assert [e.location.name for e in events if e.location] == ["Kherson"]


def test_a_place_deep_in_a_list_of_noun_phrases_hangs_on_the_verb() -> None:
    # "Jets hit the edges of Asa and many farms of the Bora district": Bora hangs seven
    # words below "hit" (district < of < farms < Asa < of < edges < hit); it is in the
    # verb's own clause all the same.
    from veille.extract.placing import attachment

    toks = tokens(
        [
            W("Jets", "NOUN", "nsubj", 1),
            W("hit", "VERB", "ROOT"),
            W("the", "DET", "det", 3),
            W("edges", "NOUN", "dobj", 1),
            W("of", "ADP", "prep", 3),
            W("Asa", "PROPN", "pobj", 4),
            W("and", "CCONJ", "cc", 5),
            W("many", "ADJ", "amod", 8),
            W("farms", "NOUN", "conj", 5),
            W("of", "ADP", "prep", 8),
            W("the", "DET", "det", 12),
            W("Bora", "PROPN", "compound", 12),
            W("district", "NOUN", "pobj", 9),
        ]
    )
    s = sentence(toks, places=[place(toks, 5), place(toks, 11)])
    trigger = (toks[1].start, toks[1].end)
    assert [attachment(p, trigger, s) for p in s.places] == [0, 0]


_IN_THE_CAZA_OF = ["dans", "le", "caza", "de"]


@pytest.mark.parametrize(
    "words",
    [
        ["Drones", "struck", "Northvale", ",", "in", "the", "district", "of", "Eastport"],
        ["Des", "drones", "ont", "frappé", "Northvale", ",", *_IN_THE_CAZA_OF, "Eastport"],
    ],
)
def test_a_town_then_the_town_its_district_is_named_after_is_one_location(
    en: Lexicon, words: list[str]
) -> None:
    # A district is named after its seat: the seat's name after an area's noun names the
    # area the first town lies in, not a second place struck.
    toks = tokens(words)
    k = words.index("Northvale")
    town, seat = place(toks, k, iso3="AAA"), place(toks, len(words) - 1, iso3="AAA")
    s = sentence(toks, places=[town, seat])
    assert place_clusters([town, seat], s) == [[town, seat]]


def test_a_town_in_a_vague_part_of_another_is_one_location(en: Lexicon) -> None:
    # "In northern Northvale, a strike on a school in Eastport": the north of a town
    # (read at the town, vague) holds the town struck a few km from it.
    words = ["In", "northern", "Northvale", ",", "a", "strike", "hit", "Eastport"]
    toks = tokens(words)
    part = replace(place(toks, 2, iso3="AAA", precision=2), vague=True, lat=31.50, lon=34.46)
    town = replace(place(toks, 7, iso3="AAA"), lat=31.53, lon=34.48)
    s = sentence(toks, places=[part, town])
    assert place_clusters([part, town], s) == [[part, town]]
    assert choose_places(en, (toks[5].start, toks[5].end), s) == [town]
    # a town 100 km away is another location
    far = replace(town, lat=32.40, lon=34.90)
    assert place_clusters([part, far], sentence(toks, places=[part, far])) == [[part], [far]]
