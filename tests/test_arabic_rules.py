"""Arabic constructions that decide whether a sentence tells an event (issue 3).

Arabic has no parser here: the filters read closed-class words around the trigger.
Every sentence below was written for these tests (none comes from a gold set).
"""

from __future__ import annotations

from typing import Any

import pytest

from veille.extract.taxonomy import SUB_EVENT_TYPES
from veille.model import Article, Event
from veille.nlp import arabic
from veille.nlp.arabic import normalize


def _events(pipeline: Any, text: str) -> list[Event]:
    results = list(pipeline.process([Article(id="t", text=text, language="ar")]))
    events: list[Event] = results[0].events
    return events


def _types(pipeline: Any, text: str) -> set[str]:
    return {e.plover.event_type for e in _events(pipeline, text) if e.plover}


def _subs(pipeline: Any, text: str) -> set[str]:
    return {e.sub_event_type for e in _events(pipeline, text)}


def _violent(pipeline: Any, text: str) -> list[Event]:
    return [e for e in _events(pipeline, text) if SUB_EVENT_TYPES[e.sub_event_type].violent]


# -- closed-class words ------------------------------------------------------------


def _norms(text: str) -> list[str]:
    return [normalize(w) for w in text.split()]


def test_qad_before_a_perfect_is_past_before_an_imperfect_is_modal() -> None:
    past = _norms("وكانت الطائرات قد قصفت المعسكر")
    assert not arabic.modal_qad(past, past.index("قد"))
    modal = _norms("قد يقصف الجيش المعسكر")
    assert arabic.modal_qad(modal, 0)
    # قد + a form-V perfect (تعرض) is past, not "may be subjected".
    assert not arabic.modal_qad(_norms("قد تعرض الموكب لهجوم"), 0)


def test_future_prefix_is_told_from_nouns_in_sin() -> None:
    assert arabic.is_future_verb(normalize("ستستهدف"))
    assert arabic.is_future_verb(normalize("وسيتم"))
    for noun in ("سيارة", "سياسة", "سنوات", "ستة", "سيطرة"):
        assert not arabic.is_future_verb(normalize(noun)), noun


def test_relative_pronouns_and_definite_article() -> None:
    assert arabic.is_relative_pronoun(normalize("الذي"))
    assert arabic.is_relative_pronoun(normalize("والتي"))
    assert arabic.is_definite(normalize("بالهجوم"))
    assert not arabic.is_definite(normalize("هجوم"))


# -- tense and modality ------------------------------------------------------------


def test_pluperfect_with_qad_is_an_event(pipeline: Any) -> None:
    text = "وكانت طائرات حربية قد قصفت مواقع للمسلحين في البلدة امس ما اسفر عن مقتل اربعة"
    assert "ASSAULT" in _types(pipeline, text)


def test_modal_qad_is_no_event(pipeline: Any) -> None:
    assert not _violent(pipeline, "قال المحلل ان الجيش قد يشن غارات جوية على المنطقة")


def test_future_verb_before_the_trigger(pipeline: Any) -> None:
    assert not _violent(pipeline, "ستنفذ القوات غارات جوية على مواقع المسلحين")


def test_possibility_word_after_a_nominal_trigger(pipeline: Any) -> None:
    assert not _violent(pipeline, "تحدثت الصحف عن ضربة جوية محتملة على المنشآت")
    assert not _violent(pipeline, "ذكر الخبراء ان غارات جوية قد تستهدف المطارات")


def test_any_makes_the_trigger_generic(pipeline: Any) -> None:
    assert not _violent(pipeline, "ترفض الحكومة اي هجوم مسلح على المدنيين")


def test_fear_of_an_attack_is_no_attack(pipeline: Any) -> None:
    assert not _violent(pipeline, "غادر السكان القرية خشية قصف جوي")


def test_warnings_and_pledges_are_no_attack(pipeline: Any) -> None:
    assert not _violent(pipeline, "حذرت السفارة رعاياها من هجوم انتحاري في العاصمة")
    assert not _violent(pipeline, "تعهد الجيش بشن غارات جوية على مواقع المسلحين")
    assert _violent(pipeline, "شن الجيش غارات جوية على مواقع المسلحين")


# -- negation ------------------------------------------------------------------------


def test_relative_ma_is_not_a_negation(pipeline: Any) -> None:
    text = "انفجرت عبوة ناسفة قرب السوق ما اسفر عن مقتل خمسة اشخاص"
    assert "ASSAULT" in _types(pipeline, text)


def test_la_yazal_still_is_not_a_negation(pipeline: Any) -> None:
    assert _violent(pipeline, "لا تزال اشتباكات عنيفة تدور في ضواحي المدينة")


def test_ghayr_anna_however_is_not_a_negation(pipeline: Any) -> None:
    assert _violent(pipeline, "غير ان مسلحين اختطفوا صحافيا في المدينة امس")


# -- background, anaphora, relative clauses ------------------------------------------


def test_cause_of_reported_casualties_is_the_event(pipeline: Any) -> None:
    text = "قتل ثلاثة اشخاص واصيب خمسة اخرون اثر انفجار سيارة مفخخة في السوق امس"
    assert "ASSAULT" in _types(pipeline, text)


def test_earlier_attack_as_background_is_no_event(pipeline: Any) -> None:
    assert not _violent(pipeline, "وصل الوزير الى المدينة بعد انفجار سيارة مفخخة")


def test_relative_clause_on_a_person_is_background(pipeline: Any) -> None:
    assert not _violent(pipeline, "حضر الجنازة نجل النائب الذي اغتيل في العاصمة")


def test_definite_protest_noun_refers_to_a_known_protest(pipeline: Any) -> None:
    assert "PROTEST" not in _types(pipeline, "وقال المنظمون ان المظاهرة انتهت بهدوء")
    assert "PROTEST" in _types(pipeline, "خرجت مظاهرة حاشدة في وسط العاصمة امس")


def test_definite_mention_joins_the_event_told_before(pipeline: Any) -> None:
    text = (
        "انفجرت سيارة مفخخة في سوق شعبي ببغداد صباح امس. "
        "واسفر الانفجار عن مقتل خمسة اشخاص واصابة عشرة اخرين."
    )
    events = _violent(pipeline, text)
    assert len(events) == 1 and len(events[0].mentions) == 2
    assert events[0].fatalities == 5


def test_light_verb_masdar_tells_the_act(pipeline: Any) -> None:
    text = "قام مئات العمال بالاعتصام امام مقر الوزارة امس"
    assert "PROTEST" in _types(pipeline, text)


def test_since_this_morning_dates_one_protest(pipeline: Any) -> None:
    text = "تظاهر مئات الطلاب منذ صباح امس امام الجامعة"
    assert "PROTEST" in _types(pipeline, text)


def test_percentages_are_figures_not_an_event(pipeline: Any) -> None:
    assert not _violent(pipeline, "استخدمت عبوات ناسفة في 30% من الهجمات هذا العام")
    assert not _violent(pipeline, "استخدمت عبوات ناسفة بنسبة 30 في المئة من الهجمات")
    assert _violent(pipeline, "استخدمت عبوات ناسفة في هجوم على دورية امس")


# -- statements about violence -------------------------------------------------------


def test_being_behind_an_attack_is_an_accusation(pipeline: Any) -> None:
    text = "قال المسؤول ان الجماعة تقف وراء هجوم انتحاري استهدف السوق"
    assert "ASSAULT" not in _types(pipeline, text)


def test_responsible_for_bombs_is_an_accusation(pipeline: Any) -> None:
    text = "قال البيان ان الخلية مسؤولة عن زرع عبوات ناسفة في المدينة"
    assert not _violent(pipeline, text)


# -- senses of triggers --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "انفجرت الازمة السياسية بين الحزبين",  # a crisis broke out
        "هاجم الرئيس المعارضة في خطابه امس",  # verbal attack
        "جرت الانتخابات في موعدها",  # took place
        "لقد اعتدت ان اعيش في هذه المدينة",  # got used to
        "اعلن الطرفان وقف فوري لاطلاق النار في المدينة",  # ceasefire
    ],
)
def test_other_senses_are_no_attack(pipeline: Any, text: str) -> None:
    assert not _violent(pipeline, text)


def test_attack_senses_still_found(pipeline: Any) -> None:
    assert _violent(pipeline, "هاجم مسلحون نقطة تفتيش وقتلوا ثلاثة جنود")
    assert _violent(pipeline, "فجرت انتحارية نفسها في سوق مزدحم")
    assert _violent(pipeline, "اعتدت الشرطة على المصلين بالضرب")
    # Verb, subject, object: the subject may stand between the verb and its object.
    assert _violent(pipeline, "فتح مسلحون النار على دورية في المدينة")
    assert _violent(pipeline, "تبادل الطرفان اطلاق النار في المدينة")


# -- weapons as objects ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ضبطت الشرطة 20 قذيفة هاون في مخزن قرب المدينة",  # seized
        "عثرت القوات على سيارة مفخخة قرب السوق",  # found
        "تضمنت الشحنة قذائف وصواريخ مهربة",  # a shipment held
    ],
)
def test_a_weapon_seized_or_found_is_no_attack(pipeline: Any, text: str) -> None:
    assert not _violent(pipeline, text)


def test_a_weapon_used_is_still_an_attack(pipeline: Any) -> None:
    assert _violent(pipeline, "انفجرت سيارة مفخخة قرب السوق وقتلت خمسة اشخاص")
    assert _violent(pipeline, "سقطت قذيفة هاون على حي سكني في المدينة")


