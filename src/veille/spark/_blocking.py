"""Cross-article deduplication by blocking, in pieces a distributed job can run apart.

The local pipeline (``Pipeline.deduplicate``) clusters each (country, event family)
block over all dates. At scale a block must stay small, so the Spark job blocks by
``dedup.neighbour_keys``: (country, family, ISO week), an event also joining the
adjacent week's block when its one-day window crosses the week boundary. Nothing is
compared with everything: an event meets only the events of its one or two blocks.

An event in two blocks (a Sunday or Monday event) is clustered in both. Reconciliation
makes every event end up in exactly one output event:

1. each block is clustered with ``dedup.cluster`` (date order, as locally);
2. clusters that share an event are joined (union-find; the edges exist only between
   the two blocks of a week boundary, and only for boundary events);
3. a joined group of clusters is clustered again, once, from its member events, so
   the result is what ``dedup.cluster`` makes of exactly those events;
4. ``dedup.finalize`` assigns the stable ids (smallest mention key) and the order.

Events with no date never match across articles (``dedup.match_score`` needs a date
and a place), so their blocks are passed through without comparisons: the block of
undated events of a large country would otherwise be quadratic.

Everything here is plain Python on ``Event`` records: the Spark job calls these
functions inside its tasks, and ``dedup_blocked`` runs the same steps in memory (the
reference the tests and benchmarks compare with).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from veille import dedup
from veille.model import Event

BlockKey = tuple[str, str, str]
UNDATED = "?"


@dataclass(frozen=True, slots=True)
class Member:
    """One per-article event entering cross-article dedup, with a run-unique id."""

    uid: str
    event: Event

    @property
    def keys(self) -> list[BlockKey]:
        return dedup.neighbour_keys(self.event)

    @property
    def boundary(self) -> bool:
        """True when the event sits in two blocks (its date window crosses a week)."""
        return len(self.keys) > 1


@dataclass(slots=True)
class BlockCluster:
    """One cluster found inside one block: the merged event and the members it holds."""

    cluster_id: str
    group: tuple[str, str]  # (country, family): clusters only ever join inside one
    event: Event
    members: list[Member] = field(default_factory=list)

    @property
    def boundary_uids(self) -> list[str]:
        return [m.uid for m in self.members if m.boundary]


def sort_key(m: Member) -> tuple[date, str, str]:
    """The order ``Pipeline.deduplicate`` clusters in (date, then id), uid breaking ties."""
    return (m.event.event_date or date.min, m.event.event_id, m.uid)


def cluster_block(key: BlockKey, members: Iterable[Member]) -> list[BlockCluster]:
    """Cluster the events of one block; each cluster knows which members it holds."""
    ordered = sorted(members, key=sort_key)
    group = (key[0], key[1])
    block = "|".join(key)
    if key[2] == UNDATED:
        # No date: match_score is 0 across articles, so every event stands alone.
        return [BlockCluster(f"{block}|{m.uid}", group, m.event, [m]) for m in ordered]
    merged = dedup.cluster([m.event for m in ordered])
    # A member belongs to the cluster that holds its mentions (merge keeps them all,
    # and a mention key names one passage of one source: it is in one event only).
    owner: dict[str, int] = {}
    for index, ev in enumerate(merged):
        for mention in ev.mentions:
            owner.setdefault(mention.key(), index)
    out = [BlockCluster("", group, ev) for ev in merged]
    for m in ordered:
        out[_owner_of(m, owner)].members.append(m)
    for c in out:
        c.cluster_id = f"{block}|{min(m.uid for m in c.members)}"
    return out


def _owner_of(m: Member, owner: dict[str, int]) -> int:
    for mention in m.event.mentions:
        if mention.key() in owner:
            return owner[mention.key()]
    raise AssertionError(f"event {m.event.event_id} lost by dedup.cluster")  # pragma: no cover


def join_clusters(clusters: Iterable[tuple[str, Sequence[str]]]) -> dict[str, str]:
    """Union-find over clusters sharing a member: cluster id -> id of its joined group.

    ``clusters`` gives each boundary cluster's id and its boundary members' uids; the
    group id is the smallest cluster id of the group (deterministic).
    """
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            lo, hi = (ra, rb) if ra < rb else (rb, ra)
            parent[hi] = lo

    first_cluster_of: dict[str, str] = {}
    for cid, uids in clusters:
        parent.setdefault(cid, cid)
        for uid in uids:
            other = first_cluster_of.setdefault(uid, cid)
            if other != cid:
                union(other, cid)
    return {cid: find(cid) for cid in parent}


def recluster(clusters: Iterable[BlockCluster]) -> list[Event]:
    """One joined group of clusters -> its events, clustered once from the members."""
    members: dict[str, Member] = {}
    for c in clusters:
        for m in c.members:
            members.setdefault(m.uid, m)
    ordered = sorted(members.values(), key=sort_key)
    return dedup.cluster([m.event for m in ordered])


def dedup_blocked(events: Sequence[Event]) -> list[Event]:
    """In memory, the same blocked dedup the Spark job runs (for tests and benchmarks)."""
    blocks: dict[BlockKey, list[Member]] = {}
    for i, ev in enumerate(events):
        m = Member(f"{i:012d}", ev)
        for key in m.keys:
            blocks.setdefault(key, []).append(m)
    clusters = [c for key, ms in blocks.items() for c in cluster_block(key, ms)]
    out = [c.event for c in clusters if not c.boundary_uids]
    boundary = [c for c in clusters if c.boundary_uids]
    groups: dict[str, list[BlockCluster]] = {}
    joined = join_clusters((c.cluster_id, c.boundary_uids) for c in boundary)
    for c in boundary:
        groups.setdefault(joined[c.cluster_id], []).append(c)
    for group in groups.values():
        out.extend(recluster(group))
    return dedup.finalize(out)
