"""``Event`` <-> rows. Loading gives back exactly the record that was stored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from veille.dedup import candidate_key
from veille.model import Actor, Event, Location, Source
from veille.store._schema import (
    ActorRow,
    ConflictRow,
    EventRow,
    EventSourceRow,
    FramingRow,
    MentionRow,
    PlaceRow,
    SourceRow,
)


def place_key(loc: Location) -> str:
    return loc.gazetteer_id or f"{loc.name}|{loc.iso3 or ''}"


def source_row(s: Source) -> SourceRow:
    return SourceRow(
        source_id=s.source_id,
        article_id=s.article_id,
        kind=s.kind,
        outlet=s.outlet,
        handle=s.handle,
        url=s.url,
        published=s.published,
        language=s.language,
        span_start=s.span[0] if s.span else None,
        span_end=s.span[1] if s.span else None,
    )


def source_from_row(r: SourceRow) -> Source:
    span = (
        (r.span_start, r.span_end) if r.span_start is not None and r.span_end is not None else None
    )
    return Source.model_validate(
        {
            "source_id": r.source_id,
            "article_id": r.article_id,
            "kind": r.kind,
            "outlet": r.outlet,
            "handle": r.handle,
            "url": r.url,
            "published": r.published,
            "language": r.language,
            "span": span,
        }
    )


def actor_row(a: Actor) -> ActorRow:
    return ActorRow(id=a.id, name=a.name, kind=a.kind, inter=a.inter, country=a.country)


def place_row(loc: Location) -> PlaceRow:
    return PlaceRow(
        key=place_key(loc),
        name=loc.name,
        admin1=loc.admin1,
        admin2=loc.admin2,
        country=loc.country,
        iso3=loc.iso3,
        lat=loc.lat,
        lon=loc.lon,
        gazetteer_id=loc.gazetteer_id,
    )


@dataclass(frozen=True)
class EventValues:
    """The column values of one event's rows, the event's and its children's (the
    children without ``event_id``, which is the event's): what ``event_row`` builds its
    rows from and what the store inserts with one statement per table, without
    building ORM objects for rows it only writes."""

    event: dict[str, Any]
    mentions: list[dict[str, Any]]
    sources: list[dict[str, Any]]
    framing: list[dict[str, Any]]
    conflicts: list[dict[str, Any]]


def event_values(e: Event, *, created_at: datetime, updated_at: datetime) -> EventValues:
    """The values of ``e``'s rows (see ``EventValues``)."""
    block_iso3, block_family, block_week = candidate_key(e)
    loc = e.location
    return EventValues(
        event={
            "event_id": e.event_id,
            "event_date": e.event_date,
            "date_precision": e.date_precision,
            "time_of_day": e.time_of_day,
            "event_type": e.event_type,
            "sub_event_type": e.sub_event_type,
            "plover_event_type": e.plover.event_type,
            "plover_mode": e.plover.mode,
            "actor1": e.actor1.model_dump(mode="json") if e.actor1 else None,
            "actor2": e.actor2.model_dump(mode="json") if e.actor2 else None,
            "actor1_id": e.actor1.id if e.actor1 else None,
            "actor2_id": e.actor2.id if e.actor2 else None,
            "actor1_name": e.actor1.name if e.actor1 else None,
            "actor2_name": e.actor2.name if e.actor2 else None,
            "claim_status": e.claim.status if e.claim else None,
            "claim_by": e.claim.by if e.claim else None,
            "claim_via": e.claim.via if e.claim else None,
            "weapon": e.weapon,
            "weapon_count": e.weapon_count,
            "fatalities": e.fatalities,
            "location": loc.model_dump(mode="json") if loc else None,
            "place_key": place_key(loc) if loc else None,
            "iso3": loc.iso3 if loc else None,
            "lat": loc.lat if loc else None,
            "lon": loc.lon if loc else None,
            "notes": e.notes,
            "confidence": e.confidence,
            "block_iso3": block_iso3[:3],
            "block_family": block_family,
            "block_week": block_week,
            "created_at": created_at,
            "updated_at": updated_at,
        },
        mentions=[
            {
                "position": i,
                "article_id": m.article_id,
                "source_id": m.source_id,
                "language": m.language,
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "spans": m.spans.model_dump(mode="json"),
                "values": m.values.model_dump(mode="json"),
            }
            for i, m in enumerate(e.mentions)
        ],
        sources=[{"position": i, "source_id": s.source_id} for i, s in enumerate(e.sources)],
        framing=[
            {
                "position": i,
                "term": f.term,
                "refers_to": f.refers_to,
                "article_id": f.article_id,
                "span_start": f.span[0],
                "span_end": f.span[1],
            }
            for i, f in enumerate(e.framing)
        ],
        conflicts=[
            {
                "position": i,
                "field": c.field,
                "values": c.values,
                "sources": c.sources,
                "note": c.note,
            }
            for i, c in enumerate(e.conflicts)
        ],
    )


def event_row(e: Event, *, created_at: datetime, updated_at: datetime) -> EventRow:
    """The row for ``e``; its sources must already be in the session (``source_row``)."""
    values = event_values(e, created_at=created_at, updated_at=updated_at)
    row = EventRow(**values.event)
    row.mentions = [MentionRow(**v) for v in values.mentions]
    row.sources = [EventSourceRow(**v) for v in values.sources]
    row.framing = [FramingRow(**v) for v in values.framing]
    row.conflicts = [ConflictRow(**v) for v in values.conflicts]
    return row


def event_from_row(r: EventRow) -> Event:
    claim: dict[str, Any] | None = (
        {"status": r.claim_status, "by": r.claim_by, "via": r.claim_via}
        if r.claim_status is not None
        else None
    )
    return Event.model_validate(
        {
            "event_id": r.event_id,
            "event_date": r.event_date,
            "date_precision": r.date_precision,
            "time_of_day": r.time_of_day,
            "event_type": r.event_type,
            "sub_event_type": r.sub_event_type,
            "plover": {"event_type": r.plover_event_type, "mode": r.plover_mode},
            "actor1": r.actor1,
            "actor2": r.actor2,
            "claim": claim,
            "weapon": r.weapon,
            "weapon_count": r.weapon_count,
            "fatalities": r.fatalities,
            "location": r.location,
            "mentions": [
                {
                    "article_id": m.article_id,
                    "source_id": m.source_id,
                    "language": m.language,
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                    "spans": m.spans,
                    "values": m.values,
                }
                for m in r.mentions
            ],
            "sources": [source_from_row(s.source) for s in r.sources],
            "framing": [
                {
                    "term": f.term,
                    "refers_to": f.refers_to,
                    "article_id": f.article_id,
                    "span": (f.span_start, f.span_end),
                }
                for f in r.framing
            ],
            "conflicts": [
                {"field": c.field, "values": c.values, "sources": c.sources, "note": c.note}
                for c in r.conflicts
            ],
            "notes": r.notes,
            "confidence": r.confidence,
        }
    )
