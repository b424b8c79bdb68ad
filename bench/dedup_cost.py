"""Cost of deduplicating 1,000 new events against a store of 10k, 100k (1M) events.

The store is indexed by ``dedup.candidate_key`` (country x family x ISO week); a new
event is compared only with the stored events of its ``dedup.neighbour_keys`` blocks
(``dedup.match_score``), merged into the best one (``dedup.merge``) or added. The
stored events are synthetic but shaped like real ones (a place from a few countries,
a sub-event type, a day); the archive covers a period that grows with its size (a
constant rate of events per week, as a growing archive does), new events fall in the
last weeks. Flat time per 1k means the blocking works; ``--fixed-weeks`` shows the
worst case (a bigger archive squeezed into the same weeks: blocks grow).

    python bench/dedup_cost.py --sizes 10000 100000
    python bench/dedup_cost.py --sizes 10000 100000 1000000   # ~6 GiB RAM, minutes

Writes bench/results/dedup_cost.json.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

from veille import dedup
from veille.extract.taxonomy import SUB_EVENT_TYPES
from veille.model import Event, Location, Mention, MentionValues, Plover, Source

RESULTS = Path(__file__).resolve().parent / "results"
EVENTS_PER_WEEK = 200  # across all countries: a busy conflict monitor
COUNTRIES = ("SYR", "IRQ", "MLI", "BFA", "NER", "SOM", "SDN", "COD", "YEM", "LBY")
SUBS = ("Armed clash", "Attack", "Air/drone strike", "Remote explosive/landmine/IED")
END = date(2025, 12, 31)


def make_event(rng: random.Random, k: int, weeks: int) -> Event:
    iso3 = rng.choice(COUNTRIES)
    place = rng.randrange(40)
    day = END - timedelta(days=rng.randrange(weeks * 7))
    sub = rng.choice(SUBS)
    info = SUB_EVENT_TYPES[sub]
    art = f"a{k}"
    gid = f"city:{iso3}-{place}"
    mention = Mention(
        article_id=art,
        source_id=art,
        start=0,
        end=10,
        text="x" * 10,
        values=MentionValues(
            event_date=day, date_precision="day", sub_event_type=sub, location_id=gid, iso3=iso3
        ),
    )
    return Event(
        event_id=f"e{k}",
        event_date=day,
        date_precision="day",
        event_type=info.event_type,
        sub_event_type=sub,
        plover=Plover(event_type=info.plover),
        location=Location(
            name=gid,
            iso3=iso3,
            gazetteer_id=gid,
            lat=10 + place * 0.5,
            lon=20 + place * 0.5,
            geo_precision=1,
        ),
        mentions=[mention],
        sources=[Source(source_id=art, article_id=art)],
    )


def build_index(events: Sequence[Event]) -> dict[tuple[str, str, str], list[Event]]:
    index: dict[tuple[str, str, str], list[Event]] = {}
    for e in events:
        index.setdefault(dedup.candidate_key(e), []).append(e)
    return index


def dedup_new(
    index: dict[tuple[str, str, str], list[Event]], new: Sequence[Event]
) -> tuple[int, int]:
    """Merge each new event into the store; returns (merged, comparisons)."""
    merged = compared = 0
    for ev in new:
        best: tuple[float, tuple[str, str, str], int] | None = None
        for key in dedup.neighbour_keys(ev):
            for i, stored in enumerate(index.get(key, ())):
                compared += 1
                s = dedup.match_score(stored, ev)
                if s >= dedup.SAME_EVENT_THRESHOLD and (best is None or s > best[0]):
                    best = (s, key, i)
        if best is None:
            index.setdefault(dedup.candidate_key(ev), []).append(ev)
        else:
            _, key, i = best
            index[key][i] = dedup.merge(index[key][i], ev)
            merged += 1
    return merged, compared


def measure(
    size: int, *, new: int = 1000, seed: int = 1, fixed_weeks: int | None
) -> dict[str, object]:
    rng = random.Random(seed)
    weeks = fixed_weeks or max(4, size // EVENTS_PER_WEEK)
    t0 = time.perf_counter()
    index = build_index([make_event(rng, k, weeks) for k in range(size)])
    build_s = time.perf_counter() - t0
    fresh = [make_event(rng, size + k, min(weeks, 4)) for k in range(new)]  # the last weeks
    t0 = time.perf_counter()
    merged, compared = dedup_new(index, fresh)
    dt = time.perf_counter() - t0
    return {
        "stored": size,
        "weeks": weeks,
        "blocks": len(index),
        "new": new,
        "seconds_per_1k_new": round(dt * 1000 / new, 3),
        "comparisons_per_new": round(compared / new, 1),
        "merged": merged,
        "build_index_s": round(build_s, 1),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--new", type=int, default=1000)
    parser.add_argument("--fixed-weeks", type=int, default=None)
    parser.add_argument("-o", "--output", type=Path, default=RESULTS / "dedup_cost.json")
    args = parser.parse_args(argv)
    rows = []
    for size in args.sizes:
        row = measure(size, new=args.new, fixed_weeks=args.fixed_weeks)
        print(json.dumps(row), flush=True)
        rows.append(row)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    result = {"benchmark": "dedup_cost", "events_per_week": EVENTS_PER_WEEK, "rows": rows}
    args.output.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
