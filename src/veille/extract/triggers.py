"""Triggers: the words that name an event, which of them fit their sentence and how they
group into one happening (whether a mention refers to an event told before: ``anaphora``).

Trigger words live in the language's lexicon (``veille/lang/<lang>/triggers.json``,
``triggers``); this module reads them in a sentence (what a trigger acts on: ``objects``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from veille.extract.candidate import SentenceInput
from veille.extract.gatherings import no_protest
from veille.extract.intervention import lethal
from veille.extract.lexicon import Lexicon, Match, Tok, TriggerEntry, fold, time_phrase_end
from veille.extract.lexicon import longest_non_overlapping as _lno
from veille.extract.numbers import read_number
from veille.extract.objects import object_of_class, ruin_told_alone, subject_of_class
from veille.extract.syntax import ACTED_ON, TARGET_DEPS, after_a_noun, ancestors, preposition_of
from veille.extract.syntax import closes_the_object as closed_by
from veille.extract.taxonomy import family
from veille.extract.territory import (
    after_a_loss,
    control_of_no_ground,
    dates_the_verb,
    ground_named,
    takes_territory,
)
from veille.extract.weapons import doer_weapons
from veille.lang.loader import closed_words
from veille.nlp import arabic


def entry_family(entry: TriggerEntry) -> str:
    """The trigger's family ("protest", "remote", ...); "any" for a generic attack."""
    if entry.sub:
        return family(entry.sub)
    return "remote" if entry.generic == "remote" else "any"


def find_triggers(
    lex: Lexicon, s: SentenceInput, weapons: list[Match], armed_sense: bool = False
) -> list[Match]:
    """The sentence's trigger words (longest first, then highest rank) that fit it.
    ``armed_sense``: the text has used its armed-or-not words (``or_armed``: "strike")
    in their armed sense elsewhere (``armed_sense_in``)."""
    toks = s.tokens
    outlets = lex.noun_classes.get("outlets", frozenset())
    # «قناة «المسيرة»» (a channel named "the march"): an outlet's name is no trigger.
    found = [t for t in lex.triggers.find(toks) if not after_a_noun(toks, t.start, outlets)]
    # «ينص المقترح على ... وقف لإطلاق النار», "calls for a ceasefire": an agreement no one
    # concluded is no event, nor is the fire its name holds.
    agreed = [t for t in found if t.payload.concluded]
    fitting = [
        t
        for t in found
        if keeps(lex, t, toks, weapons, s, armed_sense)
        and not any(
            a.start <= t.start and t.end <= a.end and (a.start, a.end) != (t.start, t.end)
            for a in agreed
        )
    ]
    return _lno(
        _crowds_struck(_not_disposed(fitting, toks, weapons), toks, weapons),
        rank=lambda m: m.payload.rank,
    )


def _not_disposed(matches: list[Match], toks: list[Tok], weapons: list[Match]) -> list[Match]:
    """ "Troops defused a roadside bomb": the bomb a verb of disrupting acts on was never
    used; a weapon word of it that names an act by itself ("roadside bomb") is no second
    event."""
    disposed = {
        k
        for m in matches
        if m.payload.sub == "Disrupted weapons use"
        for w in _disposed_weapons(m, toks, weapons)
        for k in range(w.start, w.end)
    }
    return [
        m for m in matches if not (m.payload.sub != "Disrupted weapons use" and m.start in disposed)
    ]


#: The prepositions that lead from a strike to what it fell on ("a strike on a rally").
_ON = frozenset({"on", "against", "sur", "contre"})


