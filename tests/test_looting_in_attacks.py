"""What an armed attack burnt or looted is part of the attack (ACLED codes "Looting/property
destruction" only where no other violence is), on sentences invented for these tests:
an attack that killed or fell on people, in its own sentence or told next to it; told
hours apart in a live blog, or on its own, burning stays an event of its own."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from veille.model import Article, Event


def _events(pipeline: Any, text: str, language: str) -> list[Event]:
    art = Article(id="l", text=text, language=language, published=date(2024, 5, 4))
    return pipeline.run([art])


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Gunmen attacked the town of Kafanchan in Kaduna State on Friday night, killing "
            "12 residents and setting fire to dozens of homes.",
            "en",
        ),
        (
            "Gunmen attacked the town of Kafanchan in Kaduna State on Friday night, killing "
            "12 residents. The attackers also set fire to dozens of homes and shops.",
            "en",
        ),
        (
            "Gunmen stormed the village of Kagoro on Friday night, shooting at residents "
            "and setting fire to dozens of homes.",
            "en",
        ),
        (
            "Des hommes armés ont attaqué vendredi soir la ville de Kafanchan, dans l'Etat "
            "de Kaduna, tuant 12 habitants. Les assaillants ont également incendié des "
            "dizaines de maisons.",
            "fr",
        ),
    ],
)
def test_homes_an_attack_burnt_are_the_attacks(pipeline: Any, text: str, language: str) -> None:
    events = _events(pipeline, text, language)
    assert [e.sub_event_type for e in events] == ["Attack"]


def test_burning_on_its_own_is_property_destruction(pipeline: Any) -> None:
    text = "Unidentified men set fire to a school in Kafanchan on Friday night, police said."
    assert [e.sub_event_type for e in _events(pipeline, text, "en")] == [
        "Looting/property destruction"
    ]


def test_burning_told_hours_apart_in_a_live_blog_stays_apart(pipeline: Any) -> None:
    text = (
        "09:10 - Gunmen shot dead two traders on the main road of Kafanchan this morning, "
        "police said.\n\n"
        "12:30 - The army closed the roads into the town and began searching nearby "
        "villages.\n\n"
        "15:45 - The governor called for calm and promised that the killers would be "
        "found.\n\n"
        "19:20 - Unidentified men set fire to dozens of shops on the main road of "
        "Kafanchan, witnesses said."
    )
    subs = sorted(e.sub_event_type for e in _events(pipeline, text, "en"))
    assert subs == ["Attack", "Looting/property destruction"]


def test_shells_no_one_is_named_for_in_a_clash_are_the_clashs(pipeline: Any) -> None:
    # Shells that fell at the clash's place and day, told by witnesses with no doer: the
    # clash's heavy weapons, one event.
    text = (
        "اندلعت اشتباكات عنيفة مساء الاثنين بين مجموعتين مسلحتين في مدينة مصراتة. "
        "وأكد شهود أن قذائف هاون سقطت قرب مدرسة في حي الزروق."
    )
    art = Article(id="c", text=text, language="ar", published="2023-08-15")
    assert sorted(e.sub_event_type for e in pipeline.run([art])) == ["Armed clash"]


def test_shells_on_another_day_stay_their_own(pipeline: Any) -> None:
    # Guard: shells told on another day are another event.
    text = (
        "اندلعت اشتباكات عنيفة مساء الاثنين بين مجموعتين مسلحتين في مدينة مصراتة. "
        "وأكد شهود أن قذائف هاون سقطت قرب مدرسة في حي الزروق يوم الجمعة الماضي."
    )
    art = Article(id="c", text=text, language="ar", published="2023-08-15")
    subs = sorted(e.sub_event_type for e in pipeline.run([art]))
    assert subs == ["Armed clash", "Shelling/artillery/missile attack"]


@pytest.mark.parametrize(
    "text",
    [
        # With its dead counted, a bare death verb beside the burning tells the killing.
        "Des cases ont été incendiées et quatre villageois tués mardi près de Tillabéri.",
        "Des greniers ont été incendiés et deux éleveurs tués mardi près de Tillabéri.",
    ],
)
def test_homes_burnt_and_people_killed_are_an_attack(pipeline: Any, text: str) -> None:
    art = Article(id="b", text=text, language="fr", published="2025-05-14")
    assert [e.sub_event_type for e in pipeline.run([art])] == ["Attack"]
