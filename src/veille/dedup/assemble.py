"""Field reconciliation: one event from the mentions deduplication put together.

Fields are chosen by evidence (the stated sub-type, the finest date, the most precise
place, the lowest toll); disagreements are kept as ``conflicts``; the summary, the
confidence and the stable ids are derived here too. Nothing here decides *which*
mentions are one event (that is ``match`` and ``cluster``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from veille.extract.taxonomy import (
    AIR_STRIKE,
    DESTROYING_FAMILIES,
    EXCESSIVE_FORCE,
    LOOTING,
    SHELLING,
    SUB_EVENT_TYPES,
    TAKING_GROUND,
    family,
)
from veille.model import Actor, Conflict, Event, Location, Mention, Plover, stable_id

# Within a family, the more severe sub-type wins when mentions disagree (ACLED codes
# a protest that police dispersed as "Protest with intervention").
_SEVERITY = {
    "Peaceful protest": 0,
    "Protest with intervention": 1,
    EXCESSIVE_FORCE: 2,
}

#: What a clash told beside it is part of, once deduplication joined them.
_CLASH_IS_PART_OF = frozenset({"Violent demonstration", *TAKING_GROUND})

_CLAIM_PRIORITY = {"confirmed": 3, "claimed": 2, "denied": 1, "reported": 0}
_FEATURE_ORDER = {"site": 0, "city": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5}


def merge(kept: Event, new: Event) -> Event:
    """One event from two: ``kept``'s id, all mentions, fields chosen by evidence."""
    seen = {m.key() for m in kept.mentions}
    mentions = [*kept.mentions, *(m for m in new.mentions if m.key() not in seen)]
    sources = list(kept.sources)
    for s in new.sources:
        if all(s.source_id != t.source_id for t in sources):
            sources.append(s)
    framing = list(kept.framing)
    for f in new.framing:
        if all((f.article_id, f.span) != (g.article_id, g.span) for g in framing):
            framing.append(f)
    merged = kept.model_copy(update={"mentions": mentions, "sources": sources, "framing": framing})
    return _recompute(merged, [kept, new])


_ATTACK_ON_CIVILIANS = "Attack"

#: A demonstration's tellings by what force met it (a violent demonstration is another
#: kind: its violence is the crowd's).
FORCE_ON_A_CROWD = frozenset({"Peaceful protest", "Protest with intervention", EXCESSIVE_FORCE})
#: Demonstrations, peaceful or not.
DEMONSTRATIONS = frozenset({*FORCE_ON_A_CROWD, "Violent demonstration"})


def crowd_and_force(e: Event) -> tuple[Actor | None, Actor | None]:
    """A demonstration's crowd and the force that met it, whichever seats ACLED gives
    them: the crowd is actor 1 of a protest and actor 2 of excessive force against it."""
    if e.sub_event_type in (EXCESSIVE_FORCE, _ATTACK_ON_CIVILIANS):
        return e.actor2, e.actor1  # the forces' attack on people at a protest
    return e.actor1, e.actor2


def _seated(sub: str, parts: Sequence[Event]) -> tuple[Actor | None, Actor | None]:
    """Actors 1 and 2 of a demonstration told as a march and as its dispersal: each
    side from the first telling that names it, seated as ``sub`` seats it."""
    sides = [crowd_and_force(p) for p in parts]
    crowd = next((c for c, _ in sides if c is not None), None)
    force = next((f for _, f in sides if f is not None), None)
    if sub == EXCESSIVE_FORCE:
        return force, crowd
    return crowd, force


