"""Clean: turn a ``RawDocument`` into an ``Article`` (body, headings, comments, removed lines, status).

Entry point: ``clean(raw: RawDocument, *, keep_comments: bool = True) -> Article``
(raises ``CleanError``). Plain scraped text is read with regex line rules
(``clean.text``); HTML goes through trafilatura first (``clean.html``) and then the
same furniture rules. The body is deterministic: the same raw document always
gives the same body, because every later offset points into it.
"""

from __future__ import annotations

import re

from storycheck.clean import furniture as F
from storycheck.clean.draft import Draft
from storycheck.clean.metadata import (
    dateline_date,
    detect_language,
    host_outlet,
    parse_date,
)
from storycheck.clean.status import decide_status
from storycheck.errors import CleanError
from storycheck.model import Article, Heading, RawDocument, RemovedLine

__all__ = ["clean"]

# fewer words than this is a navigation stub or an empty app shell, not an article
MIN_BODY_WORDS = 5
MIN_BODY_CHARS = 25  # scripts without spaces: a short Chinese sentence is one "word"

_LOOKS_HTML = re.compile(r"<\s*(?:!doctype\s+html|html|body|article|p|div|head)\b", re.I)


def _is_html(raw: RawDocument) -> bool:
    if raw.format == "html":
        return True
    if raw.format == "text":
        # a page saved under a .txt name is still a page
        return raw.content.lstrip()[:20].lower().startswith(("<!doctype html", "<html"))
    return bool(_LOOKS_HTML.search(raw.content[:2000]))


def clean(raw: RawDocument, *, keep_comments: bool = True) -> Article:
    """Clean one document into an Article; raises CleanError when no article text remains."""
    source = raw.source.location
    if not raw.content or not raw.content.strip():
        raise CleanError(source, "document is empty")
    if _is_html(raw):
        from storycheck.clean.html import read_html

        draft = read_html(raw.content, url=raw.url, fetched_at=raw.source.fetched_at or "", title_hint=raw.title)
    else:
        from storycheck.clean.text import read_text

        draft = read_text(raw.content, title_hint=raw.title, fetched_at=raw.source.fetched_at or "")
    return _build(raw, draft, keep_comments=keep_comments)


def _build(raw: RawDocument, draft: Draft, *, keep_comments: bool) -> Article:
    parts: list[str] = []
    headings: list[Heading] = []
    offset = 0
    for block in draft.blocks:
        if block.kind == "h":
            headings.append(Heading(text=block.text, offset=offset))
            continue
        parts.append(block.text)
        offset += len(block.text) + 2
    body = "\n\n".join(parts)
    # headings point at where their section starts; a heading after the last paragraph points at the end
    headings = [Heading(h.text, min(h.offset, len(body))) for h in headings]
    if len(body.split()) < MIN_BODY_WORDS and len(body.strip()) < MIN_BODY_CHARS:
        raise CleanError(
            raw.source.location,
            "no article text left after cleaning" if not body.strip()
            else f"only {body.strip()!r} left after cleaning (page furniture only?)",
        )
    fetched = raw.source.fetched_at or ""
    published = (
        parse_date(raw.published) if raw.published else None
    ) or draft.published or (dateline_date(parts[0], fetched_at=fetched) if parts else None)
    if raw.published and not published:
        published = raw.published  # keep what ingest gave when it is in a format we do not parse
    paragraphs = [b.text for b in draft.blocks if b.kind == "p"]
    title = raw.title or draft.title
    status, evidence = decide_status(paragraphs, title=title, labels=tuple(draft.labels))
    removed = list(draft.removed)
    comments = tuple(draft.comments)
    if not keep_comments:
        removed.extend(RemovedLine(c.text, F.COMMENT) for c in comments)
        comments = ()
    return Article(
        id=raw.id,
        source=raw.source,
        body=body,
        title=title,
        url=raw.url,
        outlet=raw.outlet or draft.outlet or draft.site_name or host_outlet(raw.url) or draft.footer_owner,
        author=raw.author or draft.author,
        published=published,
        language=detect_language(body),
        status=status,
        status_evidence=evidence,
        subtitle=draft.subtitle,
        headings=tuple(headings),
        comments=comments,
        removed=tuple(removed),
    )
