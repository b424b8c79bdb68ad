"""`veille eval GOLD`: score extraction against a gold file (seed_gold.json format)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from veille.cli.common import ConfigOption, fail_usage, pipeline_config, print_failure


def eval_command(
    gold: Annotated[
        Path, typer.Argument(help="Gold file: one JSON document or JSON Lines of them.")
    ],
    articles: Annotated[
        list[str] | None,
        typer.Option("--articles", help="Article files holding the gold documents' article ids."),
    ] = None,
    split: Annotated[
        str, typer.Option(help="Score only documents of this split: dev, test or all.")
    ] = "all",
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    verbose: Annotated[
        bool, typer.Option("-v", "--verbose", help="List misses and wrong fields.")
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Print precision, recall, F1 and field accuracy of extraction against gold."""
    from veille.errors import VeilleError
    from veille.eval.gold import load_gold, score
    from veille.ingest import read_inputs
    from veille.model import Article, ArticleFailure
    from veille.pipeline import Pipeline

    if split not in ("dev", "test", "all"):
        fail_usage(f"--split {split!r}: use dev, test or all")
    pipeline_cfg = pipeline_config(config)
    try:
        docs = load_gold(gold)
    except VeilleError as exc:
        fail_usage(str(exc))
    docs = [d for d in docs if split == "all" or d.split == split]
    by_id: dict[str, Article] = {}
    failed = 0
    sources = list(articles or [])
    for d in docs:
        candidate = gold.parent / d.article
        if candidate.is_file():
            sources.append(str(candidate))
    for item in read_inputs(sorted(set(sources))):
        if isinstance(item, ArticleFailure):
            print_failure(item)
            failed += 1
            continue
        by_id[item.id] = item
        by_id.setdefault(Path(item.origin or "").name.split(":")[0], item)
    pairs = []
    for d in docs:
        art = by_id.get(d.article) or by_id.get(Path(d.article).name)
        if art is None:
            fail_usage(
                f"{gold}: no article {d.article!r} found. Fix: pass --articles FILE holding it"
            )
        if art.published is None and d.published is not None:
            art = art.model_copy(update={"published": d.published})
        pairs.append((d, art))
    result = Pipeline(config=pipeline_cfg).run_detailed([a for _, a in pairs])
    for f in result.failures:
        print_failure(f)
    scores = score(pairs, result.events)
    if as_json:
        typer.echo(json.dumps(scores.as_dict(), indent=2))
    else:
        typer.echo(
            f"documents: {len(pairs)}  gold events: {scores.gold_events}  "
            f"predicted: {scores.predicted_events}"
        )
        typer.echo(
            f"precision {scores.precision:.3f}  recall {scores.recall:.3f}  F1 {scores.f1:.3f}"
        )
        typer.echo(f"field accuracy (matched events): {scores.field_accuracy:.3f}")
        for name, tally in scores.fields.items():
            if tally.total:
                typer.echo(f"  {name:15s} {tally.accuracy:.3f}  ({tally.right}/{tally.total})")
        typer.echo(f"events from not-event sentences: {scores.not_event_violations}")
    if verbose:
        for m in scores.missed:
            typer.echo(f"missed   {m}", err=True)
        for s in scores.spurious:
            typer.echo(f"spurious {s}", err=True)
        for mm in scores.mismatches:
            typer.echo(
                f"wrong    {mm.article}:{mm.key} {mm.field}: gold {mm.gold!r} got {mm.predicted!r}",
                err=True,
            )
    if failed or result.failures:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)
