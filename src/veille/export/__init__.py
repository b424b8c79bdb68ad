"""Exports of events: ACLED CSV, PLOVER JSON (JSONL), GeoJSON, Parquet.

Each ``write_X(events, target)`` takes any iterable of ``Event`` and a path or an open
stream (text for CSV/JSON, binary for Parquet). Writers are looked up by format name
in ``WRITERS`` (the names the CLI and the API use); ``export_chunks`` gives the same
bytes piece by piece, for the API to stream an export of any size.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from veille.export._io import ExportCounts, ExportTally
from veille.export.acled_csv import ACLED_COLUMNS, acled_csv_chunks, write_acled_csv
from veille.export.geojson import GeoJsonCounts, geojson_chunks, write_geojson
from veille.export.parquet import parquet_chunks, read_parquet_events, write_parquet
from veille.export.plover_json import plover_chunks, write_plover
from veille.model import Event

Writer = Callable[[Iterable[Event], Any], Any]

#: format name -> (writer, media type, file suffix, binary?)
WRITERS: dict[str, tuple[Writer, str, str, bool]] = {
    "acled-csv": (write_acled_csv, "text/csv; charset=utf-8", ".csv", False),
    "plover": (write_plover, "application/x-ndjson; charset=utf-8", ".jsonl", False),
    "geojson": (write_geojson, "application/geo+json", ".geojson", False),
    "parquet": (write_parquet, "application/vnd.apache.parquet", ".parquet", True),
}

CHUNK_BYTES = 64 * 1024


def export_chunks(
    fmt: str, events: Iterable[Event], tally: ExportTally | None = None
) -> Iterator[bytes]:
    """The export of ``events`` in format ``fmt`` as byte chunks of about ``CHUNK_BYTES``:
    the bytes its writer would write to a file, made while the events are read."""
    tally = tally if tally is not None else ExportTally()
    pieces: Iterator[bytes]
    if fmt == "parquet":
        pieces = parquet_chunks(events, tally)
    else:
        text = {"acled-csv": acled_csv_chunks, "plover": plover_chunks, "geojson": geojson_chunks}
        pieces = (piece.encode("utf-8") for piece in text[fmt](events, tally))
    pending: list[bytes] = []
    size = 0
    for piece in pieces:
        pending.append(piece)
        size += len(piece)
        if size >= CHUNK_BYTES:
            yield b"".join(pending)
            pending, size = [], 0
    if pending:
        yield b"".join(pending)


def describe_counts(fmt: str, result: object) -> str:
    """What a writer's result says, in words: ``12 event(s), 3 omitted (...)``."""
    if isinstance(result, ExportCounts):
        why = "without coordinates" if fmt == "geojson" else "without a date or a country"
        text = f"{result.written} event(s)"
        return text + (f", {result.omitted} omitted {why}" if result.omitted else "")
    return f"{result} event(s)"


__all__ = [
    "ACLED_COLUMNS",
    "CHUNK_BYTES",
    "WRITERS",
    "ExportCounts",
    "ExportTally",
    "GeoJsonCounts",
    "Writer",
    "describe_counts",
    "export_chunks",
    "read_parquet_events",
    "write_acled_csv",
    "write_geojson",
    "write_parquet",
    "write_plover",
]
