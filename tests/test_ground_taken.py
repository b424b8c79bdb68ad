"""Ground taken, on sentences invented for these tests and run through the whole
pipeline: a base or headquarters named with its owner or kind before it ("the army's
headquarters", "an army base"), a garrison or barracks («la caserne»), and the noun of
a liberation whose complement is ground ("the liberation of the city of X"). A
movement named for a liberation, and a person taken, are no ground."""

from __future__ import annotations

from typing import Any

import pytest

from veille.model import Article, Event


def _events(pipeline: Any, text: str, language: str) -> list[Event]:
    art = Article(id="g", text=text, language=language, published="2025-03-12")
    return pipeline.run([art])


def _territory(events: list[Event]) -> list[tuple[str, str | None]]:
    return [
        (e.sub_event_type, e.location.name if e.location else None)
        for e in events
        if e.sub_event_type.endswith("territory")
    ]


@pytest.mark.parametrize(
    ("text", "town"),
    [
        (
            "The rebels claimed on Saturday to have captured the army's headquarters in Kidal.",
            "Kidal",
        ),
        ("Rebels captured an army base in Kidal, northern Mali, on Saturday.", "Kidal"),
        ("Insurgents captured the police garrison in Kidal, Mali, on Saturday.", "Kidal"),
    ],
)
def test_a_base_named_with_its_owner_or_kind_is_ground(pipeline: Any, text: str, town: str) -> None:
    assert _territory(_events(pipeline, text, "en")) == [
        ("Non-state actor overtakes territory", town)
    ]


def test_a_person_of_the_army_captured_is_no_ground(pipeline: Any) -> None:
    text = "Rebels captured the army's deputy commander near Kidal, Mali, on Saturday."
    assert _territory(_events(pipeline, text, "en")) == []


def test_a_french_barracks_taken_is_ground(pipeline: Any) -> None:
    text = "Des rebelles ont pris samedi la caserne de Kidal, dans le nord du Mali."
    assert _territory(_events(pipeline, text, "fr")) == [
        ("Non-state actor overtakes territory", "Kidal")
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The ministry announced on Monday the full liberation of the city of Avdiivka in "
            "Ukraine's Donetsk region.",
            "en",
        ),
        (
            "L'armée a annoncé lundi la libération de la localité d'Avdiïvka, dans la "
            "région ukrainienne de Donetsk.",
            "fr",
        ),
    ],
)
def test_the_noun_of_a_liberation_of_named_ground_takes_it(
    pipeline: Any, text: str, language: str
) -> None:
    taken = _territory(_events(pipeline, text, language))
    assert [town for _, town in taken] == ["Avdiyivka"]  # GeoNames spelling


def test_a_movement_named_for_a_liberation_takes_no_ground(pipeline: Any) -> None:
    text = "The National Front for the Liberation of Azawad said on Monday it would attend talks."
    assert _territory(_events(pipeline, text, "en")) == []