# -- plans, generic mentions, deaths told as background -----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "خطط التنظيم لتفجير سيارة مفخخة في السوق",  # planned
        "طلب القائد تنفيذ ضربات جوية على مواقع المسلحين",  # asked for
        "ناقش الخبراء امكانية شن ضربات جوية على المنشآت",  # a possibility
        "وراء كل عملية انتحارية فتوى",  # every one, none in particular
        "انتخب نجل النائب الذي قتل في تفجير استهدف موكبه",  # how someone died, earlier
        "خلفا لزعيمته التي قضت في هجوم انتحاري",
    ],
)
def test_plans_generic_and_background_deaths_are_no_event(pipeline: Any, text: str) -> None:
    assert not _violent(pipeline, text)


def test_a_plan_is_no_threat_either(pipeline: Any) -> None:
    # Future violence is a threat ("ستشن هجوما"); a plan someone reports is not.
    text = "خطط التنظيم لتفجير سيارة مفخخة في السوق"
    results = list(pipeline.process([Article(id="t", text=text, language="ar")]))
    assert not results[0].events
    assert not [s for s in results[0].statements if s.plover.event_type == "THREATEN"]


def test_deaths_in_an_attack_told_now_are_still_events(pipeline: Any) -> None:
    assert _violent(pipeline, "قتل ثلاثة جنود في تفجير استهدف دوريتهم امس")
    assert _violent(pipeline, "نفذت الطائرات ضربات جوية على مواقع المسلحين")


def test_a_claim_of_responsibility_with_a_verbal_noun_is_the_attack(pipeline: Any) -> None:
    text = "أعلنت الجماعة مسؤوليتها عن استهداف قاعدة عسكرية في الرقة امس"
    events = _violent(pipeline, text)
    assert events and all(e.claim and e.claim.status == "claimed" for e in events)
    # Another noun before "عن" still says nothing happened.
    assert not _violent(pipeline, "طالبت الوزارة بالتحقيق في تهديد عن استهداف المدنيين")


def test_a_feminine_dual_reads_as_its_singular() -> None:
    from veille.nlp.arabic import normalize_token, singular_of_dual

    assert singular_of_dual(normalize_token("غارتين")[1]) == normalize_token("غارة")[0]
    assert singular_of_dual(normalize_token("قذيفتان")[1]) == normalize_token("قذيفة")[0]
    assert singular_of_dual(normalize_token("ستين")[1]) is None  # sixty, no dual


def test_two_raids_and_two_dead_in_the_dual(pipeline: Any) -> None:
    text = "نفذ الطيران الحربي الأحد غارتين على بلدة في ريف حماة، ما أدى إلى مقتل شخصين"
    events = _violent(pipeline, text)
    assert len(events) == 1
    assert events[0].sub_event_type == "Air/drone strike"
    assert events[0].fatalities == 2


def test_a_martyrdom_verb_gives_the_toll(pipeline: Any) -> None:
    text = "استشهد أربعة مدنيين الأحد في غارة جوية على بلدة في ريف حماة"
    events = _violent(pipeline, text)
    assert len(events) == 1 and events[0].fatalities == 4


def test_who_and_where_a_justification_names_have_no_part_in_the_event(pipeline: Any) -> None:
    text = (
        "ورداً على الجرائم التي ترتكبها القوات الروسية في حلب، "
        "قصفت فصائل المعارضة الأحد مواقع في مدينة حماة بصواريخ غراد"
    )
    events = _violent(pipeline, text)
    assert len(events) == 1
    ev = events[0]
    assert ev.actor1 is None or ev.actor1.id != "military-forces-rus"
    assert ev.location is None or ev.location.name != "Aleppo"


def test_a_perfect_verb_entry_stands_for_its_third_person_forms() -> None:
    from veille.extract.lexicon import Lexicon

    lex = Lexicon.load("ar")
    for form in ("احتجز", "احتجزت", "احتجزوا", "احتجزا"):
        toks = _toks_of(form)
        assert any(m.payload.sub == "Arrests" for m in lex.triggers.find(toks)), form


def _toks_of(word: str) -> list[Any]:
    from veille.extract.lexicon import Tok
    from veille.nlp.arabic import normalize_token

    norm, stem = normalize_token(word)
    return [Tok(0, word, stem, "X", "", 0, 0, len(word), keys=frozenset({norm, stem}))]


def test_a_detention_told_with_the_verb_is_an_arrest(pipeline: Any) -> None:
    text = "احتجزت قوة أمنية صحافياً مساء الاثنين في مطار معيتيقة"
    events = _events(pipeline, text)
    assert [e.sub_event_type for e in events] == ["Arrests"]


def test_the_operation_told_again_with_its_weapon_types_the_event(pipeline: Any) -> None:
    # The second sentence names the event again ("العملية", a weak trigger kept by its
    # weapon), with a common adjective that is no place ("جديدة") and the other side
    # named in passing ("لدى العدو"): it is one event, typed by the weapon.
    text = (
        "نفذت جماعة مسلحة عملية عسكرية استهدفت هدفا في مدينة يافا. "
        "وقد نفذت العملية فجر اليوم الجمعة بطائرة مسيرة جديدة قادرة على تجاوز "
        "منظومات الاعتراض لدى العدو."
    )
    arts = [Article(id="t", text=text, language="ar", published="2024-07-19")]
    events = [e for e in pipeline.run(arts) if SUB_EVENT_TYPES[e.sub_event_type].violent]
    assert len(events) == 1
    event = events[0]
    assert event.sub_event_type == "Air/drone strike" and len(event.mentions) == 2
    assert event.location is not None and event.location.name == "Jaffa"


@pytest.mark.parametrize(
    "text",
    [
        "نظم عشرات الأساتذة وقفة احتجاجية أمام مقر الوزارة في الرباط يوم الثلاثاء.",
        # A peaceful march, not a drone («مسيرة»): the longer phrase decides.
        "نظم طلاب الجامعة مسيرة سلمية في وجدة يوم الأحد.",
    ],
)
def test_a_sit_in_or_a_peaceful_march_is_a_peaceful_protest(pipeline: Any, text: str) -> None:
    assert {e.sub_event_type for e in _events(pipeline, text)} == {"Peaceful protest"}


def test_pelting_the_forces_is_a_riot(pipeline: Any) -> None:
    events = _events(pipeline, "رشق محتجون سيارات الشرطة بالحجارة في مكناس يوم الأحد.")
    assert {e.sub_event_type for e in events} == {"Violent demonstration"}


def test_clashes_between_police_and_protesters_put_the_crowd_first(pipeline: Any) -> None:
    (event,) = _events(pipeline, "اندلعت مواجهات بين الشرطة ومحتجين في طنجة يوم الأحد.")
    assert event.sub_event_type == "Violent demonstration"
    assert event.actor1 is not None and event.actor1.kind in ("protesters", "rioters")
    assert event.actor2 is not None and event.actor2.kind == "state_forces"


def test_a_toll_after_an_anaphor_placed_elsewhere_joins_the_event_told(pipeline: Any) -> None:
    # «المواجهات» names the clashes told before; the arrest that set them off is placed
    # in another town, and the toll that follows is the clashes'.
    text = (
        "دارت اشتباكات عنيفة بين فصيلين مسلحين في بنغازي يوم الأحد. وتجددت المواجهات "
        "بعد توقيف قائد ميداني في مدينة المرج. وأعلن مستشفى المدينة حصيلة بلغت 12 قتيلاً."
    )
    (event,) = _events(pipeline, text)
    assert event.location is not None and event.location.name == "Benghazi"
    assert event.fatalities == 12


def test_any_clashes_after_a_far_negation_is_no_event(pipeline: Any) -> None:
    # «أية»: "any", under a negation too far back for the two-word window.
    text = "ولم تسجل الشرطة خلال الأيام الثلاثة الماضية أية مواجهات في المدينة."
    assert _events(pipeline, text) == []


def test_a_riot_against_forces_on_both_sides_is_the_crowds(pipeline: Any) -> None:
    # The police were pelted and the security forces replied: forces are never the
    # rioters; the unnamed crowd is actor 1.
    text = (
        "رشق طلاب دورية للشرطة بالحجارة في مراكش يوم الأحد، وردت قوات الدرك بالغاز المسيل للدموع."
    )
    (event,) = _events(pipeline, text)
    assert event.sub_event_type == "Violent demonstration"
    assert event.actor1 is not None and event.actor1.kind == "rioters"
    assert event.actor2 is not None and event.actor2.kind == "state_forces"


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        # Who speaks before a bare «إن» tells what the subject after it did.
        (
            "وقال المتحدث باسم الجيش السوداني إن قوات الدعم السريع قصفت مدينة الفاشر يوم الاثنين.",
            "rsf",
        ),
        # «إنه», «إن طائراته»: the teller tells its own act.
        ("وقال الجيش السوداني إنه قصف مواقع في مدينة الفاشر يوم الاثنين.", "military-forces-sdn"),
        (
            "قال الجيش السوداني إن طائراته قصفت مواقع في مدينة الفاشر يوم الاثنين.",
            "military-forces-sdn",
        ),
    ],
)
def test_the_speaker_before_that_is_no_doer(pipeline: Any, text: str, doer: str) -> None:
    art = Article(id="a", text=text, language="ar", published="2025-03-12")
    events = [e for e in pipeline.run([art]) if e.actor1 is not None]
    assert [e.actor1.id for e in events if e.actor1] == [doer]


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # A verb of announcing or claiming, its subject, then the masdar of "launch".
        ("أعلنت جماعة الحوثي إطلاق صاروخ على مدينة إيلات يوم الاثنين.",
         "Shelling/artillery/missile attack"),
        ("تبنت الحركة إطلاق صواريخ على مدينة حيفا يوم الاثنين.",
         "Shelling/artillery/missile attack"),
        # "A plane without a pilot" is a drone, not a negation; the drone the light verb
        # tells of launched the missile: an air strike.
        ("قامت طائرة بدون طيار بإطلاق قذيفتين نحو دراجة نارية في مدينة صور مساء الاثنين.",
         "Air/drone strike"),
    ],
)  # fmt: skip
def test_an_announced_or_told_launch_is_an_attack(pipeline: Any, text: str, sub: str) -> None:
    assert [e.sub_event_type for e in _violent(pipeline, text)] == [sub]


