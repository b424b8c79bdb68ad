"""Fetching one URL safely: http(s) only, size and time caps, SSRF-checked redirects."""

from __future__ import annotations

import ipaddress
import socket
import ssl
import time
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from veille.errors import FetchError
from veille.ingest._limits import MAX_DOCUMENT_BYTES

_SCHEMES: Final = frozenset({"http", "https"})
_REDIRECTS: Final = frozenset({301, 302, 303, 307, 308})
# Content-Encoding values decoded (one layer at most), and zlib's window for each.
_DECODERS: Final = {
    "gzip": 16 + zlib.MAX_WBITS,
    "x-gzip": 16 + zlib.MAX_WBITS,
    "deflate": 32 + zlib.MAX_WBITS,
}
_USER_AGENT: Final = "veille/0.1 (offline conflict-event extraction)"

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """What ``fetch_url`` may do. The defaults suit fetching news pages and feeds."""

    #: Seconds for connecting, and for each read or write.
    timeout_s: float = 20.0
    #: Seconds for the whole fetch: every connection, every header byte, every redirect
    #: and the body; each socket operation waits at most what is left of it.
    total_timeout_s: float = 60.0
    #: Largest body kept; a longer one is aborted while streaming.
    max_bytes: int = MAX_DOCUMENT_BYTES
    #: Redirect hops followed, each one checked like the first URL.
    max_redirects: int = 5
    #: Allow loopback, private, link-local and other non-public addresses (tests,
    #: intranets). Off by default: a URL from a feed must not reach internal services.
    allow_private: bool = False
    user_agent: str = _USER_AGENT


@dataclass(frozen=True, slots=True)
class FetchedDocument:
    """A fetched body with where it finally came from and what the server called it."""

    url: str
    final_url: str
    content_type: str | None
    body: bytes


def fetch_url(url: str, policy: FetchPolicy | None = None) -> FetchedDocument:
    """GET ``url`` under ``policy``; raise ``FetchError`` (cause and fix) on any refusal.

    The host is resolved once per hop and the connection is pinned to the checked
    address (the TLS name stays the host's), so DNS cannot swap in an internal
    address between the check and the connection.
    """
    policy = policy or FetchPolicy()
    deadline = time.monotonic() + policy.total_timeout_s
    current = url
    timeout = httpx.Timeout(policy.timeout_s)
    # trust_env=False: proxies from the environment would bypass the address check.
    with httpx.Client(
        timeout=timeout,
        follow_redirects=False,
        trust_env=False,
        transport=_DeadlineTransport(deadline),
    ) as client:
        for _hop in range(policy.max_redirects + 1):
            if time.monotonic() > deadline:
                raise _too_slow(current, policy)
            request = _pinned_request(client, current, policy)
            try:
                response = client.send(request, stream=True)
            except httpx.HTTPError as exc:
                if time.monotonic() >= deadline:
                    raise _too_slow(current, policy) from exc
                raise FetchError(
                    f"could not fetch the URL ({type(exc).__name__}: {exc})",
                    where=current,
                    fix="check the URL and the network, or fetch the page yourself "
                    "and give the file.",
                ) from exc
            try:
                if response.status_code in _REDIRECTS and "location" in response.headers:
                    current = urljoin(current, response.headers["location"])
                    continue
                if response.status_code >= 400:
                    raise FetchError(
                        f"the server answered HTTP {response.status_code}",
                        where=current,
                        fix="check the URL.",
                    )
                body = _read_capped(response, current, policy, deadline)
                return FetchedDocument(
                    url=url,
                    final_url=current,
                    content_type=response.headers.get("content-type"),
                    body=body,
                )
            finally:
                response.close()
    raise FetchError(
        f"more than {policy.max_redirects} redirects",
        where=url,
        fix="give the final URL directly.",
    )


def check_address(address: IPAddress, *, host: str, policy: FetchPolicy) -> None:
    """Refuse non-public addresses unless the policy allows private ones."""
    if policy.allow_private:
        return
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if not address.is_global or address.is_multicast or address.is_reserved:
        raise FetchError(
            f"refused to fetch from {host} ({address}): not a public address",
            where=host,
            fix="only public http(s) URLs are fetched; for a local server add "
            "--allow-private-addresses to the command (from Python: "
            "FetchPolicy(allow_private=True)).",
        )


def _pinned_request(client: httpx.Client, url: str, policy: FetchPolicy) -> httpx.Request:
    parts = urlsplit(url)
    if parts.scheme.lower() not in _SCHEMES:
        raise FetchError(
            f"unsupported URL scheme {parts.scheme!r}",
            where=url,
            fix="give an http:// or https:// URL.",
        )
    try:
        host = parts.hostname
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError as exc:
        raise FetchError(f"invalid URL ({exc})", where=url, fix="check the URL.") from exc
    if not host:
        raise FetchError("the URL has no host", where=url, fix="check the URL.")
    address = _resolve(host, port, policy)
    target = httpx.URL(url)
    headers = {"User-Agent": policy.user_agent, "Accept-Encoding": "identity"}
    pinned = target.copy_with(host=str(address))
    headers["Host"] = target.netloc.decode("ascii")
    extensions = {"sni_hostname": host} if target.scheme == "https" else {}
    return client.build_request("GET", pinned, headers=headers, extensions=extensions)


