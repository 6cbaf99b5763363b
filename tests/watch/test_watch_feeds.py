"""The watcher against real local servers: failures, back-off, size cap, stalls, conditional GET."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from httpserver import Route, RouteServer, http_server  # noqa: F401  (fixture)

from storycheck.store import Store
from storycheck.watch.sources import WatchSource
from storycheck.watch.watcher import Watcher

from .helpers import fast_settings

RSS = {"Content-Type": "application/rss+xml"}


def rss(server: RouteServer, items: list[tuple[str, str]], *, extra: str = "") -> bytes:
    """A feed whose items (guid, path) link to ``server``."""
    body = "".join(
        f"<item><title>Item {guid}</title><link>{server.url(path)}</link><guid>{guid}</guid>{extra}</item>" for guid, path in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>{server.url("/")}</link>{body}</channel></rss>'.encode()


def _watcher(store: Store, urls: list[str], **settings: object) -> tuple[Watcher, list[str]]:
    problems: list[str] = []
    watcher = Watcher([WatchSource(u) for u in urls], store=store, settings=fast_settings(**settings), every=60.0,
                      respect_robots=False, emit=lambda _line: None, warn=problems.append)
    return watcher, problems


def test_server_errors_back_off_exponentially_and_the_batch_goes_on(http_server: RouteServer, tmp_path: Path) -> None:  # noqa: F811
    http_server.route("/broken.xml", Route(status=500, body=b"Internal error", headers={"Content-Type": "text/plain"}))
    http_server.route("/ok.xml", Route(body=rss(http_server, [("g1", "/gone.html")]), headers=RSS))
    with Store.open(tmp_path / "w.db") as store:
        watcher, problems = _watcher(store, [http_server.url("/broken.xml"), http_server.url("/ok.xml")])
        summary = watcher.poll(only_due=True)
        assert summary.polled == 2
        assert any(p.startswith(http_server.url("/broken.xml") + ": HTTP 500") for p in problems)
        state = store.feed_state(http_server.url("/broken.xml"))
        assert state is not None and state.failures == 1 and state.last_error == "HTTP 500 Internal Server Error"
        first_wait = dt.datetime.fromisoformat(state.next_poll) - dt.datetime.fromisoformat(state.last_polled)
        assert first_wait == dt.timedelta(seconds=60)
        ok = store.feed_state(http_server.url("/ok.xml"))
        assert ok is not None and ok.failures == 0
        # not due yet: a normal pass skips both sources
        assert watcher.poll(only_due=True).polled == 0
        # forced pass (like --once): the failure count grows and the wait doubles
        watcher.poll(only_due=False)
        state = store.feed_state(http_server.url("/broken.xml"))
        assert state is not None and state.failures == 2
        second_wait = dt.datetime.fromisoformat(state.next_poll) - dt.datetime.fromisoformat(state.last_polled)
        assert second_wait == dt.timedelta(seconds=120)
        # recovery resets the count
        http_server.route("/broken.xml", Route(body=rss(http_server, []), headers=RSS))
        watcher.poll(only_due=False)
        state = store.feed_state(http_server.url("/broken.xml"))
        assert state is not None and state.failures == 0 and state.last_error is None


def test_malformed_stalled_and_oversized_feeds_fail_clearly(http_server: RouteServer, tmp_path: Path) -> None:  # noqa: F811
    http_server.route("/bad.xml", Route(body=b'<?xml version="1.0"?><rss><channel><item><title>broken &amp</titl', headers=RSS))
    http_server.route("/stall.xml", Route(body=rss(http_server, []), headers=RSS, delay=3.0))
    huge = rss(http_server, [(f"g{n}", f"/a{n}.html") for n in range(2000)])
    assert len(huge) > 100_000
    http_server.route("/huge.xml", Route(body=huge, headers=RSS))
    http_server.route("/fine.xml", Route(body=rss(http_server, [("g1", "/missing.html")]), headers=RSS))
    urls = [http_server.url(p) for p in ("/bad.xml", "/stall.xml", "/huge.xml", "/fine.xml")]
    with Store.open(tmp_path / "w.db") as store:
        watcher, problems = _watcher(store, urls, fetch_timeout=0.5, fetch_max_bytes=100_000)
        started = time.monotonic()
        summary = watcher.poll(only_due=False)
        assert time.monotonic() - started < 2.5  # the stalled server cost one timeout, not its whole delay
        by_source = {p.split(": ")[0]: p for p in problems}
        assert "not a readable RSS or Atom feed" in by_source[urls[0]] or "not an RSS or Atom feed" in by_source[urls[0]]
        assert "stopped responding" in by_source[urls[1]] and "fetch_timeout" in by_source[urls[1]]
        assert "fetch_max_bytes" in by_source[urls[2]]
        # the source after the failures was still read, and its dead link reported against the link
        assert any(p.startswith(http_server.url("/missing.html") + ": HTTP 404") for p in problems)
        assert summary.polled == 4
        assert [store.feed_state(u).failures for u in urls] == [1, 1, 1, 0]  # type: ignore[union-attr]


def test_conditional_get_sends_validators_and_accepts_304(http_server: RouteServer, tmp_path: Path) -> None:  # noqa: F811
    feed = rss(http_server, [("g1", "/gone.html"), ("g2", "/gone2.html")])

    def respond(headers: dict[str, str]) -> Route:
        if headers.get("if-none-match") == '"v7"':
            return Route(status=304, body=b"", headers={"ETag": '"v7"'})
        return Route(body=feed, headers={**RSS, "ETag": '"v7"', "Last-Modified": "Wed, 11 Mar 2026 08:30:00 GMT"})

    http_server.route("/feed.xml", respond)
    with Store.open(tmp_path / "w.db") as store:
        watcher, _ = _watcher(store, [http_server.url("/feed.xml")])
        watcher.poll(only_due=False)
        state = store.feed_state(http_server.url("/feed.xml"))
        assert state is not None and state.etag == '"v7"' and state.last_modified == "Wed, 11 Mar 2026 08:30:00 GMT"
        summary = watcher.poll(only_due=False)
        assert summary.not_modified == 1
        feed_requests = [h for _, path, h in http_server.requests if path == "/feed.xml"]
        assert "if-none-match" not in feed_requests[0]
        assert feed_requests[1]["if-none-match"] == '"v7"'
        assert feed_requests[1]["if-modified-since"] == "Wed, 11 Mar 2026 08:30:00 GMT"
        # the dead links were tried once (4xx is permanent), not again on the 304 poll
        assert [p for _, p, _ in http_server.requests].count("/gone.html") == 1


def test_validators_are_not_kept_while_an_entry_waits_for_a_retry(http_server: RouteServer, tmp_path: Path) -> None:  # noqa: F811
    http_server.route("/feed.xml", Route(body=rss(http_server, [("g1", "/flaky.html")]), headers={**RSS, "ETag": '"x"'}))
    http_server.route("/flaky.html", Route(status=503, body=b"busy", headers={"Content-Type": "text/plain"}))
    with Store.open(tmp_path / "w.db") as store:
        watcher, problems = _watcher(store, [http_server.url("/feed.xml")])
        watcher.poll(only_due=False)
        state = store.feed_state(http_server.url("/feed.xml"))
        assert state is not None and state.etag is None  # a 304 next time would hide the entry still to do
        assert any("HTTP 503" in p for p in problems)
        watcher.poll(only_due=False)
        assert [p for _, p, _ in http_server.requests].count("/flaky.html") == 2
