"""The page top of scraped text: site name, menu, headline, standfirst, byline, date, share bar.

Everything before the first real paragraph is the masthead. Its lines are short
and their roles follow from order rather than wording: the headline is the first
line long enough to be one, the standfirst follows it, short lines above the
headline are the site name and its menu. A line that could be article text (a
full sentence) is never dropped here; it goes back to the body.
"""

from __future__ import annotations

import re

from storycheck.clean import furniture as F
from storycheck.clean.comments import is_timestamp
from storycheck.clean.draft import Draft
from storycheck.clean.metadata import yearless_date

_WORD = re.compile(r"[\w'’.-]+")
_TERMINAL = re.compile(r"[.!?:;,…][\"'”’)\]]*$")
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’)\]」』]*$")


def words(text: str) -> int:
    return len(_WORD.findall(text))


def is_prose(unit: str) -> bool:
    """A real paragraph: a full sentence of some length, or simply long."""
    n = words(unit)
    ends = bool(_SENTENCE_END.search(unit))
    # scripts written without spaces (Chinese, Japanese) give few "words" per sentence
    return (ends and (n >= 12 or (n <= 3 and len(unit) >= 25))) or n >= 30


def _short_item(unit: str) -> bool:
    return words(unit) <= 3 and not _TERMINAL.search(unit)


def read_masthead(
    units: list[str], draft: Draft, *, title_hint: str | None, fetched_at: str, body_follows: bool = True
) -> list[str]:
    """Fill title, subtitle, author, date, site name and labels from the masthead units.

    Returns the units that must stay in the body (sentences found in the masthead).
    """
    keep: list[str] = []
    candidates: list[tuple[int, str]] = []
    decided: dict[int, str] = {}  # unit index -> removal reason, emitted in page order at the end
    for i, unit in enumerate(units):
        reason = F.classify_line(unit)
        if reason is not None:
            decided[i] = reason
            continue
        author = F.byline_author(unit)
        if author is not None:
            draft.author = draft.author or author
            decided[i] = F.DATELINE
            continue
        when = F.dateline_value(unit)
        if when is not None and not is_timestamp(when):
            when = None
        if when is None and is_timestamp(unit) and len(unit) <= 40:
            when = unit
        if when is not None:
            iso = yearless_date(when, fetched_at=fetched_at)
            if iso is not None:
                draft.published = draft.published or iso
                decided[i] = F.DATELINE
                continue
        label = F.section_label(unit)
        if label is not None and not _in_menu(units, i):
            draft.labels.append(label)
            decided[i] = F.SECTION_LABEL
            continue
        candidates.append((i, unit))

    # with no paragraph after the masthead, its last line is the text itself, not a headline
    title_at = _find_title(candidates if body_follows else candidates[:-1], title_hint)
    for pos, (i, unit) in enumerate(candidates):
        if title_at is not None and pos == title_at:
            draft.title = unit
            decided[i] = F.TITLE
        elif title_at is not None and pos == title_at + 1 and _is_standfirst(unit):
            draft.subtitle = unit
            decided[i] = F.SUBTITLE
        elif (
            (_SENTENCE_END.search(unit) and (words(unit) >= 5 or title_at is None or pos > title_at))
            or words(unit) > 8
        ):
            keep.append(unit)  # could be article text: never dropped on position alone
        elif title_at is None or pos < title_at:
            if pos == 0 and title_at is not None and _could_be_site_name(unit):
                draft.site_name = draft.site_name or unit  # the site name printed above the menu
            decided[i] = F.NAVIGATION
        else:
            decided[i] = F.META
    for i in sorted(decided):
        draft.remove(units[i], decided[i])
    return keep


def _in_menu(units: list[str], i: int) -> bool:
    """A section word next to other one-to-three-word lines is a menu entry, not a label."""
    before = units[i - 1] if i > 0 else ""
    after = units[i + 1] if i + 1 < len(units) else ""
    return (bool(before) and _short_item(before)) or (bool(after) and _short_item(after))


_MENU_WORDS = frozenset(
    "home news local world national international sport sports business opinion culture menu live video videos "
    "podcasts podcast traffic weather politics markets lifestyle entertainment science tech technology health "
    "travel food obituaries community farming courts latest search subscribe login sign in more".split()
)


def _could_be_site_name(unit: str) -> bool:
    """The first masthead line names the site unless it is a menu entry ("Home", "World")."""
    return (
        words(unit) <= 5
        and not _SENTENCE_END.search(unit)
        and unit.lower() not in _MENU_WORDS
        and not all(w.lower() in _MENU_WORDS for w in unit.split())
    )


def _find_title(candidates: list[tuple[int, str]], hint: str | None) -> int | None:
    if hint:
        for pos, (_, unit) in enumerate(candidates):
            if unit.strip().lower() == hint.strip().lower():
                return pos
    for pos, (_, unit) in enumerate(candidates):
        if words(unit) >= 4 and not unit.endswith(".") and words(unit) <= 30:
            return pos
    if len(candidates) == 1 and not candidates[0][1].endswith("."):
        return 0
    return None


def _is_standfirst(unit: str) -> bool:
    """A summary line under the headline: sentence-like but without a final period."""
    return words(unit) >= 8 and not _TERMINAL.search(unit)
