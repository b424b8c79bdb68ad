"""Violence by and against crowds (ACLED riots, excessive force). Sentences invented."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from veille.model import Article, Event


def _events(pipeline: Any, text: str, lang: str) -> list[Event]:
    art = Article(id="c", text=text, language=lang, published="2025-05-20")
    return pipeline.run([art])


def _subs(pipeline: Any, text: str, lang: str) -> set[str]:
    return {e.sub_event_type for e in _events(pipeline, text, lang)}


def test_a_crowd_fighting_the_police_is_a_riot_with_the_police_as_actor2(pipeline: Any) -> None:
    events = _events(pipeline, "Des jeunes ont affronté les policiers lundi soir à Grenoble.", "fr")
    assert [e.sub_event_type for e in events] == ["Violent demonstration"]
    ev = events[0]
    assert ev.actor1 is not None and ev.actor1.kind == "rioters"
    assert ev.actor2 is not None and ev.actor2.kind == "state_forces"


def test_clashes_between_supporters_and_police_are_a_riot(pipeline: Any) -> None:
    text = "Clashes broke out on Monday in Lusaka between opposition supporters and police."
    assert _subs(pipeline, text, "en") == {"Violent demonstration"}


def test_protesters_attacking_a_building_is_a_riot_not_a_peaceful_protest(
    pipeline: Any,
) -> None:
    text = "On Monday, protesters attacked the town hall in Kisumu and set it on fire."
    assert _subs(pipeline, text, "en") == {"Violent demonstration"}


def test_police_killing_protesters_is_excessive_force(pipeline: Any) -> None:
    text = "Police opened fire on protesters in Kisumu on Monday, killing four."
    assert "Excessive force against protesters" in _subs(pipeline, text, "en")


def test_gunmen_attacking_a_crowd_stays_an_attack(pipeline: Any) -> None:
    text = "Gunmen attacked a crowd of worshippers in Kaduna on Monday, killing six."
    subs = _subs(pipeline, text, "en")
    assert "Violent demonstration" not in subs and subs, subs


def test_a_named_armed_group_keeps_its_battle(pipeline: Any) -> None:
    text = "Al-Shabaab fighters clashed with the army and local youths near Baidoa on Monday."
    assert "Violent demonstration" not in _subs(pipeline, text, "en")


def test_arabic_crowd_storming_is_a_riot(pipeline: Any) -> None:
    text = "اقتحم المحتجون مبنى المحافظة في البصرة امس واشتبكوا مع قوات الأمن"
    assert "Violent demonstration" in _subs(pipeline, text, "ar")


def test_counted_protesters_killed_by_police_are_victims_not_rioters(pipeline: Any) -> None:
    text = "Three protesters were killed in Kisumu on Monday when police fired live rounds."
    subs = _subs(pipeline, text, "en")
    assert "Violent demonstration" not in subs and subs, subs


def test_french_s_en_prendre_a_is_an_attack_and_by_a_crowd_a_riot(pipeline: Any) -> None:
    text = "Lundi à Thiès, des manifestants s'en sont pris au siège du parti au pouvoir."
    assert _subs(pipeline, text, "fr") == {"Violent demonstration"}


def test_damage_on_a_night_of_riots_is_part_of_the_riot(pipeline: Any) -> None:
    text = (
        "Des jeunes ont affronté la police mardi soir à Tourcoing. "
        "Dans la même ville, des émeutiers ont pillé mardi soir un supermarché."
    )
    events = pipeline.run([Article(id="r", text=text, language="fr", published="2025-03-12")])
    assert {e.sub_event_type for e in events} == {"Violent demonstration"}


def test_workers_who_storm_and_burn_are_rioters(pipeline: Any) -> None:
    # A crowd named by its trade or party ("union workers") acting is a crowd; its arson
    # is the riot, not property destruction by nobody.
    text = "Hundreds of union workers stormed the ministry in Accra on Monday and set fire to cars."
    events = _events(pipeline, text, "en")
    assert [e.sub_event_type for e in events] == ["Violent demonstration"]
    assert events[0].actor1 is not None and events[0].actor1.kind == "rioters"


def test_workers_killed_are_civilians_attacked_not_a_crowd(pipeline: Any) -> None:
    text = "Gunmen shot dead three aid workers near Gao on Monday."
    assert _subs(pipeline, text, "en") == {"Attack"}


def test_mine_workers_are_no_landmine(pipeline: Any) -> None:
    # A weapon noun modifying a person noun names their trade, not the instrument.
    text = "Gunmen attacked mine workers near Gao on Monday, killing two."
    assert _subs(pipeline, text, "en") == {"Attack"}


def test_police_dispersing_a_crowd_the_sentence_names_tells_the_protest(pipeline: Any) -> None:
    text = "أطلقت الشرطة الغاز المسيل للدموع على متظاهرين في الخرطوم يوم الخميس."
    events = _events(pipeline, text, "ar")
    assert [(e.sub_event_type, e.location.name if e.location else None) for e in events] == [
        ("Protest with intervention", "Khartoum")
    ]


def test_tear_gas_at_the_protesters_told_before_joins_their_protest(pipeline: Any) -> None:
    text = (
        "تظاهر المئات في الخرطوم يوم الخميس للمطالبة بحكم مدني. "
        "وأطلقت الشرطة الغاز المسيل للدموع على المتظاهرين."
    )
    assert len(_events(pipeline, text, "ar")) == 1


def test_tear_gas_for_any_protester_is_no_event(pipeline: Any) -> None:
    text = "وتستعد الشرطة لتفريق أي متظاهرين يقتربون من المقر بالغاز المسيل للدموع."
    assert _events(pipeline, text, "ar") == []


def test_looting_verbs_take_their_feminine_and_plural_forms(pipeline: Any) -> None:
    text = "نهبت قوات الدعم السريع السوق في مدينة الجنينة يوم الاثنين."
    assert _subs(pipeline, text, "ar") == {"Looting/property destruction"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Hundreds protested in Tamale on Monday against the arrest of two student leaders.", "en"),
        (
            "Des centaines de personnes ont manifesté lundi à Kindia contre l'arrestation "
            "de leur maire.",
            "fr",
        ),
        ("تظاهر مئات الطلاب يوم الاثنين في اربد احتجاجا على اعتقال زملائهم.", "ar"),
        # Undated, the arrest the crowd answers is left out: its day is not told.
        ("Thousands marched in Tamale on Monday after the arrest of a local chief.", "en"),
    ],
)
def test_an_arrest_the_crowd_protests_is_no_intervention(
    pipeline: Any, text: str, lang: str
) -> None:
    assert [e.sub_event_type for e in _events(pipeline, text, lang)] == ["Peaceful protest"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Thousands marched in Tamale on Monday after the arrest on Saturday of three "
            "union leaders, detained at their homes by police.",
            "en",
        ),
        (
            "Des milliers de personnes ont manifesté lundi à Kindia après l'arrestation, "
            "samedi, de trois syndicalistes, interpellés à leur domicile par la police.",
            "fr",
        ),
    ],
)
def test_an_arrest_the_crowd_answers_on_a_day_of_its_own_is_its_own_event(
    pipeline: Any, text: str, lang: str
) -> None:
    events = sorted(_events(pipeline, text, lang), key=lambda e: str(e.event_date))
    assert [(e.sub_event_type, str(e.event_date)) for e in events] == [
        ("Arrests", "2025-05-17"),
        ("Peaceful protest", "2025-05-19"),
    ]


def test_arrests_made_at_the_protest_stay_its_intervention(pipeline: Any) -> None:
    # A count between the preposition and the arrests makes them the protest's own.
    text = "Police made over 40 arrests at the protest in Tamale on Monday."
    assert _subs(pipeline, text, "en") == {"Protest with intervention"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "In Nampula, police fired live rounds on Thursday to prevent thousands of "
            "protesters from reaching the governor's office.",
            "en",
        ),
        (
            "À Nampula, la police a tiré jeudi des balles réelles pour empêcher des milliers "
            "de manifestants de rejoindre le siège du gouvernorat.",
            "fr",
        ),
    ],
)
def test_a_crowd_held_back_by_force_is_there(pipeline: Any, text: str, lang: str) -> None:
    # The purpose clause makes what the crowd was kept from doing unreal, not the crowd;
    # a count of people is one crowd, no tally of events; live rounds kill.
    assert _subs(pipeline, text, lang) == {"Excessive force against protesters"}


def test_a_crowd_to_be_held_back_by_a_future_act_is_not_there(pipeline: Any) -> None:
    text = "Police in Nampula will block the roads to prevent protesters from reaching the city."
    assert _events(pipeline, text, "en") == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Youths smashed shop windows in Leicester on Monday night.", "en"),
        ("Des jeunes ont brisé des vitrines lundi soir à Nantes.", "fr"),
        ("حطم محتجون واجهات المحلات في وسط بنغازي يوم الاثنين.", "ar"),
    ],
)
def test_a_crowd_smashing_windows_is_a_riot(pipeline: Any, text: str, lang: str) -> None:
    assert _subs(pipeline, text, lang) == {"Violent demonstration"}


@pytest.mark.parametrize(
    ("text", "lang", "sub"),
    [
        (
            "An air strike on Deir al-Balah on Monday shattered windows across the district.",
            "en",
            "Air/drone strike",
        ),
        (
            "Une explosion a brisé lundi les vitres de plusieurs immeubles à Nantes.",
            "fr",
            "Remote explosive/landmine/IED",
        ),
    ],
)
def test_damage_an_act_did_is_no_act_of_its_own(
    pipeline: Any, text: str, lang: str, sub: str
) -> None:
    assert _subs(pipeline, text, lang) == {sub}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "اندلعت يوم الجمعة مواجهات دامية بين قوات الأمن ومئات المحتجين في البصرة، بعد "
            "أسابيع على موجة من الاحتجاجات قمعت بالرصاص.",
            "ar",
        ),
    ],
)
def test_a_dispersal_told_beside_an_armed_act_does_not_stand_for_the_sentence(
    pipeline: Any, text: str, lang: str
) -> None:
    events = _events(pipeline, text, lang)
    assert [(e.location.name if e.location else None) for e in events] == ["Basrah"]
    assert events[0].sub_event_type in ("Armed clash", "Violent demonstration")


@pytest.mark.parametrize(
    ("text", "lang", "subs"),
    [
        (
            "Thousands took to the streets of Thies on Friday to demand the release of a "
            "union leader.",
            "en",
            {"Peaceful protest"},
        ),
        (
            "Des milliers de personnes sont descendues dans les rues de Thiès vendredi pour "
            "réclamer la libération d'un syndicaliste.",
            "fr",
            {"Peaceful protest"},
        ),
        (
            "Protesters set tyres alight and blocked roads in Thies on Wednesday.",
            "en",
            {"Violent demonstration"},
        ),
        # a crowd out to celebrate is no protest
        (
            "Fans took to the streets of Thies on Sunday to celebrate the team's victory.",
            "en",
            set(),
        ),
    ],
)
def test_a_crowd_in_the_streets(pipeline: Any, text: str, lang: str, subs: set[str]) -> None:
    assert _subs(pipeline, text, lang) == subs


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Guinean gendarmes fired on protesters in Conakry on Monday, witnesses said.", "en"),
        ("Des gendarmes guinéens ont tiré lundi sur des manifestants à Conakry.", "fr"),
    ],
)
def test_state_forces_firing_on_protesters_use_excessive_force(
    pipeline: Any, text: str, lang: str
) -> None:
    """The forces are the subject of the shooting: the violence is theirs, on the
    crowd, not the crowd's (it had been a riot with the protesters as its doers)."""
    events = _events(pipeline, text, lang)
    assert [e.sub_event_type for e in events] == ["Excessive force against protesters"]
    ev = events[0]
    assert ev.actor1 is not None and ev.actor1.kind == "state_forces"
    assert ev.actor2 is not None and ev.actor2.kind == "protesters"