def _crowds_struck(matches: list[Match], toks: list[Tok], weapons: list[Match]) -> list[Match]:
    """A gathering that an air strike, a drone or a shell fell on ("a drone struck a
    rally", «des drones ont frappé un rassemblement», "a strike on a crowd") is its
    target, not a demonstration. Fire on a march by forces on the ground is read by the
    crowd rules (excessive force), so only remote fire drops the protest word."""
    remote_arms = any(family(w.payload.sub) == "remote" for w in weapons)
    striking = {
        i
        for t in matches
        if entry_family(t.payload) == "remote" or (entry_family(t.payload) == "any" and remote_arms)
        for i in range(t.start, t.end)
    }
    if not striking:
        return matches

    def struck(m: Match) -> bool:
        if entry_family(m.payload) != "protest":
            return False
        tok = toks[m.end - 1]
        head = tok.head
        if tok.dep == "pobj" and fold(toks[head].text) in _ON:
            head = toks[head].head  # "a strike on a rally": rally <- on <- strike
        elif tok.dep in ("nmod", "obl") and any(
            t.head == tok.i and t.dep == "case" and fold(t.text) in _ON for t in toks
        ):
            pass  # «une frappe sur un rassemblement»: the noun hangs on the strike itself
        elif tok.dep not in TARGET_DEPS:
            return False
        return head in striking

    return [m for m in matches if not struck(m)]


def armed_sense_in(lex: Lexicon, sentences: list[SentenceInput]) -> bool:
    """One sense per discourse: whether a sentence of the text uses a word that is
    armed or not by context ("strike": an air strike or a work stoppage) in its armed
    sense by its own evidence (a weapon, an armed owner, a place struck, people harmed).
    A text that says "Israeli strikes hit two villages" means the same by "a strike on
    the road killed" and by "another strike was reported near the school"."""
    from veille.extract.weapons import find_weapons

    if not lex.has_or_armed:
        return False  # no word of the language is armed or not by context
    for s in sentences:
        toks = s.tokens
        matches = [m for m in lex.triggers.find(toks) if m.payload.or_armed]
        if matches:
            weapons = find_weapons(lex, toks)
            if any(keeps(lex, m, toks, weapons, s) for m in matches):
                return True
    return False


# Prepositions after a strike noun that lead to what it hit (not "in": "a strike in
# Lagos") are each language's ``strike_on`` (veille/lang/<code>/closed_class.json).


#: Between a strike noun and the actor whose it is: "by the", "de l'", "des", nothing.
_BY = re.compile(r"^\s*(?:(?:by|par|de|du|des|d')\s*(?:the\s+|la\s+|le\s+|l'|les\s+)?)?$", re.I)


def owned_by_actor(m: Match, toks: list[Tok], s: SentenceInput) -> bool:
    """An actor names whose act the word is: right before it ("Israeli strikes", "U.S.
    strikes"), or after it through "by" or a demonym ("strikes by the army", "frappes
    russes")."""
    first, last = toks[m.start], toks[m.end - 1]
    for a in s.actors:
        if 0 <= first.start - a.end <= 1 or (a.start < last.end and first.start < a.end):
            return True  # before it, or its words hold the trigger ("Israeli strikes")
        gap = s.text[last.end - s.start : a.start - s.start]
        if 0 <= a.start - last.end <= 12 and _BY.match(gap):
            return True
    return False


def tells_harm(lex: Lexicon, toks: list[Tok]) -> bool:
    """The sentence tells people killed or wounded ("a strike killed two", "strikes
    wounded five"): a work stoppage harms no one, so the strike is an armed one."""
    return bool(lex.fatality.find(toks) or lex.injury.find(toks))


#: Kinds of actor whose "strike" is an armed one.
_STRIKER_KINDS = frozenset({"state_forces", "rebel_group", "political_militia", "identity_militia"})


def done_by_armed(m: Match, toks: list[Tok], s: SentenceInput) -> bool:
    """ "The army carried out a strike on ...", «l'armée a mené une frappe», "France
    carried out strikes": the word is the object of a verb whose subject is an armed
    actor or a state (a union's strike is not)."""
    trig = toks[m.start]
    if trig.dep not in ("obj", "dobj") or trig.head == trig.i:
        return False
    subjects = [t for t in toks if t.head == trig.head and t.dep.startswith("nsubj")]
    return _armed_actor_among(subjects, s)