@pytest.mark.parametrize(
    "text",
    [
        "أعلنت الجماعة إطلاق سراح ثلاثة رهائن يوم الاثنين.",  # a release, no weapon
        "دمرت القوات منصة إطلاق صواريخ في مدينة الحديدة يوم الاثنين.",  # a launch pad
    ],
)
def test_a_release_or_a_launch_pad_is_no_launch(pipeline: Any, text: str) -> None:
    assert not [
        e
        for e in _violent(pipeline, text)
        if e.sub_event_type == "Shelling/artillery/missile attack"
    ]


def test_a_ceasefire_no_one_concluded_holds_no_fire(pipeline: Any) -> None:
    """A ceasefire a proposal provides for, or one the parties discussed (in the
    accusative: «وقفا»), is no event, and the "fire" of its name is no shooting."""
    for text in (
        "ينص المقترح على نقل السجناء ثم وقف لإطلاق النار في مدينة طرابلس.",
        "ناقش الطرفان يوم الاثنين وقفا لإطلاق النار في مدينة طرابلس.",
    ):
        assert not _violent(pipeline, text)


def test_missiles_an_aircraft_launched_are_an_air_strike(pipeline: Any) -> None:
    text = "قالت الوزارة إن طائرات حربية أطلقت صواريخ على مبنى في مدينة دمشق يوم الاثنين."
    assert [e.sub_event_type for e in _violent(pipeline, text)] == ["Air/drone strike"]
    # Launched by a group, the rockets stay rockets.
    text = "أطلقت الحركة صواريخ على مدينة حيفا يوم الاثنين."
    assert [e.sub_event_type for e in _violent(pipeline, text)] == [
        "Shelling/artillery/missile attack"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "خرجت مظاهرات يوم الاثنين في مدينة الخرطوم.",
        "شهدت مدينة الخرطوم يوم الاثنين احتجاجات حاشدة.",
    ],
)
def test_protests_in_the_plural_told_by_a_verb_are_a_protest(pipeline: Any, text: str) -> None:
    assert [e.sub_event_type for e in _events(pipeline, text)] == ["Peaceful protest"]


def test_the_protests_as_a_topic_are_no_event(pipeline: Any) -> None:
    assert not _events(pipeline, "قال الوزير إن المظاهرات في الخرطوم سلمية.")


def test_the_side_an_arabic_weapon_names_did_it_or_was_downed(pipeline: Any) -> None:
    """«هجوم بطائرات مسيرة روسية»: the drones' owner attacked; «أسقطت الدفاعات طائرات
    مسيرة روسية»: the drones downed were the other side's."""
    struck = _events(
        pipeline, "قتل شخصان في هجوم بطائرات مسيرة روسية على مدينة خاركيف يوم الاثنين."
    )
    assert [(e.actor1.id if e.actor1 else None) for e in struck] == ["military-forces-rus"]
    downed = _events(
        pipeline, "أسقطت الدفاعات الجوية طائرات مسيرة روسية فوق مدينة خاركيف يوم الاثنين."
    )
    assert [(e.sub_event_type, e.actor2.id if e.actor2 else None) for e in downed] == [
        ("Disrupted weapons use", "military-forces-rus")
    ]


def test_an_act_named_as_a_charge_is_no_event(pipeline: Any) -> None:
    # «بتهم/بتهمة»: what the arrested are charged with is no event of the sentence.
    text = (
        "اعتقلت قوات الأمن العراقية أمس في البصرة خمسة أشخاص بتهم تتعلق بالنهب وإحراق مبان حكومية."
    )
    subs = {e.sub_event_type for e in _events(pipeline, text)}
    assert subs == {"Arrests"}
    charged = "أوقفت الشرطة أمس في الموصل ثلاثة شبان بتهمة الخطف."
    assert {e.sub_event_type for e in _events(pipeline, charged)} == {"Arrests"}


def test_a_question_mark_inside_quotes_does_not_end_the_sentence(pipeline: Any) -> None:
    # A quoted slogan's «؟» closes the slogan; the protest the sentence tells is one
    # mention, the whole sentence.
    text = "رفع المحتجون شعار «إلى متى؟» في مظاهرة أمام البرلمان في بغداد أمس."
    events = _events(pipeline, text)
    assert len(events) == 1
    assert events[0].mentions[0].text == text


def test_adopting_a_text_is_no_claim(pipeline: Any) -> None:
    # «تبنى» claims an act (the attack) or adopts a text (a draft, a statement):
    # with a text for object, nobody claims the strike the sentence tells.
    text = (
        "قصفت طائرات حربية أمس مواقع في مدينة صعدة اليمنية، "
        "في حين تبنت الجامعة العربية مشروع بيان يدعو إلى التهدئة."
    )
    events = _events(pipeline, text)
    assert len(events) == 1 and events[0].claim is not None
    assert events[0].claim.status == "reported"
    claimed = "تبنى تنظيم الدولة الإسلامية الهجوم على حاجز للجيش العراقي في ديالى."
    assert [e.claim.status for e in _events(pipeline, claimed) if e.claim] == ["claimed"]


def test_a_teller_counting_its_own_dead_did_not_do_it(pipeline: Any) -> None:
    # «قال X إن خمسة من ضباطه قتلوا»: X tells its losses, not its act (not "claimed by X");
    # a side named in the clause ("إن 20 من عناصر Y قتلوا") stays as it was read.
    text = (
        "قتل سبعة ضباط في غارة جوية على مبنى في دمشق أمس. "
        "وقال الحرس الثوري في بيان إن خمسة من ضباطه قتلوا في الهجوم."
    )
    events = _events(pipeline, text)
    assert len(events) == 1
    assert events[0].actor1 is None or "Revolutionary Guard" not in events[0].actor1.name
    assert events[0].claim is not None and events[0].claim.status != "claimed"
    named = "وقال الجيش السوداني إن 20 من عناصر الدعم السريع قتلوا في غارة على نيالا أمس."
    doers = [e.actor1.name for e in _events(pipeline, named) if e.actor1]
    assert doers and not any("Rapid Support" in d for d in doers)  # a guard


@pytest.mark.parametrize(
    "text",
    [
        "أطلق الحوثيون صاروخا باليستيا على إيلات يوم الخميس واعترضته الدفاعات الجوية الإسرائيلية.",
        "أطلقت القوات الروسية طائرة مسيرة على كييف ليلا وأسقطتها الدفاعات الجوية الأوكرانية.",
    ],
)
def test_a_weapon_intercepted_by_a_verb_with_its_pronoun_is_disrupted(
    pipeline: Any, text: str
) -> None:
    # «واعترضته», «وأسقطتها»: the verb of intercepting carries its object as a pronoun.
    assert [e.sub_event_type for e in _events(pipeline, text)] == ["Disrupted weapons use"]


def test_holding_people_as_hostages_is_an_abduction_not_an_arrest(pipeline: Any) -> None:
    # «احتجز X ... رهائن»: the verb tells the hostages (one abduction, no arrest beside
    # it); police holding people is still an arrest, and freeing hostages is no abduction.
    text = "احتجز مسلحون ثلاثين قرويا رهائن بعد مداهمة قرية قرب مدينة غاو يوم الاثنين."
    assert [e.sub_event_type for e in _events(pipeline, text)] == ["Abduction/forced disappearance"]
    police = "احتجزت الشرطة عشرين شخصا في غاو أمس."
    assert [e.sub_event_type for e in _events(pipeline, police)] == ["Arrests"]
    assert _events(pipeline, "أفرج المسلحون عن رهائن كانوا محتجزين قرب غاو.") == []


@pytest.mark.parametrize(
    "text",
    [
        "استعادت القوات الحكومية في 14 مارس بلدة غريان بعد قتال دام أياما.",
        "وكانت القوات الحكومية قد استعادت في 14 مارس 2019 بلدة غريان بعد قتال دام أياما.",
    ],
)
def test_a_date_between_a_verb_of_regaining_and_its_ground(pipeline: Any, text: str) -> None:
    """«في» before a date is the date's preposition, not one of where: the ground
    after it is still what was taken."""
    events = _events(pipeline, text)
    assert [e.sub_event_type for e in events] == ["Government regains territory"], events
    assert events[0].location is not None and events[0].location.iso3 == "LBY"


@pytest.mark.parametrize(
    "text",
    [
        "هاجم مسلحون ثكنة للجيش قرب مدينة كسمايو فجر الأحد.",
        "أعلنت الحركة أن مقاتليها هاجموا دورية للشرطة قرب مدينة كسمايو فجر الأحد.",
        # the object in the indefinite accusative: the class lists the bare noun
        "هاجم مسلحون موقعا للجيش قرب مدينة كسمايو فجر الأحد.",
        "هاجم مسلحون مركزا للشرطة في مدينة كسمايو فجر الأحد.",
    ],
)
def test_an_attack_verb_on_a_base_or_a_patrol_is_an_attack(pipeline: Any, text: str) -> None:
    """«هاجم» is physical when its object is an object of armed attack (a barracks, a
    patrol: ``attack_objects``), as when it is a place or a civilian site."""
    assert len(_violent(pipeline, text)) == 1