def _resolve(host: str, port: int, policy: FetchPolicy) -> IPAddress:
    """The first address of ``host``; every address it resolves to must be allowed."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(
            f"cannot resolve host {host!r} ({exc})",
            where=host,
            fix="check the host name and the network.",
        ) from exc
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]
    if not addresses:
        raise FetchError(f"host {host!r} has no address", where=host, fix="check the URL.")
    for address in addresses:
        check_address(address, host=host, policy=policy)
    return addresses[0]


def _read_capped(response: httpx.Response, url: str, policy: FetchPolicy, deadline: float) -> bytes:
    """The body, decoded from its one content-encoding layer as it streams: the cap
    holds for the bytes received and for the bytes they decompress to, so a small
    compressed bomb is stopped at ``max_bytes`` of output, never inflated whole."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > policy.max_bytes:
        raise FetchError(
            f"the body is {int(declared):,} bytes, over the limit of {policy.max_bytes:,}",
            where=url,
            fix="raise FetchPolicy.max_bytes, or download the document yourself.",
        )
    decoder = _content_decoder(response.headers.get_list("content-encoding"), url)
    body = bytearray()
    received = 0
    try:
        for chunk in response.iter_raw():
            received += len(chunk)
            if received > policy.max_bytes:
                raise _too_big(url, policy)
            if decoder is None:
                body += chunk
            else:
                pending = chunk
                while pending:
                    # at most one byte past the cap is ever inflated
                    body += decoder.decompress(pending, policy.max_bytes - len(body) + 1)
                    if len(body) > policy.max_bytes:
                        raise _too_big(url, policy)
                    pending = decoder.unconsumed_tail
            if len(body) > policy.max_bytes:
                raise _too_big(url, policy)
            if time.monotonic() > deadline:
                raise _too_slow(url, policy)
        if decoder is not None:
            body += decoder.flush()
            if len(body) > policy.max_bytes:
                raise _too_big(url, policy)
    except zlib.error as exc:
        raise FetchError(
            f"the compressed body is corrupt ({exc})",
            where=url,
            fix="retry, or fetch the page yourself and give the file.",
        ) from exc
    except httpx.HTTPError as exc:
        if time.monotonic() >= deadline:
            raise _too_slow(url, policy) from exc
        raise FetchError(
            f"the download failed ({type(exc).__name__}: {exc})",
            where=url,
            fix="retry, or fetch the page yourself and give the file.",
        ) from exc
    return bytes(body)


def _content_decoder(headers: list[str], url: str) -> Any:
    """A zlib decompressor for the response's one content-encoding, None for identity;
    ``FetchError`` for stacked layers (``gzip, gzip``: each multiplies a bomb) or an
    encoding we do not read."""
    layers = [
        name.strip().lower()
        for header in headers
        for name in header.split(",")
        if name.strip() and name.strip().lower() != "identity"
    ]
    if not layers:
        return None
    if len(layers) > 1:
        raise FetchError(
            f"the body is compressed {len(layers)} times (Content-Encoding: {', '.join(layers)})",
            where=url,
            fix="one content-encoding layer at most is read; fetch the document yourself.",
        )
    if layers[0] not in _DECODERS:
        raise FetchError(
            f"unsupported Content-Encoding {layers[0]!r}",
            where=url,
            fix="serve it uncompressed or gzip-compressed, or fetch it yourself.",
        )
    return zlib.decompressobj(_DECODERS[layers[0]])


def _too_big(url: str, policy: FetchPolicy) -> FetchError:
    return FetchError(
        f"the body is over the limit of {policy.max_bytes:,} bytes; aborted",
        where=url,
        fix="raise FetchPolicy.max_bytes, or download the document yourself.",
    )


def _too_slow(url: str, policy: FetchPolicy) -> FetchError:
    return FetchError(
        f"the fetch took longer than {policy.total_timeout_s:g} s; aborted",
        where=url,
        fix="retry later, or raise FetchPolicy.total_timeout_s.",
    )


def _left(deadline: float, timeout: float | None) -> float:
    """What a socket operation may wait: its own timeout, cut to what is left of the
    whole fetch; ``httpcore.ReadTimeout`` once nothing is."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("the fetch's total time is spent")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose every read and write ends by the fetch's deadline, so a
    server trickling one header byte at a time cannot hold the fetch open."""

    def __init__(self, stream: httpcore.NetworkStream, deadline: float) -> None:
        self._stream = stream
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _left(self._deadline, timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _left(self._deadline, timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        inner = self._stream.start_tls(ssl_context, server_hostname, _left(self._deadline, timeout))
        return _DeadlineStream(inner, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's own sockets, each bounded by one deadline (connect included)."""

    def __init__(self, deadline: float) -> None:
        self._inner = httpcore.SyncBackend()
        self._deadline = deadline

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(
            host, port, _left(self._deadline, timeout), local_address, socket_options
        )
        return _DeadlineStream(stream, self._deadline)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class _DeadlineTransport(httpx.HTTPTransport):
    """httpx's transport over ``_DeadlineBackend``: a total deadline for the fetch,
    which httpx's per-operation timeouts alone do not give."""

    def __init__(self, deadline: float) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            network_backend=_DeadlineBackend(deadline),
        )
