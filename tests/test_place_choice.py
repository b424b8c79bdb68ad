"""Which place an event gets: the one its own clause names. Sentences invented."""

from __future__ import annotations

from typing import Any

import pytest

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


def test_a_peoples_adjective_does_not_place_the_event(pipeline: Any) -> None:
    text = (
        "A missile struck a cargo ship near Aden on Monday. "
        "Two Indian sailors were among the dead, the operator of the ship said."
    )
    events = _events(pipeline, text)
    assert {e.location.iso3 for e in events if e.location} == {"YEM"}


def test_who_reports_the_event_is_not_its_actor(pipeline: Any) -> None:
    en = _events(pipeline, "Gunmen attacked a police post in Kano on Monday, the army said.")
    assert [e.actor1 for e in en] == [None]
    fr = _events(
        pipeline, "Selon l'armée malienne, des hommes armés ont attaqué lundi un poste à Gao.", "fr"
    )
    assert [e.actor1 for e in fr] == [None]
    assert all(e.claim and e.claim.status != "claimed" for e in fr)
    # Who says it did it is still the actor (a claim).
    own = _events(
        pipeline, "The Houthis said they had fired missiles at a ship near Aden on Monday."
    )
    assert [e.actor1.name for e in own if e.actor1] == ["Houthi Movement"]


def test_a_part_of_the_dead_is_not_the_toll(pipeline: Any) -> None:
    en = _events(pipeline, "Five people were killed in Kano on Monday. Two of them were soldiers.")
    assert [e.fatalities for e in en] == [5]
    fr = _events(pipeline, "Quatre habitants, dont deux enfants, ont été tués lundi à Soumy.", "fr")
    assert [e.fatalities for e in fr] == [4]


def test_a_place_word_heading_an_unknown_name_is_no_place_elsewhere(pipeline: Any) -> None:
    # "Gran" is Hungarian for Esztergom; here it is the first word of a gang's name.
    text = "Samedi, des membres du gang Gran Grif ont pillé un entrepôt à Saint-Marc, en Haïti."
    events = _events(pipeline, text, "fr")
    assert events and {e.location.iso3 for e in events if e.location} == {"HTI"}


def test_a_vague_region_opening_with_an_article_is_still_a_place(pipeline: Any) -> None:
    text = "L'aviation a mené mardi des frappes aériennes dans le nord de la Syrie."
    events = pipeline.run([Article(id="v", text=text, language="fr", published="2025-02-04")])
    assert len(events) == 1
    loc = events[0].location
    assert loc is not None and loc.iso3 == "SYR" and loc.geo_precision == 3


def test_a_place_in_a_relative_clause_on_a_road_is_not_where(pipeline: Any) -> None:
    # French labels the relative clause acl:relcl: it is a clause of its own all the same.
    text = (
        "À Chimoio, des jeunes ont bloqué lundi la route nationale 6, qui mène au Zimbabwe, "
        "et incendié un poste de police."
    )
    events = _events(pipeline, text, "fr")
    assert {e.location.name for e in events if e.location} == {"Chimoio"}


def _placed(events: list[Event]) -> list[tuple[str, str, int | None]]:
    return sorted(
        (e.location.name if e.location else "", str(e.event_date), e.fatalities) for e in events
    )


def test_a_noun_phrase_trigger_places_each_town_its_verb_hit(pipeline: Any) -> None:
    # "Air strikes" hang on "hit" through their head noun, not the modifier "Air".
    events = _events(pipeline, "Air strikes hit Kunduz and Taloqan on Tuesday.")
    assert [p[0] for p in _placed(events)] == ["Kunduz", "Taloqan"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Strikes killed five people in Kunduz and three in Taloqan on Tuesday.", "en"),
        ("Des frappes ont tué mardi cinq personnes à Kunduz et trois à Taloqan.", "fr"),
        # each count before the act it fell in: "in a strike on X"
        ("Strikes killed five people in a raid on Kunduz and three in a raid on Taloqan.", "en"),
        ("Des frappes ont tué cinq personnes dans un raid sur Kunduz et trois dans un raid"
         " sur Taloqan.", "fr"),
        ("قتل خمسة أشخاص في غارة على قندوز، وثلاثة آخرون في غارة على تالقان في أفغانستان.",
         "ar"),
    ],
)  # fmt: skip
def test_the_dead_counted_at_each_place_are_each_events_toll(
    pipeline: Any, text: str, lang: str
) -> None:
    tolls = [(p[0], p[2]) for p in _placed(_events(pipeline, text, lang))]
    assert tolls == [("Kunduz", 5), ("Taloqan", 3)]


