"""Who was hit and where, on sentences invented for these tests, through the whole
pipeline: people taken hostage with the captives between the verb and its noun; a
merchant ship as a civilian target, at sea with no country; the people a verb of death
counts before the act's word; a town named off a coast; and the two ends of a journey,
which are no place of the act."""

from __future__ import annotations

from typing import Any

import pytest

from veille.model import Article, Event

ABDUCTION = "Abduction/forced disappearance"


def _events(pipeline: Any, text: str, language: str) -> list[Event]:
    art = Article(id="v", text=text, language=language, published="2024-05-15")
    return pipeline.run([art])


def _one(pipeline: Any, text: str, language: str) -> Event:
    events = _events(pipeline, text, language)
    assert len(events) == 1, [(e.sub_event_type, e.location) for e in events]
    return events[0]


def _victims(event: Event) -> str | None:
    return event.actor2.name if event.actor2 else None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Bandits took thirty travellers hostage near Zaria in Nigeria on Sunday.", "en"),
        ("Gunmen took some of the miners hostage near Zaria in Nigeria on Sunday.", "en"),
        ("Des bandits ont pris trente voyageurs en otage près de Zaria, au Nigeria.", "fr"),
        ("Des bandits ont pris les deux ingénieurs en otage près de Zaria, au Nigeria.", "fr"),
    ],
)
def test_captives_between_the_verb_and_hostage_are_an_abduction(
    pipeline: Any, text: str, language: str
) -> None:
    event = _one(pipeline, text, language)
    assert event.sub_event_type == ABDUCTION
    assert event.location is not None and event.location.iso3 == "NGA"


@pytest.mark.parametrize(
    ("text", "language", "country"),
    [
        ("Militants fired a missile at a container ship near Mokha, Yemen.", "en", "Yemen"),
        ("A drone struck a bulk carrier off Mokha in Yemen on Monday.", "en", "Yemen"),
        ("Un drone a frappé un navire marchand au large de Mokha, au Yémen, lundi.", "fr", "Yemen"),
        # at sea, no country's civilians
        ("A drone struck an oil tanker in the Red Sea on Monday, killing one sailor.", "en", None),
        ("Un missile a touché un pétrolier en mer Rouge lundi.", "fr", None),
    ],
)
def test_a_merchant_ship_struck_makes_civilians_the_target(
    pipeline: Any, text: str, language: str, country: str | None
) -> None:
    event = _one(pipeline, text, language)
    assert _victims(event) == (f"Civilians ({country})" if country else "Civilians")


def test_a_warship_struck_is_no_civilian_target(pipeline: Any) -> None:
    """Guard: the class is merchant ships, not every vessel."""
    text = "A drone struck a navy frigate off Mokha in Yemen on Monday."
    assert _victims(_one(pipeline, text, "en")) is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "At least eleven people were killed when a suicide bomber detonated his vest "
            "near a bakery queue in Kandahar, Afghanistan, on Tuesday.",
            "en",
        ),
        (
            "Six people were wounded when a car bomb went off outside a bank in Kirkuk, "
            "Iraq, on Tuesday.",
            "en",
        ),
        (
            "Onze personnes ont été tuées mardi quand un kamikaze a actionné sa ceinture "
            "devant une boulangerie à Kandahar, en Afghanistan.",
            "fr",
        ),
        ("قتل 11 شخصا يوم الثلاثاء عندما فجر انتحاري نفسه في قندهار بأفغانستان.", "ar"),
    ],
)
def test_people_a_verb_of_death_counts_before_the_act_are_its_civilian_victims(
    pipeline: Any, text: str, language: str
) -> None:
    event = _one(pipeline, text, language)
    assert _victims(event) is not None and _victims(event).startswith("Civilians (")


def test_soldiers_killed_before_the_act_are_no_civilians(pipeline: Any) -> None:
    """Guard: an armed side counted by the death verb stays what it is."""
    text = (
        "Nine soldiers were killed when a suicide bomber rammed an army checkpoint near "
        "Kirkuk, Iraq, on Tuesday."
    )
    assert _victims(_one(pipeline, text, "en")) == "Military Forces of Iraq"


def test_a_toll_told_alone_stays_the_toll_of_the_clash(pipeline: Any) -> None:
    """Guard: a sentence whose only act word is the death verb adds no attack on
    civilians of its own to the clash told before it."""
    text = (
        "Des affrontements ont opposé jeudi des manifestants à la police à Beira, au "
        "Mozambique. Quatre personnes y ont été tuées, d'après une ONG locale."
    )
    types = [e.sub_event_type for e in _events(pipeline, text, "fr")]
    assert "Attack" not in types


