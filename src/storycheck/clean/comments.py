"""Reader comment threads: split the end of a scraped page into comments and footer.

Scraped threads come in a few layouts: numbered items ("1. text"), author lines
("Jane Doe on", "Jane says:", a name followed by a timestamp), replies as
indented bullets or deeper indentation, "@name" / "In reply to" prefixes. The
parser reads these structural cues line by line instead of matching one site's
template, so a new layout degrades to "one comment per paragraph" rather than
leaking comments into the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storycheck.clean import furniture as F
from storycheck.clean.metadata import parse_date
from storycheck.model import Comment, RemovedLine

COMMENT_META = "comment metadata"

_NUMBERED = re.compile(r"^(\d{1,4})[.)]\s+(.*)$")
_BULLET = re.compile(r"^[•◦▪*–—-]\s+(.*)$")
_NAME = r"(?:[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|da|van|von|del)){0,4}|@?[\w.-]{2,30})"
_AUTHOR_ON = re.compile(rf"^(?P<name>{_NAME})\s+(?:on|commented(?: on)?)\s*:?(?:\s+(?P<rest>.*))?$")
_AUTHOR_SAYS = re.compile(rf"^(?P<name>{_NAME})\s+(?:says|said|wrote|writes|replied|replies)\s*:\s*(?P<rest>.*)$")
_NAME_ONLY = re.compile(rf"^{_NAME}$")
_REPLY_TO = re.compile(r"^(?:@(?P<at>[\w.-]{2,30})|in reply to (?P<named>[^:.]{2,40})[:.]?)\s*", re.I)
_RELATIVE_TIME = re.compile(r"^\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago$", re.I)
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?", re.I)


def is_timestamp(line: str) -> bool:
    """A line that only dates a comment: "March 3, 2026 at 4:15 pm", "2 hours ago"."""
    s = line.strip()
    if len(s) > 60:
        return False
    if _RELATIVE_TIME.match(s):
        return True
    if parse_date(s, default_year=2000) is None and not _TIME.fullmatch(s):
        return False
    rest = _TIME.sub(" ", s)
    rest = re.sub(
        r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|\b\d{1,4}(?:st|nd|rd|th)?\b|"
        r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\b|\b(?:at|on|of|utc|gmt|[ecmp][sd]t)\b|[-/,.|·:]",
        " ", rest, flags=re.I,
    )
    return not rest.strip()


def author_line(line: str) -> tuple[str, str] | None:
    """(author, text after it) for "Jane Doe on", "Jane says: text", "Jane Doe on March 3, 2026"."""
    m = _AUTHOR_ON.match(line)
    if m and (not m["rest"] or is_timestamp(m["rest"])):
        return m["name"], ""
    m = _AUTHOR_SAYS.match(line)
    if m:
        rest = m["rest"] or ""
        return m["name"], "" if is_timestamp(rest) else rest
    return None


@dataclass(slots=True)
class _Open:
    indent: int
    author: str | None
    parent: int | None
    paragraphs: list[list[str]] = field(default_factory=list)
    reply_name: str | None = None

    def add(self, text: str, *, new_paragraph: bool) -> None:
        if not text:
            return
        if new_paragraph or not self.paragraphs:
            self.paragraphs.append([text])
        else:
            self.paragraphs[-1].append(text)

    @property
    def text(self) -> str:
        return "\n\n".join(" ".join(p) for p in self.paragraphs)


@dataclass(slots=True)
class Tail:
    comments: list[Comment]
    removed: list[RemovedLine]
    footer: list[str]


def parse_tail(lines: list[str]) -> Tail:
    """Comments, removed lines and footer lines from the page end (comment marker onwards)."""
    removed: list[RemovedLine] = []
    footer: list[str] = []
    opened: list[_Open] = []
    state = "comments"
    structured = False  # seen numbers, bullets or author lines: paragraphs then continue a comment
    blank_before = False
    current: _Open | None = None
    stripped = [ln.rstrip() for ln in lines]
    following = _next_nonblank(stripped)
    for i, line in enumerate(stripped):
        s = line.strip()
        if not s:
            blank_before = True
            continue
        indent = len(line) - len(line.lstrip())
        if state == "footer":
            removed.append(RemovedLine(s, F.FOOTER))
            footer.append(s)
            continue
        if F.is_comment_counter(s):
            removed.append(RemovedLine(s, F.COMMENT_COUNTER))
            state, current = "comments", None
            continue
        if F.is_comment_form(s):
            removed.append(RemovedLine(s, F.COMMENT_FORM))
            if not F.is_form_field(s):
                state, current = "after_form", None
            continue
        reason = F.classify_line(s)
        if reason is not None and reason != F.FOOTER:
            removed.append(RemovedLine(s, reason))
            continue
        if is_timestamp(s):
            removed.append(RemovedLine(s, COMMENT_META))
            continue
        next_line = following[i]
        starts = _comment_start(s, next_line)
        if (
            reason == F.FOOTER
            or F.is_strong_footer_line(s)
            or F.is_about_blurb(s)
            or (state == "after_form" and starts is None)
        ):
            state = "footer"
            removed.append(RemovedLine(s, F.FOOTER))
            footer.append(s)
            continue
        state = "comments"
        if starts is not None:
            kind, author, text = starts
            structured = True
            if current is not None and kind == "author" and current.author is None and not current.paragraphs:
                current.author = author  # "2. Jane Doe on": the number opened it, the name completes it
                current.add(text, new_paragraph=True)
            else:
                parent = None if kind == "numbered" else _parent_for(opened, indent)
                current = _Open(indent=indent, author=author, parent=parent)
                opened.append(current)
                current.add(text, new_paragraph=True)
        elif current is None or (blank_before and (not structured or _REPLY_TO.match(s))):
            # a new paragraph opens a new comment in a thread without structure, or when it
            # announces itself as a reply ("In reply to Jon:", "@Jon")
            current = _Open(indent=indent, author=None, parent=_parent_for(opened, indent) if structured else None)
            opened.append(current)
            current.add(s, new_paragraph=True)
        else:
            current.add(s, new_paragraph=blank_before)
        blank_before = False
    comments = _finish(opened)
    return Tail(comments=comments, removed=removed, footer=footer)


def _next_nonblank(lines: list[str]) -> list[str]:
    """For each line, the next non-blank line after it (stripped), in one backward pass."""
    out = [""] * len(lines)
    nxt = ""
    for i in range(len(lines) - 1, -1, -1):
        out[i] = nxt
        if lines[i].strip():
            nxt = lines[i].strip()
    return out


def _comment_start(line: str, next_line: str) -> tuple[str, str | None, str] | None:
    """("numbered" | "bullet" | "author", author, text) when the line opens a comment."""
    for kind, rx in (("numbered", _NUMBERED), ("bullet", _BULLET)):
        m = rx.match(line)
        if m:
            rest = m.group(m.lastindex or 1)
            who = author_line(rest)
            return (kind, who[0], who[1]) if who else (kind, None, rest)
    who = author_line(line)
    if who:
        return "author", who[0], who[1]
    # a bare name line directly followed by a timestamp line
    if len(line) <= 40 and _NAME_ONLY.match(line) and is_timestamp(next_line):
        return "author", line, ""
    return None


def _parent_for(opened: list[_Open], indent: int) -> int | None:
    """The comment a line at ``indent`` answers: the latest one indented less."""
    for idx in range(len(opened) - 1, -1, -1):
        if opened[idx].indent < indent:
            return idx
    return None


def _finish(opened: list[_Open]) -> list[Comment]:
    kept = [(i, c) for i, c in enumerate(opened) if c.text]
    ids = {i: f"c{n}" for n, (i, _) in enumerate(kept, start=1)}
    by_author: dict[str, str] = {}
    out: list[Comment] = []
    for i, c in kept:
        text = c.text
        reply_to = ids.get(c.parent) if c.parent is not None else None
        m = _REPLY_TO.match(text)
        if m:
            name = (m["at"] or m["named"] or "").strip()
            target = by_author.get(name.lower())
            if target is not None:
                reply_to = reply_to or target
        out.append(Comment(id=ids[i], author=c.author, text=text, reply_to=reply_to))
        if c.author:
            by_author[c.author.lower()] = ids[i]
            by_author.setdefault(c.author.split()[0].lower(), ids[i])
    return out
