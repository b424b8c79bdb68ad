"""Whether two events tell one happening: compatibility and a score in [0, 1].

The evidence is structured (event-type family, dates with a window, places by
identity, containment or distance, canonical actor ids), so it works across
languages without translation.
"""

from __future__ import annotations

from collections.abc import Iterator

from veille.dedup.assemble import DEMONSTRATIONS as _DEMONSTRATIONS
from veille.dedup.assemble import FORCE_ON_A_CROWD as _FORCE_ON_A_CROWD
from veille.dedup.assemble import crowd_and_force as _crowd_and_force
from veille.dedup.assemble import headline
from veille.dedup.blocking import DATE_WINDOW_DAYS
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
from veille.geodesy import distance_km
from veille.model import Actor, Event, Location, Mention

SAME_EVENT_THRESHOLD = 0.6  # across articles: needs a shared place and a close date
SAME_ARTICLE_THRESHOLD = 0.55  # within one article the discourse links mentions too
NEAR_KM = 25.0
ADJACENT_CHARS = 40  # mentions closer than this in one text are consecutive sentences


def _specific_subs(e: Event) -> set[str]:
    return {
        m.values.sub_event_type
        for m in e.mentions
        if m.values.sub_event_type and not m.values.generic
    }


def _types_compatible(a: Event, b: Event) -> bool:
    if _troops_against_attackers(a, b) or _troops_against_attackers(b, a):
        return False
    sa, sb = _specific_subs(a), _specific_subs(b)
    if sa and sb:
        return bool(sa & sb)
    if not sa and not sb:
        return (
            family(a.sub_event_type) == family(b.sub_event_type)
            or _generic_attack(a)
            or _generic_attack(b)
        )
    specific, generic = (a, b) if sa else (b, a)
    if _generic_attack(generic):
        return SUB_EVENT_TYPES[specific.sub_event_type].violent
    return family(generic.sub_event_type) == family(specific.sub_event_type)


def _one_demonstration(a: Event, b: Event) -> bool:
    """A demonstration told in one sentence and its dispersal in the next ("la police a
    dispersé les cortèges") are one demonstration, coded by its most severe telling."""
    subs = _specific_subs(a) | _specific_subs(b)
    if EXCESSIVE_FORCE in subs:
        # "Bloody clashes between the forces and protesters. Eight protesters were
        # killed when the forces fired tear gas": the clashes were the force used.
        subs = subs - {"Violent demonstration"}
    return bool(subs) and subs <= _FORCE_ON_A_CROWD and _text_distance(a, b) <= ADJACENT_CHARS


def _arrests_at_a_demonstration(a: Event, b: Event) -> bool:
    """ "Police fired tear gas at the marchers ... At least 30 people were arrested": the
    arrests the article tells at its demonstration (same place and day, checked by the
    caller) are the force used on it, not an event of their own (ACLED codes the
    demonstration, with intervention)."""
    subs = {a.sub_event_type, b.sub_event_type}
    arrests = a if a.sub_event_type == "Arrests" else b
    return (
        "Arrests" in subs
        and bool(subs & _DEMONSTRATIONS)
        and (arrests.actor2 is None or arrests.actor2.kind in ("protesters", "civilians"))
    )


#: The kinds of a crowd ACLED names: "Protesters (X)" who march, "Rioters (X)" who riot.
_CROWDS = frozenset({"protesters", "rioters"})


def _riot_of_the_protest(a: Event, b: Event) -> bool:
    """ "Youths burned cars during protests in X": one sentence telling a protest and a
    riot at one place (checked by the caller) tells one demonstration that turned
    violent, its crowd named as protesters by one telling and rioters by the other."""
    if {a.sub_event_type, b.sub_event_type} != {"Peaceful protest", "Violent demonstration"}:
        return False
    if not any(_one_sentence(a, b)):
        return False
    return (
        all(x.actor1 is None or x.actor1.kind in _CROWDS for x in (a, b))
        and a.actor2 is None
        and b.actor2 is None
    )


