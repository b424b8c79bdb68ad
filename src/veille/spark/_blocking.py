"""The blocked deduplication the Spark job runs per task: ``veille.dedup.blocked``
(plain Python, importable and tested without pyspark)."""

from veille.dedup.blocked import (
    BlockComponent,
    Member,
    cluster_block,
    dedup_blocked,
    join_clusters,
    recluster,
)
from veille.dedup.blocking import BlockKey

__all__ = [
    "BlockComponent",
    "BlockKey",
    "Member",
    "cluster_block",
    "dedup_blocked",
    "join_clusters",
    "recluster",
]
