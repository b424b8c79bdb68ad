"""Which place an event gets: the one its own clause names. Sentences invented."""

from __future__ import annotations

from typing import Any

from veille.model import Article, Event


def _events(pipeline: Any, text: str, lang: str = "en") -> list[Event]:
    return pipeline.run([Article(id="p", text=text, language=lang, published="2025-03-12")])


def test_the_speakers_place_is_not_a_second_event(pipeline: Any) -> None:
    events = _events(pipeline, "Rebels attacked Uvira on Sunday, officials in Kinshasa said.")
    assert [e.location.name for e in events if e.location] == ["Uvira"]


def test_a_complement_clause_after_said_that_is_reported_not_anaphoric(pipeline: Any) -> None:
    events = _events(pipeline, "Officials said that rebels attacked Uvira on Sunday.")
    assert [e.location.name for e in events if e.location] == ["Uvira"]


def test_a_list_of_places_struck_is_one_event_per_place(pipeline: Any) -> None:
    text = "Le 3 mars, des drones ont frappé Kharkiv et Odessa, selon les autorités."
    events = _events(pipeline, text, "fr")
    assert sorted(e.location.name for e in events if e.location) == ["Kharkiv", "Odesa"]


def test_french_speaker_place_yields_to_the_clause_place(pipeline: Any) -> None:
    text = "Le gouverneur a indiqué depuis Kiev que des missiles avaient frappé Poltava lundi."
    events = _events(pipeline, text, "fr")
    assert [e.location.name for e in events if e.location] == ["Poltava"]