def _killed_at_a_demonstration(a: Event, b: Event) -> bool:
    """ "Crowds stormed the assembly and set tyres ablaze ... Three people were shot dead
    nearby": people no one is named for killing, told right next to a demonstration at
    its place and day (checked by the caller), died at it (ACLED codes the
    demonstration, or the force used on it, with its dead)."""
    subs = {a.sub_event_type, b.sub_event_type}
    if "Attack" not in subs or not subs & _DEMONSTRATIONS:
        return False
    attack = a if a.sub_event_type == "Attack" else b
    return (
        attack.actor1 is None
        and (attack.actor2 is None or attack.actor2.kind in ("civilians", "protesters"))
        and _text_distance(a, b) <= ADJACENT_CHARS
    )


def _forces_fire_at_a_demonstration(a: Event, b: Event) -> bool:
    """ "Police fired live rounds near the business district; a young man was killed",
    told of the place and day of a protest the article tells (checked by the caller),
    however far from it: the forces' attack on people there is the force used on the
    protest (ACLED: excessive force against protesters, ``assemble._recompute``)."""
    subs = {a.sub_event_type, b.sub_event_type}
    if "Attack" not in subs or not subs & _FORCE_ON_A_CROWD:
        return False
    attack = a if a.sub_event_type == "Attack" else b
    return (
        attack.actor1 is not None
        and attack.actor1.kind == "state_forces"
        and (attack.actor2 is None or attack.actor2.kind in ("civilians", "protesters"))
    )


#: Weapons of a missile or rocket attack that may be shot down over the town it targets.
_FIRED_AT_A_TOWN = frozenset({"missile", "rocket"})


def _part_of_the_other(a: Event, b: Event) -> bool:
    """ "The army retook the town after heavy fighting. Fifteen militants were killed in
    the fighting": the clash told beside a taking of ground is the battle for it (ACLED
    codes one event, by who took the ground); so are the missiles shot down over a town
    in the missile attack on it, and the homes a deadly attack burnt (told next to it).
    The caller checks day and place."""
    subs = {a.sub_event_type, b.sub_event_type}
    if (
        LOOTING in subs
        and len(subs) == 2
        and family((subs - {LOOTING}).pop()) in DESTROYING_FAMILIES
    ):
        # "The attackers also set fire to dozens of homes": what an armed act that
        # killed burnt or looted at its place that day, told as the story goes on, is
        # part of it (ACLED codes the attack); told hours of a live blog apart, it may be
        # another's act. An attack that hurt no one on a building is its destruction.
        act = b if a.sub_event_type == LOOTING else a
        on_people = act.actor2 is not None and act.actor2.kind == "civilians"
        return (bool(act.fatalities) or on_people) and _text_distance(a, b) <= ADJACENT_CHARS
    if subs == {"Disrupted weapons use", SHELLING}:
        # Only the missiles or rockets of the attack: drones shot down are another act.
        stopped = a if a.sub_event_type == "Disrupted weapons use" else b
        return stopped.weapon in _FIRED_AT_A_TOWN
    if subs == {"Disrupted weapons use", AIR_STRIKE}:
        # "Two drones targeted the base. One of them was shot down": the drones of the
        # drone attack told right before it, downed at its place and day, are part of it.
        stopped, strike = (a, b) if a.sub_event_type == "Disrupted weapons use" else (b, a)
        return (
            stopped.weapon == "drone"
            and strike.weapon == "drone"
            and _text_distance(a, b) <= ADJACENT_CHARS
        )
    if "Armed clash" in subs and bool(subs & TAKING_GROUND):
        return True
    if subs == {"Armed clash", SHELLING}:
        # "Clashes broke out in the city. Residents said shells fell on homes": shells no
        # one is named for, or fired by a side of the clash, at its place and day, are
        # the clash's heavy weapons.
        shells, clash = (a, b) if a.sub_event_type == SHELLING else (b, a)
        sides = {x.id for x in (clash.actor1, clash.actor2) if x is not None}
        return shells.actor1 is None or shells.actor1.id in sides
    # «nos unités ont pris le contrôle de ...» beside "the army took the town": a taking
    # whose doer the sentence does not name is the taking the story names, whichever
    # side its reading defaulted to.
    return subs <= TAKING_GROUND and len(subs) == 2 and (a.actor1 is None or b.actor1 is None)


