"""Exports of events: ACLED CSV, PLOVER JSON (JSONL), GeoJSON, Parquet.

Each ``write_X(events, target)`` takes any iterable of ``Event`` and a path or an open
stream (text for CSV/JSON, binary for Parquet). Writers are looked up by format name
in ``WRITERS`` (the names the CLI and the API use).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from veille.export.acled_csv import ACLED_COLUMNS, write_acled_csv
from veille.export.geojson import GeoJsonCounts, write_geojson
from veille.export.parquet import read_parquet_events, write_parquet
from veille.export.plover_json import write_plover
from veille.model import Event

Writer = Callable[[Iterable[Event], Any], Any]

#: format name -> (writer, media type, file suffix, binary?)
WRITERS: dict[str, tuple[Writer, str, str, bool]] = {
    "acled-csv": (write_acled_csv, "text/csv; charset=utf-8", ".csv", False),
    "plover": (write_plover, "application/x-ndjson; charset=utf-8", ".jsonl", False),
    "geojson": (write_geojson, "application/geo+json", ".geojson", False),
    "parquet": (write_parquet, "application/vnd.apache.parquet", ".parquet", True),
}

__all__ = [
    "ACLED_COLUMNS",
    "WRITERS",
    "GeoJsonCounts",
    "Writer",
    "read_parquet_events",
    "write_acled_csv",
    "write_geojson",
    "write_parquet",
    "write_plover",
]
