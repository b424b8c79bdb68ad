"""Event classes across languages, each on sentences invented for these tests and run
through the whole pipeline: taking ground (seizure verbs with a place or a territory
noun as object, in verb-subject Arabic and in French compound tenses), and which side
a taking of ground is told for."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from veille.extract.lexicon import Lexicon
from veille.extract.taxonomy import crowd_violence, territory_side
from veille.geo.datelines import is_dateline
from veille.model import Actor, Article, Event

TAKES = "Non-state actor overtakes territory"
REGAINS = "Government regains territory"


def _events(pipeline: Any, text: str, language: str) -> list[Event]:
    art = Article(id="c", text=text, language=language, published="2025-03-12")
    return pipeline.run([art])


def _types(pipeline: Any, text: str, language: str) -> set[str]:
    return {e.sub_event_type for e in _events(pipeline, text, language)}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Rebels seized the town of Kidal on Tuesday, residents said.", "en"),
        ("On Tuesday insurgents captured a military base near Gao.", "en"),
        ("Mardi, les rebelles se sont emparés de la ville de Kidal.", "fr"),
        ("Les insurgés ont conquis mardi la localité de Tessalit.", "fr"),
        # Verb, then its subject, then the preposition: Arabic verb-subject order.
        ("سيطرت قوات المعارضة المسلحة على مدينة كيدال يوم الثلاثاء.", "ar"),
        ("استولى المسلحون على قاعدة عسكرية قرب غاو يوم الثلاثاء.", "ar"),
        # the dual of a town noun ("the two towns of X and Y")
        ("استعاد الجيش يوم الثلاثاء السيطرة على مدينتي كيدال وغاو في مالي.", "ar"),
    ],
)
def test_a_seizure_of_ground_is_a_taking_of_territory(
    pipeline: Any, text: str, language: str
) -> None:
    assert _types(pipeline, text, language) & {TAKES, REGAINS}


@pytest.mark.parametrize(
    ("text", "language", "sub"),
    [
        # The noun of the taking, its town after "of": the town is placed by the noun
        # (no locative cue, no NER span needed) and the taking told.
        ("The capture of Tessalit by the rebels on Tuesday surprised the army.", "en", TAKES),
        ("The recapture of Tessalit by the army on Tuesday was celebrated.", "en", REGAINS),
        ("The fall of Tessalit to the rebels on Tuesday surprised the army.", "en", TAKES),
        ("La chute de Tessalit aux mains des rebelles, mardi, a surpris l'armée.", "fr", TAKES),
    ],
)
def test_a_noun_of_taking_before_a_town_tells_the_taking_there(
    pipeline: Any, text: str, language: str, sub: str
) -> None:
    events = [e for e in _events(pipeline, text, language) if e.sub_event_type == sub]
    assert [e.location and e.location.name for e in events] == ["Tessalit"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # A fall that is no town's: a ruler's, rocks'.
        ("The fall of the regime surprised diplomats in Damascus on Tuesday.", "en"),
        ("La chute du chef de la junte, mardi, a surpris les diplomates à Paris.", "fr"),
    ],
)
def test_a_fall_of_no_town_is_no_taking(pipeline: Any, text: str, language: str) -> None:
    assert not _types(pipeline, text, language) & {TAKES, REGAINS}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Ground of no name in a sentence that names no place: a judgment on a war.
        ("« L'armée a conquis des territoires sans jamais les tenir », juge un analyste.", "fr"),
        ("The army has captured territories it never managed to hold, an analyst said.", "en"),
    ],
)
def test_nameless_ground_taken_in_general_is_no_taking(
    pipeline: Any, text: str, language: str
) -> None:
    assert not _types(pipeline, text, language) & {TAKES, REGAINS}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Goods seized in a raid, and a "raid in X": the place is not what was taken.
        ("Customs officers seized two tonnes of cocaine at the port on Tuesday.", "en"),
        ("Police seized forged passports in Kidal on Tuesday.", "en"),
        # Control of a situation is no ground.
        ("سيطر رجال الإطفاء على الحريق في كيدال يوم الثلاثاء.", "ar"),
        # Whom a verb of taking carries somewhere: the object is no ground.
        ("On Tuesday, rescuers took the wounded to Sidon.", "en"),
        ("Mardi, les secouristes ont emmené les blessés vers Saïda.", "fr"),
    ],
)
def test_seizing_goods_or_a_situation_is_not_territory(
    pipeline: Any, text: str, language: str
) -> None:
    assert not _types(pipeline, text, language) & {TAKES, REGAINS}


@pytest.mark.parametrize(
    ("text", "language", "sub", "doer"),
    [
        # The ground is the passive's subject; the agent after "by"/«par» took it.
        ("The town of Kidal was seized by JNIM fighters on Tuesday.", "en", TAKES, "jnim"),
        ("La ville de Kidal a été prise mardi par les combattants du JNIM.", "fr", TAKES, "jnim"),
        # A day between the verb and «par»: the agent all the same.
        ("La ville de Kidal a été reprise mardi par l'armée malienne.", "fr", REGAINS,
         "military-forces-mli"),
    ],
)  # fmt: skip
def test_ground_taken_in_the_passive_is_a_taking_by_its_agent(
    pipeline: Any, text: str, language: str, sub: str, doer: str
) -> None:
    taken = [e for e in _events(pipeline, text, language) if e.sub_event_type == sub]
    assert taken and taken[0].actor1 is not None and taken[0].actor1.id == doer


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # The passive's subject is goods or people, not ground.
        ("Two tonnes of cocaine were seized by customs officers in Kidal on Tuesday.", "en"),
        ("Des armes ont été prises mardi par les soldats à Kidal.", "fr"),
    ],
)
def test_goods_taken_in_the_passive_are_not_territory(
    pipeline: Any, text: str, language: str
) -> None:
    assert not _types(pipeline, text, language) & {TAKES, REGAINS}


def test_the_subject_between_an_arabic_verb_and_its_preposition_is_its_actor(
    pipeline: Any,
) -> None:
    events = _events(pipeline, "سيطرت حركة الشباب على بلدة جلب يوم الثلاثاء.", "ar")
    taken = [e for e in events if e.sub_event_type == TAKES]
    assert taken and taken[0].actor1 is not None
    assert taken[0].actor1.id == "al-shabaab"


def test_a_gapped_arabic_match_covers_the_verb_only() -> None:
    lex = Lexicon.load("ar")
    from veille.nlp.tokens import Tok

    words = ["سيطرت", "قوات", "المعارضة", "على", "البلدة"]
    toks, pos = [], 0
    for i, w in enumerate(words):
        toks.append(Tok(i=i, text=w, lemma=w, pos="X", dep="", head=i, start=pos, end=pos + len(w)))
        pos += len(w) + 1
    found = [m for m in lex.triggers.find(toks) if m.payload.mode == "seize"]
    assert [(m.start, m.end) for m in found] == [(0, 1)]
    # A comma ends the subject: the preposition after it belongs to another clause.
    words[2] = "المعارضة،"
    toks[2] = Tok(
        i=2,
        text=words[2],
        lemma=words[2],
        pos="X",
        dep="",
        head=2,
        start=toks[2].start,
        end=toks[2].start + len(words[2]),
    )
    assert not [m for m in lex.triggers.find(toks) if m.payload.mode == "seize"]


def _actor(inter: int) -> Actor:
    return Actor(
        name="X",
        id="x",
        kind="state_forces" if inter == 1 else "rebel_group",
        inter=inter,
        country="MLI",
    )


def test_who_took_the_ground_names_the_sub_type() -> None:
    assert territory_side(TAKES, _actor(1)) == REGAINS  # the army "seized" a town back
    assert territory_side(REGAINS, _actor(2)) == TAKES  # rebels "retook" a town
    assert territory_side(REGAINS, None) == REGAINS  # no doer named: the verb's sense
    assert territory_side("Armed clash", _actor(1)) == "Armed clash"
    # A foreign state's forces taking ground in another country do not regain it.
    assert territory_side(TAKES, _actor(1), "NER") == TAKES
    assert territory_side(TAKES, _actor(1), "MLI") == REGAINS
    # Beside the forces of the country it lies in, foreign allies regain it too.
    ally = Actor(name="Y", id="y", kind="state_forces", inter=1, country="NER")
    assert territory_side(TAKES, ally, "MLI", [_actor(1)]) == REGAINS
    assert territory_side(TAKES, ally, "MLI", [_actor(2)]) == TAKES


def test_allied_forces_named_together_regain_the_ground(pipeline: Any) -> None:
    """ "Nigerien troops and the Malian army": the first listed is actor 1 (a foreign
    army); the country's own forces beside it make the taking a regaining."""
    text = "Nigerien troops and the Malian army retook the town of Kidal on Tuesday."
    taken = [e for e in _events(pipeline, text, "en") if e.actor1 is not None]
    assert [(e.sub_event_type, e.actor1.id) for e in taken if e.actor1] == [
        (REGAINS, "military-forces-ner")
    ]


def test_protesters_who_burn_hold_a_violent_demonstration(pipeline: Any) -> None:
    for text, language in (
        ("Protesters torched a police station in Lagos on Tuesday.", "en"),
        ("Mardi, les manifestants ont incendié la mairie de Dakar.", "fr"),
        ("أحرق محتجون مركزا للشرطة في مدينة عدن يوم الثلاثاء.", "ar"),
    ):
        assert _types(pipeline, text, language) == {"Violent demonstration"}
    assert crowd_violence("Looting/property destruction", None) == "Looting/property destruction"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Clashes between the army and the RSF killed 12 people in Nyala on Tuesday.", "en"),
        ("Mardi, des combats entre l'armée et les FSR ont fait douze morts à Nyala.", "fr"),
        ("Mardi, des combats ont opposé l'armée aux FSR à Nyala, faisant douze morts.", "fr"),
        ("اندلعت اشتباكات بين الجيش وقوات الدعم السريع في نيالا يوم الثلاثاء.", "ar"),
    ],
)
def test_a_clash_between_two_named_sides_has_both_in_order(
    pipeline: Any, text: str, language: str
) -> None:
    events = [
        e
        for e in _events(pipeline, text.replace("l'armée", "l'armée soudanaise"), language)
        if e.sub_event_type == "Armed clash"
    ]
    assert events
    a1, a2 = events[0].actor1, events[0].actor2
    assert a1 is not None and a2 is not None
    assert (a1.id, a2.id) == ("military-forces-sdn", "rsf")


def test_between_far_from_the_clash_names_no_pair(pipeline: Any) -> None:
    # "between" in another clause (a meeting between two leaders) is not the clash's pair.
    text = (
        "Fighting killed 12 soldiers in Nyala on Tuesday, a week after talks in Jeddah "
        "that had been arranged by mediators between the army and the RSF."
    )
    events = [e for e in _events(pipeline, text, "en") if e.sub_event_type == "Armed clash"]
    assert events
    assert events[0].actor2 is None or events[0].actor2.id != "rsf"


@pytest.mark.parametrize(
    "victims",
    ["قرويا", "مدنيا", "مزارعين", "صيادون", "مسعفين"],
)
def test_arabic_civilians_in_their_sound_forms_are_the_target(pipeline: Any, victims: str) -> None:
    # Indefinite accusative (ا) and sound plurals of a singular stem in the lexicon.
    text = f"قتل مسلحون مجهولون 14 {victims} في هجوم على قرية قرب مدينة غاو يوم الثلاثاء."
    events = _events(pipeline, text, "ar")
    assert events
    assert events[0].sub_event_type == "Attack"
    assert events[0].actor2 is not None and events[0].actor2.kind == "civilians"


def test_sound_forms_of_a_stem() -> None:
    from veille.extract.lexicon import _sound_forms

    assert set(_sound_forms("مدني")) == {"مدني", "مدنيا", "مدنيون", "مدنيين", "مدنيه", "مدنيات"}


@pytest.mark.parametrize(
    ("text", "language", "claimant"),
    [
        (
            "A car bomb killed five soldiers at a checkpoint near Gao on Tuesday. "
            "Al-Shabaab claimed responsibility in a statement.",
            "en",
            "al-shabaab",
        ),
        (
            "Un engin explosif a tué trois soldats près de Gao mardi. "
            "Le JNIM a revendiqué dans un communiqué.",
            "fr",
            "jnim",
        ),
        (
            "انفجرت عبوة ناسفة بدورية عسكرية قرب مدينة غاو يوم الثلاثاء، ما أدى إلى مقتل "
            "ثلاثة جنود. وأعلنت حركة الشباب مسؤوليتها.",
            "ar",
            "al-shabaab",
        ),
    ],
)
def test_a_claim_told_in_the_next_sentence_names_the_doer(
    pipeline: Any, text: str, language: str, claimant: str
) -> None:
    events = _events(pipeline, text, language)
    assert len(events) == 1
    ev = events[0]
    assert ev.actor1 is not None and ev.actor1.id == claimant
    assert ev.claim is not None and ev.claim.status == "claimed"
    # The soldiers killed are the target, not the doer.
    assert ev.actor2 is None or ev.actor2.kind == "state_forces"


def test_no_claimant_named_adds_nobody(pipeline: Any) -> None:
    text = (
        "A roadside bomb killed three soldiers near Gao on Tuesday. "
        "No group has claimed responsibility so far."
    )
    events = _events(pipeline, text, "en")
    assert len(events) == 1
    assert events[0].actor1 is None


def test_arabic_victims_of_a_death_noun_are_the_target(pipeline: Any) -> None:
    text = "انفجرت عبوة ناسفة قرب مدينة غاو يوم الثلاثاء، ما أدى إلى مقتل ثلاثة جنود."
    events = _events(pipeline, text, "ar")
    assert events and events[0].actor1 is None
    assert events[0].actor2 is not None and events[0].actor2.kind == "state_forces"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Tuesday protesters set fire to party offices in several southern provinces.", "en"),
        ("Mardi, des manifestants ont incendié des locaux de partis dans plusieurs villes.", "fr"),
        ("أحرق محتجون مقار أحزاب في محافظات جنوبية عدة يوم الثلاثاء.", "ar"),
    ],
)
def test_what_is_spread_over_unnamed_places_is_no_one_event(
    pipeline: Any, text: str, language: str
) -> None:
    # Told after a placed event, it would otherwise take that event's town.
    lead = {
        "en": "Police fired tear gas at protesters in Basra on Tuesday. ",
        "fr": "Mardi, la police a tiré des gaz lacrymogènes sur des manifestants à Bassorah. ",
        "ar": "أطلقت الشرطة الغاز المسيل للدموع على متظاهرين في البصرة يوم الثلاثاء. ",
    }[language]
    assert "Violent demonstration" not in _types(pipeline, lead + text, language)
    assert "Violent demonstration" in _types(
        pipeline, lead + text.replace(_spread[language], _named[language]), language
    )


_spread = {"en": "several southern provinces", "fr": "plusieurs villes", "ar": "محافظات جنوبية عدة"}
_named = {"en": "Nasiriyah", "fr": "Nassiriya", "ar": "مدينة الناصرية"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Shelling hit Kherson on Tuesday, killing a 70-year-old man.", "en"),
        ("A farmer was killed in a drone strike on Nikopol on Tuesday.", "en"),
        ("Une femme a été tuée mardi dans une frappe de drone sur Nikopol.", "fr"),
        ("Mardi, une frappe de drone a tué un berger près de Nikopol.", "fr"),
        ("قتل مدني في غارة بطائرة مسيرة على مدينة نيكوبول يوم الثلاثاء.", "ar"),
        ("استشهد طفل في قصف على خان يونس يوم الثلاثاء.", "ar"),
        # A definite or possessive determiner on one person counts one too.
        ("A drone hit a car near Tyre on Tuesday, killing its driver.", "en"),
        ("Mardi, une frappe a tué le commandant d'une milice près de Tyr.", "fr"),
    ],
)
def test_one_person_killed_is_one_fatality(pipeline: Any, text: str, language: str) -> None:
    events = _events(pipeline, text, language)
    assert [e.fatalities for e in events] == [1]


def test_people_killed_without_a_number_stay_unknown(pipeline: Any) -> None:
    # Plural victims with no figure: the toll is not stated, not one.
    events = _events(pipeline, "Shelling hit Kherson on Tuesday, killing civilians.", "en")
    assert [e.fatalities for e in events] == [None]


def test_a_demand_is_no_claim_of_responsibility(pipeline: Any) -> None:
    text = (
        "Mardi, une embuscade a tué six soldats près de Ménaka. "
        "Le syndicat des enseignants revendique de meilleurs salaires."
    )
    events = _events(pipeline, text, "fr")
    assert len(events) == 1
    assert events[0].claim is None or events[0].claim.status != "claimed"


def test_a_verb_of_bombing_is_no_bomb_and_air_dropped_bombs_are_air_strikes(
    pipeline: Any,
) -> None:
    # "bombed" is the act; the weapon "bomb" (an IED when it explodes by itself) is not read
    # from the verb. Glide bombs are dropped from aircraft, whatever verb tells the strike.
    bombed = _types(pipeline, "The army bombed a market in Nyala on Friday.", "en")
    assert "Remote explosive/landmine/IED" not in bombed
    assert _types(pipeline, "Russian forces pounded Kharkiv on Friday with glide bombs.", "en") == {
        "Air/drone strike"
    }
    assert _types(pipeline, "A bomb exploded in a market in Kano on Friday.", "en") == {
        "Remote explosive/landmine/IED"
    }


@pytest.mark.parametrize(
    ("text", "language", "doer"),
    [
        (
            "Israel struck a house in Rafah on Monday, killing four people.",
            "en",
            "military-forces-isr",
        ),
        ("Russia launched a drone attack on Kyiv on Monday.", "en", "military-forces-rus"),
        ("La Russie a bombardé Kharkiv lundi, faisant trois morts.", "fr", "military-forces-rus"),
        ("شنت إسرائيل غارات على مدينة رفح يوم الاثنين.", "ar", "military-forces-isr"),
    ],
)
def test_a_country_named_as_the_doer_stands_for_its_forces(
    pipeline: Any, text: str, language: str, doer: str
) -> None:
    events = _events(pipeline, text, language)
    assert events and events[0].actor1 is not None
    assert events[0].actor1.id == doer
    # The doer's name is not where it happened.
    assert events[0].location is None or events[0].location.iso3 != doer[-3:].upper()


def test_a_country_that_reports_or_is_a_place_is_no_doer(pipeline: Any) -> None:
    said = _events(pipeline, "A drone strike hit Kyiv on Monday, Ukraine said.", "en")
    assert said and said[0].actor1 is None
    placed = _events(pipeline, "Gunmen killed five villagers in Niger on Monday.", "en")
    assert placed and placed[0].actor1 is None


def test_sides_named_together_are_listed_by_the_first(pipeline: Any) -> None:
    text = "The United States and Britain struck Houthi targets in Hodeidah on Saturday."
    (event,) = _events(pipeline, text, "en")
    assert event.actor1 is not None and event.actor1.id == "military-forces-usa"
    assert event.actor2 is not None and event.actor2.id == "houthi-movement"


def test_striking_targets_is_an_armed_strike_and_striking_workers_are_not(pipeline: Any) -> None:
    assert _types(pipeline, "Israel struck two weapons depots near Tyre on Monday.", "en") == {
        "Air/drone strike"
    }
    assert not _types(pipeline, "Dock workers struck for higher pay in Tyre on Monday.", "en") & {
        "Air/drone strike",
        "Shelling/artillery/missile attack",
    }


def test_repeated_strikes_over_months_are_no_one_event(pipeline: Any) -> None:
    text = "Turkish drones have struck PKK targets near Sinjar repeatedly since March."
    assert _events(pipeline, text, "en") == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("A rocket fired from Lebanon hit a house in Safed on Tuesday.", "en"),
        ("Une roquette tirée depuis le Liban a frappé une maison à Safed mardi.", "fr"),
    ],
)
def test_where_a_weapon_was_launched_from_is_not_where_it_hit(
    pipeline: Any, text: str, language: str
) -> None:
    events = _events(pipeline, text, language)
    assert events
    assert all(e.location is None or e.location.iso3 != "LBN" for e in events)


def test_shooting_down_drones_is_disrupted_weapons_use_and_shooting_people_an_attack(
    pipeline: Any,
) -> None:
    text = "L'armée a affirmé avoir abattu 40 des 60 drones lancés dans la nuit près de Kharkiv."
    assert _types(pipeline, text, "fr") == {"Disrupted weapons use"}
    assert _types(pipeline, "Mardi à Kidal, des hommes armés ont abattu deux civils.", "fr") == {
        "Attack"
    }


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Tuesday a court in Dakar jailed him for his role in the 2015 attacks.", "en"),
        (
            "Mardi, un tribunal de Dakar l'a condamné pour son rôle dans les attentats de 2015.",
            "fr",
        ),
        ("Jihadists captured the town of Douentza in 2012, residents recalled.", "en"),
        ("أشار التقرير إلى الهجوم على القرية في عام 2016.", "ar"),
    ],
)
def test_an_event_dated_only_by_a_past_year_is_history(
    pipeline: Any, text: str, language: str
) -> None:
    assert _events(pipeline, text, language) == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Residents of Tyre said they feared new airstrikes.", "en"),
        ("Les habitants de Tyr disent craindre de nouvelles frappes.", "fr"),
        ("قال سكان مدينة صور إنهم يخشون غارات جديدة.", "ar"),
    ],
)
def test_a_feared_attack_is_no_attack(pipeline: Any, text: str, language: str) -> None:
    assert _events(pipeline, text, language) == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Police shot dead three protesters in Khartoum on Monday.", "en"),
        ("La police a tué trois manifestants lundi à Khartoum.", "fr"),
        ("قتلت الشرطة ثلاثة متظاهرين في الخرطوم يوم الاثنين.", "ar"),
    ],
)
def test_forces_killing_protesters_use_excessive_force_and_are_its_doers(
    pipeline: Any, text: str, language: str
) -> None:
    (event,) = _events(pipeline, text, language)
    assert event.sub_event_type == "Excessive force against protesters"
    assert event.fatalities == 3
    assert event.actor1 is not None and event.actor1.kind == "state_forces"
    assert event.actor2 is None or event.actor2.kind == "protesters"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Protesters clashed with police in Nairobi on Tuesday, and police fired tear gas.", "en"),
        ("Des heurts ont opposé mardi manifestants et policiers à Nairobi.", "fr"),
    ],
)
def test_a_clash_at_a_protest_is_one_violent_demonstration(
    pipeline: Any, text: str, language: str
) -> None:
    assert [e.sub_event_type for e in _events(pipeline, text, language)] == [
        "Violent demonstration"
    ]


def test_a_sit_in_is_a_protest(pipeline: Any) -> None:
    text = "Lundi, des centaines d'étudiants ont observé un sit-in devant le ministère à Rabat."
    assert _types(pipeline, text, "fr") == {"Peaceful protest"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Two days ago, an airstrike killed five people in Rafah.", "en"),
        ("Il y a deux jours, une frappe a tué cinq personnes à Rafah.", "fr"),
        ("قتل خمسة أشخاص في غارة على رفح قبل يومين.", "ar"),
    ],
)
def test_days_ago_date_the_event(pipeline: Any, text: str, language: str) -> None:
    events = _events(pipeline, text, language)
    assert events and str(events[0].event_date) == "2025-03-10"


def test_the_group_arabic_doers_belong_to_is_actor_1(pipeline: Any) -> None:
    text = "قتل مسلحون يشتبه في انتمائهم لحركة الشباب سبعة جنود قرب مدينة غاو يوم الاثنين."
    events = _events(pipeline, text, "ar")
    assert events and events[0].actor1 is not None
    assert events[0].actor1.id == "al-shabaab"


def test_an_explosion_nothing_else_types_is_an_explosive_device(pipeline: Any) -> None:
    assert _types(pipeline, "An explosion hit a market in Kano on Tuesday.", "en") == {
        "Remote explosive/landmine/IED"
    }


def test_opposer_x_et_y_names_both_sides(pipeline: Any) -> None:
    text = (
        "Mardi, des combats ont opposé l'armée soudanaise et les Forces de soutien rapide "
        "près de Nyala."
    )
    events = [e for e in _events(pipeline, text, "fr") if e.sub_event_type == "Armed clash"]
    assert events and events[0].actor1 is not None and events[0].actor2 is not None
    assert (events[0].actor1.id, events[0].actor2.id) == ("military-forces-sdn", "rsf")