def _headline_over(a: Event, b: Event) -> bool:
    """A headline (with the lead that repeats it) names the story's area («... dans le
    Nord», "... in southern Lebanon"), the body its towns: the headline's province or
    region of the town's country holds the town's event, whichever province the
    gazetteer files the town under; so does the area around a town of the town's
    province («ريف درعا» over a village of Daraa), and a headline's lone town over
    another place of its province."""
    for head, body in ((a, b), (b, a)):
        h, t = head.location, body.location
        if (
            h is None
            or t is None
            or not any(m.start == 0 for m in head.mentions)
            or h.iso3 is None
            or h.iso3 != t.iso3
        ):
            continue
        if (
            headline(head)
            and h.admin1 is not None
            and h.admin1 == t.admin1
            and t.geo_precision >= h.geo_precision
        ):
            # "3 soldiers killed in Kirkuk" over a body that tells the attack in a
            # district of Kirkuk province: a headline told alone names the province by
            # its chief town (once joined to one act, it joins no other of the province).
            return True
        if t.geo_precision >= h.geo_precision:
            continue
        # A province or region of the town's country; or the area around a town of
        # the same province («ريف درعا», "outside Daraa") over a town of that province.
        if h.geo_precision == 3 or (h.admin1 is not None and h.admin1 == t.admin1):
            return True
    return False


def _sides(e: Event) -> set[str]:
    return {x.id for x in (e.actor1, e.actor2) if x is not None}


def _one_fight(a: Event, b: Event) -> bool:
    """ "Fierce clashes between the army and the RSF in X. The army repelled an attack on
    its base there": a clash has two sides, which reports name in either order and one
    at a time; two clashes whose named sides are no more than two may be one fight."""
    return a.sub_event_type == b.sub_event_type == "Armed clash" and len(_sides(a) | _sides(b)) <= 2


def _clash_of_a_riot(a: Event, b: Event) -> bool:
    """ "Clashes in Dakar" over a body that tells youths fighting the police: a clash that
    names no side, in the article of a violent demonstration, is that demonstration."""
    if {a.sub_event_type, b.sub_event_type} != {"Armed clash", "Violent demonstration"}:
        return False
    clash = a if a.sub_event_type == "Armed clash" else b
    return clash.actor1 is None and clash.actor2 is None


def _same_sides(a: tuple[Actor | None, Actor | None], b: tuple[Actor | None, Actor | None]) -> bool:
    """No side is named differently by the two (an unnamed side agrees with any)."""
    return all(x is None or y is None or x.id == y.id for x, y in zip(a, b, strict=True))


def _troops_against_attackers(attack: Event, clash: Event) -> bool:
    """ "Gunmen attacked the village, killing 17 residents. Troops engaged the attackers
    in a gunfight": an unspecific verb whose victims are civilians tells an Attack
    (ACLED), and a clash in which a side it does not name fought is another event."""
    if not (
        attack.sub_event_type == "Attack"
        and attack.actor2 is not None
        and attack.actor2.kind == "civilians"
        and _generic_attack(attack)
        and _specific_subs(clash) == {"Armed clash"}
    ):
        return False
    doer = attack.actor1.id if attack.actor1 is not None else None
    return any(
        side is not None and side.kind != "civilians" and side.id != doer
        for side in (clash.actor1, clash.actor2)
    )


def _generic_attack(e: Event) -> bool:
    """A mention whose only type evidence is an unspecific verb ("cibler", "cette attaque")."""
    return all(m.values.generic for m in e.mentions) and family(e.sub_event_type) != "remote"


