"""The event store: open (and migrate), ingest articles idempotently, query events."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import (
    Engine,
    Select,
    Table,
    bindparam,
    create_engine,
    delete,
    event,
    insert,
    or_,
    select,
    text,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, defer

from veille import dedup
from veille.errors import MissingExtraError, StoreError
from veille.model import Article, ArticleFailure, Event, Source, stable_id

if TYPE_CHECKING:
    from veille.registry import Deduplicating

from veille.store import _queries, _runs, _search
from veille.store._convert import (
    EventValues,
    actor_row,
    event_from_row,
    event_row,
    event_values,
    place_key,
    place_row,
    source_row,
)
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
from veille.store._schema import (
    ActorRow,
    ArticleRow,
    Base,
    ConflictRow,
    DedupMemberRow,
    EventRow,
    EventSourceRow,
    FramingRow,
    MentionRow,
    PlaceRow,
    SourceRow,
)


def content_sha256(article: Article) -> str:
    """The article's identity for idempotency: its text (the same text is one article)."""
    return hashlib.sha256(article.text.encode("utf-8")).hexdigest()


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


def _now() -> datetime:
    return datetime.now(UTC)


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
        store.migrate()
        store.finish_interrupted_runs()
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(
            f"cannot open or migrate the store: {exc.__class__.__name__}: {exc.args[0]}",
            where=parsed.render_as_string(hide_password=True),
            fix="check that the database server is running and the URL, user and password "
            "are right; for SQLite, that the file is a veille store and is writable",
        ) from exc
    return store


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
        # Actor and place rows this store committed, with their values: ingest skips
        # the lookup for one it already holds as is (they are reference lists, written
        # again by every article that names them).
        self._known: dict[tuple[str, str], tuple[Any, ...]] = {}
        self._listed: list[ActorRow | PlaceRow] = []  # written by the open transaction
        self._block_query = _block_query()

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
        with Session(self.engine, expire_on_commit=False) as s:
            yield s

    # -- writing -----------------------------------------------------------
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

    def outlet_places(self) -> list[OutletPlaces]:
        """Per outlet of the stored articles, the places of each article's events (for
        ``Geocoder.outlet_profile``: where an outlet's stories usually happen). Read once
        before an ingest, so that every engine resolves a batch against the same store."""
        with self.session() as s:
            return _queries.outlet_places(s)

    def stored_hashes(self, hashes: Iterable[str], *, batch: int = 500) -> set[str]:
        """Which of ``hashes`` (``content_sha256`` of articles) are already stored.

        Lets an engine that extracts elsewhere (Spark) skip stored articles before
        extracting them; ``ingest`` still checks each article itself.
        """
        found: set[str] = set()
        pending: list[str] = []

        def lookup() -> None:
            with self.session() as s:
                found.update(
                    s.scalars(select(ArticleRow.sha256).where(ArticleRow.sha256.in_(pending)))
                )
            pending.clear()

        for sha in hashes:
            pending.append(sha)
            if len(pending) >= batch:
                lookup()
        if pending:
            lookup()
        return found

    def admit(
        self, articles: Sequence[tuple[Article, str]]
    ) -> list[Literal["new", "stored"] | ArticleFailure]:
        """For each (article, text hash): new, already stored, or refused (an article
        with its id but other text is stored: its events point into that text). One
        query for all."""
        if not articles:
            return []
        with self.session() as s:
            rows = s.execute(
                select(ArticleRow.id, ArticleRow.sha256).where(
                    or_(
                        ArticleRow.sha256.in_([sha for _, sha in articles]),
                        ArticleRow.id.in_([a.id for a, _ in articles]),
                    )
                )
            ).all()
        hashes = {row.sha256 for row in rows}
        ids = {row.id for row in rows}
        out: list[Literal["new", "stored"] | ArticleFailure] = []
        for article, sha in articles:
            if sha in hashes:
                out.append("stored")
            elif article.id in ids:
                out.append(
                    ArticleFailure(
                        origin=article.origin or article.id,
                        article_id=article.id,
                        cause=f"an article with id {article.id!r} but other text is already stored",
                        fix="give the new version a distinct id (the stored events point "
                        "into the stored text by offsets)",
                    )
                )
            else:
                out.append("new")
        return out

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
        try:
            added, updated, replaced = self._write_article(
                result.article,
                sha,
                run,
                result.sources,
                result.events,
                set(report.new_event_ids),
                dedup.Deduplicator() if policy is None else policy,
            )
        except IntegrityError:
            # Another writer stored the same article between our check and our commit.
            report.articles_skipped += 1
            return False
        except (SQLAlchemyError, OSError):
            raise  # the store itself failed (disk, connection): no article is to blame
        except Exception as exc:  # noqa: BLE001 - rolled back; one bad article is one failure
            failure = _article_failure(result.article, exc, "storing")
            self.record_failure(run, failure, report, recorded)
            return False
        finally:
            listed, self._listed = self._listed, []
        self._remember(listed)  # committed
        report.articles_added += 1
        _runs.count_written(report, added, updated, replaced)
        return True

    def _write_article(
        self,
        article: Article,
        sha: str,
        run: int,
        sources: list[Source],
        events: list[Event],
        run_new: set[str],
        policy: Deduplicating,
    ) -> tuple[list[str], list[str], list[str]]:
        now = _now()
        with self.session() as s, s.begin():
            s.add(
                ArticleRow(
                    id=article.id,
                    sha256=sha,
                    text=article.text,
                    published=article.published,
                    language=article.language,
                    outlet=article.outlet,
                    url=article.url,
                    title=article.title,
                    origin=article.origin,
                    ingested_at=now,
                    run_id=run,
                )
            )
            return self._deduplicate_into(s, article.id, sources, events, now, run_new, policy)

    def _deduplicate_into(
        self,
        s: Session,
        article_id: str,
        sources: list[Source],
        events: list[Event],
        now: datetime,
        run_new: set[str],
        policy: Deduplicating,
    ) -> tuple[list[str], list[str], list[str]]:
        """Add one article's events to the stored ones by ``policy`` (a
        ``dedup.Deduplicator``: its ``linked`` and ``resolve``).

        The stored members (per-article events) a new event links to name the
        components it joins; those components are re-clustered with the new events and
        their stored events replaced. The result is what ``policy.across_articles``
        gives over every member at once, so it does not depend on the ingest order
        (as long as every ingest into the store applies one policy).
        Returns the ids of the new events, of the events that hold mentions stored
        before this run (``run_new``: the events this run added so far; a rewritten
        event takes the id of its smallest mention, as ``extract`` gives it) and of the
        stored events whose id is gone (merged into another or renamed).
        """
        parsed: dict[int, Event] = {}

        def member(row: DedupMemberRow) -> Event:
            if row.id not in parsed:
                parsed[row.id] = self._member(s, row)
            return parsed[row.id]

        touched: set[str] = set()
        window = dedup.DATE_WINDOW_DAYS
        with s.no_autoflush:  # nothing pending can be a stored member: read first
            candidates = self._blocks(s, events)
        for ev in events:
            for row in candidates:
                if (
                    row.component not in touched
                    and _may_link(row, ev, window)
                    and policy.linked(member(row), ev)
                ):
                    touched.add(row.component)
        rows = (
            s.scalars(
                select(DedupMemberRow)
                .where(DedupMemberRow.component.in_(sorted(touched)))
                .order_by(DedupMemberRow.id)
            ).all()
            if touched
            else []
        )
        members = [(member(row), row.article_id) for row in rows]
        old_keys = {
            m.key()
            for (ev, _), row in zip(members, rows, strict=True)
            if row.event_id not in run_new
            for m in ev.mentions
        }
        members += [(ev, article_id) for ev in events]
        old_ids = {row.event_id for row in rows}
        created: dict[str, datetime] = {}
        if old_ids:
            created = {
                event_id: at
                for event_id, at in s.execute(
                    select(EventRow.event_id, EventRow.created_at).where(
                        EventRow.event_id.in_(sorted(old_ids))
                    )
                )
            }
            # Their mentions, sources, framing and conflicts go by ON DELETE CASCADE.
            s.execute(delete(DedupMemberRow).where(DedupMemberRow.id.in_([r.id for r in rows])))
            s.execute(delete(EventRow).where(EventRow.event_id.in_(sorted(old_ids))))
        resolved: list[tuple[list[tuple[Event, str | None]], list[Event]]] = [
            (parts, dedup.finalize(policy.resolve(m for m, _ in parts)))
            for parts in (
                [members[i] for i in component]
                for component in policy.components([m for m, _ in members])
            )
        ]
        fresh = {ev.event_id for _, merged in resolved for ev in merged} - old_ids
        taken = set(
            s.scalars(select(EventRow.event_id).where(EventRow.event_id.in_(sorted(fresh))))
        )
        added: list[str] = []
        updated: list[str] = []
        rows_out = _Inserts()
        stored: list[Event] = []
        for parts, merged in resolved:
            owner: dict[str, str] = {}
            for ev in merged:
                if ev.event_id in taken:
                    # The id of a stored event of another component (an article id
                    # reused for other text): a new, still deterministic, id.
                    ev = ev.model_copy(update={"event_id": stable_id(ev.event_id, article_id)})
                created_at = created.get(ev.event_id, now)
                rows_out.event(event_values(ev, created_at=created_at, updated_at=now))
                stored.append(ev)
                absorbed = any(m.key() in old_keys for m in ev.mentions)
                (updated if absorbed else added).append(ev.event_id)
                owner.update((m.key(), ev.event_id) for m in ev.mentions)
            name = min(ev.event_id for ev in merged) if merged else parts[0][0].event_id
            for ev, source_article in parts:
                stored_in = next((owner[m.key()] for m in ev.mentions if m.key() in owner), name)
                rows_out.add(
                    _table(DedupMemberRow), _member_values(ev, source_article, stored_in, name)
                )
        # Rows the events point to first (one statement per table), then the events.
        _upsert(s, [source_row(src) for src in [*sources, *(x for e in stored for x in e.sources)]])
        listed: list[ActorRow | PlaceRow] = [
            actor_row(a) for ev in stored for a in (ev.actor1, ev.actor2) if a
        ]
        listed += [place_row(ev.location) for ev in stored if ev.location is not None]
        self._listed = self._unknown(listed)
        _upsert(s, self._listed)
        s.flush()
        rows_out.execute(s)
        replaced = sorted(old_ids - set(added) - set(updated))
        return added, updated, replaced

    def _unknown(self, rows: Sequence[ActorRow | PlaceRow]) -> list[ActorRow | PlaceRow]:
        """The rows this store has not committed as they are (``_remember``)."""
        return [r for r in rows if self._known.get(_identity(r)[0]) != _identity(r)[1]]

    def _remember(self, rows: Sequence[ActorRow | PlaceRow]) -> None:
        """After a commit: these rows are stored with these values."""
        self._known.update(_identity(r) for r in rows)

    def _member(self, s: Session, row: DedupMemberRow) -> Event:
        if row.payload is None:  # stored before members were kept: the event itself
            stored = s.get(EventRow, row.event_id)
            if stored is None:
                raise StoreError(
                    f"deduplication member {row.id} names event {row.event_id!r}, "
                    "which is not stored",
                    fix="the store was changed outside veille; re-ingest into a new store",
                )
            return event_from_row(stored)
        return Event.model_validate(row.payload)

    def _block(self, s: Session, ev: Event) -> Sequence[DedupMemberRow]:
        """The stored members ``ev`` could link to: those of its blocks dated within
        ``dedup.DATE_WINDOW_DAYS`` of it, with a place (as ``Deduplicator.components``
        compares in memory).

        Across articles ``dedup.match_score`` is 0 without a date or a place on both
        sides, so such an event loads nothing: the undated block of a country only grows,
        and loading it for every undated event made ingest slower as the store filled.
        """
        window = dedup.DATE_WINDOW_DAYS
        return [row for row in self._blocks(s, [ev]) if _may_link(row, ev, window)]

    def _blocks(self, s: Session, events: Sequence[Event]) -> list[DedupMemberRow]:
        """The stored members any of ``events`` could link to, and maybe a few more
        (one query per country and family: its weeks, its dates from the earliest
        event's window to the latest's). ``_may_link`` tells which event each is for."""
        groups: dict[tuple[str, str], list[Event]] = {}
        for ev in events:
            if dedup.comparable(ev):
                iso3, fam, _ = dedup.candidate_key(ev)
                groups.setdefault((iso3[:3], fam), []).append(ev)
        window = timedelta(days=dedup.DATE_WINDOW_DAYS)
        out: list[DedupMemberRow] = []
        for (iso3, fam), group in groups.items():
            days = [ev.event_date for ev in group if ev.event_date is not None]
            weeks = sorted({k[2] for ev in group for k in dedup.neighbour_keys(ev)})
            out.extend(
                s.scalars(
                    self._block_query,
                    {
                        "iso3": iso3,
                        "family": fam,
                        "weeks": weeks,
                        "first": min(days) - window,
                        "last": max(days) + window,
                    },
                )
            )
        return out

    def save_events(self, events: Iterable[Event], *, batch: int = 500) -> int:
        """Store events as they are (replacing any with the same id), without dedup;
        each stands as a deduplication member of its own for later ingests.

        For imports, tests and benchmarks; ``ingest`` is the way in for articles.
        """
        count = 0
        pending: list[Event] = []

        def flush() -> None:
            now = _now()
            with self.session() as s, s.begin():
                ids = [ev.event_id for ev in pending]
                existing = set(
                    s.scalars(select(EventRow.event_id).where(EventRow.event_id.in_(ids)))
                )
                source_ids = {src.source_id for ev in pending for src in ev.sources}
                known_sources = set(
                    s.scalars(
                        select(SourceRow.source_id).where(SourceRow.source_id.in_(source_ids))
                    )
                )
                actors = {a.id: a for ev in pending for a in (ev.actor1, ev.actor2) if a}
                places = {place_key(ev.location): ev.location for ev in pending if ev.location}
                for actor in actors.values():
                    s.merge(actor_row(actor))
                for loc in places.values():
                    s.merge(place_row(loc))
                if existing:
                    s.execute(delete(DedupMemberRow).where(DedupMemberRow.event_id.in_(existing)))
                for ev in pending:
                    if ev.event_id in existing:
                        old = s.get(EventRow, ev.event_id)
                        if old is not None:
                            s.delete(old)
                            s.flush()
                    # Each saved event stands as one deduplication member of its own.
                    s.add(_member_row(ev, None, ev.event_id, ev.event_id))
                    for src in ev.sources:
                        if src.source_id in known_sources:
                            s.merge(source_row(src))
                        else:
                            s.add(source_row(src))
                            known_sources.add(src.source_id)
                    s.add(event_row(ev, created_at=now, updated_at=now))
            pending.clear()

        for ev in events:
            pending.append(ev)
            count += 1
            if len(pending) >= batch:
                flush()
        if pending:
            flush()
        return count

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

    # -- reading -----------------------------------------------------------
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

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Full-text search over article titles and texts (FTS5, tsvector or ILIKE)."""
        with self.session() as s:
            return _search.search(s, self.dialect, query, limit=limit)


def _article_failure(article: Article, exc: Exception, step: str) -> ArticleFailure:
    return ArticleFailure.of(article, exc, step, "were stored")


def _identity(row: ActorRow | PlaceRow) -> tuple[tuple[str, str], tuple[Any, ...]]:
    (key,) = row.__table__.primary_key
    values = tuple(getattr(row, c.name) for c in row.__table__.columns)
    return (row.__tablename__, str(getattr(row, key.name))), values


@dataclass
class _Inserts:
    """New events (with their mentions, sources, framing and conflicts) and members
    as column values by table, inserted with one executemany per table: ORM objects
    and their unit of work cost more than the writes themselves for the few rows of
    one article."""

    by_table: dict[Table, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, table: Table, values: dict[str, Any]) -> None:
        """One row: every column of ``table`` (NULL where ``values`` has none), but an
        autoincrement key left to the database."""
        self.by_table.setdefault(table, []).append(
            {
                c.name: values.get(c.name)
                for c in table.columns
                if not (c.primary_key and c.autoincrement is True and values.get(c.name) is None)
            }
        )

    def event(self, values: EventValues) -> None:
        """One event's rows (``event_values``)."""
        event_id = values.event["event_id"]
        self.add(_table(EventRow), values.event)
        for cls, children in (
            (MentionRow, values.mentions),
            (EventSourceRow, values.sources),
            (FramingRow, values.framing),
            (ConflictRow, values.conflicts),
        ):
            for child in children:
                self.add(_table(cls), child | {"event_id": event_id})

    def execute(self, s: Session) -> None:
        # Parents first: events before the rows that point to them.
        for table in sorted(self.by_table, key=lambda t: t.name != "events"):
            s.execute(insert(table), self.by_table[table])


