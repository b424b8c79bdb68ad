"""A lead that sums up the acts the story goes on to tell, one by one.

Wire copy often opens on a total ("Gunmen killed at least 22 people in attacks on two
villages"; «Au moins sept personnes ont été tuées dans des frappes sur deux régions»)
and then tells each act at its own place with its own dead ("14 were killed in X ...
eight villagers died in Y"). Coders (ACLED) code the acts, not the total: the lead is
no event of its own, and merged into one of the acts it would lend that act a place or
a count that belongs to all of them.

``without_summaries`` drops such a lead: a candidate with a toll whose later acts of
violence, told at two or more other places with their own (smaller) tolls, add up to at
most the lead's toll and to at least half of it. A single act told again below, or a
large attack followed by one or two small ones whose dead do not come near its toll,
is left alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from veille.extract.candidate import Candidate, same_source

#: The families of acts of violence whose dead a lead sums up (attacks and clashes are
#: "fight"; "any": an unspecific verb or a toll, typed later).
_VIOLENT = frozenset({"remote", "fight", "any"})
#: Days apart that an act may still be one of those the lead sums up.
_DAYS = 1
#: Days before the telling that a lead dated by its telling sums up.
_TOLD_DAYS = 7


def without_summaries(candidates: Sequence[Candidate]) -> list[Candidate]:
    """The candidates (in text order) less the leads that sum up the acts told after
    them (see the module doc)."""
    return [c for k, c in enumerate(candidates) if not _sums_up(c, candidates[k + 1 :])]


def _sums_up(lead: Candidate, later: Sequence[Candidate]) -> bool:
    total = lead.fatalities
    if (
        total is None
        or total < 2
        or lead.family not in _VIOLENT
        or _placed_itself(lead)
        or _one_act(lead)
    ):
        return False
    per_place: dict[str, int] = {}
    for c in later:
        if (
            c.fatalities is None
            or c.place_key is None
            or c.place_key == lead.place_key
            or c.sentence.start == lead.sentence.start
            or not same_source(c, lead)
            or c.family not in _VIOLENT
            or not _same_days(c, lead)
        ):
            continue
        # The same act told twice at its place counts once (its larger figure).
        per_place[c.place_key] = max(per_place.get(c.place_key, 0), c.fatalities)
    parts = sum(per_place.values())
    return len(per_place) >= 2 and total / 2 <= parts <= total


def _placed_itself(lead: Candidate) -> bool:
    """The lead's own sentence puts it at a town or a site ("a raid on a centre in X
    killed seven"): an act of its own, not a sum of acts told at several towns; a lead
    placed in a region or a country, or only by the story, may sum them up."""
    return lead.place is not None and lead.place.precision == 1 and _in_own_sentence(lead)


def _in_own_sentence(c: Candidate) -> bool:
    p, s = c.place, c.sentence
    return p is not None and s.start <= p.start < s.end


def _one_act(lead: Candidate) -> bool:
    """The lead's act word is a singular noun ("an air raid on X killed seven", «une
    frappe»): one act, whatever follows; plural acts ("strikes", «des attaques») or a
    verb may sum up several (Arabic, unparsed, is not told apart)."""
    a, b = lead.trigger
    nouns = [t for t in lead.sentence.tokens if a <= t.start < b and t.pos == "NOUN"]
    return any("Number=Sing" in t.morph for t in nouns) and not any(
        "Number=Plur" in t.morph for t in nouns
    )


def _same_days(part: Candidate, lead: Candidate) -> bool:
    """The part is of the lead's days: a lead dated only by its telling ("..., police
    said on Tuesday") or by the report (a headline) sums up the days before it too."""
    if part.event_date is None or lead.event_date is None:
        return True
    gap = (lead.event_date - part.event_date).days
    s = lead.sentence
    told = lead.date_told or lead.date_span is None or not s.start <= lead.date_span[0] < s.end
    return abs(gap) <= _DAYS or (told and 0 <= gap <= _TOLD_DAYS)
