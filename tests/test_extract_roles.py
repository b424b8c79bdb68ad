"""Roles (veille.extract.roles): who did it and to whom. Sentences invented."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from sentence_builder import W, actor, sentence, tokens, trigger
from veille.extract.candidate import Typing
from veille.extract.lexicon import Lexicon, Match
from veille.extract.parsed_roles import is_reporter
from veille.extract.roles import Roles, read_roles
from veille.extract.victims import civilian_target
from veille.model import Article


@pytest.fixture(scope="module")
def en() -> Lexicon:
    return Lexicon.load("en")


@pytest.fixture(scope="module")
def ar() -> Lexicon:
    return Lexicon.load("ar")


def _roles(
    lex: Lexicon, words: Sequence[W | str], at: int, who: dict[int, tuple[str, str]]
) -> Roles:
    toks = tokens(words)
    actors = [actor(toks, i, i, name, kind) for i, (name, kind) in who.items()]
    m = trigger(lex, toks, at)
    s = sentence(toks, actors=actors, language=lex.language)
    return read_roles(lex, Typing.of(m.payload), [m], toks, s)


def _ids(roles: Roles) -> tuple[str | None, str | None]:
    return (
        roles.actor1.actor_id if roles.actor1 else None,
        roles.actor2.actor_id if roles.actor2 else None,
    )


ATTACKED = W("attacked", "VERB", "ROOT", lemma="attack")


def test_subject_acts_on_object(en: Lexicon) -> None:
    words = [W("Rebels", "NOUN", "nsubj", 1), ATTACKED, W("soldiers", "NOUN", "dobj", 1)]
    who = {0: ("rebels", ""), 2: ("army", "state_forces")}
    assert _ids(_roles(en, words, 1, who)) == ("rebels", "army")


def test_the_passive_subject_is_the_target(en: Lexicon) -> None:
    words = [
        W("Soldiers", "NOUN", "nsubjpass", 2),
        W("were", "AUX", "auxpass", 2),
        W("attacked", "VERB", "ROOT", lemma="attack", morph="Voice=Pass"),
        W("by", "ADP", "agent", 2),
        W("rebels", "NOUN", "pobj", 3),
    ]
    who = {0: ("army", "state_forces"), 4: ("rebels", "")}
    assert _ids(_roles(en, words, 2, who)) == ("rebels", "army")


def test_who_reports_it_has_no_role(en: Lexicon) -> None:
    words = [
        W("Rebels", "NOUN", "nsubj", 1),
        ATTACKED,
        W("a", "DET", "det", 3),
        W("village", "NOUN", "dobj", 1),
        W(",", "PUNCT", "punct", 1),
        W("police", "NOUN", "nsubj", 6),
        W("said", "VERB", "parataxis", 1, lemma="say"),
    ]
    who = {0: ("rebels", ""), 5: ("police", "state_forces")}
    assert _ids(_roles(en, words, 1, who)) == ("rebels", None)


def test_civilians_are_never_the_perpetrator(en: Lexicon) -> None:
    words = [W("Villagers", "NOUN", "nsubj", 1), ATTACKED, W("troops", "NOUN", "dobj", 1)]
    who = {0: ("civilians", "civilians"), 2: ("army", "state_forces")}
    assert _ids(_roles(en, words, 1, who)) == (None, "civilians")


def test_arabic_roles_by_word_order_and_preposition(ar: Lexicon) -> None:
    words = ["هاجم", "مسلحون", "على", "الجيش"]
    who = {1: ("gunmen", ""), 3: ("army", "state_forces")}
    assert _ids(_roles(ar, words, 0, who)) == ("gunmen", "army")


@pytest.mark.parametrize("held", ["مواقع", "مقرات", "آليات"])
def test_an_arabic_actor_whose_positions_are_hit_is_the_target(ar: Lexicon, held: str) -> None:
    # "قصفت وحدات ... مواقع الجيش": an unnamed subject shelled the army's positions; the
    # army is the target even with no actor named before it.
    words = ["قصفت", "وحدات", "المتمردين", held, "الجيش"]
    assert _ids(_roles(ar, words, 0, {4: ("army", "state_forces")})) == (None, "army")


def test_no_actor_no_roles(en: Lexicon) -> None:
    assert _roles(en, [W("Rebels", "NOUN", "nsubj", 1), ATTACKED], 1, {}) == Roles()


def test_civilians_are_the_target_unless_they_modify_a_noun(en: Lexicon) -> None:
    victims = tokens([W("Gunmen"), ATTACKED, W("families", "NOUN", "dobj", 1)])
    assert civilian_target(en, [Match(1, 2, None)], victims)
    camp = tokens(
        [
            W("Gunmen"),
            ATTACKED,
            W("a", "DET", "det", 3),
            W("camp", "NOUN", "dobj", 1),
            W("for", "ADP", "case", 5),
            W("families", "NOUN", "nmod", 3),
        ]
    )
    assert not civilian_target(en, [Match(1, 2, None)], camp)


def test_an_arabic_attack_adjective_names_who_did_it(ar: Lexicon) -> None:
    # "قصف شمالي على البلدة": the actor's words hold the trigger (the owner's adjective).
    toks = tokens(["قصف", "شمالي", "على", "البلدة"])
    m = trigger(ar, toks, 0)
    owner = actor(toks, 0, 1, "northland-army", "state_forces")
    s = sentence(toks, actors=[owner], language="ar")
    assert read_roles(ar, Typing.of(m.payload), [m], toks, s).actor1 == owner


def test_who_backs_the_doer_has_no_role(en: Lexicon) -> None:
    # "Rebels, backed by Northland troops, seized the town": Northland backs them.
    words = [
        W("Rebels", "NOUN", "nsubj", 5),
        W(",", "PUNCT", "punct", 0),
        W("backed", "VERB", "acl", 0),
        W("by", "ADP", "agent", 2),
        W("Northland", "PROPN", "pobj", 3),
        W("attacked", "VERB", "ROOT", lemma="attack"),
        W("Eastport", "PROPN", "dobj", 5),
    ]
    who = {0: ("rebels", ""), 4: ("northland", "state_forces")}
    assert _ids(_roles(en, words, 5, who))[0] == "rebels"


def test_the_agent_of_a_verb_of_doing_on_the_acts_noun_did_it(en: Lexicon) -> None:
    # "An attack carried out by Northland troops hit Eastport": the participle of a verb
    # of doing hangs on the act's noun, its agent is the doer (no backer of a doer).
    words = [
        W("An", "DET", "det", 1),
        W("attack", "NOUN", "nsubj", 6, lemma="attack"),
        W("carried", "VERB", "acl", 1, lemma="carry"),
        W("out", "ADP", "prt", 2),
        W("by", "ADP", "agent", 2),
        W("Northland", "PROPN", "pobj", 4),
        W("hit", "VERB", "ROOT", lemma="hit"),
        W("Eastport", "PROPN", "dobj", 6),
    ]
    who = {5: ("northland", "state_forces")}
    assert _ids(_roles(en, words, 1, who)) == ("northland", None)
    # "An attack condemned by Northland": who comments on it did not do it.
    words[2] = W("condemned", "VERB", "acl", 1, lemma="condemn")
    assert _ids(_roles(en, words, 1, who))[0] is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Une frappe aérienne menée mardi par l'armée française près de Gao a tué six civils.",
            "fr",
        ),
        ("Une attaque lancée par l'armée française près de Gao a fait six morts mardi.", "fr"),
        (
            "An air strike carried out by French forces near Gao killed six civilians on Tuesday.",
            "en",
        ),
        ("An assault launched by French troops on Tuesday near Gao left six people dead.", "en"),
    ],
)
def test_the_agent_of_a_participle_on_the_act_is_its_doer(
    text: str, language: str, pipeline: Any
) -> None:
    events = pipeline.run([Article(id="t", text=text, language=language, published="2024-05-08")])
    assert [e.actor1 and e.actor1.name for e in events] == ["Military Forces of France"]


def test_the_forces_of_excessive_force_did_it_however_the_parse_hangs_them(
    pipeline: Any,
) -> None:
    # The forces' noun is the subject of a verb of their own ("answered"), not of the
    # protest the sentence opens on: force used on protesters is still their act.
    e = only_event(
        pipeline,
        "Hundreds of demonstrators pushed past the airport fence in Ayacucho on Thursday "
        "until soldiers answered with tear gas and live ammunition, killing two.",
    )
    assert e.sub_event_type == "Excessive force against protesters"
    assert e.actor1 is not None and e.actor1.name == "Military Forces of Peru"
    assert e.actor2 is not None and e.actor2.name == "Protesters (Peru)"


def test_a_passive_elsewhere_does_not_turn_the_subject_of_the_attack(en: Lexicon) -> None:
    # "Two sailors were killed when Rebels attacked the port": the subject of
    # "attacked" (active) did it, whatever the passive of "killed".
    words = [
        W("Two", "NUM", "nummod", 1),
        W("sailors", "NOUN", "nsubjpass", 3),
        W("were", "AUX", "auxpass", 3),
        W("killed", "VERB", "ROOT", lemma="kill"),
        W("when", "SCONJ", "advmod", 5),
        W("Rebels", "NOUN", "nsubj", 6),
        W("attacked", "VERB", "advcl", 3, lemma="attack"),
        W("the", "DET", "det", 8),
        W("port", "NOUN", "dobj", 6),
    ]
    toks = tokens(words)
    rebels = actor(toks, 5, 5, "rebels")
    killed, attacked = trigger(en, toks, 3), trigger(en, toks, 6)
    s = sentence(toks, actors=[rebels])
    roles = read_roles(en, Typing.of(attacked.payload), [killed, attacked], toks, s)
    assert roles.actor1 == rebels


def test_an_attack_on_a_civilian_site(en: Lexicon, ar: Lexicon) -> None:
    from veille.extract.victims import civilian_site_target

    words = [
        W("Gunmen", "NOUN", "nsubj", 1),
        W("attacked", "VERB", "ROOT", lemma="attack"),
        W("a", "DET", "det", 3),
        W("market", "NOUN", "dobj", 1),
    ]
    toks = tokens(words)
    assert civilian_site_target(en, [trigger(en, toks, 1)], toks, "en")
    words[3] = W("barracks", "NOUN", "dobj", 1)
    toks = tokens(words)
    assert not civilian_site_target(en, [trigger(en, toks, 1)], toks, "en")
    toks = tokens(["هجوم", "مسلح", "على", "سوق", "البلدة"])
    assert civilian_site_target(ar, [trigger(ar, toks, 0)], toks, "ar")


@pytest.mark.parametrize(
    "words",
    [
        # "the police announce an attack": SVO, then VSO, with "about" after the verb
        ["الشرطة", "تعلن", "عن", "هجوم", "على", "الحاجز"],
        ["اعلنت", "الشرطة", "عن", "هجوم", "على", "الحاجز"],
    ],
)
def test_an_arabic_actor_announcing_an_act_tells_it(ar: Lexicon, words: list[str]) -> None:
    police = words.index("الشرطة")
    roles = _roles(ar, words, 3, {police: ("police", "state_forces")})
    assert roles.actor1 is None, roles


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        (
            "At least 15 people were killed when an army air strike hit a crowded market "
            "in Nyala on Monday.",
            "Military Forces of Sudan",
        ),
        # a guard: right before the rule, through another reading of the parse
        ("Four people died when a police raid hit a house in Kano on Monday.", None),
    ],
)
def test_forces_named_before_the_acts_noun_did_it(
    pipeline: Any, text: str, doer: str | None
) -> None:
    # "an army air strike": the forces compounded with the act's noun carried it out,
    # and are no target of it.
    e = only_event(pipeline, text)
    assert e.actor2 is None or "Forces" not in e.actor2.name
    if doer is not None:
        assert e.actor1 is not None and e.actor1.name == doer
    else:
        assert e.actor1 is not None and e.actor1.name.startswith("Police Forces")


def only_event(pipeline: Any, text: str) -> Any:
    events = pipeline.run([Article(id="r", text=text, language="en", published="2025-03-12")])
    assert len(events) == 1, events
    return events[0]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("An Israeli drone targeted a car near Tyre on Monday, killing two men.", "en"),
        ("Un drone israélien a ciblé une voiture près de Tyr lundi, tuant deux hommes.", "fr"),
    ],
)
def test_the_subject_of_a_verb_of_targeting_is_the_doer(
    text: str, language: str, pipeline: Any
) -> None:
    # "targeted" is spelt like "the target of" (a noun of victims), but is the act: its
    # subject's side did it.
    events = pipeline.run([Article(id="t", text=text, language=language, published="2025-03-12")])
    assert [(e.actor1 and e.actor1.name, e.actor2) for e in events] == [
        ("Military Forces of Israel", None)
    ]


def test_the_subject_of_a_noun_of_victims_is_the_target(pipeline: Any) -> None:
    # A guard: "the base was the target of a drone attack": the base's side was hit.
    e = only_event(pipeline, "The army base was the target of a drone attack near Gao on Monday.")
    assert e.actor1 is None and e.actor2 is not None and e.actor2.name == "Military Forces of Mali"


@pytest.mark.parametrize(
    ("text", "language", "doer"),
    [
        (
            "L'artillerie israélienne a pilonné lundi les abords de Kfar Kila.",
            "fr",
            "Military Forces of Israel",
        ),
        ("Des roquettes russes ont frappé Kharkiv lundi.", "fr", "Military Forces of Russia"),
        (
            "قصفت المدفعية الإسرائيلية أطراف بلدة كفركلا في جنوب لبنان يوم الاثنين.",
            "ar",
            "Military Forces of Israel",
        ),
        (
            "قتل أربعة أشخاص في هجوم صاروخي روسي على مدينة أوديسا الأوكرانية الليلة الماضية.",
            "ar",
            "Military Forces of Russia",
        ),
    ],
)
def test_a_weapon_named_with_a_peoples_adjective_names_its_forces(
    pipeline: Any, text: str, language: str, doer: str
) -> None:
    # «l'artillerie israélienne», «هجوم صاروخي روسي»: the forces whose weapon it was did it.
    events = pipeline.run([Article(id="w", text=text, language=language, published="2025-03-12")])
    assert [e.actor1.name if e.actor1 else None for e in events] == [doer]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("M23 rebels and Congolese troops exchanged fire near Sake on Thursday.", "en"),
        (
            "Les rebelles du M23 et l'armée congolaise ont échangé des tirs jeudi près de Sake.",
            "fr",
        ),
        ("تبادل متمردو حركة 23 مارس والجيش الكونغولي إطلاق النار قرب ساكي الخميس.", "ar"),
    ],
)
def test_two_sides_named_together_as_who_fought_fought_each_other(
    pipeline: Any, text: str, language: str
) -> None:
    events = pipeline.run([Article(id="x", text=text, language=language, published="2025-03-12")])
    assert [(e.actor1 and e.actor1.name, e.actor2 and e.actor2.name) for e in events] == [
        ("M23: March 23 Movement", "Military Forces of the Democratic Republic of Congo")
    ]


def test_sides_named_together_before_a_side_they_fought_are_allies(pipeline: Any) -> None:
    # A guard: with a side after the verb, the two before it fought it together.
    e = only_event(
        pipeline, "The army and allied militias fought RSF fighters near El Obeid on Monday."
    )
    assert e.actor1 is not None and e.actor1.name == "Military Forces of Sudan"
    assert e.actor2 is not None and e.actor2.name == "Rapid Support Forces"


def test_the_antecedent_of_a_relative_subject_did_it(en: Lexicon) -> None:
    # "The rebels, who attacked the soldiers, fled": the relative pronoun stands for
    # the noun it hangs on.
    words = [
        W("The", "DET", "det", 1),
        W("rebels", "NOUN", "nsubj", 7),
        W(",", "PUNCT", "punct", 1),
        W("who", "PRON", "nsubj", 4),
        W("attacked", "VERB", "relcl", 1, lemma="attack"),
        W("the", "DET", "det", 6),
        W("soldiers", "NOUN", "dobj", 4),
        W("fled", "VERB", "ROOT", 7, lemma="flee"),
    ]
    who = {1: ("rebels", ""), 6: ("army", "state_forces")}
    assert _ids(_roles(en, words, 4, who)) == ("rebels", "army")


def test_the_antecedent_of_a_passive_relative_subject_was_hit(en: Lexicon) -> None:
    # "The soldiers, who were attacked by rebels, fled": the antecedent of a passive
    # relative is its target.
    words = [
        W("The", "DET", "det", 1),
        W("soldiers", "NOUN", "nsubj", 10),
        W(",", "PUNCT", "punct", 1),
        W("who", "PRON", "nsubjpass", 5),
        W("were", "AUX", "auxpass", 5),
        W("attacked", "VERB", "relcl", 1, lemma="attack", morph="Voice=Pass"),
        W("by", "ADP", "agent", 5),
        W("rebels", "NOUN", "pobj", 6),
        W(",", "PUNCT", "punct", 1),
        W("quickly", "ADV", "advmod", 10),
        W("fled", "VERB", "ROOT", 10, lemma="flee"),
    ]
    who = {1: ("army", "state_forces"), 7: ("rebels", "")}
    assert _ids(_roles(en, words, 5, who)) == ("rebels", "army")


def test_a_target_preposition_below_an_agent_marks_the_target(pipeline: Any) -> None:
    # The parser hangs «contre un convoi de la Minusca» on «armés», inside the phrase of
    # the agent of «conduite»: the mission was attacked; it had been read as the doer.
    text = (
        "Une attaque conduite par des assaillants armés contre un convoi de la Minusca a blessé "
        "deux casques bleus près de Bria."
    )
    art = Article(id="r", text=text, language="fr", published="2025-03-12")
    (event,) = pipeline.run([art])
    assert event.actor1 is None
    assert event.actor2 is not None and event.actor2.id.startswith("minusca")


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("Israel's strikes on Gaza City killed 20 people on Monday.", "military-forces-isr"),
        ("Russia's missile attack on Kharkiv killed 12 people on Monday.", "military-forces-rus"),
    ],
)
def test_a_country_in_the_possessive_on_the_act_is_its_doer(
    pipeline: Any, text: str, doer: str
) -> None:
    art = Article(id="r", text=text, language="en", published="2025-03-12")
    assert [e.actor1.id if e.actor1 else None for e in pipeline.run([art])] == [doer]


def test_a_pronoun_after_the_acts_own_subject_is_not_the_teller(en: Lexicon) -> None:
    # "Gunmen killed nine villagers after they stormed a market, police said": "they"
    # stands for the gunmen, so the police only tell the act.
    words = [
        W("Gunmen", "NOUN", "nsubj", 1),
        W("killed", "VERB", "ccomp", 10, lemma="kill"),
        W("nine", "NUM", "nummod", 3),
        W("villagers", "NOUN", "dobj", 1),
        W("after", "SCONJ", "mark", 6),
        W("they", "PRON", "nsubj", 6),
        W("stormed", "VERB", "advcl", 1, lemma="storm"),
        W("market", "NOUN", "dobj", 6),
        W(",", "PUNCT", "punct", 10),
        W("police", "NOUN", "nsubj", 10),
        W("said", "VERB", "ROOT", lemma="say"),
    ]
    toks = tokens(words)
    group = [trigger(en, toks, 1), trigger(en, toks, 6)]
    s = sentence(toks, actors=[actor(toks, 9, 9, "police", "state_forces")], language="en")
    roles = read_roles(en, Typing.of(group[0].payload), group, toks, s)
    assert _ids(roles) == (None, None)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Dans le cadre de l'opération de sécurisation du territoire, les Forces armées"
            " maliennes ont mené jeudi des frappes aériennes sur des positions près de"
            " Douentza, neutralisant une quinzaine de combattants.",
            "fr",
        ),
    ],
)
def test_a_framing_operation_before_the_doer_does_not_make_it_the_target(
    pipeline: Any, text: str, language: str
) -> None:
    # The operation word opens the sentence; the forces named after it struck.
    art = Article(id="r", text=text, language=language, published="2024-04-20")
    (event,) = pipeline.run([art])
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Mali"
    assert event.actor2 is None or event.actor2.name != "Military Forces of Mali"


@pytest.mark.parametrize(
    ("text", "language", "army"),
    [
        (
            "Heavy clashes erupted near Kidal on Tuesday between the army and separatist rebels.",
            "en",
            "military-forces-mli",
        ),
        (
            "De violents combats ont opposé lundi l'armée congolaise aux rebelles près de Goma.",
            "fr",
            "military-forces-cod",
        ),
        (
            "اندلعت اشتباكات عنيفة يوم الاثنين قرب مدينة الفاشر بين الجيش السوداني ومسلحين"
            " مجهولين.",
            "ar",
            "military-forces-sdn",
        ),
    ],
)
def test_the_first_of_a_pair_is_actor_one_when_only_it_is_named(
    pipeline: Any, text: str, language: str, army: str
) -> None:
    # "between X and Y" with Y no known actor: X is still the first side listed.
    art = Article(id="r", text=text, language=language, published="2025-03-12")
    (event,) = pipeline.run([art])
    assert event.actor1 is not None and event.actor1.id == army


def test_an_act_the_parse_makes_a_second_subject_of_telling_is_no_teller() -> None:
    # "Rebel raids killed ten villagers, officials said", parsed as spaCy's English model
    # does with a reduced relative: "raids" and "officials" both subjects of "said".
    toks = tokens(
        [
            W("Rebel", "ADJ", "amod", 1),
            W("raids", "NOUN", "nsubj", 7),
            W("killed", "VERB", "acl", 1, lemma="kill"),
            W("ten", "NUM", "nummod", 4),
            W("villagers", "NOUN", "dobj", 2),
            W(",", "PUNCT", "punct", 7),
            W("officials", "NOUN", "nsubj", 7),
            W("said", "VERB", "ROOT", lemma="say"),
        ]
    )
    assert not is_reporter(0, toks, {7}) and not is_reporter(1, toks, {7})
    assert is_reporter(6, toks, {7})  # the subject next to the verb tells it


def test_a_phrase_between_a_comma_and_a_verb_of_telling_tells_it() -> None:
    # "Raiders killed nine in two hamlets near the river, police and villagers said",
    # with "police" parsed as a conjunct of the place before the comma.
    toks = tokens(
        [
            W("Raiders", "NOUN", "nsubj", 1),
            W("killed", "VERB", "ccomp", 9, lemma="kill"),
            W("nine", "NUM", "dobj", 1),
            W("near", "ADP", "prep", 1),
            W("the", "DET", "det", 5),
            W("river", "NOUN", "pobj", 3),
            W(",", "PUNCT", "punct", 5),
            W("police", "NOUN", "conj", 5),
            W("and", "CCONJ", "cc", 7),
            W("villagers", "NOUN", "conj", 7),
            W("said", "VERB", "ROOT", lemma="say"),
        ]
    )
    tokens_said = {10}
    assert is_reporter(7, toks, tokens_said) and is_reporter(9, toks, tokens_said)
    assert not is_reporter(0, toks, tokens_said)  # the subject of the act told
    # Not a teller where a verb stands between it and the verb of telling.
    assert not is_reporter(7, toks, set())


def test_a_clause_of_concurrence_with_its_own_doer_tells_another_act(pipeline: Any) -> None:
    # Before, the rockets joined the strikes' group and the group firing them became the
    # side the strikes hit.
    text = (
        "Israeli air strikes on villages near Tyre killed nine people on Monday, "
        "officials said, as Hezbollah fired rockets towards the town of Safed."
    )
    art = Article(id="t", text=text, language="en", published="2025-03-12")
    events = pipeline.process_article(art).events
    pairs = {(e.actor1 and e.actor1.id, e.actor2 and e.actor2.id) for e in events}
    assert ("military-forces-isr", "hezbollah") not in pairs
    assert any(e.actor1 and e.actor1.id == "hezbollah" for e in events)


def test_the_subject_of_an_active_verb_of_killing_with_an_object_killed(pipeline: Any) -> None:
    # "kills 15" has its victims as object: its subject's owner did it. Before, any
    # subject of a verb of death was read as the side hit ("two soldiers died").
    art = Article(
        id="t",
        text="Myanmar junta air strike kills 11 in village near Monywa, residents say",
        language="en",
        published="2025-03-12",
    )
    (event,) = pipeline.process_article(art).events
    assert event.actor1 is not None and event.actor1.id == "military-forces-mmr"


def test_a_spokesman_for_a_group_closing_the_sentence_tells_the_act() -> None:
    # "Jets bombed a village, a spokesman for the Karen National Union told reporters",
    # the spokesman parsed as an apposition of the village.
    toks = tokens(
        [
            W("Jets", "NOUN", "nsubj", 1),
            W("bombed", "VERB", "ccomp", 11, lemma="bomb"),
            W("a", "DET", "det", 3),
            W("village", "NOUN", "dobj", 1),
            W(",", "PUNCT", "punct", 3),
            W("a", "DET", "det", 6),
            W("spokesman", "NOUN", "appos", 3),
            W("for", "ADP", "prep", 6),
            W("the", "DET", "det", 10),
            W("Karen", "PROPN", "compound", 10),
            W("Union", "PROPN", "pobj", 7),
            W("told", "VERB", "ROOT", lemma="tell"),
            W("reporters", "NOUN", "dobj", 11),
        ]
    )
    assert is_reporter(10, toks, {11})
