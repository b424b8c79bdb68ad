"""Where a crowd was and what was done to it, on short articles invented for these
tests: the town a crowd was trying to reach is where it was going, not where it
marched (the story's town stands), the forces' fire told plainly ("des soldats ont
tiré") beside the protest it hit is the force used on that protest, and a place
listed after the first one's area is a place struck of its own."""

from __future__ import annotations

from typing import Any

import pytest

from veille.model import Article, Event


def _events(pipeline: Any, text: str, language: str) -> list[Event]:
    art = Article(id="c", text=text, language=language, published="2025-03-12")
    return pipeline.run([art])


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Des milliers de paysans ont manifesté vendredi à Sacaba, en Bolivie. Le cortège "
            "voulait traverser un pont pour rejoindre la place principale de Cochabamba.",
            "fr",
        ),
        (
            "Thousands of farmers protested in Sacaba, Bolivia, on Friday. The protesters "
            "were trying to cross a bridge to reach the main square of Cochabamba.",
            "en",
        ),
    ],
)
def test_the_town_a_crowd_was_trying_to_reach_is_not_where_it_marched(
    pipeline: Any, text: str, language: str
) -> None:
    events = _events(pipeline, text, language)
    assert [(e.sub_event_type, e.location.name if e.location else None) for e in events] == [
        ("Peaceful protest", "Sacaba")
    ]


def test_a_town_reached_is_where_the_crowd_was(pipeline: Any) -> None:
    text = "Thousands of farmers reached the centre of Cochabamba, Bolivia, on Friday and marched."
    assert [e.location.name for e in _events(pipeline, text, "en") if e.location] == ["Cochabamba"]


def test_forces_fire_told_plainly_beside_a_protest_is_force_used_on_it(pipeline: Any) -> None:
    text = (
        "Six personnes ont péri vendredi à Sacaba, en Bolivie, quand des soldats ont tiré "
        "sur des cultivateurs. Les manifestants voulaient traverser un pont pour rejoindre "
        "la place principale de Cochabamba."
    )
    events = _events(pipeline, text, "fr")
    assert [(e.sub_event_type, e.location.name if e.location else None, e.fatalities)
            for e in events] == [("Excessive force against protesters", "Sacaba", 6)]  # fmt: skip


def test_a_place_listed_after_the_first_ones_area_is_its_own_event(pipeline: Any) -> None:
    # "X, in its district, as well as the outskirts of Y": two places struck, two events.
    text = (
        "Des frappes israéliennes ont visé lundi le Liban. Dans la Békaa, les avions ont "
        "bombardé Sohmor, au cœur de la Békaa-Ouest, de même que les abords de Baalbeck, où "
        "trois civils ont péri."
    )
    places = sorted(e.location.name for e in _events(pipeline, text, "fr") if e.location)
    assert places == ["Baalbek", "Sohmor"]