_KUNDUZ_TALOQAN = {"Kunduz": 6, "Taloqan": 2}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Rockets hit Kunduz and Taloqan on Tuesday, killing six people in Kunduz"
            " and two in Taloqan.",
            "en",
            _KUNDUZ_TALOQAN,
        ),
        (
            "Le pilonnage de Kunduz et de Taloqan a tué mardi six civils à Kunduz"
            " et deux à Taloqan.",
            "fr",
            _KUNDUZ_TALOQAN,
        ),
        (
            "Strikes hit Kunduz and Taloqan on Tuesday, killing eight, including six in"
            " Kunduz and two in Taloqan.",
            "en",
            _KUNDUZ_TALOQAN,
        ),
        (
            "قصف الجيش مدينتي حماة وحمص يوم الثلاثاء ما أسفر عن مقتل ستة مدنيين"
            " في حماة واثنين في حمص.",
            "ar",
            {"Ḩamāh": 6, "Homs": 2},
        ),
    ],
)
def test_a_place_named_again_with_its_dead_takes_that_count(
    pipeline: Any, text: str, lang: str, expected: dict[str, int]
) -> None:
    # The places are first named as what was hit, then again each with its dead.
    assert {p[0]: p[2] for p in _placed(_events(pipeline, text, lang))} == expected


@pytest.mark.parametrize(
    ("text", "lang", "area"),
    [
        (
            "Artillery fire killed nine people across Kherson province on Saturday, officials"
            " said, as soldiers moved into the town of Beryslav.",
            "en",
            "Khersonska oblast",
        ),
        (
            "Shelling killed nine people across Kherson province on Saturday as soldiers"
            " moved into the town of Beryslav.",
            "en",
            "Khersonska oblast",
        ),
        (
            "Drone strikes killed six people across Idlib province on Monday while rebel"
            " fighters pushed into the town of Saraqib.",
            "en",
            "Idlib",
        ),
        (
            "Des bombardements ont tué neuf personnes dans la province de Kherson samedi,"
            " alors que des soldats entraient dans la ville de Beryslav.",
            "fr",
            "Khersonska oblast",
        ),
    ],
)
def test_a_town_where_another_clauses_doer_went_does_not_place_the_strike(
    pipeline: Any, text: str, lang: str, area: str
) -> None:
    # The strike fell across the province; the town is where the soldiers moved, and
    # the soldiers are not what the strike hit.
    (event,) = _events(pipeline, text, lang)
    assert event.location is not None and event.location.name == area
    assert event.actor2 is None or "Military" not in event.actor2.name


def test_a_town_in_the_strikes_own_clause_still_places_it(pipeline: Any) -> None:
    text = "Artillery fire killed nine people in Beryslav, in Kherson province, on Saturday."
    assert [p[0] for p in _placed(_events(pipeline, text))] == ["Beryslav"]


def test_a_count_of_strikes_is_no_toll_of_each_place(pipeline: Any) -> None:
    events = _events(pipeline, "Two strikes hit Kunduz and Taloqan on Tuesday, killing four.")
    assert [(p[0], p[2]) for p in _placed(events)] == [("Kunduz", 2), ("Taloqan", 2)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The army said it struck targets in Kunduz on Monday and in Taloqan on Tuesday.", "en"),
        ("L'armée a frappé des cibles à Kunduz lundi et à Taloqan mardi.", "fr"),
    ],
)
def test_places_listed_each_with_its_day_are_events_of_their_days(
    pipeline: Any, text: str, lang: str
) -> None:
    days = [(p[0], p[1]) for p in _placed(_events(pipeline, text, lang))]
    assert days == [("Kunduz", "2025-03-10"), ("Taloqan", "2025-03-11")]


def test_a_quarter_named_before_its_city_is_one_place(pipeline: Any) -> None:
    events = _events(pipeline, "Rioters in Walton, Liverpool, set fire to a library on Saturday.")
    assert [p[0] for p in _placed(events)] == ["Walton"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Gunmen attacked Yelwa, a farming community in Shendam LGA, on Sunday,"
            " killing 12 people.",
            "en",
        ),
        (
            "Des hommes armés ont tué dimanche 12 personnes à Yelwa, une localité du"
            " district de Shendam.",
            "fr",
        ),
    ],
)
def test_a_town_and_the_district_it_lies_in_are_one_place(
    pipeline: Any, text: str, lang: str
) -> None:
    # The district the text puts the town in is where the town is, not a second place
    # that would split the toll.
    assert _placed(_events(pipeline, text, lang)) == [("Yelwa", "2025-03-09", 12)]


