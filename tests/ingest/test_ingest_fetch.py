"""fetch_url and URL inputs against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import socket
import time
from collections.abc import Mapping
from pathlib import Path

import pytest
from httpserver import Route, RouteServer, closed_port

from storycheck.errors import FetchError, IngestError
from storycheck.ingest import check_public_url, fetch_url, read_sources
from storycheck.model import IngestFailure, RawDocument
from storycheck.settings import Settings

DATA = Path(__file__).resolve().parent.parent / "data" / "ingest"
HTML = {"Content-Type": "text/html; charset=utf-8"}


def read_one(url: str, **settings: object) -> RawDocument | IngestFailure:
    items = list(read_sources([url], settings=Settings(**settings)))
    assert len(items) == 1, items
    return items[0]


def failure_reason(url: str, **settings: object) -> str:
    item = read_one(url, **settings)
    assert isinstance(item, IngestFailure), item
    assert item.source == url and "\n" not in item.reason
    return item.reason


def test_html_page_is_read_with_provenance(http_server: RouteServer) -> None:
    body = (DATA / "folder" / "sub" / "bridge_costs.html").read_bytes()
    http_server.route("/local/bridge-costs.html", Route(body=body, headers=HTML))
    url = http_server.url("/local/bridge-costs.html")
    doc = read_one(url)
    assert isinstance(doc, RawDocument)
    assert doc.format == "html" and doc.content == body.decode("utf-8")
    assert doc.id == "127.0.0.1-local-bridge-costs"
    assert doc.url == url and doc.source.kind == "url" and doc.source.location == url
    assert doc.source.content_type == "text/html" and doc.source.encoding == "utf-8"
    [(_, _, headers)] = http_server.requests
    assert headers["user-agent"].startswith("storycheck/")


def test_header_charset_decodes_latin1(http_server: RouteServer) -> None:
    body = "<p>Le pont a rouvert, dit Inès.</p>".encode("latin-1")
    http_server.route("/fr", Route(body=body, headers={"Content-Type": "text/html; charset=ISO-8859-1"}))
    doc = read_one(http_server.url("/fr"))
    assert isinstance(doc, RawDocument)
    assert doc.source.encoding == "iso8859-1" and "Inès" in doc.content


def test_json_over_http(http_server: RouteServer) -> None:
    http_server.route(
        "/api/article", Route(body=(DATA / "article.json").read_bytes(), headers={"Content-Type": "application/json"})
    )
    doc = read_one(http_server.url("/api/article"))
    assert isinstance(doc, RawDocument)
    assert doc.title == "Council orders audit of bridge invoices" and doc.format == "html"


def test_redirect_is_followed_and_final_url_kept(http_server: RouteServer) -> None:
    http_server.route("/old", Route(status=301, headers={"Location": "/new"}))
    http_server.route("/new", Route(body=b"Plain text after a redirect.", headers={"Content-Type": "text/plain"}))
    result = fetch_url(http_server.url("/old"), settings=Settings())
    assert result.status == 200 and result.final_url == http_server.url("/new")
    assert result.content == b"Plain text after a redirect." and result.content_type == "text/plain"


def test_redirect_loop_is_named_as_a_loop(http_server: RouteServer) -> None:
    http_server.route("/a", Route(status=302, headers={"Location": "/b"}))
    http_server.route("/b", Route(status=302, headers={"Location": "/a"}))
    reason = failure_reason(http_server.url("/a"))
    assert reason.startswith("redirect loop (")
    assert reason.count("->") == 2


def test_too_many_redirects(http_server: RouteServer) -> None:
    for n in range(10):
        http_server.route(f"/r{n}", Route(status=302, headers={"Location": f"/r{n + 1}"}))
    reason = failure_reason(http_server.url("/r0"), fetch_max_redirects=3)
    assert reason.startswith("more than 3 redirects (fetch_max_redirects)")


@pytest.mark.parametrize(("status", "reason"), [(404, "HTTP 404 Not Found"), (500, "HTTP 500 Internal Server Error")])
def test_http_errors(http_server: RouteServer, status: int, reason: str) -> None:
    http_server.route("/x", Route(status=status, body=b"oops", headers={"Content-Type": "text/plain"}))
    assert failure_reason(http_server.url("/x")) == reason


def test_fetch_error_carries_status_and_retry_after(http_server: RouteServer) -> None:
    http_server.route("/busy", Route(status=503, headers={"Retry-After": "120"}))
    with pytest.raises(FetchError) as info:
        fetch_url(http_server.url("/busy"), settings=Settings())
    assert info.value.status == 503 and info.value.retry_after == "120"


def test_unreachable_host_is_connection_refused() -> None:
    url = f"http://127.0.0.1:{closed_port()}/article"
    assert failure_reason(url) == "cannot connect: connection refused (nothing listening there)"


def test_stalled_server_times_out(http_server: RouteServer) -> None:
    http_server.route("/slow", Route(body=b"too late", delay=3.0))
    started = time.monotonic()
    reason = failure_reason(http_server.url("/slow"), fetch_timeout=0.3)
    assert reason == "server stopped responding for 0.3 s (fetch_timeout)"
    assert time.monotonic() - started < 2.5


def test_trickling_server_hits_the_deadline(http_server: RouteServer) -> None:
    # each chunk arrives before the read timeout, so only the overall deadline stops it
    http_server.route("/trickle", Route(body=b"x" * 20_000, body_delay=0.1, headers={"Content-Type": "text/plain"}))
    reason = failure_reason(http_server.url("/trickle"), fetch_timeout=2.0, fetch_deadline=0.5)
    assert reason == "download took longer than 0.5 s (fetch_deadline)"


def test_size_cap_from_content_length(http_server: RouteServer) -> None:
    http_server.route("/big", Route(body=b"a" * 5000, headers={"Content-Type": "text/plain"}))
    assert (
        failure_reason(http_server.url("/big"), fetch_max_bytes=1000)
        == "response is 5.0 kB, over the 1.0 kB limit (fetch_max_bytes)"
    )


def test_size_cap_while_streaming_without_content_length(http_server: RouteServer) -> None:
    http_server.route("/stream", Route(body=b"b" * 200_000, headers={"Content-Type": "text/plain"}, send_length=False))
    reason = failure_reason(http_server.url("/stream"), fetch_max_bytes=50_000)
    assert reason == "response passed the 50.0 kB limit (fetch_max_bytes); download stopped"


@pytest.mark.parametrize("mime", ["image/png", "application/pdf", "application/octet-stream"])
def test_non_article_content_types_are_refused(http_server: RouteServer, mime: str) -> None:
    http_server.route("/file", Route(body=b"\x89PNG....", headers={"Content-Type": mime}))
    assert (
        failure_reason(http_server.url("/file"))
        == f"refused content type {mime}: not an article (HTML, text, JSON or a feed expected)"
    )


def test_feed_url_yields_its_entries(http_server: RouteServer) -> None:
    http_server.route("/feed", Route(body=(DATA / "feed.atom").read_bytes(), headers={"Content-Type": "application/atom+xml"}))
    items = list(read_sources([http_server.url("/feed")], settings=Settings()))
    assert [d.url for d in items if isinstance(d, RawDocument)] == ["https://harbour-radio.example/news/ferry"]


def test_conditional_get_passes_headers_and_returns_304(http_server: RouteServer) -> None:
    def feed(headers: Mapping[str, str]) -> Route:
        if headers.get("if-none-match") == '"v1"':
            return Route(status=304, headers={"ETag": '"v1"'})
        return Route(
            body=b"<rss version='2.0'><channel></channel></rss>", headers={"Content-Type": "application/rss+xml", "ETag": '"v1"'}
        )

    http_server.route("/feed.xml", feed)
    first = fetch_url(http_server.url("/feed.xml"), settings=Settings())
    assert first.status == 200 and first.headers["etag"] == '"v1"' and not first.not_modified
    second = fetch_url(http_server.url("/feed.xml"), settings=Settings(), headers={"If-None-Match": first.headers["etag"]})
    assert second.not_modified and second.content == b""


def test_public_only_refuses_loopback(http_server: RouteServer) -> None:
    http_server.route("/x", Route(body=b"hi", headers={"Content-Type": "text/plain"}))
    with pytest.raises(IngestError, match=r"resolves to 127.0.0.1 \(loopback address"):
        fetch_url(http_server.url("/x"), settings=Settings(), public_only=True)
    assert http_server.requests == []  # refused before any connection


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://127.0.0.1/", "loopback"),
        ("http://localhost:8080/admin", "loopback"),
        ("http://10.1.2.3/", "private"),
        ("http://192.168.0.10/", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[::1]/", "loopback"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://100.64.0.1/", "non-public"),
    ],
)
def test_check_public_url_refuses_private_addresses(url: str, kind: str) -> None:
    with pytest.raises(IngestError) as info:
        check_public_url(url)
    assert f"({kind} address;" in info.value.reason


def test_check_public_url_accepts_public_literal_and_refuses_other_schemes() -> None:
    check_public_url("https://93.184.215.14/news")  # a literal public address: no DNS needed
    with pytest.raises(IngestError, match="only http and https"):
        check_public_url("file:///etc/passwd")


def test_check_public_url_unresolvable_host() -> None:
    try:
        socket.getaddrinfo("no-such-host.invalid", 80)
    except socket.gaierror:
        pass
    else:  # pragma: no cover - a resolver that answers for .invalid
        pytest.skip("this resolver answers for .invalid names")
    with pytest.raises(IngestError, match="cannot resolve host no-such-host.invalid"):
        check_public_url("http://no-such-host.invalid/")


def test_untrusted_inputs_are_urls_to_public_hosts_only(http_server: RouteServer) -> None:
    http_server.route("/page", Route(body=b"<p>hello</p>", headers=HTML))
    inputs = [str(DATA / "folder"), "/etc/passwd", "-", http_server.url("/page")]
    items = list(read_sources(inputs, settings=Settings(), untrusted=True))
    reasons = [i.reason for i in items if isinstance(i, IngestFailure)]
    assert reasons[:3] == ["only http and https URLs are accepted here"] * 3
    assert "loopback address" in reasons[3] and http_server.requests == []
    # the operator can allow private addresses (an intranet deployment)
    [doc] = read_sources([http_server.url("/page")], settings=Settings(allow_private_urls=True), untrusted=True)
    assert isinstance(doc, RawDocument)


def test_public_redirect_to_private_address_is_refused_at_the_hop(
    http_server: RouteServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the guard checks every hop, so a redirect cannot smuggle the fetch onto a private address;
    # the test server itself is on loopback, so its own (first) hop is let through here
    from storycheck.ingest import fetch as fetch_module

    http_server.route("/hop", Route(status=302, headers={"Location": "http://10.0.0.7/admin"}))
    checked: list[str] = []
    real_check = fetch_module.check_public_url

    def first_hop_allowed(url: str) -> None:
        checked.append(url)
        if len(checked) > 1:
            real_check(url)

    monkeypatch.setattr(fetch_module, "check_public_url", first_hop_allowed)
    with pytest.raises(IngestError, match=r"10\.0\.0\.7 \(private address"):
        fetch_url(http_server.url("/hop"), settings=Settings(), public_only=True)
    assert checked == [http_server.url("/hop"), "http://10.0.0.7/admin"]


def test_empty_response(http_server: RouteServer) -> None:
    http_server.route("/empty", Route(body=b"", headers=HTML))
    assert failure_reason(http_server.url("/empty")) == "empty response (0 bytes)"
