"""The read side: stored events by filter, one event or article, and the listings and
counts of the API and dashboard (actors, places, events per day, stats, outlets).

Each function reads in the session it is given (``Store`` opens one per call); none
writes. Full-text search over articles is in ``_search``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sqlalchemy import false, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from veille.model import Event
from veille.store._convert import event_from_row
from veille.store._records import (
    ActorSummary,
    DayCount,
    EventQuery,
    OutletPlaces,
    PlaceSummary,
    StoredArticle,
    StoreStats,
)
from veille.store._schema import (
    ActorRow,
    ArticleRow,
    EventRow,
    IngestErrorRow,
    MentionRow,
    PlaceRow,
)


def conditions(q: EventQuery) -> list[ColumnElement[bool]]:
    """The ``WHERE`` clauses on ``events`` that ``q``'s filters make."""
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
        pattern = "%" + escape_like(q.actor) + "%"
        cond.append(
            or_(
                EventRow.actor1_id == q.actor,
                EventRow.actor2_id == q.actor,
                EventRow.actor1_name.ilike(pattern, escape="\\"),
                EventRow.actor2_name.ilike(pattern, escape="\\"),
            )
        )
    return cond


def events(s: Session, q: EventQuery) -> list[Event]:
    """The stored events matching ``q``, in its order, from its offset, at most its limit."""
    order: dict[str, list[Any]] = {
        "date": [EventRow.event_date.asc().nulls_first(), EventRow.event_id],
        "-date": [EventRow.event_date.desc().nulls_last(), EventRow.event_id],
        "fatalities": [EventRow.fatalities.asc().nulls_first(), EventRow.event_id],
        "-fatalities": [EventRow.fatalities.desc().nulls_last(), EventRow.event_id],
        "confidence": [EventRow.confidence.asc(), EventRow.event_id],
        "-confidence": [EventRow.confidence.desc(), EventRow.event_id],
        "id": [EventRow.event_id],
    }
    stmt = select(EventRow).where(*conditions(q)).order_by(*order[q.sort])
    if q.offset:
        stmt = stmt.offset(q.offset)
    if q.limit is not None:
        stmt = stmt.limit(q.limit)
    return [event_from_row(r) for r in s.scalars(stmt)]


def iter_events(
    read: Callable[[EventQuery], list[Event]], q: EventQuery, *, page: int
) -> Iterator[Event]:
    """Every event matching ``q``, read ``page`` at a time by ``read`` (``Store.events``:
    one session per page, so an export of a large store holds no long read open)."""
    q = q.model_copy()
    offset, remaining = q.offset, q.limit
    while remaining is None or remaining > 0:
        size = page if remaining is None else min(page, remaining)
        chunk = read(q.model_copy(update={"offset": offset, "limit": size}))
        yield from chunk
        if len(chunk) < size:
            return
        offset += size
        if remaining is not None:
            remaining -= size


def count_events(s: Session, q: EventQuery) -> int:
    """How many stored events match ``q``'s filters (its order and paging aside)."""
    stmt = select(func.count()).select_from(EventRow).where(*conditions(q))
    return int(s.scalar(stmt) or 0)


def event(s: Session, event_id: str) -> Event | None:
    row = s.get(EventRow, event_id)
    return event_from_row(row) if row is not None else None


def article(s: Session, article_id: str) -> StoredArticle | None:
    """The stored article, with the ids of the events it has mentions of."""
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


def article_texts(s: Session, article_ids: Iterable[str]) -> dict[str, str]:
    """The stored text of each of ``article_ids`` that is stored, by id."""
    ids = sorted(set(article_ids))
    if not ids:
        return {}
    rows = s.execute(select(ArticleRow.id, ArticleRow.text).where(ArticleRow.id.in_(ids)))
    return {r.id: r.text for r in rows}


def actors(s: Session, *, limit: int, offset: int) -> list[ActorSummary]:
    """The listed actors with their number of events (either side), most events first."""
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


def places(s: Session, *, limit: int, offset: int) -> list[PlaceSummary]:
    """The listed places with their number of events, most events first."""
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


def events_per_day(s: Session, q: EventQuery) -> list[DayCount]:
    """How many dated events matching ``q``'s filters fall on each day, by day."""
    rows = s.execute(
        select(EventRow.event_date, func.count())
        .where(EventRow.event_date.is_not(None), *conditions(q))
        .group_by(EventRow.event_date)
        .order_by(EventRow.event_date)
    )
    return [DayCount(day=d, events=int(n)) for d, n in rows if d is not None]


def stats(s: Session) -> StoreStats:
    """Counts of events, articles and failures, the dates spanned, and events by type,
    country and claim status (most first)."""

    def grouped(col: Any) -> dict[str, int]:
        rows = s.execute(select(col, func.count()).group_by(col).order_by(func.count().desc()))
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


def outlet_places(s: Session) -> list[OutletPlaces]:
    """Per outlet of the stored articles, the gazetteer ids of the places of each
    article's events (see ``Store.outlet_places``)."""
    documents = {
        outlet: count
        for outlet, count in s.execute(
            select(ArticleRow.outlet, func.count())
            .where(ArticleRow.outlet.is_not(None))
            .group_by(ArticleRow.outlet)
        ).all()
        if outlet
    }
    by_outlet: dict[str, dict[str, set[str]]] = {}
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
            by_article = by_outlet.setdefault(outlet, {})
            by_article.setdefault(article_id, set()).add(gazetteer_id)
    return [
        OutletPlaces(
            outlet=outlet,
            documents=count,
            articles=[sorted(ids) for _, ids in sorted(by_outlet.get(outlet, {}).items())],
        )
        for outlet, count in sorted(documents.items())
    ]


def escape_like(value: str) -> str:
    """``value`` as a literal inside a ``LIKE ... ESCAPE '\\'`` pattern."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
