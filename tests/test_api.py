"""HTTP API and dashboard pages: endpoints, one error shape, security headers, auth."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from veille.api import ApiSettings, create_app
from veille.model import Article
from veille.store import Store, open_store
from veille.store._synthetic import SyntheticPipeline, SyntheticResult, synthetic_item

HOSTILE = (
    "Attack on <img src=x onerror=\"document.title='pwned'\"> camp "
    "<script>document.title='pwned'</script> at dawn."
)
TOKEN = "correct horse battery staple"


class HostilePipeline(SyntheticPipeline):
    """Synthetic events, plus one whose article text is an XSS attempt."""

    def process_article(self, article: Article) -> SyntheticResult:
        if article.id != "hostile":
            return super().process_article(article)
        base = synthetic_item(0).event
        start = HOSTILE.index("Attack")
        mention = base.mentions[0].model_copy(
            update={
                "article_id": "hostile",
                "source_id": "hostile#article",
                "text": HOSTILE,
                "start": 0,
                "end": len(HOSTILE),
                "spans": base.mentions[0].spans.model_copy(
                    update={
                        "trigger": (start, start + 6),
                        "date": None,
                        "actor1": None,
                        "location": (HOSTILE.index("camp"), HOSTILE.index("camp") + 4),
                    }
                ),
            }
        )
        src = synthetic_item(0).source.model_copy(
            update={
                "source_id": "hostile#article",
                "article_id": "hostile",
                "url": "javascript:alert(1)",
            }
        )
        ev = base.model_copy(
            update={
                "event_id": "ev-hostile",
                "mentions": [mention],
                "sources": [src],
                # The store writes the notes from the fields (as extract does): hostile
                # markup reaches them through the place's name.
                "location": base.location.model_copy(
                    update={"iso3": "MLI", "name": "<b>bold</b> camp"}
                )
                if base.location
                else None,
            }
        )
        return SyntheticResult(article, [src], [ev])


def fill(store: Store, n: int = 40) -> None:
    items = [synthetic_item(i) for i in range(n)]
    hostile = Article(id="hostile", text=HOSTILE, title="<script>x</script>", language="en")
    store.ingest([*(it.article for it in items), hostile], HostilePipeline(items))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(f"sqlite:///{tmp_path / 'api.sqlite'}")
    fill(s)
    yield s
    s.close()


@pytest.fixture
def client(store: Store) -> TestClient:
    return TestClient(create_app(store))


def assert_error(response: object, status: int, code: str) -> None:
    from httpx import Response

    assert isinstance(response, Response)
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code and body["error"]["message"]


def test_events_filters_pagination_sorting(client: TestClient, store: Store) -> None:
    page = client.get("/api/events", params={"limit": 5, "sort": "date"}).json()
    assert page["total"] == store.count_events() and len(page["events"]) == 5
    dates = [e["event_date"] for e in page["events"]]
    assert dates == sorted(dates)
    nxt = client.get("/api/events", params={"limit": 5, "offset": 5, "sort": "date"}).json()
    assert {e["event_id"] for e in nxt["events"]}.isdisjoint(e["event_id"] for e in page["events"])
    syr = client.get("/api/events", params={"country": "SYR", "claim": "denied"}).json()
    assert all(
        e["location"]["iso3"] == "SYR" and e["claim"]["status"] == "denied" for e in syr["events"]
    )
    typed = client.get("/api/events", params={"type": "Armed clash"}).json()
    assert all(e["sub_event_type"] == "Armed clash" for e in typed["events"])


def test_event_article_actors_places_stats_search(client: TestClient, store: Store) -> None:
    ev = store.events(limit=1)[0]
    got = client.get(f"/api/events/{ev.event_id}").json()
    assert got == json.loads(ev.model_dump_json())
    assert got["mentions"][0]["spans"]["trigger"]
    art = client.get(f"/api/articles/{ev.mentions[0].article_id}").json()
    assert ev.event_id in art["event_ids"]
    assert client.get("/api/actors").json()[0]["events"] >= 1
    assert client.get("/api/places").json()[0]["events"] >= 1
    stats = client.get("/api/stats").json()
    assert stats["events"] == store.count_events() and stats["per_day"]
    hits = client.get("/api/search", params={"q": "drone"}).json()
    assert hits and {"article_id", "snippet", "title", "published"} == set(hits[0])


def test_export_endpoint(client: TestClient) -> None:
    r = client.get("/api/export", params={"format": "acled-csv", "country": "SYR"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.text.startswith("event_id_cnty,event_date,year,")
    assert all(line.startswith("SYR") for line in r.text.splitlines()[1:])
    r = client.get("/api/export", params={"format": "geojson"})
    assert r.json()["type"] == "FeatureCollection"
    r = client.get("/api/export", params={"format": "parquet"})
    assert r.content[:4] == b"PAR1"
    assert_error(client.get("/api/export", params={"format": "xls"}), 422, "invalid_request")


def test_export_is_every_matching_event_not_a_page(tmp_path: Path) -> None:
    """1,500 stored events: each format holds them all (the old export stopped at 50)."""
    import io

    import pyarrow.parquet as pq

    from veille.store._synthetic import synthetic_events

    with open_store(f"sqlite:///{tmp_path / 'big.sqlite'}") as big:
        big.save_events(synthetic_events(1500))
        client = TestClient(create_app(big))
        total = client.get("/api/events").json()["total"]
        assert total == 1500
        r = client.get("/api/export", params={"format": "acled-csv"})
        assert r.headers["content-disposition"] == 'attachment; filename="events.csv"'
        rows = r.content.decode("utf-8").split("\r\n")
        assert rows[0].startswith("event_id_cnty,") and rows[-1] == ""
        assert len(rows) - 2 == total
        r = client.get("/api/export", params={"format": "geojson"})
        assert r.headers["content-disposition"] == 'attachment; filename="events.geojson"'
        assert len(r.json()["features"]) == total
        r = client.get("/api/export", params={"format": "plover"})
        assert len(r.text.splitlines()) == total
        r = client.get("/api/export", params={"format": "parquet"})
        assert pq.read_table(io.BytesIO(r.content)).num_rows == total
        syr = client.get("/api/events", params={"country": "SYR"}).json()["total"]
        r = client.get("/api/export", params={"format": "plover", "country": "SYR"})
        assert 0 < len(r.text.splitlines()) == syr < total


def test_openapi_says_the_export_is_complete_and_a_download(client: TestClient) -> None:
    op = client.get("/openapi.json").json()["paths"]["/api/export"]["get"]
    params = {p["name"] for p in op["parameters"]}
    assert "limit" not in params and "offset" not in params
    ok = op["responses"]["200"]
    assert "no cap" in ok["description"]
    assert "Content-Disposition" in ok["headers"]
    assert {"text/csv; charset=utf-8", "application/vnd.apache.parquet"} <= set(ok["content"])


def test_filters_are_checked_like_the_cli(client: TestClient) -> None:
    r = client.get("/api/events", params={"country": "France"})
    assert_error(r, 422, "invalid_request")
    assert "ISO3" in r.json()["error"]["message"] and "FRA" in r.json()["error"]["message"]
    r = client.get("/api/events", params={"type": "armed clashes"})
    assert_error(r, 422, "invalid_request")
    assert "'Armed clash'" in r.json()["error"]["message"]
    assert_error(client.get("/api/events", params={"event_type": "Batles"}), 422, "invalid_request")
    # case does not matter for a valid name
    lower = client.get("/api/events", params={"type": "armed clash", "country": "syr"}).json()
    exact = client.get("/api/events", params={"type": "Armed clash", "country": "SYR"}).json()
    assert lower["total"] == exact["total"] > 0


def test_one_error_shape(client: TestClient) -> None:
    assert_error(client.get("/api/events/nope"), 404, "not_found")
    assert_error(client.get("/api/articles/nope"), 404, "not_found")
    assert_error(client.get("/api/nothing-here"), 404, "not_found")
    assert_error(client.get("/api/events", params={"limit": 0}), 422, "invalid_request")
    assert_error(client.get("/api/events", params={"since": "yesterday"}), 422, "invalid_request")
    assert_error(client.get("/api/events", params={"claim": "rumoured"}), 422, "invalid_request")
    assert_error(client.get("/api/search"), 422, "invalid_request")
    assert_error(client.delete("/api/events"), 405, "method_not_allowed")


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/events",
        "/api/events/{event_id}",
        "/api/articles/{article_id}",
        "/api/actors",
        "/api/places",
        "/api/stats",
        "/api/search",
        "/api/export",
        "/api/ingest",
    ):
        assert path in paths, path


def test_read_only_without_token(client: TestClient) -> None:
    r = client.post(
        "/api/ingest", json={"articles": []}, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert_error(r, 403, "read_only")


def test_ingest_needs_the_bearer_token(store: Store) -> None:
    items = [synthetic_item(i) for i in range(100, 103)]
    app = create_app(
        store,
        token=TOKEN,
        settings=ApiSettings(
            pipeline_factory=lambda: SyntheticPipeline(items), max_body_bytes=50_000
        ),
    )
    c = TestClient(app)
    body = {"articles": [json.loads(it.article.model_dump_json()) for it in items]}
    assert_error(c.post("/api/ingest", json=body), 401, "unauthorized")
    assert_error(
        c.post("/api/ingest", json=body, headers={"Authorization": "Bearer nope"}),
        401,
        "unauthorized",
    )
    assert_error(
        c.post("/api/ingest", json={"nope": 1}, headers={"Authorization": f"Bearer {TOKEN}"}),
        422,
        "invalid_request",
    )
    r = c.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200, r.text
    assert r.json()["articles_added"] == 3
    again = c.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert again.json()["articles_skipped"] == 3
    huge = {"articles": [{"id": "big", "text": "x" * 60_000}]}
    assert_error(
        c.post("/api/ingest", json=huge, headers={"Authorization": f"Bearer {TOKEN}"}),
        413,
        "payload_too_large",
    )

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while streaming
        yield b'{"articles": [{"id": "big", "text": "'
        for _ in range(10):
            yield b"x" * 10_000
        yield b'"}]}'

    assert_error(
        c.post("/api/ingest", content=chunks(), headers={"Authorization": f"Bearer {TOKEN}"}),
        413,
        "payload_too_large",
    )


def test_html_pages_have_a_strict_csp_and_no_inline_script(
    client: TestClient, store: Store
) -> None:
    ev = store.events(limit=1)[0]
    for path in ("/", f"/events/{ev.event_id}", "/articles/hostile", "/?country=SYR"):
        r = client.get(path)
        assert r.status_code == 200, path
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "default-src 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        # every <script> is either an external file or a non-executable JSON block
        for tag in re.findall(r"<script\b[^>]*>", r.text):
            assert 'src="/static/' in tag or 'type="application/json"' in tag, tag
    assert client.get("/api/events").headers["x-content-type-options"] == "nosniff"


def _hostile_event_id(client: TestClient) -> str:
    """The store gives the event the stable id of its smallest mention (as extract)."""
    events = client.get("/api/events", params={"limit": 1000}).json()["events"]
    [found] = [e for e in events if {m["article_id"] for m in e["mentions"]} == {"hostile"}]
    return str(found["event_id"])


def test_article_text_is_escaped_everywhere(client: TestClient) -> None:
    page = client.get(f"/events/{_hostile_event_id(client)}").text
    assert "<script>document.title" not in page
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=" in page  # shown as text, inert
    assert "javascript:alert" not in page  # non-http source URLs are not linked
    assert "<b>bold</b>" not in page and "&lt;b&gt;bold&lt;/b&gt;" in page
    data = re.search(
        r'<script type="application/json" id="mention-data">(.*?)</script>', page, re.S
    )
    assert data and "<" not in data.group(1)  # JSON block cannot close its script tag
    assert json.loads(data.group(1))[0]["text"] == HOSTILE
    article = client.get("/articles/hostile").text
    assert "<script>" not in article.split("<main>")[1].split("</main>")[0]


def test_arabic_mentions_are_right_to_left(client: TestClient, store: Store) -> None:
    ar = next(e for e in store.events() if e.mentions[0].language == "ar")
    page = client.get(f"/events/{ar.event_id}").text
    assert 'lang="ar" dir="rtl"' in page


def test_html_errors_are_pages_and_api_errors_json(client: TestClient) -> None:
    r = client.get("/events/missing", headers={"accept": "text/html"})
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]
    assert "content-security-policy" in r.headers
    # a page's error is a page for any client that does not ask for JSON (curl, a
    # browser's "*/*" fetch)
    for accept in ("*/*", ""):
        r = client.get("/events/missing", headers={"accept": accept})
        assert r.status_code == 404 and "text/html" in r.headers["content-type"], accept
        assert "no event with id" in r.text
    json_only = client.get("/events/missing", headers={"accept": "application/json"})
    assert_error(json_only, 404, "not_found")
    assert_error(client.get("/api/events/missing"), 404, "not_found")


def test_pages_answer_head(client: TestClient, store: Store) -> None:
    ev = store.events(limit=1)[0]
    for path in ("/", f"/events/{ev.event_id}", f"/articles/{ev.mentions[0].article_id}"):
        r = client.head(path)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html"), path


def test_static_assets_are_vendored(client: TestClient) -> None:
    for path in (
        "/static/vendor/leaflet/leaflet.js",
        "/static/vendor/leaflet/leaflet.css",
        "/static/event.js",
        "/static/dashboard.js",
        "/static/style.css",
    ):
        assert client.get(path).status_code == 200, path
    root = Path(__file__).resolve().parents[1] / "src/veille/api/static/vendor/leaflet"
    assert (root / "LICENSE").is_file()
    html = client.get("/").text
    assert "http://" not in re.sub(r'href="http[^"]*"', "", html.split("<main>")[0])
    assert "unpkg" not in html and "cdn" not in html.lower()


def test_timeline_ticks_months_or_days() -> None:
    from datetime import date

    from veille.api._pages import timeline_ticks

    months = timeline_ticks(date(2024, 1, 15), date(2024, 6, 3))
    assert [t["label"] for t in months] == [
        "Feb 2024",
        "Mar 2024",
        "Apr 2024",
        "May 2024",
        "Jun 2024",
    ]
    assert [t["pct"] for t in months] == sorted(t["pct"] for t in months)
    assert 0 < months[0]["pct"] < months[-1]["pct"] < 100
    years = timeline_ticks(date(2020, 3, 1), date(2024, 3, 20))
    assert len(years) <= 12 and "2021" in [t["label"] for t in years]
    days = timeline_ticks(date(2024, 3, 1), date(2024, 3, 20))
    assert days[0] == {"day": "2024-03-01", "label": "1 Mar", "pct": 0.0} and len(days) <= 12


def test_dashboard_page_has_the_basemap_ticks_and_phone_layout_hooks(client: TestClient) -> None:
    page = client.get("/").text
    assert 'data-basemap-url="/static/vendor/world-atlas/countries-110m.json"' in page
    assert "/static/vendor/topojson-client/topojson-client.min.js" in page
    assert 'id="timeline-ticks"' in page and 'class="tick"' in page
    assert 'id="filters-toggle"' in page and 'class="table-scroll"' in page
    for path in (
        "/static/vendor/world-atlas/countries-110m.json",
        "/static/vendor/topojson-client/topojson-client.min.js",
    ):
        assert client.get(path).status_code == 200, path
