"""Who did it and who was hit, in constructions the parse leaves open: the subject of a
main clause whose participle tells the harm, an "under" of place that tells no
undergoing, and a second people's adjective joined to a state's forces. Sentences
invented for these tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from veille.model import Article, Event


def _events(pipeline: Any, text: str, language: str) -> list[Event]:
    art = Article(id="ds", text=text, language=language, published=date(2025, 4, 8))
    return list(pipeline.run([art]))


def _ids(e: Event) -> tuple[str | None, str | None]:
    return (e.actor1.id if e.actor1 else None, e.actor2.id if e.actor2 else None)


def test_the_main_clauses_subject_did_what_its_participle_tells(pipeline: Any) -> None:
    text = (
        "Maoists set off a landmine beneath a police jeep in Dantewada district on "
        "Sunday, killing five constables."
    )
    events = _events(pipeline, text, "en")
    assert events
    doer, hit = _ids(events[0])
    assert doer == "cpi-maoist"
    assert hit is None or hit.startswith("police-forces")


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        (
            "Militants planted a bomb under an army truck near Kandahar on Sunday, killing "
            "three soldiers.",
            "military-forces-afg",
        ),
        (
            "Gunmen hid explosives under a police van in Quetta on Sunday, killing four officers.",
            "police-forces-pak",
        ),
    ],
)
def test_the_owner_of_the_thing_a_bomb_was_set_under_was_hit(
    pipeline: Any, text: str, owner: str
) -> None:
    events = _events(pipeline, text, "en")
    assert events
    assert _ids(events[0]) == (None, owner)


def test_came_under_an_attack_still_makes_the_subject_its_target(pipeline: Any) -> None:
    text = "A police patrol came under attack from gunmen near Gusau on Sunday."
    events = _events(pipeline, text, "en")
    assert events
    assert _ids(events[0])[1] == "police-forces-nga"


def test_a_second_adjective_names_the_second_states_forces(pipeline: Any) -> None:
    # Tanzania's forces alone in Mozambique overtake ground; with Mozambique's beside
    # them, the state's forces regain it.
    text = "Les troupes tanzaniennes et mozambicaines ont reconquis lundi la localité de Macomia."
    events = _events(pipeline, text, "fr")
    assert [e.sub_event_type for e in events] == ["Government regains territory"]


def test_one_states_forces_alone_abroad_overtake_ground(pipeline: Any) -> None:
    text = "Les troupes tanzaniennes ont reconquis lundi la localité de Macomia."
    events = _events(pipeline, text, "fr")
    assert [e.sub_event_type for e in events] == ["Non-state actor overtakes territory"]


def test_a_bomb_outside_a_police_station_makes_no_doer_of_the_police(pipeline: Any) -> None:
    # And no story lends them to the undoered blasts told beside it.
    text = (
        "Two bombs went off outside a police station in Yala on Friday, killing a "
        "street vendor, officials said.\n\n"
        "Hours later a third bomb went off near a mosque in Pattani, killing one person."
    )
    events = _events(pipeline, text, "en")
    assert len(events) == 2
    assert all(e.actor1 is None for e in events)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Gunmen seized two Italian tourists on Sunday, officials said.", "en"),
        (
            "Des inconnus armés ont enlevé dimanche deux touristes italiens, selon des sources "
            "locales.",
            "fr",
        ),
    ],
)
def test_the_nationality_of_people_is_no_place(pipeline: Any, text: str, language: str) -> None:
    # Whose the tourists are is not where they were seized: no event in Italy.
    for e in _events(pipeline, text, language):
        assert e.location is None or e.location.iso3 != "ITA"


def test_a_place_named_beside_foreigners_still_places_the_act(pipeline: Any) -> None:
    text = "Gunmen seized two Italian tourists near Agadez on Sunday, officials said."
    events = _events(pipeline, text, "en")
    assert [e.location.iso3 if e.location else None for e in events] == ["NER"]


@pytest.mark.parametrize(
    "text",
    [
        "On Friday, gunmen shot dead a village administrator in Magway.",
        "On Friday, militants shot dead a town councillor in Magway.",
    ],
)
def test_an_office_holder_killed_is_a_civilian_attacked(pipeline: Any, text: str) -> None:
    events = _events(pipeline, text, "en")
    assert [e.sub_event_type for e in events] == ["Attack"]


def test_a_numbered_ward_is_a_part_of_the_town_named_after_it(pipeline: Any) -> None:
    # "Ward 4" names a ward of the town that follows, not the gazetteer's ward of
    # another city.
    text = "On Friday, gunmen shot dead the administrator of Ward 4 in Magway."
    events = _events(pipeline, text, "en")
    assert [e.location.name if e.location else None for e in events] == ["Magway"]
