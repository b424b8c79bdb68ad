"""Datelines, on lines invented for these tests: the place that opens a dispatch, before
its country in brackets, its date after a comma and its agency in brackets (any agency,
not only the big wires), says where the report was filed; the event is placed by what
the sentence names. Arabic datelines carry a date after «،» as often as French and
English ones do."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from veille.geo.datelines import is_dateline
from veille.model import Article


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("KIDAL (Mali), 5 juin (Agence du Sahel) - Des hommes armés ont", "KIDAL"),
        ("MOPTI, 5 juin (Radio Locale) - Des hommes armés ont", "MOPTI"),
        ("ZINDER (Niger), 12 mars - Un convoi a été", "ZINDER"),
        ("حلب، 3 مايو أيار 2021 (وكالة محلية) - قتل أربعة", "حلب"),
        ("دير الزور، 4 حزيران - قتل", "دير الزور"),
        # The month's two names joined by a slash.
        ("بنغازي، 7 تشرين الأول/أكتوبر (وكالة محلية) - قتل", "بنغازي"),
        # South Asian papers open on the town and a colon.
        ("PESHAWAR: Gunmen attacked a police post", "PESHAWAR"),
    ],
)
def test_a_dateline_may_carry_a_country_a_date_and_any_agency(text: str, name: str) -> None:
    assert is_dateline(text, 0, len(name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A town opening running text, a dash far on: no dateline.
        ("حلب، المدينة التي شهدت معارك طويلة في السنوات الماضية - وهي", "حلب"),
        ("KIDAL and MOPTI were hit by shelling - officials said", "KIDAL"),
        # Not in capitals: a sentence that opens on a town.
        ("Kidal (Mali) - a town in the north", "Kidal"),
        ("Peshawar: a city on edge", "Peshawar"),
    ],
)
def test_running_text_that_opens_on_a_place_is_no_dateline(text: str, name: str) -> None:
    assert not is_dateline(text, 0, len(name))


def test_an_arabic_dateline_with_a_date_does_not_place_the_event(pipeline: Any) -> None:
    text = (
        "حلب، 3 مايو أيار 2021 (وكالة محلية) - قتل أربعة مدنيين يوم الأحد في غارة جوية "
        "على سوق في محافظة إدلب بشمال سوريا، وفق ما ذكره سكان."
    )
    art = Article(id="d", text=text, language="ar", published=date(2021, 5, 3))
    events = pipeline.run([art])
    assert events
    assert {e.location.name for e in events if e.location is not None} == {"Idlib"}


_RETRO = (
    "{dateline}, May 3 - At least 12 people were killed when a car bomb exploded at a busy "
    "market in {town} on Thursday, police said.\n\n"
    "The blast destroyed dozens of stalls. Residents said the market had been crowded.\n\n"
    "The market was attacked before: on March 4, 2023, gunmen raided a guesthouse in the "
    "same street, killing six civilians."
)


def _retrospective_place(pipeline: Any, dateline: str, town: str) -> str | None:
    text = _RETRO.format(dateline=dateline, town=town)
    art = Article(id="r", text=text, language="en", published=date(2024, 5, 3))
    past = [e for e in pipeline.run([art]) if e.event_date == date(2023, 3, 4)]
    assert len(past) == 1
    return past[0].location.name if past[0].location is not None else None


def test_a_dateline_counts_as_one_more_mention_of_a_town_the_text_names(pipeline: Any) -> None:
    # The town named by the dateline and by the lead is the story's: the earlier attack
    # "in the same street" is placed there.
    assert _retrospective_place(pipeline, "KISMAYO", "Kismayo") == "Kismayo"


def test_a_dateline_alone_makes_no_town_the_storys(pipeline: Any) -> None:
    # Filed from the capital about another town: nothing places the earlier attack.
    assert _retrospective_place(pipeline, "MOGADISHU", "Kismayo") is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "الدار البيضاء – شهدت عدة مدن ليلة الاثنين مواجهات عنيفة بين محتجين وقوات الأمن.",
            "ar",
        ),
        (
            "CASABLANCA, Oct 1 - Protesters clashed with police in several cities on Monday night.",
            "en",
        ),
    ],
)
def test_a_dateline_is_none_of_the_several_places_a_lead_sums_up(
    pipeline: Any, text: str, language: str
) -> None:
    art = Article(id="d", text=text, language=language, published="2025-10-01")
    places = [e.location.name for e in pipeline.run([art]) if e.location is not None]
    assert not any("Casablanca" in p or "Dar" in p for p in places), places


def test_a_dateline_with_a_colon_yields_to_the_district_the_sentence_names(pipeline: Any) -> None:
    text = (
        "QUETTA: A suicide bomber struck a police convoy in Balochistan's "
        "Kech district on Sunday, officials said."
    )
    art = Article(id="c", text=text, language="en", published=date(2025, 3, 17))
    events = pipeline.run([art])
    assert [e.location.name for e in events if e.location is not None] == ["Kech District"]


def test_the_dateline_after_a_headline_is_blanked_too() -> None:
    # A headline line first, then the dispatch: the dateline still says where it was
    # filed, and the parse of the body's first sentence must not take it in.
    from veille.nlp.segment import segment_article

    head = "Raid on a market leaves nine dead"
    dateline = "NIAMEY, Niger, March 9 (Sahel Wire) - "
    body = "Gunmen killed nine traders at a market in Tillaberi on Friday, police said."
    text = (
        f"{head}\n\n{dateline}{body}\n\nLater paragraph.\n\nZINDER, Niger, March 9 (Sahel Wire) - x"
    )
    segments, _ = segment_article(Article(id="d", text=text, language="en"), "en")
    assert segments[0].text == head
    assert segments[1].text == " " * len(dateline) + body
    assert segments[-1].text.startswith("ZINDER")  # only the dispatch's opening
