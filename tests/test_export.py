"""Exports: ACLED CSV columns and conventions, PLOVER fields, GeoJSON, Parquet, round trips."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from test_store import events  # the shared Event strategy
from veille.export import (
    ACLED_COLUMNS,
    read_parquet_events,
    write_acled_csv,
    write_geojson,
    write_parquet,
    write_plover,
)
from veille.export.acled_csv import interaction
from veille.model import Actor, Event
from veille.store import open_store
from veille.store._synthetic import synthetic_events

EXPECTED_ACLED = [
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
]


def _acled_rows(evs: list[Event]) -> list[dict[str, str]]:
    buf = io.StringIO()
    write_acled_csv(evs, buf, timestamp=1700000000)
    return list(csv.DictReader(io.StringIO(buf.getvalue(), newline="")))


def test_acled_columns_exactly_in_order() -> None:
    assert list(ACLED_COLUMNS) == EXPECTED_ACLED
    buf = io.StringIO()
    write_acled_csv(synthetic_events(3), buf, timestamp=1)
    assert buf.getvalue().splitlines()[0].split(",") == EXPECTED_ACLED


def test_acled_loads_in_pandas(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    out = tmp_path / "e.csv"
    write_acled_csv(synthetic_events(25), out, timestamp=1)
    frame = pd.read_csv(out)
    assert list(frame.columns) == EXPECTED_ACLED
    assert len(frame) == 25
    assert frame["fatalities"].dtype.kind == "i"


def test_acled_omits_undated_and_unplaced_events_and_counts_them() -> None:
    evs = synthetic_events(4)
    undated = evs[0].model_copy(
        update={"event_id": "ev-undated", "event_date": None, "date_precision": None}
    )
    nowhere = evs[1].model_copy(update={"event_id": "ev-nowhere", "location": None})
    assert evs[2].location is not None
    no_country = evs[2].model_copy(
        update={
            "event_id": "ev-nocountry",
            "location": evs[2].location.model_copy(update={"iso3": None}),
        }
    )
    buf = io.StringIO()
    counts = write_acled_csv([*evs, undated, nowhere, no_country], buf, timestamp=1)
    assert (counts.written, counts.omitted) == (4, 3)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue(), newline="")))
    assert [r["event_id_cnty"][3:] for r in rows] == [e.event_id for e in evs]
    assert all(r["event_date"] and not r["event_id_cnty"].startswith("XXX") for r in rows)


def test_acled_conventions() -> None:
    base = synthetic_events(40)
    no_actor = next(e for e in base if e.actor1 is None and e.event_type != "Protests")
    protest = next(e for e in base if e.event_type == "Protests")
    rows = _acled_rows(
        [
            no_actor.model_copy(
                update={"fatalities": None, "date_precision": "month", "actor2": None}
            ),
            protest.model_copy(update={"actor1": None, "actor2": None}),
            no_actor.model_copy(
                update={
                    "actor1": Actor(name="A", id="a", kind="state_forces", inter=1),
                    "actor2": Actor(name="Civilians (Syria)", id="c", kind="civilians", inter=7),
                    "fatalities": 3,
                }
            ),
        ]
    )
    first, second, third = rows
    country = no_actor.location.country if no_actor.location else ""
    assert first["actor1"] == f"Unidentified Armed Group ({country})"
    assert (first["inter1"], first["inter2"], first["interaction"]) == ("3", "0", "30")
    assert first["fatalities"] == "0" and "fatalities not reported" in first["tags"]
    assert first["time_precision"] == "3"
    assert first["event_id_cnty"][3:] == no_actor.event_id
    assert second["actor1"].startswith("Protesters (") and second["interaction"] == "60"
    assert (third["interaction"], third["civilian_targeting"]) == ("17", "Civilian targeting")
    assert third["fatalities"] == "3" and "fatalities not reported" not in third["tags"]
    by_iso = {
        "SYR": ("760", "Middle East"),
        "IRQ": ("368", "Middle East"),
        "BFA": ("854", "Western Africa"),
        "UKR": ("804", "Europe"),
    }
    for row in rows:
        assert (row["iso"], row["region"]) == by_iso[row["event_id_cnty"][:3]]
    assert interaction(2, 1) == 12 and interaction(7, 0) == 70 and interaction(None, 3) is None


def test_plover_fields() -> None:
    evs = synthetic_events(12)
    buf = io.StringIO()
    assert write_plover(evs, buf) == 12
    records = [json.loads(line) for line in buf.getvalue().splitlines()]
    for rec, ev in zip(records, evs, strict=True):
        assert {
            "id",
            "date",
            "actor",
            "recipient",
            "event",
            "mode",
            "context",
            "event_loc",
            "event_text",
        } <= rec.keys()
        assert rec["id"] == ev.event_id and rec["event"] == [ev.plover.event_type]
        if ev.actor1:
            assert rec["actor"][0]["identifier_text"] == ev.actor1.name
            if ev.mentions[0].spans.actor1:
                assert rec["actor"][0]["entity_text"] in ev.mentions[0].text
        if ev.location:
            assert rec["event_loc"]["country_code"] == ev.location.iso3
            assert rec["event_loc"]["resolved_place"] == ev.location.name


def test_geojson_is_rfc7946_and_counts_omissions() -> None:
    evs = synthetic_events(5)
    unplaced = evs[0].model_copy(update={"location": None, "event_id": "ev-nowhere"})
    buf = io.StringIO()
    counts = write_geojson([*evs, unplaced], buf)
    doc = json.loads(buf.getvalue())
    assert doc["type"] == "FeatureCollection"
    assert (counts.written, counts.omitted) == (5, 1)
    assert doc["veille"]["omitted_without_coordinates"] == 1
    for feat, ev in zip(doc["features"], evs, strict=True):
        assert ev.location is not None
        assert feat["geometry"] == {
            "type": "Point",
            "coordinates": [ev.location.lon, ev.location.lat],
        }


def test_parquet_schema_and_exact_rebuild(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    evs = synthetic_events(30)
    out = tmp_path / "e.parquet"
    assert write_parquet(evs, out) == 30
    table = pq.read_table(out)
    assert table.schema.field("event_date").type.__str__() == "date32[day]"
    assert table.num_rows == 30
    assert list(read_parquet_events(out)) == evs
    empty = tmp_path / "empty.parquet"
    write_parquet([], empty)
    assert pq.read_table(empty).num_rows == 0


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(evs=st.lists(events(), min_size=1, max_size=4, unique_by=lambda e: e.event_id))
def test_stored_events_survive_every_export(
    tmp_path_factory: pytest.TempPathFactory, evs: list[Event]
) -> None:
    folder = tmp_path_factory.mktemp("rt")
    with open_store(f"sqlite:///{folder / 's.sqlite'}") as store:
        store.save_events(evs)
        stored = store.events(sort="id")
    assert sorted(e.event_id for e in stored) == sorted(e.event_id for e in evs)

    rows = _acled_rows(stored)
    dated_placed = [e for e in stored if e.event_date and e.location and e.location.iso3]
    for row, ev in zip(rows, dated_placed, strict=True):
        assert ev.event_date is not None and ev.location is not None
        assert row["event_id_cnty"] == f"{ev.location.iso3}{ev.event_id}"
        assert row["event_date"] == ev.event_date.isoformat()
        assert (row["event_type"], row["sub_event_type"]) == (ev.event_type, ev.sub_event_type)
        assert row["fatalities"] == str(ev.fatalities or 0)
        assert row["notes"] == ev.notes

    buf = io.StringIO()
    write_plover(stored, buf)
    plover = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert [(p["id"], p["event"][0], p["size"]["dead"]) for p in plover] == [
        (e.event_id, e.plover.event_type, e.fatalities) for e in stored
    ]

    buf = io.StringIO()
    counts = write_geojson(stored, buf)
    placed = [
        e
        for e in stored
        if e.location and e.location.lat is not None and e.location.lon is not None
    ]
    assert counts.written == len(placed)
    ids = [f["id"] for f in json.loads(buf.getvalue())["features"]]
    assert ids == [e.event_id for e in placed]

    write_parquet(stored, folder / "e.parquet")
    assert list(read_parquet_events(folder / "e.parquet")) == stored