def test_an_attack_verb_on_people_in_words_is_no_event(pipeline: Any) -> None:
    """Guard: a minister attacking the opposition in a speech."""
    assert _violent(pipeline, "هاجم الوزير المعارضة في خطاب ألقاه أمس.") == []


@pytest.mark.parametrize(
    "text",
    [
        "وبعد ساعات هاجم مسلحون ثكنة للجيش قرب مدينة كسمايو.",
        "وبعد يومين قصفت طائرات مسيرة قرية قرب مدينة كسمايو.",
    ],
)
def test_after_a_span_of_time_the_act_is_told_not_recalled(pipeline: Any, text: str) -> None:
    """«بعد ساعات» (hours later) dates the act; «بعد الهجوم» recalls one (noun class
    ``time_spans``)."""
    assert len(_violent(pipeline, text)) == 1


def test_after_the_attack_recalls_it(pipeline: Any) -> None:
    """Guard: the event noun after «بعد» is an earlier event, told as background."""
    assert _violent(pipeline, "وأعلنت الحكومة الحداد بعد الهجوم على الثكنة.") == []


@pytest.mark.parametrize(
    "text",
    [
        "قُتل ستة من عناصر «حزب الله» في قصف جوي استهدف ظهر الأحد منزلاً في بلدة النبطية.",
        "قتل ثلاثة من مقاتلي حزب الله في غارة جوية على بلدة النبطية أمس الاثنين.",
    ],
)
def test_those_a_death_verb_counts_of_a_group_are_its_victims(pipeline: Any, text: str) -> None:
    # «خمسة من عناصر X»: a count, the word of a part, the members' noun, X: those killed,
    # not who killed them, though the sentence names no doer.
    strikes = [e for e in _events(pipeline, text) if e.sub_event_type == "Air/drone strike"]
    assert strikes
    assert strikes[0].actor1 is None
    assert strikes[0].actor2 is not None and strikes[0].actor2.id == "hezbollah"


@pytest.mark.parametrize(
    "text",
    [
        "أعلنت الشرطة يوم الأحد القبض على ثلاثة مشتبه بهم في مدينة حلب.",
        "أعلن الجيش يوم الجمعة مقتل ستة مسلحين والقبض على عشرين من المطلوبين في محافظة إدلب.",
    ],
)
def test_a_definite_masdar_an_announcing_verb_has_for_object_is_news(
    pipeline: Any, text: str
) -> None:
    # «أعلن ... القبض على»: the act announced, not one told before (which the article
    # would have to have named for the definite noun to join it).
    assert "Arrests" in {e.sub_event_type for e in _events(pipeline, text)}


@pytest.mark.parametrize(
    "text",
    [
        # A weapon with a possessive suffix: its aircraft, her drones, their warplanes.
        "وقال الجيش إن طائراته قصفت مساء الأحد مواقع للمسلحين في ريف حمص.",
        "وقالت الحركة إن مسيراتها استهدفت مساء الأحد ثكنة في ريف حمص.",
        "وقال الجيش إن مقاتلاته قصفت مساء الأحد مخازن سلاح في ريف حمص.",
    ],
)
def test_a_possessed_aircraft_makes_an_air_strike(pipeline: Any, text: str) -> None:
    assert _subs(pipeline, text) == {"Air/drone strike"}


@pytest.mark.parametrize(
    "text",
    [
        # Subject before its verb of falling, the verb agreeing with it.
        "وقال سكان إن قذائف سقطت مساء الأحد على سوق بلدة القصير.",
        "وقال سكان إن صاروخين سقطا مساء الأحد قرب مدرسة في بلدة القصير.",
        "وقال سكان إن صواريخ تساقطت مساء الأحد على بلدة القصير.",
    ],
)
def test_projectiles_that_fell_are_shelling_in_either_order(pipeline: Any, text: str) -> None:
    assert _subs(pipeline, text) == {"Shelling/artillery/missile attack"}


def test_a_place_in_a_reason_after_the_act_is_the_causes(pipeline: Any) -> None:
    # «ردا على» after the act: the town it names is where the cause fell.
    # The act's own place is a country, the cause's a town: the town does not win.
    text = "قصفت المدفعية مساء الأحد مواقع للمسلحين في سوريا، ردا على هجوم دام في مدينة الموصل."
    isos = {e.location.iso3 for e in _events(pipeline, text) if e.location}
    assert isos == {"SYR"}, isos


def test_a_relative_clause_on_a_claimed_act_tells_it(pipeline: Any) -> None:
    # «تبنت X الهجوم الذي استهدف ...»: the clause describes the act claimed, told here,
    # not an earlier event.
    text = "تبنت حركة الشباب الهجوم الذي استهدف يوم الأحد ثكنة في مدينة جوهر."
    events = _events(pipeline, text)
    assert [(e.claim.status if e.claim else None) for e in events] == ["claimed"]


def test_a_relative_clause_on_a_person_still_tells_the_past(pipeline: Any) -> None:
    # Guard: «النائب الذي اغتيل»: how the person died, told before.
    assert _events(pipeline, "شيع أهالي جوهر النائب الذي اغتيل في هجوم عام 2019.") == []


def test_who_speaks_ends_at_that(pipeline: Any) -> None:
    """«قالت مصادر إن طائرة تركية استهدفت»: the actor after «إن» is what the sources
    said did it, not who said so; the doer telling its own act would be a claim."""
    text = "قالت مصادر محلية إن طائرة مسيرة تركية استهدفت سيارة قرب دهوك يوم الأحد."
    (event,) = _events(pipeline, text)
    assert event.actor1 is not None and event.actor1.id == "military-forces-tur"
    assert event.claim.status == "reported"


def test_a_name_after_a_preposition_is_no_future_verb(pipeline: Any) -> None:
    """«في سنجار»: س then an imperfect's prefix, but a preposition governs it, so it is
    a noun (a name), not a future verb that makes the strike a possibility."""
    text = "قصفت مسيرة سوقا في سنجار يوم الأحد."
    assert [e.sub_event_type for e in _events(pipeline, text)] == ["Air/drone strike"]


def test_an_attack_on_a_named_town_is_an_attack(pipeline: Any) -> None:
    """«هجوما على X»: a named town after «على» is what the attack fell on, as «مدينة»
    or «قاعدة» (the nouns of attack objects) would be."""
    text = "شنت قوات الدعم السريع هجوما على الفاشر يوم الأحد."
    (event,) = _events(pipeline, text)
    assert event.location is not None and event.location.iso3 == "SDN"
    assert event.actor1 is not None and event.actor1.id == "rsf"


def test_the_arabic_accused_of_the_act_told_before_is_its_alleged_doer(pipeline: Any) -> None:
    """«اتهمت X Y بتنفيذ القصف»: verb, accuser, accused, then the act told before."""
    text = (
        "قتل ستة مدنيين يوم الأحد في قصف مدفعي استهدف سوقا في مدينة كوستي. "
        "واتهمت لجنة محلية قوات الدعم السريع بتنفيذ القصف."
    )
    (event,) = _events(pipeline, text)
    assert event.actor1 is not None and event.actor1.id == "rsf"


def test_an_expected_attack_is_no_attack(pipeline: Any) -> None:
    """«نتوقع هجوما», «احتمال هجوم»: an attack expected or possible is none yet."""
    for text in (
        "وقال مسؤول إننا نتوقع هجوما على مدينة كوستي.",
        "وقال مسؤول إن احتمال هجوم على مدينة كوستي كبير.",
    ):
        assert not _events(pipeline, text), text


def test_the_brigades_named_again_own_the_fighters(pipeline: Any) -> None:
    """«وقالت الكتائب إن مقاتليها ...»: "the brigades" stands for the group named
    before, so "its fighters" are that group's, not those of the side last hit."""
    text = (
        "أعلنت كتائب القسام أن مقاتليها فجروا عبوة ناسفة بآلية للجيش الإسرائيلي في رفح يوم الأحد. "
        "وقالت الكتائب في بيانها إن مقاتليها استهدفوا كذلك قوة إسرائيلية في بيت حانون."
    )
    doers = {e.actor1.id for e in _events(pipeline, text) if e.actor1 is not None}
    assert doers == {"hamas"}


def test_the_side_counted_among_the_dead_named_again_is_still_hit(pipeline: Any) -> None:
    """«قتل خمسة من عناصر X ...، بينهم قيادي في X»: X named again after the strike is
    the side that was hit, not its doer."""
    text = (
        "قُتل خمسة من عناصر «حزب الله» في غارة جوية على مبنى في بلدة النبطية يوم الأحد، "
        "بينهم قيادي في «حزب الله»."
    )
    (event,) = _events(pipeline, text)
    assert event.actor1 is None or event.actor1.id != "hezbollah"
    assert event.actor2 is not None and event.actor2.id == "hezbollah"


def test_a_teller_of_its_own_dead_claims_no_act(pipeline: Any) -> None:
    """«قال X إن قائده ونائبه قتلا في الغارة»: a group telling who of its own died tells
    no act of its own (no claim, and it is no doer)."""
    text = (
        "قُتل خمسة من عناصر «حزب الله» في غارة جوية على مبنى في بلدة النبطية يوم الأحد. "
        "وقال «حزب الله» في بيان إن قائده الميداني ونائبه قُتلا في الغارة."
    )
    (event,) = _events(pipeline, text)
    assert event.actor1 is None or event.actor1.id != "hezbollah"
    assert event.claim.status != "claimed"


