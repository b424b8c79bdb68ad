"""The store's typed records: what callers ask (``EventQuery``), what they get back
(summaries, stats, search hits, the ``IngestReport`` of a run) and what an ingest
hands the store (``ProcessedArticle`` from an ``ArticleProcessor``)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field

from veille.model import Article, ArticleFailure, Event, Source

EventSort = Literal["date", "-date", "fatalities", "-fatalities", "confidence", "-confidence", "id"]
MAX_PAGE = 1000


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
    replaced_event_ids: list[str] = Field(
        default_factory=list,
        description="Stored events whose id is gone: merged into another event, or "
        "renamed because a new mention became its smallest (ids are those extract gives).",
    )


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
