"""Harm told loosely, on sentences invented for these tests and run through the whole
pipeline: a count of people "killed or wounded" tells no death toll, a burning with no
crowd named is no riot, the buildings a count of them names were what burnt, and
people taken away by force were abducted."""

from __future__ import annotations

from typing import Any

import pytest

from veille.model import Article, Event


def _events(pipeline: Any, text: str, language: str) -> list[Event]:
    art = Article(id="h", text=text, language=language, published="2025-03-12")
    return pipeline.run([art])


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Thirty people were killed or wounded in an attack on Beni, DR Congo, on Tuesday.", "en"),
        ("Une trentaine de personnes ont été tuées ou blessées mardi dans une attaque à Beni, "
         "en RD Congo.", "fr"),
        ("Twelve villagers were killed or abducted when gunmen attacked Beni, DR Congo, on "
         "Tuesday.", "en"),
        ("قتل أو أصيب ثلاثون شخصا في هجوم على مدينة بني في الكونغو الديمقراطية يوم الثلاثاء.",
         "ar"),
    ],
)  # fmt: skip
def test_a_count_of_the_killed_or_otherwise_harmed_is_no_toll(
    pipeline: Any, text: str, language: str
) -> None:
    events = _events(pipeline, text, language)
    assert events and all(e.fatalities is None for e in events)


def test_the_dead_alone_keep_their_toll(pipeline: Any) -> None:
    text = "Thirty people were killed in an attack on Beni, DR Congo, on Tuesday."
    assert [e.fatalities for e in _events(pipeline, text, "en")] == [30]


def test_a_burning_with_no_crowd_is_no_riot(pipeline: Any) -> None:
    text = (
        "Plusieurs familles ont été massacrées mardi dans leurs maisons à Beni, en RD Congo, "
        "et certaines de ces maisons ont été incendiées."
    )
    events = _events(pipeline, text, "fr")
    assert [e.sub_event_type for e in events] == ["Attack"]
    assert all(e.actor1 is None or e.actor1.kind != "rioters" for e in events)


def test_a_crowd_burning_is_a_riot(pipeline: Any) -> None:
    text = "Des manifestants ont incendié mardi des pneus à Kinshasa, en RD Congo."
    assert [e.sub_event_type for e in _events(pipeline, text, "fr")] == ["Violent demonstration"]


def test_the_buildings_a_count_names_are_what_burnt(pipeline: Any) -> None:
    text = (
        "Des dizaines de maisons ont été incendiées mardi à Beni, en RD Congo, selon des habitants."
    )
    assert [e.sub_event_type for e in _events(pipeline, text, "fr")] == [
        "Looting/property destruction"
    ]


def test_people_taken_away_by_force_were_abducted(pipeline: Any) -> None:
    text = "Des hommes armés ont emmené de force douze villageois mardi à Beni, en RD Congo."
    assert [e.sub_event_type for e in _events(pipeline, text, "fr")] == [
        "Abduction/forced disappearance"
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Gunmen attacked a church in Derbent, Russia, on Sunday, killing two. Police arrested "
         "a suspect in Sergokala on Monday. Revised toll: officials say 14 people were killed.",
         "en"),
        ("Des assaillants ont attaqué dimanche une église à Derbent, en Russie, tuant deux "
         "personnes. La police a arrêté lundi un suspect à Sergokala. Nouveau bilan : selon "
         "les autorités, vingt personnes ont été tuées.", "fr"),
    ],
)  # fmt: skip
def test_an_updated_toll_counts_the_dead_of_the_act_told_before(
    pipeline: Any, text: str, language: str
) -> None:
    # Not a new killing where the arrest told last took place.
    events = _events(pipeline, text, language)
    assert sorted(e.sub_event_type for e in events) == ["Arrests", "Attack"]
    attack = next(e for e in events if e.sub_event_type == "Attack")
    assert attack.location is not None and attack.location.name == "Derbent"


def test_drones_of_an_attack_shot_down_are_part_of_it(pipeline: Any) -> None:
    # "One of the drones" is a drone of the attack told right before: one event, the
    # strike, not a strike and an interception.
    text = (
        "Deux drones ont visé mardi une base militaire près de Kirkouk, en Irak, selon un "
        "responsable. L'un des drones a été abattu par la défense aérienne de la base."
    )
    assert [e.sub_event_type for e in _events(pipeline, text, "fr")] == ["Air/drone strike"]
