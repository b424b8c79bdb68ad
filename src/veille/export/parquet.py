"""Parquet through pyarrow, with an explicit schema (loads in pandas, polars, DuckDB).

One row per event. Scalar fields are flat columns (``actor1_name``, ``location_lat``
...). The nested parts are JSON strings, one column each (``mentions_json``,
``sources_json``, ``framing_json``, ``conflicts_json``): every reader handles strings,
and ``Event.model_validate`` rebuilds the record exactly from a row (see
``read_parquet_events``). ``mention_count`` and ``source_count`` save parsing them.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from veille.export._io import ExportTally
from veille.model import Event

BATCH_ROWS = 5_000


def parquet_schema() -> Any:
    import pyarrow as pa

    s, i, f, d = pa.string(), pa.int32(), pa.float64(), pa.date32()
    return pa.schema(
        [
            ("event_id", s),
            ("event_date", d),
            ("date_precision", s),
            ("time_of_day", s),
            ("event_type", s),
            ("sub_event_type", s),
            ("plover_event_type", s),
            ("plover_mode", s),
            ("actor1_id", s),
            ("actor1_name", s),
            ("actor1_kind", s),
            ("actor1_inter", i),
            ("actor1_country", s),
            ("actor2_id", s),
            ("actor2_name", s),
            ("actor2_kind", s),
            ("actor2_inter", i),
            ("actor2_country", s),
            ("claim_status", s),
            ("claim_by", s),
            ("claim_via", s),
            ("weapon", s),
            ("weapon_count", i),
            ("fatalities", i),
            ("location_name", s),
            ("location_admin1", s),
            ("location_admin2", s),
            ("location_country", s),
            ("location_iso3", s),
            ("location_lat", f),
            ("location_lon", f),
            ("location_geo_precision", pa.int8()),
            ("location_gazetteer_id", s),
            ("notes", s),
            ("confidence", f),
            ("mention_count", i),
            ("source_count", i),
            ("mentions_json", s),
            ("sources_json", s),
            ("framing_json", s),
            ("conflicts_json", s),
        ]
    )


def _row(ev: Event) -> dict[str, Any]:
    a1, a2, loc, c = ev.actor1, ev.actor2, ev.location, ev.claim

    def dump(items: list[Any]) -> str:
        return json.dumps([x.model_dump(mode="json") for x in items], ensure_ascii=False)

    return {
        "event_id": ev.event_id,
        "event_date": ev.event_date,
        "date_precision": ev.date_precision,
        "time_of_day": ev.time_of_day,
        "event_type": ev.event_type,
        "sub_event_type": ev.sub_event_type,
        "plover_event_type": ev.plover.event_type,
        "plover_mode": ev.plover.mode,
        "actor1_id": a1.id if a1 else None,
        "actor1_name": a1.name if a1 else None,
        "actor1_kind": a1.kind if a1 else None,
        "actor1_inter": a1.inter if a1 else None,
        "actor1_country": a1.country if a1 else None,
        "actor2_id": a2.id if a2 else None,
        "actor2_name": a2.name if a2 else None,
        "actor2_kind": a2.kind if a2 else None,
        "actor2_inter": a2.inter if a2 else None,
        "actor2_country": a2.country if a2 else None,
        "claim_status": c.status if c else None,
        "claim_by": c.by if c else None,
        "claim_via": c.via if c else None,
        "weapon": ev.weapon,
        "weapon_count": ev.weapon_count,
        "fatalities": ev.fatalities,
        "location_name": loc.name if loc else None,
        "location_admin1": loc.admin1 if loc else None,
        "location_admin2": loc.admin2 if loc else None,
        "location_country": loc.country if loc else None,
        "location_iso3": loc.iso3 if loc else None,
        "location_lat": loc.lat if loc else None,
        "location_lon": loc.lon if loc else None,
        "location_geo_precision": loc.geo_precision if loc else None,
        "location_gazetteer_id": loc.gazetteer_id if loc else None,
        "notes": ev.notes,
        "confidence": ev.confidence,
        "mention_count": len(ev.mentions),
        "source_count": len(ev.sources),
        "mentions_json": dump(ev.mentions),
        "sources_json": dump(ev.sources),
        "framing_json": dump(ev.framing),
        "conflicts_json": dump(ev.conflicts),
    }


def write_parquet(events: Iterable[Event], target: str | Path | BinaryIO) -> int:
    """Write events to a Parquet file (zstd), in row groups of ``BATCH_ROWS``."""
    import pyarrow.parquet as pq

    count = 0
    sink = str(target) if isinstance(target, str | Path) else target
    with pq.ParquetWriter(sink, parquet_schema(), compression="zstd") as writer:
        for table in _row_groups(events):
            writer.write_table(table)
            count += table.num_rows
    return count


def _row_groups(events: Iterable[Event]) -> Iterator[Any]:
    """pyarrow tables of at most ``BATCH_ROWS`` rows; one empty table when no event."""
    import pyarrow as pa

    schema = parquet_schema()
    batch: list[dict[str, Any]] = []
    sent = False
    for ev in events:
        batch.append(_row(ev))
        if len(batch) >= BATCH_ROWS:
            yield pa.Table.from_pylist(batch, schema=schema)
            batch, sent = [], True
    if batch or not sent:
        yield pa.Table.from_pylist(batch, schema=schema)


def parquet_chunks(events: Iterable[Event], tally: ExportTally) -> Iterator[bytes]:
    """The Parquet file's bytes as each row group is written (the footer last)."""
    import pyarrow.parquet as pq

    buf = io.BytesIO()

    def take() -> bytes:
        data = buf.getvalue()
        buf.seek(0)
        buf.truncate()
        return data

    with pq.ParquetWriter(buf, parquet_schema(), compression="zstd") as writer:
        for table in _row_groups(events):
            writer.write_table(table)
            tally.written += table.num_rows
            yield take()
    yield take()