def _armed_actor_among(subjects: list[Tok], s: SentenceInput) -> bool:
    """One of ``subjects`` is (a word of) an armed actor or a state's name."""
    return any(
        t.start < ref.end and ref.start < t.end
        for ref in (*s.actors, *s.state_names)
        if getattr(ref.payload, "kind", "") in _STRIKER_KINDS
        for t in subjects
    )


#: The verbs a strike that hits something is the subject of ("a strike hit a house").
_IMPACT_VERBS = frozenset({"hit", "struck", "destroy", "damage", "level", "flatten"})


def hits_a_target(lex: Lexicon, m: Match, toks: list[Tok], s: SentenceInput) -> bool:
    """ "A strike hit a house in Eastport", "the strike destroyed two buildings": the
    word is the subject of a verb of impact whose object is a building or site, or which
    a place follows. A work stoppage "hits production", never a house or a town."""
    trig = toks[m.start]
    if trig.dep not in ("nsubj", "nsubj:pass") or trig.head == trig.i:
        return False
    verb = toks[trig.head]
    if fold(verb.lemma) not in _IMPACT_VERBS and fold(verb.text) not in _IMPACT_VERBS:
        return False
    sites = {i for c in lex.civilian_sites.find(toks) for i in range(c.start, c.end)}
    if any(t.head == verb.i and t.dep in TARGET_DEPS and t.i in sites for t in toks):
        return True
    reach = toks[min(len(toks) - 1, verb.i + 6)].end
    return any(verb.end <= p.start <= reach for p in s.places)


def _fell_on_a_place(m: Match, toks: list[Tok], s: SentenceInput) -> bool:
    """What the verb acted on (its object or passive subject) is a place, or a noun of
    one whose "of" names it ("The town of Khiam was hit"); not a noun a place only
    situates ("Tourism in Beirut was hit")."""
    acted = {t.i for t in toks if t.head in range(m.start, m.end) and t.dep in ACTED_ON}
    of = {u.i for u in toks if u.head in acted and u.dep == "prep" and fold(u.text) == "of"}
    words = acted | {u.i for u in toks if u.head in of and u.dep == "pobj"}
    return any(
        toks[k].start <= p.start < toks[k].end and not p.demonym for k in words for p in s.places
    )


#: Words after an Arabic attack verb within which the place it fell on is named.
_AR_OBJECT_WINDOW = 4


def attacks_a_place(lex: Lexicon, m: Match, toks: list[Tok], s: SentenceInput) -> bool:
    """An Arabic attack verb whose object, within a few words after it, is a place, a
    civilian site or an object of armed attack ("هاجم مسلحون قرية ...", "هاجمت ...
    مخيم", «هاجموا دورية»): a physical attack, not
    words against someone (هاجم الوزير المعارضة: the minister attacked the opposition).
    Only perfect verbs (``inflect: perfect``), not nouns such as "operation"."""
    entry: TriggerEntry = m.payload
    if s.language != "ar" or entry.generic != "attack" or entry.inflect != "perfect":
        return False
    lo = toks[m.end - 1].end
    hi = toks[min(len(toks) - 1, m.end - 1 + _AR_OBJECT_WINDOW)].end
    if any(lo <= p.start < hi for p in s.places):
        return True
    window = range(m.end, min(len(toks), m.end + _AR_OBJECT_WINDOW))
    if any(c.start in window for c in lex.civilian_sites.find(toks)):
        return True
    # «هاجم مسلحون قاعدة عسكرية», «هاجموا دورية»: a base, a patrol, a convoy
    # (``attack_objects``) is attacked by arms, not by words.
    targets = lex.noun_classes.get("attack_objects", frozenset())
    if any(toks[k].keys & targets for k in window):
        return True
    # «هاجم مستوطنون مزارعين»: civilians attacked by armed people (the verb's subject,
    # right after it) are attacked by arms; «هاجم الرئيس الصحفيين» is words.
    if not any(c.start in window for c in lex.civilian.find(toks)):
        return False
    armed = lex.noun_classes.get("armed_people", frozenset())
    subject = window[0] if len(window) else None
    return subject is not None and (
        bool(toks[subject].keys & armed) or _armed_actor_among([toks[subject]], s)
    )


