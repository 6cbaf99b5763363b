"""HTTP fetching: the only module in storycheck that touches the network.

Redirects are followed by hand rather than by httpx so that a loop can be named
as a loop, and so the SSRF guard can check every hop (a public URL may redirect
to 169.254.169.254). Bodies are streamed and abandoned as soon as they pass the
size cap or the overall deadline, so one bad server cannot stall a batch.
"""

from __future__ import annotations

import datetime as _dt
import functools
import ipaddress
import socket
import ssl
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from storycheck.errors import FetchError, IngestError
from storycheck.settings import Settings

if TYPE_CHECKING:
    import httpx

ACCEPT = (
    "text/html,application/xhtml+xml,application/json;q=0.9,application/rss+xml,"
    "application/atom+xml,application/xml;q=0.8,text/plain;q=0.8,*/*;q=0.1"
)
_TEXT_TYPES = {
    "text/html",
    "text/plain",
    "text/xml",
    "text/markdown",
    "application/xhtml+xml",
    "application/json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/x-ndjson",
    "application/feed+json",
}
_REDIRECTS = {301, 302, 303, 307, 308}


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What one GET returned. ``headers`` has lower-case names; ``content`` is empty for 304."""

    url: str  # as requested
    final_url: str  # after redirects: relative links in the page resolve against it
    status: int
    headers: Mapping[str, str] = field(default_factory=dict)
    content: bytes = b""
    fetched_at: str = ""

    @property
    def content_type(self) -> str | None:
        mime = self.headers.get("content-type", "").split(";")[0].strip().lower()
        return mime or None

    @property
    def charset(self) -> str | None:
        for param in self.headers.get("content-type", "").split(";")[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'").lower()
        return None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def fetch_url(
    url: str,
    *,
    settings: Settings,
    headers: Mapping[str, str] | None = None,
    public_only: bool = False,
) -> FetchResult:
    """GET ``url`` within the configured limits; raises FetchError with a one-line reason.

    ``headers`` pass through (``If-None-Match``/``If-Modified-Since`` for the watcher's
    conditional GETs); a 304 comes back as a result, not an error. ``public_only``
    runs ``check_public_url`` on every hop.
    """
    import httpx

    _check_scheme(url)
    request_headers = {"User-Agent": settings.user_agent, "Accept": ACCEPT, **(headers or {})}
    timeout = httpx.Timeout(settings.fetch_timeout)
    deadline = time.monotonic() + settings.fetch_deadline
    chain = [url]
    current = url
    with httpx.Client(timeout=timeout, follow_redirects=False, headers=request_headers, verify=_tls_context()) as client:
        for _hop in range(settings.fetch_max_redirects + 1):
            if public_only:
                check_public_url(current)
            try:
                with client.stream("GET", current) as response:
                    if response.status_code in _REDIRECTS and "location" in response.headers:
                        target = urljoin(current, response.headers["location"])
                        if target in chain:
                            loop = " -> ".join([*chain[chain.index(target) :], target])
                            raise FetchError(url, f"redirect loop ({loop})", status=response.status_code)
                        _check_scheme(target, source=url)
                        chain.append(target)
                        current = target
                        continue
                    return _finish(url, current, response, settings=settings, deadline=deadline)
            except httpx.HTTPError as exc:
                raise FetchError(url, _transport_reason(exc, settings)) from exc
    raise FetchError(url, f"more than {settings.fetch_max_redirects} redirects (fetch_max_redirects): {' -> '.join(chain)}")


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """One TLS context per process: building it loads the CA bundle (~90 ms), which dominated
    fetching from a fast server when every fetch built its own."""
    try:
        import certifi
    except ImportError:  # pragma: no cover - httpx depends on certifi
        return ssl.create_default_context()
    return ssl.create_default_context(cafile=certifi.where())


def _finish(url: str, final_url: str, response: httpx.Response, *, settings: Settings, deadline: float) -> FetchResult:
    fetched_at = _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()
    headers = {k.lower(): v for k, v in response.headers.items()}
    status = response.status_code
    if status == 304:
        return FetchResult(url, final_url, status, headers, b"", fetched_at)
    if not 200 <= status < 300:
        phrase = response.reason_phrase or ""
        raise FetchError(url, f"HTTP {status} {phrase}".strip(), status=status, retry_after=headers.get("retry-after"))
    mime = (headers.get("content-type") or "").split(";")[0].strip().lower()
    if mime and not _is_text_type(mime):
        raise FetchError(url, f"refused content type {mime}: not an article (HTML, text, JSON or a feed expected)", status=status)
    cap = settings.fetch_max_bytes
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise FetchError(
            url, f"response is {human_size(int(declared))}, over the {human_size(cap)} limit (fetch_max_bytes)", status=status
        )
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > cap:
            raise FetchError(
                url, f"response passed the {human_size(cap)} limit (fetch_max_bytes); download stopped", status=status
            )
        if time.monotonic() > deadline:
            raise FetchError(url, f"download took longer than {settings.fetch_deadline:g} s (fetch_deadline)", status=status)
        chunks.append(chunk)
    return FetchResult(url, final_url, status, headers, b"".join(chunks), fetched_at)


def _is_text_type(mime: str) -> bool:
    return mime in _TEXT_TYPES or mime.endswith(("+xml", "+json"))


def _check_scheme(url: str, *, source: str | None = None) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        raise FetchError(source or url, f"not an http(s) URL: {url}")


def _transport_reason(exc: Exception, settings: Settings) -> str:
    import httpx

    if isinstance(exc, httpx.ConnectTimeout):
        return f"timed out connecting after {settings.fetch_timeout:g} s (fetch_timeout)"
    if isinstance(exc, httpx.TimeoutException):
        return f"server stopped responding for {settings.fetch_timeout:g} s (fetch_timeout)"
    if isinstance(exc, httpx.ConnectError):
        text = str(exc).lower()
        if "refused" in text:
            return "cannot connect: connection refused (nothing listening there)"
        if "name or service" in text or "resolution" in text or "nodename" in text or "getaddrinfo" in text:
            return "cannot connect: host name does not resolve"
        return f"cannot connect: {exc}"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"server broke off the response ({exc})"
    if isinstance(exc, httpx.TooManyRedirects):
        return f"more than {settings.fetch_max_redirects} redirects"
    return f"fetch failed: {type(exc).__name__}: {exc}"


def human_size(n: int) -> str:
    """Sizes in reasons: "50.0 MB", "1.0 kB", "512 bytes" (SI units, as the limits are written)."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f} kB"
    return f"{n} bytes"


def check_public_url(url: str) -> None:
    """Refuse URLs whose host resolves to a private, loopback, link-local or reserved address.

    The web app fetches URLs users type; without this a user could make the server
    read its own admin ports or a cloud metadata endpoint. Every address the name
    resolves to must be public, because the connection may use any of them.
    """
    parts = urlsplit(url)
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        raise IngestError(url, "only http and https URLs with a host can be fetched")
    host = parts.hostname
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:
        raise IngestError(url, "invalid port in URL") from None
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise IngestError(url, f"cannot resolve host {host} ({exc})") from None
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        kind = _non_public_kind(address)
        if kind:
            raise IngestError(
                url, f"refused: {host} resolves to {address} ({kind} address; the allow_private_urls setting permits it)"
            )


def _non_public_kind(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    for kind, flag in (
        # most specific first: is_private is also true of loopback, link-local and unspecified
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("unspecified", address.is_unspecified),
        ("multicast", address.is_multicast),
        ("private", address.is_private),
        ("reserved", address.is_reserved),
    ):
        if flag:
            return kind
    if not address.is_global:
        return "non-public"
    return None
