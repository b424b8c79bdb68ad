"""The event store: open (and migrate), ingest articles idempotently, query events."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Engine, create_engine, event, false, func, or_, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from veille import dedup
from veille.errors import MissingExtraError, StoreError, VeilleError
from veille.model import Article, ArticleFailure, Event, Source, stable_id
from veille.store._convert import (
    actor_row,
    event_from_row,
    event_row,
    place_key,
    place_row,
    source_row,
)
from veille.store._schema import (
    ActorRow,
    ArticleRow,
    EventRow,
    IngestErrorRow,
    IngestRunRow,
    MentionRow,
    PlaceRow,
    SourceRow,
)

EventSort = Literal["date", "-date", "fatalities", "-fatalities", "confidence", "-confidence", "id"]
MAX_PAGE = 1000
#: An unfinished ingest run that wrote nothing for this long was killed.
INTERRUPTED_AFTER = timedelta(hours=1)


class _Typed(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EventQuery(_Typed):
    """Filters, sorting and pagination for ``Store.events``. ``None`` means any."""

    since: date | None = None
    until: date | None = None
    country: str | None = Field(default=None, description="ISO3 of the event's location.")
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = Field(
        default=None, description="Actor id (exact) or part of a name (either side)."
    )
    claim: str | None = Field(default=None, description="claimed|reported|confirmed|denied")
    sort: EventSort = "-date"
    limit: int | None = Field(default=None, ge=0, description="None: every matching event.")
    offset: int = Field(default=0, ge=0)


class IngestReport(_Typed):
    run_id: int
    articles_added: int = 0
    articles_skipped: int = 0
    events_added: int = 0
    events_updated: int = 0
    failures: list[ArticleFailure] = Field(default_factory=list)
    new_event_ids: list[str] = Field(default_factory=list)
    updated_event_ids: list[str] = Field(default_factory=list)


class OutletPlaces(_Typed):
    """What the store knows of one outlet's geography: how many of its articles it holds,
    and for each article with located events the gazetteer ids of their places."""

    outlet: str
    documents: int
    articles: list[list[str]] = Field(default_factory=list)


class StoredArticle(_Typed):
    id: str
    sha256: str
    text: str
    published: date | None
    language: str | None
    outlet: str | None
    url: str | None
    title: str | None
    ingested_at: datetime
    event_ids: list[str]


class ActorSummary(_Typed):
    id: str
    name: str
    kind: str
    inter: int | None
    country: str | None
    events: int


class PlaceSummary(_Typed):
    key: str
    name: str
    admin1: str | None
    country: str | None
    iso3: str | None
    lat: float | None
    lon: float | None
    events: int


class DayCount(_Typed):
    day: date
    events: int


class StoreStats(_Typed):
    events: int
    articles: int
    ingest_errors: int
    first_date: date | None
    last_date: date | None
    by_event_type: dict[str, int]
    by_country: dict[str, int]
    by_claim: dict[str, int]


class SearchHit(_Typed):
    article_id: str
    title: str | None
    published: date | None
    snippet: str


class ProcessedArticle(Protocol):
    """What the pipeline gives for one article (``veille.pipeline.ArticleResult``)."""

    @property
    def article(self) -> Article: ...
    @property
    def sources(self) -> list[Source]: ...
    @property
    def events(self) -> list[Event]: ...


class ArticleProcessor(Protocol):
    """Anything with ``process_article`` (``veille.pipeline.Pipeline``, or a test fake)."""

    def process_article(self, article: Article) -> ProcessedArticle: ...


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


_WORD = re.compile(r"\w+", re.UNICODE)
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


class Store:
    """One database of articles and events. Use ``open_store`` to get one."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

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
    ) -> IngestReport:
        """Process and store articles; idempotent, one transaction per article.

        An article whose text is already stored is skipped without processing. Each new
        event is compared with the stored events of its dedup block only (same country,
        event family and neighbouring week); one that scores at least
        ``SAME_EVENT_THRESHOLD`` is merged into the stored event, which keeps its id.
        Failures (bad inputs, pipeline errors) are recorded in ``ingest_errors`` and
        returned; they never stop the batch. Rerunning an interrupted ingest resumes it.
        """
        run = self._start_run()
        report = IngestReport(run_id=run)
        seen: set[str] = set()
        recorded = self._recorded_failures()
        try:
            for item in items:
                if isinstance(item, ArticleFailure):
                    self._record_failure(run, item, report, recorded)
                else:
                    self._ingest_one(item, pipeline, run, report, seen, recorded)
                if on_item is not None:
                    on_item(item)
        finally:
            self._finish_run(run, report)
        return report

    def outlet_places(self) -> list[OutletPlaces]:
        """Per outlet of the stored articles, the places of each article's events (for
        ``Geocoder.outlet_profile``: where an outlet's stories usually happen). Read once
        before an ingest, so that every engine resolves a batch against the same store."""
        with self.session() as s:
            documents = {
                outlet: count
                for outlet, count in s.execute(
                    select(ArticleRow.outlet, func.count())
                    .where(ArticleRow.outlet.is_not(None))
                    .group_by(ArticleRow.outlet)
                ).all()
                if outlet
            }
            places: dict[str, dict[str, set[str]]] = {}
            rows = s.execute(
                select(ArticleRow.outlet, ArticleRow.id, PlaceRow.gazetteer_id)
                .join(MentionRow, MentionRow.article_id == ArticleRow.id)
                .join(EventRow, EventRow.event_id == MentionRow.event_id)
                .join(PlaceRow, PlaceRow.key == EventRow.place_key)
                .where(ArticleRow.outlet.is_not(None), PlaceRow.gazetteer_id.is_not(None))
                .distinct()
            )
            for outlet, article_id, gazetteer_id in rows:
                if outlet and gazetteer_id:
                    by_article = places.setdefault(outlet, {})
                    by_article.setdefault(article_id, set()).add(gazetteer_id)
        return [
            OutletPlaces(
                outlet=outlet,
                documents=count,
                articles=[sorted(ids) for _, ids in sorted(places.get(outlet, {}).items())],
            )
            for outlet, count in sorted(documents.items())
        ]

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

    def _ingest_one(
        self,
        article: Article,
        pipeline: ArticleProcessor,
        run: int,
        report: IngestReport,
        seen: set[str],
        recorded: set[tuple[str, str]] | None = None,
    ) -> None:
        sha = content_sha256(article)
        if sha in seen:
            report.articles_skipped += 1
            return
        with self.session() as s:
            stored = s.execute(
                select(ArticleRow.id, ArticleRow.sha256).where(
                    or_(ArticleRow.sha256 == sha, ArticleRow.id == article.id)
                )
            ).all()
        if any(row.sha256 == sha for row in stored):
            seen.add(sha)
            report.articles_skipped += 1
            return
        if stored:
            self._record_failure(
                run,
                ArticleFailure(
                    origin=article.origin or article.id,
                    article_id=article.id,
                    cause=f"an article with id {article.id!r} but other text is already stored",
                    fix="give the new version a distinct id (the stored events point into "
                    "the stored text by offsets)",
                ),
                report,
                recorded,
            )
            return
        try:
            result = pipeline.process_article(article)
        except Exception as exc:  # noqa: BLE001 - one bad article is one failure
            failure = _article_failure(article, exc, "extracting")
            self._record_failure(run, failure, report, recorded)
            return
        try:
            added, updated = self._write_article(article, sha, run, result.sources, result.events)
        except IntegrityError:
            # Another writer stored the same article between our check and our commit.
            report.articles_skipped += 1
            return
        except (SQLAlchemyError, OSError):
            raise  # the store itself failed (disk, connection): no article is to blame
        except Exception as exc:  # noqa: BLE001 - rolled back; one bad article is one failure
            failure = _article_failure(article, exc, "storing")
            self._record_failure(run, failure, report, recorded)
            return
        seen.add(sha)
        report.articles_added += 1
        fresh = list(dict.fromkeys(added))
        changed = [u for u in dict.fromkeys(updated) if u not in fresh]
        report.events_added += len(fresh)
        report.events_updated += len(changed)
        report.new_event_ids.extend(fresh)
        report.updated_event_ids.extend(changed)

    def _write_article(
        self, article: Article, sha: str, run: int, sources: list[Source], events: list[Event]
    ) -> tuple[list[str], list[str]]:
        now = _now()
        added: list[str] = []
        updated: list[str] = []
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
            for src in sources:
                s.merge(source_row(src))
            for ev in events:
                event_id, is_new = self._merge_or_add(s, ev, sha, now)
                (added if is_new else updated).append(event_id)
        return added, updated

    def _merge_or_add(self, s: Session, ev: Event, salt: str, now: datetime) -> tuple[str, bool]:
        best: tuple[float, EventRow, Event] | None = None
        for row in self._block(s, ev):
            stored = event_from_row(row)
            score = dedup.match_score(stored, ev)
            if score >= dedup.SAME_EVENT_THRESHOLD and (best is None or score > best[0]):
                best = (score, row, stored)
        if best is not None:
            _, row, stored = best
            merged = dedup.merge(stored, ev)
            self._replace(s, row, merged, now)
            return merged.event_id, False
        if s.get(EventRow, ev.event_id) is not None:
            # Same mention keys as a stored event but not the same happening (e.g. an
            # article id reused for other text): a new, still deterministic, id.
            ev = ev.model_copy(update={"event_id": stable_id(ev.event_id, salt)})
        self._add(s, ev, now, now)
        return ev.event_id, True

    def _block(self, s: Session, ev: Event) -> Sequence[EventRow]:
        """The stored events ``ev`` could merge with: those of its blocks dated within
        ``dedup.DATE_WINDOW_DAYS`` of it (as ``dedup.cluster`` compares in memory).

        Across articles ``dedup.match_score`` is 0 without a date or a place on both
        sides, so such an event loads nothing: the undated block of a country only grows,
        and loading it for every undated event made ingest slower as the store filled.
        """
        if ev.event_date is None or ev.location is None:
            return []
        keys = dedup.neighbour_keys(ev)
        iso3, fam = keys[0][0][:3], keys[0][1]
        weeks = [k[2] for k in keys]
        window = timedelta(days=dedup.DATE_WINDOW_DAYS)
        return s.scalars(
            select(EventRow)
            .where(
                EventRow.block_iso3 == iso3,
                EventRow.block_family == fam,
                EventRow.block_week.in_(weeks),
                EventRow.event_date.between(ev.event_date - window, ev.event_date + window),
            )
            .order_by(EventRow.created_at, EventRow.event_id)
        ).all()

    def _add(self, s: Session, ev: Event, created: datetime, updated: datetime) -> None:
        for src in ev.sources:
            s.merge(source_row(src))
        for actor in (ev.actor1, ev.actor2):
            if actor is not None:
                s.merge(actor_row(actor))
        if ev.location is not None:
            s.merge(place_row(ev.location))
        s.add(event_row(ev, created_at=created, updated_at=updated))
        s.flush()

    def _replace(self, s: Session, row: EventRow, ev: Event, now: datetime) -> None:
        created = row.created_at
        s.delete(row)
        s.flush()
        self._add(s, ev, created, now)

    def save_events(self, events: Iterable[Event], *, batch: int = 500) -> int:
        """Store events as they are (replacing any with the same id), without dedup.

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
                for ev in pending:
                    if ev.event_id in existing:
                        old = s.get(EventRow, ev.event_id)
                        if old is not None:
                            s.delete(old)
                            s.flush()
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

    def _start_run(self) -> int:
        with self.session() as s, s.begin():
            run = IngestRunRow(
                started_at=_now(),
                articles_added=0,
                articles_skipped=0,
                events_added=0,
                events_updated=0,
                failures=0,
            )
            s.add(run)
            s.flush()
            return run.id

    def _finish_run(self, run: int, report: IngestReport) -> None:
        with self.session() as s, s.begin():
            row = s.get(IngestRunRow, run)
            if row is None:
                return
            row.finished_at = _now()
            row.articles_added = report.articles_added
            row.articles_skipped = report.articles_skipped
            row.events_added = report.events_added
            row.events_updated = report.events_updated
            row.failures = len(report.failures)

    def _recorded_failures(self) -> set[tuple[str, str]]:
        """(article id, cause) of the failures already in ``ingest_errors``."""
        with self.session() as s:
            rows = s.execute(
                select(IngestErrorRow.article_id, IngestErrorRow.cause)
                .where(IngestErrorRow.article_id.is_not(None))
                .distinct()
            )
            return {(aid, cause) for aid, cause in rows if aid is not None}

    def finish_interrupted_runs(self, *, idle: timedelta = INTERRUPTED_AFTER) -> list[int]:
        """Close the runs a killed ingest left unfinished (``open_store`` calls this):
        an unfinished run that wrote nothing for ``idle`` gets its true count of stored
        articles and failures, the time of its last write as ``finished_at``, and an
        ``ingest_errors`` row saying it was interrupted. Returns their ids. A run still
        writing (another process) is left alone: it has written within ``idle``."""
        now = _now()
        closed: list[int] = []
        with self.session() as s, s.begin():
            for row in s.scalars(select(IngestRunRow).where(IngestRunRow.finished_at.is_(None))):
                last_article = s.scalar(
                    select(func.max(ArticleRow.ingested_at)).where(ArticleRow.run_id == row.id)
                )
                last_error = s.scalar(
                    select(func.max(IngestErrorRow.recorded_at)).where(
                        IngestErrorRow.run_id == row.id
                    )
                )
                last = max(
                    _aware(t) for t in (row.started_at, last_article, last_error) if t is not None
                )
                if now - last < idle:
                    continue
                row.articles_added = (
                    s.scalar(
                        select(func.count())
                        .select_from(ArticleRow)
                        .where(ArticleRow.run_id == row.id)
                    )
                    or 0
                )
                errors = (
                    s.scalar(
                        select(func.count())
                        .select_from(IngestErrorRow)
                        .where(IngestErrorRow.run_id == row.id)
                    )
                    or 0
                )
                s.add(
                    IngestErrorRow(
                        run_id=row.id,
                        origin=f"ingest run {row.id}",
                        article_id=None,
                        cause="the ingest stopped before it finished (killed or crashed); "
                        f"the {row.articles_added} article(s) it stored are kept",
                        fix="rerun the same ingest: stored articles are skipped, the rest added",
                        recorded_at=now,
                    )
                )
                row.failures = errors + 1
                row.finished_at = last
                closed.append(row.id)
        return closed

    def _record_failure(
        self,
        run: int,
        failure: ArticleFailure,
        report: IngestReport,
        recorded: set[tuple[str, str]] | None = None,
    ) -> None:
        """Report ``failure``; write it to ``ingest_errors`` unless the same article
        already failed there for the same cause (a feed polled every 15 minutes
        repeats its bad entries: they are recorded once, not once per poll)."""
        report.failures.append(failure)
        if recorded is not None and failure.article_id is not None:
            key = (failure.article_id, failure.cause)
            if key in recorded:
                return
            recorded.add(key)
        with self.session() as s, s.begin():
            s.add(
                IngestErrorRow(
                    run_id=run,
                    origin=_storable(failure.origin),
                    article_id=_storable(failure.article_id) if failure.article_id else None,
                    cause=_storable(failure.cause),
                    fix=_storable(failure.fix),
                    recorded_at=_now(),
                )
            )

    # -- reading -----------------------------------------------------------
    def _conditions(self, q: EventQuery) -> list[ColumnElement[bool]]:
        cond: list[ColumnElement[bool]] = []
        if q.since is not None:
            cond.append(EventRow.event_date >= q.since)
        if q.until is not None:
            cond.append(EventRow.event_date <= q.until)
        if q.country:
            cond.append(EventRow.iso3 == q.country.upper())
        if q.event_type:
            cond.append(EventRow.event_type == q.event_type)
        if q.sub_event_type:
            cond.append(EventRow.sub_event_type == q.sub_event_type)
        if q.claim:
            cond.append(EventRow.claim_status == q.claim)
        if q.actor and "\x00" in q.actor:
            # SQLite's LIKE stops at a NUL ("%\x00%" matches every name); no stored
            # name holds one, so such a filter matches nothing.
            cond.append(false())
        elif q.actor:
            pattern = "%" + _escape_like(q.actor) + "%"
            cond.append(
                or_(
                    EventRow.actor1_id == q.actor,
                    EventRow.actor2_id == q.actor,
                    EventRow.actor1_name.ilike(pattern, escape="\\"),
                    EventRow.actor2_name.ilike(pattern, escape="\\"),
                )
            )
        return cond

    def events(self, query: EventQuery | None = None, **filters: Any) -> list[Event]:
        """Stored events matching ``query`` (or keyword filters of ``EventQuery``)."""
        q = query or EventQuery(**filters)
        order: dict[str, list[Any]] = {
            "date": [EventRow.event_date.asc().nulls_first(), EventRow.event_id],
            "-date": [EventRow.event_date.desc().nulls_last(), EventRow.event_id],
            "fatalities": [EventRow.fatalities.asc().nulls_first(), EventRow.event_id],
            "-fatalities": [EventRow.fatalities.desc().nulls_last(), EventRow.event_id],
            "confidence": [EventRow.confidence.asc(), EventRow.event_id],
            "-confidence": [EventRow.confidence.desc(), EventRow.event_id],
            "id": [EventRow.event_id],
        }
        stmt = select(EventRow).where(*self._conditions(q)).order_by(*order[q.sort])
        if q.offset:
            stmt = stmt.offset(q.offset)
        if q.limit is not None:
            stmt = stmt.limit(q.limit)
        with self.session() as s:
            return [event_from_row(r) for r in s.scalars(stmt)]

    def iter_events(self, query: EventQuery | None = None, *, page: int = 500) -> Iterator[Event]:
        """Every matching event, read page by page (exports of large stores)."""
        q = (query or EventQuery()).model_copy()
        offset, remaining = q.offset, q.limit
        while remaining is None or remaining > 0:
            size = page if remaining is None else min(page, remaining)
            chunk = self.events(q.model_copy(update={"offset": offset, "limit": size}))
            yield from chunk
            if len(chunk) < size:
                return
            offset += size
            if remaining is not None:
                remaining -= size

    def count_events(self, query: EventQuery | None = None, **filters: Any) -> int:
        q = query or EventQuery(**filters)
        with self.session() as s:
            stmt = select(func.count()).select_from(EventRow).where(*self._conditions(q))
            return int(s.scalar(stmt) or 0)

    def event(self, event_id: str) -> Event | None:
        with self.session() as s:
            row = s.get(EventRow, event_id)
            return event_from_row(row) if row is not None else None

    def article(self, article_id: str) -> StoredArticle | None:
        with self.session() as s:
            row = s.scalar(select(ArticleRow).where(ArticleRow.id == article_id))
            if row is None:
                return None
            ids = s.scalars(
                select(MentionRow.event_id)
                .where(MentionRow.article_id == article_id)
                .distinct()
                .order_by(MentionRow.event_id)
            ).all()
            return StoredArticle(
                id=row.id,
                sha256=row.sha256,
                text=row.text,
                published=row.published,
                language=row.language,
                outlet=row.outlet,
                url=row.url,
                title=row.title,
                ingested_at=row.ingested_at,
                event_ids=list(ids),
            )

    def article_texts(self, article_ids: Iterable[str]) -> dict[str, str]:
        ids = sorted(set(article_ids))
        if not ids:
            return {}
        with self.session() as s:
            rows = s.execute(select(ArticleRow.id, ArticleRow.text).where(ArticleRow.id.in_(ids)))
            return {r.id: r.text for r in rows}

    def actors(self, *, limit: int = 500, offset: int = 0) -> list[ActorSummary]:
        with self.session() as s:
            counts: dict[str | None, int] = {}
            for col in (EventRow.actor1_id, EventRow.actor2_id):
                for actor_id, n in s.execute(
                    select(col, func.count()).where(col.is_not(None)).group_by(col)
                ):
                    counts[actor_id] = counts.get(actor_id, 0) + int(n)
            rows = s.scalars(select(ActorRow).order_by(ActorRow.name, ActorRow.id)).all()
        out = [
            ActorSummary(
                id=r.id,
                name=r.name,
                kind=r.kind,
                inter=r.inter,
                country=r.country,
                events=counts.get(r.id, 0),
            )
            for r in rows
        ]
        out.sort(key=lambda a: (-a.events, a.name))
        return out[offset : offset + limit]

    def places(self, *, limit: int = 500, offset: int = 0) -> list[PlaceSummary]:
        with self.session() as s:
            counts: dict[str | None, int] = {
                k: int(n)
                for k, n in s.execute(
                    select(EventRow.place_key, func.count())
                    .where(EventRow.place_key.is_not(None))
                    .group_by(EventRow.place_key)
                )
            }
            rows = s.scalars(select(PlaceRow).order_by(PlaceRow.name, PlaceRow.key)).all()
        out = [
            PlaceSummary(
                key=r.key,
                name=r.name,
                admin1=r.admin1,
                country=r.country,
                iso3=r.iso3,
                lat=r.lat,
                lon=r.lon,
                events=int(counts.get(r.key, 0)),
            )
            for r in rows
        ]
        out.sort(key=lambda p: (-p.events, p.name))
        return out[offset : offset + limit]

    def events_per_day(self, query: EventQuery | None = None) -> list[DayCount]:
        q = query or EventQuery()
        with self.session() as s:
            rows = s.execute(
                select(EventRow.event_date, func.count())
                .where(EventRow.event_date.is_not(None), *self._conditions(q))
                .group_by(EventRow.event_date)
                .order_by(EventRow.event_date)
            )
            return [DayCount(day=d, events=int(n)) for d, n in rows if d is not None]

    def stats(self) -> StoreStats:
        with self.session() as s:

            def grouped(col: Any) -> dict[str, int]:
                rows = s.execute(
                    select(col, func.count()).group_by(col).order_by(func.count().desc())
                )
                return {str(k) if k is not None else "": int(n) for k, n in rows}

            first, last = s.execute(
                select(func.min(EventRow.event_date), func.max(EventRow.event_date))
            ).one()
            return StoreStats(
                events=int(s.scalar(select(func.count()).select_from(EventRow)) or 0),
                articles=int(s.scalar(select(func.count()).select_from(ArticleRow)) or 0),
                ingest_errors=int(s.scalar(select(func.count()).select_from(IngestErrorRow)) or 0),
                first_date=first,
                last_date=last,
                by_event_type=grouped(EventRow.event_type),
                by_country=grouped(EventRow.iso3),
                by_claim=grouped(EventRow.claim_status),
            )

    def ingest_errors(self, run_id: int | None = None) -> list[ArticleFailure]:
        with self.session() as s:
            stmt = select(IngestErrorRow).order_by(IngestErrorRow.id)
            if run_id is not None:
                stmt = stmt.where(IngestErrorRow.run_id == run_id)
            return [
                ArticleFailure(origin=r.origin, article_id=r.article_id, cause=r.cause, fix=r.fix)
                for r in s.scalars(stmt)
            ]

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Full-text search over article titles and texts (FTS5, tsvector or ILIKE)."""
        words = _WORD.findall(query)
        if not words:
            return []
        limit = max(1, min(limit, 200))
        with self.session() as s:
            if self.dialect == "sqlite":
                match = " ".join('"' + w.replace('"', "") + '"' for w in words)
                rows = s.execute(
                    text(
                        "SELECT a.id, a.title, a.published, a.text FROM articles_fts "
                        "JOIN articles a ON a.pk = articles_fts.rowid "
                        "WHERE articles_fts MATCH :q ORDER BY rank LIMIT :n"
                    ),
                    {"q": match, "n": limit},
                ).all()
            elif self.dialect == "postgresql":
                rows = s.execute(
                    text(
                        "SELECT id, title, published, text FROM articles WHERE "
                        "to_tsvector('simple', coalesce(title, '') || ' ' || text) "
                        "@@ plainto_tsquery('simple', :q) ORDER BY published DESC NULLS LAST, "
                        "id LIMIT :n"
                    ),
                    {"q": " ".join(words), "n": limit},
                ).all()
            else:
                conds = [
                    ArticleRow.text.ilike("%" + _escape_like(w) + "%", escape="\\") for w in words
                ]
                rows = s.execute(
                    select(ArticleRow.id, ArticleRow.title, ArticleRow.published, ArticleRow.text)
                    .where(*conds)
                    .limit(limit)
                ).all()
        hits = []
        for article_id, title, published, body in rows:
            if isinstance(published, str):
                published = date.fromisoformat(published)
            hits.append(
                SearchHit(
                    article_id=article_id,
                    title=title,
                    published=published,
                    snippet=_snippet(body, words),
                )
            )
        return hits