def test_two_towns_of_a_size_after_a_comma_are_a_list(pipeline: Any) -> None:
    events = _events(pipeline, "Air strikes hit Rafah, Khan Younis and Deir al-Balah on Tuesday.")
    assert len(_placed(events)) == 3


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        # A place named to locate another ("a town 200 km north of X", "across the river
        # from X") is no second place of a list, and no place of the event.
        ("Gunmen attacked Kaya, a town about 100 kilometres north of Ouagadougou, on "
         "Tuesday, killing nine soldiers.", "en", "Kaya"),
        ("Russian troops shelled the town of Kherson across the river from the "
         "Zaporizhzhia nuclear plant on Tuesday, killing two.", "en", "Kherson"),
        ("Mardi, des hommes armés ont attaqué Kaya, non loin de la ville de Kongoussi, "
         "tuant neuf soldats.", "fr", "Kaya"),
        # The country past "the border with" is the neighbour, not where.
        ("An attack on a military post near the border with Mali killed seven soldiers "
         "in northern Burkina Faso on Tuesday.", "en", "Burkina Faso"),
        ("Des hommes armés ont attaqué mardi un poste militaire près de la frontière avec "
         "le Mali, dans le nord du Burkina Faso.", "fr", "Burkina Faso"),
        # «أعلن X من Y أن»: Y is where the teller spoke from; the town west of El Fasher
        # is not in the gazetteer, so the event is near El Fasher.
        ("أعلن الجيش السوداني من بورتسودان أن قوات الدعم السريع هاجمت مدينة الطويلة غرب "
         "الفاشر يوم الثلاثاء.", "ar", "El Fasher"),
    ],
)  # fmt: skip
def test_a_place_that_locates_another_or_a_neighbour_or_the_tellers_seat_is_not_where(
    pipeline: Any, text: str, lang: str, place: str
) -> None:
    events = _events(pipeline, text, lang)
    assert [e.location.name if e.location else None for e in events] == [place]


def test_the_country_past_a_border_is_no_side(pipeline: Any) -> None:
    text = (
        "Une attaque contre un poste militaire près de la frontière avec le Mali a tué "
        "sept soldats mardi dans le nord du Burkina Faso."
    )
    events = _events(pipeline, text, "fr")
    assert events and all(e.actor1 is None for e in events)


def test_places_the_parser_read_as_one_organisation_are_a_list(pipeline: Any) -> None:
    """The small English model labels "Kharkiv and Odesa" one ORG: a name that holds
    only toponyms and the words of a list is a list of places, each an event."""
    events = _events(pipeline, "Russian attacks on Kharkiv and Odesa killed 12 people overnight.")
    assert sorted(e.location.name for e in events if e.location) == ["Kharkiv", "Odesa"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "L'aviation a mené des raids mardi sur plusieurs villages du Liban-Sud, "
            "dont Nabatieh et Tyr, faisant quatre morts.",
            "fr",
        ),
        # guards: right before, through the parse
        (
            "Jets struck several villages in southern Lebanon on Tuesday, including Tyre "
            "and Nabatieh, killing four people.",
            "en",
        ),
        ("شنت طائرات غارات على عدة بلدات في جنوب لبنان أمس، منها النبطية وصور.", "ar"),
    ],
)
def test_the_listed_members_of_a_group_of_places_struck_are_its_places(
    pipeline: Any, text: str, lang: str
) -> None:
    # "several villages, including X and Y": one event per village listed.
    names = sorted(e.location.name for e in _events(pipeline, text, lang) if e.location)
    assert names == ["Nabatîyé et Tahta", "Tyre"]


def test_a_relative_dont_lists_no_places(pipeline: Any) -> None:
    # A guard: «dont» as a relative pronoun («la ville dont il est le maire») opens no
    # list; the clash has the one place.
    text = (
        "À Kolda, grande ville de Casamance dont il est originaire, des jeunes ont "
        "affronté la police mardi."
    )
    assert [e.location.name for e in _events(pipeline, text, "fr") if e.location] == ["Kolda"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Le Hezbollah du Liban a revendiqué dimanche une attaque de roquettes contre Israël.",
            "fr",
        ),
        ("Lebanon's Hezbollah claimed a rocket attack on Israel on Sunday.", "en"),
    ],
)
def test_a_country_that_qualifies_the_doer_says_whose_not_where(
    pipeline: Any, text: str, language: str
) -> None:
    events = _events(pipeline, text, language)
    assert [e.location.iso3 if e.location else None for e in events] == ["ISR"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "« Ils visaient les maisons une à une samedi », a raconté un habitant joint par "
            "téléphone depuis Kaya.",
            "fr",
        ),
        (
            '"They aimed at the houses one by one on Saturday," said a resident reached by '
            "phone from Kaya.",
            "en",
        ),
    ],
)
def test_where_a_teller_was_reached_is_no_place_of_the_act(
    pipeline: Any, text: str, language: str
) -> None:
    art = Article(id="t", text=text, language=language, published="2025-05-12")
    places = [e.location.name for e in pipeline.run([art]) if e.location is not None]
    assert "Kaya" not in places, places


