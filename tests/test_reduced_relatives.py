"""A reduced relative of belief after the doer ("militiamen believed to belong to X
attacked ..."): the English parser takes its participle for the sentence's verb; the repair hangs
it back on its noun, and whose the doers are said to be is who acted. Sentences
invented for these tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from veille.model import Article, Event
from veille.nlp import load_spacy
from veille.nlp.repairs import reduced_relatives
from veille.nlp.segment import Segment
from veille.nlp.sentences import split_sentences


def _toks(text: str) -> list[Any]:
    nlp = load_spacy("en")
    seg = Segment(0, len(text), text, "en", "s", "text", None)
    return [t for _, _, toks in split_sentences(nlp(text), seg) for t in toks]


def _events(pipeline: Any, text: str) -> list[Event]:
    art = Article(id="rr", text=text, language="en", published=date(2025, 3, 2))
    return list(pipeline.run([art]))


def test_the_participle_hangs_on_its_noun_and_the_act_is_the_verb() -> None:
    toks = _toks("Militiamen believed to belong to a local gang attacked a farm on Friday.")
    by = {t.text: t for t in toks}
    assert by["attacked"].dep == "ROOT"
    assert by["Militiamen"].head == by["attacked"].i and by["Militiamen"].dep == "nsubj"
    assert by["believed"].head == by["Militiamen"].i and by["believed"].dep == "acl"


def test_a_clause_of_belief_with_its_own_complementizer_is_left_alone() -> None:
    toks = _toks("Officials believed that a local gang attacked a farm on Friday.")
    by = {t.text: t for t in toks}
    assert by["believed"].dep == "ROOT"


def test_a_repaired_parse_is_not_repaired_again() -> None:
    toks = _toks("Militiamen believed to belong to a local gang attacked a farm on Friday.")
    before = [(t.head, t.dep) for t in toks]
    reduced_relatives(toks)  # split_sentences repaired it: a second pass changes nothing
    assert [(t.head, t.dep) for t in toks] == before


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen thought to belong to Boko Haram attacked a village in Borno State on "
        "Friday, killing eleven farmers.",
    ],
)
def test_whose_the_doers_are_said_to_be_is_who_acted(pipeline: Any, text: str) -> None:
    events = [e for e in _events(pipeline, text) if e.event_date == date(2025, 2, 28)]
    assert events
    first = events[0]
    assert first.sub_event_type == "Attack"
    assert first.actor1 is not None and first.actor1.id.startswith("boko-haram")
    assert first.actor2 is None or not first.actor2.id.startswith("boko-haram")


def test_men_said_to_be_members_who_were_arrested_were_acted_on(pipeline: Any) -> None:
    text = "Three men believed to be members of al-Shabaab were arrested in Kismayo on Monday."
    events = _events(pipeline, text)
    assert events
    assert all(e.actor1 is None or e.actor1.id != "al-shabaab" for e in events)
