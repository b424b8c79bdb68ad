"""Triggers (veille.extract.triggers): which trigger words fit their sentence, how
they group, and which ones refer to an event told before. Sentences invented."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from sentence_builder import W, sentence, tokens, trigger
from veille.extract.anaphora import anaphoric, anaphoric_arabic
from veille.extract.lexicon import Lexicon, Match, TriggerEntry
from veille.extract.triggers import (
    armed_sense_in,
    entry_family,
    find_triggers,
    group,
)
from veille.extract.weapons import find_weapons
from veille.model import Article


@pytest.fixture(scope="module")
def en() -> Lexicon:
    return Lexicon.load("en")


@pytest.fixture(scope="module")
def ar() -> Lexicon:
    return Lexicon.load("ar")


def _found(lex: Lexicon, words: Sequence[W | str]) -> list[str]:
    toks = tokens(words)
    s = sentence(toks)
    return [toks[m.start].text for m in find_triggers(lex, s, find_weapons(lex, toks))]


def test_a_trigger_that_requires_a_weapon(en: Lexicon) -> None:
    assert _found(en, ["Rebels", "struck", "the", "town"]) == []
    assert _found(en, ["Drones", "struck", "the", "town"]) == ["struck"]


def test_a_weak_trigger_needs_a_weapon_or_a_toll(en: Lexicon) -> None:
    assert _found(en, ["The", "offensive", "went", "on"]) == []
    assert _found(en, ["The", "offensive", "left", "4", "dead"]) == ["offensive"]
    # A noun for armed men tells who, not what happened: alone it is no event.
    assert _found(en, ["The", "gunmen", "fled", "into", "the", "forest"]) == []
    assert _found(en, ["Gunmen", "killed", "three", "traders"])[:1] == ["Gunmen"]


def test_a_trigger_that_needs_an_object(en: Lexicon) -> None:
    stormed = W("stormed", "VERB", "ROOT", lemma="storm")
    assert _found(en, [W("Troops", "NOUN", "nsubj", 1), stormed]) == []
    words = [W("Troops", "NOUN", "nsubj", 1), stormed, W("banks", "NOUN", "dobj", 1)]
    assert _found(en, words) == ["stormed"]


def test_a_forbidden_word_before_the_trigger(en: Lexicon) -> None:
    assert _found(en, ["He", "had", "a", "heart", "attack"]) == []


def test_compatible_families_form_one_happening(en: Lexicon) -> None:
    toks = tokens(["A", "clash", "and", "an", "attack", "then", "a", "protest"])
    clash, attack, protest = (trigger(en, toks, i) for i in (1, 4, 7))
    assert [entry_family(m.payload) for m in (clash, attack, protest)] == [
        "fight",
        "any",
        "protest",
    ]
    assert group([clash, attack]) == [[clash, attack]]
    assert group([protest, clash]) == [[protest], [clash]]


def test_a_demonstrative_or_a_confirmation_makes_a_known_event(en: Lexicon) -> None:
    toks = tokens([W("this", "DET", "det", 1), W("attack", "NOUN")])
    assert anaphoric(en, trigger(en, toks, 1), toks)
    confirmed = tokens(
        [
            W("Police", "NOUN", "nsubj", 1),
            W("confirmed", "VERB", "ROOT", lemma="confirm"),
            W("the", "DET", "det", 3),
            W("kidnapping", "NOUN", "dobj", 1),
        ]
    )
    assert anaphoric(en, trigger(en, confirmed, 3), confirmed)
    told = tokens([W("Rebels", "NOUN", "nsubj", 1), W("attacked", "VERB", lemma="attack")])
    assert not anaphoric(en, trigger(en, told, 1), told)


def test_arabic_definite_event_noun_is_a_known_event(ar: Lexicon) -> None:
    raid = TriggerEntry(p="غارات", sub="Air/drone strike")
    definite = tokens(["وقعت", "الغارات"])
    assert anaphoric_arabic(ar, [Match(1, 2, raid)], definite)
    indefinite = tokens(["وقعت", "غارات"])
    assert not anaphoric_arabic(ar, [Match(1, 2, raid)], indefinite)
    # Control is named with the article by idiom: a state taken, no event told before.
    taking = TriggerEntry(
        p="سيطره علي", sub="Non-state actor overtakes territory", place_object=True
    )
    control = tokens(["استعاد", "الجيش", "السيطرة", "على", "مدينة"])
    assert not anaphoric_arabic(ar, [Match(2, 4, taking)], control)


def _strikes(
    lex: Lexicon, words: list[W | str], *, actor_at: int | None = None, place_at: int | None = None
) -> list[str]:
    from sentence_builder import actor, place

    toks = tokens(words)
    actors = (
        [actor(toks, actor_at, actor_at, "army", "state_forces")] if actor_at is not None else []
    )
    places = [place(toks, place_at)] if place_at is not None else []
    s = sentence(toks, actors=actors, places=places)
    found = find_triggers(lex, s, find_weapons(lex, toks))
    return [toks[m.start].text for m in found if entry_family(m.payload) == "remote"]


STRIKES = W("strikes", "NOUN", lemma="strike")


def test_a_strike_without_a_weapon_needs_an_armed_owner_or_a_place_it_fell_on(
    en: Lexicon,
) -> None:
    # A labour strike has neither (it may be a protest, never a remote attack).
    assert _strikes(en, ["Dockers", "began", "a", "strike", "on", "Monday"]) == []
    # "Northland strikes" (an armed actor's), "strikes on Eastport" (a place hit).
    assert "strikes" in _strikes(en, ["Northland", STRIKES, "hit", "a", "depot"], actor_at=0)
    assert "strikes" in _strikes(
        en, ["Overnight", STRIKES, "on", "Eastport", "killed", "two"], place_at=3
    )
    assert "strikes" in _strikes(
        en, [STRIKES, "by", "the", "army", "hit", "a", "depot"], actor_at=3
    )


def test_an_adverbial_inside_a_verb_phrase_is_stepped_over() -> None:
    fr = Lexicon.load("fr")
    words = [
        W("Les", "DET", "det", 1),
        W("rebelles", "NOUN", "nsubj", 3),
        W("ont", "AUX", "aux:tense", 3),
        W("pris", "VERB", "ROOT", lemma="prendre"),
        W("lundi", "NOUN", "obl:mod", 3),
        W("le", "DET", "det", 6),
        W("contrôle", "NOUN", "obj", 3),
        W("de", "ADP", "case", 8),
        W("Sake", "PROPN", "nmod", 6),
    ]
    toks = tokens(words)
    found = [m for m in fr.triggers.find(toks) if m.payload.p == "prendre le contrôle"]
    assert [(m.start, m.end) for m in found] == [(3, 7)]
    # A word that is no adverbial of the verb breaks the phrase.
    words[4] = W("vite", "ADJ", "amod", 1)
    assert not [m for m in fr.triggers.find(tokens(words)) if m.payload.p == "prendre le contrôle"]


def test_a_strike_in_a_town_is_not_a_strike_on_it(en: Lexicon) -> None:
    # "Dockers held a strike in Eastport": where workers struck, not what was hit.
    words: list[W | str] = ["Dockers", "held", "a", STRIKES, "in", "Eastport"]
    assert _strikes(en, words, place_at=5) == []


def test_a_strike_that_harms_people_is_an_armed_strike(en: Lexicon) -> None:
    # No weapon, no owner, no place struck: the dead say which sense it is.
    assert _strikes(en, ["A", STRIKES, "near", "the", "port", "killed", "two"]) == ["strikes"]
    assert _strikes(en, ["A", STRIKES, "near", "the", "port", "wounded", "six"]) == ["strikes"]
    assert _strikes(en, ["A", STRIKES, "near", "the", "port", "closed", "shops"]) == []


def test_one_sense_per_text_for_a_word_armed_or_not(en: Lexicon) -> None:
    armed = tokens(["Northland", STRIKES, "hit", "a", "depot"])
    from sentence_builder import actor

    first = sentence(armed, actors=[actor(armed, 0, 0, "army", "state_forces")])
    second_toks = tokens(["Another", STRIKES, "was", "reported", "near", "the", "school"])
    second = sentence(second_toks)
    labour = sentence(tokens(["Dockers", "began", "a", STRIKES, "on", "Monday"]))
    assert armed_sense_in(en, [first, second])
    assert not armed_sense_in(en, [labour, second])
    # Alone, the second sentence names no armed strike; in a text that used the word
    # in its armed sense, it does.
    weapons = find_weapons(en, second_toks)
    assert find_triggers(en, second, weapons) == []
    kept = find_triggers(en, second, weapons, armed_sense=True)
    assert [second_toks[m.start].text for m in kept] == ["strikes"]


def test_arabic_control_over_a_place_with_its_possessive_forms(ar: Lexicon) -> None:
    # "أعلنت الجماعة سيطرتها على البلدة", "بسط المسلحون سيطرتهم على", "اجتاحت ... المدينة":
    # the verbal noun with its possessive suffix and the verbs of overrunning.
    for words in (
        ["اعلنت", "الجماعة", "سيطرتها", "على", "البلدة"],
        ["بسط", "المسلحون", "سيطرتهم", "على", "الوادي"],
        ["اجتاحت", "الفصائل", "المدينة"],
        ["اجتاحوا", "القرية"],
    ):
        toks = tokens(words)
        subs = {m.payload.sub for m in ar.triggers.find(toks)}
        assert "Non-state actor overtakes territory" in subs, words


def test_a_strike_that_hits_a_building_or_a_town_is_armed(en: Lexicon) -> None:
    def hit(obj: str, *, place: bool = False) -> list[str]:
        words: list[W | str] = [
            W("A", "DET", "det", 1),
            W("strike", "NOUN", "nsubj", 2, lemma="strike"),
            W("hit", "VERB", "ROOT", lemma="hit"),
            W("a", "DET", "det", 4),
            W(obj, "NOUN", "obj", 2),
        ]
        if place:
            words += [W("in", "ADP", "case", 6), W("Eastport", "PROPN", "obl", 2)]
        return _strikes(en, words, place_at=6 if place else None)

    assert hit("house") == ["strike"]
    assert hit("depot", place=True) == ["strike"]
    # A work stoppage hits production, not a house or a town.
    assert hit("production") == []


def test_an_arabic_attack_verb_on_a_village_is_an_attack_without_a_toll(ar: Lexicon) -> None:
    def found(words: list[str]) -> list[str]:
        toks = tokens(words)
        s = sentence(toks, language="ar")
        return [m.payload.p for m in find_triggers(ar, s, find_weapons(ar, toks))]

    assert "هاجم" in found(["هاجم", "مسلحون", "قرية", "نائية", "فجرا"])
    # Words against someone are no attack.
    assert "هاجم" not in found(["هاجم", "الوزير", "المعارضة", "في", "خطابه"])


def test_interception_systems_are_no_interception(ar: Lexicon) -> None:
    def subs(words: list[str]) -> set[str | None]:
        toks = tokens(words)
        s = sentence(toks, language="ar")
        return {m.payload.sub for m in find_triggers(ar, s, find_weapons(ar, toks))}

    assert "Disrupted weapons use" in subs(["تم", "اعتراض", "طائرة", "مسيرة", "فوق", "المدينة"])
    assert "Disrupted weapons use" not in subs(["طائرة", "مسيرة", "تتجاوز", "منظومات", "اعتراض"])


@pytest.mark.parametrize(
    ("second", "places"),
    [
        ("Nabatieh was also hit, state media said.", {"Nabatîyé et Tahta"}),
        ("The town of Nabatieh was hit several times.", {"Nabatîyé et Tahta"}),
        # a place only situates what was hit: no strike there
        ("Tourism in Beirut has been hit hard by the war.", set()),
    ],
)
def test_a_weak_verb_of_impact_in_an_armed_text_strikes_the_place_it_fell_on(
    pipeline: Any, second: str, places: set[str]
) -> None:
    text = f"Israeli jets struck targets in Lebanon on Monday. {second}"
    events = pipeline.run([Article(id="h", text=text, language="en", published="2024-03-12")])
    assert {e.location.name for e in events if e.location and e.location.geo_precision == 1} == (
        places
    )
