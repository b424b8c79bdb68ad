"""PLOVER JSON (Open Event Data Alliance's PLOVER spec, "Data Fields" chapter).

One JSON record per line (JSONL, as the spec suggests). Mapping from veille's Event:

- ``id``: event_id; ``has_event``: true; ``date``: event_date (``YYYY-MM-DD``).
- ``actor`` / ``recipient``: lists of entity objects from actor1 / actor2, with
  ``code`` (the actor's ISO3 state, else the event's country), ``sector`` (ACLED
  actor kind mapped to a PLOVER sector code: MIL for state forces and militias, REB
  rebels, CVL civilians, OPP protesters and rioters, EXT external or other forces),
  ``entity_text`` (the words of the first mention), ``identifier_id`` and
  ``identifier_text`` (veille's canonical id and neutral name). No actor: ``[]``.
- ``event``: ``[plover.event_type]``; ``mode``: ``[plover.mode]`` or ``[]``;
  ``context``: ``[]`` (veille codes none yet).
- ``event_loc``: the spec's location object: ``extracted_place`` (the words of the
  first mention), ``resolved_place``, ``lat``, ``lon``, ``district`` (admin2),
  ``province`` (admin1), ``country``, ``country_code`` (ISO3), ``geonameid`` (null:
  veille's gazetteer ids are not GeoNames ids, given in ``gazetteer_id``) and
  ``resolution`` from geo_precision (1 -> 4 city, 2 -> 3 district, 3 -> 2 province,
  or 1 country when the place is a country).
- ``event_text``: the mention sentences; ``text_info``: ``{start, end}`` of each.
- ``size``: ``{"dead": fatalities}`` (null when not reported).
- ``cite_info``: one citation object per source (url, language, publication).
- ``coder``: ``veille``; ``comment``: the neutral English summary.
- Extensions (prefixed ``x_`` so they never clash with future PLOVER fields):
  ``x_acled`` (event_type, sub_event_type), ``x_claim``, ``x_date_precision``,
  ``x_confidence``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from veille.export._io import ExportTally, Target, text_target
from veille.model import Actor, Event, Mention

SECTORS = {
    "state_forces": "MIL",
    "rebel_group": "REB",
    "political_militia": "MIL",
    "identity_militia": "MIL",
    "rioters": "OPP",
    "protesters": "OPP",
    "civilians": "CVL",
    "external_other": "EXT",
}
RESOLUTION = {1: 4, 2: 3, 3: 2}


def _span_text(m: Mention, role: str) -> str | None:
    span = getattr(m.spans, role)
    if span is None:
        return None
    return m.text[span[0] - m.start : span[1] - m.start]


def _entity(actor: Actor, ev: Event, role: str) -> dict[str, Any]:
    words = next((t for m in ev.mentions if (t := _span_text(m, role))), None)
    return {
        "code": actor.country or (ev.location.iso3 if ev.location else None),
        "sector": SECTORS.get(actor.kind, actor.kind.upper()[:3]),
        "entity_text": words,
        "identifier_id": actor.id,
        "identifier_text": actor.name,
    }


def plover_record(ev: Event) -> dict[str, Any]:
    loc = ev.location
    event_loc: dict[str, Any] | None = None
    if loc is not None:
        is_country = (loc.gazetteer_id or "").startswith("country:")
        event_loc = {
            "extracted_place": next(
                (t for m in ev.mentions if (t := _span_text(m, "location"))), None
            ),
            "resolved_place": loc.name,
            "geonameid": None,
            "gazetteer_id": loc.gazetteer_id,
            "lat": loc.lat,
            "lon": loc.lon,
            "district": loc.admin2,
            "province": loc.admin1,
            "country": loc.country,
            "country_code": loc.iso3,
            "resolution": 1 if is_country else RESOLUTION[loc.geo_precision],
        }
    return {
        "id": ev.event_id,
        "has_event": True,
        "date": ev.event_date.isoformat() if ev.event_date else None,
        "actor": [_entity(ev.actor1, ev, "actor1")] if ev.actor1 else [],
        "recipient": [_entity(ev.actor2, ev, "actor2")] if ev.actor2 else [],
        "event": [ev.plover.event_type],
        "mode": [ev.plover.mode] if ev.plover.mode else [],
        "context": [],
        "event_loc": event_loc,
        "event_text": [m.text for m in ev.mentions],
        "text_info": [{"start": m.start, "end": m.end} for m in ev.mentions],
        "size": {"dead": ev.fatalities},
        "cite_info": [
            {"url": s.url, "language": s.language, "publication": s.outlet or s.handle}
            for s in ev.sources
        ],
        "coder": "veille",
        "comment": ev.notes,
        "x_acled": {"event_type": ev.event_type, "sub_event_type": ev.sub_event_type},
        "x_claim": ev.claim.model_dump(mode="json") if ev.claim else None,
        "x_date_precision": ev.date_precision,
        "x_confidence": ev.confidence,
    }


# Line separators that some line readers (str.splitlines, JavaScript) split on; JSON
# allows them raw in strings, so escape them to keep one record per line for everyone.
_LINE_BREAKS = {"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _one_line(text: str) -> str:
    for raw, escaped in _LINE_BREAKS.items():
        text = text.replace(raw, escaped)
    return text


def plover_chunks(events: Iterable[Event], tally: ExportTally) -> Iterator[str]:
    """One JSONL line per event, counting them in ``tally``."""
    for ev in events:
        yield _one_line(json.dumps(plover_record(ev), ensure_ascii=False)) + "\n"
        tally.written += 1


def write_plover(events: Iterable[Event], target: Target) -> int:
    """Write one PLOVER JSON record per line; returns the record count."""
    tally = ExportTally()
    with text_target(target) as out:
        for chunk in plover_chunks(events, tally):
            out.write(chunk)
    return tally.written
