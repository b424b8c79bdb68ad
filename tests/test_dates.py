"""Date expressions resolved against publication date and narrative anchor."""

from __future__ import annotations

from datetime import date

import pytest

from veille.resolve.dates import find_date_expressions

PUB = date(2024, 2, 5)  # a Monday


def only(text: str, lang: str = "fr", anchor: date | None = None):  # type: ignore[no-untyped-def]
    found = [e for e in find_date_expressions(text, lang, published=PUB, anchor=anchor) if e.value]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L'attaque a eu lieu hier.", date(2024, 2, 4)),
        ("avant-hier, deux roquettes", date(2024, 2, 3)),
        ("Dimanche, des sources", date(2024, 2, 4)),
        ("lundi, à Gao", date(2024, 2, 5)),  # the publication day itself
        ("le 3 mars dernier", date(2023, 3, 3)),  # a date after publication is last year
        ("le 1er février 2024", date(2024, 2, 1)),
    ],
)
def test_french_relative_and_explicit(text: str, expected: date) -> None:
    assert only(text).value == expected


def test_offsets_point_at_the_phrase() -> None:
    text = "Les médias ont rapporté lundi 5 février à l’aube qu’une frappe"
    e = only(text)
    assert text[e.start : e.end] == e.text == "lundi 5 février à l’aube"
    assert (e.value, e.time_of_day, e.precision) == (date(2024, 2, 5), "dawn", "day")


def test_la_veille_is_relative_to_the_anchor_not_publication() -> None:
    e = only("La veille, les combats avaient repris.", anchor=date(2024, 2, 1))
    assert e.value == date(2024, 1, 31)


def test_la_veille_with_weekday_names_the_day() -> None:
    e = only("La veille, samedi, le groupe a déclaré", anchor=date(2024, 2, 4))
    assert e.value == date(2024, 2, 3)
    assert e.text == "La veille, samedi"


def test_evening_attaches_to_weekday() -> None:
    e = only("plusieurs explosions samedi soir près du champ")
    assert (e.value, e.time_of_day) == (date(2024, 2, 3), "evening")


def test_english_and_arabic() -> None:
    assert only("Yesterday, gunmen attacked", "en").value == date(2024, 2, 4)
    assert only("— Al Mayadeen (@x) February 4, 2024", "en").value == date(2024, 2, 4)
    e = only("قصفت الطائرات فجر اليوم مواقع", "ar")
    assert (e.value, e.time_of_day) == (PUB, "dawn")
    assert only("وقع الهجوم مساء السبت", "ar").value == date(2024, 2, 3)


def test_no_date_no_value() -> None:
    assert [
        e for e in find_date_expressions("Des combats ont eu lieu.", "fr", published=PUB) if e.value
    ] == []


def test_without_publication_date_relative_words_stay_unresolved() -> None:
    found = find_date_expressions("hier soir", "fr", published=None)
    assert found and all(e.value is None for e in found)