def test_missiles_the_aircraft_fired_are_one_air_strike(pipeline: Any) -> None:
    """«أطلقت طائرات صواريخ ...، فيما أصابت صواريخ أخرى مستودعا في X»: the other
    missiles are the aircraft's, one air strike at X, not a missile attack beside it."""
    text = (
        "أفاد بيان للجيش بأن طائرات حربية إسرائيلية أطلقت صواريخ من جهة الساحل قرابة "
        "العاشرة ليلا، وأن الدفاعات الجوية تصدت لبعضها، فيما أصابت صواريخ أخرى مستودعا "
        "في حمص وسوته بالأرض، ما أسفر عن مقتل حارسين."
    )
    events = _events(pipeline, text)
    assert "Shelling/artillery/missile attack" not in {e.sub_event_type for e in events}
    strike = next(e for e in events if e.sub_event_type == "Air/drone strike")
    assert strike.location is not None and strike.location.iso3 == "SYR"


@pytest.mark.parametrize(
    "text",
    [
        # Those a word of injury counts were hit, as those a word of death counts.
        "أصيب ثلاثة جنود في انفجار عبوة ناسفة قرب مدينة درعا يوم الاثنين.",
        # «دورية للجيش»: a patrol of the army, what the bomb hit, not the army's act.
        "انفجرت عبوة ناسفة استهدفت دورية للجيش قرب مدينة درعا يوم الاثنين.",
    ],
)
def test_the_army_hit_by_a_bomb_is_no_doer(pipeline: Any, text: str) -> None:
    (event,) = _events(pipeline, text)
    assert event.actor1 is None
    assert event.actor2 is not None and event.actor2.kind == "state_forces"


def test_whose_statement_tells_the_strike_is_no_doer(pipeline: Any) -> None:
    """«أفاد بيان للجيش بأن طائرات إسرائيلية قصفت ...»: the army whose statement tells
    the strike is its teller; the aircraft's country did it."""
    text = "أفاد بيان للجيش يوم الأحد بأن طائرات حربية إسرائيلية قصفت مستودعا في حمص."
    (event,) = _events(pipeline, text)
    assert event.actor1 is not None and event.actor1.id == "military-forces-isr"


@pytest.mark.parametrize(
    "text",
    [
        "ويسعى الجيش إلى قصف مواقع المسلحين في إدلب.",
        "وتهدف القوات إلى اقتحام البلدة خلال الأيام المقبلة.",
    ],
)
def test_an_aim_to_strike_is_no_strike(pipeline: Any, text: str) -> None:
    # «يسعى إلى», «تهدف إلى»: what a side seeks or aims to do has not happened.
    art = Article(id="aim", text=text, language="ar", published="2024-03-12")
    assert pipeline.run([art]) == []


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "نفذ عشرات الطلاب مساء الخميس اعتصاما أمام مبنى البلدية في مدينة صور.",
            "Peaceful protest",
        ),
        ("شن مسلحون هجوما على حاجز للجيش في مدينة الرمادي يوم الخميس.", "Armed clash"),
    ],
)
def test_a_trigger_noun_in_the_indefinite_accusative_is_read(
    pipeline: Any, text: str, sub: str
) -> None:
    # «اعتصاما», «هجوما»: the alif of the indefinite accusative ends the noun.
    art = Article(id="acc", text=text, language="ar", published="2024-03-15")
    assert [e.sub_event_type for e in pipeline.run([art])] == [sub]


@pytest.mark.parametrize(
    "text",
    [
        "أصابت قذيفة مدرسة في مدينة حلب يوم الأربعاء.",
        "أصاب صاروخ منزلا في مدينة إدلب يوم الأربعاء.",
    ],
)
def test_a_projectile_that_hit_a_place_struck_it(pipeline: Any, text: str) -> None:
    # «أصابت قذيفة», «أصاب صاروخ»: the projectile, then the verb of hitting.
    art = Article(id="hit", text=text, language="ar", published="2024-03-15")
    assert [e.sub_event_type for e in pipeline.run([art])] == ["Shelling/artillery/missile attack"]


@pytest.mark.parametrize(
    ("text", "town", "patron"),
    [
        (
            "قالت مصادر إن المجموعات الموالية لإيران قصفت صباح الأحد بلدة قرب مدينة دير الزور.",
            "Deir ez-Zor",
            "military-forces-irn",
        ),
        (
            "قالت مصادر أهلية إن مجموعات موالية لإيران قصفت صباح الأحد بلدة قرب مدينة دير الزور.",
            "Deir ez-Zor",
            "military-forces-irn",
        ),
        (
            "هاجمت الفصائل المدعومة من روسيا قافلة قرب مدينة إدلب يوم الأحد.",
            "Idlib",
            "military-forces-rus",
        ),
    ],
)
def test_a_cue_of_allegiance_names_a_patron_not_a_reason(
    pipeline: Any, text: str, town: str, patron: str
) -> None:
    """«الموالية لـ X», «المدعومة من X» (``allegiance``): X is whom the actor serves. The
    cue is no reason given for the act (which it used to reject, or whose place it used
    to hide up to the comma), and X is no place of the act; «قرب» after «بلدة» is "near",
    no town's name; the patron is no doer either."""
    events = _events(pipeline, text)
    assert [e.location.name for e in events if e.location is not None] == [town], events
    assert not any(e.actor1 is not None and e.actor1.id == patron for e in events), events


@pytest.mark.parametrize(
    ("text", "doer", "defender"),
    [
        (
            "قال الجيش إنه صد هجوما لمسلحي حركة الشباب على قاعدة قرب مدينة كسمايو يوم الأحد.",
            "Al Shabaab",
            "Military Forces of Somalia",
        ),
        ("أحبطت الشرطة محاولة تسلل قرب مدينة كسمايو يوم الأحد.", None, "Police Forces of Somalia"),
    ],
)
def test_an_attack_fended_off_is_a_clash_of_its_doer_on_the_defender(
    pipeline: Any, text: str, doer: str | None, defender: str
) -> None:
    """A verb of fending off (noun class ``fending_off``: «صد», «تصدى», «أحبط») tells the
    attack or incursion it repelled: the attack's own doer is actor 1, the verb's
    subject (who was attacked) actor 2, as "repelled an attack by X"."""
    (e,) = _violent(pipeline, text)
    assert e.sub_event_type == "Armed clash"
    assert (e.actor1 and e.actor1.name, e.actor2 and e.actor2.name) == (doer, defender)


@pytest.mark.parametrize(
    "text",
    [
        "هاجم مستوطنون مزارعين فلسطينيين قرب نابلس يوم الجمعة.",
        "هاجم مسلحون مدنيين قرب مدينة كسمايو يوم الجمعة.",
    ],
)
def test_civilians_attacked_by_armed_people_is_an_attack(pipeline: Any, text: str) -> None:
    assert [e.sub_event_type for e in _violent(pipeline, text)] == ["Attack"]


def test_a_leader_attacking_journalists_in_words_is_no_event(pipeline: Any) -> None:
    assert _violent(pipeline, "هاجم الرئيس الصحفيين في مؤتمر صحفي في نابلس يوم الجمعة.") == []


def test_people_killed_in_a_bombing_tell_a_bombing(pipeline: Any) -> None:
    """«في تفجير»: the phrase that tells an act's dead were killed in a bombing."""
    text = "قتل خمسة أشخاص في تفجير استهدف سوقا في مدينة كسمايو يوم الأحد."
    assert _subs(pipeline, text) == {"Remote explosive/landmine/IED"}
    assert _subs(pipeline, "حذر الوزير من تفجير الأوضاع في الجنوب.") == set()


_SHELLING, _AIR, _IED = (
    "Shelling/artillery/missile attack",
    "Air/drone strike",
    "Remote explosive/landmine/IED",
)


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("سقط صاروخان على قاعدة عسكرية قرب مدينة كسمايو يوم الثلاثاء.", _SHELLING),
        ("أطلق المسلحون صاروخين على مدينة كسمايو يوم الثلاثاء.", _SHELLING),
        ("استهدفت طائرتان مسيرتان قاعدة عسكرية قرب مدينة كسمايو يوم الثلاثاء.", _AIR),
        ("قتل جنديان في انفجار عبوتين ناسفتين قرب مدينة كسمايو يوم الثلاثاء.", _IED),
    ],
)
def test_two_weapons_told_in_the_dual_are_the_weapon(pipeline: Any, text: str, sub: str) -> None:
    """The dual of a weapon («صاروخان», «طائرتان مسيرتان», «عبوتين ناسفتين»: the noun and
    its feminine adjective, ة turned to ت) names the weapon as its singular does."""
    assert _subs(pipeline, text) == {sub}


def test_the_dozens_killed_with_the_article_are_counted(pipeline: Any) -> None:
    """«قتل العشرات»: a round plural counts with the article too (dozens: 12, ACLED's
    lowest reading), as «عشرات» does."""
    text = "قتل العشرات في اشتباكات بين ميليشيات متناحرة في مدينة كسمايو يوم الثلاثاء."
    assert [e.fatalities for e in _violent(pipeline, text)] == [12]


def test_a_toll_update_of_a_bombing_tells_the_bombing(pipeline: Any) -> None:
    """«ارتفعت حصيلة تفجير ... إلى 25 قتيلا»: the toll of a bombing names it."""
    text = "ارتفعت حصيلة تفجير سوق في مدينة كسمايو يوم الثلاثاء إلى 25 قتيلا."
    events = _violent(pipeline, text)
    assert [(e.sub_event_type, e.fatalities) for e in events] == [
        ("Remote explosive/landmine/IED", 25)
    ]


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("تعرض الشمال العراقي لغارات جوية يوم الاثنين.", "IRQ"),
        ("قصف مدفعي استهدف الشرق الليبي يوم الاثنين.", "LBY"),
    ],
)
def test_a_region_told_by_a_peoples_adjective_is_a_place_not_a_state(
    pipeline: Any, text: str, iso3: str
) -> None:
    # «الشمال العراقي» (the Iraqi north) is somewhere in Iraq, where the act was; it is
    # not Iraq's forces doing it (the phrase had been the doer, and no place).
    (event,) = _events(pipeline, text)
    assert event.actor1 is None
    assert event.location is not None and event.location.iso3 == iso3


