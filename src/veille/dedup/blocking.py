"""Blocking: which events are ever compared, so that no engine compares everything.

Two per-article events can be one event only if they share a country and an event
family and their dates are at most ``DATE_WINDOW_DAYS`` apart (``match.match_score``
is 0 for any other pair). Every engine blocks by ``candidate_key``; an event also joins
the block of the adjacent week when its date window crosses a week boundary
(``neighbour_keys``), so any pair that could match shares at least one block.
"""

from __future__ import annotations

from datetime import date, timedelta

from veille.extract.taxonomy import family
from veille.model import Event

DATE_WINDOW_DAYS = 1  # mentions in different sources may differ by a day (time zones)
UNDATED = "?"

BlockKey = tuple[str, str, str]

# Blocking must be coarser than compatibility: an unspecific "targeting" (typed as a
# clash by default) may merge with a drone strike, so both families share one block.
_BLOCK_FAMILIES = {"remote": "armed", "fight": "armed"}


def candidate_key(event: Event) -> BlockKey:
    """Blocking key: (country ISO3 or '?', event family, ISO week of the date or '?').

    Callers compare an event only with events whose key shares the country and family
    and whose week is this week or the adjacent one (see ``neighbour_keys``).
    """
    iso3 = event.location.iso3 if event.location and event.location.iso3 else "?"
    week = _week(event.event_date) if event.event_date else UNDATED
    return (iso3, block_family(event.sub_event_type), week)


def block_family(sub_event_type: str) -> str:
    fam = family(sub_event_type)
    return _BLOCK_FAMILIES.get(fam, fam)


def neighbour_keys(event: Event) -> list[BlockKey]:
    """The blocks ``event`` sits in: its week's, and the adjacent week's when its date
    window crosses a week boundary."""
    iso3, fam, _ = candidate_key(event)
    if event.event_date is None:
        return [(iso3, fam, UNDATED)]
    days = range(-DATE_WINDOW_DAYS, DATE_WINDOW_DAYS + 1)
    weeks = sorted({_week(event.event_date + timedelta(days=d)) for d in days})
    return [(iso3, fam, w) for w in weeks]


def comparable(event: Event) -> bool:
    """Whether ``event`` can ever match an event of another article: across articles a
    match needs a date and a place on both sides."""
    return event.event_date is not None and event.location is not None


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"
