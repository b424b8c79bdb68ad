"""The sentence orchestrator (veille.extract.sentence): the readers' values put
together into candidates. Sentences and places invented."""

from __future__ import annotations

from datetime import date

import pytest

from sentence_builder import W, actor, place, sentence, tokens, when
from veille.extract.candidate import SentenceInput
from veille.extract.lexicon import Lexicon
from veille.extract.sentence import SentenceExtractor


@pytest.fixture(scope="module")
def en() -> SentenceExtractor:
    return SentenceExtractor(Lexicon.load("en"))


MONDAY = date(2031, 5, 5)


def _drones_struck(question: bool = False) -> list[W | str]:
    return [
        W("Militia", "PROPN", "compound", 1),
        W("drones", "NOUN", "nsubj", 2, lemma="drone"),
        W("struck", "VERB", "ROOT", lemma="strike"),
        W("Northvale", "PROPN", "dobj", 2),
        W("and", "CCONJ", "cc", 3),
        W("Eastport", "PROPN", "conj", 3),
        W("Monday", "PROPN", "npadvmod", 2),
        W("?" if question else ".", "PUNCT", "punct", 2),
    ]


def _input(question: bool = False) -> SentenceInput:
    toks = tokens(_drones_struck(question))
    return sentence(
        toks,
        actors=[actor(toks, 0, 0, "militia")],
        places=[place(toks, 3, iso3="AAA"), place(toks, 5, iso3="BBB")],
        dates=[when(toks, 6, MONDAY)],
    )


def test_one_candidate_per_place_of_a_list(en: SentenceExtractor) -> None:
    cands = en.extract(_input())
    assert [c.place.text for c in cands if c.place] == ["Northvale", "Eastport"]
    for c in cands:
        assert (c.sub_event_type, c.weapon, c.event_date) == ("Air/drone strike", "drone", MONDAY)
        assert c.actor1 is not None and c.actor1.actor_id == "militia"
        assert c.claim_status == "reported" and c.claim_via == "article"
        assert not c.anaphoric and c.fatalities is None
    assert cands[0] is not cands[1]


def test_a_question_asserts_nothing(en: SentenceExtractor) -> None:
    assert en.extract(_input(question=True)) == []
    assert en.statements(_input(question=True)) == []


def test_a_toll_alone_is_a_known_attack(en: SentenceExtractor) -> None:
    toks = tokens(["Four", "people", W("died", lemma="die")])
    (cand,) = en.extract(sentence(toks))
    assert (cand.generic, cand.anaphoric, cand.fatalities) == ("attack", True, 4)
    assert cand.trigger == cand.fatalities_span


def test_police_action_without_a_protest_trigger_is_an_intervention(
    en: SentenceExtractor,
) -> None:
    toks = tokens(["Police", "used", "tear", "gas"])
    police = actor(toks, 0, 0, "police", "state_forces")
    (cand,) = en.extract(sentence(toks, actors=[police]))
    assert cand.sub_event_type == "Protest with intervention" and cand.anaphoric
    assert cand.actor2 is police and cand.actor1 is None


def test_a_negated_attack_is_no_candidate(en: SentenceExtractor) -> None:
    words = [
        W("Rebels", "NOUN", "nsubj", 3),
        W("did", "AUX", "aux", 3),
        W("not", "PART", "neg", 3),
        W("attack", "VERB", "ROOT"),
    ]
    assert en.extract(sentence(tokens(words))) == []
