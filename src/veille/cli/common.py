"""Shared CLI plumbing: errors on stderr, progress bars, date options, exporters."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Annotated, NoReturn, TextIO

import typer

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from veille.config import PipelineConfig
    from veille.model import ArticleFailure, Event


# The input options every reading command shares (extract, ingest, spark-run, geoparse).
PubDateOption = Annotated[
    str | None,
    typer.Option("--pub-date", help="Publication date YYYY-MM-DD for inputs without one."),
]
LangOption = Annotated[
    str,
    typer.Option(
        "--lang",
        help="Input language: auto (detect), or the code of a language folder "
        "(fr, en, ar shipped; more through the config's [lang] roots).",
    ),
]
AllowPrivateOption = Annotated[
    bool,
    typer.Option(
        "--allow-private-addresses",
        help="Let URLs reach loopback/private addresses (intranets, tests).",
    ),
]

# The commands that extract (extract, ingest, watch, serve, eval, spark-run) take one.
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="Pipeline config (TOML or JSON): spaCy models, lexicon and geocoder files, "
        "components. `veille config show` prints the defaults.",
    ),
]


def pipeline_config(path: Path | None) -> PipelineConfig | None:
    """The config of ``--config`` (None when not given); a usage error (exit 2) naming
    the file, the key and the fix when it is invalid, names an unknown component or
    adds an invalid language folder."""
    if path is None:
        return None
    from veille.config import PipelineConfig
    from veille.errors import VeilleError
    from veille.registry import components_of

    try:
        config = PipelineConfig.load(path)
        components_of(config)  # unknown component names fail now, not mid-run
        config.languages()  # so do invalid files in the language folders it adds
    except VeilleError as exc:
        fail_usage(exc.render())
    return config


def input_settings(
    pub_date: str | None, lang: str, config: PipelineConfig | None = None
) -> tuple[date | None, str | None]:
    """The publication date and language the reading options ask for (None: not given).
    A language must be one the pipeline of ``config`` reads (a usage error otherwise)."""
    published = parse_date(pub_date, "--pub-date") if pub_date else None
    if published is not None:
        from veille.model import EARLIEST_DATE, LATEST_DATE

        if not EARLIEST_DATE <= published <= LATEST_DATE:
            fail_usage(
                f"--pub-date {pub_date} is outside {EARLIEST_DATE} to {LATEST_DATE}. "
                "Fix: give the real publication date"
            )
    code = lang.strip().lower()
    if code == "auto":
        return published, None
    from veille.config import PipelineConfig

    known = (config or PipelineConfig()).languages()
    if code not in known:
        fail_usage(
            f"--lang {lang!r}: no language folder for it. Fix: give auto or one of "
            f"{', '.join(known)} (add a language with the config's [lang] roots)"
        )
    return published, code


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
    from veille.errors import QueryError
    from veille.filters import parse_day

    try:
        return parse_day(value, option)
    except QueryError as exc:
        fail_usage(exc.render())


def check_db_url(db: str | None, *, existing: bool = False) -> str:
    """The store URL ``--db`` names (or the default one), as a usage error (exit 2) with
    the fix when it cannot be a store: not a URL, a database veille does not support, an
    SQLite file in a missing folder, or (``existing``) an SQLite file that is not there
    (reading commands must not create an empty store and report 0 events)."""
    from pathlib import Path

    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from veille.store import default_url, normalise_url

    url = normalise_url(db or default_url())
    shown = "--db " + repr(db) if db else f"the default store {url}"
    try:
        parsed = make_url(url)
    except ArgumentError:
        fail_usage(
            f"{shown} is not a database URL. Fix: use sqlite:///path/to/veille.sqlite or "
            "postgresql://user:password@host:5432/dbname"
        )
    safe = parsed.render_as_string(hide_password=True)
    shown = f"--db {safe!r}" if db else f"the default store {safe}"
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        fail_usage(
            f"{shown}: veille stores events in SQLite or PostgreSQL, not {backend}. "
            "Fix: use sqlite:///path/to/veille.sqlite or postgresql://user:password@host/dbname"
        )
    if backend == "sqlite" and parsed.database not in (None, "", ":memory:"):
        path = Path(parsed.database or "").expanduser()
        if not path.resolve().parent.is_dir():
            fail_usage(
                f"{shown}: the folder {path.resolve().parent} does not exist. "
                "Fix: create the folder first, or choose another --db path"
            )
        if existing and not path.is_file():
            fail_usage(
                f"{shown}: there is no store at {path}. Fix: check the path, or fill a "
                f"store first with `veille ingest FILE --db sqlite:///{path}`"
            )
    return safe


class ProgressReporter:
    """Progress on stderr: a rich bar on a terminal (``n/total`` when the total is
    known), else one line every ``every`` items, so that a log shows a long run moving."""

    def __init__(self, label: str, *, total: int | None = None, every: int = 100) -> None:
        self._label = label
        self._total = total
        self._every = every
        self._done = 0
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
            self._task = self._progress.add_task(self._label, total=self._total)
        return self

    def advance(self, n: int = 1) -> None:
        before = self._done
        self._done += n
        if self._progress is not None and self._task is not None:
            self._progress.advance(self._task, n)
        elif self._every > 0 and self._done // self._every > before // self._every:
            of = f"/{self._total}" if self._total is not None else ""
            typer.echo(f"veille: {self._label}: {self._done}{of} articles", err=True)

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
