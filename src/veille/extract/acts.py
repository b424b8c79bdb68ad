"""How the acts one sentence tells stand to each other: an act that another caused
(an effect, "sparking protests") or that a crowd answers (a grievance, "protested against
the arrest of"), fighting told as the way ground was taken, arrests made at a protest,
and acts no one did (a natural hazard, an accident). ``veille.extract.sentence`` asks
these of the triggers and candidates it reads."""

from __future__ import annotations

from collections.abc import Set
from dataclasses import replace

from veille.extract.candidate import Candidate, SentenceInput
from veille.extract.lexicon import Lexicon, Match, Tok, TriggerEntry, WeaponEntry
from veille.extract.syntax import (
    SUBJECT_DEPS,
    TARGET_DEPS,
    ancestors,
    head_of,
    preposition_of,
)
from veille.extract.triggers import entry_family, in_antecedent
from veille.extract.triggers import group as group_triggers

#: Protests that met no force, or only the force an intervention tells.
MILDER_PROTESTS = frozenset({"Peaceful protest", "Protest with intervention"})


#: Sub-types of ground taken: the fighting told with it is how it was taken.
_GROUND = frozenset({"Non-state actor overtakes territory", "Government regains territory"})


def fighting_for_ground(out: list[Candidate]) -> list[Candidate]:
    """ "The army retook the district after heavy fighting with the RSF", «a repris le
    contrôle du quartier après de violents combats»: ACLED codes the taking of ground,
    which the fighting it tells with it led to, as one event."""
    if not any(c.sub_event_type in _GROUND for c in out):
        return out
    return [c for c in out if c.sub_event_type != "Armed clash"]


def grievances(toks: list[Tok], kept: list[Match]) -> set[int]:
    """The starts of the arrests a crowd answers ("protested against the arrest of ...",
    «ont manifesté après l'arrestation de ...»: ``in_antecedent``), and of a participle
    on the arrested that tells that arrest again ("... after the arrest of three
    leaders, detained by police at home")."""
    arrests = [m for m in kept if entry_family(m.payload) == "arrest"]
    answered = {m.start for m in arrests if in_antecedent(toks, m)}
    return {
        toks[m.start].start
        for m in arrests
        if m.start in answered
        or (answered and min(answered) < m.start and toks[m.start].dep == "acl")
    }


def arrests_at_a_protest(out: list[Candidate], grievances: Set[int]) -> list[Candidate]:
    """ "Police arrested 40 protesters in Dhaka", «a interpellé des manifestants»: arrests
    at a demonstration are its intervention (ACLED codes one "Protest with
    intervention", not an arrest beside a peaceful protest).

    An arrest the crowd answers ("protested against the arrest of their leaders", «ont
    manifesté après l'arrestation de ...»: ``grievances``, the starts of such triggers)
    is no force the protest met. It was done before, by others: an event of its own when
    the sentence gives it a day of its own ("after the arrest on Saturday of ..."),
    otherwise left out (its day is not told)."""
    arrests = [c for c in out if c.sub_event_type == "Arrests"]
    protests = [c for c in out if c.sub_event_type in MILDER_PROTESTS]
    if not arrests or not protests:
        return out
    answered = [c for c in arrests if c.trigger[0] in grievances]
    days = {c.event_date for c in protests}
    earlier = [
        c
        for c in answered
        if c.date_precision == "day" and c.event_date not in days and c.date_span is not None
    ]
    if len(answered) < len(arrests):
        # Who made the arrests faced the crowd (ACLED: the protest's second actor).
        arresting = next(
            (
                a.actor1
                for a in arrests
                if a not in answered
                and a.actor1 is not None
                and getattr(a.actor1.payload, "kind", "") == "state_forces"
            ),
            None,
        )
        for c in protests:
            c.kind = replace(c.kind, sub_event_type="Protest with intervention")
            if c.actor2 is None:
                c.actor2 = arresting
    return [c for c in out if c.sub_event_type != "Arrests" or c in earlier]


def effects(lex: Lexicon, kept: list[Match], s: SentenceInput) -> tuple[list[Match], bool]:
    """ "Police arrested the opposition leader in the capital, sparking protests across the
    country": an act that a verb of consequence makes the object of the sentence's own
    act is its effect. Summed up without a place of its own after that verb it is no
    event here (the article tells its scenes, or it stays untold), and never the type of
    the act that caused it: it is left out. With a place ("sparking protests in Kisumu")
    it stands as an event of its own, not a part of its cause. Returns the triggers kept
    and whether an effect stands among them."""
    verbs = lex.noun_classes.get("consequence_verbs", frozenset())
    toks = s.tokens
    effects: dict[int, bool] = {}  # id of the effect's match -> placed after its verb
    for m in kept:
        i = head_of(toks, m)
        verb = toks[i].head
        if toks[i].dep in ("obj", "dobj") and verb != i and toks[verb].keys & verbs:
            # A country ("protests across Kenya", a party's name) sums up; a town places.
            effects[id(m)] = any(
                p.start >= toks[verb].end and p.feature != "country" and not p.demonym
                for p in s.places
            )
    causes = [m for m in kept if id(m) not in effects]
    if not effects or not causes:
        return kept, False
    # An effect that would join the cause's telling ("the strike set off an explosion",
    # "the raid sparked a gunfight") is the same act: it stays, to type it with the rest.
    told = len(group_triggers(causes))
    apart = {id(m) for m in kept if id(m) in effects and len(group_triggers([*causes, m])) > told}
    out = [m for m in kept if id(m) not in apart or effects[id(m)]]
    return out, any(id(m) in apart for m in out)


