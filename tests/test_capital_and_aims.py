"""The capital, aims and Arabic lead sentences, on sentences invented for these tests:
a bare "the capital" («dans la capitale», «في العاصمة») is the capital the story named
before (not one around which something happened, nor another country's); ground to be
taken as the aim of an offensive is not taken; «شهدت X، يوم الجمعة، تظاهرات» tells
demonstrations; a chant for the fall of a regime beside tear gas shoots nothing down."""

from __future__ import annotations

from typing import Any

import pytest

from veille.geo import Geocoder
from veille.model import Article, Event


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder.load()


def _events(pipeline: Any, text: str, language: str) -> list[Event]:
    art = Article(id="a", text=text, language=language, published="2025-03-12")
    return pipeline.run([art])


def _capital(geo: Geocoder, text: str, language: str) -> str | None:
    found = [
        t
        for t in geo.geoparse(text, language)
        if t.text.endswith(("capital", "capitale", "العاصمة"))
    ]
    return found[0].place.name if found and found[0].place else None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Protests spread on Tuesday. In Bamako, police fired tear gas. Two protesters were "
         "killed in the capital, medics said.", "en"),
        ("Des manifestations ont eu lieu à Bamako mardi. Deux manifestants ont péri dans la "
         "capitale.", "fr"),
        ("خرجت مظاهرات في باماكو يوم الثلاثاء. وقتل متظاهران في العاصمة.", "ar"),
    ],
)  # fmt: skip
def test_the_capital_is_the_capital_the_story_named(
    geo: Geocoder, text: str, language: str
) -> None:
    assert _capital(geo, text, language) == "Bamako"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Around the city, not in it.
        ("Protests in Bamako on Monday. A bomb went off some 30 km east of the capital.", "en"),
        ("Des manifestations à Bamako lundi. Un camp a été attaqué à 270 kilomètres de la "
         "capitale.", "fr"),
        # Another city's title.
        ("Des manifestations à Bamako lundi. Sikasso, la capitale régionale, est restée calme.",
         "fr"),
        # A capital named by a speaker, in a story of another country's places.
        ("Fighting raged in Darfur, Sudan, on Monday. Washington said that the capital was calm.",
         "en"),
        # No capital named before.
        ("Two protesters were killed in the capital on Tuesday, medics said.", "en"),
    ],
)  # fmt: skip
def test_no_capital_is_read_where_the_story_does_not_name_it(
    geo: Geocoder, text: str, language: str
) -> None:
    assert _capital(geo, text, language) is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Rebel forces launched an offensive on April 4 to seize Tripoli, Libya.", "en"),
        ("شنت قوات متمردة في الرابع من أبريل هجوما للسيطرة على طرابلس في ليبيا.", "ar"),
    ],
)
def test_ground_named_as_an_offensives_aim_is_not_taken(
    pipeline: Any, text: str, language: str
) -> None:
    assert not [
        e for e in _events(pipeline, text, language) if e.sub_event_type.endswith("territory")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "شهدت مدينة الخرطوم، يوم الجمعة، مظاهرات حاشدة ضد الحكومة.",
        "شهدت الخرطوم وعدد من المدن السودانية، ليل الجمعة، تظاهرات ضد الحكومة.",
    ],
)
def test_an_arabic_lead_of_demonstrations_a_city_witnessed_tells_them(
    pipeline: Any, text: str
) -> None:
    events = _events(pipeline, text, "ar")
    assert [(e.sub_event_type, e.location.name if e.location else None) for e in events] == [
        ("Peaceful protest", "Khartoum")
    ]


def test_a_chant_for_the_fall_of_a_regime_shoots_nothing_down(pipeline: Any) -> None:
    text = (
        'تجمع مئات المحتجين في الخرطوم يوم الجمعة مرددين هتافات "الشعب يريد إسقاط النظام"، '
        "ثم فرقتهم الشرطة بالغاز المسيل للدموع."
    )
    assert [e.sub_event_type for e in _events(pipeline, text, "ar")] == [
        "Protest with intervention"
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Armenian and Azerbaijani troops clashed near Jermuk, Armenia, on Friday. The fighting "
         "has also tested Ankara's influence in the region.", "en"),
        ("Des soldats arméniens et azerbaïdjanais se sont affrontés vendredi près de Jermuk, en "
         "Arménie. Les combats ont aussi mis à l'épreuve l'influence d'Ankara.", "fr"),
    ],
)  # fmt: skip
def test_whose_a_predicates_noun_is_places_no_fighting_told_before(
    pipeline: Any, text: str, language: str
) -> None:
    events = _events(pipeline, text, language)
    assert [e.location.name if e.location else None for e in events] == ["Jermuk"]


def test_a_building_owned_in_the_predicate_is_where(pipeline: Any) -> None:
    text = (
        "Israeli shelling hit Tyre, Lebanon, on Friday. The shelling destroyed the old hospital "
        "of Nabatieh."
    )
    named = {e.location.name for e in _events(pipeline, text, "en") if e.location}
    assert "Nabatîyé et Tahta" in named


@pytest.mark.parametrize(
    ("text", "language", "phrase"),
    [
        ("انفجرت عبوة ناسفة في قضاء أبو غريب غربي العاصمة بغداد يوم الخميس.", "ar",
         "غربي العاصمة بغداد"),
        ("An explosive device blew up in Abu Ghraib, west of the capital Baghdad, on Thursday.",
         "en", "west of the capital Baghdad"),
    ],
)  # fmt: skip
def test_a_direction_from_the_named_capital_is_one_phrase(
    geo: Geocoder, text: str, language: str, phrase: str
) -> None:
    found = {t.text: t for t in geo.geoparse(text, language)}
    assert phrase in found and found[phrase].geo_precision == 2


def test_the_town_a_direction_locates_is_where(pipeline: Any) -> None:
    # The district is where; the capital north of which it lies only locates it, and
    # the unit's name «قيادة عمليات بغداد» names no place at all.
    text = (
        "قتل جندي من قيادة عمليات بغداد يوم الخميس بانفجار عبوة ناسفة استهدفت عجلة عسكرية في "
        "قضاء أبو غريب غربي العاصمة بغداد."
    )
    events = _events(pipeline, text, "ar")
    assert [e.location.name if e.location else None for e in events] == ["Abū Ghurayb"]


@pytest.mark.parametrize(
    "text",
    [
        "تمكنت القوات الأمنية من إلقاء القبض على أربعة مشتبه بهم في مدينة كركوك يوم الجمعة.",
        "قامت القوات الأمنية بإلقاء القبض على ثلاثة مطلوبين في مدينة كركوك يوم الجمعة.",
    ],
)
def test_an_arabic_arrest_takes_the_article_by_idiom(pipeline: Any, text: str) -> None:
    # «إلقاء القبض على»: the article of «القبض» marks no arrest told before.
    assert [e.sub_event_type for e in _events(pipeline, text, "ar")] == ["Arrests"]