def test_police_clashing_with_protesters_stays_a_riot(pipeline: Any) -> None:
    """Guard: a fight of both sides is the crowd's riot, whoever the parse's subject."""
    text = "Gendarmes clashed with protesters in Conakry on Monday, witnesses said."
    assert _subs(pipeline, text, "en") == {"Violent demonstration"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "قُتل ثمانية متظاهرين في بغداد يوم الجمعة حين أطلقت قوات الأمن الغاز المسيل "
            "للدموع لمنع المحتجين من عبور الجسر.",
            "ar",
        ),
        (
            "Eight protesters were killed in Baghdad on Friday when security forces fired "
            "tear gas to stop the crowd from crossing the bridge.",
            "en",
        ),
    ],
)
def test_protesters_counted_among_the_dead_of_a_dispersal_are_news(
    pipeline: Any, text: str, language: str
) -> None:
    # No protest told before: the dead protesters and the forces' tear gas are the
    # event itself, excessive force against protesters.
    art = Article(id="x", text=text, language=language, published=date(2019, 10, 26))
    events = pipeline.run([art])
    assert [(e.sub_event_type, e.fatalities) for e in events] == [
        ("Excessive force against protesters", 8)
    ]


def test_clashes_with_a_crowd_the_forces_killed_are_the_force_used(pipeline: Any) -> None:
    # The clashes of the lead and the protesters killed by tear gas in the next
    # sentence are one event: excessive force, with its toll.
    text = (
        "Violent clashes broke out between security forces and thousands of protesters in "
        "central Baghdad on Friday. Eight protesters were killed when security forces "
        "fired tear gas to stop the crowd from crossing the bridge."
    )
    art = Article(id="x", text=text, language="en", published=date(2019, 10, 26))
    assert [(e.sub_event_type, e.fatalities) for e in pipeline.run([art])] == [
        ("Excessive force against protesters", 8)
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "In Thies, riot police broke up a student rally with tear gas on Tuesday, while"
            " in the city of Kaolack a calm crowd of teachers held a rally at the prefecture.",
            "en",
        ),
        (
            "A Thiès, la police a dispersé mardi des centaines de manifestants à coups de gaz"
            " lacrymogène, tandis qu'à Kaolack un cortège d'enseignants a manifesté paisiblement"
            " devant la préfecture.",
            "fr",
        ),
    ],
)
def test_force_on_one_side_of_while_met_only_the_protest_there(
    pipeline: Any, text: str, lang: str
) -> None:
    # Each side of "while" / «tandis que» tells its own protest: the force, its weapon
    # and the police belong to the side that tells them.
    got = {
        (e.location.name, e.sub_event_type, e.actor2 is not None)
        for e in _events(pipeline, text, lang)
        if e.location
    }
    assert got == {
        ("Thiès", "Protest with intervention", True),
        ("Kaolack", "Peaceful protest", False),
    }


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("In Mombasa, a separate march by traders passed off peacefully on Tuesday.", "en"),
        ("On Tuesday a large peaceful march crossed Mombasa.", "en"),
        ("Mardi, une grande marche a traversé Mombasa.", "fr"),
    ],
)
def test_adjectives_inside_a_protest_noun_phrase_keep_the_protest(
    pipeline: Any, text: str, lang: str
) -> None:
    # "a march" with its adjectives between the article and the noun: still a march.
    assert _subs(pipeline, text, lang) == {"Peaceful protest"}


