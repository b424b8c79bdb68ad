"""Weapons: the instrument a sentence names, and the event type it gives a generic
trigger ("an attack" with a drone is a drone strike)."""

from __future__ import annotations

from collections.abc import Set
from dataclasses import replace

from veille.extract.candidate import Typing
from veille.extract.lexicon import Lexicon, Match, Tok, WeaponEntry, fold
from veille.extract.lexicon import longest_non_overlapping as _lno
from veille.extract.numbers import read_number
from veille.extract.syntax import (
    PASSIVE_SUBJECTS,
    PHRASE_ENDS,
    SUBJECT_DEPS,
    after_a_noun,
    head_of,
    undergoing_marks,
)
from veille.extract.taxonomy import AIR_STRIKE, LOOTING, SUB_EVENT_TYPES, SUICIDE_BOMB, family
from veille.lang.loader import weekday_names
from veille.nlp import arabic


def find_weapons(lex: Lexicon, toks: list[Tok]) -> list[Match]:
    """The weapon nouns of a sentence, longest first, not overlapping; not a word that
    names a site there ("attacked a gold mine"), nor an outlet's name («قناة «المسيرة»»,
    a channel named "the drone")."""
    outlets = lex.noun_classes.get("outlets", frozenset())
    return [
        w
        for w in _lno(lex.weapons.find(toks))
        if not after_a_noun(toks, w.start, outlets)
        and not _a_site(lex, toks, w)
        and not _people(lex, toks, w)
        and not stopped_bearer(lex, toks, w)
    ]


def stopped_bearer(lex: Lexicon, toks: list[Tok], m: Match) -> bool:
    """ "Police arrested a suicide bomber", «un kamikaze a été abattu»: the bearer of a
    weapon (noun class ``weapon_bearers``) that another act fell on (its object, or the
    subject of a passive) did not use it: no weapon of that act, no attack of its kind."""
    bearers = lex.noun_classes.get("weapon_bearers", frozenset())
    words = " ".join(fold(toks[k].text) for k in range(m.start, m.end))
    bearer = toks[head_of(toks, m)]
    # the whole phrase: a "bomber" alone is an aircraft too, a "suicide bomber" a person
    if words not in bearers and not (m.end - m.start == 1 and bearer.keys & bearers):
        return False
    return bearer.dep in _STOPPED_DEPS


#: What an act falls on: its direct object or the subject of a passive (not a noun after
#: a preposition: "killed by a suicide bomber" names the doer).
_STOPPED_DEPS = frozenset({"obj", "dobj"}) | PASSIVE_SUBJECTS


def _people(lex: Lexicon, toks: list[Tok], w: Match) -> bool:
    """A word that names people as well as a weapon, with a word of its ``people_class``
    right after it: «des chasseurs dozos», «chasseurs traditionnels» are hunters, not
    fighter jets."""
    entry: WeaponEntry = w.payload
    if entry.people_class is None or w.end >= len(toks):
        return False
    return bool(toks[w.end].keys & lex.noun_classes.get(entry.people_class, frozenset()))


def _a_site(lex: Lexicon, toks: list[Tok], w: Match) -> bool:
    """ "a gold mine", «une mine d'or», "attacked the mine", «l'attaque d'une mine»: the
    weapon word (``also_site``) names a site, by a mineral word beside it or an assault
    that takes it (its object, or the noun of assault it completes)."""
    entry: WeaponEntry = w.payload
    if not entry.also_site:
        return False
    minerals = lex.noun_classes.get("minerals", frozenset())
    assaults = lex.noun_classes.get("site_assaults", frozenset())
    near = toks[max(0, w.start - 1) : w.start] + toks[w.end : w.end + 2]
    if any(t.keys & minerals for t in near):
        return True
    tok = toks[w.end - 1]
    head = toks[tok.head]
    if tok.dep in ("obj", "dobj", "nmod", "pobj") and head.keys & assaults:
        return True
    # "killed at a mine", «tués dans une mine»: a place where people were, not a blast.
    if any(t.head == tok.i and t.dep in ("case", "prep") and t.keys & _IN_A_SITE for t in toks):
        return True
    if tok.dep == "pobj" and head.keys & _IN_A_SITE:
        return True
    # "the attack on the mine", «l'attaque contre une mine»: through its preposition.
    return tok.dep == "pobj" and bool(toks[head.head].keys & assaults)


def _struck(lex: Lexicon, toks: list[Tok], w: Match, group: list[Match]) -> bool:
    """The weapon is the passive subject of an unspecific act ("an air force plane was
    struck", «un hélicoptère a été touché»): what was hit, not what hit it, so it types
    nothing (a typed act keeps it as its weapon: "a drone was shot down"). A verb of
    falling, whose subject falls («des obus sont tombés»), and one of launching («six
    obus ont été tirés», noun class ``launch_words``), whose passive subject was
    launched, aside."""
    launch = lex.noun_classes.get("launch_words", frozenset())
    if any(m.payload.weapon_falls for m in group):
        return False
    verbs = {i for m in group for i in range(m.start, m.end) if not toks[i].keys & launch}
    return any(
        toks[k].dep in PASSIVE_SUBJECTS and toks[k].head in verbs for k in range(w.start, w.end)
    ) or _underwent(lex, toks, w, {i for m in group for i in range(m.start, m.end)})


