"""French event vocabulary by class (protests, blockades, strikes, arrests, riots,
killings with blades, aircraft shot down) and tolls that are tallies: each class on
sentences invented for these tests, run through the whole pipeline."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from veille.model import Article, Event


def _events(pipeline: Any, text: str) -> list[Event]:
    art = Article(id="f", text=text, language="fr", published="2025-03-12")
    events: list[Event] = pipeline.run([art])
    return events


def _types(pipeline: Any, text: str) -> list[str]:
    art = Article(id="f", text=text, language="fr", published="2025-03-12")
    return sorted(e.sub_event_type for e in pipeline.run([art]))


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "Mardi, des centaines de chauffeurs ont bloqué la route nationale à Bouaké "
            "pour protester contre la hausse des taxes.",
            "Peaceful protest",
        ),
        (
            "Les enseignants de Thiès ont fait grève mardi pour réclamer leurs arriérés.",
            "Peaceful protest",
        ),
        (
            "Mardi à Kayes, des habitants se sont rassemblés devant la mairie pour "
            "dénoncer les coupures d'eau.",
            "Peaceful protest",
        ),
        ("La police a appréhendé trois suspects mardi à Abidjan.", "Arrests"),
        ("Mardi, des jeunes ont caillassé le commissariat de Kindia.", "Violent demonstration"),
        ("Des hommes armés ont égorgé deux bergers mardi près de Ménaka.", "Attack"),
        (
            "La défense aérienne a abattu un hélicoptère mardi près de Gao.",
            "Disrupted weapons use",
        ),
        ("Mardi, des miliciens ont massacré des villageois près de Djibo.", "Attack"),
        ("Mardi, des hommes armés ont mitraillé un bus près de Kaya.", "Attack"),
        # "abattre" a person is to shoot them dead, not to shoot down an aircraft.
        ("Mardi à Kidal, des hommes armés ont abattu deux civils.", "Attack"),
    ],
)
def test_a_french_class_names_its_event(pipeline: Any, text: str, sub: str) -> None:
    assert sub in _types(pipeline, text)


def test_a_blocked_project_or_a_strike_threat_is_no_event(pipeline: Any) -> None:
    # "bloquer" a budget is no blockade; a strike that is only threatened is future.
    assert _types(pipeline, "Le Sénat a bloqué le projet de loi mardi à Dakar.") == []
    assert (
        _types(pipeline, "Les syndicats menacent de faire grève à Thiès la semaine prochaine.")
        == []
    )


def test_a_toll_counted_over_a_period_is_a_tally_not_an_event(pipeline: Any) -> None:
    assert _types(pipeline, "Le bilan s'élève à soixante morts à Gao depuis janvier.") == []
    art = Article(
        id="t",
        text="Forty-three people have been killed in Gao since January.",
        language="en",
        published="2025-03-12",
    )
    assert pipeline.run([art]) == []
    # A toll of one day is an event's toll.
    assert _types(pipeline, "Mardi à Gao, trois personnes ont été tuées.") != []


@pytest.mark.parametrize(
    "text",
    [
        "L'armée bombarde Kharkiv depuis ce matin.",
        "L'aviation bombarde les positions rebelles près de Gao.",
    ],
)
def test_a_present_tense_the_lemmatizer_left_as_it_is_still_triggers(
    pipeline: Any, text: str
) -> None:
    # «bombarde» comes back from the lemmatizer as its own lemma: the first group's
    # infinitive is read from it.
    art = Article(id="p", text=text, language="fr", published="2025-03-12")
    assert pipeline.run([art])


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # «toucher», «atteindre» with a weapon of remote violence: a strike.
        ("Un drone a touché mardi un immeuble à Kharkiv, blessant trois personnes.",
         "Air/drone strike"),
        ("Un missile a atteint mardi la gare de Kharkiv.", "Shelling/artillery/missile attack"),
        # «depuis» before a place is "from there", no period to count strikes over.
        ("Des frappes russes ont visé mardi Kharkiv, a annoncé le gouverneur depuis Kiev.",
         "Air/drone strike"),
    ],
)  # fmt: skip
def test_hitting_with_a_remote_weapon_is_a_strike(pipeline: Any, text: str, sub: str) -> None:
    assert _types(pipeline, text) == [sub]


def test_a_person_hit_by_a_bullet_is_no_strike(pipeline: Any) -> None:
    assert not _types(pipeline, "La crise a touché mardi les marchés de Kharkiv.")
    assert "Shelling/artillery/missile attack" not in _types(
        pipeline, "Le soldat a été touché par balle mardi à Kharkiv."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Trois hommes ont été inculpés d'enlèvement et de meurtre à Bagdad, a indiqué le parquet.",
        "Trois jeunes ont été arrêtés mardi à Bamako, soupçonnés d'avoir incendié une mairie.",
        "Deux suspects, mis en examen pour pillage, ont été écroués mardi à Lyon.",
    ],
)
def test_an_act_named_as_a_charge_is_no_event(pipeline: Any, text: str) -> None:
    # What the accused are charged with or suspected of is no event of the sentence.
    types = set(_types(pipeline, text))
    assert not types & {"Abduction/forced disappearance", "Looting/property destruction"}


def test_coming_up_against_forces_is_a_clash_against_a_refusal_is_not(pipeline: Any) -> None:
    # «se heurter à»: a clash with a side («aux forces de l'ordre», «à la police»), but
    # also meeting a refusal or an obstacle, which is no event.
    clash = "Des partisans du maire se sont heurtés mardi à la police à Kaolack."
    assert _types(pipeline, clash) == ["Violent demonstration"]
    assert (
        _types(pipeline, "Le projet de loi s'est heurté mardi à un refus du Sénat à Paris.") == []
    )


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Un lycéen a été tué samedi par un gendarme à Grenoble.", "fr"),
        ("A schoolboy was shot dead by a soldier in Bouaké on Saturday.", "en"),
    ],
)
def test_a_civilian_killed_by_a_named_doer_is_an_attack_on_civilians(
    pipeline: Any, text: str, language: str
) -> None:
    # The death verb is all the trigger, but the sentence names who did it: the act
    # itself, whose victim is a civilian (not the toll of an act told before).
    art = Article(id="c", text=text, language=language, published="2024-03-10")
    events = pipeline.run([art])
    assert [e.sub_event_type for e in events] == ["Attack"]
    assert events[0].actor2 is not None and events[0].actor2.kind == "civilians"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Les rebelles houthis ont revendiqué samedi une attaque de drones contre Eilat, "
            "la cinquième depuis le premier jour de la guerre entre le Hezbollah et Israël.",
            "fr",
        ),
        (
            "Houthi rebels claimed a drone attack on Eilat on Saturday, the fifth since the "
            "first day of the war between Hezbollah and Israel.",
            "en",
        ),
    ],
)
def test_the_sides_of_a_war_named_as_background_are_no_target(
    pipeline: Any, text: str, language: str
) -> None:
    art = Article(id="w", text=text, language=language, published="2024-03-10")
    events = pipeline.run([art])
    assert len(events) == 1
    assert events[0].actor2 is None or events[0].actor2.id != "hezbollah"


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "Une frégate a abattu jeudi en mer Rouge trois drones venus du Yémen.",
            "Disrupted weapons use",
        ),
        ("Des soldats ont abattu lundi à Gao deux hommes armés.", "Armed clash"),
    ],
)
def test_a_place_told_between_the_verb_and_its_object_is_skipped(
    pipeline: Any, text: str, sub: str
) -> None:
    # «abattre» a drone is to shoot it down; what the verb acts on is read past «en mer
    # Rouge», «à Gao», the phrase of place the parse may misread.
    art = Article(id="a", text=text, language="fr", published="2023-10-17")
    assert [e.sub_event_type for e in pipeline.run([art])] == [sub]


@pytest.mark.parametrize(
    "text",
    [
        # The parser reads the weekday inside the phrase as the verb's complement; the
        # day (its number, month and part of the day too) is stepped over all the same.
        "Des centaines d'enseignants sont descendus mardi dans les rues de Kayes pour "
        "réclamer leurs salaires.",
        "Des centaines d'enseignants sont descendus mardi 11 mars dans les rues de Kayes.",
    ],
)
def test_a_day_inside_a_phrase_trigger_is_stepped_over(pipeline: Any, text: str) -> None:
    assert "Peaceful protest" in _types(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        # «devoir» in the present or the imperfect before an infinitive: scheduled, not told.
        "Les syndicats doivent manifester jeudi devant la préfecture de Thiès.",
        "Une colonne de blindés doit lancer une offensive contre les rebelles près de Kidal.",
    ],
)
def test_what_is_due_to_happen_is_no_event(pipeline: Any, text: str) -> None:
    assert _types(pipeline, text) == []


def test_what_people_had_to_do_after_an_act_leaves_the_act(pipeline: Any) -> None:
    # Guard: «ont dû fuir» (had to flee) tells what followed the attack, which happened.
    text = (
        "Des hommes armés ont attaqué mardi un village près de Kidal, et les habitants ont dû fuir."
    )
    assert _types(pipeline, text) == ["Attack"]


def test_violence_that_broke_out_between_a_crowd_and_police_is_a_riot(pipeline: Any) -> None:
    # A noun of violence with a verb of breaking out: a clash, a crowd's riot here.
    text = "Mardi, des violences ont éclaté à Labé entre des manifestants et la police."
    assert _types(pipeline, text) == ["Violent demonstration"]


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # A military communiqué's words for the dead: the enemy "neutralised", its own
        # "fallen on the field of honour".
        ("L'armée a neutralisé mercredi vingt terroristes près de Ténenkou.", 20),
        (
            "L'état-major a annoncé que onze soldats sont tombés au champ d'honneur "
            "mercredi lors d'une embuscade près de Ténenkou.",
            11,
        ),
    ],
)
def test_a_communiques_words_for_the_dead(pipeline: Any, text: str, dead: int) -> None:
    (event,) = _events(pipeline, text)
    assert event.fatalities == dead


def test_arms_neutralised_are_no_dead(pipeline: Any) -> None:
    text = "Les soldats ont neutralisé mercredi deux engins explosifs près de Ténenkou."
    assert all(e.fatalities is None for e in _events(pipeline, text))


@pytest.mark.parametrize(
    "text",
    [
        # A crowd that disperses of itself met no force: «se disperser», "dispersed".
        "Des milliers de personnes ont manifesté mardi à Dakar; le cortège s'est dispersé "
        "dans le calme en fin de journée.",
    ],
)
def test_a_crowd_that_disperses_of_itself_met_no_force(pipeline: Any, text: str) -> None:
    assert _types(pipeline, text) == ["Peaceful protest"]


@pytest.mark.parametrize(
    "text",
    [
        # Fear, risk, a warning: what they name has not happened.
        "Les habitants disent vivre dans la peur constante des frappes aériennes.",
        "L'ONG met en garde contre le risque d'attaques contre les camps de déplacés.",
        # The event told, ranked against another: a comment, no new event.
        "L'embuscade est la plus sanglante depuis la prise d'otages de l'an dernier.",
        # A denial of involvement in the killings told before: none alone.
        "L'armée a nié toute implication dans les tueries.",
    ],
)
def test_fears_warnings_rankings_and_denials_tell_no_event(pipeline: Any, text: str) -> None:
    assert _types(pipeline, text) == []


@pytest.mark.parametrize(
    "after",
    [
        # «Il s'agit de ...»: the impersonal "it is" names the event told before.
        "Il s'agit de l'embuscade la plus coûteuse pour la gendarmerie depuis "
        "l'investiture du président en 2020.",
    ],
)
def test_an_identifying_it_is_and_an_aim_tell_no_new_event(pipeline: Any, after: str) -> None:
    text = "Des assaillants ont attaqué vendredi un camp militaire près de Djibo. " + after
    got = [(e.event_date, e.location and e.location.name) for e in _events(pipeline, text)]
    assert got == [(date(2025, 3, 7), "Djibo")]


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("Les forces spéciales cherchent à bombarder les bases des insurgés autour de Djibo.", 0),
        # «Visée à plusieurs reprises» is no aim: the town was struck.
        ("Des drones ont visé à deux reprises vendredi la ville de Djibo.", 1),
    ],
)
def test_what_a_side_seeks_to_do_has_not_happened(pipeline: Any, text: str, told: int) -> None:
    assert len(_events(pipeline, text)) == told, _types(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "Un attentat-suicide a frappé samedi le marché de Maroua, faisant 12 morts.",
        "Deux attentats-suicides ont frappé samedi le marché de Maroua, faisant 12 morts.",
    ],
)
def test_a_hyphenated_trigger_is_read_as_the_parser_splits_it(pipeline: Any, text: str) -> None:
    # «attentat-suicide»: the parser makes «attentat», «-», «suicide» of it.
    assert _types(pipeline, text) == ["Suicide bomb"]


def test_it_is_the_deadliest_names_the_acts_told_in_the_plural_too(pipeline: Any) -> None:
    # «Il s'agit des attentats les plus graves»: des = de + les, the acts told.
    text = (
        "Deux attentats-suicides ont frappé samedi le marché de Maroua, faisant 12 morts. "
        "Il s'agit des attentats les plus graves qu'ait connus Maroua cette saison."
    )
    assert len(_events(pipeline, text)) == 1


def test_kamikaze_drones_are_no_suicide_bombers(pipeline: Any) -> None:
    # «drones kamikazes»: loitering munitions (an air or drone strike), not a bomber
    # who died by his own bomb; «deux kamikazes» alone still are.
    drones = "Plusieurs drones kamikazes ont été lancés lundi contre Kharkiv."
    assert _types(pipeline, drones) == ["Air/drone strike"]
    bombers = "Deux kamikazes se sont fait exploser lundi dans un marché de Maroua."
    assert _types(pipeline, bombers) == ["Suicide bomb"]


def test_the_outskirts_of_a_town_after_a_place_locate_one_act(pipeline: Any) -> None:
    # «aux abords de», «dans les environs de»: a phrase of nearness; the town it names
    # locates the act told with the place before it, no second place struck.
    text = (
        "Des combattants ont attaqué mardi une position de l'armée près du barrage de"
        " Mossoul, aux abords de la ville de Tall Afar."
    )
    assert len(_events(pipeline, text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Des inconnus armés ont attaqué vendredi des villageois près de Naplouse.",
        "Des colons ont attaqué vendredi des agriculteurs palestiniens près de Naplouse.",
    ],
)
def test_civilians_attacked_after_a_day_word_are_the_target(pipeline: Any, text: str) -> None:
    """«ont attaqué vendredi des villageois»: the parser hangs the object on the day word
    between it and the verb; they are still who was attacked (an attack on civilians,
    not an armed clash)."""
    events = _events(pipeline, text)
    assert [e.sub_event_type for e in events] == ["Attack"]
    assert events[0].actor2 is not None and events[0].actor2.name == "Civilians (Palestine)"


def test_houses_demolished_are_property_destroyed(pipeline: Any) -> None:
    """«démolir» a building (noun class ``buildings``), as "demolish"; not an argument."""
    text = "Les forces israéliennes ont démoli mercredi deux maisons palestiniennes à Hébron."
    assert _types(pipeline, text) == ["Looting/property destruction"]
    assert _types(pipeline, "Le ministre a démoli mercredi les arguments de l'opposition.") == []


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # «s'abattre sur»: the weapon falls on the place (its subject), nothing shot down
        (
            "Des obus se sont abattus mardi sur Kherson, tuant deux civils.",
            "Shelling/artillery/missile attack",
        ),
        ("Un drone s'est abattu mardi sur un immeuble de Kherson.", "Air/drone strike"),
        ("Des roquettes s'abattent depuis mardi sur Sdérot.", "Shelling/artillery/missile attack"),
        # «abattre» with an aircraft as its object: shot down
        (
            "La défense antiaérienne a abattu mardi trois drones au-dessus de Kherson.",
            "Disrupted weapons use",
        ),
    ],
)
def test_falling_on_a_place_is_no_aircraft_shot_down(pipeline: Any, text: str, sub: str) -> None:
    assert _types(pipeline, text) == [sub]
