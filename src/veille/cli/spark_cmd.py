"""`veille spark-run`: the pipeline on Apache Spark (needs ``pip install 'veille[spark]'``).

The library call is ``veille.spark.run_spark(paths, output, master=master, ...)``.
``veille ingest --engine spark`` is ``veille.spark.ingest_spark``: the same reading and
extraction, then ``Store.ingest`` in this process.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from veille.cli.common import (
    ConfigOption,
    LangOption,
    PubDateOption,
    fail_usage,
    input_settings,
    pipeline_config,
)


class InputFormat(StrEnum):
    auto = "auto"
    jsonl = "jsonl"
    parquet = "parquet"
    files = "files"


def spark_run(
    paths: Annotated[
        list[str], typer.Argument(help="JSONL/Parquet files, folders, globs, s3a:// or hdfs://")
    ],
    output: Annotated[
        str, typer.Option("-o", "--output", help="Output folder: OUT/events, OUT/failures.")
    ],
    master: Annotated[
        str | None,
        typer.Option("--master", help="Spark master URL (local[2], yarn, k8s://...)."),
    ] = "local[2]",
    pub_date: PubDateOption = None,
    lang: LangOption = "auto",
    partitions: Annotated[
        int | None, typer.Option("--partitions", min=1, help="Extraction tasks.")
    ] = None,
    input_format: Annotated[
        InputFormat, typer.Option("--input-format", help="How to read the PATHs.")
    ] = InputFormat.auto,
    config: ConfigOption = None,
) -> None:
    """Extract events with Spark; events as JSON lines under OUT/events.

    Exit status: 0 when every input was read, 1 when some failed (listed in
    OUT/failures), 2 for usage errors (including pyspark or Java missing).
    """
    from veille.errors import VeilleError

    pipeline_cfg = pipeline_config(config)
    published, language = input_settings(pub_date, lang, pipeline_cfg)
    try:
        from veille.spark import run_spark

        summary = run_spark(
            paths,
            output,
            master=master,
            pub_date=published,
            language=language,
            partitions=partitions,
            input_format=input_format.value,
            config=pipeline_cfg,
        )
    except VeilleError as exc:
        fail_usage(str(exc))
    typer.echo(
        f"{summary.articles_read} article(s) read, {summary.events} event(s) "
        f"({summary.per_article_events} before cross-article dedup), "
        f"{summary.failures} input(s) failed; events in {summary.events_path}",
        err=True,
    )
    if summary.failures:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("spark-run")(spark_run)