def natural_cause(lex: Lexicon, acts: list[Match], s: SentenceInput) -> bool:
    """No one's act: a natural hazard (``hazards``) or an accident (``accident_verbs``)
    did what the trigger or death word tells ("An earthquake struck Herat, killing 12",
    "killed in the floods", "a boat capsized, killing 40", «des inondations ont frappé
    Derna», «ضرب زلزال المدينة»). Read from the parse: the hazard is the subject of the
    act's verb (or of the verb its clause hangs on), or its agent or place ("by", "in",
    «dans», «par»), or that verb is one of accident; unparsed (Arabic): the hazard
    stands right after the act's verb or a verb of hitting (``hazard_verbs``: «ضرب»,
    «اجتاح») or after a word of cause («جراء», «بسبب»), or an accident word comes
    before the act."""
    if not acts:
        return False
    if any(isinstance(m.payload, TriggerEntry) and m.payload.sub for m in acts):
        # "fighting killed 10 as the ceasefire collapsed", "killed in an ambush during a
        # storm": an act of a named kind is someone's, whatever hazard is told beside it.
        return False
    toks = s.tokens
    hazards = lex.noun_classes.get("hazards", frozenset())
    accidents = lex.noun_classes.get("accident_verbs", frozenset())
    found = [t.i for t in toks if t.keys & hazards]
    if not any(t.dep for t in toks):
        causes = lex.noun_classes.get("cause_words", frozenset())
        hitting = lex.noun_classes.get("hazard_verbs", frozenset())
        first = min(m.start for m in acts)
        return any(t.keys & accidents for t in toks[:first]) or any(
            any(0 <= h - m.end < _HAZARD_AFTER_VERB for m in acts)
            or (h > 0 and toks[h - 1].keys & causes)
            or any(t.keys & hitting for t in toks[max(0, h - _HAZARD_AFTER_VERB) : h])
            for h in found
        )
    preps = lex.noun_classes.get("hazard_prepositions", frozenset())
    for m in acts:
        i = head_of(toks, m)
        verbs = {i, *ancestors(toks, i, limit=2)}
        if any(toks[v].pos == "VERB" and toks[v].keys & accidents for v in verbs):
            return True
        for h in found:
            tok = toks[h]
            if tok.pos not in ("NOUN", "PROPN"):
                continue  # "protesters stormed the building": the verb, not a storm
            if tok.dep in ("nsubj", "agent", "obl:agent") and tok.head in verbs:
                return True
            if toks[i].dep in ("relcl", "acl:relcl") and toks[i].head == h:
                return True  # "a crash that killed nine", «l'accident qui a fait neuf morts»
            via, holder = preposition_of(toks, h)
            if via is not None and via.keys & preps and holder in verbs:
                return True
    return False


#: Words after an Arabic verb within which its subject stands («ضرب زلزال قوي المدينة»).
_HAZARD_AFTER_VERB = 3


#: Dependents that tell who or what did an act: its subject, its agent, a noun
#: compounded with it ("a shark attack", "a cyber attack").
_DOER_DEPS = frozenset({"nsubj", "agent", "obl:agent", "compound", "amod", "nmod"})
#: Words after an Arabic trigger within which its doer or target stands.
_AR_ARGUMENT_REACH = 3