@pytest.mark.parametrize(
    "text",
    [
        # The army, marked by ل, stands between the ambush and the death word: the side hit.
        "نصب مسلحون كمينا لدورية للشرطة قرب مدينة الرمادي، ما أدى إلى مقتل ضابط وثلاثة عناصر.",
        "شن مسلحون هجوما على مقر للشرطة في مدينة الرمادي، ما أسفر عن مقتل خمسة عناصر.",
    ],
)
def test_a_side_marked_as_hit_between_the_act_and_its_toll_is_no_doer(
    pipeline: Any, text: str
) -> None:
    (event,) = _violent(pipeline, text)
    assert event.actor1 is None
    assert event.actor2 is not None and event.actor2.kind == "state_forces"


def test_an_officer_and_a_count_glued_to_wa_add_up(pipeline: Any) -> None:
    text = "نصب مسلحون كمينا لدورية قرب مدينة الرمادي، ما أدى إلى مقتل ضابط وثلاثة جنود."
    assert [e.fatalities for e in _violent(pipeline, text)] == [4]


@pytest.mark.parametrize(
    ("text", "doer", "dead"),
    [
        ("قتل الجيش ثلاثة مسلحين قرب مدينة الرمادي يوم الاثنين.", "state_forces", 3),
        ("قتل عناصر من تنظيم داعش أربعة رعاة قرب مدينة الرمادي يوم الاثنين.", "rebel_group", 4),
    ],
)
def test_qatala_with_an_armed_side_then_its_victims_is_that_sides_killing(
    pipeline: Any, text: str, doer: str, dead: int
) -> None:
    # «قتل» shows no voice: with an armed side right after it and a count after that,
    # the side killed them (it had been read as a toll with no act, and no event).
    (event,) = _violent(pipeline, text)
    assert event.actor1 is not None and event.actor1.kind == doer
    assert event.fatalities == dead


def test_qatala_before_a_count_is_still_the_passive(pipeline: Any) -> None:
    # «قتل ثلاثة جنود في هجوم»: three soldiers were killed; they did not kill.
    (event,) = _violent(pipeline, "قتل ثلاثة جنود في هجوم قرب مدينة الرمادي يوم الاثنين.")
    assert event.actor1 is None


def _sides(pipeline: Any, text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (e.sub_event_type, e.actor1.id if e.actor1 else None, e.actor2.id if e.actor2 else None)
        for e in _violent(pipeline, text)
    ]


def test_an_attack_glued_to_bi_tells_the_act_like_fi(pipeline: Any) -> None:
    # «بهجوم» ("in an attack", the preposition glued) as «في هجوم»: it had told nothing.
    sides = _sides(pipeline, "قتل أربعة جنود عراقيين بهجوم لتنظيم داعش قرب مدينة الموصل يوم الأحد.")
    assert sides == [("Armed clash", "islamic-state-iraq", "military-forces-irq")]


def test_a_side_that_tells_its_own_dead_is_the_side_hit(pipeline: Any) -> None:
    # «أعلنت X مقتل N من عناصرها في هجوم لـ Y»: X lost them; Y attacked (X had been the doer).
    sides = _sides(
        pipeline,
        "أعلنت قوات سوريا الديمقراطية مقتل أربعة من مقاتليها في هجوم لتنظيم داعش "
        "بريف الحسكة يوم الأحد.",
    )
    assert sides == [("Armed clash", "islamic-state-syria", "sdf")]


def test_ground_taken_by_a_movement_named_with_digits_glued(pipeline: Any) -> None:
    # «حركة إم23»: the alias glued to its number; the army fought is not the taker.
    sides = _sides(
        pipeline, "سيطرت حركة إم23 على بلدة كيتشانغا يوم الأحد بعد اشتباكات مع الجيش الكونغولي."
    )
    assert sides == [("Non-state actor overtakes territory", "m23", "military-forces-cod")]


def test_soldiers_with_their_adjective_after_qatala_were_killed(pipeline: Any) -> None:
    # «قتل جنديان سوريان»: two Syrian soldiers were killed (the adjective agrees with
    # the dual); «قتل الجيش ثلاثة فلسطينيين»: the army killed three (a count follows).
    killed = _sides(pipeline, "قتل جنديان سوريان في هجوم قرب مدينة حمص في سوريا.")
    assert killed == [("Armed clash", None, "military-forces-syr")]
    killers = _sides(pipeline, "قتل الجيش السوري ثلاثة مسلحين قرب مدينة حمص.")
    assert [a1 for _, a1, _ in killers] == ["military-forces-syr"]


def test_a_clause_with_its_own_subject_after_a_comma_is_its_own_event(pipeline: Any) -> None:
    """«هاجم مسلحون قرية في X، وقصفت القوات الحكومية بلدة Y»: the verb glued to «و» with
    its own subject after it opens a clause of another doer and another act."""
    text = "هاجم مسلحون يوم السبت قرية في ريف إدلب الجنوبي، وقصفت القوات الحكومية بلدة كفرنبل."
    by_type = {e.sub_event_type: e for e in _events(pipeline, text)}
    assert set(by_type) == {"Attack", "Shelling/artillery/missile attack"}
    shelling = by_type["Shelling/artillery/missile attack"]
    assert shelling.actor1 is not None and shelling.actor1.country == "SYR"
    attack = by_type["Attack"]
    assert attack.actor1 is None or attack.actor1.country != "SYR"


def test_a_verb_with_no_subject_of_its_own_shares_the_first_clause(pipeline: Any) -> None:
    """Guard: «..., وقتلوا ثلاثة»: the same doers, the same event."""
    text = "هاجم مسلحون يوم السبت قرية في ريف إدلب الجنوبي، وقتلوا ثلاثة مدنيين."
    assert len(_events(pipeline, text)) == 1


def test_a_big_arabic_town_vouches_for_a_two_word_name_of_its_country(pipeline: Any) -> None:
    """«غارات على رفح ... فيما قصفت المدفعية بيت لاهيا»: Rafah, a city that names its
    country alone, vouches for Beit Lahia, an alternate (Arabic) name of a town of it."""
    text = "شنت طائرات غارات على رفح يوم الأحد، فيما قصفت المدفعية بيت لاهيا."
    places = {e.location.name for e in _events(pipeline, text) if e.location}
    assert places == {"Rafaḩ", "Bayt Lāhyā"}


@pytest.mark.parametrize(
    ("noun", "word", "agrees"),
    [
        ("هجوما", "عنيفا", True),  # indefinite accusatives
        ("هجوم", "ارهابي", True),  # a nisba adjective, indefinite
        ("الهجوم", "الارهابي", True),  # ... and definite
        ("الهجوم", "ارهابي", False),  # definiteness differs: a predicate, no adjective
        ("هجوما", "امس", False),
        ("هجوم", "على", False),
    ],
)
def test_an_adjective_is_read_from_its_agreement(noun: str, word: str, agrees: bool) -> None:
    assert arabic.agrees_as_adjective(noun, word) is agrees


@pytest.mark.parametrize(
    "text",
    [
        "شن مسلحون يوم الاثنين هجوما عنيفا على مدينة غاو في مالي.",
        "نفذ مسلحون يوم الاثنين هجوما مفاجئا على مدينة غاو في مالي.",
    ],
)
def test_an_adjective_between_an_act_noun_and_its_preposition_keeps_the_act(
    pipeline: Any, text: str
) -> None:
    assert [(e.location.name if e.location else None) for e in _violent(pipeline, text)] == ["Gao"]


def test_an_adjective_of_prevalence_after_an_indefinite_act_grades_it(pipeline: Any) -> None:
    text = "شن مسلحون يوم الاثنين هجوما نادرا على مدينة غاو في مالي."  # "a rare attack"
    assert len(_violent(pipeline, text)) == 1


def test_an_act_weeks_before_and_its_relative_verb_are_background(pipeline: Any) -> None:
    # «بعد أسابيع من غارات ... قتلت»: weeks after strikes that killed dozens
    text = "تأتي هذه المحادثات بعد أسابيع من غارات قتلت العشرات في مدينة غاو في مالي."
    assert _violent(pipeline, text) == []
    told = "وبعد ساعات هاجم مسلحون مدينة غاو في مالي."  # "hours later, gunmen attacked"
    assert len(_violent(pipeline, told)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "أسفر القصف على مدينة غاو في مالي يوم الاثنين عن مقتل ثلاثة أشخاص.",
        "أدى الهجوم على قرية قرب مدينة غاو في مالي يوم الاثنين إلى مقتل 15 شخصا.",
    ],
)
def test_a_definite_act_whose_outcome_its_sentence_tells_at_a_place_is_news(
    pipeline: Any, text: str
) -> None:
    # «أسفر القصف ... عن مقتل»: the article names the act it opens on; told again
    # without a place («وأسفر القصف عن مقتل ثلاثة») it is an anaphor of that act.
    assert [e.fatalities for e in _violent(pipeline, text)] == [3 if "ثلاثة" in text else 15]
    assert _violent(pipeline, "وأسفر القصف عن مقتل ثلاثة أشخاص.") == []


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        # the oblique dual of a noun whose plural is broken counts two
        ("اندلعت اشتباكات يوم الاثنين في مدينة غاو في مالي أسفرت عن سقوط قتيلين.", 2),
        # «مدنيين» is as often the plural: no count of its own
        ("قتل مدنيين في قصف على مدينة غاو في مالي يوم الاثنين.", None),
    ],
)
def test_an_oblique_dual_counts_two_only_where_it_is_no_plural(
    pipeline: Any, text: str, toll: int | None
) -> None:
    assert [e.fatalities for e in _violent(pipeline, text)] == [toll]


