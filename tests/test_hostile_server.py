"""The server against hostile clients and stored data (issue 15): tokens, Host header,
out-of-range parameters, deep JSON, HTML errors, LIKE filters, bidi, the timeline."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from veille.api import ApiSettings, create_app
from veille.api._pages import timeline
from veille.api._security import default_allowed_hosts
from veille.errors import InputError
from veille.store import DayCount, Store, open_store
from veille.store._synthetic import SyntheticPipeline, SyntheticResult, synthetic_item

TOKEN = "a-long-enough-test-token-0123456789"
RLO_OUTLET = "\u202eAFP"


class OutletPipeline(SyntheticPipeline):
    """Synthetic events whose source names a right-to-left-override outlet."""

    def process_article(self, article):  # type: ignore[no-untyped-def]
        result = super().process_article(article)
        source = result.sources[0].model_copy(update={"outlet": RLO_OUTLET})
        events = [
            e.model_copy(update={"sources": [source], "notes": f"reported by {RLO_OUTLET}"})
            for e in result.events
        ]
        return SyntheticResult(article, [source], events)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    items = [synthetic_item(i) for i in range(5)]
    s = open_store(f"sqlite:///{tmp_path / 'api.sqlite'}")
    articles = [it.article.model_copy(update={"outlet": RLO_OUTLET}) for it in items]
    s.ingest(articles, OutletPipeline(items))
    yield s
    s.close()


@pytest.mark.parametrize("token", ["", "   ", "short-token"])
def test_an_empty_or_short_token_is_refused(store: Store, token: str) -> None:
    with pytest.raises(InputError, match="at least 16 are needed"):
        create_app(store, token=token)


def test_serve_refuses_an_empty_token_saying_the_minimum(tmp_path: Path) -> None:
    from veille.store import open_store

    open_store(f"sqlite:///{tmp_path / 'x'}").close()  # serve needs an existing store
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "veille",
            "serve",
            "--db",
            f"sqlite:///{tmp_path / 'x'}",
            *("--token", ""),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2, done.stderr
    assert "at least 16" in done.stderr and "Traceback" not in done.stderr


def test_the_host_header_must_name_the_bound_address(store: Store) -> None:
    app = create_app(store, settings=ApiSettings(allowed_hosts=default_allowed_hosts("127.0.0.1")))
    client = TestClient(app)
    for host in ("127.0.0.1:8000", "localhost:8000", "[::1]:8000", "LOCALHOST"):
        assert client.get("/api/stats", headers={"Host": host}).status_code == 200, host
    refused = client.get("/api/stats", headers={"Host": "rebound.attacker.example:8000"})
    assert refused.status_code == 421
    assert "--allowed-hosts" in refused.json()["error"]["message"]


def test_allowed_hosts_defaults() -> None:
    assert default_allowed_hosts("0.0.0.0") is None  # the operator names them
    assert default_allowed_hosts("10.0.0.5") == frozenset({"10.0.0.5"})
    assert "localhost" in (default_allowed_hosts("::1") or ())


@pytest.mark.parametrize("path", ["/api/events", "/api/actors", "/api/places", "/"])
def test_an_offset_past_64_bits_is_a_422(store: Store, path: str) -> None:
    r = TestClient(create_app(store)).get(path, params={"offset": 2**63})
    assert r.status_code == 422, r.text[:300]


def test_deeply_nested_json_is_a_422(store: Store) -> None:
    client = TestClient(create_app(store, token=TOKEN))
    body = b'{"articles": [' + b"[" * 100_000 + b"]" * 100_000 + b"]}"
    r = client.post(
        "/api/ingest",
        content=body,
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
    )
    assert r.status_code == 422 and "nested too deeply" in r.json()["error"]["message"]


def test_a_page_error_is_an_html_page_for_a_browser(store: Store) -> None:
    client = TestClient(create_app(store))
    page = client.get("/", params={"since": "not-a-date"}, headers={"Accept": "text/html"})
    assert page.status_code == 422
    assert page.headers["content-type"].startswith("text/html")
    assert "<h1>422</h1>" in page.text
    api = client.get("/api/events", params={"since": "x"}, headers={"Accept": "text/html"})
    assert api.status_code == 422 and api.json()["error"]["code"] == "invalid_request"


@pytest.mark.parametrize("actor", ["\x00", "%", "_", "\\"])
def test_the_actor_filter_matches_nul_and_wildcards_literally(store: Store, actor: str) -> None:
    assert store.count_events() > 0
    r = TestClient(create_app(store)).get("/api/events", params={"actor": actor})
    assert r.status_code == 200 and r.json()["total"] == 0


def test_user_strings_on_pages_are_bidi_isolated(store: Store) -> None:
    client = TestClient(create_app(store))
    ev = store.events(limit=1)[0]
    article_id = ev.mentions[0].article_id
    for path in (f"/events/{ev.event_id}", f"/articles/{article_id}"):
        html = client.get(path).text
        hits = [m.start() for m in re.finditer(RLO_OUTLET, html)]
        assert hits, path
        for at in hits:
            # the nearest element opened before it isolates it
            opened = html.rfind("<", 0, at)
            assert html.startswith("<bdi>", opened) or 'dir="' in html[opened:at], (
                path,
                html[opened - 40 : at + 10],
            )


def test_the_timeline_leaves_out_implausible_dates_and_walks_only_event_days() -> None:
    days = [
        DayCount(day=date(1, 1, 1), events=1),
        DayCount(day=date(2024, 2, 5), events=2),
        DayCount(day=date(2024, 2, 9), events=1),
        DayCount(day=date(9999, 12, 31), events=1),
    ]
    drawn = timeline(days, width=500)
    assert (drawn["first"], drawn["last"]) == (date(2024, 2, 5), date(2024, 2, 9))
    assert [(b["day"], b["x"]) for b in drawn["bars"]] == [("2024-02-05", 0), ("2024-02-09", 400)]
    wide = timeline([DayCount(day=date(1900, 1, 1), events=1), *days[1:3]], width=800)
    assert len(wide["bars"]) == 3


def test_ingest_still_works_with_a_long_token(store: Store) -> None:
    items = [synthetic_item(i) for i in range(10, 12)]
    app = create_app(
        store, token=TOKEN, settings=ApiSettings(pipeline_factory=lambda: SyntheticPipeline(items))
    )
    body = {"articles": [json.loads(it.article.model_dump_json()) for it in items]}
    r = TestClient(app).post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200 and r.json()["articles_added"] == 2