def test_an_arabic_martyrdom_noun_counts_the_dead(pipeline: Any) -> None:
    events = _events(pipeline, "استشهاد ثلاثة مواطنين في غارة على مدينة صور يوم الثلاثاء.", "ar")
    assert [e.fatalities for e in events] == [3]


def test_an_arabic_count_after_a_long_subject_is_the_toll_and_names_the_victims(
    pipeline: Any,
) -> None:
    # Verb, subject (with its relative clause), then the counted victims.
    text = "قتل مسلحون مجهولون يستقلون دراجات نارية سبعة جنود قرب مدينة غاو يوم الاثنين."
    (event,) = _events(pipeline, text, "ar")
    assert event.fatalities == 7
    assert event.actor1 is None
    assert event.actor2 is not None and event.actor2.kind == "state_forces"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Air defences shot down twelve drones overnight, while a missile hit a hospital "
            "in Zaporizhzhia, killing four people.",
            "en",
        ),
        (
            "La défense aérienne a intercepté dix drones, tandis qu'un missile a frappé un "
            "immeuble à Kharkiv, tuant deux personnes.",
            "fr",
        ),
    ],
)
def test_an_interception_and_a_hit_across_while_are_two_events(
    pipeline: Any, text: str, language: str
) -> None:
    events = _events(pipeline, text, language)
    by_type = {e.sub_event_type: e for e in events}
    assert set(by_type) == {"Disrupted weapons use", "Shelling/artillery/missile attack"}
    # The toll is told on the strike's side of the connective.
    assert by_type["Shelling/artillery/missile attack"].fatalities is not None
    assert by_type["Disrupted weapons use"].fatalities is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Jets bombed Idlib on Sunday, while a drone struck a truck in Aleppo.", "en"),
        (
            "Des avions ont bombardé Idleb dimanche, tandis qu'un drone a frappé un camion à Alep.",
            "fr",
        ),
        ("قصفت طائرات حربية مدينة إدلب يوم الأحد، بينما استهدفت طائرة مسيرة شاحنة في حلب.", "ar"),
        ("قصفت طائرات حربية مدينة إدلب يوم الأحد، فيما استهدفت طائرة مسيرة شاحنة في حلب.", "ar"),
    ],
)
def test_two_strikes_told_either_side_of_while_in_two_places_are_two_events(
    pipeline: Any, text: str, language: str
) -> None:
    places = sorted(e.location.name for e in _events(pipeline, text, language) if e.location)
    assert places == ["Aleppo", "Idlib"], places


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Three protesters were shot dead during a march in Mombasa on Tuesday.", "en"),
        ("Trois manifestants ont été tués par balle lors d'une marche à Conakry mardi.", "fr"),
    ],
)
def test_protesters_killed_by_unnamed_forces_are_the_target_of_excessive_force(
    pipeline: Any, text: str, language: str
) -> None:
    (event,) = [
        e
        for e in _events(pipeline, text, language)
        if e.sub_event_type == "Excessive force against protesters"
    ]
    assert event.actor1 is None  # the sentence does not say who fired
    assert event.actor2 is not None and event.actor2.kind == "protesters"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("La police a dispersé les manifestants à coups de gaz lacrymogènes à Lomé.", "fr"),
        ("Police dispersed the protesters with volleys of tear gas in Lusaka.", "en"),
    ],
)
def test_a_crowd_control_weapon_after_a_noun_of_delivery_is_the_intervention(
    pipeline: Any, text: str, language: str
) -> None:
    assert "Protest with intervention" in _types(pipeline, text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("L'armée a tiré une vague de missiles sur Kharkiv lundi.", "fr"),
        ("Les rebelles ont lancé un essaim de drones sur Kharkiv lundi.", "fr"),
        ("Les rebelles ont lancé une vague de drones sur Kharkiv lundi.", "fr"),
    ],
)
def test_a_weapon_after_a_noun_of_number_is_the_acts_weapon(
    pipeline: Any, text: str, language: str
) -> None:
    # «une vague de drones», "a swarm of drones": the noun of number or delivery the
    # weapon completes does not make it the name of a target.
    assert {e.weapon for e in _events(pipeline, text, language)} & {"missile", "drone"}


def test_a_hyphenated_crowd_control_verb_is_the_intervention(pipeline: Any) -> None:
    text = "Police tear-gassed hundreds of students who blocked a highway in Lusaka on Monday."
    assert _types(pipeline, text, "en") == {"Protest with intervention"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "In Multan, a mob wrecked a bus shelter and set a car on fire before "
            "being dispersed by police.",
            "en",
        ),
        (
            "À Kayes, une foule a saccagé la mairie avant d'être dispersée par les gendarmes.",
            "fr",
        ),
    ],
)
def test_a_crowd_that_acts_before_its_dispersal_is_its_own_event(
    pipeline: Any, text: str, language: str
) -> None:
    # Alone in the text, with no protest before it to join: the crowd's own act stands.
    (event,) = _events(pipeline, text, language)
    assert event.sub_event_type in {"Mob violence", "Violent demonstration"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Police detained a union leader at his office in Multan on Monday, sparking "
            "protests nationwide.",
            "en",
        ),
        (
            "Les gendarmes ont arrêté lundi le maire de Kayes, provoquant des manifestations "
            "dans tout le pays.",
            "fr",
        ),
        # A country sums up as "nationwide" does.
        (
            "Police detained a union leader at his office in Multan on Monday, sparking "
            "protests across Pakistan.",
            "en",
        ),
    ],
)
def test_an_effect_summed_up_without_its_own_place_does_not_type_its_cause(
    pipeline: Any, text: str, language: str
) -> None:
    assert _types(pipeline, text, language) == {"Arrests"}


def test_an_effect_told_with_its_own_place_is_its_own_event(pipeline: Any) -> None:
    text = (
        "Police detained a union leader at his office in Multan on Monday, sparking "
        "protests in Lahore."
    )
    places = {
        e.sub_event_type: e.location.name if e.location else None
        for e in _events(pipeline, text, "en")
    }
    assert places.get("Arrests") == "Multan"
    assert any(f == "Lahore" for s, f in places.items() if s != "Arrests")


@pytest.mark.parametrize(
    ("text", "language", "town"),
    [
        (
            "A former minister was arrested on Monday at the Peshawar High Court.",
            "en",
            "Peshawar",
        ),
        ("Des hommes armés ont attaqué lundi l'université de Kisangani.", "fr", "Kisangani"),
    ],
)
def test_a_building_named_after_its_town_stands_in_it(
    pipeline: Any, text: str, language: str, town: str
) -> None:
    (event,) = _events(pipeline, text, language)
    assert event.location is not None and event.location.name == town


def test_a_dateline_does_not_place_an_event_the_text_places_elsewhere(
    pipeline: Any,
) -> None:
    elsewhere = _events(
        pipeline,
        "NIAMEY (AFP) - Des hommes armés ont tué mardi douze villageois dans l'ouest du Niger, "
        "selon des sources locales.",
        "fr",
    )
    assert [e.location.name if e.location else None for e in elsewhere] == ["Niger"]
    text = "Report.\nNIAMEY, 12 mars (AFP) - Des hommes armés... Selon NIAMEY - non."
    first = text.index("NIAMEY")
    assert is_dateline(text, first, first + 6)
    later = text.rindex("NIAMEY")
    assert not is_dateline(text, later, later + 6)  # not where a line opens
    assert not is_dateline("Niamey (AFP) - x", 0, 6)  # not in capitals


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "L'aviation a mené lundi une série de frappes dans le sud du Liban, visant les "
            "villes de Nabatiyé et de Tyr.",
            "fr",
        ),
        (
            "On Monday warplanes carried out a wave of strikes targeting Nabatieh and Tyre "
            "in southern Lebanon.",
            "en",
        ),
    ],
)
def test_towns_listed_after_their_country_are_one_event_each(
    pipeline: Any, text: str, language: str
) -> None:
    places = sorted(e.location.name for e in _events(pipeline, text, language) if e.location)
    assert places == ["Nabatîyé et Tahta", "Tyre"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The M23 rebels said on Sunday they had shelled an army post near Goma.", "en"),
        ("أعلنت حركة 23 مارس، الأحد، أنها قصفت موقعا للجيش الكونغولي.", "ar"),
    ],
)
def test_a_doer_telling_of_its_own_act_claims_it(pipeline: Any, text: str, language: str) -> None:
    (event,) = _events(pipeline, text, language)
    assert event.claim is not None and event.claim.status == "claimed"


def test_an_arabic_speaker_after_the_event_is_its_teller_not_its_target(pipeline: Any) -> None:
    events = _events(
        pipeline,
        "قصفت القوات الروسية مدينة خاركيف بالصواريخ، فيما قال الجيش الأوكراني إن الدفاعات "
        "الجوية اعترضت بعضها.",
        "ar",
    )
    strikes = [e for e in events if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert strikes and all(e.actor2 is None for e in strikes)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The air force bombed a market in Kabkabiya on Tuesday, a medical group said.", "en"),
        ("قصفت قوات الدعم السريع سوقا في مدينة الفاشر يوم الثلاثاء، وفق مصادر طبية.", "ar"),
    ],
)
def test_a_doer_told_of_by_someone_else_is_not_claiming(
    pipeline: Any, text: str, language: str
) -> None:
    (event,) = _events(pipeline, text, language)
    assert event.claim is not None and event.claim.status != "claimed"


@pytest.mark.parametrize(
    ("text", "language", "sub"),
    [
        ("L'aviation a pilonné mardi la ville d'Idleb.", "fr", "Air/drone strike"),
        ("Des drones ont pilonné mardi la ville de Kherson.", "fr", "Air/drone strike"),
        ("L'armée a pilonné mardi la ville de Kherson.", "fr", "Shelling/artillery/missile attack"),
    ],
)
def test_a_loose_verb_of_pounding_takes_the_type_of_what_pounded(
    pipeline: Any, text: str, language: str, sub: str
) -> None:
    assert _types(pipeline, text, language) == {sub}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The district has seen repeated clashes between herders and farmers.", "en"),
        ("La région est le théâtre d'attaques répétées de groupes armés.", "fr"),
        ("تتعرض المنطقة لهجمات متكررة من قبل مسلحين مجهولين.", "ar"),
    ],
)
def test_events_told_as_repeated_are_no_one_event(pipeline: Any, text: str, language: str) -> None:
    assert _events(pipeline, text, language) == []


def test_each_listed_place_gets_its_own_count_after_a_partitive_cue(pipeline: Any) -> None:
    text = (
        "Des frappes ont tué mardi au moins 20 personnes dans le sud du Liban, dont six "
        "dans une maison de Tyr et quatre dans un immeuble de Nabatiyé."
    )
    tolls = {e.location.name: e.fatalities for e in _events(pipeline, text, "fr") if e.location}
    assert tolls == {"Tyre": 6, "Nabatîyé et Tahta": 4}


def test_a_weapon_naming_what_was_struck_does_not_type_the_strike(pipeline: Any) -> None:
    text = (
        "The U.S. military said it carried out strikes on Houthi radar sites and missile "
        "launchers near Hodeidah on Saturday."
    )
    assert _types(pipeline, text, "en") == {"Air/drone strike"}


@pytest.mark.parametrize(
    ("text", "language", "events"),
    [
        # Indefinite: a new event the doer tells of.
        ("The army said it carried out strikes on rebel camps near Gao on Monday.", "en", 1),
        # Definite, under a claim verb: the event told before, here none.
        ("The group claimed the attack on Monday.", "en", 0),
    ],
)
def test_only_a_definite_event_noun_under_a_claim_verb_names_an_earlier_event(
    pipeline: Any, text: str, language: str, events: int
) -> None:
    assert len(_events(pipeline, text, language)) == events


def test_arabic_places_listed_with_a_glued_and_are_one_event_each(pipeline: Any) -> None:
    text = (
        "قتل عشرة أشخاص في غارات على جنوب لبنان اليوم الثلاثاء، بينهم ستة في قصف منزل في صور "
        "وأربعة في قصف سيارة في النبطية."
    )
    tolls = {e.location.name: e.fatalities for e in _events(pipeline, text, "ar") if e.location}
    assert tolls == {"Tyre": 6, "Nabatîyé et Tahta": 4}


def test_places_with_their_share_deep_in_an_including_phrase_are_the_events(
    pipeline: Any,
) -> None:
    text = (
        "Strikes killed at least 15 people in southern Lebanon on Tuesday, including six in "
        "a strike on a house in Tyre and four in a strike on a car in Nabatieh."
    )
    tolls = {e.location.name: e.fatalities for e in _events(pipeline, text, "en") if e.location}
    assert tolls.get("Tyre") == 6 and tolls.get("Nabatîyé et Tahta") == 4


def test_a_toll_told_with_its_own_place_counts_the_event_there(pipeline: Any) -> None:
    text = (
        "Missiles hit Zaporizhzhia and Dnipro overnight, officials said. "
        "In Zaporizhzhia, three people died when a building collapsed."
    )
    tolls = {e.location.name: e.fatalities for e in _events(pipeline, text, "en") if e.location}
    assert tolls.get("Zaporizhzhya") == 3 and tolls.get("Dnipro") is None


def test_arabic_dead_in_an_attack_tell_the_attack(pipeline: Any) -> None:
    text = "قتل ثلاثة جنود في هجوم على حاجز للجيش في مدينة درعا يوم الأحد."
    (event,) = _events(pipeline, text, "ar")
    assert event.fatalities == 3 and event.location is not None
    # The attack noun alone, outside that frame, is no trigger of its own.
    assert _events(pipeline, "ناقش المجلس خطة لمنع أي هجوم على المدينة.", "ar") == []


def test_a_french_subject_inverted_after_a_verb_of_telling_is_the_teller(pipeline: Any) -> None:
    text = "Une frappe de drone a tué deux combattants près de Kidal, a annoncé lundi l'armée."
    (event,) = _events(pipeline, text, "fr")
    assert event.actor2 is None or event.actor2.kind != "state_forces"


def test_arabic_strikes_on_a_place_are_air_strikes_and_a_blow_is_not(pipeline: Any) -> None:
    text = "أسفرت ضربات روسية على مدينة سومي عن مقتل أربعة أشخاص يوم الأحد."
    assert _types(pipeline, text, "ar") == {"Air/drone strike"}
    # «ضربة قوية ل...»: a heavy blow to someone, no strike.
    assert _events(pipeline, "شكل قرار المحكمة ضربة قوية للحكومة يوم الأحد.", "ar") == []


def test_arabic_members_counted_by_a_death_verb_before_the_trigger_are_its_target(
    pipeline: Any,
) -> None:
    text = "قتل ثلاثة عناصر من الشرطة في انفجار عبوة ناسفة في محافظة الأنبار يوم الأحد."
    (event,) = _events(pipeline, text, "ar")
    assert event.actor1 is None
    assert event.actor2 is not None and event.actor2.kind == "state_forces"


def test_a_claimed_event_its_relative_clause_describes_is_told_here(pipeline: Any) -> None:
    text = "Le JNIM a revendiqué dimanche l'attaque qui a coûté la vie à neuf soldats près de Gao."
    (event,) = _events(pipeline, text, "fr")
    assert event.claim is not None and event.claim.status == "claimed"
    assert event.fatalities == 9
    # Without the description, the claimed attack is the one told before (none here).
    assert _events(pipeline, "Le JNIM a revendiqué dimanche l'attaque.", "fr") == []


def test_a_claimed_event_whose_phrase_tells_its_dead_is_told_here(pipeline: Any) -> None:
    """The relative clause that counts the dead hangs, in the parse, on a noun of the
    act's phrase («une église de X, qui a fait douze morts»): the act is described."""
    text = (
        "L'Etat islamique a revendiqué l'attentat contre une église de Maiduguri "
        "dimanche, qui a fait douze morts."
    )
    (event,) = _events(pipeline, text, "fr")
    assert event.claim is not None and event.claim.status == "claimed"
    assert event.fatalities == 12


def test_one_toll_for_several_listed_places_is_divided_between_their_events(
    pipeline: Any,
) -> None:
    text = "Missiles hit Kharkiv, Sumy and Dnipro overnight, killing seven people."
    tolls = sorted(e.fatalities or 0 for e in _events(pipeline, text, "en"))
    assert tolls == [2, 2, 3]  # evenly, the remainder to the first (ACLED)


@pytest.mark.parametrize(
    ("text", "language", "events"),
    [
        ("Depuis l'aube, de violents combats opposent l'armée aux rebelles à Goma.", "fr", 1),
        ("Depuis janvier, les combats ont fait 300 morts à Goma.", "fr", 0),
    ],
)
def test_a_period_opened_this_morning_frames_one_event_not_a_tally(
    pipeline: Any, text: str, language: str, events: int
) -> None:
    assert len(_events(pipeline, text, language)) == events


@pytest.mark.parametrize(
    ("text", "language", "sub", "status"),
    [
        (
            "The army said it intercepted three projectiles fired at Haifa on Sunday.",
            "en",
            "Disrupted weapons use",
            None,
        ),
        (
            "The Houthis claimed a drone attack on the port of Eilat on Sunday.",
            "en",
            "Air/drone strike",
            "claimed",
        ),
    ],
)
def test_projectiles_and_a_claimed_attack_noun_phrase(
    pipeline: Any, text: str, language: str, sub: str, status: str | None
) -> None:
    events = [e for e in _events(pipeline, text, language) if e.sub_event_type == sub]
    assert len(events) == 1
    if status is not None:
        assert events[0].claim is not None and events[0].claim.status == status


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "A drone struck Kassala airport on Monday in an attack blamed on the Rapid "
            "Support Forces.",
            "en",
        ),
        (
            "Une frappe de drone, attribuée aux Forces de soutien rapide, a visé lundi Kassala.",
            "fr",
        ),
    ],
)
def test_whom_an_attack_is_blamed_on_is_its_doer(pipeline: Any, text: str, language: str) -> None:
    (event,) = _events(pipeline, text, language)
    assert event.actor1 is not None and event.actor1.id == "rsf"
    assert event.actor2 is None or event.actor2.id != "rsf"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Police arrested 30 protesters in Lusaka on Saturday.", "en"),
        ("La police a interpellé samedi une trentaine de manifestants à Lomé.", "fr"),
    ],
)
def test_arrests_at_a_protest_are_its_intervention(pipeline: Any, text: str, language: str) -> None:
    assert _types(pipeline, text, language) == {"Protest with intervention"}


def test_the_parsed_agent_of_an_event_noun_beats_a_speaker_before_it(pipeline: Any) -> None:
    text = (
        "Gunmen killed four soldiers near Gao on Sunday. "
        "The army claimed that the attack was carried out by JNIM."
    )
    (event,) = _events(pipeline, text, "en")
    assert event.actor1 is not None and event.actor1.id == "jnim"
    assert event.fatalities == 4


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Malian army drones struck JNIM positions in Kidal on Tuesday, killing six"
            " fighters, an officer said. JNIM said the strikes killed civilians at a school.",
            "en",
        ),
        (
            "Mardi, des appareils sans pilote de l'armée malienne ont bombardé un camp du JNIM"
            " à Kidal, tuant six combattants. Le JNIM affirme que les frappes ont tué des civils"
            " dans une école.",
            "fr",
        ),
    ],
)
def test_the_other_sides_account_of_the_strikes_is_the_same_event(
    pipeline: Any, text: str, language: str
) -> None:
    events = _events(pipeline, text, language)
    assert len(events) == 1
    assert events[0].fatalities == 6
    assert len(events[0].mentions) == 2


def test_a_definite_strike_with_its_own_day_is_its_own_telling(pipeline: Any) -> None:
    text = (
        "Government drones struck rebel positions in Kidal on Tuesday, an officer said."
        " Residents said the strikes on Gao on Sunday had killed four people."
    )
    events = _events(pipeline, text, "en")
    assert len(events) == 2


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Six people were killed when a drone hit a bus in Deir al-Balah on Tuesday,"
            " medics said. Four others died in a separate strike on a market east of Khan Younis.",
            "en",
        ),
        (
            "Six personnes ont été tuées mardi par une frappe de drone sur un bus à Deir"
            " al-Balah. Quatre autres ont péri dans une autre frappe sur un marché à l'est de"
            " Khan Younès.",
            "fr",
        ),
    ],
)
def test_a_separate_strike_nearby_is_a_second_event(
    pipeline: Any, text: str, language: str
) -> None:
    events = _events(pipeline, text, language)
    assert sorted(e.fatalities or 0 for e in events) == [4, 6]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Une frappe de drone a tué deux personnes mardi près de Gao, selon l'hôpital."
            " L'armée malienne a affirmé avoir visé un chef du JNIM.",
            "fr",
        ),
    ],
)
def test_a_doer_naming_its_aim_tells_the_act_before(
    pipeline: Any, text: str, language: str
) -> None:
    events = _events(pipeline, text, language)
    assert len(events) == 1
    assert len(events[0].mentions) == 2


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Sunday, drones struck a gathering of fighters near Kidal, the army said.", "en"),
        ("Dimanche, des frappes ont visé un rassemblement de combattants près de Kidal.", "fr"),
    ],
)
def test_a_gathering_of_fighters_is_a_target_not_a_demonstration(
    pipeline: Any, text: str, language: str
) -> None:
    assert _types(pipeline, text, language) == {"Air/drone strike"}


def test_the_side_that_owns_the_telling_office_is_not_the_doer(pipeline: Any) -> None:
    # The ministry belongs to one side; the strikes' own adjective names the other.
    text = "أعلنت وزارة الصحة التابعة للحوثيين مقتل خمسة أشخاص في غارات أميركية على مدينة الحديدة."
    events = _events(pipeline, text, "ar")
    assert events
    assert all(e.actor1 is None or "Houthi" not in e.actor1.name for e in events)
    assert any(e.actor1 is not None and "United States" in e.actor1.name for e in events)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Thousands of demonstrators marched through Nairobi on Thursday. Kenyan police"
            " opened fire on the protesters, killing two, witnesses said.",
            "en",
        ),
        (
            "Des milliers de manifestants ont défilé jeudi à Nairobi. La police kényane a"
            " tiré sur les manifestants, tuant deux personnes.",
            "fr",
        ),
    ],
)
def test_a_march_and_the_fire_on_it_are_one_event_with_the_police_as_actor1(
    pipeline: Any, text: str, language: str
) -> None:
    events = _events(pipeline, text, language)
    assert len(events) == 1
    (e,) = events
    assert e.sub_event_type == "Excessive force against protesters"
    assert e.actor1 is not None and e.actor1.kind.startswith("state")
    assert e.actor2 is not None and e.actor2.name.startswith("Protesters")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("اندلعت اشتباكات بين مجموعات مسلحة في طرابلس يوم الأربعاء أسفرت عن مقتل ستة أشخاص.", "ar"),
        ("Des affrontements entre milices ont fait six morts mercredi à Tripoli.", "fr"),
    ],
)
def test_people_killed_in_a_clash_are_not_one_of_its_sides(
    pipeline: Any, text: str, language: str
) -> None:
    events = _events(pipeline, text, language)
    assert [e.sub_event_type for e in events] == ["Armed clash"]
    assert events[0].actor2 is None or events[0].actor2.kind != "civilians"


@pytest.mark.parametrize(
    ("text", "language", "city"),
    [
        ("نظم عشرات المحامين وقفة احتجاجية في العاصمة تونس يوم الخميس.", "ar", "Tunis"),
        ("Hundreds of teachers marched in the capital, Kuwait, on Thursday.", "en", "Kuwait City"),
        # the country's name before the noun: "Tunis the capital"
        ("نظم عشرات المحامين وقفة احتجاجية في تونس العاصمة يوم الخميس.", "ar", "Tunis"),
    ],
)
def test_a_name_after_the_capital_noun_is_the_city(
    pipeline: Any, text: str, language: str, city: str
) -> None:
    events = _events(pipeline, text, language)
    assert events and all(e.location is not None for e in events)
    assert {e.location.name for e in events if e.location} == {city}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The Malian army said its aircraft had struck JNIM positions near Gao on Tuesday.", "en"),
        (
            "L'armée malienne a indiqué que ses avions avaient frappé mardi des positions du"
            " JNIM près de Gao.",
            "fr",
        ),
    ],
)
def test_a_teller_whose_own_forces_acted_is_the_doer(
    pipeline: Any, text: str, language: str
) -> None:
    events = _events(pipeline, text, language)
    assert [e.actor1.name if e.actor1 else None for e in events] == ["Military Forces of Mali"]


