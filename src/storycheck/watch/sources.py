"""What to watch: the SOURCES arguments turned into URLs (with an optional outlet name).

A source is a feed URL, an article URL, or a file listing them one per line. A
listing line may name the outlet after whitespace ("https://x.test/rss  Harbour
Herald"), because feeds rarely say whose they are in a form the cleaner can use.
Whether a URL is a feed or an article is decided by what it returns, not by its
name: many feeds live at paths like ``/news`` and many articles end in ``.xml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from storycheck.errors import IngestError

_SPLIT = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class WatchSource:
    """One URL to poll; ``outlet`` fills in an article's outlet when the page names none."""

    url: str
    outlet: str | None = None


def parse_sources(specs: list[str] | tuple[str, ...]) -> list[WatchSource]:
    """URLs as given, and every line of listing files; duplicates are kept once, first wins.

    Raises IngestError naming the file (or argument) when it is neither an http(s)
    URL nor a readable listing, or when a listing line holds no URL.
    """
    found: list[WatchSource] = []
    seen: set[str] = set()
    for spec in specs:
        for source in _expand(spec):
            if source.url not in seen:
                seen.add(source.url)
                found.append(source)
    return found


def _expand(spec: str) -> list[WatchSource]:
    if _is_url(spec):
        return [WatchSource(spec)]
    path = Path(spec)
    if not path.is_file():
        raise IngestError(spec, "neither an http(s) URL nor a file listing URLs")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise IngestError(spec, f"cannot read the listing ({exc})") from exc
    return [s for n, line in enumerate(text.splitlines(), 1) if (s := parse_line(line, where=f"{spec}:{n}"))]


def parse_line(line: str, *, where: str) -> WatchSource | None:
    """One listing line: ``URL [outlet name]``; blank lines and ``#`` comments give None."""
    stripped = line.strip()
    if not stripped or stripped.startswith("#"):
        return None
    parts = _SPLIT.split(stripped, maxsplit=1)
    url = parts[0]
    if not _is_url(url):
        raise IngestError(where, f"expected an http(s) URL at the start of the line, found {url[:60]!r}")
    outlet = parts[1].strip() if len(parts) > 1 else None
    if outlet and outlet.startswith("#"):
        outlet = None  # a trailing comment, not an outlet name
    return WatchSource(url, outlet or None)


def _is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """``"10m"`` -> 600.0; plain numbers are seconds. Raises ValueError with what was wrong."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", str(text).lower())
    if not match:
        raise ValueError(f"{text!r} is not an interval (examples: 30s, 10m, 2h, 1d)")
    value = float(match.group(1)) * _UNITS[match.group(2) or "s"]
    if value <= 0:
        raise ValueError(f"{text!r}: the interval must be more than zero")
    return value
