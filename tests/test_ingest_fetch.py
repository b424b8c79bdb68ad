"""fetch_url and URL inputs against a local http.server: SSRF refusal, caps, redirects."""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from veille.errors import FetchError
from veille.ingest import FetchPolicy, fetch_url, read_inputs
from veille.ingest import _fetch as fetch_module
from veille.model import Article, ArticleFailure

PAGE = (
    "<html><head><title>Titre</title></head><body><article>"
    "<p>Une frappe de drone a visé une base près de la frontière, selon des sources.</p>"
    "</article></body></html>"
).encode()
FEED = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>Flux</title>'
    b"<item><guid>g1</guid><description>Premier article.</description></item>"
    b"</channel></rss>"
)
LOCAL = FetchPolicy(allow_private=True, timeout_s=2.0, max_bytes=1_000_000)


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        pass

    def send_body(self, body: bytes, content_type: str, *, length: bool = True) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        path = self.path
        if path == "/page.html":
            self.send_body(PAGE, "text/html; charset=utf-8")
        elif path == "/feed":
            self.send_body(FEED, "application/rss+xml")
        elif path == "/host":
            self.send_body(self.headers.get("Host", "").encode(), "text/plain")
        elif path == "/redirect":
            self.redirect("/page.html")
        elif path == "/loop":
            self.redirect("/loop")
        elif path == "/to-file":
            self.redirect("file:///etc/passwd")
        elif path == "/big":  # no Content-Length: the cap must hold while streaming
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            chunk = b"x" * 65536
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # client aborts
                for _ in range(64):
                    self.wfile.write(chunk)
        elif path == "/big-declared":
            self.send_response(200)
            self.send_header("Content-Length", str(10**9))
            self.end_headers()
        elif path == "/slow":
            time.sleep(1.5)
            # the client gives up on its timeout first, as it should
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.send_body(b"late", "text/plain")
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_fetch_page(server: str) -> None:
    document = fetch_url(f"{server}/page.html", LOCAL)
    assert document.body == PAGE
    assert document.content_type == "text/html; charset=utf-8"
    assert document.url == document.final_url == f"{server}/page.html"


def test_default_policy_refuses_loopback(server: str) -> None:
    with pytest.raises(FetchError, match="not a public address") as info:
        fetch_url(f"{server}/page.html")
    assert info.value.fix and "allow_private" in info.value.fix


def test_localhost_name_is_resolved_and_refused(server: str) -> None:
    port = server.rsplit(":", 1)[1]
    with pytest.raises(FetchError, match="not a public address"):
        fetch_url(f"http://localhost:{port}/page.html", FetchPolicy())


def test_dns_answer_is_checked_not_the_name(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_getaddrinfo(host: str, port: int, **_: Any) -> list[Any]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("169.254.169.254", port))]

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    with pytest.raises(FetchError, match=r"news\.example\.org \(169\.254\.169\.254\)"):
        fetch_url("http://news.example.org/a")


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
     "0.0.0.0", "224.0.0.1", "240.0.0.1", "::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1",
     "ff02::1"],
)  # fmt: skip
def test_non_public_addresses_are_refused(address: str) -> None:
    ip = ipaddress.ip_address(address)
    with pytest.raises(FetchError):
        fetch_module.check_address(ip, host="h", policy=FetchPolicy())
    fetch_module.check_address(ip, host="h", policy=FetchPolicy(allow_private=True))


def test_public_address_is_allowed() -> None:
    fetch_module.check_address(
        ipaddress.ip_address("93.184.216.34"), host="h", policy=FetchPolicy()
    )


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x/"])
def test_only_http_schemes(url: str) -> None:
    with pytest.raises(FetchError, match="unsupported URL scheme"):
        fetch_url(url, LOCAL)


def test_redirect_is_followed_and_every_hop_checked(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked: list[str] = []
    resolve = fetch_module._resolve

    def recording_resolve(host: str, port: int, policy: FetchPolicy) -> Any:
        checked.append(host)
        return resolve(host, port, policy)

    monkeypatch.setattr(fetch_module, "_resolve", recording_resolve)
    document = fetch_url(f"{server}/redirect", LOCAL)
    assert document.final_url == f"{server}/page.html"
    assert document.body == PAGE
    assert checked == ["127.0.0.1", "127.0.0.1"]


def test_redirect_to_another_scheme_is_refused(server: str) -> None:
    with pytest.raises(FetchError, match="unsupported URL scheme 'file'"):
        fetch_url(f"{server}/to-file", LOCAL)


def test_redirect_loop_stops(server: str) -> None:
    with pytest.raises(FetchError, match="more than 3 redirects"):
        fetch_url(f"{server}/loop", FetchPolicy(allow_private=True, max_redirects=3))


def test_body_cap_aborts_while_streaming(server: str) -> None:
    with pytest.raises(FetchError, match="over the limit of 1,000,000 bytes; aborted"):
        fetch_url(f"{server}/big", LOCAL)


def test_declared_length_over_cap_is_refused_before_reading(server: str) -> None:
    with pytest.raises(FetchError, match="1,000,000,000 bytes, over the limit"):
        fetch_url(f"{server}/big-declared", LOCAL)


def test_timeout(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match="ReadTimeout"):
        fetch_url(f"{server}/slow", FetchPolicy(allow_private=True, timeout_s=0.3))
    assert time.monotonic() - started < 1.4


def test_http_error_status(server: str) -> None:
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch_url(f"{server}/missing", LOCAL)


def test_connection_pinned_to_checked_address_keeps_host_header(server: str) -> None:
    port = server.rsplit(":", 1)[1]
    document = fetch_url(f"http://localhost:{port}/host", LOCAL)
    assert document.body == f"localhost:{port}".encode()


def test_read_inputs_turns_refusal_into_failure(server: str) -> None:
    (failure,) = read_inputs([f"{server}/page.html"])
    assert isinstance(failure, ArticleFailure)
    assert failure.message().startswith(f"{server}/page.html: refused to fetch from 127.0.0.1")


def test_read_inputs_reads_page_and_feed_by_content_type(server: str) -> None:
    page, entry = read_inputs([f"{server}/page.html", f"{server}/feed"], fetch_policy=LOCAL)
    assert isinstance(page, Article) and isinstance(entry, Article)
    assert page.id == page.url == f"{server}/page.html"
    assert page.text.startswith("Une frappe de drone")
    assert (entry.id, entry.text, entry.outlet) == ("g1", "Premier article.", "Flux")
