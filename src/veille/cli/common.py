"""Shared CLI plumbing: errors on stderr, progress bars, date options, exporters."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from types import TracebackType
from typing import TYPE_CHECKING, Annotated, NoReturn, TextIO

import typer

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from veille.model import ArticleFailure, Event


class Language(StrEnum):
    auto = "auto"
    fr = "fr"
    ar = "ar"
    en = "en"


# The input options every reading command shares (extract, ingest, spark-run, geoparse).
PubDateOption = Annotated[
    str | None,
    typer.Option("--pub-date", help="Publication date YYYY-MM-DD for inputs without one."),
]
LangOption = Annotated[Language, typer.Option("--lang", help="Input language, or auto-detect.")]


def input_settings(pub_date: str | None, lang: Language) -> tuple[date | None, str | None]:
    """The publication date and language the reading options ask for (None: not given)."""
    published = parse_date(pub_date, "--pub-date") if pub_date else None
    if published is not None:
        from veille.resolve.dates import EARLIEST_DATE, LATEST_DATE

        if not EARLIEST_DATE <= published <= LATEST_DATE:
            fail_usage(
                f"--pub-date {pub_date} is outside {EARLIEST_DATE} to {LATEST_DATE}. "
                "Fix: give the real publication date"
            )
    return published, None if lang is Language.auto else lang.value


def print_failure(failure: ArticleFailure) -> None:
    """One clear line on stderr per failed input: where, cause, fix. Characters that
    are not printable (a newline in a file name, an undecodable byte) are escaped as
    Python writes them, so no input can forge or split an error line."""
    typer.echo(f"veille: error: {printable(failure.message())}", err=True)


def printable(text: str) -> str:
    """``text`` with each non-printable character escaped (``\n``, ``\x1b``, ``\udcff``)."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def fail_usage(message: str) -> NoReturn:
    typer.echo(f"veille: usage error: {message}", err=True)
    raise typer.Exit(2)


def parse_date(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail_usage(f"{option} {value!r} is not a date. Fix: use YYYY-MM-DD, e.g. 2024-02-05")


class ProgressReporter:
    """A rich progress bar on stderr when it is a terminal; silent otherwise."""

    def __init__(self, label: str) -> None:
        self._label = label
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> ProgressReporter:
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            self._progress = Progress(
                TextColumn(self._label),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("articles"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task(self._label, total=None)
        return self

    def advance(self, n: int = 1) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.advance(self._task, n)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()


def export_writer(fmt: str) -> Callable[[list[Event], TextIO], object]:
    """The text exporter registered for a format name in ``veille.export.WRITERS``."""
    from veille.export import WRITERS

    entry = WRITERS.get(fmt)
    if entry is None or entry[3]:
        text_formats = ", ".join(name for name, (_, _, _, binary) in WRITERS.items() if not binary)
        fail_usage(
            f"format {fmt!r} cannot be written to a text stream. Fix: use one of {text_formats}"
        )
    return entry[0]
