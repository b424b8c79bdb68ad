"""Violence by and against crowds: ACLED's riots and excessive force.

ACLED codes violence by a crowd (demonstrators, rioters, a politician's supporters,
youths in the plural) as a riot, not as a battle between armed groups: "des jeunes
ont affronté la police", "protesters stormed the building", "محتجون أحرقوا مقراً" are
*Violent demonstrations*, with the crowd as actor 1 and the forces it fought as actor 2.
Lethal force by the state against a crowd ("police shot dead three protesters") is
*Excessive force against protesters*. A protest in a sentence that also tells the
crowd's violence is violent too.

This component reads each candidate with the crowd words of its language (the
lexicon's ``crowd_nouns``) and returns a retyped copy where the sentence says so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from veille.extract.candidate import ActorRef, Candidate, one_per_kind_and_place
from veille.extract.clauses import contrast_cuts, side_of
from veille.extract.lexicon import Lexicon
from veille.extract.syntax import subject_of, token_at
from veille.extract.taxonomy import CROWD_KINDS, EXCESSIVE_FORCE
from veille.model import Actor, Span

RIOT = "Violent demonstration"
#: What a crowd's violence is miscoded as when read like a battle.
_CLASH_LIKE = frozenset({"Armed clash", "Attack", "Non-state actor overtakes territory"})
_PEACEFUL = "Peaceful protest"
_DISPERSED = "Protest with intervention"
#: Organised armed groups: their fighting stays a battle even among crowds.
_ARMED_KINDS = frozenset({"rebel_group", "political_militia", "identity_militia", "external_other"})


def read_crowds(
    candidates: Sequence[Candidate], lexicon_of: Callable[[str], Lexicon | None]
) -> list[Candidate]:
    """The candidates, with violence by or against a crowd retyped as ACLED codes it."""
    violent_sentences = {
        id(c.sentence)
        for c in candidates
        if _clash_like(c) and _crowd_positions(c, lexicon_of(c.sentence.language))
    }
    violent_sentences |= {
        id(c.sentence)
        for c in candidates
        if c.sub_event_type == _PEACEFUL and _tells_violence(c, lexicon_of(c.sentence.language))
    }
    out = []
    for c in candidates:
        lex = lexicon_of(c.sentence.language)
        crowd = _crowd_positions(c, lex)
        if c.sub_event_type == EXCESSIVE_FORCE and _forces_were_the_dead(c):
            # "Three policemen were killed when a car driven by protesters rammed their
            # post": the crowd's violence on the forces (ACLED: a violent
            # demonstration), not force used on the crowd.
            forces = c.actor1 if _state(c.actor1) else c.actor2
            crowd_side = c.actor2 if forces is c.actor1 else c.actor1
            out.append(_as_riot(replace(c, actor1=crowd_side, actor2=forces)))
        elif not crowd or _armed_group(c.actor1) or _armed_group(c.actor2):
            out.append(c)
        elif _clash_like(c):
            out.append(_retyped(c, crowd))
        elif c.sub_event_type == _DAMAGE and not _state(c.actor1) and _crowd_acts(c, crowd):
            # "Protesters stormed the ministry and set fire to cars": ACLED codes a
            # crowd's vandalism and arson as the riot it is part of.
            out.append(_as_riot(c))
        elif c.sub_event_type == _PEACEFUL and (forces := _forces_shooting(c, lex)):
            # "Soldiers fired on protesters", «des soldats ont tiré sur des
            # manifestants»: the violence is the state's, on the crowd (ACLED:
            # excessive force), not the crowd's.
            out.append(
                replace(
                    c,
                    kind=replace(c.kind, sub_event_type=EXCESSIVE_FORCE),
                    actor1=forces,
                    actor2=c.actor1 if c.actor1 is not forces else c.actor2,
                )
            )
        elif c.sub_event_type == _PEACEFUL and id(c.sentence) in violent_sentences:
            out.append(_as_riot(c))
        elif c.sub_event_type == _DISPERSED and _tells_violence(c, lex, riot_only=True):
            # "Police dispersed protesters who threw stones": the crowd's own violence,
            # not the force the police used, makes the dispersed protest a riot.
            out.append(_as_riot(c))
        else:
            out.append(c)
    by_sentence: dict[int, list[Candidate]] = {}
    for c in _riot_damage(out):
        # By offset: each side of a contrast ("..., while police fired") is a copy of
        # the sentence with its own places, and still the same sentence.
        by_sentence.setdefault(c.sentence.start, []).append(c)
    # Retyped, two groups of one sentence may now tell one event.
    return [
        _crowd_first(c)
        for group in by_sentence.values()
        for c in one_per_kind_and_place(_force_in_the_riot(group))
    ]


def _force_in_the_riot(group: list[Candidate]) -> list[Candidate]:
    """ "Rioters set the town hall ablaze, while troops shot at the crowd": force
    used on the crowd a sentence tells rioting is part of the riot (ACLED codes the
    Violent demonstration), not excessive force against peaceful protesters."""
    riots = [c for c in group if c.sub_event_type == RIOT]
    if not riots:
        return group
    force = [c for c in group if c.sub_event_type == EXCESSIVE_FORCE]
    toll = max((c.fatalities for c in force if c.fatalities), default=None)
    out = []
    for c in group:
        if c.sub_event_type == EXCESSIVE_FORCE:
            continue
        if c is riots[0]:
            if c.fatalities is None and toll is not None:
                span = next(f.fatalities_span for f in force if f.fatalities == toll)
                c = replace(c, fatalities=toll, fatalities_span=span)
            if c.place is None:
                # "A man was shot dead in X while officers fought the crowd": where
                # the force fell is where the riot was.
                c = replace(c, place=next((f.place for f in force if f.place), None))
        out.append(c)
    return out


#: Demonstrations whose actor 1 is the crowd and actor 2 the forces facing it (ACLED).
_CROWD_FIRST = frozenset({RIOT, _DISPERSED, _PEACEFUL})


def _crowd_first(c: Candidate) -> Candidate:
    """ "La police a dispersé un sit-in", «مواجهات بين عناصر الشرطة ومحتجين»: whatever
    the word order, the crowd of a demonstration is actor 1 and the forces that faced it
    actor 2 (for lethal force, "Excessive force against protesters", the other way)."""
    if c.sub_event_type not in _CROWD_FIRST or not _state(c.actor1):
        return c
    if _state(c.actor2):
        # Forces on both sides ("youths pelted the police, and the security forces
        # replied"): the forces are the side the crowd faced, and the crowd, unnamed,
        # is actor 1 (the assembler names it "Rioters (country)").
        return replace(c, actor1=None)
    other = _actor(c.actor2)
    if c.actor2 is not None and (other is None or other.kind not in CROWD_KINDS):
        return c
    return replace(c, actor1=c.actor2, actor2=c.actor1)


#: Damage to property, which in a night of riots is the riot's (ACLED).
_DAMAGE = "Looting/property destruction"


def _riot_damage(candidates: list[Candidate]) -> list[Candidate]:
    """In a story of riots, damage by no named armed group ("la mairie a été incendiée",
    "shops were torched") on a day of the riots is part of them: a Violent demonstration
    there (ACLED codes rioters' arson and looting as the riot)."""
    riot_days = {
        (c.sentence.source_id, c.event_date)
        for c in candidates
        if c.sub_event_type == RIOT and c.event_date is not None
    }
    if not riot_days:
        return candidates

    def in_riots(c: Candidate) -> bool:
        if c.event_date is None:
            return any(src == c.sentence.source_id for src, _ in riot_days)
        return any(
            src == c.sentence.source_id and day is not None and abs((day - c.event_date).days) <= 1
            for src, day in riot_days
        )

    return [
        _as_riot(c)
        if c.sub_event_type == _DAMAGE
        and not _armed_group(c.actor1)
        and not _state(c.actor1)
        and in_riots(c)
        else c
        for c in candidates
    ]


def _clash_like(c: Candidate) -> bool:
    if c.sub_event_type is None:
        return c.generic == "attack"
    return c.sub_event_type in _CLASH_LIKE


def _tells_violence(c: Candidate, lex: Lexicon | None, *, riot_only: bool = False) -> bool:
    """Whether the sentence also has a trigger of fighting or attack ("protesters
    attacked the embassy"), which grouping folded into the protest; ``riot_only``: a
    trigger of a crowd's own violence only ("threw stones"), not a shot the forces fired."""
    if lex is None:
        return False
    toks = c.sentence.tokens
    side = _its_side(c, lex)
    for m in lex.triggers.find(toks):
        entry = m.payload
        if not side[0] <= toks[m.start].start < side[1]:
            continue  # "police dispersed protesters in X, while in Y people marched"
        if entry.sub == RIOT or (
            not riot_only and (entry.sub in _CLASH_LIKE or entry.generic == "attack")
        ):
            return True
    return False


def _forces_shooting(c: Candidate, lex: Lexicon | None) -> ActorRef | None:
    """The state forces the parse makes the subject of the sentence's trigger of
    shooting or attack, if any ("Malian soldiers fired on protesters"): an attack word
    whose doer is the state, in a sentence about a protest."""
    if lex is None:
        return None
    toks = c.sentence.tokens
    forces = [a for a in c.sentence.actors if _state(a)]
    if not forces or not any(t.dep for t in toks):
        return None  # no parse (Arabic): word order is read elsewhere
    side = _its_side(c, lex)
    for m in lex.triggers.find(toks):
        entry = m.payload
        if not (entry.sub == "Attack" or entry.generic == "attack"):
            continue  # "police clashed with protesters" is the crowd's fight too
        if not side[0] <= toks[m.start].start < side[1]:
            continue
        verb = next((k for k in range(m.start, m.end) if toks[k].pos == "VERB"), None)
        if verb is None:
            continue
        for a in forces:
            if subject_of(toks, a.start, verb):
                return a
    return None


def _its_side(c: Candidate, lex: Lexicon) -> Span:
    """The characters of the candidate's side of the sentence's contrast connectives
    ("while", «tandis que», «بينما»: each side tells its own happening); the whole
    sentence where it has none. Read once per question, not once per trigger."""
    toks = c.sentence.tokens
    cuts = contrast_cuts(lex, toks)
    at = token_at(toks, c.trigger[0])
    if not cuts or at is None:
        return toks[0].start, toks[-1].end
    return side_of(at, cuts, toks)


def _crowd_positions(c: Candidate, lex: Lexicon | None) -> list[int]:
    """Character offsets of the crowd words of the candidate's sentence."""
    if lex is None:
        return []
    toks = c.sentence.tokens
    return [toks[m.start].start for m in lex.crowd.find(toks)]


def _actor(ref: ActorRef | None) -> Actor | None:
    return ref.payload if ref is not None and isinstance(ref.payload, Actor) else None


def _armed_group(ref: ActorRef | None) -> bool:
    actor = _actor(ref)
    return actor is not None and actor.kind in _ARMED_KINDS


def _state(ref: ActorRef | None) -> bool:
    actor = _actor(ref)
    return actor is not None and actor.kind == "state_forces"


def _crowd_acts(c: Candidate, crowd: list[int]) -> bool:
    """Whether the crowd is the one acting: a party to a clash wherever it stands, or
    the agent of an attack (before the trigger; in Arabic, whose verb comes first, also
    the word right after it: "هاجم المحتجون المبنى")."""
    if all(_victims(c, pos) for pos in crowd):
        return False
    if c.sub_event_type == "Armed clash":
        return True
    trigger = c.trigger[0]
    if any(pos < trigger for pos in crowd):
        return True
    if c.sentence.language == "ar":
        toks = c.sentence.tokens
        k = next((t.i for t in toks if t.start <= trigger < t.end), None)
        if k is not None:
            return any(t.start in crowd for t in toks[k + 1 : k + 3])
    return False


def _victims(c: Candidate, pos: int) -> bool:
    """A counted crowd ("huit manifestants", "three protesters", "ثمانية متظاهرين") or
    the subject of a passive ("protesters were shot") is who was hit, not who acted."""
    toks = c.sentence.tokens
    k = next((t.i for t in toks if t.start == pos), None)
    if k is None:
        return False
    if toks[k].dep in ("nsubj:pass", "nsubjpass"):
        return True
    before = toks[max(0, k - 2) : k]
    return any(t.text.isdigit() or t.pos == "NUM" or _number_word(t.text) for t in before)


def _number_word(word: str) -> bool:
    from veille.nlp.arabic import normalize

    return normalize(word) in _AR_NUMBERS


#: Arabic cardinals (normalised), which the lexical pipeline does not tag as numbers.
_AR_NUMBERS = frozenset(
    [
        "ثلاثه",
        "اربعه",
        "خمسه",
        "سته",
        "سبعه",
        "ثمانيه",
        "تسعه",
        "عشره",
        "عشرات",
        "مئات",
        "ثلاث",
        "اربع",
        "خمس",
        "ست",
        "سبع",
        "ثماني",
        "تسع",
        "عشر",
    ]
)


def _retyped(c: Candidate, crowd: list[int]) -> Candidate:
    if _crowd_acts(c, crowd):
        return _as_riot(c)
    if (_state(c.actor1) or _state(c.actor2)) and (c.fatalities or c.weapon == "firearms"):
        # "Police opened fire on the protesters, killing three", «فتحت قوات الأمن النار
        # على متظاهرين»: lethal force against a crowd.
        actor1, actor2 = (c.actor1, c.actor2) if _state(c.actor1) else (c.actor2, None)
        return replace(
            c,
            kind=replace(c.kind, sub_event_type=EXCESSIVE_FORCE, generic=None),
            target_civilian=False,
            actor1=actor1,
            actor2=actor2,
        )
    return c  # a crowd attacked by others: the attack stays what it is


def _forces_were_the_dead(c: Candidate) -> bool:
    """The toll counts the forces: the state's forces named within the toll's words
    ("three policemen were killed", «trois policiers ont été tués»)."""
    span = c.fatalities_span
    return span is not None and any(
        span[0] <= a.start < span[1] + _DEAD_NOUN_REACH and _state(a) for a in c.sentence.actors
    )


#: Characters after the count within which the noun of the dead it counts may start.
_DEAD_NOUN_REACH = 4


def _as_riot(c: Candidate) -> Candidate:
    actor1, actor2 = c.actor1, c.actor2
    if _state(actor1) and actor2 is None:
        # "La police a affronté des manifestants": the crowd is actor 1 (named by the
        # assembler as "Rioters (country)"), the forces it fought actor 2.
        actor1, actor2 = None, actor1
    return replace(
        c,
        kind=replace(c.kind, sub_event_type=RIOT, generic=None, mode="riot"),
        actor1=actor1,
        actor2=actor2,
        target_civilian=False,
    )
