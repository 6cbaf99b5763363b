"""robots.txt and per-host spacing against a real local server."""

from __future__ import annotations

import time

import pytest
from httpserver import Route, RouteServer, http_server  # noqa: F401  (fixture)

from storycheck.watch.polite import PoliteFetcher, RobotsDenied

from .helpers import fast_settings

TEXT = {"Content-Type": "text/plain"}


def test_robots_disallow_is_obeyed_and_cached(http_server: RouteServer) -> None:  # noqa: F811
    http_server.route("/robots.txt", Route(body=b"User-agent: *\nDisallow: /private/\n", headers=TEXT))
    http_server.route("/private/a.html", Route(body=b"<p>secret</p>"))
    http_server.route("/public/a.html", Route(body=b"<p>hello</p>"))
    fetcher = PoliteFetcher(settings=fast_settings())
    with pytest.raises(RobotsDenied, match="disallowed by .*robots.txt"):
        fetcher.get(http_server.url("/private/a.html"))
    assert fetcher.get(http_server.url("/public/a.html")).content == b"<p>hello</p>"
    paths = [path for _, path, _ in http_server.requests]
    assert paths.count("/robots.txt") == 1  # read once per host
    assert "/private/a.html" not in paths


def test_robots_ignored_when_turned_off(http_server: RouteServer) -> None:  # noqa: F811
    http_server.route("/robots.txt", Route(body=b"User-agent: *\nDisallow: /\n", headers=TEXT))
    http_server.route("/a", Route(body=b"<p>x</p>"))
    fetcher = PoliteFetcher(settings=fast_settings(), respect_robots=False)
    assert fetcher.get(http_server.url("/a")).status == 200
    assert [p for _, p, _ in http_server.requests] == ["/a"]


def test_missing_robots_allows_and_failing_robots_denies(http_server: RouteServer) -> None:  # noqa: F811
    http_server.route("/a", Route(body=b"<p>x</p>"))
    assert PoliteFetcher(settings=fast_settings()).get(http_server.url("/a")).status == 200  # robots.txt is a 404
    http_server.route("/robots.txt", Route(status=500, body=b"oops", headers=TEXT))
    with pytest.raises(RobotsDenied, match="could not be read"):
        PoliteFetcher(settings=fast_settings()).get(http_server.url("/a"))


def test_requests_to_one_host_are_spaced(http_server: RouteServer) -> None:  # noqa: F811
    http_server.route("/a", Route(body=b"<p>x</p>"))
    fetcher = PoliteFetcher(settings=fast_settings(host_delay=0.3), respect_robots=False)
    started = time.monotonic()
    for _ in range(3):
        fetcher.get(http_server.url("/a"))
    assert time.monotonic() - started >= 0.6  # two waits of host_delay between three requests


def test_crawl_delay_from_robots_raises_the_spacing(http_server: RouteServer) -> None:  # noqa: F811
    http_server.route("/robots.txt", Route(body=b"User-agent: *\nCrawl-delay: 2\n", headers=TEXT))
    http_server.route("/a", Route(body=b"<p>x</p>"))
    waits: list[float] = []
    fetcher = PoliteFetcher(settings=fast_settings(host_delay=0.1), sleep=waits.append)
    fetcher.get(http_server.url("/a"))
    fetcher.get(http_server.url("/a"))
    assert waits and max(waits) > 1.5  # urllib.robotparser reads whole seconds only
