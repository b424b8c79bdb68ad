"""`veille ingest | export | watch` end to end with the real pipeline (loopback only)."""

from __future__ import annotations

import csv
import json
import threading
from collections.abc import Iterator
from html import escape
from http.server import BaseHTTPRequestHandler, HTTPServer, SimpleHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from veille.cli import build_app
from veille.export import ACLED_COLUMNS
from veille.store import open_store

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample" / "articles.jsonl"


def _sample(n: int) -> list[dict[str, Any]]:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()[:n]
    return [json.loads(line) for line in lines]


def _run(*args: str) -> Any:
    return CliRunner().invoke(build_app(), list(args))


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "news.jsonl").write_text(
        "\n".join(json.dumps(a, ensure_ascii=False) for a in _sample(4)) + "\n{broken\n",
        encoding="utf-8",
    )
    return folder


def test_ingest_is_idempotent_and_exits_1_on_a_bad_input(inputs: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    first = _run("ingest", str(inputs), "--db", db)
    assert first.exit_code == 1, first.output  # the broken line failed; others stored
    assert "4 article(s) added" in first.output and "news.jsonl:5" in first.output
    again = _run("ingest", str(inputs / "news.jsonl"), "--db", db)
    assert "0 article(s) added, 4 already stored, 0 new event(s)" in again.output
    with open_store(db) as store:
        assert store.stats().articles == 4 and store.count_events() > 0
        assert any("news.jsonl:5" in f.origin for f in store.ingest_errors())

    for fmt, name in (
        ("acled-csv", "e.csv"),
        ("plover", "e.jsonl"),
        ("geojson", "e.geojson"),
        ("parquet", "e.parquet"),
    ):
        out = tmp_path / name
        r = _run("export", "--db", db, "--format", fmt, "-o", str(out))
        assert r.exit_code == 0, r.output
        assert out.stat().st_size > 0
    with (tmp_path / "e.csv").open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows and list(rows[0]) == list(ACLED_COLUMNS)
    r = _run(
        "export",
        "--db",
        db,
        "--format",
        "acled-csv",
        "-o",
        str(tmp_path / "x.csv"),
        "--since",
        "not-a-date",
    )
    assert r.exit_code == 2


class _Hooks(BaseHTTPRequestHandler):
    received: list[dict[str, Any]] = []  # noqa: RUF012  (per-test class, see fixture)

    def do_POST(self) -> None:
        size = int(self.headers["content-length"])
        self.received.append(json.loads(self.rfile.read(size)))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *_args: Any) -> None:
        pass


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *_args: Any) -> None:
        pass


def test_ingest_batch_size_changes_when_articles_are_stored_not_what(
    inputs: Path, tmp_path: Path
) -> None:
    """--batch-size 1 stores each article as soon as it is extracted; the store ends
    the same as with the default batches. 0 and --engine spark are usage errors."""
    news = str(inputs / "news.jsonl")
    stores = {}
    for size in ("1", None):
        db = f"sqlite:///{tmp_path / f'batch-{size}.sqlite'}"
        result = _run("ingest", news, "--db", db, *(["--batch-size", size] if size else []))
        assert result.exit_code == 1, result.output  # the broken last line
        with open_store(db) as store:
            stores[size] = sorted(e.event_id for e in store.events())
    assert stores["1"] == stores[None] and stores["1"]
    zero = ["--batch-size", "0"]
    refused = _run("ingest", news, "--db", f"sqlite:///{tmp_path / 'x.sqlite'}", *zero)
    assert refused.exit_code == 2 and "--batch-size" in refused.output
    spark = ["--engine", "spark", "--batch-size", "2"]
    refused = _run("ingest", news, "--db", f"sqlite:///{tmp_path / 'y.sqlite'}", *spark)
    assert refused.exit_code == 2 and "--batch-size is for --engine local" in refused.output
    assert not (tmp_path / "y.sqlite").exists()


def _serve(handler: Any) -> Iterator[tuple[HTTPServer, str]]:
    server = HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def feed(tmp_path: Path) -> Iterator[str]:
    site = tmp_path / "site"
    site.mkdir()
    items = "".join(
        f"<item><guid>{escape(a['id'])}</guid><title>{escape(a.get('title') or a['id'])}</title>"
        f"<description>{escape(a['text'])}</description>"
        f"<pubDate>Mon, 05 Feb 2024 10:00:00 GMT</pubDate></item>"
        for a in _sample(3)
    )
    (site / "feed.xml").write_text(
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>t</title><link>http://127.0.0.1/</link><description>d</description>"
        f"{items}</channel></rss>",
        encoding="utf-8",
    )

    def handler(*args: Any, **kwargs: Any) -> _Quiet:
        return _Quiet(*args, directory=str(site), **kwargs)

    yield from (f"{base}/feed.xml" for _, base in _serve(handler))


