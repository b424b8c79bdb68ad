"""Hostile feeds and servers (issue 15), on loopback only: each attack is refused in
bounded time and memory, measured in a child process (its own peak RSS; its time
bounded by the subprocess timeout, so no wall-clock assert)."""

from __future__ import annotations

import contextlib
import gzip
import json
import socket
import subprocess
import sys
import threading
import zlib
from collections.abc import Iterator

import pytest

from veille.errors import FetchError
from veille.ingest import FetchPolicy, fetch_url, parse_feed
from veille.model import ArticleFailure

PEAK_RSS_MB = 300
CHILD_TIMEOUT_S = 60

# Fetches url with FetchPolicy(**policy) and prints the refusal and the peak RSS.
CHILD = """
import json, resource, sys
from veille.errors import FetchError
from veille.ingest import FetchPolicy, fetch_url, parse_feed
args = json.loads(sys.argv[1])
cause = None
try:
    if "url" in args:
        fetch_url(args["url"], FetchPolicy(**args["policy"]))
    else:
        items = list(parse_feed(open(args["file"], "rb").read(), origin="feed"))
        cause = " / ".join(getattr(i, "cause", "article") for i in items)
except FetchError as exc:
    cause = exc.cause
try:  # this process image's own peak: ru_maxrss keeps the forking parent's across exec
    status = open("/proc/self/status").read().split("VmHWM:")[1]
    peak_mb = int(status.split()[0]) / 1024
except (OSError, IndexError):
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"cause": cause, "peak_mb": peak_mb}))
"""


def in_child(**args: object) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(args)],
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, object] = json.loads(done.stdout)
    assert isinstance(result["peak_mb"], float) and result["peak_mb"] < PEAK_RSS_MB, result
    return result


# --- entity expansion through a re-encoded feed -------------------------------------


def entity_feed(references: int) -> str:
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "' + "A" * 2000 + '">]>\n'
        '<rss version="2.0"><channel><title>t</title><item><guid>g</guid><description>'
        + "&a;" * references
        + "</description></item></channel></rss>"
    )


@pytest.mark.parametrize("encoding", ["cp037", "utf-16", "latin-1", "utf-8"])
def test_entity_declarations_are_refused_in_any_encoding(encoding: str) -> None:
    [failure] = parse_feed(entity_feed(10).encode(encoding), origin="feed.xml")
    assert isinstance(failure, ArticleFailure)
    assert "declares XML entities" in failure.cause


def test_the_cp037_entity_bomb_is_refused_in_bounded_memory(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bomb.xml"
    path.write_bytes(entity_feed(40_000).encode("cp037"))  # 130 KB; 80 MB expanded
    result = in_child(file=str(path))
    assert "declares XML entities" in str(result["cause"])


def test_an_ebcdic_feed_without_entities_is_still_read() -> None:
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Flux</title><item>'
        "<guid>g1</guid><description>Une frappe de drone a visé Gao.</description>"
        "</item></channel></rss>"
    )
    [article] = parse_feed(feed.encode("cp037"), origin="feed.xml")
    assert not isinstance(article, ArticleFailure)
    assert article.text == "Une frappe de drone a visé Gao."


# --- loopback servers ----------------------------------------------------------------


@contextlib.contextmanager
def raw_server(respond) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A one-connection-at-a-time TCP server on 127.0.0.1 calling ``respond(conn)``."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(5)
                with contextlib.suppress(OSError):
                    conn.recv(65536)  # the request
                    respond(conn, stop)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/feed"
    finally:
        stop.set()
        thread.join(timeout=10)
        listener.close()


def _zeros_gzip(size: int) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(1 << 20)
    parts = [compressor.compress(block) for _ in range(size >> 20)]
    return b"".join([*parts, compressor.flush()])


def compressed_response(body: bytes, encoding: str):  # type: ignore[no-untyped-def]
    def respond(conn: socket.socket, _stop: threading.Event) -> None:
        head = (
            "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
            f"Content-Encoding: {encoding}\r\nContent-Length: {len(body)}\r\n"
            "Connection: close\r\n\r\n"
        )
        conn.sendall(head.encode() + body)

    return respond


@pytest.fixture(scope="module")
def gzip_bomb() -> bytes:
    return _zeros_gzip(1 << 30)  # 1 GiB of zeros in about 1 MB


def test_double_gzip_is_refused_before_any_inflation(gzip_bomb: bytes) -> None:
    double = gzip.compress(gzip_bomb, 9)
    assert len(double) < 10_000
    with raw_server(compressed_response(double, "gzip, gzip")) as url:
        result = in_child(url=url, policy={"allow_private": True, "total_timeout_s": 30})
    assert result["cause"] == "the body is compressed 2 times (Content-Encoding: gzip, gzip)"