def _underwent(lex: Lexicon, toks: list[Tok], w: Match, trig: set[int]) -> bool:
    """The weapon is the subject of a verb of undergoing the act ("a helicopter came under
    fire", "came under attack", "suffered an ambush": noun class ``suffering_verbs``):
    what was hit, as a passive's subject is."""
    suffering = lex.noun_classes.get("suffering_verbs", frozenset())
    for k in range(w.start, w.end):
        if toks[k].dep not in SUBJECT_DEPS:
            continue
        marks = undergoing_marks(toks, toks[k].head, suffering)
        if any(i in marks or toks[i].head in marks for i in trig):
            return True
    return False


#: Prepositions of being at or in a place (fold form): "at a mine", «dans une mine».
_IN_A_SITE = frozenset({"at", "in", "inside", "dans", "a"})


def read_weapon(
    lex: Lexicon, typing: Typing, group: list[Match], toks: list[Tok], weapons: list[Match]
) -> Typing:
    """The typing once the weapon nearest the triggers is read: a generic trigger takes
    the weapon's type; a typed one keeps its type and gets the weapon where they agree."""
    trig_idx = {i for m in group for i in range(m.start, m.end)}
    usable = [
        w
        for w in weapons
        if (not (set(range(w.start, w.end)) <= trig_idx) or typing.generic)
        and not _modifies_other_noun(lex, toks, w, trig_idx)
        and not speaks(lex, toks, w)
        and not (typing.sub_event_type is None and _struck(lex, toks, w, group))
        # "the army bombed": the verb, not a bomb; "an improvised explosive device"
        # opens with a participle, «un engin explosif improvisé» ends with one.
        and any(toks[k].pos != "VERB" for k in range(w.start, w.end))
    ]
    if not usable:
        return typing
    anchor = _light_verb_before(toks, group[0].start)
    w = min(usable, key=lambda m: abs(m.start - anchor))
    carrier = next(
        (
            a
            for a in usable
            if a.payload.sub == AIR_STRIKE and a is not w and (a.end == w.start or w.end == a.start)
        ),
        None,
    )
    if carrier is not None:
        w = carrier  # «طائرة مسيرة مفخخة», "a bomb-laden drone": the drone carried it
    platform = _launched_by_aircraft(lex, toks, group[0].start, usable) or _aircraft_subject(
        toks, group, usable
    )
    if typing.sub_event_type == SUICIDE_BOMB:
        platform = None  # "the bomber blew himself up": a person, no aircraft
    if platform is not None and (
        family(typing.sub_event_type or "") == "remote"
        or (typing.sub_event_type is None and typing.generic in ("attack", "remote"))
    ):
        # «طائرات إسرائيلية أطلقت صواريخ», "jets fired missiles", "military aircraft
        # shelled the town": what the aircraft launched is an air strike, whatever the
        # munition or the verb.
        w = platform
        typing = replace(typing, sub_event_type=platform.payload.sub, mode=platform.payload.mode)
    entry: WeaponEntry = w.payload
    fam = family(entry.sub)
    if (
        typing.sub_event_type == LOOTING
        and fam == "remote"
        and w in doer_weapons(toks, trig_idx, usable)
    ):
        # "A drone set a house on fire", «un obus a incendié une maison»: the weapon
        # that burnt it struck; what burnt is the strike's damage.
        typing = replace(typing, sub_event_type=entry.sub, mode=entry.mode)
    sub = typing.sub_event_type
    if sub is None and typing.generic in ("attack", "remote"):
        if typing.generic == "remote" and fam not in ("remote",):
            pass
        else:
            sub = entry.sub
            typing = replace(typing, sub_event_type=sub, mode=entry.mode, rank=max(typing.rank, 2))
    if sub is not None and typing.rank <= 1 and fam == family(sub) and entry.sub != sub:
        # A loose verb of remote fire ("pounded ... with glide bombs") takes the weapon's type.
        sub = entry.sub
        typing = replace(typing, sub_event_type=sub, mode=entry.mode)
    if (
        sub in (None, entry.sub, "Disrupted weapons use")  # what was shot down or defused
        or family(sub or "") == fam
        or (sub and SUB_EVENT_TYPES[sub].event_type in ("Violence against civilians", "Battles"))
    ):
        typing = replace(
            typing, weapon=entry.weapon, weapon_span=(toks[w.start].start, toks[w.end - 1].end)
        )
        prev = toks[w.start - 1] if w.start > 0 else None
        if prev is not None:
            count = read_number(lex, prev)
            if count is not None and count > 1:
                typing = replace(typing, weapon_count=count)
    if sub == "Peaceful protest" and entry.sub == "Protest with intervention":
        typing = replace(typing, sub_event_type="Protest with intervention")
    return typing


