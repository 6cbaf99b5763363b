"""Time expressions in a sentence, resolved to date intervals against an anchor.

Every expression becomes ``date_from..date_to`` (inclusive ISO dates) with a
granularity, so two outlets' "on Tuesday" and "February 3" can be compared as
intervals. The tense decides which way a year-less or weekday expression points:
a preview's "on Tuesday" is ahead of its anchor, a report's is behind.

Conventions worth knowing (also in the tests):

* "early / mid / late <month>" = days 1-10 / 11-20 / 21-end; "the end of <month>" = late.
* "early / mid / late <year>" = Jan-Apr / May-Aug / Sep-Dec; "the start / end of <year>" = Jan / Dec.
* "early / mid / late 1990s" = 1990-93 / 1994-96 / 1997-99.
* "N years ago" is a year-level interval centred on anchor minus N years, +-6 months:
  news uses it loosely ("the crisis a year ago" for something 13 months back), and
  a calendar year would wrongly exclude December of the year before. "N decades ago"
  is centred the same way, +-3 years.
* "for N years/decades" and "in N decades" (as in "the first time in three decades")
  are spans ending at the anchor; with "more than" the start is open. After a record
  word ("the first ... in eleven years", "the highest in a decade") "in N years" looks
  back even in a future sentence: a preview's "would be the first in eleven years"
  counts the past eleven years, it does not point eleven years ahead.
* "since X" runs from the start of X to the anchor, open at the end.
* "last <weekday>" is the most recent one strictly before the anchor.
* Year-less dates and months take the nearest year in the tense's direction; with no
  tense, the nearest one (ties go to the past, which news mostly reports).

What cannot be resolved keeps ``date_from``/``date_to`` None and says why in ``note``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from storycheck.claims.time_resolve import LOOKS_BACK_NOTE, PERFECT_NOTE, resolve_spec
from storycheck.claims.time_rules import TimeSpec, locate
from storycheck.model import TimeExpression

# a present perfect before "for N years" ("have traded for two centuries") runs up to now
_PERFECT = re.compile(r"(?i:\b(?:has|have|'ve)\b)")
# "the first strike at the port in eleven years", "the highest level in three decades": a record
# measured over the span before the anchor, whatever the tense ("would be the first ... in")
_LOOKBACK_CUE = re.compile(
    r"(?i:\b(?:first|only|highest|lowest|biggest|largest|smallest|worst|best|most|least|fewest|strongest|"
    r"weakest|fastest|slowest|deepest|longest|shortest|hottest|coldest|wettest|driest|warmest|busiest|"
    r"heaviest|sharpest|steepest|deadliest|record)\b)")
# a verb between the cue and the span ("the first ship will arrive in two weeks") makes it a forecast
_LOOKBACK_BREAK = re.compile(r"(?i:\b(?:will|would|shall|can|could|may|might|should|must|is|are|was|were|be)\b|'ll\b|[;:])")

def find_times(
    text: str,
    *,
    offset: int = 0,
    anchor: dt.date | None,
    anchor_source: str | None,
    tense: str | None = None,
) -> list[TimeExpression]:
    """Time expressions in one sentence (or clause), each resolved against ``anchor``.

    ``offset`` is where ``text`` starts in the article body, so that
    ``body[e.start:e.end] == e.text``. ``tense`` ("past" | "future" | "present" |
    None) says which way weekday and year-less expressions point. With no anchor,
    relative expressions come back unresolved with note "no anchor"; absolute ones
    ("March 14, 2026", "in 2019") still resolve.
    """
    out: list[TimeExpression] = []
    for cand in locate(text):
        spec = cand.spec
        if spec.kind == "for_n" and tense == "past" and _PERFECT.search(text, 0, cand.start):
            # "have maintained ties for two centuries": a present perfect runs up to now,
            # though a sentence-level tense calls it past
            spec = replace(spec, kind="for_n_perfect")
        elif spec.kind == "in_n" and _looks_back(text, cand.start):
            spec = replace(spec, kind="in_n_back")
        out.append(_express(text[cand.start:cand.end], offset + cand.start, offset + cand.end,
                            spec, anchor, anchor_source, tense))
    return out


def resolve_time(
    expr: TimeExpression, *, anchor: dt.date, anchor_source: str, tense: str | None
) -> TimeExpression:
    """The same expression (text and span kept) re-resolved against another anchor.

    Used when the story fixes an anchor later than extraction (an undated article
    joins a dated story). An expression the rules no longer recognise as a whole is
    returned unchanged.
    """
    cands = locate(expr.text)
    whole = [c for c in cands if c.start == 0 and c.end == len(expr.text)]
    if not whole:
        return expr
    spec = whole[0].spec
    if spec.kind == "for_n" and expr.note and PERFECT_NOTE in expr.note:
        spec = replace(spec, kind="for_n_perfect")
    elif spec.kind == "in_n" and expr.note and LOOKS_BACK_NOTE in expr.note:
        spec = replace(spec, kind="in_n_back")
    return _express(expr.text, expr.start, expr.end, spec, anchor, anchor_source, tense)


def _looks_back(text: str, start: int) -> bool:
    """Whether a record word ("the first", "the highest") governs the "in N years" at ``start``."""
    window_start = max(0, start - 60)
    cues = list(_LOOKBACK_CUE.finditer(text, window_start, start))
    if not cues:
        return False
    return _LOOKBACK_BREAK.search(text, cues[-1].end(), start) is None


def _express(text: str, start: int, end: int, spec: TimeSpec, anchor: dt.date | None,
             anchor_source: str | None, tense: str | None) -> TimeExpression:
    lo, hi, gran, open_start, open_end, note = resolve_spec(spec, anchor, _norm_tense(tense))
    return TimeExpression(
        text=text, start=start, end=end,
        date_from=lo.isoformat() if lo else None,
        date_to=hi.isoformat() if hi else None,
        granularity=gran,
        anchor=anchor.isoformat() if anchor else None,
        anchor_source=anchor_source if anchor else None,
        open_start=open_start, open_end=open_end, note=note,
    )


def _norm_tense(tense: str | None) -> str | None:
    # present tense in news ("Trump hosts Petro Tuesday") points nowhere in particular
    return tense if tense in ("past", "future") else None