def read_parquet_events(source: str | Path | BinaryIO) -> Iterator[Event]:
    """Rebuild the events of a file written by ``write_parquet``."""
    import pyarrow.parquet as pq

    for row in pq.read_table(source).to_pylist():
        yield _event(row)


def _event(r: dict[str, Any]) -> Event:
    def actor(p: str) -> dict[str, Any] | None:
        if r[f"{p}_id"] is None:
            return None
        return {k: r[f"{p}_{k}"] for k in ("name", "id", "kind", "inter", "country")}

    loc = None
    if r["location_name"] is not None:
        loc = {
            k: r[f"location_{k}"]
            for k in (
                "name",
                "admin1",
                "admin2",
                "country",
                "iso3",
                "lat",
                "lon",
                "geo_precision",
                "gazetteer_id",
            )
        }
    claim = (
        {"status": r["claim_status"], "by": r["claim_by"], "via": r["claim_via"]}
        if r["claim_status"]
        else None
    )
    event_date: date | None = r["event_date"]
    return Event.model_validate(
        {
            "event_id": r["event_id"],
            "event_date": event_date,
            "date_precision": r["date_precision"],
            "time_of_day": r["time_of_day"],
            "event_type": r["event_type"],
            "sub_event_type": r["sub_event_type"],
            "plover": {"event_type": r["plover_event_type"], "mode": r["plover_mode"]},
            "actor1": actor("actor1"),
            "actor2": actor("actor2"),
            "claim": claim,
            "weapon": r["weapon"],
            "weapon_count": r["weapon_count"],
            "fatalities": r["fatalities"],
            "location": loc,
            "mentions": json.loads(r["mentions_json"]),
            "sources": json.loads(r["sources_json"]),
            "framing": json.loads(r["framing_json"]),
            "conflicts": json.loads(r["conflicts_json"]),
            "notes": r["notes"],
            "confidence": r["confidence"],
        }
    )