def _article_failure(article: Article, exc: Exception, step: str) -> ArticleFailure:
    """``exc``, met while ``step`` ``article``, as that article's failure: a
    ``VeilleError`` with its own cause and fix, anything else as a bug to report."""
    if isinstance(exc, VeilleError):
        return ArticleFailure(
            origin=exc.where or article.origin or article.id,
            article_id=article.id,
            cause=exc.cause,
            fix=exc.fix or "",
        )
    detail = " ".join(str(exc).split())[:200]
    return ArticleFailure(
        origin=article.origin or article.id,
        article_id=article.id,
        cause=f"internal error while {step} the article ({type(exc).__name__}"
        + (f": {detail})" if detail else ")"),
        fix="report it as a bug in veille with this article attached; the other articles "
        "were stored",
    )


def _aware(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes; ours are all UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _storable(value: str) -> str:
    """``value`` with NUL and lone surrogates (a file name's undecodable bytes) replaced
    by U+FFFD: a failure names what it could not read, and must itself be writable."""
    return _UNSTORABLE.sub("\ufffd", value)


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _snippet(body: str, words: list[str], width: int = 90) -> str:
    low = body.lower()
    at = min((i for i in (low.find(w.lower()) for w in words) if i >= 0), default=0)
    start = max(0, at - width)
    end = min(len(body), at + width)
    head = "…" if start > 0 else ""
    tail = "…" if end < len(body) else ""
    return head + " ".join(body[start:end].split()) + tail
