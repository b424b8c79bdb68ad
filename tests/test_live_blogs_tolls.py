"""A live blog's entries and raised tolls, on articles invented for these tests, through
the whole pipeline: an entry told as news of the hour it was posted (a part of the day
and no day, a mark of breaking news, a new place) happened on the day of the post, not
on the day of the entry before it; an entry that goes on with the story at its place
keeps the story's day; a coarse place is narrowed to a town of its own entry only; the
total a toll was raised to is the toll, not the dead it added; the number an injury verb
has for its subject counts the wounded."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from veille.model import Article, Event

POSTED = date(2024, 5, 15)
YESTERDAY = date(2024, 5, 14)


def _events(pipeline: Any, text: str, language: str) -> list[Event]:
    art = Article(id="b", text=text, language=language, published=POSTED)
    return pipeline.run([art])


def _by_place(events: list[Event]) -> dict[str, Event]:
    return {e.location.name: e for e in events if e.location is not None}


@pytest.mark.parametrize(
    ("text", "language", "town"),
    [
        (
            "07:30 - Summary: Russian artillery shelled Kherson yesterday, the governor said.\n\n"
            "10:15 - BREAKING: A drone struck a fuel depot in Kherson, the city's mayor said.",
            "en",
            "Kherson",
        ),
        (
            "07h30 – Résumé : l'artillerie russe a bombardé Kherson hier, selon le gouverneur.\n\n"
            "10h15 – URGENT : un drone a frappé un dépôt de carburant à Kherson, selon le maire.",
            "fr",
            "Kherson",
        ),
        (
            "07:30 | ملخص: دارت أمس اشتباكات بين مسلحين وقوات الأمن في مدينة الموصل.\n\n"
            "10:15 | اندلعت اشتباكات عنيفة منذ ساعات الصباح بين مسلحين وقوات الأمن"
            " في مدينة الموصل.",
            "ar",
            "Mosul",
        ),
    ],
)
def test_an_entry_told_as_posted_happened_on_the_day_of_the_post(
    pipeline: Any, text: str, language: str, town: str
) -> None:
    events = _events(pipeline, text, language)
    days = sorted(e.event_date for e in events if e.location and e.location.name == town)
    assert days == [YESTERDAY, POSTED], [(e.event_date, e.location) for e in events]


def test_an_entry_at_a_new_place_is_news_of_its_day(pipeline: Any) -> None:
    text = (
        "08:00 - Summary: An Israeli air strike hit a house in Deir al-Balah yesterday, "
        "killing four people, medics said.\n\n"
        "11:15 - Fighting continues in Khan Younis, where Israeli troops clashed with "
        "Hamas gunmen."
    )
    events = _by_place(_events(pipeline, text, "en"))
    assert events["Dayr al Balaḩ"].event_date == YESTERDAY
    assert events["Khān Yūnis"].event_date == POSTED


def test_an_entry_going_on_with_the_story_at_its_place_keeps_its_day(pipeline: Any) -> None:
    text = (
        "08:00 - Summary: An Israeli air strike hit a house in Deir al-Balah yesterday, "
        "killing four people, medics said.\n\n"
        "10:45 - Hamas denounced a massacre in Deir al-Balah."
    )
    events = _events(pipeline, text, "en")
    assert [e.event_date for e in events] == [YESTERDAY], events


def test_one_paragraph_opening_on_a_time_is_no_live_blog(pipeline: Any) -> None:
    """Guard: a report whose one paragraph opens on a clock time tells its story as any
    other; the next paragraph goes on with the day its lead names."""
    text = (
        "08:00 - An Israeli air strike hit a house in Deir al-Balah yesterday, killing four "
        "people, medics said.\n\n"
        "Fighting went on in Khan Younis, where Israeli troops clashed with Hamas gunmen."
    )
    events = _by_place(_events(pipeline, text, "en"))
    assert events["Khān Yūnis"].event_date == YESTERDAY


def test_a_coarse_place_is_narrowed_within_its_own_entry_only(pipeline: Any) -> None:
    text = (
        "07:30 | ملخص: قصفت المدفعية الإسرائيلية أمس أطراف بلدة كفرزيتا الصغيرة في جنوب لبنان.\n\n"
        "10:15 | اشتباكات عنيفة منذ ساعات الصباح بين مسلحين وقوات الأمن في مدينة طرابلس."
    )
    events = _events(pipeline, text, "ar")
    shelling = [e for e in events if e.event_date == YESTERDAY]
    assert shelling and all(
        e.location is not None and e.location.name == "Lebanon" for e in shelling
    ), [(e.event_date, e.location) for e in events]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Rescuers pulled two more bodies from the rubble in Deir al-Balah on Tuesday, "
            "raising the toll from the air strike to six.",
            "en",
        ),
        (
            "Two more wounded died in hospital on Tuesday, bringing the death toll from the "
            "air strike on Deir al-Balah to six.",
            "en",
        ),
        (
            "Deux corps supplémentaires ont été retirés des décombres mardi à Deir al-Balah, "
            "portant à six le bilan des victimes du raid aérien.",
            "fr",
        ),
    ],
)
def test_the_total_a_toll_was_raised_to_is_the_toll(
    pipeline: Any, text: str, language: str
) -> None:
    events = _events(pipeline, text, language)
    assert [e.fatalities for e in events] == [6], events


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Six officers were killed and two were wounded in Mopti on Tuesday.", "en"),
        ("Six officers were killed in Mopti on Tuesday and two others were wounded.", "en"),
    ],
)
def test_the_subject_of_an_injury_verb_counts_the_wounded(
    pipeline: Any, text: str, language: str
) -> None:
    events = _events(pipeline, text, language)
    assert [e.fatalities for e in events] == [6], events


@pytest.mark.parametrize(
    "text",
    [
        "Summary: Russian artillery shelled Kherson yesterday, the governor said.",
        "07:30 - Summary: Russian artillery shelled Kherson yesterday, the governor said.\n\n"
        "10:15 - Update: A drone struck a fuel depot in Odesa, the city's mayor said.",
    ],
)
def test_a_label_opening_a_sentence_is_no_loosely_spelt_town(pipeline: Any, text: str) -> None:
    """A capitalised label before a colon ("Summary:", "Update:") loosely spells towns
    of the story's own country; it names none, and the act stays where the text puts it."""
    events = _events(pipeline, text, "en")
    places = {e.location.name for e in events if e.location is not None}
    assert "Kherson" in places and places <= {"Kherson", "Odesa"}, places


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Les assaillants ont envahi le poste, abattant une vingtaine de militaires de "
            "l'armée béninoise, à la solde de la Russie, d'après leur communiqué.",
            "fr",
        ),
        (
            "The raiders overran the post, shooting some twenty Beninese troops, whom they "
            "called loyal to Russia, their statement said.",
            "en",
        ),
        ("Des miliciens fidèles à Moscou ont ouvert le feu mardi sur une patrouille.", "fr"),
        ("Mardi, des volontaires alliés à Moscou ont attaqué un convoi.", "fr"),
    ],
)
def test_a_place_of_allegiance_is_no_place_of_the_act(
    pipeline: Any, text: str, language: str
) -> None:
    """ "loyal to X", «à la solde de X», "backed by X": whom the actor serves, not
    where it acted."""
    events = _events(pipeline, text, language)
    assert events and not any(
        e.location is not None and e.location.iso3 == "RUS" for e in events
    ), [(e.sub_event_type, e.location) for e in events]