def _place_relation(a: Location | None, b: Location | None) -> str:
    """'same', 'near', 'nested' (one contains the other), 'unknown' or 'different'."""
    if a is None or b is None:
        return "unknown"
    if a.gazetteer_id and a.gazetteer_id == b.gazetteer_id:
        return "same"
    if a.iso3 and b.iso3 and a.iso3 != b.iso3:
        return "different"
    # Two exactly named places (precision 1) are different places however close;
    # "near" is for approximate ones ("près de X", "the outskirts of Y").
    if (
        2 in (a.geo_precision, b.geo_precision)
        and max(a.geo_precision, b.geo_precision) <= 2
        and a.lat is not None
        and b.lat is not None
        and a.lon is not None
        and b.lon is not None
        and distance_km(a.lat, a.lon, b.lat, b.lon) <= NEAR_KM
    ):
        return "near"
    broad_a, broad_b = a.geo_precision == 3, b.geo_precision == 3
    if broad_a or broad_b:
        wide, narrow = (a, b) if broad_a and not broad_b else (b, a)
        if wide.admin1 is None or narrow.admin1 is None or wide.admin1 == narrow.admin1:
            return "nested"
        if wide.name == narrow.admin1 or wide.name == narrow.country:
            return "nested"
    return "different"


def _split_from_one_sentence(a: Event, b: Event) -> bool:
    """A mention of each was read from one sentence, for another place each: the
    sentence listed places struck, one event per place (ACLED)."""
    return any(_place_of(m) != _place_of(n) for m, n in _one_sentence(a, b))


def _one_sentence(a: Event, b: Event) -> Iterator[tuple[Mention, Mention]]:
    """The pairs of a mention of ``a`` and one of ``b`` read from one sentence."""
    return (
        (m, n)
        for m in a.mentions
        for n in b.mentions
        if (m.article_id, m.start) == (n.article_id, n.start)
    )


def _place_of(m: Mention) -> str | None:
    return m.values.location_id or m.values.location_name


def _told_as_another(e: Event) -> bool:
    """Every telling of ``e`` says it is another event than one told before. At the same
    place and day it may still be one ACLED event (events are coded per place and day)."""
    return all(m.values.another for m in e.mentions)


def _date_gap(a: Event, b: Event) -> int | None:
    if a.event_date is None or b.event_date is None:
        return None
    return abs((a.event_date - b.event_date).days)


def _sources(e: Event) -> set[str]:
    return {m.source_id for m in e.mentions}


def _articles(e: Event) -> set[str]:
    return {m.article_id for m in e.mentions}


def _from_posts_only(e: Event) -> bool:
    return all(m.values.date_from_post for m in e.mentions if m.values.event_date)


