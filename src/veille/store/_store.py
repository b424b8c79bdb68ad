"""The event store: ``open_store`` (connect and migrate) and ``Store``, the one object
callers hold. ``Store`` composes the parts, each in a module of its own:

* ``_write``: which articles are new, storing an article with its events, saving events;
* ``_dedup``: how an article's events are merged into the stored ones on write;
* ``_runs``: ingest runs, their failures and their reports;
* ``_queries``: reading events, articles, listings and counts;
* ``_search``: full-text search over the articles;
* ``_records``: the typed records asked for and given back.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from veille.errors import MissingExtraError, StoreError
from veille.model import Article, ArticleFailure, Event
from veille.store import _queries, _runs, _search, _write
from veille.store._dedup import MemberBlocks
from veille.store._records import (
    ActorSummary,
    ArticleProcessor,
    DayCount,
    EventQuery,
    IngestReport,
    OutletPlaces,
    PlaceSummary,
    ProcessedArticle,
    SearchHit,
    StoredArticle,
    StoreStats,
)
from veille.store._runs import INTERRUPTED_AFTER
from veille.store._schema import DedupMemberRow, new_session

if TYPE_CHECKING:
    from veille.registry import Deduplicating


def default_url() -> str:
    """An SQLite file in the user's data directory (created if missing)."""
    import platformdirs

    folder = platformdirs.user_data_path("veille", appauthor=False)
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'veille.sqlite'}"


