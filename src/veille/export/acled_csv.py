"""ACLED CSV: ACLED's 31 columns, in ACLED's order, with ACLED's value conventions.

Conventions (and where veille has to choose):

- Only events with a date and a country are written: ACLED has no row without
  ``event_date`` or ``country``, and code written for ACLED expects neither. The others
  are left out and counted (``ExportCounts.omitted``; ``veille export`` and ``veille
  extract`` print the count on stderr); they stay in the store and in the other formats.
- ``event_id_cnty``: the event's ISO3 followed by veille's event id, e.g.
  ``SYRev-0123456789abcdef``; strip the first three characters to get the veille id back.
- ``event_date`` ISO ``YYYY-MM-DD``; ``time_precision`` 1 (day), 2 (week), 3 (month or
  year; a year-precise date also gets the tag ``date precision=year``).
- ``disorder_type`` from the sub-event type (veille.extract.taxonomy).
- ``actor1`` empty in veille (the text does not name a perpetrator) is written the
  way ACLED writes it: ``Unidentified Armed Group (Country)`` (inter 3), or for
  protests and riots ``Protesters (Country)`` (6) / ``Rioters (Country)`` (5).
- ``inter1``/``inter2``: the actor's ACLED code; 0 when there is no second actor;
  ``interaction`` is the two codes with the lower first (``inter 1 and 3 -> 13``,
  a lone actor ``x -> x0``), as ACLED composes it.
- ``civilian_targeting`` is ``Civilian targeting`` for violence against civilians and
  when actor2 is civilians (inter 7).
- ``iso`` is the ISO 3166-1 numeric code, ``region`` ACLED's region (see
  ``acled_countries.tsv``); ``admin3`` is always empty (veille resolves two levels).
- ``fatalities``: ACLED writes 0 when no figure is reported; so does this export, and
  it adds the tag ``fatalities not reported`` so that "0 reported" and "none
  reported" stay apart (veille itself keeps ``null``).
- ``source``: the outlets (or handles) of the event's sources, ``; ``-separated;
  ``source_scale`` empty (veille does not classify outlets).
- ``tags``: ``; ``-separated ``key=value`` notes: claim status and claimant, the
  fatalities note above, date precision.
- ``timestamp``: Unix time of the export (ACLED's is the time of its last edit).
Rows end with CRLF (RFC 4180), so that a CR inside a field is always quoted.
"""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Iterable, Iterator

from veille.export._countries import country_table
from veille.export._io import ExportCounts, ExportTally, Target, text_target
from veille.extract.taxonomy import SUB_EVENT_TYPES
from veille.model import Event

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
INTER_CODES = {
    "state_forces": 1,
    "rebel_group": 2,
    "political_militia": 3,
    "identity_militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external_other": 8,
}
FATALITIES_NOT_REPORTED = "fatalities not reported"


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's two-digit interaction code: the lower inter code first; x0 alone."""
    if inter1 is None:
        return None
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def _country_name(ev: Event) -> str:
    loc = ev.location
    if loc and loc.country:
        return loc.country
    codes = country_table().get(loc.iso3 or "") if loc else None
    return codes.name if codes else "Unknown"


def _default_actor1(ev: Event) -> tuple[str, int]:
    country = _country_name(ev)
    if ev.event_type == "Protests":
        return f"Protesters ({country})", 6
    if ev.event_type == "Riots":
        return f"Rioters ({country})", 5
    return f"Unidentified Armed Group ({country})", 3


def _inter(kind: str, explicit: int | None) -> int | None:
    return explicit if explicit is not None else INTER_CODES.get(kind)