def _recompute(e: Event, parts: Sequence[Event]) -> Event:
    ms = e.mentions
    # Type: the most frequent stated sub-type; unstated ("cette attaque") defers.
    stated = [
        m.values.sub_event_type for m in ms if m.values.sub_event_type and not m.values.generic
    ]
    if "Arrests" in stated and set(stated) & DEMONSTRATIONS:
        # Arrests at the demonstration (``match._arrests_at_a_demonstration``): force
        # used on it, a peaceful protest met with intervention.
        stated = [
            "Protest with intervention" if x == "Peaceful protest" else x
            for x in stated
            if x != "Arrests"
        ]
    subs = {m.values.sub_event_type or "" for m in ms} | {p.sub_event_type for p in parts}
    burnt = [p for p in parts if p.sub_event_type == LOOTING]
    if LOOTING in subs and any(family(x) in DESTROYING_FAMILIES for x in subs):
        # What an armed act burnt or looted (``match._part_of_the_other``), however
        # plainly the act was told ("gunmen attacked"): the act's.
        stated = [x for x in stated if x != LOOTING]
        parts = [p for p in parts if p.sub_event_type != LOOTING] or parts
    if set(stated) & FORCE_ON_A_CROWD and any(
        p.sub_event_type in (_ATTACK_ON_CIVILIANS, EXCESSIVE_FORCE)
        and p.actor1 is not None
        and p.actor1.kind == "state_forces"
        for p in parts
    ):
        # The forces' attack on people at the protest's place and day
        # (``match._forces_fire_at_a_demonstration``), told as an attack or plainly
        # ("police opened fire"): the force used on it.
        stated = [x for x in stated if x != _ATTACK_ON_CIVILIANS] + [EXCESSIVE_FORCE]
    if EXCESSIVE_FORCE in stated:
        # The clashes the force was used in (``match._one_demonstration``): the force's.
        stated = [x for x in stated if x != "Violent demonstration"]
    if "Disrupted weapons use" in stated and (SHELLING in stated or AIR_STRIKE in stated):
        # Missiles shot down over the town they were fired at, drones of a drone attack
        # downed (``match._part_of_the_other``): the attack, of which the interception
        # is a part.
        stated = [x for x in stated if x != "Disrupted weapons use"]
    told = [p.sub_event_type for p in parts if p.sub_event_type in TAKING_GROUND and p.actor1]
    if len(set(stated) & TAKING_GROUND) > 1 and told:
        # One taking of ground told twice (``match._part_of_the_other``): its side is the
        # one the telling that names the doer gives.
        stated = [x for x in stated if x not in TAKING_GROUND or x == told[0]]
    if stated and set(stated) - {"Armed clash"} <= _CLASH_IS_PART_OF:
        # "Clashes in Dakar" told over a riot (``match._clash_of_a_riot``), the fighting
        # for ground taken (``match._part_of_the_other``): the riot's, the taking's.
        stated = [x for x in stated if x != "Armed clash"] or stated
    if stated and all(x in _SEVERITY for x in stated):
        sub = max(stated, key=lambda x: _SEVERITY[x])
    else:
        sub = Counter(stated).most_common(1)[0][0] if stated else _default_sub(parts)
    info = SUB_EVENT_TYPES[sub]
    weapon = next(
        (m.values.weapon for m in ms if m.values.sub_event_type == sub and m.values.weapon), None
    )
    weapon = weapon or next((p.weapon for p in parts if p.weapon), None)
    plover_mode = next(
        (p.plover.mode for p in parts if p.sub_event_type == sub and p.plover.mode), None
    )
    # Date: a phrase in the text beats an embedded post's own date; finer beats coarser.
    dated = [m for m in ms if m.values.event_date is not None]
    rank = {"day": 0, "week": 1, "month": 2, "year": 3}
    dated.sort(
        key=lambda m: (m.values.date_from_post, rank.get(m.values.date_precision or "year", 4))
    )
    best_date = dated[0].values if dated else None
    tod = next(
        (
            m.values.time_of_day
            for m in dated
            if m.values.event_date == (best_date.event_date if best_date else None)
            and m.values.time_of_day
        ),
        None,
    )
    location = _told_location(parts)
    if sub in FORCE_ON_A_CROWD:
        actor1, actor2 = _seated(sub, parts)
    else:
        # «Les assaillants, membres de X, ont incendié des maisons»: who burnt, named
        # where the act itself named no doer, did the act.
        actor1 = next((p.actor1 for p in (*parts, *burnt) if p.actor1), None)
        actor2 = next(
            (p.actor2 for p in parts if p.actor2 and (actor1 is None or p.actor2.id != actor1.id)),
            None,
        )
    claims = [p.claim for p in parts if p.claim]
    claim = max(claims, key=lambda c: _CLAIM_PRIORITY[c.status]) if claims else None
    tolls = [m.values.fatalities for m in _counting(ms) if m.values.fatalities is not None]
    counts = [p.weapon_count for p in parts if p.weapon_count]
    out = e.model_copy(
        update={
            "event_type": info.event_type,
            "sub_event_type": sub,
            "plover": Plover(event_type=info.plover, mode=plover_mode),
            "weapon": weapon,
            "weapon_count": max(counts) if counts else None,
            "event_date": best_date.event_date if best_date else None,
            "date_precision": best_date.date_precision if best_date else None,
            "time_of_day": tod,
            "location": location,
            "actor1": actor1,
            "actor2": actor2,
            "claim": claim,
            "fatalities": min(tolls) if tolls else None,  # ACLED: the lowest reported figure
        }
    )
    out.conflicts = conflicts_of(out)
    out.notes = summary(out)
    out.confidence = confidence(out)
    return out