def test_a_place_in_the_phrase_of_a_participle_that_tells_the_act_is_its_place(
    pipeline: Any,
) -> None:
    # The parser makes "fighters" the subject of "said" and "killed" its participle: the
    # act's own place is no place where a teller was reached (it had fallen back on the
    # country).
    text = (
        "Suspected Islamist fighters killed at least 14 herders in a night attack on "
        "Tillia in western Niger, local officials said on Sunday."
    )
    art = Article(id="t", text=text, language="en", published="2025-05-12")
    assert [e.location.name for e in pipeline.run([art]) if e.location] == ["Tillia"]


def test_an_elided_ainsi_que_joins_a_list_of_places(pipeline: Any) -> None:
    """«... à X ainsi qu'un lanceur à Y»: «qu'» elided before a vowel still joins the
    second object and its place to the first, one event per place."""
    text = (
        "L'aviation a frappé lundi un dépôt de munitions à Hermel ainsi qu'un entrepôt à Baalbek."
    )
    places = sorted(e.location.name for e in _events(pipeline, text, "fr") if e.location)
    assert len(places) == 2, places


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # A distance from a town locates the place before it: one event, at that place.
        ("Les rebelles ont pris samedi la ville de Sake, à 20 km de Goma.", "fr"),
        ("Rebels seized the town of Sake, about 20 km from Goma, on Saturday.", "en"),
    ],
)
def test_a_town_a_distance_from_another_is_one_place(pipeline: Any, text: str, lang: str) -> None:
    places = [e.location.name for e in _events(pipeline, text, lang) if e.location]
    assert places == ["Sake"], places


@pytest.mark.parametrize(
    ("text", "lang", "places"),
    [
        # a bigger town after a bare comma names the town's area (Kaduna State)
        ("Gunmen killed five people in Kajuru, Kaduna, on Sunday, police said.", "en", 1),
        ("Une frappe a touché dimanche une maison à Rafah, Gaza, faisant cinq morts.", "fr", 1),
        # a list goes on after them: each is a place
        ("Air strikes hit Khan Younis, Rafah and Deir al-Balah on Sunday.", "en", 3),
        ("Air strikes hit Rafah and Gaza on Sunday.", "en", 2),
    ],
)
def test_a_bigger_town_after_a_bare_comma_names_the_area_not_a_second_place(
    pipeline: Any, text: str, lang: str, places: int
) -> None:
    events = _events(pipeline, text, lang)
    assert len({e.location.name for e in events if e.location}) == places
    if places == 1:
        assert events[0].fatalities == 5  # the toll is not shared out between two places


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("On Monday, jets struck Zahle and Hermel, where three people were killed.", "en"),
        ("Lundi, les avions ont frappé Zahlé ainsi que Hermel, où trois personnes ont péri.", "fr"),
        ("يوم الاثنين، قصفت الطائرات مدينة زحلة وبلدة الهرمل حيث قتل ثلاثة أشخاص.", "ar"),
    ],
)
def test_a_toll_in_the_last_places_relative_clause_is_that_places_alone(
    pipeline: Any, text: str, lang: str
) -> None:
    # Not divided between the list's places: the clause says where the three died.
    tolls = {e.location.name: e.fatalities for e in _events(pipeline, text, lang) if e.location}
    assert tolls == {"Zahlé": None, "El Hermel": 3}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Two policemen were killed on Monday in an ambush on the Kidal-Anefis road in Mali.",
            "en",
        ),
        (
            "Deux policiers ont été tués lundi dans une embuscade sur l'axe Kidal-Anefis, au Mali.",
            "fr",
        ),
    ],
)
def test_a_road_named_by_its_two_towns_places_its_act_at_the_first(
    pipeline: Any, text: str, lang: str
) -> None:
    # "the X-Y road", «l'axe X-Y»: each side of the hyphen a town, however small; one
    # ambush on the road, not one per town, and not the country alone.
    events = _events(pipeline, text, lang)
    assert [e.location.name for e in events if e.location] == ["Kidal"]


