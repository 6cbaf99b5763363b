"""Building RawDocuments from files the way ingest does, so the clean tests need no ingest code."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from storycheck.model import Article, RawDocument, Source

DATA = Path(__file__).resolve().parent.parent / "data" / "clean"


def raw_from_file(path: Path, *, fmt: str | None = None, fetched_at: str = "2026-03-07T12:00:00+00:00",
                  **fields: str | None) -> RawDocument:
    data = path.read_bytes()
    fmt = fmt or ("html" if path.suffix in {".html", ".htm"} else "text")
    source = Source(location=str(path), kind="file", fetched_at=fetched_at,
                    sha256=hashlib.sha256(data).hexdigest(), encoding="utf-8")
    return RawDocument(id=path.stem, source=source, content=data.decode("utf-8"), format=fmt, **fields)


def raw_from_text(text: str, *, fmt: str = "text", name: str = "inline", **fields: str | None) -> RawDocument:
    source = Source(location=name, kind="stdin", fetched_at="2026-03-07T12:00:00+00:00",
                    sha256=hashlib.sha256(text.encode()).hexdigest())
    return RawDocument(id=name, source=source, content=text, format=fmt, **fields)


def removed_reasons(article: Article) -> dict[str, str]:
    return {r.text: r.reason for r in article.removed}


def accounted_for(line: str, article: Article) -> bool:
    """True when a source line survives somewhere: body, title, subtitle, headings, comments or removed."""
    s = " ".join(line.replace("\u00a0", " ").split())
    if not s:
        return True
    if s in article.body or s == article.title or s == article.subtitle:
        return True
    if any(s == h.text for h in article.headings) or any(s == r.text for r in article.removed):
        return True
    bare = re.sub(r"^(?:\d+[.)]|[•◦▪*–—-])\s+", "", s)
    for c in article.comments:
        if bare in c.text or (c.author and bare.startswith(c.author)):
            return True
    return s in {"-", "•"}  # lone list markers are rejoined with their item