def test_the_place_of_force_used_in_a_riot_is_the_riots(pipeline: Any) -> None:
    # The force folded into the riot lends it the place where it fell, with its toll.
    text = (
        "A student was shot dead in Cochabamba on Monday night while riot police fought the "
        "demonstrators."
    )
    events = _events(pipeline, text, "en")
    assert [
        (e.sub_event_type, e.location.name if e.location else None, e.fatalities) for e in events
    ] == [("Violent demonstration", "Cochabamba", 1)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Gunmen blocked a road near Zhob on Monday and killed nine travellers.", "en"),
        (
            "Armed men barricaded the main road near Zhob on Monday and shot dead nine drivers.",
            "en",
        ),
        ("Des hommes armés ont bloqué la route près de Zhob lundi et abattu neuf voyageurs.", "fr"),
    ],
)
def test_armed_men_blocking_a_road_are_no_protest(pipeline: Any, text: str, lang: str) -> None:
    # A roadblock set by armed men: the killing is an attack, not force against a crowd.
    subs = _subs(pipeline, text, lang)
    assert subs and not subs & {"Peaceful protest", "Excessive force against protesters"}, subs


def test_a_crowd_blocking_a_road_is_still_a_protest(pipeline: Any) -> None:
    assert _subs(
        pipeline, "Hundreds of farmers blocked the highway near Zhob on Monday.", "en"
    ) == {"Peaceful protest"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # The call is told, not the march: a gathering a verb of calling has for object.
        ("Organisers called a march in Mombasa on Friday to protest the killings.", "en"),
        ("Les organisateurs ont convoqué une marche vendredi à Mombasa.", "fr"),
        ("Activists announced a rally in Mombasa for Saturday.", "en"),
    ],
)
def test_a_march_called_or_announced_is_no_protest_yet(pipeline: Any, text: str, lang: str) -> None:
    assert _subs(pipeline, text, lang) == set()