def test_a_hyphenated_name_without_a_road_noun_stays_one_name(pipeline: Any) -> None:
    events = _events(pipeline, "Gunmen attacked a village near Kidal-Anefis on Monday.")
    assert all(e.location is None or e.location.name != "Kidal" for e in events)


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Russia's overnight attack on Ukraine killed 12 people on Monday.", "UKR"),
        ("Israel's strikes on Lebanon killed 20 people on Monday.", "LBN"),
    ],
)
def test_a_country_owning_the_act_noun_is_not_where_it_fell(
    pipeline: Any, text: str, iso3: str
) -> None:
    # "Russia's attack on Ukraine": the possessive names who attacked, not the place
    # (nor are the dead Russia's civilians).
    events = _events(pipeline, text)
    assert [e.location.iso3 for e in events if e.location] == [iso3]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Samedi, des hommes armés ont incendié les greniers des hameaux de Tin-Akoff et de"
            " Markoye, au Burkina Faso.",
            "fr",
        ),
        (
            "On Saturday, gunmen raided the hamlets of Tin-Akoff and of Markoye in Burkina Faso,"
            " burning granaries.",
            "en",
        ),
    ],
)
def test_a_list_that_repeats_its_preposition_names_each_village(
    pipeline: Any, text: str, lang: str
) -> None:
    # «de X et de Y»: the preposition repeated after the joiner is the list's gap.
    events = _events(pipeline, text, lang)
    assert sorted(e.location.name for e in events if e.location) == ["Markoye", "Tin-Akoff"]


def test_a_town_and_the_territory_it_lies_in_are_one_location(pipeline: Any) -> None:
    # «en territoire de X»: the area (named after its seat) the locality lies in.
    text = (
        "Six habitants ont péri samedi dans un raid de miliciens sur Kiwanja, en"
        " territoire de Rutshuru, dans le Nord-Kivu."
    )
    assert [(p[0], p[2]) for p in _placed(_events(pipeline, text, "fr"))] == [("Kiwanja", 6)]


def test_a_plural_peoples_adjective_tells_the_storys_country(pipeline: Any) -> None:
    # «maliennes»: the plural of «malienne» names Mali as the country the towns lie in,
    # so a town with a namesake abroad is Mali's and no stray.
    text = (
        "Les Forces armées maliennes ont mené mardi des frappes aériennes dans la zone de"
        " Douentza. Le même jour, une patrouille a été attaquée près de Boni."
    )
    events = _events(pipeline, text, "fr")
    assert {e.location.country for e in events if e.location} == {"Mali"}
    assert {e.location.name for e in events if e.location} == {"Douentza", "Boni"}


def test_a_peoples_adjective_makes_no_town_of_another_country_a_stray(pipeline: Any) -> None:
    # "Russian" says whose ministry tells it; the fighting was near a Ukrainian town.
    text = (
        "The Russian defence ministry said five soldiers were killed in fighting near"
        " Kupiansk on Monday."
    )
    assert [p[0] for p in _placed(_events(pipeline, text))] == ["Kupyansk"]


def test_a_list_that_goes_on_past_a_town_and_its_neighbour_keeps_both(pipeline: Any) -> None:
    # Two neighbouring villages after a comma would read as a quarter and its town; the
    # list goes on («et X», a name the index may lack), so each is a member.
    text = "Les localités de Khiam, Kfar Kila et Odaisseh ont été bombardées mardi."
    assert len(_placed(_events(pipeline, text, "fr"))) == 2


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Gunmen attacked a police post near the border with Chad on Friday, killing six.",
            "en",
        ),
        (
            "Des assaillants ont visé vendredi un poste près de la frontière avec le Tchad.",
            "fr",
        ),
        (
            "هاجم مسلحون يوم الجمعة مركزا للشرطة قرب الحدود مع تشاد وقتلوا ستة عناصر.",
            "ar",
        ),
    ],
)
def test_the_land_across_a_border_is_not_where_it_happened(
    pipeline: Any, text: str, lang: str
) -> None:
    # "Near the border with X": the place lies on this side of X's border, not in X.
    events = _events(pipeline, text, lang)
    assert events and all(e.location is None or e.location.iso3 != "TCD" for e in events), [
        e.location for e in events
    ]


def test_a_place_named_across_a_border_leaves_the_events_own_place(pipeline: Any) -> None:
    text = "Gunmen attacked a police post in Mokolo near the border with Nigeria on Friday."
    events = _events(pipeline, text)
    assert [e.location.name for e in events if e.location] == ["Mokolo"]
