"""`veille ingest | export | serve | watch`: the store's commands (logic in the library)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from veille.cli.common import (
    AllowPrivateOption,
    ConfigOption,
    LangOption,
    ProgressReporter,
    PubDateOption,
    check_db_url,
    fail_usage,
    input_settings,
    parse_date,
    pipeline_config,
    print_failure,
)

if TYPE_CHECKING:
    from veille.store import Store

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="VEILLE_DB",
        help="SQLAlchemy URL (sqlite:///file.sqlite, postgresql://...). "
        "Default: veille.sqlite in the user data directory.",
    ),
]


class Engine(StrEnum):
    local = "local"
    spark = "spark"


class ExportFormat(StrEnum):
    acled_csv = "acled-csv"
    plover = "plover"
    geojson = "geojson"
    parquet = "parquet"


def _open(db: str | None, *, existing: bool = False, announce: bool = False) -> Store:
    """The store, or exit: 2 when ``--db`` cannot name one (see ``check_db_url``), 1 when
    it cannot be opened. ``announce`` prints where it is, for commands that write to or
    serve the default store (the user did not choose where it is)."""
    from veille.errors import VeilleError
    from veille.store import open_store

    location = check_db_url(db, existing=existing)
    if announce:
        typer.echo(f"veille: store: {location}", err=True)
    try:
        return open_store(db)
    except VeilleError as exc:
        typer.echo(f"veille: error: {exc}", err=True)
        raise typer.Exit(1) from exc


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, URLs, or - for stdin.")],
    db: DbOption = None,
    pub_date: PubDateOption = None,
    lang: LangOption = "auto",
    engine: Annotated[Engine, typer.Option("--engine", help="Where to run.")] = Engine.local,
    master: Annotated[
        str | None,
        typer.Option(
            "--master",
            help="Spark master URL with --engine spark (local[2], yarn, k8s://...). "
            "Default: local[2].",
        ),
    ] = None,
    allow_private: AllowPrivateOption = False,
    config: ConfigOption = None,
    batch_size: Annotated[
        int | None,
        typer.Option(
            "--batch-size",
            min=1,
            help="Articles extracted together before they are stored (--engine local). "
            "Larger runs faster; smaller puts each article in the store sooner. "
            "Default: 32.",
        ),
    ] = None,
) -> None:
    """Extract events from articles into the store; already stored articles are skipped.

    With --engine spark, Spark reads and extracts (needs pip install 'veille[spark]'),
    and this process writes into the store exactly as --engine local does.

    Exit status: 0 when every input was read and stored, 1 when some failed (each on
    stderr; also recorded in the store's ingest_errors), 2 for usage errors.
    """
    from veille.errors import InputError, SparkStartError, VeilleError
    from veille.store import IngestReport

    if master is not None and engine is not Engine.spark:
        fail_usage("--master is for --engine spark. Fix: add --engine spark, or drop --master")
    if batch_size is not None and engine is Engine.spark:
        fail_usage(
            "--batch-size is for --engine local (Spark sizes its own partitions). "
            "Fix: drop --batch-size"
        )
    pipeline_cfg = pipeline_config(config)
    published, language = input_settings(pub_date, lang, pipeline_cfg)
    if engine is Engine.spark:
        try:
            from veille.spark import ingest_spark
        except VeilleError as exc:  # pyspark missing: the message names the extra
            fail_usage(exc.render())
    store = _open(db, announce=True)
    from veille.ingest import count_items

    progress = ProgressReporter("ingesting", total=count_items(paths))
    report: IngestReport
    try:
        from veille.outlets import outlet_profiles
        from veille.pipeline import Pipeline

        pipeline = Pipeline(config=pipeline_cfg)
        # Where each outlet's stored stories happened, read once for the whole batch.
        outlets = outlet_profiles(store, pipeline.geocoder)
        pipeline.use_outlets(outlets)
        with progress:
            if engine is Engine.spark:
                try:
                    report = ingest_spark(
                        store,
                        paths,
                        master=master or "local[2]",
                        pub_date=published,
                        language=language,
                        on_item=lambda _item: progress.advance(),
                        outlets=outlets,
                        config=pipeline_cfg,
                    )
                except (InputError, SparkStartError) as exc:
                    # what the Spark engine does not read (stdin, URLs), or no Java
                    fail_usage(exc.render())
            else:
                from veille.ingest import FetchPolicy, read_inputs
                from veille.ingest_store import ingest_articles

                report = ingest_articles(
                    store,
                    read_inputs(
                        paths,
                        pub_date=published,
                        language=language,
                        fetch_policy=FetchPolicy(allow_private=allow_private),
                    ),
                    pipeline,
                    on_item=lambda _item: progress.advance(),
                    batch_size=batch_size,
                )
    finally:
        store.close()
    for failure in report.failures:
        print_failure(failure)
    typer.echo(
        f"{report.articles_added} article(s) added, {report.articles_skipped} already stored, "
        f"{report.events_added} new event(s), {report.events_updated} event(s) updated"
        + (f", {len(report.failures)} input(s) failed" if report.failures else ""),
        err=True,
    )
    if report.failures:
        raise typer.Exit(1)


def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="Output format.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
    db: DbOption = None,
    since: Annotated[str | None, typer.Option(help="First event date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Last event date, YYYY-MM-DD.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO3 country code.")] = None,
    sub_type: Annotated[str | None, typer.Option("--type", help="ACLED sub-event type.")] = None,
    actor: Annotated[str | None, typer.Option(help="Actor id or part of a name.")] = None,
    claim: Annotated[
        str | None, typer.Option(help="claimed, reported, confirmed or denied.")
    ] = None,
) -> None:
    """Write the stored events (filtered) as ACLED CSV, PLOVER JSONL, GeoJSON or Parquet.

    ACLED CSV leaves out events with no date or no country, GeoJSON those with no
    coordinates; the count left out is printed. Exit status 2 for a filter that names no
    country or type (with the closest one), a bad date, or a store that does not exist.
    """
    from veille.errors import QueryError
    from veille.export import WRITERS, describe_counts
    from veille.filters import check_claim, check_country, check_sub_event_type
    from veille.store import EventQuery

    try:
        query = EventQuery(
            since=parse_date(since, "--since") if since else None,
            until=parse_date(until, "--until") if until else None,
            country=check_country(country, "--country") if country is not None else None,
            sub_event_type=check_sub_event_type(sub_type, "--type") if sub_type else None,
            actor=actor,
            claim=check_claim(claim, "--claim") if claim else None,
            sort="date",
        )
    except QueryError as exc:
        fail_usage(exc.render())
    store = _open(db, existing=True)
    writer, _media, _suffix, _binary = WRITERS[fmt.value]
    try:
        result = writer(store.iter_events(query), output)
    except OSError as exc:
        fail_usage(f"cannot write {output}: {exc.strerror}. Fix: choose a writable path with -o")
    finally:
        store.close()
    typer.echo(f"wrote {output} ({fmt.value}): {describe_counts(fmt.value, result)}", err=True)


def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(envvar="VEILLE_TOKEN", help="Enable POST /api/ingest for this bearer token."),
    ] = None,
    tiles: Annotated[
        str | None,
        typer.Option(
            envvar="VEILLE_TILE_URL",
            help="Map tile URL template (e.g. an intranet server); default: no tiles.",
        ),
    ] = None,
    allowed_hosts: Annotated[
        str | None,
        typer.Option(
            "--allowed-hosts",
            help="Comma-separated Host header names to answer (e.g. veille.example.org). "
            "Default: the --host address (and localhost for loopback); any for 0.0.0.0.",
        ),
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Serve the JSON API and the dashboard (loopback only unless --host says otherwise).

    --token must be at least 16 characters; requests whose Host header names another
    site are refused (421), so a rebinding DNS name cannot read a local dashboard.
    """
    import uvicorn

    from veille.api import ApiSettings, create_app
    from veille.api._security import default_allowed_hosts, host_of
    from veille.errors import VeilleError

    hosts = (
        frozenset(host_of(name) for name in allowed_hosts.split(",") if name.strip())
        if allowed_hosts
        else default_allowed_hosts(host)
    )
    settings = ApiSettings(tile_url=tiles, allowed_hosts=hosts)
    pipeline_cfg = pipeline_config(config)
    if pipeline_cfg is not None:  # POST /api/ingest extracts with it
        import functools

        from veille.pipeline import Pipeline

        settings.pipeline_factory = functools.partial(Pipeline, config=pipeline_cfg)
    store = _open(db, existing=True, announce=True)
    try:
        app = create_app(store, token=token, settings=settings)
    except VeilleError as exc:
        store.close()
        fail_usage(exc.render())
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"veille: warning: listening on {host}, not only on this machine", err=True)
    typer.echo(f"veille: serving on http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def watch(
    sources: Annotated[list[str], typer.Argument(help="Feed URLs and folders to poll.")],
    every: Annotated[str, typer.Option(help="Interval between polls: 30s, 15m, 1h.")] = "15m",
    db: DbOption = None,
    once: Annotated[bool, typer.Option("--once", help="Poll once and exit.")] = False,
    pub_date: PubDateOption = None,
    alert_rules: Annotated[
        Path | None, typer.Option("--alert-rules", help="JSON rules + webhook URL.")
    ] = None,
    allow_private: Annotated[
        bool,
        typer.Option(
            "--allow-private-addresses",
            help="Let feed URLs reach loopback/private addresses (intranets, tests).",
        ),
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Poll feeds and folders, ingest new articles, print new events, send alerts."""
    from veille.errors import VeilleError
    from veille.pipeline import Pipeline
    from veille.store._watch import AlertRules, PollReport, parse_interval
    from veille.store._watch import watch as run_watch

    published, _language = input_settings(pub_date, "auto")
    try:
        every_s = parse_interval(every)
        rules = AlertRules.load(alert_rules) if alert_rules else None
    except VeilleError as exc:
        fail_usage(exc.render())
    pipeline_cfg = pipeline_config(config)
    store = _open(db)
    failed = False
    # A bad entry stays in its feed: said on the first poll that meets it, not on each.
    reported: set[tuple[str, str]] = set()

    def on_poll(result: PollReport) -> None:
        nonlocal failed
        for failure in result.ingest.failures:
            failed = True
            key = (failure.article_id or failure.origin, failure.cause)
            if key not in reported:
                reported.add(key)
                print_failure(failure)
        for ev in result.new_events:
            place = ev.location.name if ev.location else "?"
            sys.stdout.write(
                f"{ev.event_id}\t{ev.event_date or '?'}\t{ev.sub_event_type}\t{place}\n"
            )
        sys.stdout.flush()
        for alert in result.alerts:
            state = "sent" if alert.delivered else f"NOT sent ({alert.error})"
            typer.echo(f"alert {alert.rule!r}: {len(alert.event_ids)} event(s) {state}", err=True)
        typer.echo(
            f"poll: {result.ingest.articles_added} new article(s), "
            f"{len(result.new_events)} new event(s), {result.ingest.events_updated} updated",
            err=True,
        )

    from veille.outlets import outlet_profiles

    pipeline = Pipeline(config=pipeline_cfg)
    try:
        run_watch(
            store,
            pipeline,
            sources,
            # Each poll reads the outlets' profiles from the store as it then is.
            before_poll=lambda: pipeline.use_outlets(outlet_profiles(store, pipeline.geocoder)),
            every_s=every_s,
            rules=rules,
            allow_private=allow_private,
            pub_date=published,
            on_poll=on_poll,
            once=once,
        )
    except KeyboardInterrupt:
        typer.echo("veille: watch stopped", err=True)
    finally:
        store.close()
    if once and failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("export")(export)
    app.command("serve")(serve)
    app.command("watch")(watch)