def falls_on_place(m: Match, toks: list[Tok], s: SentenceInput) -> bool:
    """ "strikes on Kharkiv", "strikes against two villages in ...": a place within a few
    words after "on"/"against" that follows the word."""
    on = closed_words("strike_on")
    nxt = m.end - 1 if toks[m.end - 1].keys & on else m.end  # "strike on" holds it
    if nxt >= len(toks) or not toks[nxt].keys & on:
        return False
    reach = toks[min(len(toks) - 1, nxt + 4)].end
    return any(toks[nxt].end <= p.start <= reach for p in s.places)


def keeps(
    lex: Lexicon,
    m: Match,
    toks: list[Tok],
    weapons: list[Match],
    s: SentenceInput,
    armed_sense: bool = False,
) -> bool:
    """Whether a trigger's conditions hold here: a weapon, a place right after it, no
    forbidden word before it, a death toll for weak words, an object where needed."""
    entry: TriggerEntry = m.payload
    armed = entry.or_armed and (
        # A weak verb of impact ("hit", "struck") takes the text's armed sense only
        # where it fell on a place ("Nabatieh was also hit"), not "tourism was hit".
        (armed_sense and (entry.generic != "attack" or _fell_on_a_place(m, toks, s)))
        or owned_by_actor(m, toks, s)
        or falls_on_place(m, toks, s)
        or tells_harm(lex, toks)
        or hits_a_target(lex, m, toks, s)
        or done_by_armed(m, toks, s)
    )
    ruin = entry.ruin_of_strike and ruin_told_alone(lex, m, toks, s)
    if entry.requires_weapon and not weapons and not armed and not ruin:
        return False
    if entry.mode == "intercept" and weapons and not lethal(weapons):
        return False  # «إسقاط النظام» beside tear gas: no crowd's gas is shot down
    if entry.remote_weapon and not any(family(w.payload.sub) == "remote" for w in weapons):
        return False
    if entry.concluded and not _concluded(lex, m, toks):
        return False
    if entry.after_verb and not _told_by_verb(lex, m, toks, entry.after_verb):
        return False
    if entry.accents and [t.text.lower() for t in toks[m.start : m.end]] != entry.p.split():
        return False  # «des marchés», markets, folded as «des marches»
    if entry.after_light_verb and not any(
        arabic.is_past_light_verb(word := fold(toks[k].text)) or arabic.is_announcing_verb(word)
        for k in range(max(0, m.start - arabic.LIGHT_VERB_REACH), m.start)
    ):
        return False
    if entry.needs_place:
        end = toks[m.end - 1].end
        if not any(0 <= p.start - end <= 4 for p in s.places) and not ground_named(lex, m, toks, s):
            return False
    if entry.not_after:
        prev = toks[m.start - 1] if m.start > 0 else None
        if prev is not None and prev.keys & {fold(w) for w in entry.not_after}:
            # "أعلنت مسؤوليتها عن استهداف": a claim of responsibility right before
            # the verbal noun asserts the act; other nouns before it do not.
            claimed = any(c.end == m.start for c in lex.claim.find(toks))
            if not claimed:
                return False
    if entry.closed_by and not closed_by(toks, m, entry.closed_by):
        return False
    if entry.not_aiming and any(
        t.head == m.start and t.dep == "xcomp" and "VerbForm=Inf" in t.morph for t in toks
    ):
        return False  # «visant à mettre fin aux combats»: an aim, nothing targeted
    if (
        entry.weapon_subject
        and not ruin
        and not doer_weapons(
            toks, set(range(m.start, m.end)), weapons, any_voice=entry.weapon_falls
        )
    ):
        return False
    if entry.weapon_object and not _disposed_weapons(m, toks, weapons):
        return False
    if entry.sub is not None and family(entry.sub) == "fight" and _kind_of_weapon(m, toks, weapons):
        return False  # «des hélicoptères de combat», "combat drones": a kind of aircraft
    if entry.sub is not None and family(entry.sub) == "protest" and no_protest(lex, m, toks):
        return False  # "a gathering of fighters", "a funeral procession": no protest
    if entry.sub is not None and family(entry.sub) == "protest" and _armed_advance(lex, m, toks, s):
        return False  # "the rebels marched on the town": an advance, not a protest
    if entry.armed_subject and not _armed_subject_then_victims(lex, m, toks, s):
        return False
    if entry.weak and entry.mode == "riot" and not lex.crowd.find(toks):
        # «incendier» with no crowd named: a burning, not a riot ("families were killed
        # in their homes, some of which were burnt"); no rioters are there to code.
        return False
    if entry.weak:
        # Weak triggers ("tuer", "opération") only count with a weapon or a death toll,
        # and an attack verb also with a place it fell on ("هاجم مسلحون قرية ...").
        return bool(weapons) or bool(lex.fatality.find(toks)) or attacks_a_place(lex, m, toks, s)
    if entry.place_object and not takes_territory(lex, m, toks, s):
        return False
    if entry.mode == "seize" and control_of_no_ground(lex, m, toks):
        return False  # "regained control of the situation", «du contrôle de la foule»
    if entry.place_object and after_a_loss(lex, m, toks):
        return False  # "فقدت القوات الحكومية السيطرة على": who lost it did not take it
    if (
        entry.object_class
        and not object_of_class(lex, m, toks, entry.object_class)
        and not falls_on_place(m, toks, s)
    ):
        return False  # «هجوم على الفاشر»: a named place is what it fell on, as «المدينة»
    if entry.not_object_class and object_of_class(lex, m, toks, entry.not_object_class):
        return False
    if entry.not_subject_class and subject_of_class(lex, m, toks, entry.not_subject_class):
        return False  # "prices exploded": a surge
    if entry.subject_class and not subject_of_class(lex, m, toks, entry.subject_class):
        return False  # "the minister came under fire": criticised
    if entry.needs_object:
        return any(
            t.head == m.start and t.dep in TARGET_DEPS for t in toks
        ) or _object_past_the_day(m, toks)
    return True