@pytest.mark.parametrize(
    "text",
    [
        "Rebels fired two missiles at a cargo ship off the coast of Hodeidah, the US Navy said.",
        "Rebels fired two missiles at a cargo ship off Hodeidah, the US Navy said.",
    ],
)
def test_a_town_named_off_a_coast_places_the_act(pipeline: Any, text: str) -> None:
    """ "off X", "off the coast of X": the city is named by its cue, and keeps its usual
    spelling where another country (the teller's) is named too."""
    event = _one(pipeline, text, "en")
    assert event.location is not None and event.location.iso3 == "YEM"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Gunmen ambushed a bus near Zaria in Nigeria on Sunday. The bus was carrying "
            "about fifty people from Kano to Lagos, and the gunmen abducted twelve "
            "passengers.",
            "en",
        ),
        (
            "Des hommes armés ont attaqué un car près de Zaria, au Nigeria, dimanche. Le car "
            "transportait une cinquantaine de voyageurs de Kano à Lagos, et les assaillants "
            "ont enlevé douze passagers.",
            "fr",
        ),
    ],
)
def test_the_ends_of_a_journey_are_no_place_of_the_act(
    pipeline: Any, text: str, language: str
) -> None:
    """The story's place (Zaria) stands, not the journey's end (Lagos)."""
    places = {e.location.name for e in _events(pipeline, text, language) if e.location}
    assert places and "Lagos" not in places and "Kano" not in places


def test_a_road_between_two_towns_is_where_the_act_fell(pipeline: Any) -> None:
    """Guard: "the road from X to Y" is no journey; its first town places the act."""
    text = (
        "Gunmen attacked a convoy on the road from Gao to Ansongo in Mali on Monday, "
        "killing two soldiers."
    )
    event = _one(pipeline, text, "en")
    assert event.location is not None and event.location.name == "Gao"


def test_an_area_of_a_town_and_the_town_after_a_comma_are_no_journey(pipeline: Any) -> None:
    """Guard: «du district de X, à Y»: the district's "de" and the town's «à» are no
    journey; the act stays placed."""
    text = (
        "Une frappe de drone a touché dimanche un entrepôt du district de Slobidskyï, à "
        "Kharkiv, a fait savoir l'administration régionale."
    )
    event = _one(pipeline, text, "fr")
    assert event.location is not None and event.location.name != "Ukraine"


@pytest.mark.parametrize(
    ("text", "language", "doer"),
    [
        (
            "Polish air defences shot down two drones over Lublin, Poland, on Tuesday.",
            "en",
            "Poland",
        ),
        (
            "A British frigate shot down a drone over the Red Sea on Tuesday.",
            "en",
            "the United Kingdom",
        ),
        (
            "La défense antiaérienne polonaise a abattu deux drones au-dessus de Lublin, en "
            "Pologne, mardi.",
            "fr",
            "Poland",
        ),
        (
            "Une frégate britannique a abattu un drone en mer Rouge mardi.",
            "fr",
            "the United Kingdom",
        ),
        ("اعترضت الدفاعات الجوية الأردنية طائرة مسيرة فوق عمان يوم الثلاثاء.", "ar", "Jordan"),
    ],
)
def test_a_peoples_adjective_on_a_force_that_acts_names_its_state(
    pipeline: Any, text: str, language: str, doer: str
) -> None:
    """ "Polish air defences shot down", «une frégate britannique a abattu»: the state's
    forces are the doer."""
    event = _one(pipeline, text, language)
    assert event.actor1 is not None and event.actor1.name == f"Military Forces of {doer}"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Boko Haram fighters raided a market in Gwoza, Nigeria, on Sunday. The group "
            "later attacked a police post in the town, killing two officers.",
            "en",
        ),
        (
            "Boko Haram fighters raided a market in Gwoza, Nigeria, on Sunday. On Monday "
            "the jihadist group attacked a police post in the town, killing two officers.",
            "en",
        ),
        (
            "Les combattants de Boko Haram ont attaqué un marché à Gwoza, au Nigeria, "
            "dimanche. Le groupe a ensuite attaqué un poste de police de la ville, tuant deux "
            "policiers.",
            "fr",
        ),
    ],
)
def test_the_group_is_the_armed_group_named_before(pipeline: Any, text: str, language: str) -> None:
    events = _events(pipeline, text, language)
    police = [e for e in events if e.actor2 is not None and "Police" in e.actor2.name]
    assert police and police[0].actor1 is not None
    assert police[0].actor1.name.startswith("Boko Haram")