@pytest.mark.parametrize(
    ("text", "language", "doer"),
    [
        (
            "The RSF entered a village near El Fasher on Monday. Hours later its fighters "
            "stormed a market in the town.",
            "en",
            "Rapid Support Forces",
        ),
        (
            "Les rebelles du M23 sont entrés lundi dans un village près de Goma. Quelques "
            "heures plus tard, ses combattants ont pris d'assaut un marché de la ville.",
            "fr",
            "M23",
        ),
    ],
)
def test_its_forces_are_those_of_the_armed_actor_named_before(
    pipeline: Any, text: str, language: str, doer: str
) -> None:
    """ "its fighters", «ses combattants», «مقاتلوها» (closed classes
    ``its_possessives``, ``its_forces_glued``): the forces of the armed actor the text
    named last before them."""
    events = _events(pipeline, text, language)
    stormed = [e for e in events if e.sub_event_type == "Attack"]
    assert stormed and all(e.actor1 is not None and doer in e.actor1.name for e in stormed), [
        (e.sub_event_type, e.actor1) for e in events
    ]


def test_entries_labelled_by_a_bare_time_are_a_live_blog(pipeline: Any) -> None:
    # No mark after the times: several paragraphs, most of them, opening on one are
    # entries still; the entry at a new place is news of its own day.
    text = (
        "08:00 Summary: An Israeli air strike hit a house in Deir al-Balah yesterday, "
        "killing four people, medics said.\n\n"
        "09:30 Rescue teams searched the rubble for survivors.\n\n"
        "11:15 Fighting continues in Khan Younis, where Israeli troops clashed with "
        "Hamas gunmen."
    )
    events = _by_place(_events(pipeline, text, "en"))
    assert events["Dayr al Balaḩ"].event_date == YESTERDAY
    assert events["Khān Yūnis"].event_date == POSTED


def test_two_paragraphs_opening_on_a_bare_time_are_no_live_blog(pipeline: Any) -> None:
    """Guard: a bare time opening a paragraph may be running text; two are no blog."""
    text = (
        "08:00 was the hour an Israeli air strike hit a house in Deir al-Balah yesterday, "
        "killing four people, medics said.\n\n"
        "11:15 marked the start of fighting in Khan Younis, where Israeli troops clashed "
        "with Hamas gunmen."
    )
    events = _by_place(_events(pipeline, text, "en"))
    assert events["Khān Yūnis"].event_date == YESTERDAY