#: «من» (of), between a side's members and its name.
_FROM = frozenset({"من"})
#: Actor kinds that fight: the strikers and the foreign armed groups (Wagner).
_ARMED_KINDS = _STRIKER_KINDS | {"external_other"}


def _armed_subject_then_victims(lex: Lexicon, m: Match, toks: list[Tok], s: SentenceInput) -> bool:
    """«قتل الجيش ثلاثة فلسطينيين»: an armed side right after the verb (its subject) and
    then a count or a person (its object): the side killed them. «قتل ثلاثة جنود» and
    «قتل جنديان في هجوم» read the other way: they were killed."""
    # «قتل عناصر من حركة X»: the side's members may come first.
    members = lex.noun_classes.get("member_nouns", frozenset()) | _FROM
    start = m.end
    while start < min(len(toks), m.end + 2) and toks[start].keys & members:
        start += 1
    if start >= len(toks):
        return False
    after = toks[start]
    side = next(
        (
            a
            for a in s.actors
            if after.start <= a.start < after.end and getattr(a.payload, "kind", "") in _ARMED_KINDS
        ),
        None,
    )
    if side is None:
        return False
    k = next((i for i, t in enumerate(toks) if t.start >= side.end), None)
    if k is None:
        return False
    people = lex.noun_classes.get("one_person", frozenset())
    victim = toks[k]
    if _agrees_as_adjective(toks[k - 1].text, victim.text) and k + 1 < len(toks):
        victim = toks[k + 1]  # «قتل جنديان سوريان»: the side's adjective, then no victim
    return (
        read_number(lex, victim) is not None
        or bool(victim.keys & people)
        or bool(lex.civilian.find([victim]))
    )