def test_the_arabic_organisation_is_the_armed_group_named_before(pipeline: Any) -> None:
    """«التنظيم» after a text named an armed group: that group, not the police."""
    text = (
        "تنشط جماعة بوكو حرام في ولاية بورنو منذ سنوات. وهاجم التنظيم يوم الأحد مركزا للشرطة "
        "في مايدوغوري بنيجيريا ما أسفر عن مقتل شرطيين."
    )
    event = _one(pipeline, text, "ar")
    assert event.actor1 is not None and event.actor1.name.startswith("Boko Haram")


def test_the_group_with_no_armed_group_named_stays_unnamed(pipeline: Any) -> None:
    """Guard: a text that names no armed group before "the group" gives no doer, and
    "a group of" is no anaphor."""
    text = (
        "A group of gunmen raided a market in Gwoza, Nigeria, on Sunday. The group later "
        "attacked a police post in the town, killing two officers."
    )
    assert all(e.actor1 is None for e in _events(pipeline, text, "en"))


def test_a_bomber_from_the_group_is_its_doer(pipeline: Any) -> None:
    text = (
        "Islamic State fighters have long been active around Baiji. On Monday, a suicide "
        "bomber from the group blew himself up at an army checkpoint near Baiji, Iraq, "
        "killing four soldiers."
    )
    event = _one(pipeline, text, "en")
    assert event.actor1 is not None and event.actor1.name.startswith("Islamic State")
    assert event.actor2 is not None and event.actor2.name == "Military Forces of Iraq"


def test_an_arabic_village_attacked_before_a_second_verb_is_a_civilian_site(
    pipeline: Any,
) -> None:
    """«هاجم ... قرية ...، وقتلوا»: the village follows the first verb of the trigger
    group, not the last; an attack on civilians, not a clash."""
    text = "هاجم مسلحون قرية الحويجة في العراق يوم الأحد، وقتلوا خمسة من سكانها."
    event = _one(pipeline, text, "ar")
    assert event.sub_event_type == "Attack"


def test_a_list_of_towns_the_parser_left_unhung_is_still_the_acts(pipeline: Any) -> None:
    """«a frappé lundi X et Y»: a parse that leaves the names as roots of their own
    (after a weekday read as the object) still lists two places struck."""
    text = "L'aviation israélienne a frappé lundi Tyr et Saïda, selon le ministère libanais."
    places = {e.location.name for e in _events(pipeline, text, "fr") if e.location}
    assert places == {"Tyre", "Sidon"}


@pytest.mark.parametrize(
    ("text", "language", "police"),
    [
        (
            "Police arrested dozens of protesters in Bulawayo, Zimbabwe, on Saturday.",
            "en",
            "Zimbabwe",
        ),
        (
            "Samedi à Kankan, en Guinée, les gendarmes ont interpellé vingt-cinq manifestants.",
            "fr",
            "Guinea",
        ),
    ],
)
def test_who_arrested_protesters_faced_the_protest(
    pipeline: Any, text: str, language: str, police: str
) -> None:
    """ACLED: arrests at a demonstration make one "Protest with intervention", the
    protesters first, the forces that arrested them second."""
    event = _one(pipeline, text, language)
    assert event.sub_event_type == "Protest with intervention"
    assert event.actor2 is not None and event.actor2.name == f"Police Forces of {police}"


def test_a_province_named_with_a_peoples_adjective_locates_the_town(pipeline: Any) -> None:
    """«X, dans la province syrienne d'Idleb»: the adjective between the area noun and
    its "de" still makes the name the province, which locates the town: one event."""
    text = (
        "Des avions de guerre ont bombardé lundi un marché de Saraqeb, dans la province "
        "syrienne d'Idleb, tuant neuf civils."
    )
    event = _one(pipeline, text, "fr")
    assert event.location is not None and event.location.name != "Idlib"
    assert event.fatalities == 9


def test_a_word_of_an_actors_name_is_no_reason_phrase(pipeline: Any) -> None:
    """«soutien» (support) in the Rapid Support Forces' name does not make the place
    after it part of a reason ("in support of X")."""
    text = (
        "L'armée a mené mercredi des frappes contre des positions des Forces de soutien "
        "rapide à Nyala, au Darfour-Sud."
    )
    event = _one(pipeline, text, "fr")
    assert event.location is not None and event.location.name == "Nyala"