def _default_sub(parts: Sequence[Event]) -> str:
    """The type of an event no mention states: a remote weapon's, else violence
    against civilians when any mention tells civilians were its target (the others
    said no more than "an attack"), else the first mention's default."""
    for p in parts:
        if family(p.sub_event_type) == "remote":
            return p.sub_event_type
    if any(p.sub_event_type == _ATTACK_ON_CIVILIANS for p in parts):
        return _ATTACK_ON_CIVILIANS
    return parts[0].sub_event_type


def _told_location(parts: Sequence[Event]) -> Location | None:
    """The event's place: the most precise one its telling mentions give; a mention
    that only refers back to it ("the toll rose to five", anaphoric) refines it only
    with a place inside it ("the strike, on Khiam" in southern Lebanon), never moves
    it elsewhere ("... at hospitals in Quetta" for a bombing in Nushki district)."""
    told = _best_location([p.location for p in parts if not is_anaphoric(p)])
    if told is None:
        return _best_location([p.location for p in parts])
    body = _best_location([p.location for p in parts if not is_anaphoric(p) and not headline(p)])
    if (
        body is not None
        and body.geo_precision <= 2
        and body.admin1 is not None
        and body.admin1 == told.admin1
        and body.gazetteer_id != told.gazetteer_id
    ):
        # "3 soldiers killed in Kirkuk" over «في قضاء الدبس بمحافظة كركوك»: a town the
        # body tells the act at yields to no headline town of its province.
        told = body
    finer = [
        p.location
        for p in parts
        if is_anaphoric(p) and p.location is not None and _within(p.location, told)
    ]
    return _best_location([told, *finer])


def headline(e: Event) -> bool:
    """The event is told by the article's headline alone: one mention, at the start of
    the text, with no full stop (a title; a first sentence of a text with no headline
    ends with one)."""
    if len(e.mentions) != 1 or e.mentions[0].start != 0:
        return False
    return not e.mentions[0].text.rstrip().endswith(_SENTENCE_ENDS)


#: What ends a sentence, not a headline.
_SENTENCE_ENDS = (".", "!", "؟", "…")


def _within(loc: Location, area: Location) -> bool:
    """Whether ``loc`` lies in ``area`` by their codes (the same place counts)."""
    if loc.gazetteer_id is not None and loc.gazetteer_id == area.gazetteer_id:
        return True
    if loc.iso3 is None or loc.iso3 != area.iso3:
        return False
    kind = _feature(area)
    if kind == "country":
        return True
    if kind == "admin1":
        return loc.admin1 == area.admin1
    if kind == "admin2":
        return loc.admin2 == area.admin2
    return False


def _best_location(locs: Iterable[Location | None]) -> Location | None:
    present = [loc for loc in locs if loc is not None]
    if not present:
        return None
    return min(present, key=lambda loc: (loc.geo_precision, _FEATURE_ORDER.get(_feature(loc), 3)))


def _feature(loc: Location) -> str:
    """The kind of place a location is, for the tie-break between equally precise ones.

    A ``Location`` does not carry the gazetteer's feature, and its id's prefix names the
    gazetteer ("geonames:", "site:"), not the feature: a curated site is "site:";
    otherwise a place named as its own country, first- or second-level area is that
    area, anything else a city.
    """
    if (loc.gazetteer_id or "").startswith("site:"):
        return "site"
    if loc.country is not None and loc.name == loc.country:
        return "country"
    if loc.admin1 is not None and loc.name == loc.admin1:
        return "admin1"
    if loc.admin2 is not None and loc.name == loc.admin2:
        return "admin2"
    return "city"