#: Endings of a dual or plural noun and of a relative adjective agreeing with it
#: («جنديان سوريان», «جنود عراقيون», «جنودا عراقيين»), normalised.
_AGREEING = (("ان", "يان"), ("ين", "يين"), ("ون", "يون"), ("ا", "يين"))


def _agrees_as_adjective(noun: str, word: str) -> bool:
    """The word after a dual or plural noun is a relative adjective (ـي) in the same
    number: it qualifies the noun («جنديان سوريان»: two Syrian soldiers)."""
    return any(noun.endswith(a) and word.endswith(b) for a, b in _AGREEING)


#: Weapons (``WeaponEntry.weapon``) that are spent in their use, so that one destroyed or
#: defused was never used: a bomb, a mine, a missile or drone in flight. An aircraft or a
#: tank destroyed is the damage an attack did.
_MUNITIONS = frozenset(
    {"IED", "car bomb", "landmine", "grenade", "suicide bomb", "missile", "rocket", "drone"}
)


def _disposed_weapons(m: Match, toks: list[Tok], weapons: list[Match]) -> list[Match]:
    """The weapons the verb at ``m`` acts on: its object or passive subject ("destroyed
    a roadside bomb", «une bombe a été désamorcée»), also past a day word the parser
    hung it on («ont neutralisé lundi un engin explosif»)."""
    after_day = -1
    if m.end < len(toks) and dates_the_verb(toks[m.end]):
        after_day = m.end + 1
        while after_day < len(toks) and toks[after_day].pos in ("DET", "NUM"):
            after_day += 1
    return [
        w
        for w in weapons
        if w.payload.weapon in _MUNITIONS
        and (
            w.start == after_day
            or any(
                # "safely detonated a roadside bomb": on the verb, past its adverb
                toks[k].dep in ACTED_ON and m.start <= toks[k].head < m.end
                for k in range(w.start, w.end)
            )
        )
    ]


def _kind_of_weapon(m: Match, toks: list[Tok], weapons: list[Match]) -> bool:
    """A word of fighting that says what a weapon is for («hélicoptères de combat»,
    "combat drones"): it modifies the weapon noun with no determiner of its own, and
    tells no fight."""
    trig = toks[m.start]
    if trig.dep not in ("nmod", "compound", "amod") or trig.head == trig.i:
        return False
    if any(t.head == trig.i and t.dep.startswith("det") for t in toks):
        return False  # «les hélicoptères du combat de mardi»: that fight
    return any(w.start <= trig.head < w.end for w in weapons)


def _object_past_the_day(m: Match, toks: list[Tok]) -> bool:
    """«ont arrêté jeudi douze militants»: the parser hangs the object on the day word
    between it and the verb; the noun after the day is the verb's object all the same."""
    for day in toks:
        if day.head != m.start or day.i <= m.start or not dates_the_verb(day):
            continue
        if any(t.head == day.i and t.i > day.i and t.pos == "NOUN" for t in toks):
            return True
        if day.i == m.end and _noun_phrase_at(toks, day.i + 1):
            return True  # the parser hung the noun after the day on another verb
    return False


def _noun_phrase_at(toks: list[Tok], k: int) -> bool:
    """A noun phrase starts at token ``k``: determiners and numbers, then a noun."""
    while k < len(toks) and toks[k].pos in ("DET", "NUM"):
        k += 1
    return k < len(toks) and toks[k].pos == "NOUN"


def _told_by_verb(lex: Lexicon, m: Match, toks: list[Tok], kind: str) -> bool:
    """A verb of the noun class ``kind`` governs the noun or, unparsed, stands a few
    words before it in its clause («خرجت مظاهرات», «شهدت المدينة يوم الاثنين
    احتجاجات»)."""
    return _telling_verb(lex, m, toks, kind) is not None


