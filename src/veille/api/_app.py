"""The FastAPI application: JSON API under /api, dashboard pages, static assets."""

from __future__ import annotations

import hmac
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from veille.api._errors import ApiError, install_error_handlers
from veille.api._security import BodyLimit, HostCheck, SecurityHeaders, content_security_policy
from veille.errors import InputError
from veille.model import Event
from veille.store import (
    ActorSummary,
    ArticleProcessor,
    DayCount,
    EventQuery,
    EventSort,
    IngestReport,
    PlaceSummary,
    SearchHit,
    Store,
    StoredArticle,
    StoreStats,
)

if TYPE_CHECKING:
    from veille.export import Writer

STATIC = Path(__file__).with_name("static")
DEFAULT_MAX_BODY = 10 * 1024 * 1024
#: The shortest bearer token accepted: a short one is guessed, an empty one is none.
MIN_TOKEN_CHARS = 16
#: The largest page offset: past it SQLite's 64-bit integers overflow (a 500).
MAX_OFFSET = 1_000_000_000
ExportFormat = Literal["acled-csv", "plover", "geojson", "parquet"]


@dataclass
class ApiSettings:
    """How the app behaves; everything the app needs comes in here (no globals)."""

    token: str | None = None
    max_body_bytes: int = DEFAULT_MAX_BODY
    #: Host header values answered (lowercase, no port); None: any (``veille serve``
    #: passes the bound address's names, or ``--allowed-hosts``).
    allowed_hosts: frozenset[str] | None = None
    tile_url: str | None = None  # e.g. an intranet tile server; default: a blank map
    tile_attribution: str = ""
    pipeline_factory: Callable[[], ArticleProcessor] | None = None
    _pipeline: ArticleProcessor | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def pipeline(self) -> ArticleProcessor:
        with self._lock:
            if self._pipeline is None:
                if self.pipeline_factory is not None:
                    self._pipeline = self.pipeline_factory()
                else:
                    from veille.pipeline import Pipeline

                    self._pipeline = Pipeline()
            return self._pipeline


class EventPage(BaseModel):
    model_config = ConfigDict(extra="forbid")
    total: int
    limit: int
    offset: int
    events: list[Event]


class StatsResponse(StoreStats):
    per_day: list[DayCount]


class IngestRequest(BaseModel):
    """Each article is checked as a JSONL record is (``veille.ingest``'s one record
    check): a bad one is reported in ``failures`` and the others are ingested."""

    model_config = ConfigDict(extra="forbid")
    articles: list[Any] = Field(
        description='Article records: {"id", "text" | "html", "published", "language", '
        '"outlet", "url", "title"}; other keys (such as "origin") are ignored.'
    )


def _empty_is_none(value: object) -> object:
    # An HTML form sends every field; an empty one means "any".
    return None if value == "" else value


Blank = BeforeValidator(_empty_is_none)


def event_filters(
    since: Annotated[date | None, Blank] = None,
    until: Annotated[date | None, Blank] = None,
    country: Annotated[str | None, Blank, Query(description="ISO3 code")] = None,
    event_type: Annotated[str | None, Blank] = None,
    type: Annotated[str | None, Blank, Query(description="ACLED sub-event type")] = None,
    actor: Annotated[str | None, Blank] = None,
    claim: Annotated[Literal["claimed", "reported", "confirmed", "denied"] | None, Blank] = None,
    sort: EventSort = "-date",
) -> EventQuery:
    """The filters and the order, with no paging (every matching event)."""
    from veille.errors import QueryError
    from veille.filters import check_country, check_event_type, check_sub_event_type

    try:
        # The same checks as the CLI's: a misspelt filter is an error, not an empty page.
        country = check_country(country) if country is not None else None
        event_type = check_event_type(event_type) if event_type else None
        type = check_sub_event_type(type) if type else None
    except QueryError as exc:
        raise ApiError(422, "invalid_request", exc.render()) from exc
    return EventQuery(
        since=since,
        until=until,
        country=country,
        event_type=event_type,
        sub_event_type=type,
        actor=actor or None,
        claim=claim,
        sort=sort,
    )


