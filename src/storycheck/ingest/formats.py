"""What kind of document a decoded text is, and JSON article records.

A JSON article is an object with ``text`` or ``html`` plus optional ``url``,
``title``, ``published``, ``outlet``, ``author`` and ``id``; a ``.json`` file may
hold one object or a list of them, a ``.jsonl`` file one object per line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}

_HTML_START = re.compile(r"^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>])", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?(p|div|span|a|br|h[1-6]|article|section|script|meta|title)\b[^>]*>", re.IGNORECASE)
_FEED_START = re.compile(r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE | re.DOTALL)

ARTICLE_FIELDS = ("url", "title", "published", "outlet", "author")


def detect_format(text: str, *, suffix: str = "", content_type: str | None = None) -> str:
    """One of "text", "html", "json", "jsonl", "feed".

    The extension wins for files (a ``.txt`` of scraped text may quote HTML); the
    Content-Type wins for URLs; otherwise the first characters decide.
    """
    suffix = suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in FEED_SUFFIXES:
        # an .xml file is a feed or a mistake; parse_feed names the mistake
        return "html" if _HTML_START.match(text) else "feed"
    mime = (content_type or "").split(";")[0].strip().lower()
    if mime in {"application/x-ndjson", "application/jsonl", "application/x-jsonlines"}:
        return "jsonl"
    if mime == "application/json" or mime.endswith("+json"):
        return "json"
    if mime in {"text/html", "application/xhtml+xml"}:
        return "html"
    if mime in {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}:
        return "feed"
    if mime in {"application/xml", "text/xml"}:
        return "feed" if _FEED_START.match(text) else "html"
    return sniff(text)


def sniff(text: str) -> str:
    head = text[:4096]
    stripped = head.lstrip()
    if stripped.startswith(("{", "[")):
        first_line = stripped.split("\n", 1)[0].strip()
        if stripped.startswith("{") and first_line.endswith("}") and "\n" in stripped.strip():
            return "jsonl"
        return "json"
    if _FEED_START.match(head):
        return "feed"
    if _HTML_START.match(head) or len(_HTML_TAG.findall(head)) >= 5:
        return "html"
    return "text"


@dataclass(frozen=True, slots=True)
class JsonRecord:
    """One article object from a JSON or JSON Lines document, or why it is unusable."""

    number: int  # 1-based: line number for JSON Lines, position for a list
    fields: dict[str, Any] | None
    raw: bytes
    error: str | None = None


def json_records(text: str, *, lines: bool) -> Iterator[JsonRecord]:
    """Article records of a JSON or JSON Lines text; raises ValueError when the whole document is unreadable."""
    if not lines:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            if _looks_like_jsonl(text):
                yield from json_records(text, lines=True)
                return
            raise ValueError(f"not valid JSON ({exc.msg}: line {exc.lineno}, column {exc.colno})") from None
        items = data if isinstance(data, list) else [data]
        if isinstance(data, dict) and isinstance(data.get("articles"), list):
            items = data["articles"]  # an export wrapping its articles in {"articles": [...]}
        if not items:
            raise ValueError("JSON holds no article objects (empty list)")
        for n, item in enumerate(items, 1):
            raw = json.dumps(item, sort_keys=True, ensure_ascii=False).encode("utf-8")
            yield _record(n, item, raw)
        return
    any_line = False
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        any_line = True
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield JsonRecord(n, None, line.encode("utf-8"), f"not valid JSON ({exc.msg}: column {exc.colno})")
            continue
        yield _record(n, item, line.strip().encode("utf-8"))
    if not any_line:
        raise ValueError("JSON Lines file has no records")


def _looks_like_jsonl(text: str) -> bool:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(lines) < 2:
        return False
    try:
        json.loads(lines[0])
    except json.JSONDecodeError:
        return False
    return True


def _record(n: int, item: Any, raw: bytes) -> JsonRecord:
    if not isinstance(item, dict):
        return JsonRecord(n, None, raw, f"expected an article object, got {type(item).__name__}")
    body = item.get("text") if item.get("text") else item.get("html")
    if not isinstance(body, str) or not body.strip():
        return JsonRecord(n, None, raw, "article object has no 'text' or 'html'")
    for key in (*ARTICLE_FIELDS, "id"):
        value = item.get(key)
        if value is not None and not isinstance(value, (str, int)):
            return JsonRecord(n, None, raw, f"field {key!r} should be a string, got {type(value).__name__}")
    return JsonRecord(n, item, raw)
