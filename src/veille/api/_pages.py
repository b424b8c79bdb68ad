"""Server-rendered dashboard pages (Jinja2, autoescaped) + small static scripts.

Article text is untrusted: templates only ever print it escaped, and the highlighting
of spans is done in ``static/event.js`` by building DOM nodes from offsets
(``textContent``), never by injecting markup.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Any
from urllib.parse import urlencode

import jinja2
from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, Response

from veille.api._app import ApiSettings, event_query
from veille.api._errors import ApiError
from veille.model import EARLIEST_DATE, LATEST_DATE
from veille.store import DayCount, EventQuery, Store

TEMPLATES = jinja2.PackageLoader("veille.api", "templates")
ROLES = ("trigger", "actor1", "actor2", "location", "date", "time", "weapon", "fatalities", "claim")


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=TEMPLATES,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    env: jinja2.Environment = request.app.state.templates
    html = env.get_template(name).render(request_path=request.url.path, **context)
    return HTMLResponse(html, status_code=status)


def render_error(request: Request, status: int, message: str) -> Response:
    return render(request, "error.html", status=status, status_code=status, message=message)


def timeline(days: list[DayCount], *, width: int = 800, height: int = 80) -> dict[str, Any]:
    """Bars for an SVG timeline of events per day (geometry only; drawn by the template)."""
    # Dates outside the plausible window (stored before it was enforced) are left out;
    # the bars are the days that have events, never every day of the span.
    days = [d for d in days if EARLIEST_DATE <= d.day <= LATEST_DATE and d.events > 0]
    if not days:
        return {"bars": [], "width": width, "height": height, "first": None, "last": None}
    first, last = days[0].day, days[-1].day
    span = (last - first).days + 1
    peak = max(d.events for d in days)
    step = width / span
    bars = []
    for d in days:
        day, n, i = d.day, d.events, (d.day - first).days
        h = max(1.0, (height - 4) * n / peak)
        bars.append(
            {
                "x": round(i * step, 2),
                "y": round(height - h, 2),
                "w": round(max(step - 0.5, 0.8), 2),
                "h": round(h, 2),
                "day": day.isoformat(),
                "n": n,
            }
        )
    return {
        "bars": bars,
        "width": width,
        "height": height,
        "first": first,
        "last": last,
        "peak": peak,
        "days": span,
        "ticks": timeline_ticks(first, last),
    }


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def timeline_ticks(first: date, last: date, *, most: int = 12) -> list[dict[str, Any]]:
    """Axis ticks for a timeline from ``first`` to ``last`` (inclusive): the first day of
    each month (every 2nd, 3rd, 6th or 12th month past ``most``), or days when the span
    is under two months. ``pct`` is the tick's position, 0-100, at the start of its day."""
    span = (last - first).days + 1
    ticks: list[dict[str, Any]] = []
    if span > 62:
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        step = next((k for k in (1, 2, 3, 6, 12) if months / k <= most), 24)
        year, month = first.year, first.month
        while True:
            day = date(year, month, 1)
            if day > last:
                break
            if day >= first and (month - 1) % step == 0:
                label = str(year) if month == 1 and step >= 6 else f"{_MONTHS[month - 1]} {year}"
                ticks.append({"day": day.isoformat(), "label": label})
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    else:
        step = next(k for k in (1, 2, 7, 14, 31) if span / k <= most)
        for i in range(0, span, step):
            day = first + timedelta(days=i)
            ticks.append({"day": day.isoformat(), "label": f"{day.day} {_MONTHS[day.month - 1]}"})
    for tick in ticks:
        offset = (date.fromisoformat(tick["day"]) - first).days
        tick["pct"] = round(100 * offset / span, 3)
    return ticks


def install_pages(app: FastAPI, store: Store, cfg: ApiSettings) -> None:
    from veille.extract.taxonomy import SUB_EVENT_TYPES

    app.state.templates = _environment()

    # Pages answer HEAD too (curl -I, link checkers, uptime probes), as a web server does.
    @app.api_route(
        "/", methods=["GET", "HEAD"], response_class=HTMLResponse, include_in_schema=False
    )
    def dashboard(request: Request, q: Annotated[EventQuery, Depends(event_query)]) -> HTMLResponse:
        events = store.events(q)
        total = store.count_events(q)
        per_day = store.events_per_day(q.model_copy(update={"limit": None, "offset": 0}))
        params = {k: v for k, v in request.query_params.items() if k not in ("offset",)}
        limit = q.limit or 50

        def page_link(offset: int) -> str:
            return "/?" + urlencode({**params, "offset": str(offset)})

        return render(
            request,
            "index.html",
            events=events,
            total=total,
            q=q,
            filters=dict(request.query_params),
            sub_types=sorted(SUB_EVENT_TYPES),
            timeline=timeline(per_day),
            prev_link=page_link(max(0, q.offset - limit)) if q.offset > 0 else None,
            next_link=page_link(q.offset + limit) if q.offset + limit < total else None,
            api_query=urlencode({k: v for k, v in params.items() if k not in ("limit",)}),
            tile_url=cfg.tile_url or "",
            tile_attribution=cfg.tile_attribution,
        )

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)  # no icon; avoids a 404 in every browser console

    @app.api_route(
        "/events/{event_id}",
        methods=["GET", "HEAD"],
        response_class=HTMLResponse,
        include_in_schema=False,
    )
    def event_page(request: Request, event_id: str) -> HTMLResponse:
        ev = store.event(event_id)
        if ev is None:
            raise ApiError(404, "not_found", f"no event with id {event_id!r}")
        stored = store.article_texts(m.article_id for m in ev.mentions)
        mentions = [
            {
                "index": i,
                "article_id": m.article_id,
                "source_id": m.source_id,
                "language": m.language,
                "rtl": (m.language or "") == "ar",
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "spans": {
                    role: [span[0] - m.start, span[1] - m.start]
                    for role in ROLES
                    if (span := getattr(m.spans, role)) is not None
                },
                "stored": m.article_id in stored,
            }
            for i, m in enumerate(ev.mentions)
        ]
        return render(request, "event.html", ev=ev, mentions=mentions, roles=ROLES)

    @app.api_route(
        "/articles/{article_id:path}",
        methods=["GET", "HEAD"],
        response_class=HTMLResponse,
        include_in_schema=False,
    )
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        art = store.article(article_id)
        if art is None:
            raise ApiError(404, "not_found", f"no article with id {article_id!r}")
        return render(request, "article.html", art=art, rtl=(art.language or "") == "ar")
