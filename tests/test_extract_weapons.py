"""Weapons (veille.extract.weapons): the type a weapon gives a generic trigger.
Sentences invented."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from sentence_builder import W, tokens, trigger
from veille.extract.candidate import Typing
from veille.extract.lexicon import Lexicon
from veille.extract.weapons import find_weapons, read_weapon
from veille.model import Article


@pytest.fixture(scope="module")
def en() -> Lexicon:
    return Lexicon.load("en")


def _typing(lex: Lexicon, words: Sequence[W | str], at: int) -> Typing:
    toks = tokens(words)
    m = trigger(lex, toks, at)
    return read_weapon(lex, Typing.of(m.payload), [m], toks, find_weapons(lex, toks))


def test_a_generic_attack_takes_the_weapons_type(en: Lexicon) -> None:
    words: list[W | str] = ["Rebels", W("attacked", lemma="attack"), "with", "3", "drones"]
    typing = _typing(en, words, 1)
    assert typing.sub_event_type == "Air/drone strike"
    assert (typing.weapon, typing.weapon_count, typing.rank) == ("drone", 3, 2)
    assert typing.family == "remote"


def test_without_a_weapon_the_trigger_keeps_its_typing(en: Lexicon) -> None:
    toks = tokens(["Rebels", W("attacked", lemma="attack"), "the", "town"])
    m = trigger(en, toks, 1)
    assert read_weapon(en, Typing.of(m.payload), [m], toks, []) == Typing.of(m.payload)
    assert Typing.of(m.payload).sub_event_type is None


def test_a_weapon_completing_another_noun_is_the_target(en: Lexicon) -> None:
    words = [
        W("Rebels", "NOUN", "nsubj", 1),
        W("attacked", "VERB", "ROOT", lemma="attack"),
        W("depots", "NOUN", "dobj", 1),
        W("of", "ADP", "case", 4),
        W("drones", "NOUN", "nmod", 2),
    ]
    typing = _typing(en, words, 1)
    assert typing.sub_event_type is None and typing.weapon is None


@pytest.mark.parametrize(
    ("lang", "words", "weapon"),
    [
        ("fr", ["des", "drones", "Geran", "ont", "frappé"], "drone"),
        ("en", ["two", "Iskander", "missiles", "hit"], "missile"),
        ("en", ["a", "Grad", "barrage"], "rocket"),
        ("ar", ["صواريخ", "غراد", "على", "البلدة"], "rocket"),
    ],
)
def test_a_weapon_model_name_is_a_weapon(lang: str, words: list[str], weapon: str) -> None:
    lex = Lexicon.load(lang)
    found = {m.payload.weapon for m in find_weapons(lex, tokens(words))}
    assert weapon in found


@pytest.mark.parametrize(
    ("text", "air"),
    [
        # «chasseurs» with a word of hunters after it are people (dozo hunters), no jets.
        ("Des chasseurs dozos ont attaqué un hameau peul près de Djenné samedi.", False),
        ("Des chasseurs traditionnels ont attaqué un hameau près de Djenné samedi.", False),
        # Without one, the fighter jets they also are.
        ("Des chasseurs russes ont bombardé un hameau près d'Idleb samedi.", True),
    ],
)
def test_a_word_for_jets_and_for_hunters_reads_its_neighbour(
    pipeline: Any, text: str, air: bool
) -> None:
    art = Article(id="h", text=text, language="fr", published="2025-03-10")
    (event,) = pipeline.run([art])
    assert (event.sub_event_type == "Air/drone strike") is air


@pytest.mark.parametrize(
    "text",
    [
        # the count heads the phrase: "une vingtaine de roquettes", rockets counted
        "Le groupe a tiré une vingtaine de roquettes sur Tarn, en Norvège, lundi.",
        # the parse hangs the weapon on the day stepped over («a tiré lundi des roquettes»)
        "Le groupe a tiré lundi des roquettes sur Tarn, en Norvège.",
    ],
)
def test_a_weapon_counted_or_after_a_day_is_the_acts_weapon(pipeline: Any, text: str) -> None:
    events = pipeline.run([Article(id="w", text=text, language="fr", published="2025-03-12")])
    assert [(e.sub_event_type, e.weapon) for e in events] == [
        ("Shelling/artillery/missile attack", "rocket")
    ]
