"""Candidates (veille.extract.candidate): family and the clone one event per place gets."""

from __future__ import annotations

from sentence_builder import place, sentence, tokens
from veille.extract.candidate import Candidate, Typing, clone


def _candidate(sub: str | None, generic: str | None) -> Candidate:
    s = sentence(tokens(["Drones", "struck", "Harbourton"]))
    return Candidate(s, (0, 6), Typing(sub, generic, None, 1, None))


def test_family_of_typed_and_generic_candidates() -> None:
    assert _candidate("Air/drone strike", None).family == "remote"
    assert _candidate(None, "remote").family == "remote"
    assert _candidate(None, "attack").family == "any"


def test_a_clone_is_a_new_candidate_with_the_same_fields() -> None:
    cand = _candidate(None, "attack")
    cand.fatalities = 3
    other = clone(cand)
    other.place = place(cand.sentence.tokens, 2)
    assert other is not cand and cand.place is None
    assert other.fatalities == 3 and other.sentence is cand.sentence