def test_one_gzip_layer_is_inflated_only_up_to_the_cap(gzip_bomb: bytes) -> None:
    with raw_server(compressed_response(gzip_bomb, "gzip")) as url:
        result = in_child(url=url, policy={"allow_private": True, "total_timeout_s": 30})
    assert str(result["cause"]).startswith("the body is over the limit of 62,914,560 bytes")


def test_a_gzip_body_within_the_cap_is_read() -> None:
    feed = b'<?xml version="1.0"?><rss version="2.0"><channel><item/></channel></rss>'
    with raw_server(compressed_response(gzip.compress(feed), "gzip")) as url:
        doc = fetch_url(url, FetchPolicy(allow_private=True, total_timeout_s=10))
    assert doc.body == feed


def test_an_unknown_content_encoding_is_refused() -> None:
    with (
        raw_server(compressed_response(b"x", "br")) as url,
        pytest.raises(FetchError, match="unsupported Content-Encoding 'br'"),
    ):
        fetch_url(url, FetchPolicy(allow_private=True, total_timeout_s=10))


def trickling_headers(conn: socket.socket, stop: threading.Event) -> None:
    """Headers one byte at a time, each well within any per-read timeout."""
    conn.sendall(b"HTTP/1.1 200 OK\r\n")
    while not stop.wait(0.3):
        conn.sendall(b"X")  # an endless header name; raises once the client is gone


def test_a_server_trickling_headers_is_cut_at_the_total_deadline() -> None:
    with raw_server(trickling_headers) as url:
        result = in_child(
            url=url, policy={"allow_private": True, "timeout_s": 20, "total_timeout_s": 2}
        )
    assert result["cause"] == "the fetch took longer than 2 s; aborted"


def test_a_trickled_fetch_in_process_says_the_deadline() -> None:
    with (
        raw_server(trickling_headers) as url,
        pytest.raises(FetchError, match=r"took longer than 1\.5 s"),
    ):
        fetch_url(url, FetchPolicy(allow_private=True, timeout_s=20, total_timeout_s=1.5))


# --- article identity per feed (watch) ----------------------------------------------


def rss(*items: tuple[str, str]) -> bytes:
    entries = "".join(
        f"<item><guid>{guid}</guid><description>{text}</description></item>" for guid, text in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{entries}</channel></rss>'.encode()


@contextlib.contextmanager
def feeds(pages: dict[str, bytes]) -> Iterator[str]:
    """An HTTP server on 127.0.0.1 serving ``pages`` (mutable between polls)."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args: object) -> None:
            pass

        def do_GET(self) -> None:
            body = pages.get(self.path, b"")
            self.send_response(200 if self.path in pages else 404)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class NoEvents:
    """A processor that stores each article with no event (no models needed)."""

    def process_article(self, article):  # type: ignore[no-untyped-def]
        from veille.store._synthetic import SyntheticResult

        return SyntheticResult(article, [], [])


def test_two_feeds_may_use_the_same_guid(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from veille.store import open_store
    from veille.store._watch import poll_once

    pages = {"/a": rss(("g1", "Une frappe à Gao.")), "/b": rss(("g1", "Un attentat à Kidal."))}
    with feeds(pages) as base, open_store(f"sqlite:///{tmp_path / 'w.db'}") as store:
        urls = [f"{base}/a", f"{base}/b"]
        report = poll_once(store, NoEvents(), urls, allow_private=True).ingest
        assert report.failures == [] and report.articles_added == 2
        assert store.article(f"{base}/a#g1") is not None
        assert store.article(f"{base}/b#g1") is not None


def test_a_failing_entry_is_recorded_once_not_on_every_poll(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from veille.store import open_store
    from veille.store._watch import poll_once

    pages = {"/a": rss(("g1", "Une frappe à Gao."), ("g2", "Un texte."))}
    with feeds(pages) as base, open_store(f"sqlite:///{tmp_path / 'w.db'}") as store:
        urls = [f"{base}/a"]
        assert poll_once(store, NoEvents(), urls, allow_private=True).ingest.articles_added == 2
        # the feed now reuses g1 with other text, and holds an entry with no text
        pages["/a"] = rss(("g1", "Autre texte, même guid."), ("g3", " "), ("g2", "Un texte."))
        polls = [poll_once(store, NoEvents(), urls, allow_private=True).ingest for _ in range(3)]
        assert all(len(p.failures) == 2 for p in polls)  # each poll's report still says so
        rows = store.ingest_errors()
        assert len(rows) == 2, rows  # but the store holds each failure once
        assert {r.article_id for r in rows} == {f"{base}/a#g1", f"{base}/a#g3"}


def test_a_forbidden_character_reference_costs_no_other_entry() -> None:
    feed = rss(("a", "une &#xD800; frappe"), ("b", "une &#0; frappe"), ("c", "Une frappe."))
    items = list(parse_feed(feed, origin="feed.xml"))
    assert [getattr(i, "id", None) for i in items] == ["a", "b", "c"]
    assert [getattr(i, "text", None) for i in items][:2] == ["une \ufffd frappe"] * 2