@pytest.mark.parametrize(
    ("text", "armed"),
    [
        ("The Malian army carried out a strike on a fuel depot on Tuesday.", True),
        ("Teachers began a strike in Gao on Tuesday.", False),
    ],
)
def test_whose_strike_it_is_says_whether_it_is_armed(pipeline: Any, text: str, armed: bool) -> None:
    # A strike noun is an armed strike or a work stoppage: the subject of the verb that
    # carries it out decides when nothing else in the sentence does.
    assert bool(_events(pipeline, text, "en")) is armed


@pytest.mark.parametrize(
    "text",
    [
        "تبنت حركة الشباب الهجوم على قاعدة عسكرية في مدينة بيدوا يوم الثلاثاء.",
        "أعلنت حركة الشباب مسؤوليتها عن الهجوم على قاعدة عسكرية في مدينة بيدوا يوم الثلاثاء.",
    ],
)
def test_an_arabic_claim_of_the_attack_on_a_target_is_the_event(pipeline: Any, text: str) -> None:
    events = _events(pipeline, text, "ar")
    assert len(events) == 1
    (e,) = events
    assert e.actor1 is not None and e.actor1.name == "Al Shabaab"
    assert e.claim is not None and e.claim.status == "claimed"


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        # A nominative dual of a person noun counts two.
        ("قتل مدنيان برصاص قناصة في مدينة حلب يوم الثلاثاء.", 2),
        # The number after an injury verb counts the wounded, also after a death count.
        ("قتل طفلان وأصيب ثلاثة آخرون في قصف على مدينة إدلب يوم الثلاثاء.", 2),
    ],
)
def test_arabic_counts_of_the_dead(pipeline: Any, text: str, toll: int) -> None:
    assert [e.fatalities for e in _events(pipeline, text, "ar")] == [toll]


def test_gunfire_that_kills_civilians_is_an_attack(pipeline: Any) -> None:
    text = "قتل ثلاثة مدنيين برصاص قناصة في مدينة حلب يوم الثلاثاء."
    assert _types(pipeline, text, "ar") == {"Attack"}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Army aircraft dropped barrel bombs on Nyala on Tuesday.", "en", {"Air/drone strike"}),
        ("Helicopter gunships strafed a convoy near Gao on Tuesday.", "en", {"Air/drone strike"}),
        (
            "Kamikaze drones slammed into an oil depot in Bryansk on Tuesday.",
            "en",
            {"Air/drone strike"},
        ),
        ("A car slammed into a wall in Bryansk on Tuesday.", "en", set()),
        ("Planes dropped leaflets over Gaza City on Tuesday.", "en", set()),
        (
            "Des avions ont largué des bombes sur un marché de Nyala mardi.",
            "fr",
            {"Air/drone strike"},
        ),
        ("Des avions ont largué des tracts sur Gaza mardi.", "fr", set()),
        ("ألقت الطائرات براميل متفجرة على مدينة نيالا يوم الثلاثاء.", "ar", {"Air/drone strike"}),
    ],
)
def test_bombs_dropped_from_the_air(
    pipeline: Any, text: str, language: str, expected: set[str]
) -> None:
    assert _types(pipeline, text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Hamas: strike kills five in Rafah on Tuesday", "en"),
        ("Le Hamas : une frappe tue cinq personnes à Rafah mardi", "fr"),
        ("الحوثيون: 4 قتلى في غارات على مدينة صعدة يوم الثلاثاء", "ar"),
    ],
)
def test_a_name_that_labels_the_line_is_not_the_doer(
    pipeline: Any, text: str, language: str
) -> None:
    # "Source: what happened": the label is who tells it (the story's body names the doer).
    events = _events(pipeline, text, language)
    assert events
    assert [e.actor1 for e in events] == [None] * len(events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Les houthis ont revendiqué mardi un tir de missile contre un navire près de Hodeïda.",
            {"Shelling/artillery/missile attack"},
        ),
        (
            "Des tirs d'obus ont frappé mardi un quartier de Khartoum.",
            {"Shelling/artillery/missile attack"},
        ),
        ("L'armée a neutralisé mardi douze jihadistes près de Gao.", {"Armed clash"}),
        (
            "L'armée a neutralisé une cinquantaine de terroristes mardi près de Gao.",
            {"Armed clash"},
        ),
        # A device neutralised was never used (ACLED's disrupted weapons use), no clash.
        (
            "Les démineurs ont neutralisé mardi un engin explosif près de Gao.",
            {"Disrupted weapons use"},
        ),
    ],
)
def test_french_fire_and_neutralisation(pipeline: Any, text: str, expected: set[str]) -> None:
    assert _types(pipeline, text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "language", "day"),
    [
        (
            "The army said on Tuesday it had struck JNIM positions near Gao on Saturday.",
            "en",
            "2025-03-08",
        ),
        (
            "قال سكان الثلاثاء إن مسلحين قتلوا خمسة قرويين في مدينة غاو مساء السبت.",
            "ar",
            "2025-03-08",
        ),
    ],
)
def test_the_day_right_after_a_telling_verb_dates_the_telling(
    pipeline: Any, text: str, language: str, day: str
) -> None:
    events = _events(pipeline, text, language)
    assert [str(e.event_date) for e in events] == [day]


def test_a_target_preposition_on_the_way_up_marks_the_target(pipeline: Any) -> None:
    # The parser hangs «contre une position» on the day; the army is still the target.
    text = (
        "Le bilan de l'attaque de dimanche contre une position de l'armée malienne près de"
        " Mopti s'élève désormais à 15 morts."
    )
    events = _events(pipeline, text, "fr")
    assert [(e.sub_event_type, e.actor1, e.actor2.name if e.actor2 else None) for e in events] == [
        ("Armed clash", None, "Military Forces of Mali")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تمكنت قوات المعارضة من السيطرة على مدينة حماة يوم الثلاثاء.", TAKES),
        ("أحكمت هيئة تحرير الشام قبضتها على مدينة حلب يوم الثلاثاء.", TAKES),
        ("سقطت مدينة الفاشر في أيدي قوات الدعم السريع يوم الثلاثاء.", TAKES),
        ("استعاد الجيش السوداني السيطرة على مدينة ود مدني يوم الثلاثاء.", REGAINS),
    ],
)
def test_arabic_ground_taken_by_idiom(pipeline: Any, text: str, expected: str) -> None:
    assert _types(pipeline, text, "ar") == {expected}


def test_ground_lost_is_not_ground_taken_by_the_loser(pipeline: Any) -> None:
    text = "فقدت القوات الحكومية السيطرة على مدينة حماة يوم الثلاثاء."
    assert not _types(pipeline, text, "ar") & {TAKES, REGAINS}


def test_a_date_inside_an_actors_name_dates_nothing(pipeline: Any) -> None:
    text = "انتزع مسلحو حركة 23 مارس السيطرة على مدينة غوما يوم الثلاثاء."
    assert [str(e.event_date) for e in _events(pipeline, text, "ar")] == ["2025-03-11"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The Malian army retook the town of Ber on Tuesday after heavy fighting with JNIM.", "en"),
        (
            "L'armée malienne a repris mardi le contrôle de la ville de Ber après de violents"
            " combats avec le JNIM.",
            "fr",
        ),
    ],
)
def test_ground_taken_after_fighting_is_one_event(pipeline: Any, text: str, language: str) -> None:
    assert _types(pipeline, text, language) == {REGAINS}


def test_a_place_word_inside_an_actors_name_is_not_where(pipeline: Any) -> None:
    # "Fano" is an Amhara militia and a town in Italy.
    text = "Des miliciens Fano ont attaqué mardi un poste de police à Bahir Dar, en Éthiopie."
    events = _events(pipeline, text, "fr")
    assert events and all(e.location is not None and e.location.iso3 == "ETH" for e in events)


def test_a_place_inside_an_actors_name_is_no_country_of_the_story(pipeline: Any) -> None:
    text = "Les miliciens Fano ont tué mardi trois policiers, selon les autorités éthiopiennes."
    events = _events(pipeline, text, "fr")
    assert events
    for e in events:
        assert e.location is None or e.location.iso3 != "ITA"
        assert all(a is None or a.country != "ITA" for a in (e.actor1, e.actor2))


AIR = "Air/drone strike"


@pytest.mark.parametrize(
    ("text", "language", "doer"),
    [
        # A people's adjective on the attack word, with a noun compounded between.
        ("Ethiopian air bombardment killed seven villagers near Bahir Dar on Sunday.", "en", "eth"),
        ("Pakistani aerial bombing killed four people in Khost on Sunday.", "en", "pak"),
        (
            "Des bombardements aériens turcs ont tué trois personnes près de Dohouk dimanche.",
            "fr",
            "tur",
        ),
    ],
)
def test_a_peoples_adjective_on_the_attack_word_is_its_doer(
    pipeline: Any, text: str, language: str, doer: str
) -> None:
    strikes = [e for e in _events(pipeline, text, language) if e.sub_event_type == AIR]
    assert strikes and strikes[0].actor1 is not None
    assert strikes[0].actor1.id == f"military-forces-{doer}"


def test_a_peoples_adjective_on_a_protest_is_not_the_army(pipeline: Any) -> None:
    events = _events(pipeline, "Kenyan protesters rallied in Nakuru on Sunday.", "en")
    assert events
    assert all(e.actor1 is None or not e.actor1.id.startswith("military") for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "The army bombed insurgent hideouts near Maiduguri on Sunday.",
        "Government forces bombed a cattle market in Geneina on Sunday, killing nine.",
        "Myanmar bombing of a village in Magway killed six people on Sunday.",
    ],
)
def test_a_state_that_bombs_does_so_from_the_air(pipeline: Any, text: str) -> None:
    assert _types(pipeline, text, "en") == {AIR}


def test_a_bombing_by_no_state_stays_a_remote_explosive(pipeline: Any) -> None:
    text = "A bombing at a bus station in Maiduguri killed nine people on Sunday."
    assert _types(pipeline, text, "en") == {"Remote explosive/landmine/IED"}


def test_the_agent_of_an_attack_noun_after_by_is_its_doer(pipeline: Any) -> None:
    text = "A bombing raid by Nigerian army jets killed nine in Zamfara on Sunday."
    strikes = [e for e in _events(pipeline, text, "en") if e.sub_event_type == AIR]
    assert strikes and strikes[0].actor1 is not None
    assert strikes[0].actor1.id == "military-forces-nga"
    assert strikes[0].actor2 is None or strikes[0].actor2.id != "military-forces-nga"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A labour strike against a rule is no attack; a strike against a commander is.
        ("Nurses began a strike against the new shift rules in Kisumu on Sunday.", set()),
        ("US forces carried out a strike against an ISIS commander near Raqqa on Sunday.", {AIR}),
    ],
)
def test_a_strike_against_needs_arms(pipeline: Any, text: str, expected: set[str]) -> None:
    assert _types(pipeline, text, "en") & {AIR, "Shelling/artillery/missile attack"} == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Heurts à Kaolack\n\nDes jeunes ont affronté mardi les gendarmes à Kaolack, "
            "incendiant des pneus et lançant des pierres sur les véhicules.",
            "fr",
        ),
        (
            "Clashes in Kisumu\n\nYouths fought running battles with police in Kisumu on "
            "Tuesday, burning tyres and hurling stones at patrol cars.",
            "en",
        ),
    ],
)
def test_clashes_that_name_no_side_over_a_riot_are_the_riot(
    pipeline: Any, text: str, language: str
) -> None:
    assert _types(pipeline, text, language) == {"Violent demonstration"}


def test_a_country_named_as_the_doer_is_not_where(pipeline: Any) -> None:
    # The state that carried out the strikes is their doer, and not where they fell;
    # without an armed actor in the sentence, the state as subject makes them armed.
    text = "France carried out strikes against jihadist hideouts in Niger on Tuesday."
    strikes = [e for e in _events(pipeline, text, "en") if e.sub_event_type == AIR]
    assert strikes and strikes[0].actor1 is not None
    assert strikes[0].actor1.id == "military-forces-fra"
    assert strikes[0].location is not None and strikes[0].location.country == "Niger"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Des drones ont frappé un rassemblement près de Kaya mardi, tuant onze personnes.", "fr"),
        ("An air strike on a rally killed eleven people near Mandalay on Tuesday.", "en"),
    ],
)
def test_a_gathering_struck_from_afar_is_a_target_not_a_protest(
    pipeline: Any, text: str, language: str
) -> None:
    assert _types(pipeline, text, language) == {AIR}


def test_fire_on_a_march_from_the_ground_stays_force_on_protesters(pipeline: Any) -> None:
    text = "La police a tiré sur une manifestation à Labé mardi, tuant trois manifestants."
    assert _types(pipeline, text, "fr") == {"Excessive force against protesters"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Une mine a explosé sous un camion entre Kaya et Dori mardi, tuant trois civils.", "fr"),
        ("A landmine hit a truck on the road between Kaya and Dori on Tuesday.", "en"),
    ],
)
def test_the_road_between_two_towns_is_one_event(pipeline: Any, text: str, language: str) -> None:
    assert len(_events(pipeline, text, language)) == 1


def test_two_towns_in_a_list_are_still_two_events(pipeline: Any) -> None:
    text = "Des mines ont explosé à Kaya et à Dori mardi, tuant trois civils."
    assert len(_events(pipeline, text, "fr")) == 2


def test_the_arabic_lam_after_an_attack_noun_names_its_doer(pipeline: Any) -> None:
    # «قصف مدفعي لقوات X على مدينة Y»: the shelling *of* X (X's shelling) *on* Y.
    text = "أصيب أربعة مدنيين في قصف مدفعي لقوات الدعم السريع على مدينة نيالا يوم الأحد."
    shelling = [e for e in _events(pipeline, text, "ar") if e.sub_event_type.startswith("Shelling")]
    assert shelling and shelling[0].actor1 is not None
    assert shelling[0].actor1.id == "rsf"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("تظاهر آلاف المواطنين في مدينة عدن يوم السبت احتجاجا على انقطاع الكهرباء.", "ar"),
        ("Des centaines de civils ont manifesté samedi à Bukavu contre les coupures d'eau.", "fr"),
    ],
)
def test_citizens_who_march_are_not_the_protests_target(
    pipeline: Any, text: str, language: str
) -> None:
    protests = [
        e for e in _events(pipeline, text, language) if e.sub_event_type == "Peaceful protest"
    ]
    assert protests and protests[0].actor2 is None


def test_who_tells_the_toll_is_not_its_doer(pipeline: Any) -> None:
    # The small English parser reads "Gunmen ... killed" as a reduced relative and makes
    # the gunmen the subject of "said": the police who said it still did not do it.
    text = (
        "Gunmen on motorbikes killed at least 17 people in a raid on a village in Katsina "
        "state, police said on Sunday."
    )
    attacks = [e for e in _events(pipeline, text, "en") if e.sub_event_type == "Attack"]
    assert attacks
    assert attacks[0].actor1 is None or not attacks[0].actor1.id.startswith("police")


def test_a_dateline_with_country_and_day_is_not_the_story_place(pipeline: Any) -> None:
    text = (
        "Gunmen kill 17 in raid on village in northwest Nigeria\n\n"
        "SOKOTO, Nigeria, March 9 (Reuters) - Gunmen killed 17 people in a raid on a "
        "village in Katsina state, police said. The attackers arrived on motorbikes."
    )
    events = _events(pipeline, text, "en")
    assert events
    assert all(e.location is None or e.location.name != "Sokoto" for e in events)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "A car bomb killed nine policemen at a checkpoint in Mosul on Sunday. It was the "
            "deadliest attack on the security forces in the province this year.",
            "en",
        ),
        (
            "Une voiture piégée a tué neuf policiers à un barrage de Mossoul dimanche. C'était "
            "l'attaque la plus meurtrière contre les forces de sécurité dans la province "
            "depuis janvier.",
            "fr",
        ),
    ],
)
def test_what_a_pronoun_is_said_to_be_is_the_event_told_before(
    pipeline: Any, text: str, language: str
) -> None:
    assert len(_events(pipeline, text, language)) == 1


def test_a_comment_that_names_a_day_of_its_own_still_tells_that_day(pipeline: Any) -> None:
    text = (
        "Militants attacked an army post near Kirkuk on Tuesday, killing four soldiers. It "
        "was the second attack on the post this week; on Sunday, gunmen fired on the "
        "same post, wounding two soldiers."
    )
    assert len(_events(pipeline, text, "en")) == 2


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Government forces recaptured the town of Bulo Burte from al Shabaab on Sunday. "
            "Twelve militants and two soldiers were killed in the fighting, an officer said.",
            "en",
        ),
        (
            "L'armée a repris dimanche la ville de Tessalit aux rebelles. Douze rebelles et "
            "deux soldats ont été tués dans les combats, selon un officier.",
            "fr",
        ),
    ],
)
def test_the_fighting_told_after_ground_taken_is_the_battle_for_it(
    pipeline: Any, text: str, language: str
) -> None:
    events = _events(pipeline, text, language)
    assert [e.sub_event_type for e in events] == [REGAINS]
    assert events[0].fatalities == 14


def test_a_state_that_says_it_struck_is_the_doer(pipeline: Any) -> None:
    text = "Turkey says it hit PKK shelters in northern Iraq with drones on Sunday."
    strikes = [e for e in _events(pipeline, text, "en") if e.sub_event_type == AIR]
    assert strikes and strikes[0].actor1 is not None
    assert strikes[0].actor1.id == "military-forces-tur"


def test_fighting_that_resumed_somewhere_is_no_ground_taken(pipeline: Any) -> None:
    assert not _types(pipeline, "Les combats ont repris mardi à Gao.", "fr") & {TAKES, REGAINS}


def test_who_announces_ground_taken_claims_it(pipeline: Any) -> None:
    # The event noun is the object of the telling verb: the teller claims the act.
    text = "L'armée malienne a annoncé mardi la libération de Tessalit."
    taken = [e for e in _events(pipeline, text, "fr") if e.sub_event_type == REGAINS]
    assert taken and taken[0].actor1 is not None
    assert taken[0].actor1.id == "military-forces-mli"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Niger : au moins 20 civils tués dans une attaque près de Tillabéri", "fr"),
        ("Nigeria: 20 civilians killed in attack near Maiduguri", "en"),
    ],
)
def test_civilians_counted_by_a_death_participle_are_the_target(
    pipeline: Any, text: str, language: str
) -> None:
    assert _types(pipeline, text, language) == {"Attack"}


def test_a_headline_over_the_area_is_the_towns_event(pipeline: Any) -> None:
    text = (
        "Niger : au moins 20 civils tués dans une attaque dans l'Ouest\n\n"
        "Au moins vingt civils ont été tués dimanche dans une attaque contre le village "
        "de Tillabéri, a-t-on appris de sources locales."
    )
    events = _events(pipeline, text, "fr")
    assert len(events) == 1


def test_a_capital_that_speaks_is_its_government_not_a_place(pipeline: Any) -> None:
    text = (
        "RDC : les rebelles s'emparent d'une cité minière\n\n"
        "Les rebelles se sont emparés lundi d'une cité minière du Nord-Kivu après deux "
        "jours de combats, selon des sources locales. Kinshasa accuse Kigali de soutenir "
        "les rebelles, ce que Kigali dément."
    )
    events = _events(pipeline, text, "fr")
    assert events
    assert all(e.location is None or e.location.name != "Kinshasa" for e in events)


@pytest.mark.parametrize(
    ("text", "language", "doer", "sub"),
    [
        (
            "L'armée nigérienne a affirmé lundi avoir neutralisé une trentaine de jihadistes "
            "lors de frappes aériennes samedi près de Tillabéri.",
            "fr",
            "military-forces-ner",
            AIR,
        ),
        # The teller's backers, named between it and its verb, neither did it nor claim it.
        (
            "Les miliciens de CODECO, épaulés par des soldats ougandais, disent avoir pris "
            "le contrôle de Bunia mardi.",
            "fr",
            "codeco",
            TAKES,
        ),
    ],
)
def test_a_teller_who_claims_to_have_acted_is_the_doer(
    pipeline: Any, text: str, language: str, doer: str, sub: str
) -> None:
    found = [e for e in _events(pipeline, text, language) if e.sub_event_type == sub]
    assert found and found[0].actor1 is not None and found[0].actor1.id == doer
    assert found[0].claim is not None and found[0].claim.status == "claimed"
    assert found[0].claim.by == found[0].actor1.name


def test_a_quote_after_a_full_stop_is_a_sentence_of_its_own_teller(pipeline: Any) -> None:
    # The quoted line is told by the staff (present tense «indique»): it adds the staff's
    # account of the strikes; the staff is neither their target nor a second doer.
    text = (
        "L'armée nigérienne a affirmé lundi avoir neutralisé une trentaine de jihadistes "
        "lors de frappes aériennes samedi près de Tillabéri (ouest). « Les frappes ont "
        "visé des regroupements de terroristes », indique un communiqué de l'état-major."
    )
    events = _events(pipeline, text, "fr")
    assert len(events) == 1
    assert events[0].actor1 is not None and events[0].actor1.id == "military-forces-ner"
    assert events[0].actor2 is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Des hommes armés ont attaqué lundi le quartier de Bel-Air à Port-au-Prince.", "fr"),
        ("Armed men attacked a neighbourhood of Port-au-Prince on Monday.", "en"),
    ],
)
def test_an_attack_on_a_neighbourhood_is_on_civilians(
    pipeline: Any, text: str, language: str
) -> None:
    assert _types(pipeline, text, language) == {"Attack"}


def test_an_arabic_dateline_is_where_the_report_was_filed(pipeline: Any) -> None:
    text = (
        "غارات على ريف إدلب\n\n"
        "دمشق - قتل أربعة مدنيين يوم الأحد في غارات جوية على بلدة سرمين في ريف إدلب، وفق "
        "ما أفاد ناشطون."
    )
    events = _events(pipeline, text, "ar")
    assert events
    assert all(e.location is None or e.location.name != "Damascus" for e in events)


def test_the_arabic_lam_may_be_part_of_the_doers_name(pipeline: Any) -> None:
    # «للدعم السريع»: the lam glued to the article is read with the name itself.
    text = "أصيب خمسة مدنيين في قصف للدعم السريع على مدينة الأبيض يوم الأحد."
    found = [e for e in _events(pipeline, text, "ar") if e.sub_event_type.startswith("Shelling")]
    assert found and found[0].actor1 is not None and found[0].actor1.id == "rsf"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Les rebelles ont pris mardi la ville de Ménaka.", "fr"),
        ("Rebels took the town of Menaka on Tuesday.", "en"),
    ],
)
def test_taking_a_town_is_taking_ground(pipeline: Any, text: str, language: str) -> None:
    assert _types(pipeline, text, language) == {TAKES}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le ministre a pris l'avion pour Ménaka mardi.", "fr"),
        ("Les habitants ont pris part à une réunion à Ménaka mardi.", "fr"),
        ("The meeting took place in Menaka on Tuesday.", "en"),
    ],
)
def test_taking_a_plane_or_a_part_is_not(pipeline: Any, text: str, language: str) -> None:
    assert not _types(pipeline, text, language) & {TAKES, REGAINS}


@pytest.mark.parametrize(
    ("text", "language", "victims"),
    [
        (
            "Three ISWAP commanders died in a drone strike near Monguno on Sunday.",
            "en",
            "islamic-state-west-africa",
        ),
        (
            "A senior ISWAP commander was among those killed in an air strike near Monguno "
            "on Sunday.",
            "en",
            "islamic-state-west-africa",
        ),
        (
            "Trois chefs du JNIM ont péri lors d'une frappe aérienne près de Douentza dimanche.",
            "fr",
            "jnim",
        ),
    ],
)
def test_who_died_in_a_strike_was_its_target(
    pipeline: Any, text: str, language: str, victims: str
) -> None:
    strikes = [e for e in _events(pipeline, text, language) if e.sub_event_type == AIR]
    assert strikes and strikes[0].actor2 is not None and strikes[0].actor2.id == victims
    assert strikes[0].actor1 is None or strikes[0].actor1.id != victims


