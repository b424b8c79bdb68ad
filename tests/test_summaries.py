"""A lead that sums up the acts told below it (``veille.extract.summaries``). Articles
invented for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from veille.model import Article, Event


def _events(pipeline: Any, text: str, language: str) -> list[Event]:
    art = Article(id="s", text=text, language=language, published="2025-06-10")
    return pipeline.run([art])


def _tolls(events: list[Event]) -> list[tuple[str | None, int | None]]:
    return sorted(((e.location.name if e.location else None), e.fatalities) for e in events)


@pytest.mark.parametrize(
    ("text", "language", "places"),
    [
        (
            "Air strikes killed at least 15 people across Idlib province on Monday, "
            "rescuers said.\n\n"
            "One strike hit a market in Sarmin, killing six people.\n\n"
            "Five people were killed when another strike hit a house in Binnish.\n\n"
            "In Taftanaz, four people died when a strike hit their car.",
            "en",
            {"Sarmīn", "Binnish", "Taftanāz"},
        ),
        (
            "Au moins quatorze personnes ont été tuées lundi dans des frappes sur la région "
            "de Kharkiv, selon les autorités.\n\n"
            "À Kupiansk, un missile a touché un immeuble, tuant six personnes.\n\n"
            "À Izioum, cinq habitants ont péri lors d'une autre frappe.\n\n"
            "Trois autres ont été tués par un drone à Balakliïa.",
            "fr",
            {"Kupyansk", "Izyum", "Balakliya"},
        ),
    ],
)
def test_a_lead_that_sums_up_the_acts_below_is_none_of_them(
    pipeline: Any, text: str, language: str, places: set[str]
) -> None:
    events = _events(pipeline, text, language)
    # Each act at its own town with its own dead; no event holds the lead's total. (The
    # story narrows the lead's area to the first town told; the other towns' dead
    # still add up to more than half of its toll.)
    assert {e.location.name for e in events if e.location} == places
    assert all(e.fatalities is not None and e.fatalities < 7 for e in events)
    lead_end = text.index("\n")
    assert not any(m.start < lead_end for e in events for m in e.mentions)


def test_one_act_with_its_own_town_is_no_sum_of_the_smaller_ones_after_it(
    pipeline: Any,
) -> None:
    # Seven dead in one raid, then two and three elsewhere (five, not far from seven):
    # the raid names its town, and its word is singular; it is an act of its own.
    text = (
        "An air raid on a clinic in Sarmin killed seven paramedics on Monday.\n\n"
        "Later that day a strike on a car killed two people in Binnish.\n\n"
        "In the evening a drone strike killed three fighters near Taftanaz."
    )
    assert ("Sarmīn", 7) in _tolls(_events(pipeline, text, "en"))


def test_a_total_far_above_the_acts_told_below_stays_told(pipeline: Any) -> None:
    # Forty dead in strikes across the province; the acts told below hold five: the
    # lead tells more than it details, and its sentence stays a mention.
    text = (
        "Air strikes killed at least 40 people across Idlib province on Monday, "
        "rescuers said.\n\n"
        "One strike hit a market in Sarmin, killing three people.\n\n"
        "Two people were killed when another strike hit a house in Binnish."
    )
    lead_end = text.index("\n")
    events = _events(pipeline, text, "en")
    assert any(m.start < lead_end for e in events for m in e.mentions)
