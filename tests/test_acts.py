"""How the acts one sentence tells stand to each other (veille.extract.acts), on
hand-parsed invented sentences."""

from __future__ import annotations

import pytest

from sentence_builder import W, tokens, trigger
from veille.extract.acts import grievances
from veille.extract.lexicon import Lexicon


@pytest.fixture(scope="module")
def en() -> Lexicon:
    return Lexicon.load("en")


def _protest_and_arrest(first: str) -> list[W]:
    # "Students marched on Monday <first> the arrest of their leaders"
    return [
        W("Students", "NOUN", "nsubj", 1),
        W("marched", "VERB", "ROOT", lemma="march"),
        W("on", "ADP", "prep", 1),
        W("Monday", "PROPN", "pobj", 2),
        W(first, "ADP", "prep", 1),
        W("the", "DET", "det", 6),
        W("arrest", "NOUN", "pobj", 4),
        W("of", "ADP", "prep", 6),
        W("their", "PRON", "poss", 9),
        W("leaders", "NOUN", "pobj", 7),
    ]


@pytest.mark.parametrize("first", ["against", "after", "following"])
def test_an_arrest_the_crowd_answers_is_a_grievance(en: Lexicon, first: str) -> None:
    toks = tokens(_protest_and_arrest(first))
    arrest = trigger(en, toks, 6)
    assert grievances(toks, [arrest]) == {toks[6].start}


@pytest.mark.parametrize(
    ("words", "at"),
    [
        # "Police arrested 40 marchers": the arrest is the verb of its own clause.
        (
            [
                W("Police", "NOUN", "nsubj", 1),
                W("arrested", "VERB", "ROOT", lemma="arrest"),
                W("40", "NUM", "nummod", 3),
                W("marchers", "NOUN", "dobj", 1),
            ],
            1,
        ),
        # "made over 40 arrests at the march": a number between the preposition and them.
        (
            [
                W("Police", "NOUN", "nsubj", 1),
                W("made", "VERB", "ROOT", lemma="make"),
                W("over", "ADP", "quantmod", 3),
                W("40", "NUM", "nummod", 4),
                W("arrests", "NOUN", "dobj", 1, lemma="arrest"),
            ],
            4,
        ),
    ],
)
def test_an_arrest_of_the_act_itself_is_no_grievance(en: Lexicon, words: list[W], at: int) -> None:
    toks = tokens(words)
    assert grievances(toks, [trigger(en, toks, at)]) == set()