def test_who_killed_in_a_strike_did_it(pipeline: Any) -> None:
    text = "The army killed a senior ISWAP commander in an air strike near Monguno on Sunday."
    strikes = [e for e in _events(pipeline, text, "en") if e.sub_event_type == AIR]
    assert strikes and strikes[0].actor1 is not None
    assert strikes[0].actor1.id == "military-forces-nga"
    assert strikes[0].actor2 is not None
    assert strikes[0].actor2.id == "islamic-state-west-africa"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The UN said on Sunday that more than 900 civilians had been killed in the "
            "province since January.",
            "en",
        ),
        (
            "L'ONU a indiqué dimanche que plus de 900 civils avaient été tués dans la "
            "province depuis janvier.",
            "fr",
        ),
    ],
)
def test_the_day_of_the_telling_does_not_make_a_tally_an_event(
    pipeline: Any, text: str, language: str
) -> None:
    assert _events(pipeline, text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "sub"),
    [
        (
            "Hundreds of teachers marched through Eldoret on Tuesday to demand unpaid wages. "
            "The march ended near the county offices. Police arrested at least 20 teachers "
            "in Eldoret, a rights group said.",
            "en",
            "Protest with intervention",
        ),
        (
            "Des centaines de jeunes ont affronté mardi les policiers à Kaolack, lançant des "
            "pierres et brûlant des pneus. Les commerces sont restés fermés. La police a "
            "interpellé une vingtaine de jeunes à Kaolack, selon la préfecture.",
            "fr",
            "Violent demonstration",
        ),
    ],
)
def test_arrests_told_at_a_demonstration_are_its_intervention(
    pipeline: Any, text: str, language: str, sub: str
) -> None:
    assert [e.sub_event_type for e in _events(pipeline, text, language)] == [sub]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("An improvised explosive device killed three traders near Kaya on Sunday.", "en"),
        ("Un engin explosif improvisé a tué trois commerçants près de Kaya dimanche.", "fr"),
    ],
)
def test_a_weapon_named_with_a_participle_types_the_event(
    pipeline: Any, text: str, language: str
) -> None:
    assert _types(pipeline, text, language) == {"Remote explosive/landmine/IED"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Gunmen shot dead a village chief near Kaya on Sunday night.", "en"),
        ("Des hommes armés ont abattu un chef coutumier près de Kaya dimanche soir.", "fr"),
    ],
)
def test_a_village_chief_is_a_civilian(pipeline: Any, text: str, language: str) -> None:
    assert _types(pipeline, text, language) == {"Attack"}


def test_arabic_authorities_are_no_town(pipeline: Any) -> None:
    # «السلطات» (the authorities) reads like Settat (Morocco); «المعسكر» (the camp), a
    # stop key for the same reason, like Mascara (Algeria).
    text = "اعتقلت السلطات الأمنية يوم الأحد عشرة ناشطين في حي الديم بالخرطوم."
    events = _events(pipeline, text, "ar")
    assert events
    assert all(e.location is None or e.location.country == "Sudan" for e in events)


def test_a_headline_over_a_towns_countryside_is_the_villages_event(pipeline: Any) -> None:
    text = (
        "اشتباكات بين الجيش ومسلحين في ريف درعا\n\n"
        "اندلعت اشتباكات عنيفة يوم الأحد بين قوات الجيش السوري ومسلحين في بلدة الصنمين "
        "بريف درعا الشمالي، أسفرت عن مقتل جنديين."
    )
    assert len(_events(pipeline, text, "ar")) == 1


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Des combats opposent depuis dimanche l'armée aux rebelles près de Ménaka.", "fr"),
        ("Clashes between the army and rebels near Menaka have continued since Sunday.", "en"),
    ],
)
def test_fighting_since_a_day_of_the_week_is_one_event(
    pipeline: Any, text: str, language: str
) -> None:
    assert _types(pipeline, text, language) == {"Armed clash"}


def test_clashes_since_a_month_are_still_a_tally(pipeline: Any) -> None:
    text = "Clashes between the army and rebels near Menaka have killed 40 people since January."
    assert _events(pipeline, text, "en") == []


@pytest.mark.parametrize(
    ("text", "language", "day"),
    [
        (
            "Gunmen killed at least 17 villagers in Katsina state, police said on Wednesday. "
            "The attackers raided the village of Dutsinma on Tuesday night, a spokesman said.",
            "en",
            "2025-03-11",
        ),
        (
            "Des hommes armés ont tué au moins 17 villageois près de Kaya, a annoncé mercredi "
            "le gouverneur. Les assaillants ont attaqué le village mardi soir.",
            "fr",
            "2025-03-11",
        ),
    ],
)
def test_the_day_of_the_telling_yields_to_the_day_the_story_gives(
    pipeline: Any, text: str, language: str, day: str
) -> None:
    events = _events(pipeline, text, language)
    assert len(events) == 1
    assert str(events[0].event_date) == day


def test_a_headline_and_lead_over_a_region_join_the_towns_the_body_names(pipeline: Any) -> None:
    # "southern Lebanon" is read as the South governorate; the towns lie in Nabatieh's.
    text = (
        "Israeli strikes kill nine in southern Lebanon\n\n"
        "Israeli strikes killed nine people in southern Lebanon on Sunday, the health "
        "ministry said. In Nabatieh, a strike hit a house, killing five. Another strike "
        "hit a car near Marjayoun, killing four."
    )
    events = _events(pipeline, text, "en")
    assert len(events) == 2
    assert all(e.location is not None and e.location.geo_precision < 3 for e in events)


def test_missiles_shot_down_over_the_town_they_were_fired_at_are_the_attack(
    pipeline: Any,
) -> None:
    text = (
        "Russia fired a barrage of missiles at Mykolaiv on Sunday night, killing two "
        "people. Air defences shot down five missiles over Mykolaiv, the governor said."
    )
    assert [e.sub_event_type for e in _events(pipeline, text, "en")] == [
        "Shelling/artillery/missile attack"
    ]


@pytest.mark.parametrize(
    ("text", "weapon"),
    [
        ("Air defences shot down nine drones over Poltava on Sunday night.", "drone"),
        ("Air defences shot down four missiles over Poltava on Sunday night.", "missile"),
    ],
)
def test_a_disrupted_weapon_is_the_weapon_shot_down(pipeline: Any, text: str, weapon: str) -> None:
    events = [
        e for e in _events(pipeline, text, "en") if e.sub_event_type == "Disrupted weapons use"
    ]
    assert events and events[0].weapon == weapon


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Des manifestants ont défilé à Kassala pour soutenir l'armée.", "fr"),
        ("Thousands marched in Kassala in support of the army on Sunday.", "en"),
    ],
)
def test_forces_a_march_supports_are_no_side_of_it(pipeline: Any, text: str, language: str) -> None:
    protests = [
        e for e in _events(pipeline, text, language) if e.sub_event_type == "Peaceful protest"
    ]
    assert protests and protests[0].actor2 is None


@pytest.mark.parametrize(
    ("text", "language", "defender"),
    [
        (
            "L'armée nigérienne affirme avoir repoussé lundi une attaque du JNIM contre sa "
            "base d'Ayorou.",
            "fr",
            "military-forces-ner",
        ),
        (
            "The Chadian army repelled an attack by Boko Haram fighters on its base near Bol "
            "on Sunday.",
            "en",
            "military-forces-tcd",
        ),
        (
            "Nigeria's army said on Sunday that it had fought off an ISWAP attack on a base "
            "near Monguno.",
            "en",
            "military-forces-nga",
        ),
        (
            "The Malian army said it had repulsed an incursion by JNIM fighters near Niono "
            "on Friday.",
            "en",
            "military-forces-mli",
        ),
        (
            "Mardi, l'armée burkinabè a repoussé une incursion d'éléments du JNIM aux abords "
            "de Djibo.",
            "fr",
            "military-forces-bfa",
        ),
    ],
)
def test_who_fends_off_an_attack_is_its_target(
    pipeline: Any, text: str, language: str, defender: str
) -> None:
    clashes = [e for e in _events(pipeline, text, language) if e.sub_event_type == "Armed clash"]
    assert clashes and clashes[0].actor2 is not None and clashes[0].actor2.id == defender


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Armoured vehicles made an incursion into the outskirts of Djibo on Friday.", "en"),
        ("Vendredi, des blindés ont mené une incursion dans les faubourgs de Djibo.", "fr"),
    ],
)
def test_an_incursion_no_one_fends_off_is_no_clash(pipeline: Any, text: str, language: str) -> None:
    """An incursion is a clash where a side fends it off (class ``fending_off``); a
    column driving in, told alone, is a movement of troops."""
    assert "Armed clash" not in _types(pipeline, text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Several thousand nurses took part in a march across Kisumu on Monday.", "en"),
        ("Lundi, une marche a rassemblé plusieurs milliers d'infirmiers à Kisumu.", "fr"),
        ("Des milliers d'infirmiers ont marché lundi dans le centre de Kisumu.", "fr"),
    ],
)
def test_a_march_of_a_crowd_is_a_protest(pipeline: Any, text: str, language: str) -> None:
    assert "Peaceful protest" in _types(pipeline, text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The insurgents marched on Kisumu on Monday after a week of fighting.", "en"),
        ("Hundreds of soldiers marched into Kisumu on Monday.", "en"),
        ("Lundi, les rebelles ont marché sur Kisumu après une semaine de combats.", "fr"),
    ],
)
def test_armed_men_marching_is_an_advance_not_a_protest(
    pipeline: Any, text: str, language: str
) -> None:
    assert not _types(pipeline, text, language) & {"Peaceful protest", "Protest with intervention"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Officers executing a search warrant detained the mayor in Kisumu on Monday.", "en"),
        (
            "Lundi, des policiers chargés d'exécuter un mandat ont interpellé le maire à Kisumu.",
            "fr",
        ),
    ],
)
def test_executing_an_order_kills_nobody(pipeline: Any, text: str, language: str) -> None:
    types = _types(pipeline, text, language)
    assert "Arrests" in types and "Attack" not in types


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Gunmen executed three hostages near Kisumu on Monday.", "en"),
        ("Lundi, des hommes armés ont exécuté trois otages près de Kisumu.", "fr"),
    ],
)
def test_executing_people_is_an_attack(pipeline: Any, text: str, language: str) -> None:
    assert "Attack" in _types(pipeline, text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The mayor was detained on Monday at his office in Kisumu by police officers.", "en"),
        ("Le maire a été interpellé lundi à son bureau de Kisumu par des policiers.", "fr"),
    ],
)
def test_the_agent_of_a_passive_is_the_doer_wherever_the_parser_hangs_it(
    pipeline: Any, text: str, language: str
) -> None:
    (ev,) = [e for e in _events(pipeline, text, language) if e.sub_event_type == "Arrests"]
    assert ev.actor1 is not None and "Police" in ev.actor1.name
    assert ev.actor2 is None or "Police" not in ev.actor2.name


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Un convoi de l'armée malienne a été victime d'une embuscade près de Kisumu lundi.", "fr"),
        ("A Malian army convoy fell victim to an ambush near Kisumu on Monday.", "en"),
        ("The Malian army post in Kisumu was the target of an attack on Monday.", "en"),
    ],
)
def test_who_fell_victim_to_an_attack_is_its_target(
    pipeline: Any, text: str, language: str
) -> None:
    (ev,) = _events(pipeline, text, language)
    assert ev.actor1 is None or "Mali" not in ev.actor1.name
    assert ev.actor2 is not None and "Mali" in ev.actor2.name


def test_a_gathering_point_is_no_protest(pipeline: Any) -> None:
    text = "Lundi, le stade de Kisumu servait de point de rassemblement aux familles évacuées."
    assert "Peaceful protest" not in _types(pipeline, text, "fr")


@pytest.mark.parametrize(
    "text",
    [
        "Lundi, une patrouille de l'armée a essuyé des tirs nourris près de Kisumu.",
        "Lundi près de Kisumu, plusieurs assaillants ont été neutralisés par l'armée.",
    ],
)
def test_coming_under_fire_and_armed_men_neutralised_are_fighting(pipeline: Any, text: str) -> None:
    assert _types(pipeline, text, "fr") & {"Armed clash", "Attack"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("During an arrest raid in Kisumu on Monday, a roadside bomb hit an army truck.", "en"),
        (
            "Lundi, lors d'une opération d'arrestation à Kisumu, une bombe artisanale a "
            "frappé un camion de l'armée.",
            "fr",
        ),
    ],
)
def test_an_arrest_that_sets_the_scene_yields_to_the_act_told(
    pipeline: Any, text: str, language: str
) -> None:
    types = _types(pipeline, text, language)
    assert "Remote explosive/landmine/IED" in types and "Arrests" not in types


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le gouvernement a attribué l'attaque de Kisumu aux rebelles d'Al-Shabaab.", "fr"),
        ("The government attributed the attack in Kisumu to Al-Shabaab fighters.", "en"),
    ],
)
def test_whom_an_act_is_attributed_to_is_its_doer(pipeline: Any, text: str, language: str) -> None:
    events = _events(pipeline, text, language)
    assert events and all(e.actor1 is not None and "Shabaab" in e.actor1.name for e in events), [
        (e.actor1, e.actor2) for e in events
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "A roadside bomb hit a police truck near Garissa on Monday, killing four officers."
            " Officials blamed the attack on Al-Shabaab.",
            "en",
        ),
        (
            "Une bombe a frappé lundi un camion de police près de Garissa, tuant quatre"
            " policiers. Les autorités ont imputé l'attaque à Al-Shabaab.",
            "fr",
        ),
    ],
)
def test_an_act_told_before_blamed_on_a_group_is_that_groups(
    pipeline: Any, text: str, language: str
) -> None:
    # "blamed the attack on X": the verb of blame, the act, then whom it blames.
    (event,) = _events(pipeline, text, language)
    assert event.actor1 is not None and "Shabaab" in event.actor1.name
    assert event.location is not None and event.location.iso3 == "KEN"


def test_a_taking_whose_doer_is_unnamed_joins_the_taking_the_story_names(
    pipeline: Any,
) -> None:
    text = (
        "Mardi 11 mars, les Forces armées maliennes se sont emparées de la ville de Tessalit. "
        "Nos unités ont pris le contrôle de l'aéroport et du camp militaire de Tessalit."
    )
    takings = [e for e in _events(pipeline, text, "fr") if e.sub_event_type in (TAKES, REGAINS)]
    assert len(takings) == 1 and takings[0].sub_event_type == REGAINS, [
        (e.sub_event_type, e.actor1) for e in takings
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Armed groups have claimed more than 40 rocket and drone attacks on the base.", "en"),
        ("The talks came amid a lull in drone attacks on the garrison in Kisumu.", "en"),
        ("La ville de Kisumu fait face à une vague d'attaques de drones contre la garnison.", "fr"),
    ],
)
def test_attacks_counted_by_the_dozen_or_over_a_campaign_are_no_event(
    pipeline: Any, text: str, language: str
) -> None:
    assert not _types(pipeline, text, language) & {"Air/drone strike", "Armed clash", "Attack"}


def test_a_few_strikes_on_a_day_are_still_an_event(pipeline: Any) -> None:
    text = "Army jets carried out two air strikes on Kisumu on Monday."
    assert "Air/drone strike" in _types(pipeline, text, "en")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Verb, then its subject, then what they did: Arabic verb-subject order.
        ("تجمع مئات المتظاهرين أمام مقر الولاية في قفصة بتونس يوم الاثنين.", "Peaceful protest"),
        ("أغلق عشرات الشبان الطريق الرئيسية في قفصة بتونس يوم الاثنين.", "Peaceful protest"),
        ("أضرم محتجون النار في مقر البلدية في قفصة بتونس يوم الاثنين.", "Violent demonstration"),
    ],
)
def test_arabic_gathering_blocking_and_arson_by_a_crowd(
    pipeline: Any, text: str, expected: str
) -> None:
    assert expected in _types(pipeline, text, "ar")


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday, party workers forced their way into the governor's office in Kisumu.",
        "A crowd broke through the gate of the county assembly in Kisumu on Tuesday.",
    ],
)
def test_a_crowd_forcing_its_way_in_is_a_riot(pipeline: Any, text: str) -> None:
    assert "Violent demonstration" in _types(pipeline, text, "en")


def test_a_war_waged_since_a_year_is_no_event(pipeline: Any) -> None:
    text = "Al Shabaab, a group that has been fighting the government since 2012, claimed it."
    assert not _types(pipeline, text, "en") & {"Armed clash", "Attack"}


def test_thousands_of_people_are_no_count_of_events(pipeline: Any) -> None:
    # The number counts the crowd, not the events: one protest, not a tally.
    text = "Thousands of teachers blocked roads in Kisumu to demand their pay."
    assert "Peaceful protest" in _types(pipeline, text, "en")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Youths hurled bottles and bricks at police in Leeds on Monday.", "en"),
        ("Rioters were throwing rocks at officers in Leeds on Monday.", "en"),
        ("Des jeunes ont lancé des bouteilles et des pavés sur les policiers à Lyon lundi.", "fr"),
    ],
)
def test_throwing_projectiles_is_a_riot(pipeline: Any, text: str, language: str) -> None:
    assert _types(pipeline, text, language) == {"Violent demonstration"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The party threw its weight behind the new governor in Leeds on Monday.", "en"),
        ("Le ministre a lancé lundi un appel au calme à Lyon.", "fr"),
    ],
)
def test_throwing_what_is_no_projectile_is_no_riot(pipeline: Any, text: str, language: str) -> None:
    assert _types(pipeline, text, language) == set()


def test_a_vehicle_set_alight_is_property_destruction(pipeline: Any) -> None:
    text = "A police car was set alight in Leeds on Monday night."
    assert _types(pipeline, text, "en") == {"Looting/property destruction"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Calm has held in Dover since the shooting of two port guards last month.",
            "en",
        ),
        ("Le calme régnait à Dori depuis l'attaque du camp de Djibo en mars.", "fr"),
        ("ولم تشهد المدينة أي توتر منذ الهجوم على قاعدة في تكريت.", "ar"),
    ],
)
def test_an_act_that_only_dates_a_period_is_background(
    pipeline: Any, text: str, language: str
) -> None:
    # "since the attack": the attack is the period's reference point, told before.
    assert not any(e.sub_event_type == "Attack" for e in _events(pipeline, text, language))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Police dispersed a sit-in by teachers in Nairobi on Monday.", "en"),
        ("La police a dispersé un sit-in d'enseignants à Dakar lundi.", "fr"),
        ("وفي فاس، فرقت الشرطة وقفة سلمية لعمال مصنع أمام مقر الولاية يوم الثلاثاء.", "ar"),
    ],
)
def test_a_protest_the_forces_dispersed_met_intervention(
    pipeline: Any, text: str, language: str
) -> None:
    (event,) = _events(pipeline, text, language)
    assert event.sub_event_type == "Protest with intervention"
    assert event.actor1 is not None and event.actor1.kind == "protesters"
    assert event.actor2 is not None and event.actor2.kind == "state_forces"


def test_a_crackdown_a_protest_is_against_is_no_intervention(pipeline: Any) -> None:
    text = "Teachers held a sit-in in Nairobi on Monday to protest against the crackdown."
    assert _types(pipeline, text, "en") == {"Peaceful protest"}


def test_a_dispersed_crowd_that_threw_stones_rioted(pipeline: Any) -> None:
    text = "Police dispersed protesters who threw stones in Nairobi on Monday."
    assert _types(pipeline, text, "en") == {"Violent demonstration"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Traffic on the bridge in Hilla was light at the time of the explosion.", "en"),
        ("Aucun avion ne survolait Hilla au moment de l'explosion, selon des responsables.", "fr"),
        ("Militants hid their rifles on a farm near Hilla before the attacks.", "en"),
        ("Les fusils étaient cachés dans une ferme près de Hilla avant les attaques.", "fr"),
    ],
)
def test_an_act_that_only_times_another_is_background(
    pipeline: Any, text: str, language: str
) -> None:
    assert _events(pipeline, text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "sub"),
    [
        (
            "La peur règne dans l'école depuis l'enlèvement, le 3 mars à Kayes, d'un enseignant.",
            "fr",
            "Abduction/forced disappearance",
        ),
        (
            "Anger grew after the ambush, on 3 March near Kayes, of a police convoy.",
            "en",
            "Armed clash",
        ),
    ],
)
def test_an_act_told_as_a_cause_with_its_own_day_is_coded(
    pipeline: Any, text: str, language: str, sub: str
) -> None:
    (event,) = _events(pipeline, text, language)
    assert (event.sub_event_type, str(event.event_date)) == (sub, "2025-03-03")


def test_an_act_told_as_a_cause_without_a_day_is_background(pipeline: Any) -> None:
    text = "La peur règne dans l'école depuis l'enlèvement d'un enseignant à Kayes."
    assert _events(pipeline, text, "fr") == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("L'ONU a appelé lundi à un cessez-le-feu immédiat à Tripoli.", "fr"),
        ("Mediators are pushing for a ceasefire deal in Doha.", "en"),
        ("دعت منظمة إيغاد الطرفين إلى هدنة ووقف لإطلاق النار في الخرطوم.", "ar"),
    ],
)
def test_a_call_for_a_ceasefire_is_no_agreement(pipeline: Any, text: str, language: str) -> None:
    assert _events(pipeline, text, language) == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Un gendarme a tué un lycéen dimanche à Thiès.", "fr"),
        ("Police shot dead a teenager in Nairobi on Tuesday.", "en"),
        # «برصاص الشرطة»: by the police's bullets, the police did it.
        ("قتل فتى برصاص الشرطة في طرابلس يوم الثلاثاء.", "ar"),
    ],
)
def test_forces_killing_a_young_person_attack_a_civilian(
    pipeline: Any, text: str, language: str
) -> None:
    (event,) = _events(pipeline, text, language)
    assert event.sub_event_type == "Attack"
    assert event.actor1 is not None and event.actor1.kind == "state_forces"
    assert event.actor2 is not None and event.actor2.kind == "civilians"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Des explosions secouent Kayes depuis 6 heures ce jeudi, selon des habitants.", "fr"),
        ("Explosions have shaken Kayes since 5 a.m. on Tuesday, residents said.", "en"),
    ],
)
def test_acts_going_on_for_hours_are_one_event(pipeline: Any, text: str, language: str) -> None:
    # Hours are no period that tallies acts, unlike "since January" or «depuis 2012».
    assert len(_events(pipeline, text, language)) == 1


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Gunmen killed four foreign nationals in Bria on Sunday.", "en"),
        ("Des hommes armés ont tué dimanche trois ressortissants chinois à Bria.", "fr"),
    ],
)
def test_foreign_nationals_killed_by_gunmen_are_civilians_attacked(
    pipeline: Any, text: str, language: str
) -> None:
    (event,) = _events(pipeline, text, language)
    assert event.sub_event_type == "Attack"
    assert event.actor2 is not None and event.actor2.kind == "civilians"


