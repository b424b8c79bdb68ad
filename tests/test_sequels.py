"""An event told before, restated as the subject of a verb of sequel ("The massacre
follows an attack on X", «Le massacre survient après l'attaque de X»), is not told
again; the act it is set after is its own, with its day. And a bare "device" that
explodes is a bomb; explosives seized or found are disrupted weapons use, not a
bombing. Sentences invented for these tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from veille.model import Article, Event


def _events(pipeline: Any, text: str, language: str) -> list[Event]:
    art = Article(id="sq", text=text, language=language, published=date(2024, 8, 2))
    return list(pipeline.run([art]))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "La tuerie survient dix jours après l'attaque de la caserne de Tessit, où "
            "au moins 15 militaires ont été tués le 22 juillet.",
            "fr",
        ),
        (
            "The killing comes ten days after the attack on the barracks at Tessit, where "
            "at least 15 soldiers were killed on July 22.",
            "en",
        ),
    ],
)
def test_the_act_a_restated_event_follows_is_told_with_its_day(
    pipeline: Any, text: str, language: str
) -> None:
    events = _events(pipeline, text, language)
    assert [(e.event_date, e.fatalities) for e in events] == [(date(2024, 7, 22), 15)]
    assert events[0].sub_event_type == "Armed clash"


def test_a_told_act_with_its_own_place_is_not_restated(pipeline: Any) -> None:
    # A subject with its own complement is news told here, not a restatement.
    text = (
        "The recapture of Tessit by the army on Tuesday came after days of fighting "
        "with the jihadists."
    )
    events = _events(pipeline, text, "en")
    assert any(e.event_date == date(2024, 7, 30) for e in events)


def test_a_device_that_explodes_is_a_bomb(pipeline: Any) -> None:
    text = (
        "On Monday, a device concealed in a sack exploded beside a tea stall in Gulu, "
        "killing a cook."
    )
    events = _events(pipeline, text, "en")
    assert [e.sub_event_type for e in events] == ["Remote explosive/landmine/IED"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Tuesday police raided a flat in Entebbe and seized a suicide vest.", "en"),
        (
            "Mardi, la police a perquisitionné un appartement à Entebbe et saisi une ceinture "
            "d'explosifs.",
            "fr",
        ),
    ],
)
def test_explosives_seized_in_a_raid_are_disrupted_not_a_bombing(
    pipeline: Any, text: str, language: str
) -> None:
    events = _events(pipeline, text, language)
    assert [e.sub_event_type for e in events] == ["Disrupted weapons use"]


def test_bodies_found_are_no_weapons_seized(pipeline: Any) -> None:
    text = "Rescuers found the bodies of four fishermen near Entebbe on Tuesday."
    assert all(e.sub_event_type != "Disrupted weapons use" for e in _events(pipeline, text, "en"))
