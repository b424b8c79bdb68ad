"""Scaling: Spark local[1] vs local[2] on a generated corpus, and the local run's memory.

1. ``--spark-n`` articles through ``veille.spark.run_spark`` with ``local[1]`` then
   ``local[2]`` (each its own SparkSession, models loading once per Python worker):
   wall seconds, docs/s, and the speed-up local[2]/local[1] (2.0 is perfect).
2. Peak RSS of ``veille ingest`` (``read_inputs`` -> ``Store.ingest`` into a new
   SQLite store) at each of ``--rss-sizes``, each in a fresh process (peak RSS is per
   process). Flat is the goal: articles stream in batches of 32 and each article's
   events go to the store in its own transaction; nothing grows with the corpus.

    python bench/scale.py --spark-n 500 --rss-sizes 500 2000           # this machine
    python bench/scale.py --spark-n 10000 --rss-sizes 10000 100000     # a bigger one

Writes bench/results/scale.json (and reads throughput-*.json to draw
bench/results/scale.png: docs/s and peak RSS against corpus size).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from corpus import write

RESULTS = Path(__file__).resolve().parent / "results"


def spark_run(corpus: Path, master: str, out: Path) -> dict[str, object]:
    from veille.spark import run_spark

    t0 = time.perf_counter()
    summary = run_spark([str(corpus)], str(out), master=master, partitions=8)
    wall = time.perf_counter() - t0
    return {
        "master": master,
        "wall_s": round(wall, 1),
        "docs_per_s": round(summary.articles_read / wall, 2),
        "articles": summary.articles_read,
        "events": summary.events,
    }


def rss_child(corpus: str) -> None:
    """Run in a fresh process: ``veille ingest``'s path (``read_inputs`` ->
    ``Store.ingest`` into a new SQLite store, dedup against stored events); prints its
    peak RSS."""
    from veille.ingest import read_inputs
    from veille.pipeline import Pipeline
    from veille.store import open_store

    db = Path(corpus).with_suffix(".sqlite")
    store = open_store(f"sqlite:///{db}")
    t0 = time.perf_counter()
    seen = 0

    def progress(_item: object) -> None:
        # A trace on stderr every 5,000 articles: a run stopped early still shows its curve.
        nonlocal seen
        seen += 1
        if seen % 5000 == 0:
            rss = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
            wall = round(time.perf_counter() - t0)
            print(f"{seen} articles, {wall} s, peak RSS {rss} MiB", file=sys.stderr, flush=True)

    report = store.ingest(read_inputs([corpus]), Pipeline(), on_item=progress)
    wall = time.perf_counter() - t0
    store.close()
    print(
        json.dumps(
            {
                "articles": report.articles_added + report.articles_skipped,
                "events": report.events_added,
                "failures": len(report.failures),
                "wall_s": round(wall, 1),
                "docs_per_s": round((report.articles_added + report.articles_skipped) / wall, 2),
                "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            }
        )
    )


def plot(result: dict[str, object], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rss = result.get("local_rss", [])
    assert isinstance(rss, list)
    sizes = [r["articles"] for r in rss]
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4))
    ax1.plot(sizes, [r["docs_per_s"] for r in rss], "o-", label="veille ingest (local, fr/ar/en)")
    spark = result.get("spark", [])
    assert isinstance(spark, list)
    for r in spark:
        ax1.plot([r["articles"]], [r["docs_per_s"]], "s", label=f"Spark {r['master']} (fr/ar/en)")
    # Pipeline.run and bare spaCy from bench/throughput.py (French), where they were run.
    runs = sorted(
        (json.loads(f.read_text("utf-8")) for f in RESULTS.glob("throughput-fr-*.json")),
        key=lambda r: int(r["n_articles"]),
    )
    if runs:
        ns = [r["n_articles"] for r in runs]
        ax1.plot(
            ns,
            [r["pipeline_docs_per_s"] for r in runs],
            "^-",
            label="Pipeline.run (fr, models preloaded)",
        )
        ax1.plot(ns, [r["spacy_docs_per_s"] for r in runs], "v--", label="bare spaCy (fr)")
    ax1.set_xlabel("corpus size (articles)")
    ax1.set_ylabel("articles/s")
    ax1.set_ylim(bottom=0)
    ax1.legend()
    ax1.set_title("Throughput")
    ax2.plot(sizes, [r["peak_rss_mib"] for r in rss], "o-", label="separate runs")
    trace = result.get("ingest_trace_100k")
    if isinstance(trace, dict) and trace.get("points"):
        points = trace["points"]
        ax2.plot(
            [t["articles"] for t in points],
            [t["peak_rss_mib"] for t in points],
            ".--",
            label="one 100k run, traced (stopped at 35k)",
        )
    ax2.legend()
    ax2.set_xlabel("corpus size (articles)")
    ax2.set_ylabel("peak RSS (MiB)")
    ax2.set_ylim(bottom=0)
    ax2.set_title("Memory, veille ingest (SQLite store)")
    fig.suptitle("veille on 2 shared cores, 24 GiB")
    fig.tight_layout()
    fig.savefig(path, dpi=100)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--spark-n", type=int, default=500, help="0 skips the Spark part")
    parser.add_argument("--rss-sizes", type=int, nargs="*", default=[500, 2000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rss-child", default=None, help=argparse.SUPPRESS)
    parser.add_argument("-o", "--output", type=Path, default=RESULTS / "scale.json")
    args = parser.parse_args(argv)
    if args.rss_child:
        rss_child(args.rss_child)
        return 0
    work = Path(tempfile.mkdtemp(prefix="veille-scale-"))
    result: dict[str, object] = {"benchmark": "scale", "seed": args.seed}
    try:
        if args.spark_n:
            corpus = write(work / f"corpus-{args.spark_n}.jsonl", args.spark_n, seed=args.seed)
            runs = [spark_run(corpus, m, work / m.strip("[]")) for m in ("local[1]", "local[2]")]
            result["spark"] = runs
            walls = [float(str(r["wall_s"])) for r in runs]
            result["spark_speedup_2_over_1"] = round(walls[0] / walls[1], 2)
            print(json.dumps(runs), flush=True)
        rss = []
        for n in args.rss_sizes:
            corpus = write(work / f"corpus-{n}.jsonl", n, seed=args.seed)
            proc = subprocess.run(
                [sys.executable, __file__, "--rss-child", str(corpus)],
                check=True,
                stdout=subprocess.PIPE,  # the JSON result; progress goes to our stderr
                text=True,
            )
            rss.append(json.loads(proc.stdout.strip().splitlines()[-1]))
            print(json.dumps(rss[-1]), flush=True)
        result["local_rss"] = rss
    finally:
        shutil.rmtree(work, ignore_errors=True)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    if result.get("local_rss"):
        plot(result, args.output.with_suffix(".png"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