@pytest.mark.parametrize(
    ("text", "language", "agreed"),
    [
        ("The two sides signed a truce in Doha on Monday.", "en", True),
        ("A ceasefire took effect across the province on Sunday morning.", "en", True),
        ("Despite the ceasefire, shelling continued near Donetsk on Monday.", "en", False),
        ("Ceasefire talks resumed in Doha on Monday.", "en", False),
        ("Rebels took the town despite the ceasefire on Monday.", "en", False),
        ("The two sides agreed to a truce in Doha on Monday.", "en", True),
        ("Le gouvernement et les rebelles ont conclu une trêve lundi à Goma.", "fr", True),
        ("Malgré la trêve, des obus sont tombés sur Goma lundi.", "fr", False),
        ("أعلن الطرفان التوصل إلى هدنة في الدوحة يوم الأحد.", "ar", True),
        ("رغم الهدنة، قصفت المدفعية مدينة إدلب يوم الأحد.", "ar", False),
    ],
)
def test_an_agreement_is_one_concluded_not_one_named(
    pipeline: Any, text: str, language: str, agreed: bool
) -> None:
    assert ("Agreement" in _types(pipeline, text, language)) is agreed


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("An earthquake struck the province of Herat on Saturday, killing 12.", "en"),
        ("Floods hit the town of Derna on Sunday, killing hundreds.", "en"),
        ("Twelve people were killed in an earthquake in Herat on Saturday.", "en"),
        ("Un séisme a frappé la province de Herat samedi, faisant 12 morts.", "fr"),
        ("Douze personnes ont été tuées dans les inondations à Derna.", "fr"),
        ("ضرب زلزال ولاية هرات يوم السبت ما أسفر عن مقتل 12 شخصا.", "ar"),
        ("لقي 12 شخصا حتفهم جراء الفيضانات في درنة.", "ar"),
    ],
)
def test_what_a_natural_hazard_does_is_no_event(pipeline: Any, text: str, language: str) -> None:
    assert _types(pipeline, text, language) == set()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # an accident named by its noun
        ("A lorry crash killed nine people near Tamale on Friday.", "en"),
        ("Une collision entre deux bus a fait onze morts près de Kayes vendredi.", "fr"),
        ("لقي تسعة أشخاص حتفهم جراء حادث سير قرب حمص يوم الجمعة.", "ar"),
        # a weapon that crashed is no weapon used
        ("A military helicopter crashed near Mopti on Friday, killing four soldiers.", "en"),
        (
            "Un hélicoptère de l'armée s'est écrasé vendredi près de Mopti, tuant quatre soldats.",
            "fr",
        ),
        ("تحطمت طائرة عسكرية قرب مأرب يوم الجمعة ما أدى إلى مقتل طاقمها.", "ar"),
        # an animal's or a hacker's attack, a weapons test
        ("A crocodile attacked a fisherman on the river near Kisumu on Friday.", "en"),
        ("Un crocodile a attaqué un pêcheur sur le fleuve près de Kisumu vendredi.", "fr"),
        ("Hackers attacked the servers of the city council in Leeds on Thursday.", "en"),
        ("Des hackers ont attaqué jeudi les serveurs de la mairie de Lille.", "fr"),
        ("The army test-fired two cruise missiles off the coast near Busan on Friday.", "en"),
        ("أطلق الجيش صاروخا تجريبيا قرب الساحل يوم الجمعة.", "ar"),
    ],
)
def test_accidents_animals_hackers_and_weapon_tests_are_no_political_violence(
    pipeline: Any, text: str, language: str
) -> None:
    assert _types(pipeline, text, language) == set()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("A gas explosion at a hotel in Mombasa killed five guests on Tuesday.", "en"),
        ("Fireworks exploded in a shop in Kumasi on Tuesday, killing two people.", "en"),
        ("A boiler blast at a brick kiln near Multan killed seven workers on Tuesday.", "en"),
        ("A coal mine collapse near Quetta killed eleven miners on Tuesday.", "en"),
        ("A minibus hit a truck near Tamale, causing a crash that killed eight people.", "en"),
        ("L'explosion d'une bonbonne de gaz a tué cinq clients dans un hôtel de Mombasa.", "fr"),
        (
            "Des feux d'artifice ont explosé dans une boutique de Kumasi, tuant deux clients.",
            "fr",
        ),
        ("L'effondrement d'une mine d'or a fait onze morts mardi près de Siguiri.", "fr"),
        ("قتل خمسة نزلاء في انفجار اسطوانة غاز داخل فندق في مومباسا يوم الثلاثاء.", "ar"),
    ],
)
def test_what_an_accidental_blast_or_a_crash_kills_is_no_event(
    pipeline: Any, text: str, language: str
) -> None:
    assert _types(pipeline, text, language) == set()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("A bomb exploded near a police van in Peshawar on Tuesday, killing two officers.", "en"),
        ("Une bombe artisanale a explosé mardi au passage d'un convoi près de Kidal.", "fr"),
        ("انفجرت عبوة ناسفة بدورية للجيش قرب كيدال في مالي يوم الثلاثاء.", "ar"),
    ],
)
def test_a_bomb_that_exploded_is_still_a_bombing(pipeline: Any, text: str, language: str) -> None:
    assert _types(pipeline, text, language) == {"Remote explosive/landmine/IED"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a span of fighting, its toll so far, a fight in court or in words
        ("The truce was agreed in Doha after weeks of fighting around Sirte.", "en"),
        ("La trêve a été conclue à Doha après des semaines de combats autour de Syrte.", "fr"),
        ("The fighting has displaced 300,000 residents since May, the UN said.", "en"),
        ("The mining firm is locked in a legal battle with the state in Lusaka.", "en"),
        ("وقع اشتباك كلامي بين نائبين داخل البرلمان في عمان يوم الأحد.", "ar"),
    ],
)
def test_a_span_of_fighting_its_toll_so_far_or_a_fight_in_words_is_no_event(
    pipeline: Any, text: str, language: str
) -> None:
    assert not _types(pipeline, text, language) & {"Armed clash"}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("A court in Dakar convicted four men of plotting a bomb attack on a hotel.", "en", set()),
        (
            "Deux hommes ont été condamnés pour avoir projeté un attentat contre un hôtel.",
            "fr",
            set(),
        ),
        (
            "Soldiers safely detonated an explosive device found near Gao on Monday.",
            "en",
            {"Disrupted weapons use"},
        ),
        # the weapon word that names an act ("roadside bomb") is the object of the verb
        # past its adverb: no second event
        (
            "Soldiers safely detonated a roadside bomb found near Gao on Monday.",
            "en",
            {"Disrupted weapons use"},
        ),
        (
            "Les démineurs ont procédé à une explosion contrôlée d'un colis suspect à Rennes.",
            "fr",
            {"Disrupted weapons use"},
        ),
    ],
)
def test_a_plot_is_no_act_and_a_controlled_detonation_disrupts_one(
    pipeline: Any, text: str, language: str, expected: set[str]
) -> None:
    assert _types(pipeline, text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a protest in words by an office or a person is no demonstration
        (
            "The foreign ministry lodged a formal protest with the envoy in Rabat on Monday.",
            "en",
            set(),
        ),
        (
            "The players protested the referee's call during the match in Kumasi on Sunday.",
            "en",
            set(),
        ),
        (
            "L'entraîneur a protesté contre l'arbitrage lors du match de dimanche à Bouaké.",
            "fr",
            set(),
        ),
        ("احتجت وزارة الخارجية لدى السفير في الرباط يوم الاثنين.", "ar", set()),
        # a crowd before an embassy or a ministry still demonstrates
        (
            "Protesters gathered outside the ministry in Accra on Monday.",
            "en",
            {"Peaceful protest"},
        ),
        ("تظاهر المئات أمام السفارة الأمريكية في بغداد يوم الاثنين.", "ar", {"Peaceful protest"}),
    ],
)
def test_a_protest_by_an_office_or_a_person_is_no_demonstration(
    pipeline: Any, text: str, language: str, expected: set[str]
) -> None:
    assert _types(pipeline, text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # fighting with no armed side, or against an ill
        ("The two teams clashed in a tense derby in Glasgow on Sunday.", "en"),
        ("Candidates clashed over taxes during a televised debate in Accra on Monday.", "en"),
        ("Les deux équipes se sont affrontées dimanche à Nantes lors d'un derby tendu.", "fr"),
        ("Les candidats se sont affrontés lundi à Lomé lors d'un débat télévisé.", "fr"),
        ("Health workers are fighting a cholera outbreak in Beira, where 30 have died.", "en"),
        # an attack in words, on a policy
        ("The opposition launched a fierce attack on the finance bill in Accra on Tuesday.", "en"),
        ("Le syndicat a lancé mardi une violente attaque contre la réforme à Lomé.", "fr"),
        # a film shot
        ("The documentary, shot in Mosul last year, opened in Berlin on Sunday.", "en"),
    ],
)
def test_words_of_fighting_in_sport_politics_medicine_and_film_are_no_event(
    pipeline: Any, text: str, language: str
) -> None:
    assert _types(pipeline, text, language) == set()


@pytest.mark.parametrize(
    ("text", "language", "sub"),
    [
        (
            "A drone strike hit a computer shop in Khan Younis on Friday, killing two.",
            "en",
            "Air/drone strike",
        ),
        (
            "Rebels shot down a military helicopter near Mopti on Friday, killing its crew.",
            "en",
            "Disrupted weapons use",
        ),
        (
            "Une frappe de drone a touché un magasin d'informatique à Khan Younès, "
            "tuant deux civils.",
            "fr",
            "Air/drone strike",
        ),
        (
            "استهدفت غارة جوية متجرا للحواسيب في خان يونس يوم الجمعة ما أدى إلى مقتل شخصين.",
            "ar",
            "Air/drone strike",
        ),
    ],
)
def test_a_strike_on_a_shop_of_computers_or_an_aircraft_shot_down_stands(
    pipeline: Any, text: str, language: str, sub: str
) -> None:
    assert _types(pipeline, text, language) == {sub}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Shelling killed three civilians in Kharkiv despite the storm.", "en"),
        ("Protesters stormed the parliament in Colombo on Saturday.", "en"),
        # an act of a named kind beside a hazard or a collapse is someone's
        ("Three soldiers were killed in an ambush near Gao during a storm on Monday.", "en"),
        ("The truce collapsed as fighting killed 10 people in Tripoli on Monday.", "en"),
        ("قتل 12 شخصا في قصف على درنة رغم العاصفة.", "ar"),
    ],
)
def test_an_act_told_beside_a_hazard_or_a_verb_like_one_stands(
    pipeline: Any, text: str, language: str
) -> None:
    assert _types(pipeline, text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # attacking, blasting a policy or a critic is criticism
        ("The opposition leader attacked the government's budget in parliament on Monday.", "en"),
        ("The minister blasted critics of the reform in a speech in Accra.", "en"),
        ("Le chef de l'opposition a attaqué la réforme du gouvernement lundi à Dakar.", "fr"),
        # what an accident kills
        ("A boat capsized off the coast of Libya, killing 40 migrants.", "en"),
        ("Un bateau a chaviré au large de la Libye, faisant 40 morts parmi les migrants.", "fr"),
        ("غرق قارب قبالة سواحل ليبيا ما أسفر عن مقتل 40 مهاجرا.", "ar"),
        # prices that explode surge
        ("Les prix du carburant ont explosé à Bamako ce mois-ci.", "fr"),
        ("Fuel prices exploded in Lagos this month.", "en"),
    ],
)
def test_criticism_accidents_and_surges_are_no_events(
    pipeline: Any, text: str, language: str
) -> None:
    assert _types(pipeline, text, language) == set()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Rebels attacked the army's positions near Gao on Monday.", "en"),
        ("Gunmen attacked the media office in Mogadishu on Monday.", "en"),
        ("Jets attacked the group's leadership in Doha on Tuesday.", "en"),
        ("A drone crashed into a building in Kyiv, killing three people.", "en"),
        ("Des rebelles ont attaqué un camp de l'armée près de Gao lundi.", "fr"),
    ],
)
def test_attacks_on_positions_and_weapons_that_crash_stand(
    pipeline: Any, text: str, language: str
) -> None:
    assert _types(pipeline, text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The army has been fighting the insurgents in the north for a decade.", "en"),
        ("L'armée combat les insurgés dans le nord depuis une décennie.", "fr"),
        ("Les analystes estiment que les rebelles préparent une offensive sur Goma.", "fr"),
    ],
)
def test_a_state_of_war_and_a_plan_are_no_events(pipeline: Any, text: str, language: str) -> None:
    assert _types(pipeline, text, language) == set()


@pytest.mark.parametrize(
    ("text", "language", "sub"),
    [
        # a capitalised plural opening the sentence, which the tagger takes for a name
        ("Airstrikes pounded the town of Ariha on Friday.", "en", "Air/drone strike"),
        ("Frappes aériennes sur Ariha : cinq morts", "fr", "Air/drone strike"),
    ],
)
def test_a_capitalised_event_noun_read_as_a_name_is_still_the_noun(
    pipeline: Any, text: str, language: str, sub: str
) -> None:
    assert _types(pipeline, text, language) == {sub}


def test_launching_weapons_at_a_target_is_an_attack_and_launching_a_plan_is_not(
    pipeline: Any,
) -> None:
    launched = "Dans la nuit, la Russie a lancé des missiles contre la ville de Soumy."
    assert _types(pipeline, launched, "fr") == {"Shelling/artillery/missile attack"}
    planned = "Le gouvernement a lancé lundi une campagne de vaccination à Soumy."
    assert _types(pipeline, planned, "fr") == set()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Jets bombed militant camps in Khost and Paktika provinces on Monday.", "en"),
        ("Lundi, des avions ont frappé des camps dans les provinces de Khost et de Paktika.", "fr"),
    ],
)
def test_a_list_of_provinces_struck_gives_one_event_per_province(
    pipeline: Any, text: str, language: str
) -> None:
    # ACLED: one event per location; a province is the location where no town is told.
    events = _events(pipeline, text, language)
    assert sorted((e.location.name, e.location.geo_precision) for e in events if e.location) == [
        ("Khost", 3),
        ("Paktika", 3),
    ]


@pytest.mark.parametrize("seat", ["في غزة", "بغزة"])
def test_the_seat_of_an_arabic_institution_that_speaks_is_no_place_of_the_event(
    pipeline: Any, seat: str
) -> None:
    text = f"قالت وزارة الصحة {seat} إن 15 شخصا قتلوا في غارات على خان يونس ورفح يوم الثلاثاء."
    events = _events(pipeline, text, "ar")
    assert sorted(e.location.name for e in events if e.location) == ["Khān Yūnis", "Rafaḩ"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("A strike hit a farm in Tyre and a second strike hit a car in Sidon on Tuesday.", "en"),
        ("One strike hit a farm in Tyre on Tuesday, and another hit a car in Sidon.", "en"),
        ("Une frappe a visé une ferme à Tyr et une autre a touché une voiture à Saïda.", "fr"),
    ],
)
def test_and_before_a_clause_telling_another_strike_parts_two_events(
    pipeline: Any, text: str, language: str
) -> None:
    events = _events(pipeline, text, language)
    assert sorted(e.location.iso3 for e in events if e.location) == ["LBN", "LBN"]
    assert len({e.location.name for e in events if e.location}) == 2


def test_and_before_a_clause_of_another_doer_keeps_one_event(pipeline: Any) -> None:
    # Who did something else after it, elsewhere, tells no second strike.
    text = "A strike hit a farm in Tyre on Tuesday, and rescuers took the wounded to Sidon."
    assert len(_events(pipeline, text, "en")) == 1


ABDUCTION = "Abduction/forced disappearance"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a verb of seizing or carrying off whose object is people
        ("Gunmen seized four aid workers near Ansongo on Friday.", "en"),
        ("Bandits raided a village in Katsina state and took away 30 women.", "en"),
        ("Des hommes armés ont emporté vendredi une vingtaine d'écoliers près de Kaya.", "fr"),
        # taken to an unknown destination
        ("Armed men led the mayor of Ansongo to an unknown destination on Friday.", "en"),
        ("Des hommes armés ont conduit le maire vers une destination inconnue vendredi.", "fr"),
        ("اقتاد مسلحون رئيس البلدية إلى جهة مجهولة يوم الجمعة.", "ar"),
        # the Arabic verbal noun, and the verb's other persons
        ("أقدم مسلحون على اختطاف أربعة عمال إغاثة يوم الجمعة.", "ar"),
        ("تم اختطاف أربعة عمال إغاثة قرب أنسونغو يوم الجمعة.", "ar"),
        ("خطفت جماعة مسلحة أربعة تجار يوم الجمعة.", "ar"),
    ],
)
def test_carrying_people_off_is_an_abduction(pipeline: Any, text: str, language: str) -> None:
    assert ABDUCTION in _types(pipeline, text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a noun of people that only modifies the object: the train was seized
        ("On Friday, gunmen seized a passenger train near Sibi.", "en"),
        ("On Friday, customs officers seized passenger luggage at the airport.", "en"),
    ],
)
def test_seizing_a_thing_named_after_people_is_no_abduction(
    pipeline: Any, text: str, language: str
) -> None:
    assert ABDUCTION not in _types(pipeline, text, language)


@pytest.mark.parametrize(
    "text",
    [
        "Les rebelles et l'armée ont échangé des tirs jeudi près de Kaya.",
        "Jeudi, soldats et assaillants échangent des tirs nourris près de Kaya.",
    ],
)
def test_french_exchanging_fire_is_an_armed_clash(pipeline: Any, text: str) -> None:
    assert _types(pipeline, text, "fr") == {"Armed clash"}


@pytest.mark.parametrize(
    "text",
    [
        # the Arabic masdar alone names the act: a charge, a case, a plan
        "بدأت يوم الاثنين محاكمة ثلاثة رجال بتهمة اختطاف تاجر.",
        "قال المحامي إن التحقيق في قضية خطف التاجر لم ينته بعد.",
    ],
)
def test_an_arabic_abduction_noun_alone_tells_no_abduction(pipeline: Any, text: str) -> None:
    assert ABDUCTION not in _types(pipeline, text, "ar")


def test_a_province_that_contains_a_list_of_towns_is_no_place_of_its_own(
    pipeline: Any,
) -> None:
    text = (
        "Israeli jets struck the towns of Aitaroun, Bint Jbeil and Khiam in southern"
        " Lebanon on Tuesday."
    )
    events = _events(pipeline, text, "en")
    # one event per town of the list (the villages' index has the two villages), none
    # for the province that contains them
    assert {e.location.geo_precision for e in events if e.location} == {1}
    names = {e.location.name for e in events if e.location}
    assert names == {"Aitaroun", "Bent Jbaïl", "El Khiyam"}


def test_markets_are_no_marches(pipeline: Any) -> None:
    # Matching folds accents: «des marchés» (markets) must not read as «des marches».
    text = "Des avions ont bombardé dimanche des marchés à Nyala, tuant dix personnes."
    assert "Peaceful protest" not in _types(pipeline, text, "fr")
    assert _types(pipeline, "Des marches ont eu lieu samedi à Dakar.", "fr") == {"Peaceful protest"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("L'armée de l'air a bombardé dimanche un dépôt près de Nyala.", "fr"),
        ("Les forces aériennes ont bombardé dimanche un dépôt près de Nyala.", "fr"),
    ],
)
def test_an_air_force_that_bombs_strikes_from_the_air(
    pipeline: Any, text: str, language: str
) -> None:
    assert _types(pipeline, text, language) == {"Air/drone strike"}


EXCESSIVE = "Excessive force against protesters"


@pytest.mark.parametrize(
    "text",
    [
        # the forces between the verb and its object («فتحت قوات الأمن النار على ...»)
        "فتحت قوات الأمن النار على متظاهرين في مدينة قفصة يوم الجمعة.",
        # a dispersal that kills
        "أطلقت الشرطة الغاز المسيل للدموع على محتجين في مدينة قفصة يوم الجمعة ما أدى إلى مقتل شاب.",
    ],
)
def test_arabic_forces_that_shoot_or_kill_protesters_use_excessive_force(
    pipeline: Any, text: str
) -> None:
    events = _events(pipeline, text, "ar")
    assert [e.sub_event_type for e in events] == [EXCESSIVE]
    assert events[0].actor1 is not None and events[0].actor1.kind == "state_forces"


def test_an_arabic_dispersal_that_kills_nobody_is_an_intervention(pipeline: Any) -> None:
    text = "أطلقت الشرطة الغاز المسيل للدموع على محتجين في مدينة قفصة يوم الجمعة."
    assert _types(pipeline, text, "ar") == {"Protest with intervention"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Soldiers opened fire on protesters in Gafsa on Friday.", "en"),
        ("À Gafsa, la garde nationale a ouvert le feu vendredi sur des protestataires.", "fr"),
    ],
)
def test_opening_fire_on_protesters_is_excessive_force(
    pipeline: Any, text: str, language: str
) -> None:
    assert _types(pipeline, text, language) == {EXCESSIVE}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "L'armée de l'air affirme avoir abattu au-dessus de la région de Soumy 9 des "
            "12 drones tirés dans la nuit.",
            "fr",
        ),
        ("The air force said it shot down over the Sumy region 9 of 12 drones.", "en"),
    ],
)
def test_an_air_force_that_speaks_is_no_weapon_of_what_it_tells(
    pipeline: Any, text: str, language: str
) -> None:
    events = _events(pipeline, text, language)
    assert events and {e.weapon for e in events} == {"drone"}


DESTRUCTION = "Looting/property destruction"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # blowing up, dynamiting, burning buildings: property destroyed, not a bombing
        ("Soldiers blew up four houses in Qabatiya on Monday.", "en"),
        ("Des soldats ont fait sauter lundi un pont près de Kaya.", "fr"),
        ("Des hommes armés ont incendié lundi des maisons à Kaya.", "fr"),
        # Arabic verb, subject, then object
        ("نسف الجيش أربعة منازل في بلدة قباطية يوم الاثنين.", "ar"),
        ("أضرم مسلحون النار في منازل في بلدة قباطية يوم الاثنين.", "ar"),
        # public buildings are buildings: a town hall, a police post, a courthouse
        ("Des hommes armés ont incendié lundi le commissariat central de Kaya.", "fr"),
        ("Gunmen blew up the courthouse in Kaya on Monday.", "en"),
    ],
)
def test_blowing_up_or_burning_buildings_destroys_property(
    pipeline: Any, text: str, language: str
) -> None:
    assert _types(pipeline, text, language) == {DESTRUCTION}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Militants blew up an army truck near Kaya on Monday, killing four soldiers.", "en"),
        ("فجر مسلحون عبوة ناسفة بدورية للجيش قرب كايا يوم الاثنين.", "ar"),
        # «فجر» is also dawn: no building after it, no blast
        ("وصل الوفد إلى كايا فجر اليوم.", "ar"),
    ],
)
def test_what_is_not_a_building_is_not_destroyed_property(
    pipeline: Any, text: str, language: str
) -> None:
    assert DESTRUCTION not in _types(pipeline, text, language)


def test_a_place_of_another_word_of_the_same_act_places_it(pipeline: Any) -> None:
    # "abducted" (the strongest word) modifies the subject; the place hangs on "seized".
    text = "The abducted pastor, who leads a church in Jos, was seized at his farm in Bokkos."
    events = _events(pipeline, text, "en")
    assert [e.location.name for e in events if e.location] == ["Bokkos"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # the object after a day word the parser hangs it on
        ("Les gendarmes ont arrêté jeudi onze suspects lors de rafles à Kano.", "fr"),
        # ... and the object after the day hung on the verb of saying above
        ("La gendarmerie a indiqué avoir arrêté jeudi deux pêcheurs à Kano.", "fr"),
        # Arabic verb, subject, then «القبض على»
        ("ألقت قوات الأمن القبض على ثلاثة مشتبه بهم في داكار يوم الجمعة.", "ar"),
    ],
)
def test_arrests_told_past_a_day_or_a_subject(pipeline: Any, text: str, language: str) -> None:
    assert _types(pipeline, text, language) == {"Arrests"}


def test_a_verb_of_arresting_with_no_one_arrested_is_no_arrest(pipeline: Any) -> None:
    assert _types(pipeline, "Le convoi s'est arrêté jeudi quelques heures à Kano.", "fr") == set()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Des assaillants ont ouvert le feu sur un cortège de mariage samedi près de Kaya.", "fr"),
        ("Gunmen opened fire on a wedding procession near Kaya on Saturday.", "en"),
    ],
)
def test_a_ceremonys_procession_is_no_protest(pipeline: Any, text: str, language: str) -> None:
    types = _types(pipeline, text, language)
    assert types and not types & {"Peaceful protest", EXCESSIVE, "Protest with intervention"}


def test_wedding_guests_killed_are_civilians(pipeline: Any) -> None:
    text = "Armed men opened fire on a wedding party in Kaya on Saturday, killing 11 guests."
    assert _types(pipeline, text, "en") == {"Attack"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On Tuesday, a drone dropped explosives on a car near Kupiansk.", "en"),
        ("Mardi, un drone a largué des explosifs sur une voiture près de Koupiansk.", "fr"),
    ],
)
def test_a_drone_that_drops_explosives_strikes_from_the_air(
    pipeline: Any, text: str, language: str
) -> None:
    assert _types(pipeline, text, language) == {"Air/drone strike"}


def test_another_as_the_subject_of_a_while_clause_tells_a_second_strike(pipeline: Any) -> None:
    text = "A strike hit a house in Tyre on Tuesday, while another targeted a shop in Sidon."
    events = _events(pipeline, text, "en")
    assert sorted(e.location.name for e in events if e.location) == ["Sidon", "Tyre"]


