"""Ingest into SQLite against ``extract``, articles per second on the same input.

Both read the same generated corpus (``corpus.py``, all languages, with re-reports so
that cross-article dedup has work) through ``read_inputs`` with one warm ``Pipeline``
(models loaded before timing): ``extract`` is ``veille extract -o FILE``'s work
(``Pipeline.run_detailed``, then the events written as JSON lines), ``ingest`` is
``Store.ingest`` (``veille.ingest_store.ingest_articles``) into a new
SQLite file (``veille ingest --engine local``: extraction, dedup against the stored
events, one transaction per article). The goal is a ratio ingest/extract of at least
0.8: storing may cost at most a fifth on top of extracting.

    python bench/ingest_ratio.py --n 300
    python bench/ingest_ratio.py --n 300 --repeat 3 -o bench/results/ingest_ratio.json

Prints one JSON object (and writes it with ``-o``).
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from corpus import generate


def _write_distinct(path: Path, n: int, *, seed: int) -> Path:
    """``corpus.generate``'s articles, a re-report's text signed by its outlet: the store
    skips a text it holds without extracting it, which would flatter ingest."""
    seen: set[str] = set()
    with path.open("w", encoding="utf-8") as fh:
        for rec in generate(n, seed=seed):
            if rec["text"] in seen:
                rec["text"] += f"\n{rec['outlet']} ({rec['id']})"
            seen.add(rec["text"])
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


def measure(n: int, *, seed: int = 1, repeat: int = 1) -> dict[str, object]:
    from veille.cli.extract_cmd import OutputFormat, write_events
    from veille.ingest import read_inputs
    from veille.pipeline import Pipeline
    from veille.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        corpus = _write_distinct(Path(tmp) / "corpus.jsonl", n, seed=seed)
        pipeline = Pipeline()
        pipeline.run_detailed(list(read_inputs([str(corpus)]))[:10])  # load every model
        extract_s, ingest_s = [], []
        events = stored = 0
        for k in range(repeat):
            t0 = time.perf_counter()
            result = pipeline.run_detailed(read_inputs([str(corpus)]))
            with (Path(tmp) / "events.jsonl").open("w", encoding="utf-8") as out:
                write_events(result.events, OutputFormat.jsonl, out)  # veille extract -o
            extract_s.append(time.perf_counter() - t0)
            events = len(result.events)
            store = open_store(f"sqlite:///{Path(tmp) / f'store-{k}.sqlite'}")
            try:
                t0 = time.perf_counter()
                report = store.ingest(read_inputs([str(corpus)]), pipeline)
                ingest_s.append(time.perf_counter() - t0)
                stored = store.count_events()
            finally:
                store.close()
            if report.failures or report.articles_added != result.articles_read:
                raise SystemExit(f"ingest stored {report.articles_added} of {n} articles")
    extract_dps = n / min(extract_s)
    ingest_dps = n / min(ingest_s)
    return {
        "benchmark": "ingest_ratio",
        "n_articles": n,
        "extract_events": events,
        "stored_events": stored,
        "extract_docs_per_s": round(extract_dps, 1),
        "ingest_docs_per_s": round(ingest_dps, 1),
        "ratio": round(ingest_dps / extract_dps, 3),
        "goal_ratio": 0.8,
        "seconds": {
            "extract": [round(s, 2) for s in extract_s],
            "ingest": [round(s, 2) for s in ingest_s],
        },
        "machine": {"python": platform.python_version()},
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=300, help="articles")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1, help="best of R timings")
    parser.add_argument("-o", "--output", type=Path, default=None)
    args = parser.parse_args(argv)
    result = measure(args.n, seed=args.seed, repeat=args.repeat)
    text = json.dumps(result, indent=2)
    print(text)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