def event_query(
    filters: Annotated[EventQuery, Depends(event_filters)],
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> EventQuery:
    return filters.model_copy(update={"limit": limit, "offset": offset})


def create_app(
    store: Store,
    token: str | None = None,
    *,
    settings: ApiSettings | None = None,
) -> FastAPI:
    """The API and dashboard over ``store``. Read-only unless ``token`` is given, which
    then enables ``POST /api/ingest`` for requests bearing ``Authorization: Bearer``."""
    cfg = settings or ApiSettings()
    if token is not None:
        cfg.token = token
    if cfg.token is not None and len(cfg.token.strip()) < MIN_TOKEN_CHARS:
        raise InputError(
            f"the token is {len(cfg.token.strip())} characters; at least {MIN_TOKEN_CHARS} "
            "are needed to enable POST /api/ingest",
            where="--token",
            fix="use a long random token, e.g. python -c 'import secrets; "
            "print(secrets.token_urlsafe(24))'; without --token the server is read-only",
        )
    app = FastAPI(
        title="veille",
        summary="Conflict events extracted from news, with provenance.",
        version="0.1.0",
        docs_url=None,  # Swagger UI loads scripts from a CDN; the spec is at /openapi.json
        redoc_url=None,
    )
    app.state.store = store
    app.state.settings = cfg
    install_error_handlers(app)
    app.add_middleware(BodyLimit, max_bytes=cfg.max_body_bytes)
    app.add_middleware(SecurityHeaders, csp=content_security_policy(cfg.tile_url))
    if cfg.allowed_hosts is not None:
        app.add_middleware(HostCheck, allowed=cfg.allowed_hosts)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/api/events", response_model=EventPage, tags=["events"])
    def list_events(q: Annotated[EventQuery, Depends(event_query)]) -> EventPage:
        """Events matching the filters, sorted and paginated (``total`` ignores paging)."""
        return EventPage(
            total=store.count_events(q),
            limit=q.limit or 0,
            offset=q.offset,
            events=store.events(q),
        )

    @app.get("/api/events/{event_id}", response_model=Event, tags=["events"])
    def get_event(event_id: str) -> Event:
        """One event with its mentions (sentences and the span of each field)."""
        ev = store.event(event_id)
        if ev is None:
            raise ApiError(404, "not_found", f"no event with id {event_id!r}")
        return ev

    @app.get("/api/articles/{article_id:path}", response_model=StoredArticle, tags=["articles"])
    def get_article(article_id: str) -> StoredArticle:
        """A stored article: its text as stored (offsets point into it) and its events."""
        art = store.article(article_id)
        if art is None:
            raise ApiError(404, "not_found", f"no article with id {article_id!r}")
        return art

    @app.get("/api/actors", response_model=list[ActorSummary], tags=["reference"])
    def list_actors(
        limit: Annotated[int, Query(ge=1, le=5000)] = 500,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> list[ActorSummary]:
        return store.actors(limit=limit, offset=offset)

    @app.get("/api/places", response_model=list[PlaceSummary], tags=["reference"])
    def list_places(
        limit: Annotated[int, Query(ge=1, le=5000)] = 500,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> list[PlaceSummary]:
        return store.places(limit=limit, offset=offset)

    @app.get("/api/stats", response_model=StatsResponse, tags=["reference"])
    def stats() -> StatsResponse:
        base = store.stats()
        return StatsResponse(**base.model_dump(), per_day=store.events_per_day())

    @app.get("/api/search", response_model=list[SearchHit], tags=["articles"])
    def search(
        q: Annotated[str, Query(min_length=1, max_length=500)],
        limit: Annotated[int, Query(ge=1, le=200)] = 20,
    ) -> list[SearchHit]:
        """Full-text search over article titles and texts."""
        return store.search(q, limit=limit)

    @app.get(
        "/api/export",
        tags=["events"],
        response_class=StreamingResponse,
        responses={
            200: {
                "description": "Every event that matches the filters (no paging, no cap), "
                "streamed as a download named in Content-Disposition.",
                "content": {media: {} for _w, media, _s, _b in _writers().values()},
                "headers": {
                    "Content-Disposition": {
                        "description": 'attachment; filename="events.csv" (or .jsonl, '
                        ".geojson, .parquet)",
                        "schema": {"type": "string"},
                    }
                },
            }
        },
    )
    def export(
        format: ExportFormat,
        q: Annotated[EventQuery, Depends(event_filters)],
    ) -> StreamingResponse:
        """Every event that matches the filters, as one file, streamed while the store is
        read: no paging and no cap. ACLED CSV leaves out events with no date or no
        country and GeoJSON those with no coordinates (neither format can hold them)."""
        from veille.export import export_chunks

        _writer, media_type, suffix, _binary = _writers()[format]
        return StreamingResponse(
            export_chunks(format, store.iter_events(q)),
            media_type=media_type,
            headers={"Content-Disposition": f'attachment; filename="events{suffix}"'},
        )

    @app.post("/api/ingest", response_model=IngestReport, tags=["ingest"])
    async def ingest(request: Request) -> IngestReport:
        """Ingest articles (``{"articles": [...]}``); needs ``Authorization: Bearer TOKEN``."""
        _check_token(cfg, request.headers.get("authorization"))
        body = await _read_body(request, cfg.max_body_bytes)
        try:
            payload = IngestRequest.model_validate(json.loads(body))
        except RecursionError as exc:
            raise ApiError(
                422, "invalid_request", "the JSON body is nested too deeply; send flat records"
            ) from exc
        except (ValueError, ValidationError) as exc:
            raise ApiError(
                422, "invalid_request", f'body must be {{"articles": [...]}}: {exc}'
            ) from exc
        from starlette.concurrency import run_in_threadpool

        from veille.ingest import Defaults, record_from_object

        # Checked one by one as the store ingests them, in the worker thread.
        items = (
            record_from_object(record, origin=f"request[{index}]", defaults=Defaults())
            for index, record in enumerate(payload.articles)
        )
        return await run_in_threadpool(store.ingest, items, cfg.pipeline())

    from veille.api._pages import install_pages

    install_pages(app, store, cfg)
    return app


def _writers() -> dict[str, tuple[Writer, str, str, bool]]:
    from veille.export import WRITERS

    return WRITERS


def _check_token(cfg: ApiSettings, header: str | None) -> None:
    if cfg.token is None:
        raise ApiError(
            403, "read_only", "this server is read-only; start it with --token to allow ingest"
        )
    scheme, _, given = (header or "").partition(" ")
    ok = scheme.lower() == "bearer" and hmac.compare_digest(
        given.strip().encode("utf-8"), cfg.token.encode("utf-8")
    )
    if not ok:
        raise ApiError(401, "unauthorized", "send 'Authorization: Bearer TOKEN'")


async def _read_body(request: Request, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(
                413,
                "payload_too_large",
                f"request body over {limit} bytes; send fewer articles per request",
            )
        chunks.append(chunk)
    return b"".join(chunks)
