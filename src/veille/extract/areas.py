"""Towns inside the areas a story names: which places are areas, whether a town lies in
one, the town a story's act told only by its country or province fell on, and the towns
an anaphor lists for the act told before it. ``veille.extract.story`` reads them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from veille.extract.candidate import Candidate, PlaceRef, same_source
from veille.extract.layout import Layout

#: Places precise enough to be a story's narrative place (not a region or a country).
NARRATIVE_FEATURES = frozenset({"city", "site"})
#: Places that name no town: a country, a province, a region read from a phrase.
COARSE_FEATURES = frozenset({"country", "admin1", "region"})


def inside(town: PlaceRef, area: PlaceRef) -> bool:
    """Whether a town or site lies in a country or province (by its codes). A town is
    no area: two towns of one province are two places."""
    if town.feature not in NARRATIVE_FEATURES or town.demonym or town.iso3 is None:
        return False
    if area.feature not in COARSE_FEATURES:
        return False
    if town.iso3 != area.iso3:
        return False
    return area.feature == "country" or area.admin1 is None or town.admin1 == area.admin1


def position(story: Sequence[Candidate], c: Candidate) -> int:
    """Where the candidate stands in its story (by identity)."""
    for k, s in enumerate(story):
        if s is c:
            return k
    raise ValueError("candidate not in its story")  # a programming error, not input


def with_finer_place(
    c: Candidate,
    story: Sequence[Candidate],
    narrative: PlaceRef | None,
    window_days: int,
    places: Sequence[PlaceRef],
    layout: Layout,
) -> Candidate:
    """A candidate placed only in a country or a province, narrowed to the town of that
    area where the story it continues happened (within ``window_days``), else to the
    narrative place inside it, else to the only town of that area the article names.
    A town of the candidate's own sentence is none of these: the sentence's place
    chooser saw it and put it in another clause ("killed 12 across the province, as
    troops pushed into X")."""
    area = c.place
    if area is None or area.demonym or area.feature not in COARSE_FEATURES:
        return c
    here = position(story, c)
    # A live blog's entry is a report of its own: a town another entry tells of is no
    # part of its story ("07:30 | shelling in the south" is not "10:15 | Tripoli").
    at = c.sentence.start

    def own_sentence(start: int) -> bool:
        return c.sentence.start <= start < c.sentence.end

    def fits(s: Candidate) -> bool:
        if s.place is None or not same_source(s, c) or not inside(s.place, area):
            return False
        if own_sentence(s.place.start):
            return False
        if not layout.same_entry(at, s.sentence.start):
            return False
        return same_time(s)

    def same_time(s: Candidate) -> bool:
        if c.event_date is None or s.event_date is None:
            return c.event_date is None and s.event_date is None
        if s.date_precision != c.date_precision:
            return False  # "earlier this month, gunmen abducted 20 near X": another act
        return abs((s.event_date - c.event_date).days) <= window_days

    # A town where the story tells an act of another time is that act's.
    others = {s.place.start for s in story if s.place is not None and not same_time(s)}
    source = next((s for s in reversed(story[:here]) if fits(s)), None)
    if source is None:
        source = next((s for s in story[here + 1 :] if fits(s)), None)
    if source is not None and source.place is not None:
        return replace(c, place=replace(source.place, precision=max(source.place.precision, 2)))
    if narrative is not None and inside(narrative, area):
        return replace(c, place=narrative)
    towns = [
        p
        for p in places
        if inside(p, area)
        and not p.dateline
        and layout.same_entry(at, p.start)
        and not own_sentence(p.start)
        and p.start not in others
    ]
    if len({p.place_id for p in towns}) == 1:
        first = min(towns, key=lambda p: p.start)
        return replace(c, place=replace(first, precision=max(first.precision, 2)))
    return c


def places_of_the_act_told(story: Sequence[Candidate]) -> list[Candidate]:
    """ "US warplanes struck targets across Yemen. The strikes hit Hodeidah, Sanaa and
    Saada", "... The strikes hit X. The strikes also hit Y": anaphors ("the strikes",
    «ces frappes») that name several towns inside the country or province of the act
    told before them, in one sentence or several, tell that act's places, one event at
    each (ACLED codes one per place). Each becomes that act at its own town (its type,
    weapon and sides; the story gives its day). Anaphors naming one town only refine
    the act told before (``veille.dedup``)."""
    out = list(story)

    def goes_on(c: Candidate) -> bool:
        """An anaphor, or an act told by a word of its family alone ("the strikes hit X",
        untyped: a death or a wound tells no family, and starts no new place here)."""
        return c.anaphoric or (c.sub_event_type is None and c.family != "any")

    groups: dict[int, list[int]] = {}  # the act told before -> the anaphors after it
    for k, c in enumerate(out):
        if not goes_on(c) or c.place is None:
            continue
        act_at = next(
            (j for j in range(k - 1, -1, -1) if not goes_on(out[j]) and same_source(out[j], c)),
            None,
        )
        if act_at is not None:
            groups.setdefault(act_at, []).append(k)
    for act_at, ks in groups.items():
        act = out[act_at]
        listed = [out[k] for k in ks]
        if (
            len({c.place_key for c in listed}) < 2
            or act.place is None
            or any(c.family != act.family for c in listed)
            or not all(c.place is not None and inside(c.place, act.place) for c in listed)
        ):
            continue
        for k, c in zip(ks, listed, strict=True):
            out[k] = replace(
                c,
                anaphoric=False,
                kind=replace(
                    act.kind,
                    rank=c.rank,
                    weapon=c.weapon or act.weapon,
                    weapon_span=c.weapon_span or act.weapon_span,
                    weapon_count=c.weapon_count,
                ),
                actor1=c.actor1 or act.actor1,
                actor2=c.actor2 or act.actor2,
            )
    return out
