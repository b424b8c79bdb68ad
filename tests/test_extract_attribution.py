"""Attribution (veille.extract.attribution): claims, denials, confirmations, reports.
Sentences invented."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from sentence_builder import W, actor, sentence, tokens
from veille.extract.attribution import Attribution, attribute
from veille.extract.candidate import ActorRef
from veille.extract.lexicon import Lexicon
from veille.model import Article


@pytest.fixture(scope="module")
def en() -> Lexicon:
    return Lexicon.load("en")


def _attribute(
    lex: Lexicon,
    words: Sequence[W | str],
    who: dict[int, str],
    roles: tuple[int | None, int | None] = (None, None),
    kind: str = "article",
) -> tuple[Attribution, dict[int, ActorRef]]:
    toks = tokens(words)
    refs = {i: actor(toks, i, i, name) for i, name in who.items()}
    s = sentence(toks, actors=list(refs.values()), source_kind=kind)
    a1, a2 = (refs[i] if i is not None else None for i in roles)
    return attribute(lex, toks, s, a1, a2), refs


def test_a_denial(en: Lexicon) -> None:
    words: list[W | str] = ["The", "militia", W("denied", lemma="deny"), "the", "attack"]
    att, _ = _attribute(en, words, {1: "militia"})
    assert (att.status, att.by, att.via, att.agent) == ("denied", "Militia", "statement", None)


def test_a_claim_names_the_agent_the_roles_missed(en: Lexicon) -> None:
    words = ["The", "militia", "claimed", "responsibility", "for", "the", "attack"]
    att, refs = _attribute(en, words, {1: "militia"})
    assert (att.status, att.by, att.agent) == ("claimed", "Militia", refs[1])
    # Already the target: not its own agent.
    att, _ = _attribute(en, words, {1: "militia"}, roles=(None, 1))
    assert att.status == "claimed" and att.agent is None


def test_an_authority_reporting_confirms(en: Lexicon) -> None:
    words: list[W | str] = [
        "Rebels",
        "attacked",
        "a",
        "town",
        ",",
        "the",
        "ministry",
        W("said", lemma="say"),
    ]
    att, _ = _attribute(en, words, {6: "ministry"})
    assert (att.status, att.by, att.via) == ("confirmed", "Ministry", "official")


def test_an_army_announcing_its_own_operation_claims_it(en: Lexicon) -> None:
    words: list[W | str] = ["The", "army", W("said", lemma="say"), "it", "struck", "a", "depot"]
    att, _ = _attribute(en, words, {1: "army"}, roles=(1, None))
    assert (att.status, att.via) == ("claimed", "statement")


def test_the_doer_an_authority_tells_of_does_not_claim_it(pipeline: Any) -> None:
    # The doer's name stands near the authority's noun, across the telling verb: the
    # health ministry of the side hit confirms, the doer claims nothing.
    text = "Ukraine's health ministry said Russian missiles killed five people in Kharkiv on Monday"
    (e,) = pipeline.run([Article(id="t", text=text, language="en", published="2024-05-08")])
    assert e.actor1 is not None and e.actor1.name == "Military Forces of Russia"
    assert e.claim is not None and e.claim.status == "confirmed"


def test_a_states_ministry_telling_of_its_own_forces_claims(pipeline: Any) -> None:
    # The state names the ministry (its possessor) and its forces did it: a claim, though
    # the doer's adjective stands across the telling verb.
    text = "Russia's foreign ministry said Russian aircraft struck a depot near Kharkiv on Monday"
    (e,) = pipeline.run([Article(id="t", text=text, language="en", published="2024-05-08")])
    assert e.claim is not None and e.claim.status == "claimed"


def test_the_media_report_it(en: Lexicon) -> None:
    words: list[W | str] = [
        "Rebels",
        "attacked",
        "a",
        "town",
        ",",
        "local",
        "media",
        W("said", lemma="say"),
    ]
    att, _ = _attribute(en, words, {})
    assert (att.status, att.by, att.via) == ("reported", None, "media")
    assert att.span is not None


def test_nothing_said_the_article_or_post_tells_it(en: Lexicon) -> None:
    words = ["Rebels", "attacked", "a", "town"]
    assert _attribute(en, words, {})[0] == Attribution("reported", None, "article")
    assert _attribute(en, words, {}, kind="embedded_post")[0].via == "post"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Twelve villagers were killed when a blast hit a camp near Gao late on Monday, "
            "a local militia said, accusing the Malian army of carrying out the attack.",
            "en",
        ),
        (
            "Douze villageois ont été tués lundi dans l'explosion d'une bombe près de Gao, et "
            "une milice locale a accusé l'armée malienne d'avoir mené l'attaque.",
            "fr",
        ),
    ],
)
def test_the_accused_of_the_act_is_its_alleged_doer(
    pipeline: Any, text: str, language: str
) -> None:
    # Who a teller accuses of the act did it, by the teller's account: the act's actor 1
    # (not its target, nor an army confirming it), reported, not confirmed.
    art = Article(id="a", text=text, language=language, published="2025-03-12")
    events = pipeline.run([art])
    assert len(events) == 1
    e = events[0]
    assert e.actor1 is not None and e.actor1.name == "Military Forces of Mali"
    assert e.actor2 is None or e.actor2.name != "Military Forces of Mali"
    assert e.claim is not None and e.claim.status == "reported"


def test_an_accusation_of_no_act_of_the_sentence_names_no_doer(pipeline: Any) -> None:
    # A guard: suspected of being an informer for a group, not of the act told, the
    # group did not do it (a verb of suspecting is a cue only before the act).
    text = (
        "À Gao, la foule a lynché mardi un homme qu'elle soupçonnait d'être un informateur du JNIM."
    )
    art = Article(id="b", text=text, language="fr", published="2025-03-12")
    assert all(e.actor1 is None or "JNIM" not in e.actor1.name for e in pipeline.run([art]))


def test_a_doer_named_after_its_verb_of_saying_claims(pipeline: Any) -> None:
    # "..., said the Houthis": the subject after its verb is who tells; the doer telling
    # of its own act claims it.
    text = "The Houthis fired two missiles at a tanker off Mokha on Tuesday, said the Houthis."
    art = Article(id="a", text=text, language="en", published="2024-02-21")
    events = pipeline.run([art])
    assert [e.claim.status for e in events if e.claim] == ["claimed"]


def test_an_act_denied_beside_an_accusation_keeps_its_own_doer(pipeline: Any) -> None:
    # "X denied targeting civilians and accused the army of ...": the act denied is the
    # one told before, X's; the accused army did not do it.
    text = (
        "At least nine civilians were killed on Sunday when RSF shells hit a market in "
        "Kadugli, activists said. The RSF denied targeting civilians and accused the army "
        "of bombing its positions."
    )
    art = Article(id="a", text=text, language="en", published="2025-03-10")
    events = pipeline.run([art])
    assert [e.actor1.name if e.actor1 else None for e in events] == ["Rapid Support Forces"]


def test_a_claimed_act_its_relative_clause_describes_is_told_whatever_the_parse(
    pipeline: Any,
) -> None:
    # The parser splits «attentat-suicide» at the hyphen and hangs the relative clause on
    # the verb: the pronoun right after the noun still describes it, so it is told.
    text = (
        "Le groupe État islamique a revendiqué l'attentat-suicide qui a fait au moins "
        "15 morts vendredi dans une mosquée de Peshawar."
    )
    events = pipeline.run([Article(id="c", text=text, language="fr", published="2024-03-12")])
    told = [(e.sub_event_type, e.fatalities, e.claim.status if e.claim else None) for e in events]
    assert told == [("Suicide bomb", 15, "claimed")]


def test_an_army_announcing_the_death_of_its_soldiers_claims_no_act(pipeline: Any) -> None:
    art = Article(
        id="a",
        text="The Malian army announced the death of two soldiers in an ambush near Gao on Monday.",
        language="en",
        published="2025-03-12",
    )
    (event,) = pipeline.run([art])
    assert event.actor1 is None or event.actor1.id != "military-forces-mli"
    assert event.actor2 is not None and event.actor2.id == "military-forces-mli"
    assert event.claim is not None and event.claim.status == "confirmed"


@pytest.mark.parametrize("verb", ["condemned", "deplored"])
def test_who_condemns_a_dated_act_is_no_side_of_it(pipeline: Any, verb: str) -> None:
    art = Article(
        id="a",
        text=f"The FLA {verb} the drone strike on Tuesday near Kidal that killed four civilians.",
        language="en",
        published="2025-03-12",
    )
    (event,) = pipeline.run([art])
    assert event.actor1 is None or event.actor1.id != "fla"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The FLA deplored the strikes on nomad camps.", "en"),
        ("Le FLA déplore les frappes contre les campements de nomades.", "fr"),
    ],
)
def test_acts_deplored_with_no_day_are_no_event(pipeline: Any, text: str, lang: str) -> None:
    art = Article(id="a", text=text, language=lang, published="2025-03-12")
    assert pipeline.run([art]) == []


@pytest.mark.parametrize(
    ("text", "language", "army"),
    [
        (
            "The Ukrainian military said six soldiers were killed in fighting in Russia's"
            " Kursk region on Sunday.",
            "en",
            "military-forces-ukr",
        ),
        (
            "L'armée malienne a indiqué dimanche que quatre soldats avaient été tués dans des"
            " combats au Burkina Faso, près de Djibo.",
            "fr",
            "military-forces-mli",
        ),
    ],
)
def test_the_soldiers_an_army_says_it_lost_abroad_are_its_own(
    pipeline: Any, text: str, language: str, army: str
) -> None:
    # The bare "soldiers" are the telling army's, not the forces of the country where
    # they fell; the army is named as the source (confirmed), not as the doer.
    art = Article(id="a", text=text, language=language, published="2025-03-12")
    (event,) = pipeline.run([art])
    assert event.actor2 is not None and event.actor2.id == army
    assert event.actor1 is None or event.actor1.id != army


@pytest.mark.parametrize(
    ("text", "language", "status"),
    [
        (
            "Militiamen stormed the village of Tawila on Sunday, killing 30 residents,"
            " activists said. The militia has previously denied targeting civilians.",
            "en",
            "reported",
        ),
        (
            "Des miliciens ont attaqué dimanche le village de Tawila, tuant 30 habitants. La"
            " milice a toujours nié cibler des civils.",
            "fr",
            "reported",
        ),
        # guard: a denial with no adverb of the past denies this act
        (
            "Militiamen stormed the village of Tawila on Sunday, killing 30 residents,"
            " activists said. The militia denied targeting civilians.",
            "en",
            "denied",
        ),
    ],
)
def test_a_denial_of_the_past_or_a_habit_denies_no_act_of_the_report(
    pipeline: Any, text: str, language: str, status: str
) -> None:
    art = Article(id="a", text=text, language=language, published="2025-03-12")
    (event,) = pipeline.run([art])
    assert event.claim is not None and event.claim.status == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "Gunmen raided the village of Maru on Tuesday after government troops withdrew,"
            " residents said.",
            "reported",
        ),
        # guard: the authority is the verb's own subject
        ("Gunmen raided the village of Maru on Tuesday, police said.", "confirmed"),
    ],
)
def test_an_authority_in_another_clause_is_not_the_teller(
    pipeline: Any, text: str, status: str
) -> None:
    # "government" stands near "said", but the residents tell it.
    art = Article(id="a", text=text, language="en", published="2025-03-12")
    events = pipeline.run([art])
    assert [e.claim.status if e.claim else None for e in events] == [status]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # The army's servicemen who killed are its doers, not its losses.
        ("Troops killed 12 militants near Gao on Sunday, the army said.", "en"),
        ("Des soldats ont tué douze jihadistes dimanche près de Gao, a annoncé l'armée.", "fr"),
    ],
)
def test_servicemen_who_kill_are_the_armys_doers_not_its_losses(
    pipeline: Any, text: str, language: str
) -> None:
    events = pipeline.run([Article(id="o", text=text, language=language, published="2025-03-18")])
    assert [
        (e.actor1.name if e.actor1 else None, e.claim.status if e.claim else None) for e in events
    ] == [("Military Forces of Mali", "claimed")]


def test_servicemen_killed_are_still_the_armys_losses(pipeline: Any) -> None:
    text = "Two soldiers were killed near Gao on Sunday, the army said."
    events = pipeline.run([Article(id="o", text=text, language="en", published="2025-03-18")])
    assert [
        (e.actor2.name if e.actor2 else None, e.claim.status if e.claim else None) for e in events
    ] == [("Military Forces of Mali", "confirmed")]