def test_who_a_verb_of_injury_counts_was_hit_not_who_struck(pipeline: Any) -> None:
    """ "Two soldiers were wounded when militants ambushed a patrol": the soldiers, the
    subject of the verb of injury, are the side hit (actor 2), not the doers."""
    text = (
        "Two soldiers were wounded when militants ambushed a patrol near Bannu, Pakistan, "
        "on Friday."
    )
    event = _one(pipeline, text, "en")
    assert event.actor1 is None
    assert event.actor2 is not None and event.actor2.name == "Military Forces of Pakistan"


@pytest.mark.parametrize(
    "text",
    [
        "قالت الشرطة إن مسلحين قتلوا أربعة مدنيين في الموصل بالعراق يوم الأحد.",
        "أعلنت الشرطة أن مجهولين أطلقوا النار على سائق في الموصل بالعراق يوم الأحد.",
        # One attacker, in any of its forms: a gunman, a suicide bomber, an assailant.
        "قالت الشرطة إن انتحاريا فجر نفسه قرب سوق في الموصل بالعراق يوم الأحد.",
        "قالت الشرطة إن مسلحا أطلق النار على سائق في الموصل بالعراق يوم الأحد.",
        "أعلنت الشرطة أن مهاجمين أطلقوا النار على حاجز في الموصل بالعراق يوم الأحد.",
    ],
)
def test_an_arabic_teller_of_what_unnamed_gunmen_did_is_no_doer(pipeline: Any, text: str) -> None:
    """«قالت الشرطة إن مسلحين قتلوا»: the clause after a bare «إن» has its own subject,
    gunmen no name gives; the police tell the act, they did not do it."""
    event = _one(pipeline, text, "ar")
    assert event.actor1 is None


def test_an_arabic_teller_of_its_own_act_is_still_its_doer(pipeline: Any) -> None:
    """Guard: «قال الجيش إنه قصف»: a pronoun on «إن» makes the teller the subject."""
    text = "قال الجيش العراقي إنه قصف مواقع للمسلحين قرب الموصل يوم الأحد."
    event = _one(pipeline, text, "ar")
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Iraq"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("نصب مسلحون كمينا لدورية عسكرية قرب الموصل في العراق يوم الجمعة.", "ar"),
        ("اختطف مسلحون ثلاثة مهندسين في الموصل بالعراق يوم الأحد.", "ar"),
        ("Gunmen abducted three engineers in Mosul, Iraq, on Sunday.", "en"),
        ("Des hommes armés ont enlevé trois ingénieurs à Mossoul, en Irak, dimanche.", "fr"),
    ],
)
def test_an_ambush_set_and_engineers_taken(pipeline: Any, text: str, language: str) -> None:
    """«نصب كمينا» (an ambush set, the noun in the accusative) is an act; engineers
    abducted are civilians."""
    event = _one(pipeline, text, language)
    if event.sub_event_type == ABDUCTION:
        assert event.actor2 is not None and event.actor2.name == "Civilians (Iraq)"
    else:
        assert event.sub_event_type == "Armed clash"


def test_a_relative_clause_on_the_act_dates_the_act_not_the_claim(pipeline: Any) -> None:
    """«a revendiqué mardi l'attentat qui a tué ... lundi»: Tuesday dates the claim,
    Monday (in the relative clause on the act's noun) the act."""
    text = (
        "Le groupe État islamique a revendiqué mardi l'attentat qui a tué huit personnes "
        "lundi dans un marché de Jalalabad, en Afghanistan."
    )
    event = _one(pipeline, text, "fr")
    assert str(event.event_date) == "2024-05-13"


def test_an_arabic_drone_that_fell_on_a_building_is_a_strike(pipeline: Any) -> None:
    """«سقطت مسيرة على مبنى»: a drone that fell on something struck it (as «سقط صاروخ»);
    «شخصان» (two people, the dual) are civilians a death verb counts."""
    text = "قتل شخصان عندما سقطت مسيرة على منزل في أوديسا بأوكرانيا يوم الاثنين."
    event = _one(pipeline, text, "ar")
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor2 is not None and event.actor2.name == "Civilians (Ukraine)"


@pytest.mark.parametrize(
    "text",
    [
        # a list that repeats its "de" after each comma: three towns, not a town "in" the
        # next one
        "Des frappes ont visé lundi les localités de Tyr, de Nabatiyé et de Bint Jbeil, au Liban.",
        # a pronoun standing for the noun: «celle de Y» is the second town
        "Les frappes ont touché lundi la ville de Tyr et celle de Nabatiyé, au Liban.",
    ],
)
def test_french_lists_of_towns_in_two_more_constructions(pipeline: Any, text: str) -> None:
    places = {e.location.name for e in _events(pipeline, text, "fr") if e.location}
    assert {"Tyre", "Nabatîyé et Tahta"} <= places
