"""Plain scraped text -> Draft: title, standfirst, headings, paragraphs, lists, comments, footer.

Scraped text has lost its markup, so structure is read back from line shapes:
a headline is short, title-cased and has no final period; a heading is a short
line between paragraphs; list items follow lone "-" markers; the comment area
starts at the first comment counter or form. Anything dropped is recorded with
its reason; anything not recognised stays in the body (losing a sentence of the
article is worse than keeping a stray line).
"""

from __future__ import annotations

import re

from storycheck.clean import furniture as F
from storycheck.clean.comments import author_line, is_timestamp, parse_tail
from storycheck.clean.draft import Block, Draft
from storycheck.clean.masthead import is_prose, read_masthead
from storycheck.clean.metadata import copyright_owner, yearless_date

_SMALL_WORDS = frozenset(
    "a an the of in on at to for and or but nor with amid over by from as vs via into onto per than up out off "
    "about after before under upon de la el y".split()
)
_BULLET_ITEM = re.compile(r"^[•▪◦*-]\s+(?=\S)")
_TERMINAL = re.compile(r"[.!?:;,…][\"'”’)\]]*$")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_WORD = re.compile(r"[\w'’.-]+")


def normalise(text: str) -> str:
    """Line endings, tabs, no-break and invisible characters: the only edits made to the text itself."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\t", "    ")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def _title_case_ratio(words: list[str]) -> float:
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if not content:
        return 0.0
    capitalised = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
    return capitalised / len(content)


def is_heading(line: str) -> bool:
    """A section heading: a short line without final punctuation, title-cased unless very short."""
    if len(line) > 90 or _TERMINAL.search(line):
        return False
    if not (line[0].isupper() or line[0].isdigit()):
        return False  # a line opening with a quote mark is a quotation, which claims need in the body
    words = _WORD.findall(line)
    if not 1 <= len(words) <= 12:
        return False
    return len(words) <= 8 or _title_case_ratio(words) >= 0.6


def _ends_sentence(line: str) -> bool:
    return bool(re.search(r"[.!?…:][\"'”’)\]]*$", line))


def read_text(text: str, *, title_hint: str | None = None, fetched_at: str = "") -> Draft:
    """Parse scraped plain text into a Draft (see module docstring)."""
    draft = Draft()
    lines = normalise(text).split("\n")
    tail_start = _tail_start(lines)
    body_lines = [ln.strip() for ln in lines[:tail_start]]
    if tail_start < len(lines):
        tail = parse_tail(lines[tail_start:])
        draft.comments.extend(tail.comments)
        draft.removed.extend(tail.removed)
        draft.footer_owner = footer_outlet(tail.footer)
    tail_removed = draft.removed[:]
    draft.removed.clear()
    _read_body(body_lines, draft, title_hint=title_hint, fetched_at=fetched_at)
    draft.removed.extend(tail_removed)
    return draft


_FOOTER_SUBJECT = re.compile(
    r"^(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,5})\s+(?:is|are|brings|publishes|covers|was founded|"
    r"has been|reports)\b"
)


def footer_outlet(footer: list[str]) -> str | None:
    """The outlet as the footer names it: the subject of its about-us sentence
    ("Valley Daily is published by ...") when there is one, else the copyright holder."""
    for line in footer:
        m = _FOOTER_SUBJECT.match(line)
        if m and len(line) > len(m["name"]) + 20:
            return m["name"]
    for line in footer:
        owner = copyright_owner(line) if F.is_copyright(line) else None
        if owner:
            return owner
    return None


def _thread_follows(lines: list[str], i: int) -> bool:
    """After a bare "Comments" heading, the rest must look like a thread, a form or nothing."""
    rest = [ln.strip() for ln in lines[i + 1 :] if ln.strip()]
    if not rest:
        return True
    return any(
        F.is_comment_form(s) or F.is_comment_counter(s) or author_line(s) or is_timestamp(s)
        or re.match(r"^\d{1,4}[.)]\s", s)
        for s in rest[:6]
    )


def _tail_start(lines: list[str]) -> int:
    """Index where comments and footer begin: the first comment marker after some prose,
    else the first line of a trailing footer block that holds copyright or address lines."""
    seen_prose = False
    for i, raw in enumerate(lines):
        s = raw.strip()
        if not s:
            continue
        if seen_prose and F.is_comment_marker(s) and (not F.is_plain_comment_heading(s) or _thread_follows(lines, i)):
            return i
        if len(s) > 60 and _ends_sentence(s):
            seen_prose = True
    # no comment area: walk back over a footer block
    start = len(lines)
    strong = False
    for i in range(len(lines) - 1, -1, -1):
        s = lines[i].strip()
        if not s:
            continue
        if F.is_footer_line(s) or F.classify_line(s) in (F.FOOTER, F.AD, F.SHARE):
            strong = strong or F.is_strong_footer_line(s)
            start = i
            continue
        break
    return start if strong else len(lines)


def _read_body(lines: list[str], draft: Draft, *, title_hint: str | None, fetched_at: str) -> None:
    units = _units(lines)
    lead = next((i for i, u in enumerate(units) if is_prose(u)), len(units))
    kept = read_masthead(units[:lead], draft, title_hint=title_hint, fetched_at=fetched_at,
                         body_follows=lead < len(units))
    units = kept + units[lead:]
    pending_list: list[str] = []
    pending_headings: list[str] = []
    next_is_item = False
    skip_blurb = False
    in_related = False

    def flush_headings() -> None:
        for h in pending_headings:
            draft.blocks.append(Block("h", h))
        pending_headings.clear()

    def flush_list() -> None:
        if pending_list:
            draft.blocks.append(Block("list", "\n".join(f"- {item}" for item in pending_list)))
            pending_list.clear()

    for idx, unit in enumerate(units):
        if skip_blurb:
            skip_blurb = False
            if F.is_box_blurb(unit):
                draft.remove(unit, F.BOX)
                continue
        if in_related:
            # the story links under "Related": headline-shaped lines, until real text resumes
            if (
                not _TERMINAL.search(unit)
                and len(_WORD.findall(unit)) <= 15
                and not F.is_lone_marker(unit)
                and F.classify_line(unit) in (None, F.RELATED)
            ):
                draft.remove(unit, F.RELATED)
                continue
            in_related = False
        if F.is_lone_marker(unit):
            next_is_item = True
            continue
        bullet = _BULLET_ITEM.match(unit)
        if next_is_item or bullet:
            next_is_item = False
            flush_headings()
            pending_list.append(unit[bullet.end() :] if bullet else unit)
            continue
        flush_list()
        reason = F.classify_line(unit)
        if reason is not None:
            if reason == F.RELATED and F.is_related_label(unit):
                in_related = True
            if reason == F.DATELINE:
                draft.author = draft.author or F.credit_author(unit)
            draft.remove(unit, reason)
            continue
        if F.is_box_heading(unit):
            draft.remove(unit, F.BOX)
            skip_blurb = True
            continue
        author = F.byline_author(unit)
        if author is not None:
            draft.author = draft.author or author
            draft.remove(unit, F.DATELINE)
            continue
        when = F.dateline_value(unit)
        if when is not None and is_timestamp(when):
            iso = yearless_date(when, fetched_at=fetched_at)
            if iso is not None:
                draft.published = draft.published or iso
                draft.remove(unit, F.DATELINE)
                continue
        if is_heading(unit) and _has_prose_after(units, idx):
            pending_headings.append(unit)
            continue
        flush_headings()
        draft.blocks.append(Block("p", unit))
    flush_list()
    for h in pending_headings:  # a trailing short line is kept as text, never dropped
        draft.blocks.append(Block("p", h))


def _units(lines: list[str]) -> list[str]:
    """Non-blank lines, with hard-wrapped continuations joined back.

    A line continues the previous one when it starts in lower case after a line
    without final punctuation, or, in a document hard-wrapped at a fixed width,
    whenever the previous line is a long one without final punctuation.
    """
    wrapped = _is_hard_wrapped(lines)
    units: list[str] = []
    prev_blank = True
    prev_len = 0
    for s in lines:
        if not s:
            prev_blank = True
            continue
        if (
            units
            and not prev_blank
            and not _ends_sentence(units[-1])
            and not F.is_lone_marker(units[-1])
            and not F.is_lone_marker(s)
            and not _BULLET_ITEM.match(s)
            and (s[0].islower() or (wrapped and prev_len >= 40))
        ):
            units[-1] = f"{units[-1]} {s}"
        else:
            units.append(s)
        prev_blank = False
        prev_len = len(s)
    return units


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Text broken at a fixed width: many lines, none much longer than ~100 characters."""
    long_lines = [len(s) for s in lines if len(s) >= 40]
    if len(long_lines) < 5 or max(len(s) for s in lines) > 110:
        return False
    return sum(n <= 100 for n in long_lines) >= 0.9 * len(long_lines)


def _has_prose_after(units: list[str], idx: int) -> bool:
    """A heading must introduce something: a later unit that is not furniture."""
    for later in units[idx + 1 :]:
        if F.classify_line(later) is None and not F.is_box_heading(later):
            return True
    return False
