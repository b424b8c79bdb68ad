"""The write side: which articles are new (``admit``, ``stored_hashes``), storing one
article with its events in one transaction (``ArticleWriter.persist``: the events
merged into the stored ones by ``_dedup``), and saving events as they are
(``save_events``).

An article's identity is its text (``content_sha256``): the same text is stored once,
whatever its id, so rerunning an ingest adds nothing twice.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import Engine, Table, delete, insert, or_, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from veille.dedup import Deduplicator
from veille.model import Article, ArticleFailure, Event, Source
from veille.store import _runs
from veille.store._convert import (
    EventValues,
    actor_row,
    event_row,
    event_values,
    place_key,
    place_row,
    source_row,
)
from veille.store._dedup import MemberBlocks, Merge, member_row, merge_into_stored
from veille.store._records import IngestReport, ProcessedArticle
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
    new_session,
)

if TYPE_CHECKING:
    from veille.registry import Deduplicating


def content_sha256(article: Article) -> str:
    """The article's identity for idempotency: its text (the same text is one article)."""
    return hashlib.sha256(article.text.encode("utf-8")).hexdigest()


def stored_hashes(engine: Engine, hashes: Iterable[str], *, batch: int) -> set[str]:
    """Which of ``hashes`` (``content_sha256`` of articles) are already stored, asked
    ``batch`` at a time, each batch in a session of its own."""
    found: set[str] = set()
    pending: list[str] = []

    def lookup() -> None:
        with new_session(engine) as s:
            found.update(s.scalars(select(ArticleRow.sha256).where(ArticleRow.sha256.in_(pending))))
        pending.clear()

    for sha in hashes:
        pending.append(sha)
        if len(pending) >= batch:
            lookup()
    if pending:
        lookup()
    return found


def admit(
    engine: Engine, articles: Sequence[tuple[Article, str]]
) -> list[Literal["new", "stored"] | ArticleFailure]:
    """For each (article, text hash): new, already stored, or refused (an article
    with its id but other text is stored: its events point into that text). One
    query for all."""
    if not articles:
        return []
    with new_session(engine) as s:
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


class ArticleWriter:
    """Stores extracted articles with their events, one transaction each.

    Remembers the actor and place rows it committed, with their values: a later
    article skips the lookup for one stored as it is (they are reference lists,
    written again by every article that names them).
    """

    def __init__(self, engine: Engine, blocks: MemberBlocks) -> None:
        self._engine = engine
        self._blocks = blocks
        self._known: dict[tuple[str, str], tuple[Any, ...]] = {}

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
        """Store one extracted article and its events (see ``Store.persist``); counts it
        in ``report``. False when another writer stored the same article first (counted
        as skipped) or when storing it failed for a reason of its own (recorded as its
        failure in run ``run``; the batch goes on)."""
        try:
            merge, listed = self._write(
                result.article,
                sha,
                run,
                result.sources,
                result.events,
                set(report.new_event_ids),
                Deduplicator() if policy is None else policy,
            )
        except IntegrityError:
            # Another writer stored the same article between our check and our commit.
            report.articles_skipped += 1
            return False
        except (SQLAlchemyError, OSError):
            raise  # the store itself failed (disk, connection): no article is to blame
        except Exception as exc:  # noqa: BLE001 - rolled back; one bad article is one failure
            failure = ArticleFailure.of(result.article, exc, "storing", "were stored")
            _runs.record_failure(self._engine, run, failure, report, recorded)
            return False
        self._remember(listed)  # committed
        report.articles_added += 1
        _runs.count_written(report, merge.added, merge.updated, merge.replaced)
        return True

    def _write(
        self,
        article: Article,
        sha: str,
        run: int,
        sources: list[Source],
        events: list[Event],
        run_new: set[str],
        policy: Deduplicating,
    ) -> tuple[Merge, list[ActorRow | PlaceRow]]:
        """The article's row, its events merged into the stored ones, and the rows
        they point to, in one transaction. Returns the merge and the actor and place
        rows written (to remember once committed)."""
        now = datetime.now(UTC)
        with new_session(self._engine) as s, s.begin():
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
            merge = merge_into_stored(s, self._blocks, article.id, events, now, run_new, policy)
            rows = _Inserts()
            for component in merge.components:
                for ev, created_at in component.events:
                    rows.event(event_values(ev, created_at=created_at, updated_at=now))
                for values in component.members:
                    rows.add(_table(DedupMemberRow), values)
            stored = merge.events
            # Rows the events point to first (one statement per table), then the events.
            _upsert(
                s, [source_row(src) for src in [*sources, *(x for e in stored for x in e.sources)]]
            )
            listed: list[ActorRow | PlaceRow] = [
                actor_row(a) for ev in stored for a in (ev.actor1, ev.actor2) if a
            ]
            listed += [place_row(ev.location) for ev in stored if ev.location is not None]
            listed = self._unknown(listed)
            _upsert(s, listed)
            s.flush()
            rows.execute(s)
            return merge, listed

    def _unknown(self, rows: Sequence[ActorRow | PlaceRow]) -> list[ActorRow | PlaceRow]:
        """The rows this writer has not committed as they are (``_remember``)."""
        return [r for r in rows if self._known.get(_identity(r)[0]) != _identity(r)[1]]

    def _remember(self, rows: Sequence[ActorRow | PlaceRow]) -> None:
        """After a commit: these rows are stored with these values."""
        self._known.update(_identity(r) for r in rows)


def save_events(engine: Engine, events: Iterable[Event], *, batch: int) -> int:
    """Store events as they are (replacing any with the same id), without dedup, ``batch``
    per transaction; each stands as a deduplication member of its own for later
    ingests. Returns how many."""
    count = 0
    pending: list[Event] = []

    def flush() -> None:
        now = datetime.now(UTC)
        with new_session(engine) as s, s.begin():
            ids = [ev.event_id for ev in pending]
            existing = set(s.scalars(select(EventRow.event_id).where(EventRow.event_id.in_(ids))))
            source_ids = {src.source_id for ev in pending for src in ev.sources}
            known_sources = set(
                s.scalars(select(SourceRow.source_id).where(SourceRow.source_id.in_(source_ids)))
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
                s.add(member_row(ev, None, ev.event_id, ev.event_id))
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


def _identity(row: ActorRow | PlaceRow) -> tuple[tuple[str, str], tuple[Any, ...]]:
    (key,) = row.__table__.primary_key
    values = tuple(getattr(row, c.name) for c in row.__table__.columns)
    return (row.__tablename__, str(getattr(row, key.name))), values


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