def no_political_act(lex: Lexicon, m: Match, s: SentenceInput) -> bool:
    """An act no armed or political side did: an animal's or a hacker's
    (``not_armed_agents``: "a crocodile attacked a fisherman", "hackers attacked the
    ministry"), one on computers (``digital_targets``: «ont attaqué les serveurs», «هجوم
    إلكتروني»), a weapons test (``weapon_tests``: "test-fired a missile into the sea",
    «un tir d'essai»), an accidental blast (``accidental_blasts``: "a gas explosion"), a
    film shot (``media_works``), a protest by an office or a person (``_by_an_office``),
    fighting by no armed side (``unarmed_sides``: teams, candidates) or against an ill
    (``fought_ills``: an outbreak, a fire, a court). Read from the parse: the doer below
    the trigger or the agent of its verb, the target its object, the test word below it
    or right before it; unparsed (Arabic): the words right after the trigger."""
    toks = s.tokens
    classes = lex.noun_classes
    agents = classes.get("not_armed_agents", frozenset())
    digital = classes.get("digital_targets", frozenset())
    tests = classes.get("weapon_tests", frozenset())
    media = classes.get("media_works", frozenset())
    kind = entry_family(m.payload) if isinstance(m.payload, TriggerEntry) else None
    if kind == "remote":
        # "a gas explosion", "fireworks exploded", «l'explosion d'une bonbonne de gaz»,
        # «انفجار اسطوانة غاز»: what blew up is no one's weapon.
        agents = agents | classes.get("accidental_blasts", frozenset())
    if kind == "protest" and _by_an_office(m, toks, classes.get("not_crowds", frozenset())):
        return True
    fight = kind == "fight"
    if fight:
        # "the two teams clashed", "candidates clashed over", "doctors are fighting an
        # outbreak", «les deux équipes se sont affrontées»: no armed sides.
        agents = agents | classes.get("unarmed_sides", frozenset())
        digital = digital | classes.get("fought_ills", frozenset())
    before = toks[max(0, m.start - 2) : m.start]
    if any(t.keys & tests for t in before):
        return True  # "test-fired", «tir d'essai» told before
    if not any(t.dep for t in toks):
        after = toks[m.end : m.end + _AR_ARGUMENT_REACH]
        return any(t.keys & (agents | digital | tests | media) for t in after)
    inside = range(m.start, m.end)
    head = toks[head_of(toks, m)]
    if head.dep in ("acl", "amod") and toks[head.head].keys & media:
        return True  # "the film, shot in Beirut": a film was shot
    below = [t for t in toks if t.head in inside and t.i not in inside]
    for t in below:
        if t.keys & tests:
            return True
        if t.dep in _DOER_DEPS and t.keys & (agents | digital):
            return True  # "a shark attacked", "a cyber attack", "hackers attacked"
        if t.dep in TARGET_DEPS and t.keys & (digital | media):
            return True  # "attacked the servers", «ont attaqué les serveurs», "shot a video"
        if t.dep in SUBJECT_DEPS and any(
            c.head == t.i and c.keys & (digital | agents) for c in toks
        ):
            return True  # «des pirates informatiques ont attaqué», «des feux d'artifice»
        if t.dep == "agent" and any(c.head == t.i and c.keys & agents for c in toks):
            return True  # "was attacked by a shark": the doer is the object of "by"
    return False


#: The weapon kind of crewed aircraft (planes, helicopters): one that crashed had an
#: accident, where a drone or a missile that crashed was aimed.
_CREWED = "aircraft"


def _crewed(w: Match) -> bool:
    return isinstance(w.payload, WeaponEntry) and w.payload.weapon == _CREWED


def _by_an_office(m: Match, toks: list[Tok], offices: frozenset[str]) -> bool:
    """ "The ministry lodged a formal protest", «l'entraîneur a protesté contre
    l'arbitrage», «احتجت وزارة الخارجية»: a protest in words by an office or a person
    (its subject, or a word of formality on it: ``not_crowds``) is no crowd's (ACLED
    codes demonstrations); a protest before an embassy still is one. Unparsed
    (Arabic): the subject right after the verb."""
    if not any(t.dep for t in toks):
        return m.end < len(toks) and bool(toks[m.end].keys & offices)
    return any(
        m.start <= t.head < m.end
        and t.dep in ("nsubj", "nsubj:pass", "nsubjpass", "agent", "amod", "advmod")
        and bool(t.keys & offices)
        for t in toks
    )


def crashed_weapon(lex: Lexicon, weapons: list[Match], s: SentenceInput) -> bool:
    """ "A military plane crashed, killing eight", «un avion militaire s'est écrasé»,
    «تحطمت طائرة عسكرية»: every weapon the sentence names is what an accident verb
    (``accident_verbs``) tells of, its subject (its next words, in Arabic), so the weapon
    does not make the deaths someone's act; so is a weapon's word that only names what a
    hazard struck ("a mine collapse")."""
    if not weapons:
        return False
    toks = s.tokens
    accidents = lex.noun_classes.get("accident_verbs", frozenset())
    if not any(t.dep for t in toks):
        return all(
            _crewed(w) and any(t.keys & accidents for t in toks[max(0, w.start - 2) : w.start])
            for w in weapons
        )
    hazards = lex.noun_classes.get("hazards", frozenset())
    return all(
        any(
            (
                # a crewed aircraft: a drone or a missile that "crashed into" a building
                # was sent there
                _crewed(w)
                and toks[k].dep in ("nsubj", "nsubj:pass", "nsubjpass")
                and toks[toks[k].head].keys & accidents
            )
            # "a mine collapse": the word names what the accident struck
            or (toks[k].dep == "compound" and toks[toks[k].head].keys & hazards)
            for k in range(w.start, w.end)
        )
        for w in weapons
    )