def match_score(a: Event, b: Event, *, same_article: bool = False) -> float:
    """How likely ``a`` and ``b`` describe one happening, in [0, 1] (0: incompatible)."""
    demonstration = same_article and _one_demonstration(a, b)
    riot = same_article and (
        _clash_of_a_riot(a, b)
        or _part_of_the_other(a, b)
        or _arrests_at_a_demonstration(a, b)
        or _killed_at_a_demonstration(a, b)
        or _forces_fire_at_a_demonstration(a, b)
        or _riot_of_the_protest(a, b)
    )
    if not _types_compatible(a, b) and not demonstration and not riot:
        return 0.0
    if demonstration:
        # "Police opened fire" told plainly next to the protest it fired at: the force
        # used on it, whose sides are the attack's (target, doer), not a crowd's.
        if not _same_sides(
            _crowd_and_force(a), _crowd_and_force(b)
        ) and not _forces_fire_at_a_demonstration(a, b):
            return 0.0
    elif riot and _arrests_at_a_demonstration(a, b):
        arrests, demo = (a, b) if a.sub_event_type == "Arrests" else (b, a)
        force = _crowd_and_force(demo)[1]
        if arrests.actor1 is not None and force is not None and arrests.actor1.id != force.id:
            return 0.0
    elif riot and (
        _killed_at_a_demonstration(a, b)
        or _forces_fire_at_a_demonstration(a, b)
        or _riot_of_the_protest(a, b)
    ):
        pass  # its dead were the crowd's; the rioters were the protesters
    elif riot and _part_of_the_other(a, b):
        # A clash has no seats: its sides need only be the taking's two sides.
        clash, taking = (
            (a, b)
            if a.sub_event_type in ("Armed clash", "Disrupted weapons use", LOOTING)
            else (b, a)
        )
        if {a.sub_event_type, b.sub_event_type} <= TAKING_GROUND or LOOTING in {
            a.sub_event_type,
            b.sub_event_type,
        }:
            # What the attackers burnt may name them where the attack did not ("The
            # assailants, members of X, set fire to homes"): no side told otherwise.
            if not _same_sides((a.actor1, a.actor2), (b.actor1, b.actor2)):
                return 0.0
        elif not _sides(clash) <= _sides(taking):
            return 0.0
    elif (
        not _same_sides((a.actor1, a.actor2), (b.actor1, b.actor2)) and not _one_fight(a, b)
    ) or _roles_crossed(a, b):
        return 0.0
    if not same_article and _articles(a) & _articles(b):
        # The article's own reading (within-article dedup) already kept them apart: a
        # third report must not join two events one source told as two.
        return 0.0
    place = _place_relation(a.location, b.location)
    if place == "different" and same_article and _headline_over(a, b):
        place = "nested"
    if place == "different":
        return 0.0
    if same_article and place != "same" and _split_from_one_sentence(a, b):
        return 0.0  # "strikes on Tyre and Bint Jbeil": the sentence told two places apart
    if same_article and place != "same" and _told_as_another(b):
        # "Five others died in a separate strike near X": the later telling (``b``, in
        # text order) is a second event, not the one before it.
        return 0.0
    gap = _date_gap(a, b)
    if gap is not None and gap > _date_tolerance(a, b):
        return 0.0
    if not same_article and (place == "unknown" or gap is None):
        return 0.0  # across articles, we need a place and a date to say "same event"
    score = 0.3
    nested = 0.15 if same_article else 0.05  # "in Kaduna State" alone does not tie two reports
    score += {"same": 0.35, "near": 0.3, "nested": nested, "unknown": 0.05}[place]
    if gap is not None:
        score += 0.25 if gap == 0 else 0.15
    elif same_article:
        score += 0.05
    if same_article and _text_distance(a, b) <= ADJACENT_CHARS:
        score += 0.15  # the next sentence usually goes on telling the same happening
    if a.actor1 and b.actor1:
        score += 0.1
    if a.actor2 and b.actor2:
        score += 0.05
    return round(min(score, 1.0), 3)


def _roles_crossed(a: Event, b: Event) -> bool:
    """One mention's doer is the other's target in a one-sided event: an attack on the
    army and the army's strikes in response are two events, not one. A clash has two
    sides that reports may list in either order, so only clashes may cross; so may
    protests, whose sub-types seat the crowd on either side (ACLED: the protesters are
    actor 1 of a demonstration, actor 2 of excessive force against it)."""
    crossed = bool(
        (a.actor2 and b.actor1 and a.actor2.id == b.actor1.id)
        or (a.actor1 and b.actor2 and a.actor1.id == b.actor2.id)
    )
    if not crossed:
        return False
    return any(
        s != "Armed clash" and family(s) != "protest" for s in _specific_subs(a) | _specific_subs(b)
    )


def _date_tolerance(a: Event, b: Event) -> int:
    """Days two mentions' dates may differ by and still be one event.

    One source states one date. Across sources a one-day gap is allowed only where it
    is explainable: an embedded post's date is shown in the reader's time zone, and a
    night event is dated on either side of midnight. "Tuesday" against "Wednesday
    evening" in two reports are two events.
    """
    shared_source = bool(_sources(a) & _sources(b))
    from_post = _from_posts_only(a) or _from_posts_only(b)
    if from_post:
        return DATE_WINDOW_DAYS
    if shared_source or a.event_date is None or b.event_date is None:
        return 0
    early, late = (a, b) if a.event_date <= b.event_date else (b, a)
    if early.time_of_day in ("evening", "night") and late.time_of_day in (None, "night", "dawn"):
        return DATE_WINDOW_DAYS
    if late.time_of_day in ("night", "dawn") and early.time_of_day in (None, "evening", "night"):
        return DATE_WINDOW_DAYS
    return 0


def _text_distance(a: Event, b: Event) -> int:
    best = 10**9
    for m in a.mentions:
        for n in b.mentions:
            if m.article_id == n.article_id:
                gap = max(n.start - m.end, m.start - n.end, 0)
                best = min(best, gap)
    return best