def test_the_dead_a_death_word_names_are_the_side_hit_not_the_doer(pipeline: Any) -> None:
    # «ما أدى إلى مقتل جنديين»: the soldiers right after the word of death died; the
    # army that owns the patrol the bomb hit is the target, no one named the doer.
    text = "استهدفت عبوة ناسفة صباح اليوم دورية للجيش المالي قرب مدينة غاو، ما أدى إلى مقتل جنديين."
    events = _violent(pipeline, text)
    assert [(e.actor1, e.actor2.name if e.actor2 else None) for e in events] == [
        (None, "Military Forces of Mali")
    ]


def test_the_source_the_news_is_told_by_is_no_side(pipeline: Any) -> None:
    # «بحسب هيئة ... البحرية البريطانية»: "according to" a maritime agency, whose name
    # holds words of a navy; it tells the news, it did nothing.
    text = (
        "شنت طائرات مسيرة هجوما على سفينة تجارية قبالة سواحل الحديدة في اليمن يوم "
        "الاثنين، بحسب هيئة عمليات التجارة البحرية البريطانية."
    )
    events = _violent(pipeline, text)
    assert [(e.actor1, e.claim.status if e.claim else None) for e in events] == [(None, "reported")]


def test_a_background_act_past_a_span_keeps_its_toll_and_its_own_day_keeps_it(
    pipeline: Any,
) -> None:
    lead = "قتل عشرة أشخاص مساء الأحد في تفجير انتحاري استهدف مقهى في مدينة غاو في مالي."
    background = (
        " ويأتي الهجوم بعد أسبوعين من تفجير سيارة مفخخة قرب مقر البلدية أسفر عن مقتل ستة أشخاص."
    )
    # «بعد أسبوعين من تفجير سيارة مفخخة ... أسفر عن مقتل ستة»: the earlier bombing and
    # the verb telling its dead are background: no event, and its six dead are not the
    # suicide bombing's toll
    events = _violent(pipeline, lead + background)
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Suicide bomb", 10)]
    dated = " ويأتي الهجوم بعد أسبوعين من تفجير سيارة مفخخة في 3 مايو قرب مقر البلدية."
    assert len(_violent(pipeline, lead + dated)) == 2  # a day of its own: coded


def test_the_killing_an_armed_side_announces_is_its_act(pipeline: Any) -> None:
    # «أعلن الجيش ... مقتل 15 مسلحا من حركة الشباب»: an announced killing of the other
    # side is the announcer's act, claimed (as "the army said it had killed 15").
    text = "أعلن الجيش الصومالي يوم الاثنين مقتل 15 مسلحا من حركة الشباب في منطقة شبيلي الوسطى."
    events = _violent(pipeline, text)
    assert [(e.actor1.id if e.actor1 else None, e.fatalities) for e in events] == [
        ("military-forces-som", 15)
    ]
    # an office announcing deaths tells of no act
    assert _violent(pipeline, "أعلنت وزارة الصحة في غزة يوم الاثنين مقتل 15 شخصا.") == []


def test_an_instrument_between_an_act_noun_and_its_target_keeps_the_act(pipeline: Any) -> None:
    text = "شنت جماعة مسلحة يوم الاثنين هجوما بطائرة مسيرة على سفينة قبالة الحديدة في اليمن."
    assert [(e.sub_event_type, e.weapon) for e in _violent(pipeline, text)] == [
        ("Air/drone strike", "drone")
    ]


def test_supporters_who_clash_with_police_riot_and_ansar_allah_stays_an_armed_group(
    pipeline: Any,
) -> None:
    riot = "اشتبك أنصار زعيم المعارضة المسجون مع الشرطة في داكار يوم الاثنين."
    assert [e.sub_event_type for e in _violent(pipeline, riot)] == ["Violent demonstration"]
    group = "اشتبك مسلحو أنصار الله مع القوات الحكومية يوم الاثنين في محافظة مأرب اليمنية."
    assert [
        (e.sub_event_type, e.actor1.id if e.actor1 else None) for e in _violent(pipeline, group)
    ] == [("Armed clash", "houthi-movement")]


def test_a_two_word_contrast_connective_parts_two_strikes_of_one_kind(pipeline: Any) -> None:
    # «في حين» ("whereas") as «بينما»: each side its own act and place.
    text = (
        "قصفت طائرات حربية مطار حماة العسكري يوم الأحد، ودمرت مخازن ذخيرة، في حين"
        " قصفت طائرات أخرى مطار دير الزور."
    )
    events = _events(pipeline, text)
    assert len({e.location.name for e in events if e.location}) == 2
    assert {e.sub_event_type for e in events} == {"Air/drone strike"}


@pytest.mark.parametrize(
    "text",
    [
        "وفي ريف إدلب، اندلعت اشتباكات بين فصائل مسلحة وقوات الأمن في بلدة سرمدا يوم الأحد.",
        "وفي ريف حلب، دارت معارك عنيفة بين مقاتلي العشائر وقوات سوريا الديمقراطية في قرية"
        " تل عرن يوم الأحد.",
    ],
)
def test_a_clause_between_an_area_and_a_town_is_no_list_of_places(pipeline: Any, text: str) -> None:
    # The «و» of the clause's two sides joins no places: one clash, in the town.
    events = _events(pipeline, text)
    assert [e.location.geo_precision for e in events if e.location] == [1]


def test_arrests_of_those_suspected_of_the_act_told_are_placed_near_it(pipeline: Any) -> None:
    # «يشتبه بتورطهم في الهجوم»: the suspicion names the act told before (no new attack),
    # and the arrests of its suspects, placed by no word of their own, are near it.
    text = (
        "قتل أربعة أشخاص يوم السبت في انفجار سيارة مفخخة في مدينة الرقة شمالي سوريا."
        " واعتقلت قوات الأمن ثلاثة أشخاص يشتبه بتورطهم في الهجوم."
    )
    events = _events(pipeline, text)
    assert sorted(e.sub_event_type for e in events) == [
        "Arrests",
        "Remote explosive/landmine/IED",
    ]
    arrests = next(e for e in events if e.sub_event_type == "Arrests")
    assert arrests.location is not None and arrests.location.geo_precision == 2


def test_an_army_announcing_its_own_soldiers_dead_is_the_side_hit(pipeline: Any) -> None:
    # «أعلن الجيش مقتل جندي»: its losses, told; not its act, claimed.
    text = "أعلن الجيش الإسرائيلي مساء الاثنين مقتل جندي جراء انفجار عبوة ناسفة بدورية في جنين."
    (event,) = _violent(pipeline, text)
    assert event.actor2 is not None and event.actor2.id == "military-forces-isr"
    assert event.actor1 is None or event.actor1.id != "military-forces-isr"
    assert event.claim is not None and event.claim.status != "claimed"


@pytest.mark.parametrize(
    "text",
    [
        "سيطرت قوات الدعم السريع، اليوم الاثنين، على مدينة مليط بولاية شمال دارفور.",
        "سيطرت قوات الدعم السريع، فجر الأحد، على مدينة مليط بولاية شمال دارفور.",
    ],
)
def test_a_time_phrase_between_commas_parts_no_verb_from_its_preposition(
    pipeline: Any, text: str
) -> None:
    # «سيطرت X، اليوم الاثنين، على Y»: the day between the subject and «على».
    assert _subs(pipeline, text) == {"Non-state actor overtakes territory"}


@pytest.mark.parametrize("ours", ["مجاهدونا", "مقاتلونا"])
def test_our_fighters_in_the_nominative_are_the_communiques_forces(
    pipeline: Any, ours: str
) -> None:
    # «مجاهدونا» as «مجاهدينا»: the forces of the group whose statement the text is.
    text = (
        "بيان صادر عن المكتب الإعلامي لسرايا القدس:\n\nتمكن "
        + ours
        + " صباح اليوم الثلاثاء من تفجير عبوة ناسفة بآلية عسكرية على مدخل بلدة قباطية"
        " جنوب جنين."
    )
    events = _violent(pipeline, text)
    assert [e.actor1.id if e.actor1 else None for e in events] == ["pij"]


def test_a_drone_laden_with_explosives_is_an_air_strike(pipeline: Any) -> None:
    # The next sentence names the weapon: a drone «مفخخة» (rigged with explosives) is
    # what struck, as a drone strike, not an explosive device planted.
    text = (
        "قُتل جنديان من القوات الحكومية مساء السبت في هجوم شنته جماعة الحوثي على مواقع"
        " الجيش غربي محافظة تعز، وفق مصدر عسكري. وأوضح المصدر أن الحوثيين استخدموا طائرة"
        " مسيرة مفخخة في الهجوم."
    )
    art = Article(id="d", text=text, language="ar", published="2024-08-11")
    assert [e.sub_event_type for e in pipeline.run([art])] == ["Air/drone strike"]


