"""The polling loop: fetch each source when it is due, file new articles, commit, then alert.

Order per article (what makes ``kill -9`` harmless): fetch and clean it, extract
its claims, file it into stories and compute the alerts, then write the article,
its seen-entry, the touched stories' verifications and the alerts in ONE
transaction; only after the commit are alerts printed and handed to the webhook.
A crash before the commit leaves nothing (the entry is not seen, so the next run
does it again and computes the same alert ids); a crash after it leaves
everything (the entry is seen, the alerts are stored, undelivered ones are sent
on the next start).

A feed's validators (ETag, Last-Modified) are saved only once every entry of the
response has been handled, so a crash halfway never turns the rest into a 304.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from storycheck.errors import CleanError, FetchError, IngestError
from storycheck.ingest.fetch import FetchResult
from storycheck.model import Alert, FeedEntry, FeedState, IngestFailure, RawDocument, Source
from storycheck.settings import Settings
from storycheck.store import Store
from storycheck.watch.alerts import alert_line
from storycheck.watch.polite import PoliteFetcher, RobotsDenied
from storycheck.watch.sources import WatchSource, parse_interval
from storycheck.watch.storage import atomic
from storycheck.watch.webhook import WebhookSender

Emit = Callable[[str], None]


def _now() -> _dt.datetime:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0)


@dataclass(slots=True)
class PollSummary:
    """What one pass over the sources did (for the CLI's closing line and for tests)."""

    polled: int = 0
    not_modified: int = 0
    articles: int = 0
    alerts: list[Alert] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class Watcher:
    """Polls ``sources`` into ``store``; ``emit`` gets alert lines, ``warn`` one-line problems."""

    def __init__(
        self,
        sources: Sequence[WatchSource],
        *,
        store: Store,
        settings: Settings,
        every: float,
        respect_robots: bool = True,
        emit: Emit = print,
        warn: Emit = print,
        webhook: WebhookSender | None = None,
    ) -> None:
        self.sources = list(sources)
        self.store = store
        self.settings = settings
        self.every = every
        self.emit = emit
        self.warn = warn
        self.webhook = webhook
        self.fetcher = PoliteFetcher(settings=settings, respect_robots=respect_robots)
        self.stop_event = threading.Event()

    # --- the loop -----------------------------------------------------------------

    def run(self, *, once: bool = False) -> PollSummary:
        """Poll until ``stop_event`` is set (or one pass with ``once``, every source regardless of back-off)."""
        total = PollSummary()
        while True:
            summary = self.poll(only_due=not once)
            total.polled += summary.polled
            total.not_modified += summary.not_modified
            total.articles += summary.articles
            total.alerts += summary.alerts
            total.errors += summary.errors
            if once or self.stop_event.is_set():
                return total
            self.stop_event.wait(self._seconds_to_next())
            if self.stop_event.is_set():
                return total

    def _seconds_to_next(self) -> float:
        now = _now()
        waits = [self.every]
        for source in self.sources:
            state = self.store.feed_state(source.url)
            if state is not None and state.next_poll:
                waits.append((_dt.datetime.fromisoformat(state.next_poll) - now).total_seconds())
        return max(0.05, min(waits))

    def poll(self, *, only_due: bool = True) -> PollSummary:
        """One pass: every source that is due (all of them with ``only_due=False``)."""
        summary = PollSummary()
        for source in self.sources:
            if self.stop_event.is_set():
                break
            state = self.store.feed_state(source.url) or FeedState(url=source.url)
            if only_due and state.next_poll and _dt.datetime.fromisoformat(state.next_poll) > _now():
                continue
            summary.polled += 1
            self._poll_source(source, state, summary)
        return summary

    # --- one source ------------------------------------------------------------------

    def _poll_source(self, source: WatchSource, state: FeedState, summary: PollSummary) -> None:
        headers = {}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        try:
            result = self.fetcher.get(source.url, headers=headers)
        except FetchError as exc:
            self._failed(state, exc.reason, summary, retry_after=exc.retry_after)
            return
        if result.not_modified:
            summary.not_modified += 1
            self._succeeded(state, result, complete=True)
            return
        try:
            complete = self._handle_response(source, result, summary)
        except IngestError as exc:
            self._failed(state, exc.reason, summary)
            return
        self._succeeded(state, result, complete=complete)

    def _handle_response(self, source: WatchSource, result: FetchResult, summary: PollSummary) -> bool:
        """File what the source returned; True when nothing needs fetching again."""
        from storycheck.ingest.feeds import parse_feed

        if _is_feed(result):
            entries = _oldest_first(parse_feed(result.content, base_url=result.final_url))
            complete = True
            for entry in entries:
                if self.stop_event.is_set():
                    return False
                complete = self._handle_entry(source, entry, summary) and complete
            return complete
        complete = True
        for item in _documents(result, settings=self.settings):
            if isinstance(item, RawDocument):
                key = f"sha256:{item.source.sha256}"
                complete = self._file(source.url, key, item, source, summary) and complete
            else:
                raise IngestError(item.source, item.reason)
        return complete

    def _handle_entry(self, source: WatchSource, entry: FeedEntry, summary: PollSummary) -> bool:
        key = entry_key(entry)
        if self.store.entry_seen(source.url, key):
            return True
        raw: RawDocument | None = None
        problem: FetchError | IngestError | None = None
        if entry.link:
            try:
                page = self.fetcher.get(entry.link)
                raw = next((d for d in _documents(page, settings=self.settings) if isinstance(d, RawDocument)), None)
                if raw is None:
                    problem = IngestError(entry.link, "the page holds no article")
            except (FetchError, IngestError) as exc:
                problem = exc
        if raw is None and (entry.content or entry.summary):
            raw = _from_feed(entry, source.url)  # the page is out of reach: the feed's own text stands in
        if raw is None:
            reason = problem.reason if problem else "entry has neither a link nor text"
            where = entry.link or f"{source.url}#{entry.id}"
            summary.errors.append(f"{where}: {reason}")
            self.warn(f"{where}: {reason}")
            if _permanent(problem):
                self._mark_seen(source.url, key)
                return True
            return False  # worth another try: keep the feed's validators so it is fetched again
        raw = replace(
            raw,
            title=raw.title or entry.title,
            published=raw.published or entry.published,
            outlet=raw.outlet or entry.outlet or source.outlet,
            author=raw.author or entry.author,
        )
        return self._file(source.url, key, raw, source, summary)

    def _file(self, feed: str, key: str, raw: RawDocument, source: WatchSource, summary: PollSummary) -> bool:
        """Clean, file and commit one document; False when it should be tried again later."""
        from storycheck.clean import clean
        from storycheck.watch.incremental import file_article

        if self.store.entry_seen(feed, key):
            return True
        if raw.outlet is None and source.outlet:
            raw = replace(raw, outlet=source.outlet)
        stored = self.store.article_ids_with_sha256(raw.source.sha256)
        if stored:
            self._mark_seen(feed, key, article=stored[0])  # the same bytes are filed already
            return True
        try:
            article = clean(raw)
        except CleanError as exc:
            summary.errors.append(f"{exc.source}: {exc.reason}")
            self.warn(f"{exc.source}: {exc.reason}")
            self._mark_seen(feed, key)
            return True
        change = file_article(self.store, article, settings=self.settings)
        fresh: list[Alert] = []
        with atomic(self.store):
            self.store.save_article(raw, article, change.extraction)
            self.store.mark_entry_seen(feed, key, article=article.id)
            self.store.save_verifications(change.verifications)
            fresh = [alert for alert in change.alerts if self.store.add_alert(alert)]
        # committed: now, and only now, the world may hear about it
        summary.articles += 1
        summary.alerts += fresh
        for alert in fresh:
            self.emit(alert_line(alert))
            if self.webhook is not None:
                self.webhook.submit(alert)
        return True

    def _mark_seen(self, feed: str, key: str, *, article: str | None = None) -> None:
        self.store.mark_entry_seen(feed, key, article=article)

    # --- source state -------------------------------------------------------------------

    def _succeeded(self, state: FeedState, result: FetchResult, *, complete: bool) -> None:
        now = _now()
        if complete and not result.not_modified:
            etag = result.headers.get("etag")
            modified = result.headers.get("last-modified")
        elif complete:
            etag, modified = state.etag, state.last_modified
        else:
            etag = modified = None  # something is left to do: fetch the whole feed next time
        self.store.save_feed_state(
            replace(
                state,
                etag=etag,
                last_modified=modified,
                last_polled=now.isoformat(),
                failures=0,
                next_poll=(now + _dt.timedelta(seconds=self.every)).isoformat(),
                last_error=None,
            )
        )

    def _failed(self, state: FeedState, reason: str, summary: PollSummary, *, retry_after: str | None = None) -> None:
        now = _now()
        failures = state.failures + 1
        ceiling = parse_interval(str(self.settings.watch_max_backoff))
        wait = min(self.every * 2 ** (failures - 1), ceiling)
        if retry_after and retry_after.strip().isdigit():
            wait = max(wait, min(float(retry_after), ceiling))
        summary.errors.append(f"{state.url}: {reason}")
        self.warn(f"{state.url}: {reason} (failure {failures}; next try in {wait:g} s)")
        self.store.save_feed_state(
            replace(
                state,
                last_polled=now.isoformat(),
                failures=failures,
                next_poll=(now + _dt.timedelta(seconds=wait)).isoformat(),
                last_error=reason,
            )
        )


def entry_key(entry: FeedEntry) -> str:
    """The seen-entry key: the entry's id plus a hash of what it says, so an updated entry is read again."""
    text = "\x1f".join(x or "" for x in (entry.link, entry.title, entry.published, entry.summary, entry.content))
    return f"{entry.id}#{hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}"


def _permanent(problem: Exception | None) -> bool:
    if isinstance(problem, RobotsDenied):
        return True
    status = getattr(problem, "status", None)
    return status is not None and 400 <= status < 500 and status not in (408, 429)


def _is_feed(result: FetchResult) -> bool:
    from storycheck.ingest.decode import DecodeError, decode_text
    from storycheck.ingest.formats import detect_format

    mime = result.content_type or ""
    if mime in {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}:
        return True
    try:
        text, _ = decode_text(result.content, declared=result.charset, html=True)
    except DecodeError:
        return False
    return detect_format(text, content_type=result.content_type) == "feed"


def _documents(result: FetchResult, *, settings: Settings) -> list[RawDocument | IngestFailure]:
    """The article(s) a fetched page holds, read exactly as ``storycheck check URL`` reads them."""
    from pathlib import PurePosixPath
    from urllib.parse import urlsplit

    from storycheck.ingest.ids import url_id
    from storycheck.ingest.reader import _Reader  # the reader's bytes-to-documents step, shared on purpose

    reader = _Reader(settings)
    suffix = "" if result.content_type else PurePosixPath(urlsplit(result.final_url).path).suffix
    return list(
        reader._documents(
            result.content,
            location=result.url,
            kind="url",
            suffix=suffix,
            content_type=result.content_type,
            declared=result.charset,
            id_base=url_id(result.final_url),
            url=result.final_url,
            fetched_at=result.fetched_at,
        )
    )


def _from_feed(entry: FeedEntry, feed_url: str) -> RawDocument:
    from storycheck.ingest.ids import url_id

    body = entry.content or entry.summary or ""
    sha = hashlib.sha256(body.encode("utf-8")).hexdigest()
    base = url_id(entry.link) if entry.link else f"{url_id(feed_url)}-{sha[:8]}"
    source = Source(f"{feed_url}#{entry.id}", "feed", _now().isoformat(), sha, "text/html", "utf-8")
    return RawDocument(
        id=base, source=source, content=body, format="html", url=entry.link, title=entry.title,
        published=entry.published, outlet=entry.outlet, author=entry.author,
    )


def _oldest_first(entries: list[FeedEntry]) -> list[FeedEntry]:
    """Feeds usually list newest first; stories read better (and alert sensibly) oldest first."""
    dated = [e.published for e in entries if e.published]
    if len(dated) >= 2 and dated == sorted(dated, reverse=True) and dated != sorted(dated):
        return list(reversed(entries))
    return entries
