"""Docs/s of ``Pipeline.run`` against bare spaCy ``nlp.pipe`` on the same texts, same process.

The baseline is the floor the pipeline cannot beat: the same spaCy model
(``veille.nlp.load_spacy(lang)``) over the same paragraphs the pipeline parses
(``veille.nlp.segment.segment_article``), nothing else. The ratio
pipeline docs/s / spaCy docs/s is the share of time spent in parsing; the goal is
>= 0.7 (extraction, geocoding, actors, dates and dedup cost at most ~30% on top).
Models load before timing (both sides); peak RSS is ``getrusage`` after each phase.

    python bench/throughput.py --n 500 --lang fr
    python bench/throughput.py --n 2000 --lang fr --repeat 3

Writes bench/results/throughput-<lang>-<n>.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from corpus import generate, present_sources

RESULTS = Path(__file__).resolve().parent / "results"


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def measure(n: int, lang: str, *, seed: int = 1, repeat: int = 1) -> dict[str, object]:
    from veille.model import Article
    from veille.nlp import load_spacy
    from veille.nlp.segment import segment_article
    from veille.pipeline import Pipeline

    records = list(generate(n, seed=seed, languages=[lang]))
    articles = [
        Article(
            id=r["id"],
            text=r["text"],
            published=date.fromisoformat(r["published"]),
            language=r["language"],
            outlet=r["outlet"],
            url=r["url"],
            title=r["title"],
        )
        for r in records
    ]
    texts = [seg.text for a in articles for seg in segment_article(a, lang)[0]]
    rss_start = peak_rss_mib()

    nlp = load_spacy(lang)
    list(nlp.pipe(texts[:20]))  # warm-up
    spacy_s = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=64):
            pass
        spacy_s.append(time.perf_counter() - t0)
    rss_spacy = peak_rss_mib()

    pipeline = Pipeline()
    pipeline.run(articles[:10])  # loads models, gazetteer, actors
    pipe_s = []
    events = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        events = len(pipeline.run(articles))
        pipe_s.append(time.perf_counter() - t0)
    rss_pipeline = peak_rss_mib()

    spacy_dps = n / min(spacy_s)
    pipe_dps = n / min(pipe_s)
    return {
        "benchmark": "throughput",
        "n_articles": n,
        "language": lang,
        "corpus_sources": present_sources(),
        "paragraphs": len(texts),
        "events": events,
        "spacy_docs_per_s": round(spacy_dps, 1),
        "pipeline_docs_per_s": round(pipe_dps, 1),
        "ratio": round(pipe_dps / spacy_dps, 3),
        "goal_ratio": 0.7,
        "peak_rss_mib": {
            "start": round(rss_start),
            "after_spacy": round(rss_spacy),
            "after_pipeline": round(rss_pipeline),
        },
        "seconds": {
            "spacy": [round(s, 2) for s in spacy_s],
            "pipeline": [round(s, 2) for s in pipe_s],
        },
        "machine": {"python": platform.python_version(), "cpus": _cpus()},
    }


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=500, help="articles")
    parser.add_argument("--lang", default="fr", choices=["fr", "en", "ar"])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1, help="best of R timings")
    parser.add_argument("-o", "--output", type=Path, default=None)
    args = parser.parse_args(argv)
    result = measure(args.n, args.lang, seed=args.seed, repeat=args.repeat)
    out = args.output or RESULTS / f"throughput-{args.lang}-{args.n}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