def test_a_march_held_to_protest_is_one_protest(pipeline: Any) -> None:
    text = "Thousands marched in Mombasa on Friday to protest the killings."
    events = _events(pipeline, text, "en")
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]


def test_a_strike_called_in_protest_is_the_call(pipeline: Any) -> None:
    text = "The union called a general strike for Monday in protest at the arrests in Mombasa."
    assert not _subs(pipeline, text, "en") & {"Peaceful protest", "Protest with intervention"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Shopkeepers in Mombasa closed their shops on Monday in protest.", "en"),
        (
            "Des chauffeurs ont bloqué la route lundi à Mombasa pour protester contre les prix.",
            "fr",
        ),
    ],
)
def test_an_act_done_in_protest_is_a_protest(pipeline: Any, text: str, lang: str) -> None:
    assert _subs(pipeline, text, lang) == {"Peaceful protest"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Deux gendarmes ont été tués jeudi à Bouaké lorsqu'un camion conduit par des "
            "manifestants a percuté leur barrage.",
            "fr",
        ),
        (
            "Two gendarmes were killed in Bouake on Thursday when a lorry driven by "
            "protesters ploughed into their roadblock.",
            "en",
        ),
    ],
)
def test_forces_killed_by_a_crowd_are_its_riot_not_force_on_it(
    pipeline: Any, text: str, language: str
) -> None:
    art = Article(id="fk", text=text, language=language, published=date(2024, 12, 6))
    events = pipeline.run([art])
    assert [e.sub_event_type for e in events] == ["Violent demonstration"]
    assert events[0].actor2 is not None and events[0].actor2.kind == "state_forces"


def test_tear_gas_grenades_are_an_intervention(pipeline: Any) -> None:
    text = (
        "Jeudi, des policiers ont fait usage de grenades lacrymogènes contre des "
        "manifestants à Bouaké."
    )
    art = Article(id="tg", text=text, language="fr", published=date(2024, 12, 6))
    events = pipeline.run([art])
    assert [(e.sub_event_type, e.weapon) for e in events] == [
        ("Protest with intervention", "tear gas")
    ]
