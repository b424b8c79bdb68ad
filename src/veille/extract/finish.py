"""Finishing a sentence's candidates: an untyped mention of the act just told (a toll or
a claim with no trigger), the date and toll set on a candidate, the kind ACLED names by
its doer (a state's forces regaining ground, protesters turned violent), missiles an air
strike fired ("Jets fired missiles at X ..., other missiles hit the building": one air
strike) and the doer an accusation names. ``veille.extract.sentence`` calls them."""

from __future__ import annotations

from dataclasses import replace

from veille.extract.attribution import Attribution
from veille.extract.candidate import ActorRef, Candidate, SentenceInput, Typing
from veille.extract.roles import listed_with
from veille.extract.taxonomy import (
    AIR_STRIKE,
    SHELLING,
    TAKING_GROUND,
    crowd_violence,
    territory_side,
)
from veille.extract.tolls import Toll
from veille.extract.when import When
from veille.model import Span


def anaphor(s: SentenceInput, trigger: Span) -> Candidate:
    """An untyped mention of the attack just told (a toll, a claim): its story types it."""
    return Candidate(
        sentence=s,
        trigger=trigger,
        kind=Typing(None, "attack", None, -1, None),
        anaphoric=True,
    )


def named_by_doer(cand: Candidate) -> Candidate:
    """ACLED names some kinds by who did them: a state's forces taking ground in their
    own country regain it; protesters who burn or attack hold a violent demonstration."""
    if cand.sub_event_type is not None:
        doer = cand.actor1.payload if cand.actor1 else None
        where = cand.place.iso3 if cand.place else None
        # Allies matter only to ground taken: read them for that kind alone.
        allies = (
            [r.payload for r in listed_with(cand.actor1, cand.sentence)]
            if cand.actor1 is not None and cand.sub_event_type in TAKING_GROUND
            else []
        )
        sub = territory_side(cand.sub_event_type, doer, where, allies)
        cand.kind = replace(cand.kind, sub_event_type=crowd_violence(sub, doer))
    return cand


def set_when(cand: Candidate, when: When) -> None:
    cand.event_date, cand.date_precision = when.event_date, when.precision
    cand.time_of_day, cand.date_span, cand.time_span = (
        when.time_of_day,
        when.date_span,
        when.time_span,
    )
    cand.date_from_post = when.from_post
    cand.date_told = when.told


def set_toll(cand: Candidate, toll: Toll | None) -> None:
    if toll is not None:
        cand.fatalities, cand.fatalities_span = toll.count, toll.span


#: Munitions an aircraft fires as well as a launcher on the ground.
_AIR_LAUNCHED = frozenset({"missile", "rocket"})


def air_launched(out: list[Candidate]) -> list[Candidate]:
    """ "Jets fired missiles at X ..., other missiles hit the building": missiles or
    rockets in a sentence that tells aircraft firing (at the same place, or at none it
    names), by the same doer (or none named), are theirs: one air strike, not a missile
    attack beside it. The strike takes the place and toll the missiles' clause names
    where its own clause names none."""
    air = [c for c in out if c.sub_event_type == AIR_STRIKE]
    kept: list[Candidate] = []
    for c in out:
        strike = next(
            (
                a
                for a in air
                if c.sub_event_type == SHELLING
                and c.weapon in _AIR_LAUNCHED
                and (a.place is None or c.place is None or a.place.place_id == c.place.place_id)
                and (c.actor1 is None or a.actor1 is None or a.actor1.actor_id == c.actor1.actor_id)
            ),
            None,
        )
        if strike is None:
            kept.append(c)
            continue
        if strike.place is None:
            strike.place = c.place
        if strike.fatalities is None:
            strike.fatalities, strike.fatalities_span = c.fatalities, c.fatalities_span
    return kept


def with_accused(out: list[Candidate], att: Attribution, who: ActorRef) -> None:
    """The sentence's teller accuses ``who`` of its act: the alleged doer of each
    candidate that names no other (and no target of it), reported by the accuser."""
    for c in out:
        if c.actor1 is not None and c.actor1.actor_id != who.actor_id:
            continue
        if c.claim_status == "denied":
            # "X denied targeting civilians and accused the army of ...": the act denied
            # is the one X was said to have done, not the army's.
            continue
        if c.actor2 is not None and c.actor2.actor_id == who.actor_id:
            c.actor2 = None
        c.actor1 = who
        if c.claim_status in ("claimed", "denied"):
            continue  # a claim or a denial the sentence also makes stays its attribution
        c.claim_status, c.claim_by, c.claim_via, c.claim_span = (
            att.status,
            att.by,
            att.via,
            att.span,
        )
