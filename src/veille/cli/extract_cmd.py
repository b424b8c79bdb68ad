"""`veille extract`: articles in, events out (jsonl, ACLED CSV, PLOVER, GeoJSON, table)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer

from veille.cli.common import (
    AllowPrivateOption,
    ConfigOption,
    LangOption,
    ProgressReporter,
    PubDateOption,
    fail_usage,
    input_settings,
    pipeline_config,
    print_failure,
)


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    acled_csv = "acled-csv"
    plover = "plover"
    geojson = "geojson"
    table = "table"


def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, URLs, or - for stdin.")],
    pub_date: PubDateOption = None,
    lang: LangOption = "auto",
    fmt: Annotated[
        OutputFormat, typer.Option("--format", help="Output format.")
    ] = OutputFormat.jsonl,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")
    ] = None,
    statements: Annotated[
        Path | None,
        typer.Option(
            "--statements",
            help="Also write non-violent PLOVER statements (threats, accusations...) "
            "as JSON lines to this file.",
        ),
    ] = None,
    allow_private: AllowPrivateOption = False,
    config: ConfigOption = None,
) -> None:
    """Extract events from articles; one JSON event per line by default.

    Exit status: 0 when every input was read, 1 when some failed (each on stderr with
    file, record, cause and fix; the others still processed), 2 for usage errors.
    """
    from veille.ingest import FetchPolicy, count_items, read_inputs
    from veille.pipeline import Pipeline

    cfg = pipeline_config(config)
    published, language = input_settings(pub_date, lang, cfg)
    pipeline = Pipeline(config=cfg)
    progress = ProgressReporter("extracting", total=count_items(paths))
    failures = 0

    def on_item(item: object) -> None:
        nonlocal failures
        from veille.model import ArticleFailure

        if isinstance(item, ArticleFailure):
            failures += 1
            print_failure(item)
        progress.advance()

    with progress:
        result = pipeline.run_detailed(
            read_inputs(
                paths,
                pub_date=published,
                language=language,
                fetch_policy=FetchPolicy(allow_private=allow_private),
            ),
            on_article=on_item,
        )
    out: TextIO
    omitted = 0
    if output is None:
        out = sys.stdout
        omitted = write_events(result.events, fmt, out)
    else:
        try:
            with output.open("w", encoding="utf-8", newline="") as out:
                omitted = write_events(result.events, fmt, out)
        except OSError as exc:
            fail_usage(
                f"cannot write {output}: {exc.strerror}. Fix: choose a writable path with -o"
            )
    if statements is not None:
        try:
            with statements.open("w", encoding="utf-8") as fh:
                for st in result.statements:
                    fh.write(st.model_dump_json() + "\n")
        except OSError as exc:
            fail_usage(f"cannot write {statements}: {exc.strerror}. Fix: choose a writable path")
    summary = f"{result.articles_read} article(s) read, {len(result.events)} event(s)"
    if failures:
        summary += f", {failures} input(s) failed"
    if omitted:
        why = "without coordinates" if fmt.value == "geojson" else "without a date or a country"
        summary += f"; {omitted} event(s) left out of the {fmt.value} output {why}"
    typer.echo(summary, err=True)
    if failures:
        raise typer.Exit(1)


def write_events(events: list, fmt: OutputFormat, out: TextIO) -> int:  # type: ignore[type-arg]
    """Write ``events`` in ``fmt``; returns how many the format could not hold."""
    from veille.export import ExportCounts
    from veille.model import Event

    typed: list[Event] = list(events)
    if fmt is OutputFormat.jsonl:
        for e in typed:
            out.write(e.model_dump_json(exclude_none=False) + "\n")
    elif fmt is OutputFormat.table:
        from veille.cli.table import render_table

        render_table(typed, out)
    else:
        from veille.cli.common import export_writer

        result = export_writer(fmt.value)(typed, out)
        if isinstance(result, ExportCounts):
            return result.omitted
    return 0


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
