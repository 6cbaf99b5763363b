"""RSS/Atom feeds into ``FeedEntry`` records (feedparser does the format zoo).

Feeds in the wild are often malformed XML; feedparser flags that as "bozo" but
still recovers entries, so malformed is only an error when nothing usable is left.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import hashlib
import time
from typing import Any
from urllib.parse import urljoin

from storycheck.errors import IngestError
from storycheck.model import FeedEntry


def parse_feed(data: bytes, *, base_url: str) -> list[FeedEntry]:
    """Entries of an RSS or Atom document; relative links resolve against ``base_url``.

    Raises IngestError(base_url, reason) when the document is not a feed or holds
    no usable entry.
    """
    import feedparser

    parsed = feedparser.parse(data, response_headers={"content-location": base_url, "content-type": "application/xml"})
    base = base_url
    if not base_url.lower().startswith(("http://", "https://")):
        # a feed read from a file: its own <link> is the only base relative links have
        base = parsed.get("feed", {}).get("link") or base_url
    entries = [_entry(raw, base) for raw in parsed.entries]
    usable = [e for e in entries if e is not None]
    if usable:
        return usable
    if not parsed.get("version"):
        raise IngestError(base_url, "not an RSS or Atom feed")
    if parsed.get("bozo"):
        problem = parsed.get("bozo_exception")
        raise IngestError(base_url, f"not a readable RSS or Atom feed: no usable entry ({_short(problem)})")
    if entries:
        raise IngestError(base_url, "feed entries have neither a link nor any content")
    return []  # a valid feed with no items yet is not an error: the watcher polls again later


def _entry(raw: Any, base_url: str) -> FeedEntry | None:
    link = raw.get("link") or None
    if link:
        link = urljoin(base_url, link)
    content = None
    for part in raw.get("content") or ():
        if part.get("value"):
            content = part["value"]
            break
    summary = raw.get("summary") or None
    title = raw.get("title") or None
    if not link and not content and not summary:
        return None
    entry_id = raw.get("id") or link or "sha256:" + hashlib.sha256(f"{title}\n{summary}".encode()).hexdigest()[:16]
    return FeedEntry(
        id=str(entry_id),
        link=link,
        title=title,
        published=_iso(raw.get("published_parsed") or raw.get("updated_parsed")),
        summary=summary,
        content=content,
        author=raw.get("author") or None,
        outlet=(raw.get("source") or {}).get("title") or None,
    )


def _iso(parsed: time.struct_time | None) -> str | None:
    if not parsed:
        return None
    # feedparser normalises to UTC struct_time; timegm reads it as UTC
    stamp = calendar.timegm(parsed)
    return _dt.datetime.fromtimestamp(stamp, _dt.UTC).isoformat()


def _short(problem: object) -> str:
    text = str(problem or "malformed XML").splitlines()[0] if problem else "malformed XML"
    return text[:120]