def _telling_verb(lex: Lexicon, m: Match, toks: list[Tok], kind: str) -> int | None:
    """The token of the verb of class ``kind`` that tells the noun at ``m`` (its head
    in the parse; unparsed, the nearest one a few words before it in its clause)."""
    verbs = lex.noun_classes.get(kind, frozenset())
    noun = toks[m.start]
    if noun.dep:
        told = noun.head != noun.i and bool(toks[noun.head].keys & verbs)
        return noun.head if told else None
    return _verb_index_before(toks, m.start, verbs, _TOLD_BY_REACH)


def telling_verbs(lex: Lexicon, kept: Sequence[Match], toks: list[Tok]) -> set[int]:
    """The tokens that tell a noun trigger which needs its verb («احتجز مسلحون ثلاثين
    قرويا رهائن»: «احتجز» tells the hostages): part of that trigger's phrase, no act of
    their own kind (the holding of hostages is no arrest)."""
    told = (
        _telling_verb(lex, m, toks, kind)
        for m in kept
        if (kind := getattr(m.payload, "after_verb", None))
    )
    return {k for k in told if k is not None}


def _verb_before(toks: list[Tok], at: int, verbs: frozenset[str], reach: int) -> bool:
    """Unparsed: a word of ``verbs`` within ``reach`` words before token ``at``, with no
    punctuation between (the same clause)."""
    return _verb_index_before(toks, at, verbs, reach) is not None


def _verb_index_before(toks: list[Tok], at: int, verbs: frozenset[str], reach: int) -> int | None:
    """The token of ``_verb_before``'s verb, or None. A phrase of time between commas
    («شهدت مدينة الخرطوم، يوم الجمعة، مظاهرات») is passed over."""
    k, stop = at - 1, at - reach - 1
    while k > max(-1, stop):
        if toks[k].text in (",", "،"):
            opening = next(
                (c for c in range(k - 1, max(-1, k - 6), -1) if time_phrase_end(toks, c) == k + 1),
                None,
            )
            if opening is None:
                return None
            stop -= k - opening + 1
            k = opening - 1
            continue
        if toks[k].pos == "PUNCT" or toks[k].text in (".", ";", ":"):
            return None
        if toks[k].keys & verbs:
            return k
        k -= 1
    return None


#: Words before a noun within which the verb that tells it may stand (its subject and a
#: day between: «شهدت مدينة الخرطوم يوم الاثنين مظاهرات», «شهدت حمص ومدن أخرى في
#: وسط البلاد تظاهرات»).
_TOLD_BY_REACH = 7


def _concluded(lex: Lexicon, m: Match, toks: list[Tok]) -> bool:
    """An agreement noun that a verb of concluding governs ("signed a truce", "the
    ceasefire took effect", «ont conclu une trêve»), or, unparsed, follows within a few
    words of the same clause («أعلن التوصل إلى هدنة»)."""
    verbs = lex.noun_classes.get("concluding_verbs", frozenset())
    noun = toks[m.start]
    if any(t.dep for t in toks):
        # Parsed: the noun is the verb's subject or object ("signed a truce", "a
        # ceasefire took effect"), or hangs on it through "to" / "on" / «à» / «sur»
        # ("agreed to a ceasefire"); "took the town despite the ceasefire" concludes none.
        if noun.dep in _CONCLUDED_DEPS and noun.head != noun.i:
            return bool(toks[noun.head].keys & verbs)
        case, holder = preposition_of(toks, noun.i)
        return (
            case is not None
            and fold(case.text) in _CONCLUDED_PREPS
            and 0 <= holder < len(toks)
            and bool(toks[holder].keys & verbs)
        )
    return _verb_before(toks, m.start, verbs, _CONCLUDED_REACH)


#: Words before an agreement noun within which its verb of concluding may stand.
_CONCLUDED_REACH = 4
#: Dependencies of an agreement noun on its verb of concluding.
_CONCLUDED_DEPS = frozenset(
    {"obj", "dobj", "obl:arg", "nsubj", "nsubjpass", "nsubj:pass", "attr", "conj"}
)
#: Prepositions from a verb of agreeing to what was agreed ("agreed to", «sur»).
_CONCLUDED_PREPS = frozenset({"to", "on", "upon", "a", "sur"})


