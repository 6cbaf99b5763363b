"""Helpers for the watcher tests: fast settings and the example story served over real HTTP."""

from __future__ import annotations

from pathlib import Path

from httpserver import Route, RouteServer

from storycheck.settings import Settings

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "harbour-strike"
PLACEHOLDER = b"http://127.0.0.1:8765/"
CONTENT_TYPES = {
    ".txt": "text/plain; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/rss+xml; charset=utf-8",
}


def fast_settings(**overrides: object) -> Settings:
    """No politeness pauses and short timeouts: the servers are local and the tests time-boxed."""
    values: dict[str, object] = {"host_delay": 0.0, "fetch_timeout": 1.0, "fetch_deadline": 5.0, "webhook_backoff": 0.1}
    values.update(overrides)
    return Settings(**values)


def example_feed(server: RouteServer, *, names: list[str] | None = None) -> bytes:
    """The example feed with links pointing at ``server``; ``names`` keeps only those items."""
    feed = (EXAMPLE / "feed.xml").read_bytes().replace(PLACEHOLDER, server.url("/").encode())
    if names is not None:
        head, _, rest = feed.partition(b"<item>")
        items = [b"<item>" + part for part in rest.split(b"<item>")]
        tail = b"\n  </channel>\n</rss>\n"
        items = [i.split(b"</channel>")[0] for i in items]
        kept = [i for i in items if any(n.encode() in i for n in names)]
        feed = head + b"".join(kept) + tail
    return feed


def serve_example(server: RouteServer, *, feed_names: list[str] | None = None) -> str:
    """Route every example file and the feed; returns the feed URL."""
    for path in EXAMPLE.iterdir():
        if path.suffix in CONTENT_TYPES and path.name != "feed.xml":
            server.route(f"/{path.name}", Route(body=path.read_bytes(), headers={"Content-Type": CONTENT_TYPES[path.suffix]}))
    server.route("/feed.xml", Route(body=example_feed(server, names=feed_names), headers={"Content-Type": CONTENT_TYPES[".xml"]}))
    return server.url("/feed.xml")