def test_police_no_word_places_are_the_police_of_the_events_country(pipeline: Any) -> None:
    # The story is mostly about Ukraine; the arrest was in Russia.
    text = (
        "Des frappes ont visé Kharkiv et Soumy lundi, en Ukraine. "
        "À Saint-Pétersbourg, une femme a été arrêtée lundi par la police après avoir "
        "incendié une urne."
    )
    events = [e for e in _events(pipeline, text, "fr") if e.location and e.location.iso3 == "RUS"]
    assert events, "the arrest in St Petersburg"
    police = [a for e in events for a in (e.actor1, e.actor2) if a and a.id.startswith("police")]
    assert police and {a.id for a in police} == {"police-forces-rus"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Gunmen stormed a school in Kaduna on Thursday and took away more than 200 pupils.", "en"),
        ("Militants are holding 30 villagers hostage after raiding Tillaberi on Monday.", "en"),
        ("Des jihadistes retiennent en otage une trentaine de villageois près de Tillabéri.", "fr"),
    ],
)
def test_people_carried_off_or_held_hostage_are_abducted(
    pipeline: Any, text: str, language: str
) -> None:
    assert _types(pipeline, text, language) == {"Abduction/forced disappearance"}


@pytest.mark.parametrize(
    "text",
    [
        "هاجم مسلحون مسجدا في كيدال خلال صلاة الجمعة وقتلوا 15 مصليا.",
        "قتل مسلحون ثلاثين قرويا في هجوم على قرية قرب كيدال يوم الأحد.",
    ],
)
def test_arabic_villagers_and_worshippers_killed_are_civilians_attacked(
    pipeline: Any, text: str
) -> None:
    assert _types(pipeline, text, "ar") == {"Attack"}


def test_a_bomber_who_blew_himself_up_inside_a_building_is_a_suicide_bombing(
    pipeline: Any,
) -> None:
    # The object of «فجر» is «نفسه» (himself); the mosque is where, after «داخل».
    text = "فجر انتحاري نفسه داخل مسجد في كويتا يوم الجمعة ما أدى إلى مقتل 20 مصليا."
    assert _types(pipeline, text, "ar") == {"Suicide bomb"}


def test_a_crowd_no_word_places_is_the_crowd_of_the_events_country(pipeline: Any) -> None:
    text = (
        "Des frappes ont visé Kharkiv et Soumy lundi, en Ukraine. "
        "À Moscou, la police a tiré lundi des gaz lacrymogènes sur des manifestants."
    )
    events = [e for e in _events(pipeline, text, "fr") if e.location and e.location.iso3 == "RUS"]
    crowd = [a for e in events for a in (e.actor1, e.actor2) if a and a.kind == "protesters"]
    assert crowd and {a.id for a in crowd} == {"protesters-rus"}


@pytest.mark.parametrize(
    ("text", "language", "sub"),
    [
        # a mine attacked, or a gold mine, is a site, not a landmine
        ("Gunmen attacked a gold mine near Kidal on Monday, killing five miners.", "en", "Attack"),
        ("Gunmen stormed the mine near Kidal on Monday, killing five workers.", "en", "Attack"),
        (
            "Des hommes armés ont attaqué lundi une mine d'or près de Kidal, tuant cinq ouvriers.",
            "fr",
            "Attack",
        ),
        # a mine people were killed at is where they were (the miners, civilians the
        # death verb counts, make the gunfire an attack)
        (
            "Five miners were killed at a mine near Kidal on Monday when gunmen opened fire.",
            "en",
            "Attack",
        ),
        # a mine struck or stepped on is the weapon
        (
            "A soldier was killed when his vehicle struck a mine near Kidal on Monday.",
            "en",
            "Remote explosive/landmine/IED",
        ),
        (
            "Un véhicule militaire a sauté sur une mine lundi près de Kidal.",
            "fr",
            "Remote explosive/landmine/IED",
        ),
    ],
)
def test_a_mine_is_a_weapon_or_a_site(pipeline: Any, text: str, language: str, sub: str) -> None:
    assert _types(pipeline, text, language) == {sub}


@pytest.mark.parametrize(
    ("text", "language", "doer", "target"),
    [
        # "by X" on a gerund the parser calls a verb: X shelled.
        ("Artillery shelling by the RSF killed 12 people in Nyala on Tuesday.", "en", "rsf",
         "civilians-sdn"),
        # A relative pronoun subject is no teller telling its own act: who tells the aim
        # of a strike is not its target.
        ("The strike, which the Sudanese army said targeted an RSF commander, killed six "
         "people in Nyala on Tuesday.", "en", None, "rsf"),
        # "According to X, its jets struck": the teller tells its own act.
        ("According to the Sudanese army, its jets struck a fuel depot in Nyala on Tuesday.",
         "en", "military-forces-sdn", None),
        ("Ses avions ont visé mardi un dépôt de carburant à Nyala, selon l'armée soudanaise.",
         "fr", "military-forces-sdn", None),
    ],
)  # fmt: skip
def test_who_did_it_past_gerunds_relatives_and_according_to(
    pipeline: Any, text: str, language: str, doer: str | None, target: str | None
) -> None:
    events = _events(pipeline, text, language)
    assert [
        (e.actor1.id if e.actor1 else None, e.actor2.id if e.actor2 else None) for e in events
    ] == [(doer, target)]


@pytest.mark.parametrize(
    ("text", "language", "doer"),
    [
        # The country a weapon was launched from is where it came from, not who fired.
        ("A missile fired from Yemen struck a building in Eilat on Tuesday.", "en", None),
        ("Un drone lancé depuis le Yémen a touché mardi un immeuble à Eilat.", "fr", None),
        # "launched by" names the doer.
        ("Drones launched by Russia struck a building in Odesa on Tuesday.", "en",
         "military-forces-rus"),
    ],
)  # fmt: skip
def test_launched_from_a_country_is_no_doer(
    pipeline: Any, text: str, language: str, doer: str | None
) -> None:
    events = _events(pipeline, text, language)
    assert [e.actor1.id if e.actor1 else None for e in events] == [doer]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # "taken full control": a word between the verb and "control".
        ("The rebels said on Tuesday they had taken full control of the army's "
         "headquarters in Kidal.", "en"),
        # «la prise du village»: the article glued to «de».
        ("La prise du camp militaire de Kidal par les rebelles mardi a fait dix morts.",
         "fr"),
        # A headquarters is ground («مقر»).
        ("سيطر المتمردون يوم الثلاثاء على مقر قيادة الجيش في مدينة كيدال.", "ar"),
    ],
)  # fmt: skip
def test_control_of_a_headquarters_or_a_camp_is_ground_taken(
    pipeline: Any, text: str, language: str
) -> None:
    assert _types(pipeline, text, language) & {TAKES, REGAINS}


AIR = "Air/drone strike"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # The aircraft is the subject of the verb: what it fired is an air strike,
        # whatever the munition or the verb of fire.
        ("Fighter jets fired missiles at a fuel depot outside Hodeidah on Sunday.", "en"),
        ("Military aircraft shelled the outskirts of Wad Madani on Sunday.", "en"),
        ("Des avions militaires ont pilonné dimanche la périphérie de Wad Madani.", "fr"),
        # «de combat» says what the helicopters are for: no clash.
        ("Des hélicoptères de combat ont tiré mercredi sur des positions rebelles à Kidal.", "fr"),
        # ... or its agent, in the passive.
        ("The port of Tyre was shelled by warplanes on Monday.", "en"),
        ("Le port de Tyr a été bombardé lundi par l'aviation.", "fr"),
        # A verb of damage whose doer is a weapon.
        ("A drone destroyed two armoured vehicles outside Gao on Monday.", "en"),
        ("Un drone a détruit lundi deux blindés à la sortie de Gao.", "fr"),
    ],
)
def test_an_aircraft_that_does_the_act_makes_it_an_air_strike(
    pipeline: Any, text: str, language: str
) -> None:
    assert _types(pipeline, text, language) == {AIR}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # A weapon as the object of a verb of disposal was never used: disrupted
        # weapons use, and the weapon's own noun ("roadside bomb") is no second event.
        ("Troops destroyed a roadside bomb outside Gao on Monday.", "en"),
        ("Troops defused a roadside bomb outside Gao on Monday.", "en"),
        ("Soldiers dismantled an explosive device near Gao on Monday.", "en"),
        ("Les soldats ont détruit lundi une bombe artisanale à la sortie de Gao.", "fr"),
        ("Les militaires ont neutralisé lundi un engin explosif près de Gao.", "fr"),
    ],
)
def test_a_weapon_disposed_of_is_disrupted_weapons_use(
    pipeline: Any, text: str, language: str
) -> None:
    assert _types(pipeline, text, language) == {"Disrupted weapons use"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Troops destroyed a house near Gao on Monday.", "en"),
        # An aircraft destroyed is the damage an attack did, not a weapon disrupted.
        ("The fighters said they destroyed two aircraft at Gao airport on Monday.", "en"),
    ],
)
def test_destroying_what_no_weapon_used_is_no_disruption(
    pipeline: Any, text: str, language: str
) -> None:
    assert "Disrupted weapons use" not in _types(pipeline, text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Repeated on a day the sentence names: that day's strikes.
        ("Israeli jets struck Nabatieh repeatedly on Monday, killing 12 people.", "en"),
        ("L'aviation a bombardé lundi à plusieurs reprises le port de Tyr.", "fr"),
    ],
)
def test_acts_repeated_on_a_day_are_that_days_events(
    pipeline: Any, text: str, language: str
) -> None:
    assert _types(pipeline, text, language) == {AIR}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Guards: repetition over a period, as experience, in the present perfect, or
        # with no day at all is a habit.
        ("Drones struck Nabatieh repeatedly since March, the last time on Monday.", "en"),
        ("Nabatieh has been repeatedly shelled by Israeli artillery on Monday.", "en"),
        ("Le camp a déjà été attaqué lundi à plusieurs reprises par des hommes armés.", "fr"),
        ("Le camp a été attaqué à plusieurs reprises par des hommes armés.", "fr"),
    ],
)
def test_acts_repeated_over_time_are_a_habit(pipeline: Any, text: str, language: str) -> None:
    assert not _types(pipeline, text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # The repetition belongs to the first clause's act; the strikes of the second
        # clause, on their own verb, are the story's, dated by its lead.
        (
            "L'aviation a mené mardi des raids au Liban-Sud. Le port de Tyr a été visé à "
            "plusieurs reprises, tandis que des frappes aériennes touchaient Nabatiyé.",
            "fr",
        ),
        (
            "Jets carried out raids in south Lebanon on Tuesday. The port of Tyre was "
            "targeted repeatedly, while air strikes hit Nabatieh.",
            "en",
        ),
    ],
)
def test_repetition_in_another_clause_leaves_the_other_acts(
    pipeline: Any, text: str, language: str
) -> None:
    places = {e.location.name for e in _events(pipeline, text, language) if e.location}
    assert any(name.startswith("Nabat") for name in places), places


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # A plural act noun as the subject of a verb of going on: a series, not an act.
        ("Officials say the area is safe, but the abductions have continued.", "en"),
        ("Dans le nord, les enlèvements se poursuivent malgré les patrouilles.", "fr"),
        ("Dans le nord, les assassinats se multiplient.", "fr"),
    ],
)
def test_acts_that_go_on_are_a_series(pipeline: Any, text: str, language: str) -> None:
    assert not _types(pipeline, text, language)


def test_acts_that_go_on_on_a_day_are_that_days(pipeline: Any) -> None:
    # Guard: with a day of its own, it is that day's strikes.
    assert _types(pipeline, "Air strikes continued on Monday in Rafah.", "en") == {AIR}


def _actor1s(pipeline: Any, text: str, language: str, title: str | None = None) -> set[str]:
    art = Article(id="c", text=text, language=language, published="2025-03-12", title=title)
    return {e.actor1.name for e in pipeline.run([art]) if e.actor1 is not None}


def test_our_forces_in_a_communique_are_the_forces_it_calls_its_own(pipeline: Any) -> None:
    text = (
        "Our Turkish Armed Forces conducted the operation at dawn. "
        "Our jets struck shelters in Zakho on Sunday."
    )
    assert _actor1s(pipeline, text, "en") == {"Military Forces of Turkey"}


def test_our_forces_are_the_forces_the_title_names(pipeline: Any) -> None:
    text = "Nos vaillantes unités ont frappé lundi des positions terroristes près de Gao."
    title = "Communiqué des Forces armées maliennes"
    assert _actor1s(pipeline, text, "fr", title=title) == {"Military Forces of Mali"}
    # With no armed actor named anywhere, "our units" stay unknown.
    assert _actor1s(pipeline, text, "fr") == set()


def test_our_forces_are_never_the_enemy_the_communique_names(pipeline: Any) -> None:
    # «nos forces» are not those the text calls "the enemy", though they are the only
    # armed actor it names: the doer stays unknown and the enemy is the target.
    text = (
        "« Nos unités ont visé lundi avec des drones des positions de l'ennemi israélien », "
        "a affirmé un porte-parole."
    )
    art = Article(id="c", text=text, language="fr", published="2025-03-12")
    events = pipeline.run([art])
    assert events and all(e.actor1 is None for e in events)


def test_arabic_forces_with_the_pronoun_glued_are_the_speakers(pipeline: Any) -> None:
    # Guard: the speaker's own forces («قواتنا»), also read through the speaker before.
    text = "وقال الجيش السوداني في بيان إن قواتنا قصفت يوم الاثنين مواقع في مدينة الفاشر."
    assert _actor1s(pipeline, text, "ar") == {"Military Forces of Sudan"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # What an infinitive of purpose acts on is an aim, not an act told.
        (
            "In order to stop rebel attacks, the army sent troops to Gao on Monday.",
            "en",
        ),
        ("The army deployed troops to Gao on Monday to put an end to attacks on civilians.", "en"),
        ("L'armée a déployé lundi des renforts à Gao afin de mettre fin aux attaques.", "fr"),
    ],
)
def test_an_attack_a_purpose_aims_at_is_no_event(pipeline: Any, text: str, language: str) -> None:
    assert not _types(pipeline, text, language)


def test_an_attack_troops_were_sent_to_repel_is_told(pipeline: Any) -> None:
    # Guard: fending off an attack tells the attack.
    text = "Troops were sent to repel an attack by jihadists on Gao on Monday."
    assert _types(pipeline, text, "en")


def test_a_town_named_to_locate_a_listed_one_is_no_member_of_the_list(pipeline: Any) -> None:
    text = "Turkish drones hit depots in Azaz, north of Aleppo, and in Manbij on Sunday."
    places = {e.location.name for e in _events(pipeline, text, "en") if e.location}
    assert len(places) == 2
    assert "Aleppo" not in places


@pytest.mark.parametrize(
    "text",
    [
        # «استعاد» with its subject between the verb and the ground it took.
        "استعادت قوات الحكومة يوم الأربعاء مطار طرابلس الدولي.",
        # A control announced, an adjective between the noun and «على».
        "أكدت القوات الحكومية يوم السبت سيطرتها التامة على مدينة سرت.",
    ],
)
def test_arabic_ground_regained_by_government_forces(pipeline: Any, text: str) -> None:
    assert _types(pipeline, text, "ar") == {REGAINS}


def test_arabic_things_regained_in_a_town_are_no_ground(pipeline: Any) -> None:
    # Guard for the subject allowance of «استعاد»: the preposition ends it.
    text = "استعاد الجيش الأسلحة المسروقة في مدينة غريان يوم الأربعاء."
    assert not _types(pipeline, text, "ar") & {TAKES, REGAINS}


def test_the_tripoli_government_of_national_accord_is_an_actor(pipeline: Any) -> None:
    text = "استعادت قوات الوفاق يوم الأربعاء مطار طرابلس الدولي."
    assert _actor1s(pipeline, text, "ar") == {"GNA: Government of National Accord"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # A weekday a future verb governs is the next one; it dates no act told as done.
        (
            "The governor will step down on Wednesday, his office said on Sunday, after "
            "rioters stormed his residence in Kandy.",
            "en",
        ),
        (
            "Le gouverneur démissionnera mercredi, a annoncé dimanche son cabinet, après "
            "que des émeutiers ont pris d'assaut sa résidence à Kandy.",
            "fr",
        ),
    ],
)
def test_a_future_weekday_dates_no_past_act(pipeline: Any, text: str, language: str) -> None:
    # Published Wednesday 2025-03-12: the last Wednesday is the publication day itself,
    # the next one 2025-03-19; the storming is dated by Sunday (2025-03-09) or not at all.
    dates = {e.event_date for e in _events(pipeline, text, language)}
    assert dates
    assert not dates & {date(2025, 3, 12), date(2025, 3, 19)}


def test_arabic_a_second_act_after_kama_is_its_own_event(pipeline: Any) -> None:
    # «كما» opens a second clause: its own place and its own weapon.
    text = (
        "قصفت القوات بالصواريخ مواقع في مدينة حلب يوم الاثنين، "
        "كما استهدفت بطائرات مسيرة مواقع في مدينة إدلب."
    )
    found = {
        (e.sub_event_type, e.location.name) for e in _events(pipeline, text, "ar") if e.location
    }
    assert found == {("Shelling/artillery/missile attack", "Aleppo"), (AIR, "Idlib")}


def test_an_arabic_alternate_name_is_vouched_for_by_its_country_named_by_adjective(
    pipeline: Any,
) -> None:
    # «السعودية» names Saudi Arabia as Arabic does (the adjective's form).
    text = "هاجمت طائرات مسيرة منشآت في رأس تنورة في السعودية يوم الاثنين."
    assert {e.location.name for e in _events(pipeline, text, "ar") if e.location} == {"Ras Tanura"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # An event noun completing a noun of a long time names a period of them (the
        # plural French and Arabic ones are guards: a plural over a period was a tally).
        (
            "The town has been devastated by a year of fighting between soldiers and insurgents.",
            "en",
        ),
        ("La ville a été ravagée par des mois de combats entre soldats et insurgés.", "fr"),
        ("دمرت أشهر من المعارك بين الجيش والمتمردين مدينة غاو.", "ar"),
    ],
)
def test_a_long_time_of_fighting_is_no_event(pipeline: Any, text: str, language: str) -> None:
    assert not _types(pipeline, text, language)


def test_hours_of_fighting_before_a_capture_are_told(pipeline: Any) -> None:
    # Guard: hours are no long time.
    text = "After three hours of fighting, rebels took the town of Gao on Monday."
    assert _types(pipeline, text, "en")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("A passenger flight bound for Damascus was hit by gunfire at Homs on Monday.", "en"),
        ("تعرضت حافلة متجهة إلى دمشق لإطلاق نار قرب مدينة حمص يوم الاثنين.", "ar"),
    ],
)
def test_where_a_vehicle_was_bound_is_no_place_of_the_act(
    pipeline: Any, text: str, language: str
) -> None:
    # "bound for X", «à destination de X», «متجهة إلى X»: where it was going.
    assert {e.location.name for e in _events(pipeline, text, language) if e.location} == {"Homs"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Air strikes hit the Bekaa on Monday as residents fled towards Zahle.", "en"),
        (
            "Des frappes ont visé lundi la Bekaa, tandis que des habitants fuyaient vers Zahlé.",
            "fr",
        ),
    ],
)
def test_where_people_fled_to_is_no_place_of_the_strike(
    pipeline: Any, text: str, language: str
) -> None:
    assert {e.location.name for e in _events(pipeline, text, language) if e.location} == {"Bekaa"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # A prayer vigil, a mass: worship, no protest; the attack on the worshippers is one.
        (
            "Gunmen stormed a chapel in Bunia on Sunday, killing at least 20 worshippers "
            "attending a night-long prayer vigil.",
            "en",
        ),
        (
            "Des rebelles ont attaqué dimanche une église de Bunia, tuant des dizaines de "
            "fidèles réunis pour une veillée de prière.",
            "fr",
        ),
    ],
)
def test_a_prayer_vigil_is_no_protest(pipeline: Any, text: str, language: str) -> None:
    assert _types(pipeline, text, language) == {"Attack"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "A suicide bomber struck a market in Quetta on Sunday, killing 12. The attack "
            "came two days after BLA leaders issued a statement in Turbat.",
            "en",
        ),
        (
            "Un kamikaze a frappé dimanche un marché de Quetta, tuant 12 personnes. L'attaque "
            "intervient deux jours après un communiqué de l'Armée de libération du "
            "Baloutchistan publié à Turbat.",
            "fr",
        ),
    ],
)
def test_the_attack_set_in_time_against_another_tells_nothing_new(
    pipeline: Any, text: str, language: str
) -> None:
    # "The attack came a week after ...": the event told before, set against another;
    # no second event (the other event's doer and place are not this one's).
    events = _events(pipeline, text, language)
    assert [e.location.name for e in events if e.location] == ["Quetta"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Gunmen killed 30 herders in Koro on Sunday. The massacre came a week after "
            "a jihadist assault in Djibo on 3 March in which four soldiers died.",
            "en",
        ),
        (
            "Des hommes armés ont tué 30 éleveurs dimanche à Koro. Le massacre est survenu "
            "une semaine après un assaut jihadiste à Djibo le 3 mars, au cours duquel "
            "quatre soldats ont péri.",
            "fr",
        ),
    ],
)
def test_the_act_an_event_came_after_on_a_day_of_its_own_is_told_anew(
    pipeline: Any, text: str, language: str
) -> None:
    # "The massacre came a week after an assault in X on 3 March": the massacre is the
    # event told before; the assault, dated, is another, typed by its own word (it had
    # taken the massacre's type, an attack on civilians).
    events = _events(pipeline, text, language)
    djibo = [e for e in events if e.location is not None and e.location.name == "Djibo"]
    assert [(e.sub_event_type, e.event_date) for e in djibo] == [("Armed clash", date(2025, 3, 3))]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Soldiers beat three journalists in Kandy on Saturday.", "en"),
        ("Des policiers ont passé à tabac samedi trois journalistes à Kandy.", "fr"),
    ],
)
def test_beating_people_is_an_attack(pipeline: Any, text: str, language: str) -> None:
    assert _types(pipeline, text, language) == {"Attack"}


def test_beating_a_team_is_no_attack(pipeline: Any) -> None:
    assert not _types(pipeline, "Brazil beat Argentina in Rio on Saturday.", "en")


@pytest.mark.parametrize(
    ("text", "forces"),
    [
        ("Soldiers beat three journalists in Kandy on Saturday.", "Military Forces of Sri Lanka"),
        ("Police detained ten students in Antananarivo on Monday.", "Police Forces of Madagascar"),
        ("Police detained ten students in Tegucigalpa on Monday.", "Police Forces of Honduras"),
    ],
)
def test_state_forces_of_more_countries(pipeline: Any, text: str, forces: str) -> None:
    assert forces in _actor1s(pipeline, text, "en")


def test_the_antecedent_of_who_did_it_is_the_doer(pipeline: Any) -> None:
    # The group hangs on "memories"; the relative clause on the group tells its act.
    text = (
        "The kidnapping revived memories of ISWAP fighters, who abducted 110 girls from "
        "a school in Dapchi in February 2018."
    )
    events = _events(pipeline, text, "en")
    assert [e.actor1.name if e.actor1 else None for e in events] == ["Islamic State (West Africa)"]


def test_ground_taken_from_the_army_the_story_names(pipeline: Any) -> None:
    # The sentence of the taking names no loser; the army the story names fighting there
    # lost the ground (ACLED's actor 2), at its own span.
    text = (
        "Les rebelles du M23 ont pris mardi le contrôle de Sake, dans le Nord-Kivu. "
        "Des soldats congolais tentaient encore de tenir la route de Goma, selon des "
        "témoins."
    )
    taken = [
        e
        for e in _events(pipeline, text, "fr")
        if e.sub_event_type == "Non-state actor overtakes territory"
    ]
    assert taken and taken[0].actor2 is not None
    assert taken[0].actor2.name == "Military Forces of the Democratic Republic of Congo"
    spans = [m.spans.actor2 for m in taken[0].mentions if m.spans.actor2]
    assert spans and text[spans[0][0] : spans[0][1]].startswith("soldats congolais")


def test_no_army_named_leaves_the_loser_empty(pipeline: Any) -> None:
    # Guard: the text does not say from whom: no one is guessed.
    text = "Les rebelles du M23 ont pris mardi le contrôle de Sake, dans le Nord-Kivu."
    taken = _events(pipeline, text, "fr")
    assert taken and all(e.actor2 is None for e in taken)


