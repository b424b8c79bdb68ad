"""Modality (veille.extract.modality): what keeps a trigger from telling an event.
Sentences invented."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from sentence_builder import W, sentence, tokens, trigger
from veille.extract.lexicon import Lexicon
from veille.extract.modality import (
    ParsedModality,
    WordOrderModality,
    conditional_present,
    modality_for,
    sentence_future,
)
from veille.model import Article


@pytest.fixture(scope="module")
def en() -> Lexicon:
    return Lexicon.load("en")


@pytest.fixture(scope="module")
def ar() -> Lexicon:
    return Lexicon.load("ar")


def _reason(lex: Lexicon, words: Sequence[W | str], at: int, language: str = "en") -> str | None:
    toks = tokens(words)
    return modality_for(lex, language).reject_reason(
        trigger(lex, toks, at), toks, sentence(toks, language=language)
    )


def test_one_strategy_per_language(en: Lexicon, ar: Lexicon) -> None:
    assert isinstance(modality_for(en, "en"), ParsedModality)
    assert isinstance(modality_for(en, "fr"), ParsedModality)
    assert isinstance(modality_for(ar, "ar"), WordOrderModality)


def _attack(*before: W) -> list[W | str]:
    n = len(before)
    return [
        W("Rebels", "NOUN", "nsubj", n + 1),
        *before,
        W("attack", "VERB", "ROOT"),
        W("the", "DET", "det", n + 3),
        W("camp", "NOUN", "dobj", n + 1),
    ]


def test_a_told_attack_is_kept(en: Lexicon) -> None:
    assert _reason(en, _attack(), 1) is None


def test_a_negated_attack(en: Lexicon) -> None:
    words = _attack(W("did", "AUX", "aux", 3), W("not", "PART", "neg", 3))
    assert _reason(en, words, 3) == "negated"


def test_a_denial_is_no_negation(en: Lexicon) -> None:
    toks = tokens([*_attack(W("did", "AUX", "aux", 3), W("not", "PART", "neg", 3)), "denied"])
    assert not ParsedModality(en).negated(trigger(en, toks, 3), toks, [])


def test_a_future_attack(en: Lexicon) -> None:
    assert _reason(en, _attack(W("will", "AUX", "aux", 2)), 2) == "future or hypothetical"


def test_a_conditional_attack(en: Lexicon) -> None:
    words: Sequence[W | str] = [
        W("If", "SCONJ", "mark", 2),
        W("rebels", "NOUN", "nsubj", 2),
        W("attack", "VERB"),
    ]
    assert _reason(en, words, 2) == "future or hypothetical"


def test_french_conditional_present_but_not_the_reported_past() -> None:
    toks = tokens([W("attaqueraient", "VERB", "ROOT", lemma="attaquer")])
    assert conditional_present(toks[0], toks)
    past = tokens(
        [
            W("auraient", "AUX", "aux", 1, lemma="avoir"),
            W("attaqué", "VERB", "ROOT", lemma="attaquer", morph="VerbForm=Part"),
        ]
    )
    assert not conditional_present(past[0], past)
    assert sentence_future(toks) and not sentence_future(past)


def test_attacks_counted_over_a_period(en: Lexicon) -> None:
    words = [
        W("Attacks", "NOUN", "nsubj", 1, lemma="attack", morph="Number=Plur"),
        W("rose", "VERB", "ROOT", lemma="rise"),
        W("since", "ADP", "prep", 1),
        W("January", "PROPN", "pobj", 2),
    ]
    assert _reason(en, words, 0) == "aggregate"


def test_an_earlier_attack_as_background(en: Lexicon) -> None:
    words = [
        W("Troops", "NOUN", "nsubj", 1),
        W("arrived", "VERB", "ROOT"),
        W("after", "ADP", "prep", 1),
        W("the", "DET", "det", 4),
        W("attack", "NOUN", "pobj", 2),
    ]
    assert _reason(en, words, 4) == "background"


def test_an_attack_named_in_an_accusation(en: Lexicon) -> None:
    words = [
        W("Officials", "NOUN", "nsubj", 1),
        W("accused", "VERB", "ROOT", lemma="accuse"),
        W("rebels", "NOUN", "dobj", 1),
        W("of", "ADP", "prep", 1),
        W("the", "DET", "det", 5),
        W("attack", "NOUN", "pobj", 3),
    ]
    assert _reason(en, words, 5) == "accusation"


def test_arabic_negation_before_the_trigger(ar: Lexicon) -> None:
    assert _reason(ar, ["لم", "تقع", "غارات"], 2, "ar") == "negated"
    assert _reason(ar, ["وقعت", "غارات"], 1, "ar") is None


def test_arabic_future_cue_before_the_trigger(ar: Lexicon) -> None:
    assert _reason(ar, ["القوات", "ستشن", "غارات"], 2, "ar") == "future or hypothetical"


def test_arabic_background_cue_before_the_trigger(ar: Lexicon) -> None:
    assert _reason(ar, ["انسحبت", "القوات", "بعد", "غارات"], 3, "ar") == "background"


def test_arabic_any_makes_the_trigger_generic(ar: Lexicon) -> None:
    assert _reason(ar, ["ترفض", "أي", "غارات"], 2, "ar") == "generic"


def _told(pipeline: Any, text: str, language: str) -> list[str]:
    art = Article(id="m", text=text, language=language, published="2024-06-12")
    return [e.sub_event_type for e in pipeline.run([art])]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Counter-demonstrations are being organised for Friday in Leicester.", "en"),
        ("Unions have called a rally for Monday in Leicester.", "en"),
        ("A march is scheduled for Saturday in Leicester.", "en"),
        ("Des rassemblements sont organisés pour samedi à Rennes.", "fr"),
    ],
)
def test_an_act_set_for_a_day_is_planned(pipeline: Any, text: str, language: str) -> None:
    assert _told(pipeline, text, language) == []


def test_a_day_of_an_event_after_for_is_no_appointment(pipeline: Any) -> None:
    text = "Police arrested two men in Leicester for Monday's attack on a mosque."
    assert _told(pipeline, text, "en") == ["Arrests"]


def test_a_clause_after_a_semicolon_governs_nothing_before_it(pipeline: Any) -> None:
    """The parser may hang "An explosion hit a car" on the verb after the semicolon
    ("blamed"): that accusation is another clause, which names the weapon, not a frame
    around the blast, and the blast keeps its place."""
    text = "An explosion hit a car in Tyre on Monday; local media blamed an Israeli drone."
    events = pipeline.run([Article(id="m", text=text, language="en", published="2025-03-12")])
    assert [(e.sub_event_type, e.location.name if e.location else None) for e in events] == [
        ("Air/drone strike", "Tyre")
    ]
    # Without the semicolon, an accusation still frames what it governs.
    framed = "Local media blamed Israel for the explosion that hit a car in Tyre on Monday."
    assert not pipeline.run([Article(id="n", text=framed, language="en", published="2025-03-12")])


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("L'armée reste mobilisée pour traquer les auteurs de l'attaque de Gao.", "fr"),
        ("Police are hunting the perpetrators of the attack on a church in Kaduna.", "en"),
        # a guard: already no event
        ("تلاحق قوات الأمن منفذي الهجوم على الكنيسة في كادونا.", "ar"),
    ],
)
def test_the_act_whose_perpetrators_are_sought_is_no_new_event(
    pipeline: Any, text: str, language: str
) -> None:
    # "the perpetrators of the attack": an act named to say who did it, not told anew.
    art = Article(id="m", text=text, language=language, published="2025-03-12")
    assert pipeline.run([art]) == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Armed gangs roam the countryside of Zamfara, looting villages and kidnapping "
            "residents.",
            "en",
        ),
        ("Les bandits sillonnent les campagnes de Zamfara, pillant les villages.", "fr"),
    ],
)
def test_a_participle_on_a_habit_in_the_present_tells_the_habit(
    pipeline: Any, text: str, language: str
) -> None:
    # "Gangs roam the countryside, looting villages": the participle goes with a verb in
    # the simple present, a habit, no one act.
    art = Article(id="h", text=text, language=language, published="2025-03-12")
    assert pipeline.run([art]) == []


def test_a_participle_on_a_past_act_or_counting_its_object_is_the_act(pipeline: Any) -> None:
    # Guards: the participle of an act told in the past, or one that counts its victims
    # (a present-tense headline), tells the act.
    for text in (
        "Gunmen stormed a village near Gusau on Monday, looting shops and kidnapping residents.",
        "Gunmen storm village in Zamfara, killing 12 people.",
        # and a headline's act named by the object of a present-tense verb
        "Israel launches strikes on Gaza City.",
    ):
        art = Article(id="g", text=text, language="en", published="2025-03-12")
        assert pipeline.run([art]) != []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Israeli jets carried out a wave of strikes on Beirut's southern suburbs overnight.",
            "en",
        ),
        (
            "L'aviation a mené cette nuit une vague de frappes sur la banlieue sud de Beyrouth.",
            "fr",
        ),
    ],
)
def test_a_wave_of_strikes_in_one_night_is_an_event(
    pipeline: Any, text: str, language: str
) -> None:
    # "a wave of strikes" counts a campaign, unless the sentence puts it in one night
    # ("overnight", «cette nuit»): ACLED codes that night's strikes on the place. (The
    # French one, whose night resolves to a day, is a guard.)
    art = Article(id="w", text=text, language=language, published="2025-03-12")
    assert [e.sub_event_type for e in pipeline.run([art])] == ["Air/drone strike"]


@pytest.mark.parametrize(
    "text",
    [
        "Attack them wherever you find them, the commander told his men in Marib on Monday.",
        "“Kill the invaders,” the statement said on Monday in Marib.",
    ],
)
def test_an_imperative_calls_for_an_act_and_tells_none(pipeline: Any, text: str) -> None:
    art = Article(id="i", text=text, language="en", published="2024-02-20")
    assert pipeline.run([art]) == []


def test_a_noun_before_its_verb_is_no_imperative(pipeline: Any) -> None:
    # Guard: "Attack helicopters struck ...": the first word is no verb.
    art = Article(
        id="i",
        text="Attack helicopters struck Marib on Monday.",
        language="en",
        published="2024-02-20",
    )
    assert [e.sub_event_type for e in pipeline.run([art])] == ["Air/drone strike"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Militants have been increasingly targeting police posts near Turbat.", "en"),
        ("Les insurgés visent de plus en plus les postes de police près de Turbat.", "fr"),
    ],
)
def test_acts_done_increasingly_are_a_trend(pipeline: Any, text: str, language: str) -> None:
    art = Article(id="i", text=text, language=language, published="2025-03-17")
    assert pipeline.run([art]) == []


def test_an_adverb_grading_an_adjective_is_no_habit(pipeline: Any) -> None:
    # Guard: "increasingly deadly" grades the campaign; the day's attack stands.
    art = Article(
        id="i",
        text="Militants attacked a police post near Turbat on Sunday, in an increasingly "
        "deadly campaign.",
        language="en",
        published="2025-03-17",
    )
    assert len(pipeline.run([art])) == 1


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # what is to end is named, no fighting told
        ("The two sides agreed on Tuesday to stop the fighting in Khartoum.", "en"),
        ("Talks aimed at ending the fighting in Sudan resumed in Jeddah on Tuesday.", "en"),
        ("Mediators urged the parties to put an end to the fighting in Khartoum.", "en"),
        ("Les deux camps ont accepté mardi de cesser les combats à Khartoum.", "fr"),
        (
            "Les pourparlers visant à mettre fin aux combats au Soudan ont repris mardi à Djeddah.",
            "fr",
        ),
        # a frequency tells a habit
        ("Israel has struck Hezbollah targets in Lebanon almost daily since October.", "en"),
        ("Russian drones pound the city of Kharkiv nightly.", "en"),
        ("تشن إسرائيل غارات شبه يومية على أهداف لحزب الله في لبنان منذ أكتوبر.", "ar"),
    ],
)
def test_acts_to_be_ended_or_told_as_a_habit_are_no_event(
    pipeline: Any, text: str, language: str
) -> None:
    assert _told(pipeline, text, language) == []


def test_a_finite_verb_of_ending_tells_the_act_it_ended(pipeline: Any) -> None:
    text = "Police stopped a march of 300 students in Nairobi on Tuesday."
    assert _told(pipeline, text, "en") == ["Peaceful protest"]


def test_an_arabic_count_of_days_back_after_since_dates_the_act(pipeline: Any) -> None:
    # «منذ» + a count of days is "ago" (the day three days back), not a period opened
    # then; a period opened by a month or the war's start still frames a tally.
    art = Article(
        id="m",
        text="قتل أربعة مدنيين في قصف مدفعي على بلدة في حماة منذ ثلاثة أيام.",
        language="ar",
        published="2024-06-12",
    )
    events = pipeline.run([art])
    assert [(e.sub_event_type, str(e.event_date)) for e in events] == [
        ("Shelling/artillery/missile attack", "2024-06-09")
    ]
    tally = "قتل أكثر من ألف مدني في غارات جوية منذ بداية الحرب."
    assert _told(pipeline, tally, "ar") == []


@pytest.mark.parametrize(
    "text",
    [
        "La semaine dernière, des affrontements ont opposé l'armée à des rebelles près de Kayes.",
        "En fin de semaine dernière, des heurts ont opposé des éleveurs à l'armée près de Kayes.",
    ],
)
def test_a_week_that_dates_plural_clashes_counts_none_of_them(pipeline: Any, text: str) -> None:
    # «semaine» counts acts in «une semaine d'affrontements», not inside the date.
    art = Article(id="m", text=text, language="fr", published="2024-06-12")
    events = pipeline.run([art])
    assert [(e.sub_event_type, e.date_precision) for e in events] == [("Armed clash", "week")]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The EU denounced the bombing of a market in Tarn, Norway, that killed 20 people.", "en"),
        ("The UN condemned the air strike on a school in Oslo, Norway, which killed 12.", "en"),
        ("L'UE a dénoncé l'attentat contre un marché de Bergen, en Norvège, qui a tué dix.", "fr"),
    ],
)
def test_the_outcome_of_a_condemned_act_is_not_told_either(
    pipeline: Any, text: str, language: str
) -> None:
    # A relative clause tells the outcome of the act it hangs in ("the bombing of a
    # market that killed 20"): with the act only condemned, its killing is not told.
    assert _told(pipeline, text, language) == []


def test_a_relative_clause_of_a_told_act_tells_its_outcome(pipeline: Any) -> None:
    text = "A bomb hit a market in Tarn, Norway, on Monday, which killed 20 people."
    assert _told(pipeline, text, "en") == ["Remote explosive/landmine/IED"]


@pytest.mark.parametrize(
    ("text", "language", "told"),
    [
        ("Kidnappings for ransom are common on the road to Tarn, Norway.", "en", []),
        ("Attacks on convoys have become rife near Tarn, Norway.", "en", []),
        ("Les enlèvements sont fréquents sur la route de Tarn, en Norvège.", "fr", []),
        ("Les enlèvements restent monnaie courante près de Tarn, en Norvège.", "fr", []),
        # attributive, the adjective grades the act: "a rare attack" is an attack
        ("Gunmen carried out a rare attack on a bank in Tarn, Norway, on Monday.", "en", ["x"]),
    ],
)
def test_an_act_whose_predicate_is_its_prevalence_is_a_state_of_affairs(
    pipeline: Any, text: str, language: str, told: list[str]
) -> None:
    assert len(_told(pipeline, text, language)) == len(told)


@pytest.mark.parametrize(
    "text",
    [
        "En représailles au massacre de Bergen, le groupe a tiré mardi des obus sur Tarn, "
        "en Norvège.",
        "En riposte à l'attaque de Bergen, le groupe a tiré mardi des obus sur Tarn, en Norvège.",
    ],
)
def test_a_main_clause_after_a_fronted_phrase_of_retaliation_is_told(
    pipeline: Any, text: str
) -> None:
    # The parser makes the fronted noun the root and the main clause its relative (with
    # no relative word): the act of the main clause is told, the one it answers is not.
    assert _told(pipeline, text, "fr") == ["Shelling/artillery/missile attack"]


@pytest.mark.parametrize(
    "text",
    [
        "Ces derniers mois, des jihadistes ont attaqué cinq postes de l'armée près de Tarn, "
        "en Norvège.",
        "Depuis janvier, des dizaines de frappes ont visé les positions rebelles autour de "
        "Tarn, en Norvège.",
    ],
)
def test_a_compound_past_over_a_period_is_a_tally(pipeline: Any, text: str) -> None:
    # The French compound past is also its perfect: over months, what has been done.
    assert _told(pipeline, text, "fr") == []


def test_depuis_before_the_noun_of_an_area_and_its_place_opens_no_period(pipeline: Any) -> None:
    text = (
        "L'armée a annoncé lundi avoir intercepté un missile tiré depuis la région de "
        "Bergen, en Norvège."
    )
    assert _told(pipeline, text, "fr") == ["Disrupted weapons use"]


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("The talks in Bamako come weeks after gunmen killed 12 people in Gao, Mali.", 0),
        (
            "Security was tightened in Gao, Mali, on Monday after gunmen attacked an army "
            "camp last month.",
            0,
        ),
        # the same day's sequence is the story going on
        ("Troops were deployed in Gao, Mali, on Monday after gunmen attacked a bank.", 1),
        # a day of its own: a dated act told as the cause of another is coded
        ("The talks come days after gunmen killed 12 people in Gao, Mali, on 3 June.", 1),
    ],
)
def test_a_clause_of_sequence_long_before_tells_background(
    pipeline: Any, text: str, told: int
) -> None:
    assert len(_told(pipeline, text, "en")) == told


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # The dead the main clause finds are the outcome of the act "after" names.
        (
            "The bodies of 14 villagers were found near Beni on Sunday after an attack by rebels.",
            "en",
        ),
        (
            "Les corps de quatorze villageois ont été découverts dimanche près de Beni après une "
            "attaque de rebelles.",
            "fr",
        ),
    ],
)
def test_dead_found_after_an_attack_are_its_toll(pipeline: Any, text: str, language: str) -> None:
    events = pipeline.run([Article(id="m", text=text, language=language, published="2025-03-18")])
    assert [e.fatalities for e in events] == [14]


def test_an_act_after_which_others_are_arrested_stays_background(pipeline: Any) -> None:
    text = "Police arrested three men near Beni on Sunday after an attack on a church."
    events = pipeline.run([Article(id="m", text=text, language="en", published="2025-03-18")])
    assert {e.sub_event_type for e in events} <= {"Arrests"}
