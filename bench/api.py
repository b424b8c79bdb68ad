"""Events listed per second through the API at N stored events, SQLite vs PostgreSQL.

    python bench/api.py [--events 100000] [--pages 200] [--page-size 50]

Fills a fresh store with synthetic events (``veille.store._synthetic``), then times
``GET /api/events`` pages (newest first, random offsets in the first 10,000, and one
filtered query) through the ASGI app in process (routing, validation, SQL, JSON). The
PostgreSQL column is skipped unless DATABASE_URL is set; its database is emptied first.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from pathlib import Path


def _fill(url: str, n: int) -> tuple[float, str]:
    from veille.store import open_store
    from veille.store._synthetic import synthetic_item

    store = open_store(url)
    t0 = time.perf_counter()
    store.save_events((synthetic_item(i).event for i in range(n)), batch=2000)
    took = time.perf_counter() - t0
    store.close()
    return took, url


def _reset_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    from veille.store import normalise_url

    engine = create_engine(normalise_url(url))
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def _measure(url: str, pages: int, size: int) -> dict[str, float]:
    from fastapi.testclient import TestClient

    from veille.api import create_app
    from veille.store import open_store

    store = open_store(url)
    client = TestClient(create_app(store))
    rng = random.Random(1)
    results: dict[str, float] = {}
    queries = {
        "newest pages": lambda: {"limit": size, "sort": "-date"},
        "random offsets": lambda: {"limit": size, "offset": rng.randrange(0, 10_000)},
        "filtered (SYR, Armed clash)": lambda: {
            "limit": size,
            "country": "SYR",
            "type": "Armed clash",
        },
    }
    for name, params in queries.items():
        client.get("/api/events", params=params())  # warm up
        listed = 0
        t0 = time.perf_counter()
        for _ in range(pages):
            r = client.get("/api/events", params=params())
            r.raise_for_status()
            listed += len(r.json()["events"])
        results[name] = listed / (time.perf_counter() - t0)
    store.close()
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--page-size", type=int, default=50)
    args = ap.parse_args()
    columns: dict[str, dict[str, float]] = {}
    fills: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        backends = {"SQLite": f"sqlite:///{Path(tmp) / 'bench.sqlite'}"}
        if os.environ.get("DATABASE_URL"):
            _reset_postgres(os.environ["DATABASE_URL"])
            backends["PostgreSQL"] = os.environ["DATABASE_URL"]
        for name, url in backends.items():
            fills[name], _ = _fill(url, args.events)
            columns[name] = _measure(url, args.pages, args.page_size)
    names = list(columns)
    print(
        f"\nGET /api/events at {args.events:,} stored events, {args.page_size} per page, "
        f"{args.pages} pages per row (events listed per second)\n"
    )
    print(f"{'query':32}" + "".join(f"{n:>14}" for n in names))
    for q in next(iter(columns.values())):
        print(f"{q:32}" + "".join(f"{columns[n][q]:>14,.0f}" for n in names))
    print(
        f"{'fill (events/s, save_events)':32}"
        + "".join(f"{args.events / fills[n]:>14,.0f}" for n in names)
    )
    if "PostgreSQL" not in columns:
        print("\nPostgreSQL skipped: DATABASE_URL is not set (source .ci/postgres.sh).")


if __name__ == "__main__":
    main()
