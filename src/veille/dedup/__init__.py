"""Deduplication: mentions of one happening become one event, across sentences,
articles and languages; disagreements between them are kept as ``conflicts``.

One policy (``Deduplicator``) for every engine: ``extract``, the store and Spark.

* ``blocking``: which events are ever compared (country x family x week);
* ``match``: whether two events tell one happening (``match_score``);
* ``cluster``: which events are one (``Deduplicator``, order-independent);
* ``assemble``: one event's fields from its mentions (field reconciliation,
  conflicts, summary, confidence, stable ids).
"""

from veille.dedup.assemble import (
    assign_ids,
    confidence,
    conflicts_of,
    finalize,
    is_anaphoric,
    merge,
    sort_events,
    summary,
)
from veille.dedup.blocking import (
    DATE_WINDOW_DAYS,
    BlockKey,
    block_family,
    candidate_key,
    comparable,
    neighbour_keys,
)
from veille.dedup.cluster import MAX_IN_ARTICLE_CANDIDATES, Deduplicator, canonical_key, cluster
from veille.dedup.match import (
    ADJACENT_CHARS,
    NEAR_KM,
    SAME_ARTICLE_THRESHOLD,
    SAME_EVENT_THRESHOLD,
    match_score,
)
from veille.geodesy import distance_km

__all__ = [
    "ADJACENT_CHARS",
    "DATE_WINDOW_DAYS",
    "MAX_IN_ARTICLE_CANDIDATES",
    "NEAR_KM",
    "SAME_ARTICLE_THRESHOLD",
    "SAME_EVENT_THRESHOLD",
    "BlockKey",
    "Deduplicator",
    "assign_ids",
    "block_family",
    "candidate_key",
    "canonical_key",
    "cluster",
    "comparable",
    "confidence",
    "conflicts_of",
    "distance_km",
    "finalize",
    "is_anaphoric",
    "match_score",
    "merge",
    "neighbour_keys",
    "sort_events",
    "summary",
]
