"""`python -m veille.eval.report`: every accuracy figure of the README, in one run.

Each figure is labelled *held-out* (measured on text the rules were never written
from: the sample's test split, news_dev's ``heldout`` half) or *training* (measured on
what the rules were written from).

Sample corpus (held-out test split and dev), the acceptance article in French and in
its English translation, the labelled deduplication pairs, and, when ``../shared/data``
is beside the checkout, the public development gold sets.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from veille.errors import InputError
from veille.eval.gold import Scores, load_gold, score
from veille.model import Article
from veille.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[3]


def _articles(path: Path) -> dict[str, Article]:
    out = {}
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            art = Article.model_validate(json.loads(line))
            out[art.id] = art
    return out


def gold_scores(pipe: Pipeline, gold: Path, articles: Path, split: str | None) -> Scores:
    arts = _articles(articles)
    docs = [d for d in load_gold(gold) if split is None or d.split == split]
    pairs = []
    for d in docs:
        art = arts.get(d.article)
        if art is None and d.article == articles.name and len(arts) == 1:
            art = next(iter(arts.values()))  # the gold names the file of its one article
        if art is None:
            raise InputError(
                f"the gold document's article {d.article!r} is not in {articles}",
                where=str(gold),
                fix=f"give the document the id of an article of {articles.name} (or the "
                "file's name when it holds a single article), or add the article",
            )
        pairs.append((d, art))
    result = pipe.run_detailed([a for _, a in pairs])
    return score(pairs, result.events)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--skip-public", action="store_true", help="only the project's own gold")
    args = parser.parse_args(argv)
    pipe = Pipeline()
    rows: dict[str, Any] = {}
    sample = REPO / "sample"
    for split in ("test", "dev"):
        s = gold_scores(pipe, sample / "gold.jsonl", sample / "articles.jsonl", split)
        label = "held-out" if split == "test" else "training"
        rows[f"sample_{split} ({label})"] = s.as_dict()
    seed = args.shared / "examples"
    if seed.is_dir():
        s = gold_scores(pipe, seed / "seed_gold.json", seed / "seed_article_fr.jsonl", None)
        rows["seed_fr (training)"] = s.as_dict()
    s = gold_scores(pipe, sample / "seed_en_gold.json", sample / "seed_en.jsonl", None)
    rows["seed_en (training)"] = s.as_dict()
    from veille.eval.dedup_pairs import evaluate_pairs

    d = evaluate_pairs(sample / "dedup_pairs.jsonl", pipe)
    rows["dedup_pairs"] = {
        "pairs": d.pairs,
        "precision": round(d.precision, 4),
        "recall": round(d.recall, 4),
        "f1": round(d.f1, 4),
        "bcubed_f1": round(d.bcubed_f1, 4),
        "pairs_with_an_empty_side": d.no_event,
    }
    data = args.shared / "data"
    if data.is_dir() and not args.skip_public:
        rows.update(_news(pipe, args.shared))
        rows.update(_public(pipe, data))
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    for name, values in rows.items():
        print(f"== {name}")
        for key, value in values.items():
            print(f"   {key}: {value}")


def _news(pipe: Pipeline, shared: Path) -> dict[str, Any]:
    """Outside-written news (news_dev), split by article-id hash: the rules were written
    from the ``train`` half only; ``heldout`` is the accuracy figure."""
    from veille.eval.news import score_news

    news = shared / "data" / "news_dev"
    if not (news / "gold.json").is_file():
        return {}
    out: dict[str, Any] = {}
    # The team's second set of the same kind (sample/probe_news/README.md), same split.
    probe = Path(__file__).resolve().parents[3] / "sample" / "probe_news"
    for name, folder in (("news_dev", news), ("probe_news", probe)):
        if not (folder / "gold.json").is_file():
            continue
        for split, label in (("heldout", "held-out"), ("train", "training")):
            scores, _ = score_news(
                folder, shared / "tools" / "score_events.py", split, pipeline=pipe
            )
            row = _plain(scores)
            row["field_accuracy"] = round(scores.field_accuracy, 4)
            out[f"{name}_{split} ({label})"] = row
    return out


def _public(pipe: Pipeline, data: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    runners: list[tuple[str, Callable[[], Any]]] = []
    try:
        public = importlib.import_module("veille.eval.public")
    except ModuleNotFoundError:
        public = None
    if public is not None:
        for name, fn, filename in (
            ("plover_gsr_dev", "evaluate_plover", "plover_gsr_dev.jsonl"),
            ("arabic_gsr_dev", "evaluate_arabic", "arabic_gsr_dev.jsonl"),
            ("temporal_dev", "evaluate_temporal", "temporal_dev.jsonl"),
        ):
            scorer = getattr(public, fn, None)
            if scorer is not None:
                runners.append((name, functools.partial(scorer, data / filename)))
    from veille.geo.evaluate import evaluate_geoparsing

    runners.append(("geo_dev", lambda: evaluate_geoparsing(data / "geo_dev.jsonl")))
    for name, run in runners:
        result = run()
        # The rules were written from these files' errors: training figures.
        out[f"{name} (training)"] = _plain(result)
    return out


def _plain(value: Any) -> Any:
    if hasattr(value, "model_dump"):
        return value.model_dump()
    if hasattr(value, "__dataclass_fields__"):
        d = {k: _plain(getattr(value, k)) for k in value.__dataclass_fields__}
        for prop in ("precision", "recall", "f1", "accuracy", "macro_f1"):
            if hasattr(type(value), prop) and prop not in d:
                d[prop] = round(getattr(value, prop), 4)
        return d
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, float):
        return round(value, 4)
    return value


if __name__ == "__main__":
    main()