@pytest.fixture
def webhook() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    received: list[dict[str, Any]] = []
    hooks = type("Hooks", (_Hooks,), {"received": received})
    for _, base in _serve(hooks):
        yield base + "/hook", received


def test_watch_once_ingests_a_feed_and_posts_alerts(
    feed: str, webhook: tuple[str, list[dict[str, Any]]], tmp_path: Path
) -> None:
    url, received = webhook
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps({"webhook": url, "rules": [{"name": "any event"}]}))
    db = f"sqlite:///{tmp_path / 'watch.sqlite'}"
    refused = _run("watch", feed, "--db", db, "--once")  # loopback is refused by default
    assert refused.exit_code == 1 and "feed.xml" in refused.output
    assert "Fix:" in refused.output and "--allow-private-addresses" in refused.output
    r = _run(
        "watch",
        feed,
        "--db",
        db,
        "--once",
        "--alert-rules",
        str(rules),
        "--allow-private-addresses",
    )
    assert r.exit_code == 0, r.output
    assert "3 new article(s)" in r.output
    with open_store(db) as store:
        n = store.count_events()
    assert n > 0 and r.output.count("\tev-") + r.output.count("ev-") >= 1
    assert received and received[0]["rule"] == "any event" and received[0]["events"]
    again = _run("watch", feed, "--db", db, "--once", "--allow-private-addresses")
    assert "0 new article(s), 0 new event(s)" in again.output
    bad = _run("watch", feed, "--db", db, "--once", "--every", "soon")
    assert bad.exit_code == 2


def test_ingest_weighs_homonyms_toward_the_outlets_stored_stories(tmp_path: Path) -> None:
    # The store holds two stories of "Suburban News" located in Ohio: its next story's
    # "Dublin" is Dublin, Ohio. The same story from an outlet the store does not know
    # stays in Ireland (the bigger Dublin), as without a profile.
    history = [
        ("h1", "Gunmen attacked a police station in Columbus, Ohio, on Sunday, killing one."),
        ("h2", "A bomb exploded outside a bank in Westerville, Ohio, on Saturday, wounding 3."),
    ]
    story = "Gunmen attacked a police station in Dublin on Monday, killing two officers."

    def write(name: str, rows: list[tuple[str, str, str]]) -> Path:
        path = tmp_path / name
        records = [
            {"id": i, "text": t, "outlet": o, "published": "2024-03-05", "language": "en"}
            for i, t, o in rows
        ]
        path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
        return path

    db = f"sqlite:///{tmp_path / 'outlets.sqlite'}"
    older = write("h.jsonl", [(i, t, "Suburban News") for i, t in history])
    assert _run("ingest", str(older), "--db", db).exit_code == 0
    other = story.replace("officers", "policemen")  # same text would be stored once
    news = write("n.jsonl", [("n1", story, "Suburban News"), ("n2", other, "Harbour Times")])
    result = _run("ingest", str(news), "--db", db)
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        places = {p.outlet: p for p in store.outlet_places()}
        assert places["Suburban News"].documents == 3
        assert places["Harbour Times"].documents == 1
        located = {
            m.article_id: (e.location.iso3, e.location.admin1)
            for e in store.events()
            for m in e.mentions
            if e.location is not None and m.article_id in ("n1", "n2")
        }
    assert located == {"n1": ("USA", "Ohio"), "n2": ("IRL", "Dublin City")}


def test_export_and_serve_refuse_a_store_that_does_not_exist(tmp_path: Path) -> None:
    missing, out = tmp_path / "doesnotexist.db", tmp_path / "x.csv"
    for args in (
        ("export", "--db", f"sqlite:///{missing}", "--format", "acled-csv", "-o", str(out)),
        ("serve", "--db", f"sqlite:///{missing}"),
    ):
        r = _run(*args)
        assert r.exit_code == 2, r.output
        assert f"there is no store at {missing}" in r.output and "Fix:" in r.output
        assert not missing.exists() and not out.exists()


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("not a url", "is not a database URL"),
        ("mysql://u:p@localhost/veille", "not mysql"),
        ("sqlite:////no/such/folder/v.sqlite", "does not exist"),
    ],
)
def test_bad_db_urls_are_usage_errors_with_a_fix(url: str, says: str, tmp_path: Path) -> None:
    r = _run("ingest", str(SAMPLE), "--db", url)
    assert r.exit_code == 2, r.output
    assert says in r.output and "Fix:" in r.output
    assert ":p@" not in r.output  # the password is never echoed


