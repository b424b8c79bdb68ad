"""The event store: SQLite by default (WAL, FTS5), PostgreSQL by URL.

>>> from veille.store import open_store
>>> store = open_store("sqlite:///events.sqlite")      # migrates to the newest schema
>>> report = store.ingest(read_inputs(["news/"]), Pipeline())
>>> store.events(country="SYR", since=date(2024, 2, 1), limit=50)

Schema changes are Alembic migrations shipped in ``veille/store/migrations`` and run
by ``open_store``; the ORM tables are in ``_schema``. ``Store`` (``_store``) composes
the parts: writing articles (``_write``), merging their events into the stored ones
(``_dedup``), ingest runs (``_runs``), reading (``_queries``), search (``_search``) and
the records asked for and given back (``_records``).
"""

from veille.store._records import (
    ActorSummary,
    ArticleProcessor,
    DayCount,
    EventQuery,
    EventSort,
    IngestReport,
    OutletPlaces,
    PlaceSummary,
    ProcessedArticle,
    SearchHit,
    StoredArticle,
    StoreStats,
)
from veille.store._store import Store, default_url, normalise_url, open_store
from veille.store._write import content_sha256

__all__ = [
    "ActorSummary",
    "ArticleProcessor",
    "DayCount",
    "EventQuery",
    "EventSort",
    "IngestReport",
    "OutletPlaces",
    "PlaceSummary",
    "ProcessedArticle",
    "SearchHit",
    "Store",
    "StoreStats",
    "StoredArticle",
    "content_sha256",
    "default_url",
    "normalise_url",
    "open_store",
]