def _table(cls: type[Base]) -> Table:
    table = cls.__table__
    if not isinstance(table, Table):
        raise TypeError(f"{cls.__name__} is not mapped to a table")
    return table


def _block_query() -> Select[DedupMemberRow]:
    """The members of one block (``Store._blocks``), its values bound at each run: the
    statement is built once per store, not once per article and block."""
    return (
        select(DedupMemberRow)
        .where(
            DedupMemberRow.block_iso3 == bindparam("iso3"),
            DedupMemberRow.block_family == bindparam("family"),
            DedupMemberRow.block_week.in_(bindparam("weeks", expanding=True)),
            DedupMemberRow.linkable.is_(True),
            DedupMemberRow.event_date.between(bindparam("first"), bindparam("last")),
        )
        .options(defer(DedupMemberRow.payload))  # loaded for the few that may link
        .order_by(DedupMemberRow.id)
    )


def _may_link(row: DedupMemberRow, ev: Event, window: int) -> bool:
    """Whether a stored member is in ``ev``'s blocks and date window (what ``_blocks``
    loads for a group of events, narrowed to one)."""
    if ev.event_date is None or row.event_date is None or not dedup.comparable(ev):
        return False
    iso3, fam, _ = dedup.candidate_key(ev)
    return (row.block_iso3, row.block_family) == (iso3[:3], fam) and abs(
        (row.event_date - ev.event_date).days
    ) <= window


