"""Counts of misses and extras by cause (veille.eval.breakdown), on invented records."""

from __future__ import annotations

from datetime import date
from typing import Any

from veille.eval.breakdown import breakdown
from veille.model import Event, Location, Mention, MentionValues, Plover

_TOWN = {"name": "Town", "lat": 10.0, "lon": 10.0, "max_km": 25, "iso3": "MLI"}


def _gold(sub: str, day: str = "2024-02-05", **loc: Any) -> dict[str, Any]:
    return {"key": "k", "sub_event_type": sub, "event_date": day, "location": {**_TOWN, **loc}}


def _event(sub: str, day: int | None = 5, lat: float | None = 10.0, article: str = "a") -> Event:
    location = None
    if lat is not None:
        location = Location(name="P", iso3="MLI", lat=lat, lon=10.0, geo_precision=1)
    return Event(
        event_id="e",
        event_date=date(2024, 2, day) if day else None,
        event_type="Battles",
        sub_event_type=sub,
        plover=Plover(event_type="ASSAULT"),
        location=location,
        mentions=[
            Mention(
                article_id=article,
                source_id=article,
                start=0,
                end=5,
                text="xxxxx",
                values=MentionValues(generic=True),
            )
        ],
    )


def test_each_miss_is_counted_under_what_its_nearest_prediction_got_wrong() -> None:
    docs = [
        {"id": "a", "events": [_gold("Armed clash")]},  # found
        {"id": "b", "events": [_gold("Armed clash")]},  # placed 3 degrees off
        {"id": "c", "events": [_gold("Armed clash")]},  # a week off
        {"id": "d", "events": [_gold("Attack")]},  # right day and place, other type
        {"id": "e", "events": [_gold("Attack")]},  # nothing predicted
    ]
    events = [
        _event("Armed clash", article="a"),
        _event("Armed clash", lat=13.0, article="b"),
        _event("Armed clash", day=12, article="c"),
        _event("Armed clash", article="d"),
    ]
    out = breakdown(docs, events)
    assert out.missed == {"place": 1, "date": 1, "type": 1, "none_in_article": 1}
    assert out.confusions == {("Attack", "Armed clash"): 1}
    assert out.extra == {"near_miss": 3}
    assert len(out.place_km) == 1 and 300 < out.place_km[0] < 360


def test_an_event_told_twice_is_a_split_and_one_with_no_gold_is_spurious() -> None:
    docs = [{"id": "a", "events": [_gold("Armed clash")]}, {"id": "b", "events": []}]
    events = [
        _event("Armed clash", article="a"),
        _event("Armed clash", article="a"),
        _event("Attack", day=20, lat=40.0, article="a"),
        _event("Attack", article="b"),
    ]
    out = breakdown(docs, events)
    assert out.missed == {}
    assert out.extra == {"split": 1, "spurious": 1, "no_gold_article": 1}
    assert out.extra_profile["generic_trigger"] == 3
    assert any("extra by cause" in line for line in out.lines())