def test_taking_up_a_position_is_no_ground_taken(pipeline: Any) -> None:
    # «prendre position», a bare noun after the verb: an idiom.
    text = "Une force régionale a pris position mardi dans le nord de la province de Tete."
    assert "Non-state actor overtakes territory" not in _types(pipeline, text, "fr")


def test_and_before_a_compound_event_noun_opens_another_event(pipeline: Any) -> None:
    # "..., and an air strike on a school in Y killed four": the compound subject ("air
    # strike") still opens a clause of its own, with its own type, place, toll and weapon.
    text = (
        "Tanks shelled the outskirts of Beit Lahia on Tuesday, and an air strike on a "
        "school in Khan Younis killed four people."
    )
    events = _events(pipeline, text, "en")
    by_type = {e.sub_event_type: e for e in events}
    assert set(by_type) == {"Shelling/artillery/missile attack", AIR}
    assert by_type[AIR].fatalities == 4 and by_type[AIR].weapon == "aircraft"
    assert by_type["Shelling/artillery/missile attack"].fatalities is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Mardi, deux personnes ont été tuées dans un raid aérien sur une maison de "
            "Marjayoun, et cinq autres ont péri à Saïda, où un immeuble a été détruit.",
            "fr",
        ),
        (
            "قتل شخصان يوم الثلاثاء في غارة جوية على منزل في بلدة مرجعيون، فيما قتل خمسة "
            "آخرون في غارة على مبنى في مدينة صيدا.",
            "ar",
        ),
    ],
)
def test_each_side_of_two_strikes_keeps_its_own_count(
    pipeline: Any, text: str, language: str
) -> None:
    tolls = sorted(e.fatalities or 0 for e in _events(pipeline, text, language))
    assert tolls == [2, 5]


def test_a_country_named_first_in_a_list_of_forces_is_actor1(pipeline: Any) -> None:
    # "US and British forces": the country named before "and" shares the head noun and
    # is the first side (ACLED's actor 1), not the adjective nearest the verb.
    text = "US and British forces struck radar sites near Hodeidah on Monday."
    assert _actor1s(pipeline, text, "en") == {"Military Forces of the United States"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Violence erupted in Labe on Tuesday between protesters and police.", "en"),
        ("اندلعت أعمال عنف يوم الثلاثاء في مدينة لابي بين محتجين والشرطة.", "ar"),
    ],
)
def test_violence_breaking_out_with_a_crowd_is_a_riot(
    pipeline: Any, text: str, language: str
) -> None:
    assert _types(pipeline, text, language) == {"Violent demonstration"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # The act's own object is a noun of victims ("targets", «des cibles»): its
        # subject struck them, it was no victim.
        ("Turkish jets struck targets near Duhok on Sunday, killing three people.", "en"),
        (
            "Des avions turcs ont frappé dimanche des cibles près de Duhok, tuant trois personnes.",
            "fr",
        ),
    ],
)
def test_who_struck_targets_is_the_doer(pipeline: Any, text: str, language: str) -> None:
    (event,) = _events(pipeline, text, language)
    assert event.actor1 is not None and event.actor1.id == "military-forces-tur"
    assert event.actor2 is None or event.actor2.id != "military-forces-tur"


def test_a_part_of_the_dead_told_after_the_toll_is_not_the_toll(pipeline: Any) -> None:
    """«Trois des morts»: de + les, a part of the dead the sentence before counted."""
    text = (
        "Des frappes aériennes ont tué dimanche huit personnes près de Duhok. "
        "Trois des morts étaient des bergers, selon un élu local."
    )
    (event,) = _events(pipeline, text, "fr")
    assert event.fatalities == 8


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # An accusation of the act just told, and no act of its own: the accused is the
        # alleged doer of that act, reported by the accuser.
        (
            "Une frappe de drone a touché mardi une école de Kosti, tuant six enfants, "
            "selon l'Unicef. Le gouvernement a accusé les Forces de soutien rapide "
            "d'avoir mené l'attaque.",
            "fr",
        ),
        (
            "A drone strike hit a school in Kosti on Tuesday, killing six children, "
            "Unicef said. The government accused the Rapid Support Forces of carrying "
            "out the attack.",
            "en",
        ),
    ],
)
def test_the_accused_of_the_act_told_before_is_its_alleged_doer(
    pipeline: Any, text: str, language: str
) -> None:
    (event,) = _events(pipeline, text, language)
    assert event.sub_event_type == AIR
    assert event.actor1 is not None and event.actor1.id == "rsf"
    assert event.claim.status == "reported"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # An act with its own day, told inside an accusation, happened: the accused is
        # its alleged doer, and it fell where its own phrase says.
        (
            "L'armée a accusé les FSR d'avoir bombardé lundi un marché de Kosti, tuant six civils.",
            "fr",
        ),
    ],
)
def test_an_accused_act_with_its_own_day_is_told(pipeline: Any, text: str, language: str) -> None:
    (event,) = _events(pipeline, text, language)
    assert event.actor1 is not None and event.actor1.id == "rsf"
    assert event.location is not None and event.location.name == "Kosti"
    assert event.claim.status == "reported"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Guards: an accusation with no day of its own names other events.
        ("L'armée a accusé les FSR de crimes de guerre et de bombardements.", "fr"),
        ("The army accused the RSF of war crimes and of shelling civilians.", "en"),
    ],
)
def test_an_accusation_without_a_day_tells_no_act(pipeline: Any, text: str, language: str) -> None:
    assert not _events(pipeline, text, language)


def test_protesters_who_dispersed_met_no_force(pipeline: Any) -> None:
    text = "Thousands marched in Nairobi on Tuesday; the protesters dispersed peacefully."
    assert _types(pipeline, text, "en") == {"Peaceful protest"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Fighting that has gone on for weeks: a state of war over a period, no act of
        # one day (the event noun's own verb in the perfect progressive, or «depuis»).
        ("Fighting has been raging in Khartoum for weeks.", "en"),
        ("Clashes have been raging around Kadugli for months.", "en"),
    ],
)
def test_fighting_that_has_gone_on_for_weeks_is_no_event(
    pipeline: Any, text: str, language: str
) -> None:
    assert not _events(pipeline, text, language)


@pytest.mark.parametrize(
    "text",
    [
        "The attack was the deadliest since a bombing at a mosque two years ago.",
        "The army has denied any involvement in the killings.",
    ],
)
def test_a_ranked_or_denied_event_told_before_is_none_alone(pipeline: Any, text: str) -> None:
    assert not _events(pipeline, text, "en")


def test_a_mob_that_burns_a_church_is_mob_violence_only(pipeline: Any) -> None:
    """ "A mob set fire to a church": the burning is the mob's, one riot, no
    demonstration beside it."""
    text = "A mob set fire to a church in Sargodha on Wednesday after rumours spread."
    assert _types(pipeline, text, "en") == {"Mob violence"}


@pytest.mark.parametrize(
    "text",
    [
        "The bomber, who wore an explosive belt under his coat, blew himself up at a checkpoint"
        " in Kabul on Sunday.",
        "A suicide bomber blew himself up at a checkpoint in Kabul on Sunday.",
    ],
)
def test_a_bomber_who_blew_himself_up_is_a_person_not_an_aircraft(pipeline: Any, text: str) -> None:
    # "bomber" names a warplane as well; the one who died by his own bomb launched it.
    assert _types(pipeline, text, "en") == {"Suicide bomb"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "A roadside bomb exploded on Tuesday on the road between the towns of Jarablus and"
            " Manbij, wounding five.",
            "en",
        ),
        (
            "Une bombe a explosé mardi sur la route entre les villes de Jarablus et de Manbij,"
            " blessant cinq personnes.",
            "fr",
        ),
        ("انفجرت عبوة ناسفة يوم الثلاثاء على الطريق بين مدينة جرابلس وبلدة منبج.", "ar"),
    ],
)
def test_two_towns_a_road_runs_between_are_one_place_even_with_town_nouns(
    pipeline: Any, text: str, language: str
) -> None:
    # "between the towns of X and Y", «بين مدينة X وبلدة Y»: the road's two ends, where
    # one blast fell, not a list of two places struck.
    assert len(_events(pipeline, text, language)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Some two thousand demonstrators walked to the governor's office in Kutaisi on Thursday"
        " without incident.",
        "Rebels took the town of Kidal on Thursday without a fight.",
    ],
)
def test_a_preposition_of_absence_with_its_own_object_negates_no_act(
    pipeline: Any, text: str
) -> None:
    # "without incident", "without a fight": what is absent is the object, not the act.
    assert len(_events(pipeline, text, "en")) == 1


def test_an_act_under_a_negation_still_tells_none(pipeline: Any) -> None:
    assert _events(pipeline, "Protesters in Kutaisi did not march on Thursday.", "en") == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Des obus sont tombés lundi sur le centre de Donetsk.", "fr"),
        ("Des roquettes sont tombées lundi sur Sdérot.", "fr"),
        ("Shells fell on the centre of Donetsk on Monday.", "en"),
        ("Two rockets landed in Sderot on Monday.", "en"),
    ],
)
def test_projectiles_that_fell_on_a_place_are_a_strike_on_it(
    pipeline: Any, text: str, language: str
) -> None:
    # A verb of falling or landing whose subject is a projectile: the projectile's
    # strike («des obus sont tombés», read by the parser as a passive).
    (event,) = _events(pipeline, text, language)
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.location is not None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Les prix sont tombés lundi à Donetsk.", "fr"),
        ("Des débris sont tombés lundi sur Donetsk après une interception.", "fr"),
        ("The plane landed in Sderot on Monday.", "en"),
    ],
)
def test_what_falls_or_lands_that_is_no_projectile_tells_no_strike(
    pipeline: Any, text: str, language: str
) -> None:
    assert _events(pipeline, text, language) == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("An army helicopter was hit by gunfire near Kidal on Thursday.", "en"),
        ("Un hélicoptère de l'armée a été touché par des tirs jeudi près de Kidal.", "fr"),
    ],
)
def test_an_aircraft_that_was_hit_is_the_target_not_the_weapon(
    pipeline: Any, text: str, language: str
) -> None:
    # The aircraft is the passive subject of the act: what was hit, by gunfire.
    assert "Air/drone strike" not in _types(pipeline, text, language)
    assert _types(pipeline, text, language)


def test_a_weapon_a_typed_act_was_done_to_stays_its_weapon(pipeline: Any) -> None:
    # Guard: "a drone was shot down", "a device was defused": the act's type is its
    # own word's, and what was shot down or defused is still its weapon.
    events = _events(pipeline, "A drone was shot down near Kharkiv on Monday.", "en")
    assert [(e.sub_event_type, e.weapon) for e in events] == [("Disrupted weapons use", "drone")]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Three students were detained in Antananarivo on Monday.", "en"),
        ("Un opposant a été interpellé lundi à Dakar.", "fr"),
        ("اعتقل مسلحون خمسة أشخاص في مدينة الخليل فجر اليوم.", "ar"),
    ],
)
def test_an_arrest_by_no_one_named_has_no_maker(pipeline: Any, text: str, language: str) -> None:
    # Whose police or which armed men made it, the text does not say: the country's
    # police would be a guess, and a wrong one where another state's forces or gunmen
    # make arrests (tried in session 28 and dropped).
    (event,) = _events(pipeline, text, language)
    assert event.sub_event_type == "Arrests"
    assert event.actor1 is None


def test_an_arrest_by_a_named_group_keeps_its_maker(pipeline: Any) -> None:
    text = "Al-Shabaab fighters detained five traders in Jilib on Monday."
    (event,) = _events(pipeline, text, "en")
    assert event.actor1 is not None and event.actor1.name == "Al Shabaab"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Moscow fired a missile at Kharkiv on Monday, killing two civilians.", "en"),
        ("La Russie a tiré lundi un missile sur Kharkiv, tuant deux civils.", "fr"),
    ],
)
def test_civilians_hit_are_the_civilians_of_the_country_they_were_hit_in(
    pipeline: Any, text: str, language: str
) -> None:
    # The country the text names first is the attacker's; the civilians killed are
    # those of the place hit (they had been "Civilians (Russia)").
    (event,) = _events(pipeline, text, language)
    assert event.actor2 is not None and event.actor2.name == "Civilians (Ukraine)"


def test_civilians_a_text_gives_a_nationality_keep_it(pipeline: Any) -> None:
    text = "Two Russian civilians were killed by a drone in Kharkiv on Monday."
    events = _events(pipeline, text, "en")
    assert [e.actor2.name for e in events if e.actor2] == ["Civilians (Russia)"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le GSIM a revendiqué l'attaque de jeudi contre un poste de douane à Sikasso.", "fr"),
        ("Le GSIM a revendiqué l'attaque lancée jeudi sur un poste de douane à Sikasso.", "fr"),
        (
            "JNIM claimed the attack carried out on Thursday against a customs post in Sikasso.",
            "en",
        ),
    ],
)
def test_a_claimed_act_with_a_day_in_its_own_phrase_is_told_there(
    pipeline: Any, text: str, language: str
) -> None:
    # «l'attaque de jeudi», "the attack carried out on Thursday": the act's own day and
    # place tell it, whoever claims it (a definite noun a claim governs had been read
    # as an act told before, and with none before, dropped; the place hung on the
    # participle had been taken for where a teller was reached).
    (event,) = _events(pipeline, text, language)
    assert event.event_date == date(2025, 3, 6)
    assert event.location is not None and event.location.name == "Sikasso"
    assert event.claim is not None and event.claim.status == "claimed"


def test_a_claim_dated_after_the_act_stays_the_act_told_before(pipeline: Any) -> None:
    text = (
        "Des assaillants ont attaqué jeudi un poste de douane à Sikasso. "
        "Le GSIM a revendiqué l'attaque vendredi."
    )
    assert [e.event_date for e in _events(pipeline, text, "fr")] == [date(2025, 3, 6)]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Une colonne de soldats maliens a essuyé une attaque près de Kayes mardi.", "fr"),
        ("Un convoi de l'armée malienne a subi une embuscade près de Kayes mardi.", "fr"),
        ("A Malian army patrol came under attack near Kayes on Tuesday.", "en"),
        ("A Malian army convoy suffered an ambush near Kayes on Tuesday.", "en"),
    ],
)
def test_the_subject_of_a_verb_of_undergoing_the_act_was_its_target(
    pipeline: Any, text: str, language: str
) -> None:
    # «a essuyé une attaque», "came under attack": the patrol underwent the attack; it
    # had been read as the doer.
    (event,) = _events(pipeline, text, language)
    assert event.actor1 is None
    assert event.actor2 is not None and event.actor2.name == "Military Forces of Mali"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Israeli jets on Tuesday bombed the town of Kfar Kila near the border with Israel,"
            " as well as Mayfadoun, in southern Lebanon.",
            "en",
        ),
        (
            "Des avions israéliens ont bombardé mardi la localité de Kfar Kila, près de la"
            " frontière, ainsi que Mayfadoun, dans le sud du Liban.",
            "fr",
        ),
    ],
)
def test_a_place_added_past_a_locating_phrase_is_one_more_event(
    pipeline: Any, text: str, language: str
) -> None:
    events = _events(pipeline, text, language)
    assert sorted(e.location.name for e in events if e.location) == ["Kfar Kila", "Maifadoun"]
    assert {e.sub_event_type for e in events} == {"Air/drone strike"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le gouverneur a démenti que la ville de Kidal soit tombée aux mains des rebelles.", "fr"),
        ("The army denied that rebels had seized the town of Kidal on Sunday.", "en"),
        ("نفى الجيش أن تكون مدينة كيدال قد سقطت في أيدي المتمردين.", "ar"),
    ],
)
def test_a_denial_that_an_act_happened_tells_no_event(
    pipeline: Any, text: str, language: str
) -> None:
    """A denial of the occurrence is no report of it (the news format's not-event)."""
    assert _events(pipeline, text, language) == []


def test_an_act_reported_and_denied_keeps_the_denial(pipeline: Any) -> None:
    text = (
        "Des obus ont touché dimanche un marché de Kadugli, tuant quatre civils, selon des"
        " habitants. L'armée a démenti que ses troupes aient bombardé le marché."
    )
    events = _events(pipeline, text, "fr")
    assert [e.sub_event_type for e in events] == ["Shelling/artillery/missile attack"]


def test_a_denial_of_ones_own_part_presupposes_the_act(pipeline: Any) -> None:
    """ "denied carrying out", «a démenti avoir mené»: the act happened, the denier
    says it was not theirs."""
    text = "Le groupe a démenti avoir mené l'attaque de dimanche contre un camp militaire à Gao."
    events = _events(pipeline, text, "fr")
    assert events and all(e.claim is not None and e.claim.status == "denied" for e in events)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Gunmen attacked a police post in Menaka on Monday. The attack came a week after"
            " militants ambushed a convoy near Kidal.",
            "en",
        ),
        (
            "Des hommes armés ont attaqué lundi un poste de police à Ménaka. L'attaque"
            " intervient une semaine après l'embuscade tendue à un convoi près de Kidal.",
            "fr",
        ),
    ],
)
def test_the_act_an_event_is_set_against_is_background(
    pipeline: Any, text: str, language: str
) -> None:
    """ "The attack came a week after militants ambushed a convoy near X": past the
    sequence verb stands an earlier act, not that day's news (it had taken the day)."""
    events = _events(pipeline, text, language)
    assert [e.location.name for e in events if e.location] == ["Ménaka"]


def test_an_earlier_act_with_its_own_day_is_still_told(pipeline: Any) -> None:
    text = "The attack came a day after a drone strike killed three fighters near Kidal on Sunday."
    events = _events(pipeline, text, "en")
    assert [(e.sub_event_type, e.event_date) for e in events] == [
        ("Air/drone strike", date(2025, 3, 9))
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "US aircraft struck targets across Somalia on Sunday, the military said. The"
            " strikes hit Kismayo. The strikes also hit Baidoa.",
            "en",
        ),
        (
            "L'aviation américaine a frappé dimanche des cibles en Somalie. Les frappes ont"
            " touché Kismayo. Ces frappes ont aussi visé Baidoa.",
            "fr",
        ),
    ],
)
def test_anaphors_in_several_sentences_tell_the_acts_places(
    pipeline: Any, text: str, language: str
) -> None:
    """The act told across a country, then its towns one sentence each: one event at
    each town (the second town had been merged into the first)."""
    events = _events(pipeline, text, language)
    assert sorted(e.location.name for e in events if e.location) == ["Baidoa", "Kismayo"]
    assert {e.sub_event_type for e in events} == {"Air/drone strike"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Strikes hit Baidoa on Sunday, residents said.", "en"),
        (
            "An air strike hit a car near Baidoa on Sunday, killing two fighters, residents said.",
            "en",
        ),
        ("Des frappes ont touché Baidoa dimanche, ont raconté des habitants.", "fr"),
    ],
)
def test_civilians_who_tell_of_an_act_are_not_its_target(
    pipeline: Any, text: str, language: str
) -> None:
    """ "..., residents said": the subject of a verb of saying tells, it was not hit."""
    events = _events(pipeline, text, language)
    assert events and all(e.actor2 is None for e in events)


def test_civilians_killed_and_told_of_by_others_are_still_the_target(pipeline: Any) -> None:
    text = "Soldiers killed three civilians in Bunia on Sunday, residents told reporters."
    events = _events(pipeline, text, "en")
    assert [e.actor2.kind if e.actor2 else None for e in events] == ["civilians"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Residents said the fighters regularly loot villages and kidnap farmers near Gusau.",
            "en",
        ),
        ("The gang is known for kidnapping travellers on the roads around Tillaberi.", "en"),
        (
            "Le groupe est connu pour attaquer les convois et enlever des voyageurs contre"
            " rançon dans la région de Tillabéri.",
            "fr",
        ),
    ],
)
def test_a_habit_told_of_a_group_is_no_event(pipeline: Any, text: str, language: str) -> None:
    """An adverb of habit on the first of two joined verbs covers the second; "known
    for", «connu pour» govern a habit, not an act."""
    assert _events(pipeline, text, language) == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Le groupe a revendiqué plusieurs attentats-suicides ces derniers mois dans le pays.",
            "fr",
        ),
        (
            "The attack bore the hallmarks of previous suicide bombings claimed by the group"
            " in Kabul.",
            "en",
        ),
        ("L'attaque rappelle les attentats-suicides précédents revendiqués par le groupe.", "fr"),
    ],
)
def test_earlier_or_tallied_bombings_are_no_event_of_their_own(
    pipeline: Any, text: str, language: str
) -> None:
    """A hyphenated plural counted over months («attentats-suicides ces derniers mois»:
    the parser splits it and its last piece reads singular) and bombings an adjective
    sets before ("previous", «précédents») are background."""
    assert "Suicide bomb" not in _types(pipeline, text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Police arrested a suicide bomber in Peshawar on Monday before he could strike.", "en"),
        ("Un kamikaze présumé a été arrêté lundi à Peshawar avant de passer à l'acte.", "fr"),
    ],
)
def test_a_bomber_who_was_stopped_tells_no_bombing(pipeline: Any, text: str, language: str) -> None:
    """The bearer of a weapon that an arrest fell on did not use it."""
    assert _types(pipeline, text, language) == {"Arrests"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Marking the first anniversary of the massacre, relatives gathered in Solhan on"
            " Friday.",
            "en",
        ),
        (
            "À l'occasion du premier anniversaire du massacre, des proches se sont réunis"
            " vendredi à Solhan.",
            "fr",
        ),
        (
            "Le gouvernement a déployé des renforts pour protéger la ville contre de nouvelles"
            " attaques.",
            "fr",
        ),
    ],
)
def test_an_anniversary_or_attacks_fended_off_are_no_event(
    pipeline: Any, text: str, language: str
) -> None:
    assert _events(pipeline, text, language) == []


def test_a_denial_of_another_clause_keeps_the_act_told_before_it(pipeline: Any) -> None:
    """«قال إنه وقع انفجار ... لكنه نفى أنه نجم عن صاروخ»: the blast is told; what is
    denied is its cause."""
    text = (
        "وقال المتحدث باسم الشرطة إنه وقع انفجار في سوق بمدينة كويتا يوم الاثنين، لكنه نفى"
        " أنه نجم عن قذيفة."
    )
    assert _events(pipeline, text, "ar")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Des jihadistes ont attaqué dimanche la ville de Djibo ; l'armée a repoussé l'assaut.",
            "fr",
        ),
        (
            "Des jihadistes ont attaqué dimanche la ville de Djibo ; l'armée affirme avoir"
            " repoussé l'assaut.",
            "fr",
        ),
        ("Jihadists attacked Djibo on Sunday and the army repelled the assault.", "en"),
    ],
)
def test_who_fends_an_assault_off_is_its_target(pipeline: Any, text: str, language: str) -> None:
    """The subject of a verb of fending off, or who claims to have fended it off, was
    attacked: never the doer (the army had become actor 1)."""
    events = _events(pipeline, text, language)
    assert events and all(
        e.actor2 is not None and e.actor2.kind == "state_forces" and e.actor1 is None
        for e in events
    )


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "No group has claimed responsibility for the bombing in Mogadishu on Sunday, which"
            " killed five people.",
            "en",
        ),
        (
            "لم تعلن أي جهة مسؤوليتها عن التفجير الذي وقع في مقديشو يوم الأحد وأسفر عن مقتل خمسة"
            " أشخاص.",
            "ar",
        ),
    ],
)
def test_a_negated_claim_is_no_claim_and_leaves_the_act_told(
    pipeline: Any, text: str, language: str
) -> None:
    events = _events(pipeline, text, language)
    assert events and all(e.claim is None or e.claim.status == "reported" for e in events)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The drone strike campaign has killed hundreds of militants, the military said.", "en"),
        (
            "La campagne de frappes de drones a tué des centaines de combattants, selon l'armée.",
            "fr",
        ),
    ],
)
def test_the_dead_of_a_campaign_are_a_tally(pipeline: Any, text: str, language: str) -> None:
    assert _events(pipeline, text, language) == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Fighting raged on Tuesday as the army tried to retake the town of Kidal from rebels.",
            "en",
        ),
        (
            "De violents combats opposaient mardi l'armée aux rebelles qui tentent de prendre"
            " Kidal.",
            "fr",
        ),
        (
            "تدور معارك عنيفة يوم الثلاثاء في مدينة غاو بين الجيش والمتمردين الذين يحاولون"
            " السيطرة على المدينة.",
            "ar",
        ),
    ],
)
def test_ground_taken_only_in_an_attempt_is_a_clash(
    pipeline: Any, text: str, language: str
) -> None:
    assert _types(pipeline, text, language) == {"Armed clash"}