def _armed_advance(lex: Lexicon, m: Match, toks: list[Tok], s: SentenceInput) -> bool:
    """A verb of marching or blocking whose subject is armed ("the rebels marched on the
    capital", "gunmen blocked the highway"): fighters, soldiers or an armed actor advance
    or set a roadblock; only a crowd marches or blocks a road in protest."""
    advance = lex.noun_classes.get("advance_verbs", frozenset())
    if not any(toks[k].keys & advance for k in range(m.start, m.end)):
        return False
    armed = lex.noun_classes.get("armed_people", frozenset())
    subjects = [t for t in toks if m.start <= t.head < m.end and t.dep.startswith("nsubj")]
    if _armed_actor_among(subjects, s):
        return True
    # "hundreds of soldiers", «des centaines de soldats»: the armed noun in the subject's phrase
    heads = {t.i for t in subjects}
    return any(
        t.keys & armed and (t.i in heads or heads.intersection(ancestors(toks, t.i, limit=2)))
        for t in toks
    )


#: Words before a trigger within which a word of circumstance opens its phrase.
_CIRCUMSTANCE_REACH = 5


def in_circumstance(toks: list[Tok], m: Match) -> bool:
    """The trigger lies in a phrase of circumstance ("during an arrest raid", «lors d'une
    opération d'arrestation», «خلال حملة مداهمة»), with no verb between."""
    return _opened_by(toks, m, closed_words("circumstance"))


def in_antecedent(toks: list[Tok], m: Match) -> bool:
    """The trigger is a noun in a phrase naming an earlier act that the clause's act
    answers ("marched after the arrest of ...", "protested against the arrests", «ont
    manifesté contre l'arrestation de ...», «faisaient suite à l'arrestation»,
    «تظاهروا احتجاجا على اعتقال ...»), with no verb or number between ("made over 40
    arrests" counts the act's own)."""
    if toks[m.start].pos not in ("NOUN", "PROPN", "X", ""):  # X: unparsed (Arabic)
        return False
    return _opened_by(toks, m, closed_words("antecedent"), numbers_stop=True)


def _opened_by(
    toks: list[Tok], m: Match, words: frozenset[str], numbers_stop: bool = False
) -> bool:
    for k in range(m.start - 1, max(-1, m.start - 1 - _CIRCUMSTANCE_REACH), -1):
        tok = toks[k]
        if tok.keys & words:
            return True  # before the verb test: "following" may be tagged a verb
        if tok.pos in ("VERB", "AUX") or tok.text in (",", ";", ":", "."):
            return False
        if numbers_stop and (tok.pos == "NUM" or tok.text.isdigit()):
            return False
    return False


def group(
    triggers: list[Match], contrasts: Sequence[int] = (), apart: Sequence[int] = ()
) -> list[list[Match]]:
    """Triggers of compatible families in one sentence describe one happening.

    ``contrasts``: token positions of contrast connectives ("while", «tandis que»,
    «بينما»). Across one, only triggers of one family join: "drones were shot down,
    while a missile hit a block" tells an interception and a strike. ``apart``: those
    of the contrasts with a place on each side, across which nothing joins: "strikes
    hit Tyre, while a drone struck a car in Baalbek" tells two strikes."""
    groups: list[list[Match]] = []
    for trig in triggers:
        fam = entry_family(trig.payload)
        for g in groups:
            fams = {entry_family(m.payload) for m in g}
            if any(
                min(m.start, trig.start) < c < max(m.start, trig.start) for m in g for c in apart
            ):
                continue
            if fam in fams:
                g.append(trig)
                break
            if any(
                min(m.start, trig.start) < c < max(m.start, trig.start)
                for m in g
                for c in contrasts
            ):
                continue
            if "any" in fams or fam == "any" or ({fam} | fams) <= {"remote", "fight"}:
                g.append(trig)
                break
        else:
            groups.append([trig])
    return groups
