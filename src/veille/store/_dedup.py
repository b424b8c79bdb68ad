"""How stored events are merged: one article's events deduplicated into the stored ones,
on write, by the same policy ``extract`` applies (``veille.dedup.Deduplicator``).

The store keeps every per-article event it was given as a *member* (``dedup_members``:
the event as extracted, its blocking key and the *component*, the stored event group,
it belongs to). For a new article:

1. ``MemberBlocks.candidates`` reads the stored members in the new events' blocks
   (country x family x week, dated within ``dedup.DATE_WINDOW_DAYS``);
2. the components of the members a new event is ``policy.linked`` to are the ones it
   joins; their events and members are deleted;
3. those members and the new events are re-clustered (``policy.components``) and each
   component resolved into events (``policy.resolve``, ``dedup.finalize``);
4. the caller (``_write``) stores the resulting events and members (``Merge``).

The result is what ``policy.across_articles`` gives over every member at once, so it
does not depend on the ingest order (as long as every ingest into the store applies one
policy). This module reads and deletes in the caller's transaction; it inserts nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, bindparam, delete, select
from sqlalchemy.orm import Session, defer

from veille import dedup
from veille.errors import StoreError
from veille.model import Event, stable_id
from veille.store._convert import event_from_row
from veille.store._schema import DedupMemberRow, EventRow

if TYPE_CHECKING:
    from veille.registry import Deduplicating


@dataclass(frozen=True)
class MergedComponent:
    """One re-clustered component: its events as they are to be stored, each with when
    it was first stored (now for a new one), and its members' ``dedup_members`` rows."""

    events: list[tuple[Event, datetime]]
    members: list[dict[str, Any]]


@dataclass(frozen=True)
class Merge:
    """What one article's events became once merged into the stored ones: the
    components to store, and the ids of the new events, of the events that hold
    mentions stored before this run, and of the stored events whose id is gone
    (merged into another or renamed)."""

    components: list[MergedComponent]
    added: list[str]
    updated: list[str]
    replaced: list[str]

    @property
    def events(self) -> list[Event]:
        """Every event to store, component by component."""
        return [ev for component in self.components for ev, _ in component.events]


class MemberBlocks:
    """Reads the stored members that events could link to: those of their blocks dated
    within ``dedup.DATE_WINDOW_DAYS`` of them, with a place (as
    ``Deduplicator.components`` compares in memory)."""

    def __init__(self) -> None:
        # Built once per store, its values bound at each run: not once per article.
        self._query = _block_query()

    def candidates(self, s: Session, events: Sequence[Event]) -> list[DedupMemberRow]:
        """The stored members any of ``events`` could link to, and maybe a few more
        (one query per country and family: its weeks, its dates from the earliest
        event's window to the latest's). ``may_link`` tells which event each is for."""
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
                    self._query,
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

    def of(self, s: Session, ev: Event) -> Sequence[DedupMemberRow]:
        """The stored members ``ev`` could link to.

        Across articles ``dedup.match_score`` is 0 without a date or a place on both
        sides, so such an event loads nothing: the undated block of a country only grows,
        and loading it for every undated event made ingest slower as the store filled.
        """
        window = dedup.DATE_WINDOW_DAYS
        return [row for row in self.candidates(s, [ev]) if may_link(row, ev, window)]


def merge_into_stored(
    s: Session,
    blocks: MemberBlocks,
    article_id: str,
    events: list[Event],
    now: datetime,
    run_new: set[str],
    policy: Deduplicating,
) -> Merge:
    """Merge one article's ``events`` into the stored ones by ``policy`` (a
    ``dedup.Deduplicator``: its ``linked``, ``components`` and ``resolve``).

    The stored members a new event links to name the components it joins; those
    components' events and members are deleted here, and re-clustered with the new
    events into the returned ``Merge`` for the caller to store. ``run_new``: the events
    this run added so far (an event is *updated* when it holds a mention stored before
    this run). A rewritten event takes the id of its smallest mention, as ``extract``
    gives it; one whose id another component holds gets a new, deterministic one.
    """
    parsed: dict[int, Event] = {}

    def member(row: DedupMemberRow) -> Event:
        if row.id not in parsed:
            parsed[row.id] = _member_event(s, row)
        return parsed[row.id]

    touched: set[str] = set()
    window = dedup.DATE_WINDOW_DAYS
    with s.no_autoflush:  # nothing pending can be a stored member: read first
        candidates = blocks.candidates(s, events)
    for ev in events:
        for row in candidates:
            if (
                row.component not in touched
                and may_link(row, ev, window)
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
    taken = set(s.scalars(select(EventRow.event_id).where(EventRow.event_id.in_(sorted(fresh)))))
    added: list[str] = []
    updated: list[str] = []
    components: list[MergedComponent] = []
    for parts, merged in resolved:
        owner: dict[str, str] = {}
        stored: list[tuple[Event, datetime]] = []
        for ev in merged:
            if ev.event_id in taken:
                # The id of a stored event of another component (an article id
                # reused for other text): a new, still deterministic, id.
                ev = ev.model_copy(update={"event_id": stable_id(ev.event_id, article_id)})
            stored.append((ev, created.get(ev.event_id, now)))
            absorbed = any(m.key() in old_keys for m in ev.mentions)
            (updated if absorbed else added).append(ev.event_id)
            owner.update((m.key(), ev.event_id) for m in ev.mentions)
        name = min(ev.event_id for ev in merged) if merged else parts[0][0].event_id
        member_rows = [
            member_values(
                ev,
                source_article,
                next((owner[m.key()] for m in ev.mentions if m.key() in owner), name),
                name,
            )
            for ev, source_article in parts
        ]
        components.append(MergedComponent(stored, member_rows))
    replaced = sorted(old_ids - set(added) - set(updated))
    return Merge(components, added, updated, replaced)


def may_link(row: DedupMemberRow, ev: Event, window: int) -> bool:
    """Whether a stored member is in ``ev``'s blocks and date window (what
    ``MemberBlocks.candidates`` loads for a group of events, narrowed to one)."""
    if ev.event_date is None or row.event_date is None or not dedup.comparable(ev):
        return False
    iso3, fam, _ = dedup.candidate_key(ev)
    return (row.block_iso3, row.block_family) == (iso3[:3], fam) and abs(
        (row.event_date - ev.event_date).days
    ) <= window


def member_values(
    ev: Event, article_id: str | None, event_id: str, component: str
) -> dict[str, Any]:
    """The ``dedup_members`` row of ``ev`` (extracted from ``article_id``; ``None`` for
    an event saved as it is), stored in event ``event_id`` of ``component``."""
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


def member_row(ev: Event, article_id: str | None, event_id: str, component: str) -> DedupMemberRow:
    """``member_values`` as an ORM row."""
    return DedupMemberRow(**member_values(ev, article_id, event_id, component))


def _member_event(s: Session, row: DedupMemberRow) -> Event:
    """The event a stored member holds."""
    if row.payload is None:  # stored before members were kept: the event itself
        stored = s.get(EventRow, row.event_id)
        if stored is None:
            raise StoreError(
                f"deduplication member {row.id} names event {row.event_id!r}, which is not stored",
                fix="the store was changed outside veille; re-ingest into a new store",
            )
        return event_from_row(stored)
    return Event.model_validate(row.payload)


def _block_query() -> Select[DedupMemberRow]:
    """The members of one block, its values bound at each run."""
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
