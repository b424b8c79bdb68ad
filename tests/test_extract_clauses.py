"""How a sentence's clauses part what it tells (veille.extract.clauses), on invented
sentences built token by token with their parse."""

from __future__ import annotations

from sentence_builder import W, tokens
from veille.extract.clauses import clause_joints, elliptic_others
from veille.extract.lexicon import Lexicon, Match


def _strike(lex: Lexicon, i: int) -> Match:
    entry = next(m for m in lex.triggers.find(tokens(["strike"])))
    return Match(i, i + 1, entry.payload)


def _another_hit() -> list[W]:
    # "A strike hit a farm and another hit a car"
    return [
        W("A", "DET", "det", 1),
        W("strike", "NOUN", "nsubj", 2),
        W("hit", "VERB", "ROOT", 2),
        W("a", "DET", "det", 4),
        W("farm", "NOUN", "dobj", 2),
        W("and", "CCONJ", "cc", 2),
        W("another", "PRON", "nsubj", 7),
        W("hit", "VERB", "conj", 2),
        W("a", "DET", "det", 9),
        W("car", "NOUN", "dobj", 7),
    ]


def test_and_before_a_subject_of_otherness_is_a_joint_and_stands_for_the_noun() -> None:
    en = Lexicon.load("en")
    toks = tokens(_another_hit())
    strike = _strike(en, 1)
    assert clause_joints(en, toks, [strike]) == [5]
    (other,) = elliptic_others(en, toks, [strike])
    assert (other.start, other.payload) == (6, strike.payload)


def test_a_verb_sharing_the_first_subject_or_another_doer_makes_no_joint() -> None:
    en = Lexicon.load("en")
    # "A strike hit a farm and killed two": one subject, one act.
    shared = tokens(
        [*_another_hit()[:6], W("killed", "VERB", "conj", 2), W("two", "NUM", "dobj", 6)]
    )
    assert clause_joints(en, shared, [_strike(en, 1)]) == []
    # "... and rescuers took ...": a subject of its own that tells no event.
    words = _another_hit()
    words[6] = W("rescuers", "NOUN", "nsubj", 7)
    other_doer = tokens(words)
    assert clause_joints(en, other_doer, [_strike(en, 1)]) == []
    assert elliptic_others(en, other_doer, [_strike(en, 1)]) == []


def _events_of(text: str) -> list[tuple[str | None, int | None]]:
    from datetime import date

    from veille.model import Article
    from veille.pipeline import Pipeline

    art = Article(id="cj", text=text, language="en", published=date(2025, 6, 13))
    return sorted(
        ((e.location.name if e.location else None, e.fatalities) for e in Pipeline().run([art])),
        key=lambda x: x[1] or 0,
    )


def test_a_clause_with_its_own_place_and_count_of_dead_is_its_own_event() -> None:
    # "..., and in Y three died": the second clause's place phrase stands between the
    # "and" and its subject; its dead are its own, not the first clause's.
    found = _events_of(
        "On Thursday a drone hit a pickup in Tubas and killed two men, and in Tammun "
        "five died when a house was hit."
    )
    assert [f for _, f in found] == [2, 5]


def test_a_second_subject_hung_on_the_first_object_still_opens_a_clause() -> None:
    found = _events_of(
        "On Thursday an air strike on a pickup in Tubas killed two men and another strike "
        "on a house in Tammun killed five."
    )
    assert [f for _, f in found] == [2, 5]