@pytest.mark.parametrize(
    "text",
    [
        "Five people were killed by a suicide bomber at a market in Kabul on Monday.",
        "Five people died in an attack by a suicide bomber in Kabul on Monday.",
    ],
)
def test_a_bomber_named_after_by_is_the_doer(pipeline: Any, text: str) -> None:
    """Guard: a bearer after a preposition ("by a suicide bomber") did the act."""
    assert _types(pipeline, text, "en") == {"Suicide bomb"}


def test_bombers_shot_down_are_aircraft_not_bearers(pipeline: Any) -> None:
    """Guard: "bombers" alone are aircraft; shooting them down disrupts their use."""
    text = "Ukrainian forces shot down two Russian bombers over the Kursk region on Monday."
    assert _types(pipeline, text, "en") == {"Disrupted weapons use"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Soldiers engaged the attackers in a gunfight near Makurdi on Sunday.", "en"),
        ("Police killed two suspects in a shootout in Makurdi on Sunday.", "en"),
        ("Des escarmouches ont opposé dimanche l'armée et des jihadistes près de Djibo.", "fr"),
    ],
)
def test_nouns_of_an_exchange_of_fire_are_clashes(pipeline: Any, text: str, language: str) -> None:
    assert [e.sub_event_type for e in _events(pipeline, text, language)] == ["Armed clash"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Un avion de ligne a été touché par des tirs jeudi à l'aéroport de Culiacan,"
            " au Mexique.",
            "fr",
        ),
        ("Gunmen opened fire on a taxi in Culiacan, Mexico, on Thursday.", "en"),
        # the passive: the civilian target is the subject of the verb whose agent the
        # trigger is
        ("A passenger plane was hit by gunfire at Culiacan airport, Mexico, on Thursday.", "en"),
    ],
)
def test_gunfire_on_a_civilian_aircraft_or_vehicle_is_an_attack(
    pipeline: Any, text: str, language: str
) -> None:
    # An airliner, a taxi: civilian targets (ACLED Attack), no clash of two armed sides.
    assert [e.sub_event_type for e in _events(pipeline, text, language)] == ["Attack"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "L'armée a affirmé avoir tué vingt insurgés lors d'une opération aérienne près de Gao.",
            "fr",
        ),
        ("Une attaque aérienne a touché un marché de Kidal lundi, selon des témoins.", "fr"),
        ("The army said an air operation near Gao on Monday killed twenty insurgents.", "en"),
        ("قال الجيش إن عملية جوية قرب غاو أسفرت عن مقتل عشرين مسلحا يوم الاثنين.", "ar"),
    ],
)
def test_an_operation_or_attack_from_the_air_is_an_air_strike(
    pipeline: Any, text: str, language: str
) -> None:
    assert _types(pipeline, text, language) == {"Air/drone strike"}


@pytest.mark.parametrize(
    ("text", "language", "sides"),
    [
        (
            "Clashes broke out on Monday between the Sudanese Armed Forces (SAF) and the "
            "Rapid Support Forces (RSF) near Kosti.",
            "en",
            ("military-forces-sdn", "rsf"),
        ),
        (
            "Des combats ont opposé lundi les Forces armées maliennes (FAMa) aux "
            "combattants du JNIM près de Léré.",
            "fr",
            ("military-forces-mli", "jnim"),
        ),
    ],
)
def test_a_side_named_again_by_its_acronym_is_still_the_first_of_the_pair(
    pipeline: Any, text: str, language: str, sides: tuple[str, str]
) -> None:
    (event,) = _events(pipeline, text, language)
    assert (event.actor1 and event.actor1.id, event.actor2 and event.actor2.id) == sides


def test_a_semicolon_parts_two_happenings_at_two_places(pipeline: Any) -> None:
    text = (
        "Police fired tear gas at protesters in Kisumu on Friday; "
        "two people were killed in clashes in Eldoret."
    )
    places = {e.location.name for e in _events(pipeline, text, "en") if e.location}
    assert {"Kisumu", "Eldoret"} <= places


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # An adverb of habit on the verb of a compound trigger ("air strikes").
        ("The army regularly carries out air strikes on rebel camps near Kidal.", "en"),
        # A bare plural that a linking verb in the present says what it is.
        ("Drone strikes are the weapon of choice of both sides around Kharkiv.", "en"),
        ("Kidnappings have become a lucrative business for gangs in Zamfara.", "en"),
        # A present perfect progressive, and a participle on it.
        ("The militants have been attacking villages around Djibo.", "en"),
        ("Analysts say the rebels have been pushing south towards Goma, attacking villages.", "en"),
        # A plural act noun that a verb of a trend takes as its object.
        ("Insurgents have intensified attacks on army convoys around Maiduguri.", "en"),
        ("Russia has escalated its strikes on power plants around Kharkiv.", "en"),
        ("Selon des analystes, les jihadistes étendent leurs attaques vers Kaya.", "fr"),
        ("L'armée a multiplié les frappes aériennes contre les positions rebelles à Kidal.", "fr"),
    ],
)
def test_a_habit_a_kind_or_a_trend_of_acts_is_no_event(
    pipeline: Any, text: str, language: str
) -> None:
    assert _events(pipeline, text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "sub"),
    [
        ("The army carried out air strikes on rebel camps near Kidal on Monday.", "en", None),
        ("Drone strikes hit power plants around Kharkiv on Monday.", "en", None),
        ("Russian forces have been shelling Kharkiv since Monday, officials said.", "en", None),
        (
            "Russia fired 40 missiles at Kharkiv on Monday, stepping up its attacks.",
            "en",
            "Shelling/artillery/missile attack",
        ),
    ],
)
def test_the_same_acts_told_as_news_stay_events(
    pipeline: Any, text: str, language: str, sub: str | None
) -> None:
    events = _events(pipeline, text, language)
    assert len(events) == 1
    if sub is not None:
        assert events[0].sub_event_type == sub


def test_an_arabic_contrast_parts_the_claimant_s_act_from_the_other_side_s(
    pipeline: Any,
) -> None:
    # The claim before «فيما» claims the ship attack; the air strikes after it are the
    # act of the side their own clause names, not claimed by the first.
    text = (
        "أعلن الحوثيون اليوم الاثنين استهداف سفينة تجارية في البحر الأحمر بطائرة مسيرة،"
        " فيما شنت طائرات أمريكية غارات على مدينة الحديدة."
    )
    events = _events(pipeline, text, "ar")
    by_place = {e.location.name: e for e in events if e.location is not None}
    strikes = by_place["Al Ḩudaydah"]
    assert strikes.actor1 is not None and strikes.actor1.id == "military-forces-usa"
    assert strikes.claim is not None and strikes.claim.status != "claimed"
    ship = by_place["Red Sea"]
    assert ship.actor1 is not None and ship.actor1.id == "houthi-movement"
    assert ship.actor2 is None or ship.actor2.id != "military-forces-usa"


def test_an_arabic_act_s_own_adjective_names_its_doer_before_an_earlier_subject(
    pipeline: Any,
) -> None:
    # A headline of two acts: «وغارات أمريكية» are the United States' strikes, whoever
    # the headline's first verb has for its subject.
    text = "الحوثيون يستهدفون ناقلة نفط في خليج عدن وغارات أمريكية على مدينة الحديدة"
    (strikes,) = [e for e in _events(pipeline, text, "ar") if e.location is not None]
    assert strikes.location is not None and strikes.location.name == "Al Ḩudaydah"
    assert strikes.actor1 is not None and strikes.actor1.id == "military-forces-usa"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Iran executed three men on Tuesday after a court convicted them of smuggling.", "en"),
        ("Les autorités ont exécuté mardi deux hommes condamnés pour meurtre à Bagdad.", "fr"),
        ("أعدمت السلطات العراقية ثلاثة مدانين بالإرهاب في سجن الناصرية يوم الثلاثاء.", "ar"),
    ],
)
def test_an_execution_after_a_trial_is_no_political_violence(
    pipeline: Any, text: str, language: str
) -> None:
    assert _events(pipeline, text, language) == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Jihadists executed 14 villagers in Djibo on Tuesday, accusing them of spying.", "en"),
        ("أعدم مسلحون 14 قرويا في مدينة جيبو يوم الثلاثاء بتهمة التجسس لصالح الجيش.", "ar"),
    ],
)
def test_an_execution_by_armed_men_is_an_attack_that_counts_its_dead(
    pipeline: Any, text: str, language: str
) -> None:
    events = _events(pipeline, text, language)
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Attack", 14)]


@pytest.mark.parametrize(
    "text",
    [
        # The verb first, its armed subject, then the one person it killed.
        "قتل مسلحون مجهولون رجلا في مدينة درعا يوم الأربعاء.",
        "قتل مسلحون مجهولون مختار قرية قرب مدينة درعا يوم الأربعاء.",
        # A young man killed by gunmen's bullets: a civilian, an attack.
        "قتل شاب برصاص مسلحين مجهولين في مدينة درعا يوم الأربعاء.",
    ],
)
def test_one_arabic_person_killed_by_gunmen_is_one_dead_in_an_attack(
    pipeline: Any, text: str
) -> None:
    events = _events(pipeline, text, "ar")
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Attack", 1)]


@pytest.mark.parametrize(
    "text",
    [
        "أعلن الجيش السوداني تحرير مدينة سنجة من قوات الدعم السريع يوم السبت.",
        "حررت القوات العراقية قضاء تلعفر من تنظيم الدولة الإسلامية يوم الخميس.",
    ],
)
def test_an_arabic_liberation_of_a_town_is_a_taking_of_ground(pipeline: Any, text: str) -> None:
    events = _events(pipeline, text, "ar")
    assert [e.sub_event_type for e in events] == ["Government regains territory"]


@pytest.mark.parametrize(
    "text",
    [
        # Freeing people is no taking of ground; a liberation hoped for is none yet.
        "طالبت الأسرة بتحرير الرهائن المحتجزين لدى المسلحين في مدينة زمفرة.",
        "قال المتحدث إن تحرير مدينة الفاشر بات قريبا.",
    ],
)
def test_an_arabic_liberation_not_announced_as_done_is_no_event(pipeline: Any, text: str) -> None:
    assert _events(pipeline, text, "ar") == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Ukrainian troops liberated the village of Robotyne in Zaporizhzhia region.", "en"),
        ("Ukrainian troops liberated three villages in Zaporizhzhia region on Monday.", "en"),
        ("L'armée ukrainienne a libéré trois villages de la région de Zaporijjia lundi.", "fr"),
        ("L'armée a annoncé avoir libéré le village de Robotyne, près de Zaporijjia.", "fr"),
    ],
)
def test_liberating_ground_a_place_names_is_regaining_territory(
    pipeline: Any, text: str, language: str
) -> None:
    assert _types(pipeline, text, language) == {"Government regains territory"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("L'armée a libéré les otages détenus à Kidal.", "fr"),
        ("Troops liberated the hostages held in Kidal.", "en"),
    ],
)
def test_liberating_people_is_no_taking_of_ground(pipeline: Any, text: str, language: str) -> None:
    assert "Government regains territory" not in _types(pipeline, text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("At least 15 farmers were kidnapped by bandits in Zurmi on Tuesday.", "en"),
        ("A Catholic priest was abducted from his parish in Kaduna on Monday night.", "en"),
        ("Au moins quinze agriculteurs ont été kidnappés mardi par des bandits à Zurmi.", "fr"),
        ("Deux humanitaires ont été pris en otage près de Ménaka vendredi.", "fr"),
    ],
)
def test_civilians_an_act_told_in_the_passive_was_done_to_are_its_target(
    pipeline: Any, text: str, language: str
) -> None:
    (event,) = _events(pipeline, text, language)
    assert event.actor2 is not None and event.actor2.kind == "civilians"


def test_the_dead_told_beside_a_demonstration_died_at_it(pipeline: Any) -> None:
    # People no one is named for killing, right after the demonstration at its place and
    # day: its dead, one event (ACLED), not an attack on civilians of its own.
    text = (
        "Protesters stormed the national assembly in Dakar on Friday and set tyres"
        " ablaze, while police fired tear gas at the crowds. At least three people were"
        " shot dead near the assembly, rights groups said."
    )
    events = _events(pipeline, text, "en")
    assert len(events) == 1
    assert events[0].sub_event_type != "Attack"
    assert events[0].fatalities == 3


def test_an_arabic_name_after_a_noun_of_place_is_no_future_verb(pipeline: Any) -> None:
    # «سيتنغا» reads like a verb with the future «س», but after «قرية» it is a name:
    # Sunday is the last one, not the next (published on a Wednesday).
    text = "هاجم مسلحون قرية سيتنغا يوم الأحد ما أسفر عن مقتل 12 شخصا على الأقل."
    events = _events(pipeline, text, "ar")
    assert [str(e.event_date) for e in events] == ["2025-03-09"]


def test_arabic_workers_killed_in_an_attack_are_civilians(pipeline: Any) -> None:
    text = "هاجم مسلحون منجما للذهب قرب مدينة كيدال في مالي ما أسفر عن مقتل عشرة عمال."
    (event,) = _events(pipeline, text, "ar")
    assert event.sub_event_type == "Attack"
    assert event.actor2 is not None and event.actor2.kind == "civilians"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Security forces regained control of the situation in Kidal on Monday.", "en"),
        ("Les forces de sécurité ont repris lundi le contrôle de la situation à Kidal.", "fr"),
        ("Firefighters took control of the blaze in Kidal on Monday.", "en"),
    ],
)
def test_control_of_no_ground_takes_no_territory(pipeline: Any, text: str, language: str) -> None:
    assert not _types(pipeline, text, language) & {
        "Government regains territory",
        "Non-state actor overtakes territory",
    }


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Government troops regained control of Kidal on Monday after heavy fighting.", "en"),
        ("L'Etat islamique affirme avoir attaqué Palma lundi et en avoir pris le contrôle.", "fr"),
    ],
)
def test_control_of_ground_or_of_the_place_told_is_a_taking(
    pipeline: Any, text: str, language: str
) -> None:
    assert _types(pipeline, text, language) & {
        "Government regains territory",
        "Non-state actor overtakes territory",
    }


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The army said it had repelled the militants near Djibo on Sunday.", "en"),
        ("Les militaires ont repoussé les assaillants à Djibo dimanche.", "fr"),
    ],
)
def test_repelling_armed_men_is_a_clash(pipeline: Any, text: str, language: str) -> None:
    assert _types(pipeline, text, language) == {"Armed clash"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Organisers said police repelled the crowd near the palace in Dakar.", "en"),
        ("Le gouvernement a repoussé les élections prévues à Dakar.", "fr"),
    ],
)
def test_repelling_what_is_no_armed_side_is_no_clash(
    pipeline: Any, text: str, language: str
) -> None:
    assert "Armed clash" not in _types(pipeline, text, language)


def test_who_burnt_the_homes_names_the_attack_s_doer(pipeline: Any) -> None:
    # The attack names no doer; the homes its assailants burnt, told right after, do:
    # one attack, by them, with its own toll (the police's clash is another event).
    text = (
        "Au moins quinze habitants ont été tués samedi lors d'une attaque contre le"
        " quartier de Solino, à Port-au-Prince. Les assaillants, membres de la coalition"
        " Viv Ansanm, ont incendié plusieurs maisons."
    )
    events = _events(pipeline, text, "fr")
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Attack", 15)]
    assert events[0].actor1 is not None and events[0].actor1.id == "viv-ansanm"


def test_people_abducted_only_in_an_attempt_are_no_abduction(pipeline: Any) -> None:
    text = (
        "Gunmen stormed the village of Jalqani in Sennar state on Sunday after residents"
        " resisted attempts to loot their homes and abduct women."
    )
    assert _types(pipeline, text, "en") == {"Attack"}


def test_an_act_dated_by_its_telling_takes_the_day_told_next(pipeline: Any) -> None:
    # Published on a Wednesday: the lead is dated by "said on Wednesday", the next
    # sentence dates the same attack, at its village of the same state, on Monday.
    text = (
        "Paramilitary fighters killed at least 40 people in a raid on a village of"
        " Sennar state, an activist group said on Wednesday.\n\nThe group said the"
        " fighters stormed the village of Jalqani on Monday."
    )
    events = _events(pipeline, text, "en")
    assert [(str(e.event_date), e.fatalities) for e in events] == [("2025-03-10", 40)]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Dozens killed in attack on village in Sennar\n\nGunmen killed at least 40"
            " people in an attack on the village of Jalqani in Sennar state on Monday.",
            "en",
        ),
        (
            "Des dizaines de morts dans une attaque au Sennar\n\nDes hommes armés ont tué"
            " au moins 40 personnes lundi dans une attaque contre le village de Jalqani,"
            " dans l'Etat de Sennar.",
            "fr",
        ),
    ],
)
def test_a_figure_beats_an_estimate_of_the_same_dead(
    pipeline: Any, text: str, language: str
) -> None:
    # "Dozens" is ACLED's 12 only where no figure is told: 40, not the lower 12.
    events = _events(pipeline, text, language)
    assert [e.fatalities for e in events] == [40]


def test_a_policy_denied_is_no_denial_of_the_act_reported(pipeline: Any) -> None:
    # The side denies a kind of act ("targeting civilians"), not this strike: the strike
    # stays reported, and the denial tells no act of its own.
    text = (
        "An air strike by the military on a village in Sagaing region killed 11 people on"
        " Monday, a resistance group said. The military has denied targeting civilians,"
        " saying it only attacks terrorists."
    )
    events = _events(pipeline, text, "en")
    assert [(e.sub_event_type, e.claim.status if e.claim else None) for e in events] == [
        ("Air/drone strike", "reported")
    ]


def test_a_specific_act_denied_stays_denied(pipeline: Any) -> None:
    events = _events(pipeline, "The army denied shelling the market in Kharkiv on Monday.", "en")
    assert [e.claim.status if e.claim else None for e in events] == ["denied"]


def test_a_town_of_a_background_sentence_does_not_place_the_news(pipeline: Any) -> None:
    # The lead places the strike only in the region; the one town of the region the
    # article names is where another strike fell a year before: no place for this one.
    text = (
        "An air strike by the military on a village in Sagaing region killed 11 people on"
        " Monday, a resistance group said.\n\nIn April last year, an air strike on a"
        " gathering in Pazigyi village killed more than 160 people."
    )
    events = _events(pipeline, text, "en")
    assert [e.location.name if e.location else None for e in events] == ["Sagaing"]


def test_vehicles_burnt_in_an_armed_attack_are_its_destruction_not_a_riot(pipeline: Any) -> None:
    # The quote tells the convoy's attack with heavy weapons: the trucks burnt are its
    # property destroyed, no crowd's riot, and join the attack told before.
    text = (
        "Jihadists ambushed an army supply convoy near Djibo on Saturday, killing 12"
        " soldiers. « Le convoi a été attaqué à l'arme lourde et plusieurs camions ont été"
        " incendiés », a indiqué une source sécuritaire."
    )
    assert "Violent demonstration" not in _types(pipeline, text, "fr")
    assert _types(pipeline, "Des hommes armés ont incendié des camions près de Djibo.", "fr") == {
        "Looting/property destruction"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Militants burned a school in Djibo on Monday.", {"Looting/property destruction"}),
        ("Gunmen burned down houses in Djibo on Sunday.", {"Looting/property destruction"}),
        # No object of property: a fire burning, not an act.
        ("The fire burned for hours in a warehouse in Dakar.", set()),
    ],
)
def test_burning_property_is_its_destruction(pipeline: Any, text: str, expected: set[str]) -> None:
    assert _types(pipeline, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Youths burned vehicles in Dakar during protests on Tuesday.", "en"),
        ("Des jeunes ont incendié des véhicules lors des manifestations à Dakar mardi.", "fr"),
    ],
)
def test_a_riot_told_in_its_protest_is_one_violent_demonstration(
    pipeline: Any, text: str, language: str
) -> None:
    events = _events(pipeline, text, language)
    assert [e.sub_event_type for e in events] == ["Violent demonstration"]


def test_a_split_verb_of_arson_closes_on_its_phrase(pipeline: Any) -> None:
    # "set the market ablaze", "set two trucks on fire": the phrase after the object
    # makes the verb arson; "set a deadline" tells none.
    burned = _types(
        pipeline, "Gunmen set the village market ablaze in Zamfara state on Tuesday.", "en"
    )
    assert burned == {"Looting/property destruction"}
    assert not _types(
        pipeline, "The government set a deadline for the talks in Kidal on Tuesday.", "en"
    )


def test_an_act_in_the_simple_present_of_running_text_is_a_habit(pipeline: Any) -> None:
    # Past the first sentence, with no day and no dead: what armed groups do.
    lead = "The region has been tense for months. "
    habits = "In the hills, armed groups attack villages and kidnap farmers for ransom."
    assert not _types(pipeline, lead + habits, "en")
    # A headline's present, a stamped entry's, one with its dead: acts.
    assert _types(pipeline, "Gunmen kill 12 in attack on village near Jos.", "en")
    assert _types(pipeline, lead + "09:10 - Drones hit Kharkiv, the mayor says.", "en")
    assert _types(pipeline, lead + "Soldiers shoot at protesters in Nairobi, killing two.", "en")


def test_to_engage_an_enemy_is_a_clash_to_hang_a_picture_is_not(pipeline: Any) -> None:
    # «accrocher»: a patrol "engaged" by armed men, with its wounded; the verb's other
    # senses tell nothing.
    engaged = (
        "Une patrouille a été accrochée par des hommes armés mardi près de Djibo, faisant"
        " deux blessés."
    )
    assert _types(pipeline, engaged, "fr") == {"Armed clash"}
    assert not _types(pipeline, "Il a accroché un tableau dans la mairie de Djibo mardi.", "fr")


@pytest.mark.parametrize(
    "text",
    [
        # A communiqué's words for a firefight: troops engage or make contact with an
        # armed side, and neutralise its fighters.
        "Troops engaged bandits at Gusau on Thursday, neutralising six of them.",
        "Troops made contact with insurgents at Damasak on Thursday and neutralised four.",
        "On Thursday soldiers neutralised three gunmen near Damasak.",
    ],
)
def test_engaging_an_armed_side_is_a_clash(pipeline: Any, text: str) -> None:
    assert _types(pipeline, text, "en") == {"Armed clash"}


@pytest.mark.parametrize(
    "text",
    [
        "The minister engaged community leaders in Gusau on Thursday.",
        "Aid workers made contact with displaced families near Damasak on Thursday.",
    ],
)
def test_engaging_people_who_are_not_armed_is_no_clash(pipeline: Any, text: str) -> None:
    assert _types(pipeline, text, "en") == set()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # A weapon that wounded (its agent): the attack of the weapon's kind, no one dead.
        ("On Monday, four soldiers were injured by a landmine near Gao.", "en"),
        ("Lundi, quatre soldats ont été blessés par une mine près de Gao.", "fr"),
        ("A roadside bomb injured four soldiers near Gao on Monday.", "en"),
    ],
)
def test_a_weapon_that_wounds_tells_its_attack(pipeline: Any, text: str, language: str) -> None:
    events = _events(pipeline, text, language)
    assert [(e.sub_event_type, e.fatalities) for e in events] == [
        ("Remote explosive/landmine/IED", None)
    ]


def test_people_wounded_with_no_weapon_told_are_no_attack(pipeline: Any) -> None:
    assert (
        _types(pipeline, "Four people were injured in a traffic accident near Gao.", "en") == set()
    )


def test_the_month_of_may_is_no_modal(pipeline: Any) -> None:
    # "on May 9, when a soldier was shot dead": the month, not "may" (hypothetical).
    text = "Tensions rose on May 9, when a soldier was shot dead near Gao."
    events = _events(pipeline, text, "en")
    assert [
        (e.sub_event_type, e.event_date.isoformat() if e.event_date else None) for e in events
    ] == [("Armed clash", "2024-05-09")]