@pytest.mark.parametrize(
    "text",
    [
        "أطلقت قوات الأمن النار في الهواء لتفريق عشرات المحتجين الذين تجمعوا أمام مبنى"
        " البلدية في مدينة درعا يوم الجمعة.",
        "فرقت الشرطة بالغاز المسيل للدموع مئات المتظاهرين في مدينة درعا يوم الجمعة، دون"
        " وقوع إصابات.",
    ],
)
def test_a_crowd_sized_by_a_vague_number_is_a_protest_told_here(pipeline: Any, text: str) -> None:
    # «عشرات المحتجين»: the article is the number's genitive, not a crowd told before.
    art = Article(id="p", text=text, language="ar", published="2024-06-09")
    assert [e.sub_event_type for e in pipeline.run([art])] == ["Protest with intervention"]


def test_the_rocket_adjective_names_the_weapon(pipeline: Any) -> None:
    # «بالأسلحة الصاروخية»: "with rocket weapons", the adjective of the rocket.
    text = (
        "أعلنت الجماعة أن مقاتليها استهدفوا موقعا للجيش في مدينة حلب بالأسلحة الصاروخية"
        " يوم الاثنين."
    )
    art = Article(id="w", text=text, language="ar", published="2024-03-12")
    assert [e.sub_event_type for e in pipeline.run([art])] == ["Shelling/artillery/missile attack"]


@pytest.mark.parametrize(
    "text",
    [
        # «تابعة لـ X» after the act, once the doer is named: X's vehicle was hit.
        "شنت طائرة مسيرة تركية غارة على شاحنة تابعة لقسد قرب الحسكة يوم الأحد.",
        "استهدفت طائرة مسيرة تركية سيارة تابعة لقوات سوريا الديمقراطية قرب الحسكة.",
    ],
)
def test_what_belongs_to_an_actor_after_the_act_was_hit(pipeline: Any, text: str) -> None:
    (event,) = _violent(pipeline, text)
    assert (event.actor1 and event.actor1.id, event.actor2 and event.actor2.id) == (
        "military-forces-tur",
        "sdf",
    )


def test_the_dead_before_the_act_do_not_make_its_owner_the_side_hit(pipeline: Any) -> None:
    # «قتلى بقصف لـX»: X's shelling killed them. Before, the word of the dead before the
    # act made X, after it, the side hit.
    (event,) = _violent(pipeline, "قتلى وجرحى بقصف لقوات الدعم السريع على مدينة نيالا")
    assert event.actor1 is not None and event.actor1.id == "rsf"
    assert event.actor2 is None or event.actor2.id != "rsf"


@pytest.mark.parametrize(
    "text",
    [
        "طالت الغارات يوم الاثنين بلدتي كفرنبل وسراقب في محافظة إدلب السورية.",
        "الغارات طالت يوم الاثنين بلدتي كفرنبل وسراقب في محافظة إدلب السورية.",
    ],
)
def test_a_definite_act_its_verb_says_reached_named_places_is_news(
    pipeline: Any, text: str
) -> None:
    # «طالت الغارات بلدتي ...»: what the strikes reached, told by their own verb before
    # them or right after them, with places of their own, as "The strikes hit X" is.
    assert len(_violent(pipeline, text)) == 2


def test_a_definite_act_a_relative_clause_says_reached_a_place_is_told_before(
    pipeline: Any,
) -> None:
    # «الانفجار الذي استهدف سوق البلدة»: a relative clause on a noun describes the act
    # the article told before; alone in its article it is no news.
    said = "وقال شاهد إنه فقد أخاه في الانفجار الذي استهدف سوق بلدة سراقب في إدلب أمس."
    assert _violent(pipeline, said) == []


def test_an_outlets_name_is_no_trigger_and_no_weapon(pipeline: Any) -> None:
    # «قناة «المسيرة»»: a channel whose name spells "the march" and "the drone" reports
    # what others did: no protest, no drone.
    shelled = _events(pipeline, "ذكرت قناة «المسيرة» أن قصفا استهدف مدينة الحديدة.")
    assert [e.sub_event_type for e in shelled] == ["Shelling/artillery/missile attack"]
    killed = _events(pipeline, "أفادت قناة «المسيرة» بأن 20 شخصا قتلوا في مدينة الحديدة.")
    assert [e.sub_event_type for e in killed] == ["Attack"]


def test_a_series_of_strikes_on_a_town_on_a_day_is_one_event(pipeline: Any) -> None:
    # «سلسلة غارات» on a named town on a named day: one raid, not a tally of many.
    events = _violent(pipeline, "طائرات حربية شنّت مساء أمس سلسلة غارات على مدينة الحديدة.")
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]
    # Over months, a series is a tally still.
    assert not _violent(pipeline, "شنت الطائرات منذ يناير سلسلة غارات على مدن يمنية.")


def test_the_number_of_victims_is_no_figure_a_number_of_is(pipeline: Any) -> None:
    # «عدد ضحايا القصف» names the toll (raised to 40); «عدد من» counts "a number of".
    text = (
        "قصفت طائرات حربية مدينة الحديدة مساء الخميس. "
        "وارتفع عدد ضحايا القصف على مدينة الحديدة إلى 40 قتيلاً."
    )
    assert [e.fatalities for e in _violent(pipeline, text)] == [40]


def test_a_lower_bound_between_the_death_verb_and_the_people_keeps_them_victims(
    pipeline: Any,
) -> None:
    # «قُتل ما لا يقل عن 40 شخصاً»: "at least" between the verb and its count; the
    # people an armed group killed are civilians, the act an attack on them.
    text = (
        "قُتل ما لا يقل عن 40 شخصاً ليل الأحد في هجوم شنّه مسلحون من «القوات الديمقراطية"
        " المتحالفة» على قرية."
    )
    assert _subs(pipeline, text) == {"Attack"}


def test_gunmen_setting_fire_is_destruction_not_a_riot(pipeline: Any) -> None:
    # The plural verb tells the same act as the singular: its doer, not its number,
    # makes a riot.
    text = "قال مسؤول إن المسلحين أضرموا النار في عدد من المنازل قبل أن ينسحبوا نحو الغابة."
    assert _subs(pipeline, text) == {"Looting/property destruction"}


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # The plural of an explosion noun tells the act as its singular does, where the
        # sentence counts the dead (a bare plural is as often a kind of act).
        ("قتل 12 شخصا في تفجيرات انتحارية في مدينة باماكو يوم الأحد.", "Suicide bomb"),
        (
            "قتل 12 شخصا في تفجيرات استهدفت سوقا في مدينة باماكو يوم الأحد.",
            "Remote explosive/landmine/IED",
        ),
        (
            "لقي 12 شخصا حتفهم في انفجارات هزت مدينة باماكو يوم الأحد.",
            "Remote explosive/landmine/IED",
        ),
        ("قتل 12 شخصا في عمليات انتحارية في مدينة باماكو يوم الأحد.", "Suicide bomb"),
    ],
)
def test_plural_explosion_nouns_with_a_toll_tell_the_act(
    pipeline: Any, text: str, sub: str
) -> None:
    assert _subs(pipeline, text) == {sub}


def test_plural_suicide_bombings_with_no_toll_are_a_kind_of_act(pipeline: Any) -> None:
    assert _subs(pipeline, "تتبنى الجماعة عمليات انتحارية ضد الجيش منذ سنوات.") == set()


def test_an_area_noun_with_a_glued_preposition_announces_its_area(pipeline: Any) -> None:
    # «بولاية X» is «ب» + «ولاية X»: the state's noun announces its name as the bare noun does.
    events = _events(pipeline, "قتل 12 شخصا في تفجير انتحاري بولاية بورنو يوم الأحد.")
    assert [e.location.name for e in events if e.location] == ["Borno"]


@pytest.mark.parametrize(
    "text",
    [
        # «خرج» + its subject + «في مسيرة/مظاهرات»: the verb, its subject between, the march
        "خرج مئات الطلاب في مسيرة في مدينة أم درمان يوم الخميس للمطالبة بالإفراج عن زملائهم.",
        "خرجت حشود في مظاهرات في مدينة أم درمان يوم الخميس.",
    ],
)
def test_going_out_in_a_march_is_a_protest(pipeline: Any, text: str) -> None:
    assert _subs(pipeline, text) == {"Peaceful protest"}


def test_going_out_on_a_tour_is_no_protest(pipeline: Any) -> None:
    assert _subs(pipeline, "خرج الوزير في جولة في مدينة أم درمان يوم الخميس.") == set()


def test_force_on_the_crowd_with_its_own_place_and_day_is_news(pipeline: Any) -> None:
    # Arabic names a crowd with the article on first mention too: with a place and a
    # day of its own, the dispersal tells the protest.
    text = "استخدمت قوات الأمن الغاز المسيل للدموع ضد المتظاهرين في مدينة أم درمان يوم الخميس."
    art = Article(id="t", text=text, language="ar", published="2025-03-15")
    assert {e.sub_event_type for e in pipeline.run([art])} == {"Protest with intervention"}


def test_force_on_the_crowd_with_no_place_or_day_points_back(pipeline: Any) -> None:
    text = "واستخدمت قوات الأمن الغاز المسيل للدموع ضد المتظاهرين."
    assert _subs(pipeline, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "قتل خمسة أشخاص أمس عندما أصاب صاروخان روسيان مبنى سكنيا في مدينة سومي.",
        "أصيب عشرة مدنيين عندما قصفت طائرتان إسرائيليتان منزلا في بلدة الخيام أمس.",
    ],
)
def test_a_dual_noun_and_its_peoples_adjective_name_that_states_forces(
    pipeline: Any, text: str
) -> None:
    # «صاروخان روسيان», «طائرتان إسرائيليتان»: two Russian missiles, two Israeli
    # aircraft; the dual adjective names the doer as the singular does.
    events = _events(pipeline, text)
    assert events
    assert events[0].actor1 is not None and events[0].actor1.id.startswith("military-forces-")