def _member_row(ev: Event, article_id: str | None, event_id: str, component: str) -> DedupMemberRow:
    return DedupMemberRow(**_member_values(ev, article_id, event_id, component))


def _member_values(
    ev: Event, article_id: str | None, event_id: str, component: str
) -> dict[str, Any]:
    iso3, family, week = dedup.candidate_key(ev)
    return {
        "article_id": article_id,
        "event_id": event_id,
        "component": component,
        "linkable": dedup.comparable(ev),
        "event_date": ev.event_date,
        "block_iso3": iso3[:3],
        "block_family": family,
        "block_week": week,
        "payload": ev.model_dump(mode="json"),
    }


def _upsert(s: Session, rows: Sequence[SourceRow | ActorRow | PlaceRow]) -> None:
    """Insert rows, or update the stored ones with the same primary key where they
    differ (what ``Session.merge`` does, with one query per table, not per row)."""
    by_class: dict[type[Any], dict[Any, SourceRow | ActorRow | PlaceRow]] = {}
    for row in rows:
        (key_column,) = row.__table__.primary_key
        by_class.setdefault(type(row), {})[getattr(row, key_column.name)] = row  # last wins
    for cls, by_key in by_class.items():
        (key_column,) = cls.__table__.primary_key
        columns = [c.name for c in cls.__table__.columns]
        stored = {
            getattr(r, key_column.name): r
            for r in s.scalars(select(cls).where(key_column.in_(list(by_key))))
        }
        for key, row in by_key.items():
            old = stored.get(key)
            if old is None:
                s.add(row)
                continue
            for name in columns:
                if getattr(old, name) != getattr(row, name):
                    setattr(old, name, getattr(row, name))
