"""Pathological records (issue 15): one bad item is that item's failure, never the batch's.

Extreme dates, NUL characters, lone surrogates, oversized texts and bugs met on one
article, through the library, the store, the CLI and the API alike.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veille.ingest import MAX_ARTICLE_CHARS, Defaults, read_inputs, record_from_object
from veille.model import Article, ArticleFailure
from veille.nlp.dates import find_date_expressions
from veille.store import open_store
from veille.store._synthetic import SyntheticPipeline, synthetic_item

GOOD_TEXT = (
    "Une frappe de drone a visé {day} la ville de Gao, au Mali, tuant {n} civils, "
    "selon des sources locales."
)
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def record(item: dict[str, Any], origin: str = "t:1") -> Article | ArticleFailure:
    return record_from_object(item, origin=origin, defaults=Defaults())


# --- dates bounded at parse time ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Le 9999-12-31, une frappe.", date(2024, 2, 5)),
        ("Le 0001-01-01, une frappe.", date(2024, 2, 5)),
        ("Le 31/12/9999 et le 1/1/0001.", None),
        ("Dimanche, hier et la veille, une frappe.", date(1, 1, 1)),
        ("Yesterday, on Sunday, the day before.", date(9999, 12, 31)),
    ],
)
def test_extreme_dates_resolve_to_nothing_instead_of_overflowing(
    text: str, published: date | None
) -> None:
    lang = "en" if text.startswith("Yesterday") else "fr"
    found = find_date_expressions(text, lang, published=published)
    assert found, "the phrases are still found (with their spans)"
    assert all(e.value is None for e in found)


def test_an_event_is_never_dated_after_the_day_after_publication() -> None:
    pub = date(2024, 2, 5)
    [later] = find_date_expressions("le 10 février 2024", "fr", published=pub)
    assert later.value is None
    [next_day] = find_date_expressions("le 6 février 2024", "fr", published=pub)
    assert next_day.value == date(2024, 2, 6)
    [early] = find_date_expressions("le 1er janvier 1900", "fr", published=pub)
    assert early.value == date(1900, 1, 1)


def test_a_placeholder_publication_date_is_refused_naming_the_field() -> None:
    failure = record({"id": "p", "text": "hier, une frappe", "published": "0001-01-01"})
    assert isinstance(failure, ArticleFailure) and failure.article_id == "p"
    assert '"published" 0001-01-01 is outside the plausible range' in failure.cause
    assert isinstance(record({"id": "q", "text": "x", "published": "9999-12-31"}), ArticleFailure)


# --- one record check for every door ------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "what"),
    [
        ("id", "a\x00b", "NUL character"),
        ("text", "une frappe\x00", "NUL character"),
        ("title", "t\ud800", "lone UTF-16 surrogate"),
        ("outlet", "\udc00AFP", "lone UTF-16 surrogate"),
        ("url", "https://x.example/\x00", "NUL character"),
        ("html", "<p>une\x00 frappe</p>", "NUL character"),
    ],
)
def test_nul_and_lone_surrogates_are_refused_with_the_field_named(
    field: str, value: str, what: str
) -> None:
    item: dict[str, Any] = {"id": "r1", "text": "Une frappe à Gao."}
    if field == "html":
        del item["text"]
    item[field] = value
    failure = record(item)
    assert isinstance(failure, ArticleFailure)
    assert failure.cause.startswith(f'"{field}" holds a {what}')
    assert field in failure.fix
    assert failure.article_id is not None and "\x00" not in failure.article_id


def test_an_escaped_surrogate_pair_is_one_character_not_a_failure() -> None:
    art = record(json.loads('{"id": "e", "text": "drone \\ud83d\\ude80 frappe"}'))
    assert isinstance(art, Article) and "\U0001f680" in art.text


def test_text_over_the_limit_is_refused() -> None:
    failure = record({"id": "big", "text": "x" * (MAX_ARTICLE_CHARS + 1)})
    assert isinstance(failure, ArticleFailure)
    assert f"over the limit of {MAX_ARTICLE_CHARS:,}" in failure.cause


# --- any exception on one article is that article's failure --------------------------


def test_a_bug_met_on_one_article_fails_that_article_only(pipeline, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    original = type(pipeline)._extract

    def buggy(self, an):  # type: ignore[no-untyped-def]
        if an.article.id == "boom":
            raise OverflowError("date value out of range")
        return original(self, an)

    monkeypatch.setattr(type(pipeline), "_extract", buggy)
    good = Article(id="ok", text=GOOD_TEXT.format(day="lundi", n=3), language="fr")
    boom = Article(id="boom", text=GOOD_TEXT.format(day="mardi", n=4), language="fr")
    result = pipeline.run_detailed([boom, good])
    [failure] = result.failures
    assert failure.article_id == "boom"
    assert (
        failure.cause == "internal error while extracting events from the article "
        "(OverflowError: date value out of range)"
    )
    assert "report it as a bug" in failure.fix
    assert result.articles_read == 1 and result.events
    assert {m.article_id for e in result.events for m in e.mentions} == {"ok"}


def test_a_bug_while_segmenting_fails_that_article_only(pipeline, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import veille.pipeline as module

    original = module.segment_article

    def buggy(article, *args):  # type: ignore[no-untyped-def]
        if article.id == "boom":
            raise KeyError("x")
        return original(article, *args)

    monkeypatch.setattr(module, "segment_article", buggy)
    items = [
        Article(id="boom", text="Une frappe à Gao.", language="fr"),
        Article(id="ok", text=GOOD_TEXT.format(day="lundi", n=3), language="fr"),
    ]
    result = pipeline.run_detailed(items)
    assert [f.article_id for f in result.failures] == ["boom"]
    assert "internal error while segmenting the article (KeyError" in result.failures[0].cause
    assert result.articles_read == 1


class _OverflowingPipeline(SyntheticPipeline):
    def process_article(self, article: Article):  # type: ignore[no-untyped-def]
        if article.id == "boom":
            raise OverflowError("date value out of range")
        return super().process_article(article)


def test_store_ingest_goes_on_after_a_processor_bug(tmp_path: Path) -> None:
    items = [synthetic_item(i) for i in range(3)]
    boom = Article(id="boom", text="Une frappe.", language="fr")
    with open_store(f"sqlite:///{tmp_path / 's.sqlite'}") as store:
        report = store.ingest(
            [items[0].article, boom, items[1].article, items[2].article],
            _OverflowingPipeline(items),
        )
        assert report.articles_added == 3
        [failure] = report.failures
        assert failure.article_id == "boom" and "OverflowError" in failure.cause
        assert [f.article_id for f in store.ingest_errors(report.run_id)] == ["boom"]


def test_store_ingest_goes_on_after_a_bug_while_storing(tmp_path: Path) -> None:
    items = [synthetic_item(i) for i in range(2)]
    bad = items[0].event.model_copy(update={"event_date": date(9999, 12, 31)})
    pipeline = SyntheticPipeline(items)
    pipeline._by_id[items[0].article.id] = items[0].__class__(
        article=items[0].article, source=items[0].source, event=bad
    )
    with open_store(f"sqlite:///{tmp_path / 's.sqlite'}") as store:
        report = store.ingest([items[0].article, items[1].article], pipeline)
        assert report.articles_added == 1
        [failure] = report.failures
        assert "internal error while storing the article (OverflowError" in failure.cause
        assert store.article(items[0].article.id) is None  # rolled back, not half stored
        assert store.article(items[1].article.id) is not None


# --- property: nothing the reader accepts makes the pipeline raise ------------------

_DATE_WORDS = [
    "9999-12-31", "0001-01-01", "31/12/9999", "1/1/0001", "dimanche", "hier", "la veille",
    "yesterday", "Sunday", "le 3 mars", "en 1850", "in 2099", "frappe", "drone", "Gao",
    "tués", "killed", "strike", "Mali", "أمس", "غارة", ".", "\n",
]  # fmt: skip
_records = st.fixed_dictionaries(
    {
        "id": st.text(min_size=1, max_size=6),
        "text": st.lists(
            st.one_of(st.sampled_from(_DATE_WORDS), st.text(max_size=6)), min_size=1, max_size=30
        ).map(" ".join),
    },
    optional={
        "published": st.one_of(
            st.dates().map(date.isoformat),
            st.sampled_from(["0001-01-01", "9999-12-31", "1900-01-01", "2100-12-31", ""]),
        ),
        "language": st.sampled_from(["fr", "en", "ar", "auto"]),
        "title": st.text(max_size=5),
    },
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(item=_records)
def test_run_detailed_never_raises_on_a_record_the_reader_accepts(pipeline, item) -> None:  # type: ignore[no-untyped-def]
    read = record(item)
    if isinstance(read, ArticleFailure):
        assert read.cause
        return
    result = pipeline.run_detailed([read])
    assert result.articles_read + len(result.failures) == 1
    for event in result.events:
        assert event.event_date is None or date(1900, 1, 1) <= event.event_date


# --- the batch of the issue: 1,000 records, 50 of them hostile -----------------------

N_ARTICLES = 1000
N_BAD = 50


def _hostile(k: int) -> str:
    kind = k % 5
    if kind == 0:
        return json.dumps(
            {"id": f"bad-{k}", "published": "9999-12-31", "text": "Le 9999-12-31, une frappe."}
        )
    if kind == 1:
        return json.dumps(
            {
                "id": f"bad-{k}",
                "language": "fr",
                "published": "0001-01-01",
                "text": "Dimanche, hier, une frappe.",
            }
        )
    if kind == 2:
        return '{"id": "bad-' + str(k) + '", "text": "une frappe \\ud800 à Gao"}'
    if kind == 3:
        return '{"id": "bad-' + str(k) + '\\u0000", "text": "une frappe à Gao"}'
    return json.dumps({"id": f"bad-{k}", "text": "x" * (MAX_ARTICLE_CHARS + 1_000_000)})


def batch_lines(total: int = N_ARTICLES) -> tuple[list[str], set[str]]:
    """``total`` JSONL records, ``N_BAD`` of them hostile (spread evenly)."""
    lines: list[str] = []
    good: set[str] = set()
    for i in range(total):
        if i % (total // N_BAD) == total // N_BAD - 1:
            lines.append(_hostile(i))
            continue
        text = GOOD_TEXT.format(day=DAYS[i % 7], n=2 + i % 9) + f" Dépêche n° {i}."
        lines.append(
            json.dumps({"id": f"ok-{i}", "text": text, "language": "fr", "published": "2024-03-09"})
        )
        good.add(f"ok-{i}")
    return lines, good


def test_batch_of_1000_with_50_hostile_records_through_extract(tmp_path: Path) -> None:
    lines, good = batch_lines()
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "veille", "extract", str(path)],
        capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    errors = [ln for ln in done.stderr.splitlines() if ln.startswith("veille: error:")]
    assert len(errors) == N_BAD
    assert len({e.split(": ")[2] for e in errors}) == N_BAD  # each names its own line
    articles = {
        m["article_id"] for ln in done.stdout.splitlines() for m in json.loads(ln)["mentions"]
    }
    assert articles == good
    assert f"{N_ARTICLES - N_BAD} article(s) read" in done.stderr


def test_batch_of_1000_with_50_hostile_records_through_the_reader(tmp_path: Path) -> None:
    """The same batch in the library (no models): 950 articles, 50 failures, in order."""
    lines, good = batch_lines()
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_inputs([str(path)]))
    assert {i.id for i in items if isinstance(i, Article)} == good
    assert len([i for i in items if isinstance(i, ArticleFailure)]) == N_BAD


# --- the API door: the same record check, the same per-item failures ----------------

TOKEN = "a-long-enough-test-token-0123456789"


def _api(tmp_path: Path, processor: object, max_body: int = 10 * 1024 * 1024):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from veille.api import ApiSettings, create_app

    store = open_store(f"sqlite:///{tmp_path / 'api.sqlite'}")
    settings = ApiSettings(pipeline_factory=lambda: processor, max_body_bytes=max_body)  # type: ignore[arg-type,return-value]
    return store, TestClient(create_app(store, token=TOKEN, settings=settings))


def test_api_ingest_refuses_bad_records_one_by_one(tmp_path: Path) -> None:
    items = [synthetic_item(i) for i in range(3)]
    good = [json.loads(it.article.model_dump_json()) for it in items]
    body = (
        '{"articles": ['
        + json.dumps(good[0])
        + ', {"id": "s", "text": "une frappe \\ud800 à Gao"}'
        + ', {"id": "n\\u0000", "title": "x", "text": "une frappe"}'
        + ', {"id": "big", "text": "'
        + "x" * (MAX_ARTICLE_CHARS + 1_000_000)
        + '"}'
        + ", "
        + json.dumps({**good[1], "origin": "forged.jsonl:1"})
        + ", 42, "
        + json.dumps(good[2])
        + "]}"
    )
    store, client = _api(tmp_path, SyntheticPipeline(items))
    with store:
        r = client.post(
            "/api/ingest",
            content=body.encode("utf-8", "surrogatepass"),
            headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
        )
        assert r.status_code == 200, r.text[:500]
        report = r.json()
        assert report["articles_added"] == 3
        causes = {f["origin"]: f["cause"] for f in report["failures"]}
        assert causes["request[1]"].startswith('"text" holds a lone UTF-16 surrogate')
        assert causes["request[2]"].startswith('"id" holds a NUL character')
        assert "over the limit of 5,000,000" in causes["request[3]"]
        assert "not an object" in causes["request[5]"]
        assert len(causes) == 4
        # a client cannot say where an article came from
        assert {e.origin for e in store.ingest_errors()} == set(causes)
        assert all("forged" not in f["origin"] for f in report["failures"])


def test_batch_with_50_hostile_records_through_the_api(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    """As the 1,000-record batch, with 100 good records: the store compares each new
    event with the stored ones of its place and week, and these all happened in Gao."""
    lines, good = batch_lines(N_BAD * 3)
    body = ('{"articles": [' + ", ".join(lines) + "]}").encode("utf-8")
    store, client = _api(tmp_path, pipeline, max_body=len(body))
    with store:
        r = client.post(
            "/api/ingest",
            content=body,
            headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
        )
        assert r.status_code == 200, r.text[:500]
        report = r.json()
        assert len(report["failures"]) == N_BAD
        assert report["articles_added"] == len(good) == 2 * N_BAD
        stored = {m.article_id for e in store.iter_events() for m in e.mentions}
        assert stored == good


def test_batch_with_50_hostile_records_through_ingest(tmp_path: Path) -> None:
    """``veille ingest`` on the batch (100 good records: see the API test for why)."""
    lines, good = batch_lines(N_BAD * 3)
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'i.sqlite'}"
    done = subprocess.run(
        [sys.executable, "-m", "veille", "ingest", str(path), "--db", db],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 1, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    errors = [ln for ln in done.stderr.splitlines() if ln.startswith("veille: error:")]
    assert len(errors) == N_BAD
    assert f"{len(good)} article(s) added" in done.stderr
    with open_store(db) as store:
        assert {m.article_id for e in store.iter_events() for m in e.mentions} == good


def _feed_item(k: int) -> tuple[str, bool]:
    """An RSS item and whether it is good: 100 good, 50 refused (implausible dates, no
    text, a 6-million-character text), 2 with character references XML forbids (read,
    the reference replaced: they once made feedparser fail the whole feed)."""
    from html import escape

    text = escape(GOOD_TEXT.format(day=DAYS[k % 7], n=2 + k % 9) + f" Dépêche n° {k}.")
    published, good = "Sat, 09 Mar 2024 10:00:00 GMT", True
    if 100 <= k < 120:
        published, good = "Mon, 01 Jan 0001 00:00:00 GMT", False
    elif 120 <= k < 140:
        published, text, good = "Fri, 31 Dec 9999 00:00:00 GMT", "Hier, " + text, False
    elif 140 <= k < 149:
        text, good = " ", False
    elif k == 149:
        text, good = "x" * 6_000_000, False
    elif k >= 150:
        text += " &#0;" if k == 150 else " &#xD800;"
    item = (
        f"<item><guid>g{k}</guid><pubDate>{published}</pubDate>"
        f"<description>{text}</description></item>"
    )
    return item, good


def test_batch_with_50_hostile_items_through_watch(tmp_path: Path) -> None:
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    items = [_feed_item(k) for k in range(152)]
    body = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Flux</title>'
        + "".join(item for item, _ in items)
        + "</channel></rss>"
    ).encode("utf-8")

    class Feed(BaseHTTPRequestHandler):
        def log_message(self, *_args: object) -> None:
            pass

        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Feed)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
    db = f"sqlite:///{tmp_path / 'w.sqlite'}"
    command = ["watch", url, "--db", db, "--once", "--allow-private-addresses"]
    try:
        done = subprocess.run(
            [sys.executable, "-m", "veille", *command],
            capture_output=True,
            text=True,
            timeout=900,
        )
    finally:
        server.shutdown()
        server.server_close()
    assert done.returncode == 1, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    errors = [ln for ln in done.stderr.splitlines() if ln.startswith("veille: error:")]
    assert len(errors) == N_BAD, errors[:3]
    good = sum(ok for _, ok in items)
    assert f"poll: {good} new article(s)" in done.stderr
    with open_store(db) as store:
        stored = {m.article_id for e in store.iter_events() for m in e.mentions}
    assert stored == {f"{url}#g{k}" for k in range(152) if items[k][1]}