def normalise_url(url: str) -> str:
    """Map ``postgresql://`` and ``postgres://`` to the psycopg 3 driver."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def open_store(url: str | None = None) -> Store:
    """Open the store at ``url`` (an SQLAlchemy URL; default: ``default_url()``) and
    migrate it to the newest schema. Raises ``StoreError`` with cause and fix."""
    url = normalise_url(url or default_url())
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(
            f"{url!r} is not a database URL ({exc})",
            fix="give an SQLAlchemy URL: sqlite:///path/to/veille.sqlite or "
            "postgresql://user:password@host:5432/dbname",
        ) from exc
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        folder = Path(parsed.database or "").expanduser().resolve().parent
        if not folder.is_dir():
            raise StoreError(
                f"the folder {folder} for the SQLite store does not exist",
                where=url,
                fix="create the folder first, or choose another --db path",
            )
    try:
        engine = create_engine(url)
    except ModuleNotFoundError as exc:
        if parsed.get_backend_name() == "postgresql":
            raise MissingExtraError("psycopg", "postgres") from exc
        raise StoreError(
            f"no driver for {parsed.drivername}: {exc}",
            where=parsed.render_as_string(hide_password=True),
            fix="veille stores events in SQLite or PostgreSQL: use sqlite:///path/to/"
            "veille.sqlite or postgresql://user:password@host:5432/dbname",
        ) from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    store = Store(engine)
    try:
        _open_when_free(store)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(
            f"cannot open or migrate the store: {exc.__class__.__name__}: {exc.args[0]}",
            where=parsed.render_as_string(hide_password=True),
            fix="check that the database server is running and the URL, user and password "
            "are right; for SQLite, that the file is a veille store and is writable",
        ) from exc
    return store


#: How long opening a SQLite store waits for another process that holds its lock (a
#: second ``veille ingest`` starting while the first migrates a new file) before the
#: error; each statement also waits ``busy_timeout``, which some lock changes (WAL's
#: first switch on a new file) do not honour.
_OPEN_WAIT_S = 60.0
_OPEN_RETRY_S = 0.5


def _open_when_free(store: Store) -> None:
    """Migrate the store and close runs left open by a killed process; on SQLite, while
    another process holds the file's lock ("database is locked"), try again for up to
    ``_OPEN_WAIT_S`` seconds. Any other error, or the lock past that, is raised."""
    deadline = time.monotonic() + _OPEN_WAIT_S
    while True:
        try:
            store.migrate()
            store.finish_interrupted_runs()
            return
        except OperationalError as exc:
            locked = store.dialect == "sqlite" and "database is locked" in str(exc)
            if not locked or time.monotonic() >= deadline:
                raise
            time.sleep(_OPEN_RETRY_S)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def _begin_immediate(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


class Store:
    """One database of articles and events. Use ``open_store`` to get one."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._blocks = MemberBlocks()
        self._writer = _write.ArticleWriter(engine, self._blocks)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- schema ------------------------------------------------------------
    def migrate(self) -> None:
        """Bring the schema to the newest migration (named, ordered, in the package)."""
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(Path(__file__).with_name("migrations")))
        with self.engine.connect() as conn:
            if self.dialect == "sqlite":
                # pysqlite runs DDL outside any transaction, so a process killed (or a
                # second process racing it) mid-migration left half a schema that no
                # later open could migrate. Take the write lock first and run the whole
                # upgrade as one transaction: all or nothing, one migrator at a time.
                conn.execution_options(isolation_level="AUTOCOMMIT")
                event.listen(conn, "begin", _begin_immediate)
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")

    def schema_revision(self) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    @contextmanager
    def session(self) -> Iterator[Session]:
        with new_session(self.engine) as s:
            yield s

    # -- writing (_write, _dedup) --------------------------------------------
    def ingest(
        self,
        items: Iterable[Article | ArticleFailure],
        pipeline: ArticleProcessor,
        *,
        on_item: Callable[[Article | ArticleFailure], None] | None = None,
        policy: Deduplicating | None = None,
    ) -> IngestReport:
        """Extract and store articles: ``veille.ingest_store.ingest_articles`` (kept here
        for callers of the store's API; the store itself only persists). ``policy``:
        the deduplicator (default: the one ``pipeline``'s config names)."""
        from veille.ingest_store import ingest_articles

        return ingest_articles(self, items, pipeline, on_item=on_item, policy=policy)

    def stored_hashes(self, hashes: Iterable[str], *, batch: int = 500) -> set[str]:
        """Which of ``hashes`` (``content_sha256`` of articles) are already stored.

        Lets an engine that extracts elsewhere (Spark) skip stored articles before
        extracting them; ``ingest`` still checks each article itself.
        """
        return _write.stored_hashes(self.engine, hashes, batch=batch)

    def admit(
        self, articles: Sequence[tuple[Article, str]]
    ) -> list[Literal["new", "stored"] | ArticleFailure]:
        """For each (article, text hash): new, already stored, or refused (an article
        with its id but other text is stored: its events point into that text). One
        query for all."""
        return _write.admit(self.engine, articles)

    def persist(
        self,
        run: int,
        result: ProcessedArticle,
        sha: str,
        report: IngestReport,
        recorded: set[tuple[str, str]] | None = None,
        *,
        policy: Deduplicating | None = None,
    ) -> bool:
        """Store one extracted article and its events in one transaction, its events
        deduplicated into the stored ones by ``policy`` (default: the shipped
        ``dedup.Deduplicator()``; give the one the extraction's config names, as
        ``ingest_articles`` does); counts it in ``report``. False when another
        writer stored the same article first (counted as skipped) or when storing it
        failed for a reason of its own (recorded as its failure; the batch goes on)."""
        return self._writer.persist(run, result, sha, report, recorded, policy=policy)

    def save_events(self, events: Iterable[Event], *, batch: int = 500) -> int:
        """Store events as they are (replacing any with the same id), without dedup;
        each stands as a deduplication member of its own for later ingests.

        For imports, tests and benchmarks; ``ingest`` is the way in for articles.
        """
        return _write.save_events(self.engine, events, batch=batch)

    def _block(self, s: Session, ev: Event) -> Sequence[DedupMemberRow]:
        """The stored members ``ev`` could link to (``MemberBlocks.of``)."""
        return self._blocks.of(s, ev)

    # -- ingest runs (_runs) -------------------------------------------------
    def start_run(self) -> int:
        """Open an ingest run (``ingest_runs``); its id tags the articles and failures."""
        return _runs.start_run(self.engine)

    def finish_run(self, run: int, report: IngestReport) -> None:
        """Close an ingest run with its counts."""
        _runs.finish_run(self.engine, run, report)

    def recorded_failures(self) -> set[tuple[str, str]]:
        """(article id, cause) of the failures already in ``ingest_errors``."""
        return _runs.recorded_failures(self.engine)

    def finish_interrupted_runs(self, *, idle: timedelta = INTERRUPTED_AFTER) -> list[int]:
        """Close the runs a killed ingest left unfinished (``open_store`` calls this):
        an unfinished run that wrote nothing for ``idle`` gets its true count of stored
        articles and failures, the time of its last write as ``finished_at``, and an
        ``ingest_errors`` row saying it was interrupted. Returns their ids. A run still
        writing (another process) is left alone: it has written within ``idle``."""
        return _runs.finish_interrupted_runs(self.engine, idle=idle)

    def record_failure(
        self,
        run: int,
        failure: ArticleFailure,
        report: IngestReport,
        recorded: set[tuple[str, str]] | None = None,
    ) -> None:
        """Report ``failure``; write it to ``ingest_errors`` unless the same article
        already failed there for the same cause (a feed polled every 15 minutes
        repeats its bad entries: they are recorded once, not once per poll)."""
        _runs.record_failure(self.engine, run, failure, report, recorded)

    def ingest_errors(self, run_id: int | None = None) -> list[ArticleFailure]:
        """The recorded failures, in the order recorded; of one run if ``run_id``."""
        return _runs.ingest_errors(self.engine, run_id)

    # -- reading (_queries, _search) -----------------------------------------
    def events(self, query: EventQuery | None = None, **filters: Any) -> list[Event]:
        """Stored events matching ``query`` (or keyword filters of ``EventQuery``)."""
        q = query or EventQuery(**filters)
        with self.session() as s:
            return _queries.events(s, q)

    def iter_events(self, query: EventQuery | None = None, *, page: int = 500) -> Iterator[Event]:
        """Every matching event, read page by page (exports of large stores)."""
        yield from _queries.iter_events(self.events, query or EventQuery(), page=page)

    def count_events(self, query: EventQuery | None = None, **filters: Any) -> int:
        q = query or EventQuery(**filters)
        with self.session() as s:
            return _queries.count_events(s, q)

    def event(self, event_id: str) -> Event | None:
        with self.session() as s:
            return _queries.event(s, event_id)

    def article(self, article_id: str) -> StoredArticle | None:
        with self.session() as s:
            return _queries.article(s, article_id)

    def article_texts(self, article_ids: Iterable[str]) -> dict[str, str]:
        with self.session() as s:
            return _queries.article_texts(s, article_ids)

    def actors(self, *, limit: int = 500, offset: int = 0) -> list[ActorSummary]:
        with self.session() as s:
            return _queries.actors(s, limit=limit, offset=offset)

    def places(self, *, limit: int = 500, offset: int = 0) -> list[PlaceSummary]:
        with self.session() as s:
            return _queries.places(s, limit=limit, offset=offset)

    def events_per_day(self, query: EventQuery | None = None) -> list[DayCount]:
        with self.session() as s:
            return _queries.events_per_day(s, query or EventQuery())

    def stats(self) -> StoreStats:
        with self.session() as s:
            return _queries.stats(s)

    def outlet_places(self) -> list[OutletPlaces]:
        """Per outlet of the stored articles, the places of each article's events (for
        ``Geocoder.outlet_profile``: where an outlet's stories usually happen). Read once
        before an ingest, so that every engine resolves a batch against the same store."""
        with self.session() as s:
            return _queries.outlet_places(s)

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Full-text search over article titles and texts (FTS5, tsvector or ILIKE)."""
        with self.session() as s:
            return _search.search(s, self.dialect, query, limit=limit)
