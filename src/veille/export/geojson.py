"""GeoJSON (RFC 7946): one Point feature per event with coordinates, [lon, lat].

Events without coordinates cannot be placed and are left out; ``write_geojson``
returns how many were written and how many omitted, and the collection says it too
(``"veille": {"omitted_without_coordinates": n}`` after the features, so that the
document can be written as the events are read; RFC 7946 allows foreign members).
Properties: the event's scalar fields (ids, date, types, actors, claim, fatalities,
place names, geo_precision, notes, confidence, source URLs).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from veille.export._io import ExportCounts, ExportTally, Target, text_target
from veille.model import Event

GeoJsonCounts = ExportCounts  # (written, omitted without coordinates)


def feature(ev: Event) -> dict[str, Any] | None:
    loc = ev.location
    if loc is None or loc.lat is None or loc.lon is None:
        return None
    return {
        "type": "Feature",
        "id": ev.event_id,
        "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]},
        "properties": {
            "event_id": ev.event_id,
            "event_date": ev.event_date.isoformat() if ev.event_date else None,
            "date_precision": ev.date_precision,
            "event_type": ev.event_type,
            "sub_event_type": ev.sub_event_type,
            "plover_event_type": ev.plover.event_type,
            "actor1": ev.actor1.name if ev.actor1 else None,
            "actor2": ev.actor2.name if ev.actor2 else None,
            "claim_status": ev.claim.status if ev.claim else None,
            "fatalities": ev.fatalities,
            "location": loc.name,
            "admin1": loc.admin1,
            "admin2": loc.admin2,
            "country": loc.country,
            "iso3": loc.iso3,
            "geo_precision": loc.geo_precision,
            "notes": ev.notes,
            "confidence": ev.confidence,
            "sources": [s.url for s in ev.sources if s.url],
        },
    }


def geojson_chunks(events: Iterable[Event], tally: ExportTally) -> Iterator[str]:
    """The FeatureCollection piece by piece, counting features and omissions in ``tally``."""
    yield '{"type": "FeatureCollection", "features": ['
    for ev in events:
        f = feature(ev)
        if f is None:
            tally.omitted += 1
            continue
        yield (", " if tally.written else "") + json.dumps(f, ensure_ascii=False)
        tally.written += 1
    yield '], "veille": ' + json.dumps({"omitted_without_coordinates": tally.omitted}) + "}\n"


def write_geojson(events: Iterable[Event], target: Target) -> GeoJsonCounts:
    """Write a FeatureCollection; returns (written, omitted without coordinates)."""
    tally = ExportTally()
    with text_target(target) as out:
        for chunk in geojson_chunks(events, tally):
            out.write(chunk)
    return tally.counts()
