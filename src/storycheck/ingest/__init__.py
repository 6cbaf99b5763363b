"""Ingest: read files, folders, globs, stdin, URLs and feeds into ``RawDocument``s.

Entry point: ``read_sources(inputs, *, settings) -> Iterator[RawDocument | IngestFailure]``.
Only ``ingest.fetch`` touches the network; it and ``ingest.feeds`` import httpx and
feedparser lazily so ``import storycheck.ingest`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from storycheck.ingest.reader import read_sources

if TYPE_CHECKING:
    from storycheck.ingest.feeds import parse_feed
    from storycheck.ingest.fetch import FetchResult, check_public_url, fetch_url

__all__ = ["FetchResult", "check_public_url", "fetch_url", "parse_feed", "read_sources"]


def __getattr__(name: str) -> Any:
    if name in {"fetch_url", "check_public_url", "FetchResult"}:
        from storycheck.ingest import fetch

        return getattr(fetch, name)
    if name == "parse_feed":
        from storycheck.ingest.feeds import parse_feed

        return parse_feed
    raise AttributeError(name)