def test_export_filters_are_checked_like_the_api(inputs: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'f.sqlite'}"
    _run("ingest", str(inputs), "--db", db)
    out = tmp_path / "x.csv"
    r = _run("export", "--db", db, "--format", "acled-csv", "-o", str(out), "--country", "France")
    assert r.exit_code == 2 and "ISO3" in r.output and "FRA" in r.output, r.output
    r = _run("export", "--db", db, "--format", "plover", "-o", str(out), "--type", "armed clashs")
    assert r.exit_code == 2 and "did you mean 'Armed clash'?" in r.output, r.output
    r = _run("export", "--db", db, "--format", "plover", "-o", str(out), "--until", "31/12/2024")
    assert r.exit_code == 2 and "YYYY-MM-DD" in r.output
    assert not out.exists()
    # valid names in any case are accepted
    r = _run("export", "--db", db, "--format", "plover", "-o", str(out), "--country", "syr")
    assert r.exit_code == 0, r.output


def test_ingest_and_serve_say_where_the_store_is(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    path = tmp_path / "where.sqlite"
    r = _run("ingest", str(inputs / "news.jsonl"), "--db", f"sqlite:///{path}")
    assert f"veille: store: sqlite:///{path}" in r.output
    served: list[object] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: served.append(app))
    r = _run("serve", "--db", f"sqlite:///{path}", "--port", "1")
    assert r.exit_code == 0 and served, r.output
    assert f"veille: store: sqlite:///{path}" in r.output


def test_export_says_how_many_events_it_left_out(inputs: Path, tmp_path: Path) -> None:
    from veille.store._synthetic import synthetic_events

    db = f"sqlite:///{tmp_path / 'o.sqlite'}"
    evs = synthetic_events(3)
    with open_store(db) as store:
        store.save_events([*evs[:2], evs[2].model_copy(update={"location": None})])
    r = _run("export", "--db", db, "--format", "geojson", "-o", str(tmp_path / "o.geojson"))
    assert r.exit_code == 0 and "2 event(s), 1 omitted without coordinates" in r.output, r.output
    assert "GeoJsonCounts" not in r.output
    r = _run("export", "--db", db, "--format", "acled-csv", "-o", str(tmp_path / "o.csv"))
    assert "2 event(s), 1 omitted without a date or a country" in r.output, r.output


def test_ingest_and_extract_reach_a_local_server_when_told(feed: str, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'private.sqlite'}"
    refused = _run("ingest", feed, "--db", db)
    assert refused.exit_code == 1
    assert "not a public address" in refused.output
    assert "add --allow-private-addresses to the command" in refused.output
    allowed = _run("ingest", feed, "--db", db, "--allow-private-addresses")
    assert allowed.exit_code == 0 and "3 article(s) added" in allowed.output, allowed.output
    extracted = _run("extract", feed, "--allow-private-addresses", "--format", "jsonl")
    assert extracted.exit_code == 0 and "3 article(s) read" in extracted.output


def test_watch_dates_undated_files_by_pub_date(tmp_path: Path) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "kidal.txt").write_text(
        "Vendredi soir, des hommes armés ont attaqué un poste de police à Kidal, au Mali.",
        encoding="utf-8",
    )
    db = f"sqlite:///{tmp_path / 'w.sqlite'}"
    r = _run("watch", str(folder), "--db", db, "--once", "--pub-date", "2024-03-02")
    assert r.exit_code == 0, r.output
    lines = [line.split("\t") for line in r.output.splitlines() if line.startswith("ev-")]
    assert lines and {line[1] for line in lines} == {"2024-03-01"}
    bad = _run("watch", str(folder), "--db", db, "--once", "--pub-date", "02/03/2024")
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output


def test_help_keeps_square_brackets() -> None:
    r = _run("ingest", "--help")
    assert "pip install 'veille[spark]'" in " ".join(r.output.split())