#: Words between an aircraft and the verb of launching it is the subject of.
_PLATFORM_REACH = 3


def _launched_by_aircraft(
    lex: Lexicon, toks: list[Tok], at: int, weapons: list[Match]
) -> Match | None:
    """The aircraft or drone that is the subject of the launch verb at ``at``: right
    before it, with no punctuation between («طائرات إسرائيلية أطلقت صواريخ»)."""
    launch = lex.noun_classes.get("launch_words", frozenset())
    if not toks[at].keys & launch:
        return None
    for w in weapons:
        gap = toks[w.end : at]
        if (
            w.payload.sub == "Air/drone strike"
            and w.end <= at
            and len(gap) <= _PLATFORM_REACH
            and not any(t.text in PHRASE_ENDS for t in gap)  # the phrase they share
        ):
            return w
    return None


def _aircraft_subject(toks: list[Tok], group: list[Match], weapons: list[Match]) -> Match | None:
    """The aircraft or drone that is the active subject or the passive's agent of one of
    the group's verbs ("fighter jets fired missiles at", «des avions militaires ont
    bombardé», «bombardé par l'aviation»), read from the parse: the platform did the
    act. A passive subject ("a drone was shot down") or an object is what the act was
    done to."""
    verbs = {i for m in group for i in range(m.start, m.end) if toks[i].pos in ("VERB", "AUX")}
    aircraft = [w for w in weapons if w.payload.sub == "Air/drone strike"]
    return next(iter(doer_weapons(toks, verbs, aircraft)), None)


#: Dependencies of a verb's doer: its subject, or the agent of a passive as UD French
#: hangs it («par l'aviation»: ``obl:agent``).
_DOER_DEPS = frozenset({"nsubj", "obl:agent"})


def doer_weapons(
    toks: list[Tok], verbs: Set[int], weapons: list[Match], *, any_voice: bool = False
) -> list[Match]:
    """The weapons that did what one of the tokens ``verbs`` tells: its subject ("a drone
    destroyed") or its passive's agent («détruit par un obus», "shelled by warplanes",
    where English "by" is the agent and the weapon its ``pobj``). ``any_voice``: a
    passive subject as well (a verb of falling: «des obus sont tombés»)."""
    deps = _DOER_DEPS | PASSIVE_SUBJECTS if any_voice else _DOER_DEPS
    out = []
    for w in weapons:
        for k in range(w.start, w.end):
            tok = toks[k]
            by = toks[tok.head]
            if (tok.dep in deps and tok.head in verbs) or (
                tok.dep == "pobj" and by.dep == "agent" and by.head in verbs
            ):
                out.append(w)
                break
    return out


def _light_verb_before(toks: list[Tok], at: int) -> int:
    """Where the act told at ``at`` is anchored for its weapon: an Arabic masdar told by
    a light verb ("قامت طائرة مسيرة بإطلاق صاروخ": the drone did the launching) is
    anchored on the verb, whose subject is the weapon that acted; anything else on
    itself."""
    for k in range(at - 1, max(-1, at - 1 - arabic.LIGHT_VERB_REACH), -1):
        word = fold(toks[k].text)
        if arabic.is_past_light_verb(word) or arabic.is_light_verb(word):
            return k
    return at


def speaks(lex: Lexicon, toks: list[Tok], w: Match) -> bool:
    """A weapon word that is the subject of a verb of saying is the force that speaks
    («l'armée de l'air affirme avoir abattu 18 drones», "the air force said"), not
    the weapon of what it tells."""
    heads = [t for t in toks[w.start : w.end] if t.dep.startswith("nsubj")]
    if not heads:
        return False
    saying = {i for m in lex.report.find(toks) for i in range(m.start, m.end)}
    return any(t.head in saying for t in heads)


def _modifies_other_noun(lex: Lexicon, toks: list[Tok], w: Match, trig_idx: set[int]) -> bool:
    """A weapon noun completing another noun ("sites de lancement de missiles", "missile
    launchers") names the target, not the instrument; "frappe de drone" (completing the
    trigger) and a noun of quantity or delivery ("à coups de gaz lacrymogènes", "volleys
    of tear gas") keep it."""
    tok = toks[w.start]
    if tok.dep not in ("nmod", "compound", "amod") or tok.head in trig_idx:
        return False
    head = toks[tok.head]
    if tok.dep in ("compound", "amod"):  # a tagger may read "mine" before a noun as ADJ
        # "missile launchers", not "missile debris"; nor people named by their trade:
        # "mine workers" are no landmine.
        return bool(head.keys & lex.noun_classes.get("military_targets", frozenset())) or bool(
            lex.civilian.find([head])
        )
    if read_number(lex, head) is not None or head.text.lower() in weekday_names():
        # "une vingtaine de roquettes", "dozens of shells": a count of the weapon; "a
        # tiré lundi des roquettes", parsed as rockets of Monday: a day stepped over.
        return False
    return head.pos == "NOUN" and not head.keys & lex.noun_classes.get(
        "instrument_heads", frozenset()
    )
