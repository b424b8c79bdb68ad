"""One dead per person told with no number: a singular English noun of a person by its
ending ("a street vendor"), each of several joined persons ("a passenger and a
driver", «une femme et un enfant»); and a verb's phrase of place is not what it
destroyed ("blew up outside a police station"). Sentences invented for these tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from veille.model import Article, Event


def _events(pipeline: Any, text: str, language: str) -> list[Event]:
    art = Article(id="od", text=text, language=language, published=date(2025, 5, 9))
    return list(pipeline.run([art]))


@pytest.mark.parametrize(
    ("text", "language", "dead"),
    [
        (
            "A bomb went off beside a bus shelter in Yala on Thursday, killing a fruit seller.",
            "en",
            1,
        ),
        ("A drone strike hit a pickup near Marib on Thursday, killing a tribal leader.", "en", 1),
        (
            "Gunmen ambushed a minibus near Gao on Thursday, killing a passenger and a driver.",
            "en",
            2,
        ),
        (
            "Des assaillants ont attaqué jeudi un hameau près de Gao, tuant une femme et un "
            "enfant.",
            "fr",
            2,
        ),
    ],
)
def test_each_person_told_with_no_number_is_one_dead(
    pipeline: Any, text: str, language: str, dead: int
) -> None:
    events = _events(pipeline, text, language)
    assert [e.fatalities for e in events] == [dead]


def test_a_measure_of_people_counts_no_one(pipeline: Any) -> None:
    text = "Shelling hit the town of Izium on Thursday, killing a number of residents."
    assert [e.fatalities for e in _events(pipeline, text, "en")] == [None]


def test_what_blew_up_beside_a_building_is_a_blast_not_its_ruin(pipeline: Any) -> None:
    text = "In Yala, two devices blew up outside a police station on Thursday, injuring two."
    types = [e.sub_event_type for e in _events(pipeline, text, "en")]
    assert types == ["Remote explosive/landmine/IED"]


def test_a_building_blown_up_is_still_destroyed(pipeline: Any) -> None:
    text = "Militants blew up a police station in Yala on Thursday."
    types = [e.sub_event_type for e in _events(pipeline, text, "en")]
    assert types == ["Looting/property destruction"]


def test_a_count_of_things_is_no_toll(pipeline: Any) -> None:
    # «une dizaine de véhicules» beside the dead counts vehicles, not dead.
    text = (
        "Jeudi, une frappe a visé un campement près de Léré : dix-huit combattants tués, "
        "une dizaine de véhicules détruits."
    )
    assert [e.fatalities for e in _events(pipeline, text, "fr")] == [18]