def conflicts_of(e: Event) -> list[Conflict]:
    """Fields on which the mentions disagree, with which source said what."""
    out: list[Conflict] = []

    def collect(field: str, values: list[tuple[str, str]], note: str) -> None:
        distinct = sorted({v for v, _ in values})
        if len(distinct) > 1:
            by_value = {v: s for v, s in reversed(values)}
            out.append(
                Conflict(
                    field=field,
                    values=distinct if field != "event_date" else _order_dates(e, distinct),
                    sources=[
                        by_value[v]
                        for v in (distinct if field != "event_date" else _order_dates(e, distinct))
                    ],
                    note=note,
                )
            )

    collect(
        "event_date",
        [(m.values.event_date.isoformat(), m.source_id) for m in e.mentions if m.values.event_date],
        "Sources give different dates; an embedded post's date shows in the reader's time zone.",
    )
    collect(
        "fatalities",
        [
            (str(m.values.fatalities), m.source_id)
            for m in _counting(e.mentions)
            if m.values.fatalities is not None
        ],
        "Sources give different death tolls; the lowest is used (ACLED convention).",
    )
    collect(
        "claim_status",
        [
            (m.values.claim_status, m.source_id)
            for m in e.mentions
            if m.values.claim_status in ("denied",)
        ]
        + [
            (m.values.claim_status, m.source_id)
            for m in e.mentions
            if m.values.claim_status in ("claimed", "confirmed")
        ],
        "One source denies what another claims or confirms.",
    )
    return out


def _counting(mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions whose tolls count: those that told a figure for the event's place,
    when any did ("23 killed in X and Y ... In X, 15 died": 15, not half of 23; "dozens
    killed ... at least 80 killed": 80, not the 12 ACLED codes "dozens" as); else the
    shares of a figure told for several places (ACLED divides it evenly); else the
    estimates."""
    told = [m for m in mentions if m.values.fatalities is not None]
    figures = [m for m in told if not m.values.fatalities_vague]
    own = [m for m in figures if not m.values.fatalities_shared]
    return own or figures or told


def _order_dates(e: Event, values: list[str]) -> list[str]:
    chosen = e.event_date.isoformat() if e.event_date else None
    return sorted(values, key=lambda v: (v != chosen, v))


def summary(e: Event) -> str:
    """A neutral one-sentence English summary built only from normalised fields."""
    who = e.actor1.name if e.actor1 else "An unidentified actor"
    what = e.sub_event_type.lower()
    target = f" targeting {e.actor2.name}" if e.actor2 else ""
    where = ""
    if e.location:
        parts = [e.location.name]
        if e.location.admin1 and e.location.admin1 != e.location.name:
            parts.append(e.location.admin1)
        if e.location.country and e.location.country not in parts:
            parts.append(e.location.country)
        where = " in " + ", ".join(parts)
    when = f" on {e.event_date.isoformat()}" if e.event_date else ""
    weapon = f" ({e.weapon})" if e.weapon else ""
    toll = ""
    if e.fatalities is not None:
        toll = f"; {e.fatalities} reported killed"
    status = ""
    if e.claim:
        by = f" by {e.claim.by}" if e.claim.by else ""
        status = f"; {e.claim.status}{by}"
    return f"{who}: {what}{weapon}{target}{where}{when}{toll}{status}."


def confidence(e: Event) -> float:
    """A transparent heuristic (not a calibrated probability): evidence present."""
    score = 0.35
    score += 0.1 if e.event_date else 0.0
    score += 0.1 if e.location and e.location.geo_precision <= 2 else 0.05 if e.location else 0.0
    score += 0.1 if e.actor1 else 0.0
    score += 0.05 if e.actor2 else 0.0
    score += 0.1 if any(not m.values.generic for m in e.mentions) else 0.0
    score += 0.05 * min(3, len({m.source_id for m in e.mentions}) - 1)
    score += 0.05 if e.claim and e.claim.status in ("claimed", "confirmed") else 0.0
    return round(min(score, 0.99), 2)


def is_anaphoric(e: Event) -> bool:
    """Every mention is an anaphor ("cette attaque") with nothing of its own."""
    return all(m.values.anaphoric for m in e.mentions)


def assign_ids(events: Iterable[Event]) -> list[Event]:
    """Stable ids: the same input gives the same ids, whatever the processing order."""
    out = []
    for e in events:
        keys = sorted(m.key() for m in e.mentions)
        out.append(e.model_copy(update={"event_id": stable_id(keys[0] if keys else e.notes)}))
    return out


def sort_events(events: Iterable[Event]) -> list[Event]:
    return sorted(
        events,
        key=lambda e: (
            min((m.article_id for m in e.mentions), default=""),
            min((m.start for m in e.mentions), default=0),
        ),
    )


def finalize(events: Iterable[Event]) -> list[Event]:
    """Drop internal markers, recompute derived fields, assign ids, order by text."""
    out = []
    for e in events:
        if is_anaphoric(e):
            continue  # an anaphor that found no antecedent is not an event by itself
        out.append(_recompute(e, [e]))
    return sort_events(assign_ids(out))