def acled_row(ev: Event, *, timestamp: int) -> dict[str, str]:
    """One event as ACLED's columns (all strings, empty for unknown)."""
    loc = ev.location
    codes = country_table().get(loc.iso3 or "") if loc and loc.iso3 else None
    if ev.actor1 is not None:
        actor1, inter1 = ev.actor1.name, _inter(ev.actor1.kind, ev.actor1.inter)
    else:
        actor1, inter1 = _default_actor1(ev)
    actor2 = ev.actor2.name if ev.actor2 else ""
    inter2 = _inter(ev.actor2.kind, ev.actor2.inter) if ev.actor2 else 0
    info = SUB_EVENT_TYPES.get(ev.sub_event_type)
    tags: list[str] = []
    if ev.fatalities is None:
        tags.append(FATALITIES_NOT_REPORTED)
    if ev.claim is not None:
        tags.append(f"claim={ev.claim.status}")
        if ev.claim.by:
            tags.append(f"claimed by={ev.claim.by}")
    if ev.date_precision == "year":
        tags.append("date precision=year")
    civilian = ev.event_type == "Violence against civilians" or inter2 == 7
    outlets = list(dict.fromkeys(s.outlet or s.handle or "" for s in ev.sources))
    inter_code = interaction(inter1, inter2)
    return {
        "event_id_cnty": f"{(loc.iso3 if loc and loc.iso3 else 'XXX')}{ev.event_id}",
        "event_date": ev.event_date.isoformat() if ev.event_date else "",
        "year": str(ev.event_date.year) if ev.event_date else "",
        "time_precision": str(TIME_PRECISION[ev.date_precision]) if ev.date_precision else "",
        "disorder_type": info.disorder_type if info else "",
        "event_type": ev.event_type,
        "sub_event_type": ev.sub_event_type,
        "actor1": actor1,
        "assoc_actor_1": "",
        "inter1": "" if inter1 is None else str(inter1),
        "actor2": actor2,
        "assoc_actor_2": "",
        "inter2": "" if inter2 is None else str(inter2),
        "interaction": "" if inter_code is None else str(inter_code),
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": str(codes.numeric) if codes else "",
        "region": codes.region if codes else "",
        "country": loc.country or (codes.name if codes else "") if loc else "",
        "admin1": (loc.admin1 or "") if loc else "",
        "admin2": (loc.admin2 or "") if loc else "",
        "admin3": "",
        "location": loc.name if loc else "",
        "latitude": f"{loc.lat:.4f}" if loc and loc.lat is not None else "",
        "longitude": f"{loc.lon:.4f}" if loc and loc.lon is not None else "",
        "geo_precision": str(loc.geo_precision) if loc else "",
        "source": "; ".join(o for o in outlets if o),
        "source_scale": "",
        "notes": ev.notes,
        "fatalities": str(ev.fatalities if ev.fatalities is not None else 0),
        "tags": "; ".join(tags),
        "timestamp": str(timestamp),
    }


def acled_exportable(ev: Event) -> bool:
    """Whether ACLED CSV can hold the event: it needs a date and a country."""
    return ev.event_date is not None and ev.location is not None and bool(ev.location.iso3)


def acled_csv_chunks(
    events: Iterable[Event], tally: ExportTally, *, timestamp: int | None = None
) -> Iterator[str]:
    """The CSV text piece by piece (header first), counting rows and omissions in ``tally``."""
    stamp = int(time.time()) if timestamp is None else timestamp
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=ACLED_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for ev in events:
        if not acled_exportable(ev):
            tally.omitted += 1
            continue
        writer.writerow(acled_row(ev, timestamp=stamp))
        tally.written += 1
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()
    if buf.tell():  # no row at all: the header alone
        yield buf.getvalue()


def write_acled_csv(
    events: Iterable[Event], target: Target, *, timestamp: int | None = None
) -> ExportCounts:
    """Write events as ACLED CSV (header + one row per dated, placed event); returns
    the rows written and the events omitted without a date or a country."""
    tally = ExportTally()
    with text_target(target) as out:
        for chunk in acled_csv_chunks(events, tally, timestamp=timestamp):
            out.write(chunk)
    return tally.counts()
