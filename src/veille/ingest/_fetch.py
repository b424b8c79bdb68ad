"""Fetching one URL safely: http(s) only, size and time caps, SSRF-checked redirects."""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from typing import Final
from urllib.parse import urljoin, urlsplit

import httpx

from veille.errors import FetchError
from veille.ingest._limits import MAX_DOCUMENT_BYTES

_SCHEMES: Final = frozenset({"http", "https"})
_REDIRECTS: Final = frozenset({301, 302, 303, 307, 308})
_USER_AGENT: Final = "veille/0.1 (offline conflict-event extraction)"

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """What ``fetch_url`` may do. The defaults suit fetching news pages and feeds."""

    #: Seconds for connecting, and for each read or write.
    timeout_s: float = 20.0
    #: Seconds for the whole fetch, redirects and body included.
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
    with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as client:
        for _hop in range(policy.max_redirects + 1):
            if time.monotonic() > deadline:
                raise FetchError(
                    f"the fetch took longer than {policy.total_timeout_s:g} s; aborted",
                    where=current,
                    fix="retry later, or raise FetchPolicy.total_timeout_s.",
                )
            request = _pinned_request(client, current, policy)
            try:
                response = client.send(request, stream=True)
            except httpx.HTTPError as exc:
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
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > policy.max_bytes:
        raise FetchError(
            f"the body is {int(declared):,} bytes, over the limit of {policy.max_bytes:,}",
            where=url,
            fix="raise FetchPolicy.max_bytes, or download the document yourself.",
        )
    body = bytearray()
    try:
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > policy.max_bytes:
                raise FetchError(
                    f"the body is over the limit of {policy.max_bytes:,} bytes; aborted",
                    where=url,
                    fix="raise FetchPolicy.max_bytes, or download the document yourself.",
                )
            if time.monotonic() > deadline:
                raise FetchError(
                    f"the fetch took longer than {policy.total_timeout_s:g} s; aborted",
                    where=url,
                    fix="retry later, or raise FetchPolicy.total_timeout_s.",
                )
    except httpx.HTTPError as exc:
        raise FetchError(
            f"the download failed ({type(exc).__name__}: {exc})",
            where=url,
            fix="retry, or fetch the page yourself and give the file.",
        ) from exc
    return bytes(body)
