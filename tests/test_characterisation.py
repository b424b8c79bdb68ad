"""Sentences that qualify or generalise instead of telling an event. Sentences invented."""

from __future__ import annotations

from typing import Any

import pytest

from veille.extract.taxonomy import SUB_EVENT_TYPES
from veille.model import Article, Event


def _violent(pipeline: Any, text: str, lang: str) -> list[Event]:
    art = Article(id="c", text=text, language=lang, published="2025-05-06")
    return [e for e in pipeline.run([art]) if SUB_EVENT_TYPES[e.sub_event_type].violent]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Les autorités locales parlent d'un bombardement délibéré contre des civils.", "fr"),
        ("The opposition described the raid as a deliberate attack on civilians.", "en"),
        ("حاولت الجماعة تصوير هذا الهجوم على أنه اشتباك مع مسلحين", "ar"),
    ],
)
def test_a_qualified_event_is_no_event_of_its_own(pipeline: Any, text: str, lang: str) -> None:
    assert _violent(pipeline, text, lang) == []


def test_the_simple_present_tells_a_policy_not_an_event(pipeline: Any) -> None:
    assert _violent(pipeline, "The ministry says it targets only military sites.", "en") == []
    dated = "Drones targeted a fuel depot near Kursk on Monday, the governor said."
    assert len(_violent(pipeline, dated, "en")) == 1


def test_fighting_people_flee_is_background(pipeline: Any) -> None:
    text = (
        "Le 3 mars 2021, une frappe de roquettes contre le marché de Tessit avait tué "
        "douze habitants qui fuyaient les combats."
    )
    events = _violent(pipeline, text, "fr")
    assert [e.sub_event_type for e in events] == ["Shelling/artillery/missile attack"]


def test_according_to_the_police_the_police_only_reports(pipeline: Any) -> None:
    text = "Un obus a frappé mardi le village de Tessit, blessant deux bergers, selon la police."
    events = _violent(pipeline, text, "fr")
    assert len(events) == 1
    assert events[0].actor2 is None or events[0].actor2.kind != "state_forces"


def test_an_assault_on_worshippers_is_an_attack_on_an_army_post_a_clash(pipeline: Any) -> None:
    on_church = "Des assaillants ont lancé un assaut dimanche contre une église de Kaya."
    on_post = "Des assaillants ont lancé un assaut dimanche contre un poste militaire de Kaya."
    assert [e.sub_event_type for e in _violent(pipeline, on_church, "fr")] == ["Attack"]
    assert [e.sub_event_type for e in _violent(pipeline, on_post, "fr")] == ["Armed clash"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "A martyrdom-seeking fighter drove a car laden with explosives into a base on Friday.",
            "en",
        ),
        ("Des kamikazes ont visé vendredi une caserne de l'armée.", "fr"),
    ],
)
def test_the_vocabulary_of_suicide_attacks(pipeline: Any, text: str, lang: str) -> None:
    assert [e.sub_event_type for e in _violent(pipeline, text, lang)] == ["Suicide bomb"]
