"""The store's tables as a typed SQLAlchemy 2 ORM.

Migrations (``veille/store/migrations/versions``) create exactly these tables; a test
compares the two. An ``Event`` is spread over ``events`` (its scalar fields, with
indexed filter columns and the dedup blocking key), ``mentions``, ``event_sources``,
``framing`` and ``conflicts``, each child ordered by ``position`` so that loading gives
back the very record that was stored. Actors and places are also kept in their own
tables (one row per canonical id) for listing; the event keeps its own copy of each
(JSON), because the record it stored is what it must give back.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Double,
    Engine,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship

JsonValue = Any  # what a JSON column holds (dicts and lists of plain values)


def new_session(engine: Engine) -> Session:
    """A session on these tables, as every part of the store opens one: what it loaded
    stays readable after its commit."""
    return Session(engine, expire_on_commit=False)


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    __tablename__ = "articles"

    # An integer key keeps SQLite's FTS5 rowid stable; ``id`` is the article's own id.
    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(Text, unique=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    text: Mapped[str] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    language: Mapped[str | None] = mapped_column(String(16))
    outlet: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str | None] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    run_id: Mapped[int | None] = mapped_column(ForeignKey("ingest_runs.id", ondelete="SET NULL"))


class SourceRow(Base):
    __tablename__ = "sources"

    source_id: Mapped[str] = mapped_column(Text, primary_key=True)
    article_id: Mapped[str] = mapped_column(Text, index=True)
    kind: Mapped[str] = mapped_column(String(32))
    outlet: Mapped[str | None] = mapped_column(Text)
    handle: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    language: Mapped[str | None] = mapped_column(String(16))
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)


class ActorRow(Base):
    __tablename__ = "actors"

    id: Mapped[str] = mapped_column(Text, primary_key=True)
    name: Mapped[str] = mapped_column(Text, index=True)
    kind: Mapped[str] = mapped_column(String(64))
    inter: Mapped[int | None] = mapped_column(Integer)
    country: Mapped[str | None] = mapped_column(String(3))


class PlaceRow(Base):
    __tablename__ = "places"

    # gazetteer id when the place has one, else "name|iso3".
    key: Mapped[str] = mapped_column(Text, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    admin1: Mapped[str | None] = mapped_column(Text)
    admin2: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(256))
    iso3: Mapped[str | None] = mapped_column(String(3), index=True)
    lat: Mapped[float | None] = mapped_column(Double)
    lon: Mapped[float | None] = mapped_column(Double)
    gazetteer_id: Mapped[str | None] = mapped_column(Text)


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_block", "block_iso3", "block_family", "block_week"),
        Index("ix_events_date", "event_date", "event_id"),
    )

    event_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    event_date: Mapped[date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(String(8))
    time_of_day: Mapped[str | None] = mapped_column(String(16))
    event_type: Mapped[str] = mapped_column(String(64), index=True)
    sub_event_type: Mapped[str] = mapped_column(String(128), index=True)
    plover_event_type: Mapped[str] = mapped_column(String(32))
    plover_mode: Mapped[str | None] = mapped_column(String(64))
    actor1: Mapped[JsonValue | None] = mapped_column(JSON)
    actor2: Mapped[JsonValue | None] = mapped_column(JSON)
    actor1_id: Mapped[str | None] = mapped_column(Text, index=True)
    actor2_id: Mapped[str | None] = mapped_column(Text, index=True)
    actor1_name: Mapped[str | None] = mapped_column(Text)
    actor2_name: Mapped[str | None] = mapped_column(Text)
    claim_status: Mapped[str | None] = mapped_column(String(16), index=True)
    claim_by: Mapped[str | None] = mapped_column(Text)
    claim_via: Mapped[str | None] = mapped_column(String(128))
    weapon: Mapped[str | None] = mapped_column(String(128))
    weapon_count: Mapped[int | None] = mapped_column(Integer)
    fatalities: Mapped[int | None] = mapped_column(Integer)
    location: Mapped[JsonValue | None] = mapped_column(JSON)
    place_key: Mapped[str | None] = mapped_column(Text, index=True)
    iso3: Mapped[str | None] = mapped_column(String(3), index=True)
    lat: Mapped[float | None] = mapped_column(Double)
    lon: Mapped[float | None] = mapped_column(Double)
    notes: Mapped[str] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Double)
    # dedup.candidate_key, so that ingest compares a new event with its block only.
    block_iso3: Mapped[str] = mapped_column(String(3))
    block_family: Mapped[str] = mapped_column(String(64))
    block_week: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    mentions: Mapped[list[MentionRow]] = relationship(
        order_by="MentionRow.position", cascade="all, delete-orphan", lazy="selectin"
    )
    sources: Mapped[list[EventSourceRow]] = relationship(
        order_by="EventSourceRow.position", cascade="all, delete-orphan", lazy="selectin"
    )
    framing: Mapped[list[FramingRow]] = relationship(
        order_by="FramingRow.position", cascade="all, delete-orphan", lazy="selectin"
    )
    conflicts: Mapped[list[ConflictRow]] = relationship(
        order_by="ConflictRow.position", cascade="all, delete-orphan", lazy="selectin"
    )


class MentionRow(Base):
    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(
        ForeignKey("events.event_id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    article_id: Mapped[str] = mapped_column(Text, index=True)
    source_id: Mapped[str] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(16))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    spans: Mapped[JsonValue] = mapped_column(JSON)
    values: Mapped[JsonValue] = mapped_column(JSON)


class EventSourceRow(Base):
    __tablename__ = "event_sources"

    event_id: Mapped[str] = mapped_column(
        ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[str] = mapped_column(ForeignKey("sources.source_id"), index=True)
    source: Mapped[SourceRow] = relationship(lazy="selectin")


class FramingRow(Base):
    __tablename__ = "framing"

    event_id: Mapped[str] = mapped_column(
        ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    term: Mapped[str] = mapped_column(Text)
    refers_to: Mapped[str] = mapped_column(String(64))
    article_id: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)


class ConflictRow(Base):
    __tablename__ = "conflicts"

    event_id: Mapped[str] = mapped_column(
        ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    field: Mapped[str] = mapped_column(String(64))
    values: Mapped[JsonValue] = mapped_column(JSON)
    sources: Mapped[JsonValue] = mapped_column(JSON)
    note: Mapped[str] = mapped_column(Text)


class IngestRunRow(Base):
    __tablename__ = "ingest_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    articles_added: Mapped[int] = mapped_column(Integer, default=0)
    articles_skipped: Mapped[int] = mapped_column(Integer, default=0)
    events_added: Mapped[int] = mapped_column(Integer, default=0)
    events_updated: Mapped[int] = mapped_column(Integer, default=0)
    failures: Mapped[int] = mapped_column(Integer, default=0)


class IngestErrorRow(Base):
    __tablename__ = "ingest_errors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    run_id: Mapped[int] = mapped_column(
        ForeignKey("ingest_runs.id", ondelete="CASCADE"), index=True
    )
    origin: Mapped[str] = mapped_column(Text)
    article_id: Mapped[str | None] = mapped_column(Text)
    cause: Mapped[str] = mapped_column(Text)
    fix: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class DedupMemberRow(Base):
    """One per-article event as it entered deduplication (a member of a stored event).

    The store keeps the members so that it can re-cluster a component when a new
    article links to it, and give exactly the events that ``extract`` gives for the same
    articles, whatever order they were ingested in (``dedup.Deduplicator``). ``payload``
    is the per-article ``Event``; NULL for a stored event older than this table, which
    then stands as one member (the stored event itself).
    """

    __tablename__ = "dedup_members"
    __table_args__ = (Index("ix_dedup_members_block", "block_iso3", "block_family", "block_week"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str | None] = mapped_column(Text)
    event_id: Mapped[str] = mapped_column(String(128), index=True)  # the stored event
    component: Mapped[str] = mapped_column(String(128), index=True)
    linkable: Mapped[bool] = mapped_column(Boolean)  # dated and placed (dedup.comparable)
    event_date: Mapped[date | None] = mapped_column(Date)
    block_iso3: Mapped[str] = mapped_column(String(3))
    block_family: Mapped[str] = mapped_column(String(64))
    block_week: Mapped[str] = mapped_column(String(10))
    payload: Mapped[JsonValue | None] = mapped_column(JSON)
