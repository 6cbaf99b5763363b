"""Polite fetching for the watcher: one request per host per ``host_delay``, robots.txt obeyed.

robots.txt is read through ``ingest.fetch.fetch_url`` (so the size cap, timeouts and
redirect rules are the same as for articles) and parsed by ``urllib.robotparser``;
each host's rules are cached for ``robots_ttl`` seconds. Following RFC 9309: a
robots.txt that does not exist (4xx) allows everything; one the server fails to
serve (5xx, network error) disallows everything until it can be read.
"""

from __future__ import annotations

import threading
import time
import urllib.robotparser
from collections.abc import Callable, Mapping
from urllib.parse import urlsplit, urlunsplit

from storycheck.errors import FetchError
from storycheck.ingest.fetch import FetchResult, fetch_url
from storycheck.settings import Settings


class RobotsDenied(FetchError):
    """robots.txt forbids the URL for our user agent (not retried until the rules change)."""


class PoliteFetcher:
    """``get(url)``: fetch_url with per-host spacing and robots.txt checks.

    ``sleep`` and ``clock`` are injectable so the spacing can be observed without
    slowing tests; the defaults are the real ones.
    """

    def __init__(
        self,
        *,
        settings: Settings,
        respect_robots: bool = True,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self.respect_robots = respect_robots
        self._sleep = sleep
        self._clock = clock
        self._last: dict[str, float] = {}  # host -> when its last request started
        self._robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser | None]] = {}
        self._lock = threading.Lock()

    def get(self, url: str, *, headers: Mapping[str, str] | None = None) -> FetchResult:
        """GET ``url``; raises FetchError (RobotsDenied when robots.txt forbids it)."""
        if self.respect_robots:
            self._check_robots(url)
        self._wait_turn(url)
        return fetch_url(url, settings=self.settings, headers=headers)

    def _wait_turn(self, url: str) -> None:
        host = _host_key(url)
        delay = float(self.settings.host_delay)
        crawl = self._crawl_delay(host)
        if crawl is not None:
            delay = max(delay, crawl)
        with self._lock:
            last = self._last.get(host)
            now = self._clock()
            wait = 0.0 if last is None else last + delay - now
            self._last[host] = now + max(wait, 0.0)
        if wait > 0:
            self._sleep(wait)

    def _crawl_delay(self, host: str) -> float | None:
        cached = self._robots.get(host)
        if not self.respect_robots or cached is None or cached[1] is None:
            return None
        value = cached[1].crawl_delay(self.settings.user_agent)
        return float(value) if value is not None else None

    def _check_robots(self, url: str) -> None:
        host = _host_key(url)
        cached = self._robots.get(host)
        if cached is None or self._clock() - cached[0] > float(self.settings.robots_ttl):
            cached = (self._clock(), self._read_robots(url))
            self._robots[host] = cached
        parser = cached[1]
        if parser is None:
            del self._robots[host]  # unreadable: ask again next time rather than trusting a failure
            raise RobotsDenied(url, f"robots.txt of {host} could not be read; not fetching until it can (--no-robots skips it)")
        if not parser.can_fetch(self.settings.user_agent, url):
            raise RobotsDenied(url, f"disallowed by {host}/robots.txt (--no-robots ignores it)")

    def _read_robots(self, url: str) -> urllib.robotparser.RobotFileParser | None:
        parts = urlsplit(url)
        robots_url = urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))
        parser = urllib.robotparser.RobotFileParser(robots_url)
        self._wait_turn(robots_url)
        try:
            result = fetch_url(robots_url, settings=self.settings)
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                parser.parse([])  # no robots.txt: everything is allowed
                return parser
            return None
        text = result.content.decode(result.charset or "utf-8", errors="replace")
        parser.parse(text.splitlines())
        return parser


def _host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"
