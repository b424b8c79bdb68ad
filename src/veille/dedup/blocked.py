"""Cross-article deduplication by blocking, in pieces a distributed job can run apart.

The policy is the one ``Deduplicator`` instance the run is given (the config's,
``veille.registry.deduplicator_of``), as everywhere: per-article events it links form
connected components, each clustered in a canonical order by the same instance (so a
configured threshold decides the same merges here as in ``extract`` and the store). At
scale nothing may be compared with everything, so the Spark job blocks by
``dedup.neighbour_keys``: (country, family, ISO week), an event also joining the
adjacent week's block when its one-day window crosses the week boundary. Any two
events that could be linked share a block, so:

1. each block's events are grouped into the block's components (``cluster_block``);
2. components that share an event (a Sunday or Monday event sits in two blocks) are
   joined (union-find; the edges exist only between the two blocks of a week
   boundary, and only for boundary events): the joined groups are exactly the
   components ``Deduplicator.components`` finds over all the events at once;
3. each component is clustered (``Deduplicator.resolve``) and
4. ``dedup.finalize`` assigns the stable ids (smallest mention key) and the order.

Events with no date or no place never match across articles, so they are components
of their own without comparisons: the block of undated events of a large country would
otherwise be quadratic.

Everything here is plain Python on ``Event`` records (no pyspark): the Spark job
(``veille.spark._job``) calls these functions inside its tasks, and ``dedup_blocked``
runs the same steps in memory (the reference the tests and benchmarks compare with).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from veille.dedup.assemble import finalize
from veille.dedup.blocking import UNDATED, BlockKey, neighbour_keys
from veille.dedup.cluster import Deduplicator
from veille.model import Event

if TYPE_CHECKING:
    from veille.registry import Deduplicating


@dataclass(frozen=True, slots=True)
class Member:
    """One per-article event entering cross-article dedup, with a run-unique id."""

    uid: str
    event: Event

    @property
    def keys(self) -> list[BlockKey]:
        return neighbour_keys(self.event)

    @property
    def boundary(self) -> bool:
        """True when the event sits in two blocks (its date window crosses a week)."""
        return len(self.keys) > 1


@dataclass(slots=True)
class BlockComponent:
    """One connected component found inside one block, and the members it holds."""

    component_id: str
    group: tuple[str, str]  # (country, family): components only ever join inside one
    members: list[Member] = field(default_factory=list)

    @property
    def boundary_uids(self) -> list[str]:
        return [m.uid for m in self.members if m.boundary]

    def events(self, policy: Deduplicating) -> list[Event]:
        """The component's events, clustered by ``policy`` (not finalised)."""
        return policy.resolve(m.event for m in self.members)


def cluster_block(
    key: BlockKey, members: Iterable[Member], *, policy: Deduplicating
) -> list[BlockComponent]:
    """Group the events of one block into the block's connected components (those of
    ``policy.linked``)."""
    ordered = sorted(members, key=lambda m: m.uid)
    group = (key[0], key[1])
    block = "|".join(key)
    if key[2] == UNDATED:
        # No date: nothing links across articles, so every event stands alone.
        return [BlockComponent(f"{block}|{m.uid}", group, [m]) for m in ordered]
    components = policy.components([m.event for m in ordered])
    return [
        BlockComponent(f"{block}|{ordered[c[0]].uid}", group, [ordered[i] for i in c])
        for c in components
    ]


def join_clusters(clusters: Iterable[tuple[str, Sequence[str]]]) -> dict[str, str]:
    """Union-find over components sharing a member: component id -> id of its group.

    ``clusters`` gives each boundary component's id and its boundary members' uids; the
    group id is the smallest component id of the group (deterministic).
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


def recluster(components: Iterable[BlockComponent], *, policy: Deduplicating) -> list[Event]:
    """One joined group of components (one global component) -> its events."""
    members: dict[str, Member] = {}
    for c in components:
        for m in c.members:
            members.setdefault(m.uid, m)
    return policy.resolve(m.event for m in members.values())


def dedup_blocked(events: Sequence[Event], policy: Deduplicating | None = None) -> list[Event]:
    """In memory, the same blocked dedup the Spark job runs (for tests and benchmarks);
    ``policy``: the run's deduplicator (default: the shipped ``Deduplicator()``)."""
    if policy is None:
        policy = Deduplicator()
    blocks: dict[BlockKey, list[Member]] = {}
    for i, ev in enumerate(events):
        m = Member(f"{i:012d}", ev)
        for key in m.keys:
            blocks.setdefault(key, []).append(m)
    components = [c for key, ms in blocks.items() for c in cluster_block(key, ms, policy=policy)]
    out = [e for c in components if not c.boundary_uids for e in c.events(policy)]
    boundary = [c for c in components if c.boundary_uids]
    groups: dict[str, list[BlockComponent]] = {}
    joined = join_clusters((c.component_id, c.boundary_uids) for c in boundary)
    for c in boundary:
        groups.setdefault(joined[c.component_id], []).append(c)
    for group in groups.values():
        out.extend(recluster(group, policy=policy))
    return finalize(out)
