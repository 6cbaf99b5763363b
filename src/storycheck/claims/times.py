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
* Anaphoric datings ("two days later", "the next day", "the night before,", "that
  evening", "the following week", "hours later") are counted from the previous dating
  in the article, not from the anchor: ``find_times`` leaves them unresolved with note
  "relative to the previous dating", and ``resolve_anaphora_in_claims`` dates them from
  the closest preceding resolved day/week/month/quarter/year expression (spans such as
  "for two years" or "late February" are skipped). "N hours later" covers the day of the
  previous dating and the next one (the night may have passed); "a year later" is
  approximate like "a year ago".
* "last <weekday>" is the most recent one strictly before the anchor.
* Year-less dates and months take the nearest year in the tense's direction; with no
  tense, the nearest one (ties go to the past, which news mostly reports).

What cannot be resolved keeps ``date_from``/``date_to`` None and says why in ``note``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import replace

from storycheck.claims.time_resolve import (
    LOOKS_BACK_NOTE,
    PERFECT_NOTE,
    _add_months,
    _month_end,
    _point,
    resolve_spec,
)
from storycheck.claims.time_rules import ANAPHORIC_NOTE, TimeSpec, locate
from storycheck.claims.time_tense import governing_tense
from storycheck.model import Claim, TimeExpression

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
    verb_tense: bool = False,
) -> list[TimeExpression]:
    """Time expressions in one sentence (or clause), each resolved against ``anchor``.

    ``offset`` is where ``text`` starts in the article body, so that
    ``body[e.start:e.end] == e.text``. ``tense`` ("past" | "future" | "present" |
    None) says which way weekday and year-less expressions point. With
    ``verb_tense``, the verb each expression attaches to overrides it where that verb
    is plain ("talks ended on Saturday" in a preview; see ``time_tense``). With no
    anchor, relative expressions come back unresolved with note "no anchor"; absolute
    ones ("March 14, 2026", "in 2019") still resolve.
    """
    out: list[TimeExpression] = []
    for cand in locate(text):
        spec = cand.spec
        own = governing_tense(text, cand.start, cand.end) if verb_tense else None
        tense_here = own or tense
        if spec.kind == "for_n" and tense_here == "past" and _PERFECT.search(text, 0, cand.start):
            # "have maintained ties for two centuries": a present perfect runs up to now,
            # though a sentence-level tense calls it past
            spec = replace(spec, kind="for_n_perfect")
        elif spec.kind == "in_n" and _looks_back(text, cand.start):
            spec = replace(spec, kind="in_n_back")
        out.append(_express(text[cand.start:cand.end], offset + cand.start, offset + cand.end,
                            spec, anchor, anchor_source, tense_here))
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
    if spec.kind == "anaphor" and not is_anaphoric(expr):
        return expr  # "two days after the vote" read alone would look like "two days after,"
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


_GRAIN_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}
_UNIT_RANK = {"minute": 0, "hour": 0, "day": 0, "week": 1, "month": 2, "year": 4, "decade": 5, "century": 6}


def is_anaphoric(expr: TimeExpression) -> bool:
    """Whether ``expr`` is dated from the previous dating in its article ("two days later")."""
    return bool(expr.note and expr.note.startswith(ANAPHORIC_NOTE))


def resolve_anaphoric(expr: TimeExpression, previous: TimeExpression) -> TimeExpression:
    """``expr`` ("Two days later") dated from ``previous`` ("on Tuesday night"), text and span kept.

    Returned unchanged when ``expr`` is not anaphoric or ``previous`` cannot carry it:
    unresolved, open, a span, or coarser than the shift ("two days after March").
    The result keeps ``previous``'s anchor and anchor source, since that is what its
    date ultimately rests on.
    """
    spec = _anaphor_spec(expr.text) if is_anaphoric(expr) else None
    if spec is None or previous.date_from is None or previous.date_to is None:
        return expr
    if previous.open_start or previous.open_end or previous.granularity not in _GRAIN_RANK:
        return expr
    unit = spec.unit or "day"
    if _GRAIN_RANK[previous.granularity] > _UNIT_RANK.get(unit, -1):
        return expr
    dated = _from_previous(spec, unit, dt.date.fromisoformat(previous.date_from),
                           dt.date.fromisoformat(previous.date_to), previous.granularity)
    if dated is None:
        return expr
    lo, hi, gran, approx = dated
    note = f"{ANAPHORIC_NOTE}: counted from \u201c{previous.text}\u201d" + ("; approximate" if approx else "")
    return replace(expr, date_from=lo.isoformat(), date_to=hi.isoformat(), granularity=gran,
                   anchor=previous.anchor, anchor_source=previous.anchor_source,
                   open_start=False, open_end=False, note=note)


def resolve_anaphora_in_claims(claims: Sequence[Claim]) -> list[Claim]:
    """An article's claims (in body order) with each anaphoric dating resolved from the one before.

    The walk goes through every time expression in body order; a resolved anaphor
    becomes the previous dating in turn, so "on Tuesday ... the next day ... two days
    later" chains. Expressions shared by overlapping claims are resolved once.
    """
    ordered = sorted({(t.start, t.end): t for c in claims for t in c.times}.values(), key=lambda t: (t.start, t.end))
    resolved: dict[tuple[int, int], TimeExpression] = {}
    previous: TimeExpression | None = None
    for t in ordered:
        if is_anaphoric(t):
            t = _reset(t)
            if previous is not None:
                t = resolve_anaphoric(t, previous)
            resolved[(t.start, t.end)] = t
        if _can_carry(t):
            previous = t
    if not resolved:
        return list(claims)
    return [replace(c, times=tuple(resolved.get((t.start, t.end), t) for t in c.times))
            if any((t.start, t.end) in resolved for t in c.times) else c for c in claims]


def _reset(t: TimeExpression) -> TimeExpression:
    # an anaphor dated in an earlier pass is dated again from whatever now precedes it
    if t.date_from is None:
        return t
    return replace(t, date_from=None, date_to=None, granularity=None, note=ANAPHORIC_NOTE)


def _can_carry(t: TimeExpression) -> bool:
    return (t.date_from is not None and t.date_to is not None and not t.open_start and not t.open_end
            and t.granularity in _GRAIN_RANK)


def _anaphor_spec(text: str) -> TimeSpec | None:
    # found ending a clause ("Ten years on,", "the day before."): read the words that way again
    for probe in (text, text + ","):
        whole = [c for c in locate(probe) if c.start == 0 and c.end == len(text)]
        if whole:
            return whole[0].spec if whole[0].spec.kind == "anaphor" else None
    return None


def _from_previous(spec: TimeSpec, unit: str, lo: dt.date, hi: dt.date,
                   grain: str) -> tuple[dt.date, dt.date, str, bool] | None:
    """(from, to, granularity, approximate) of an anaphor counted from the interval lo..hi."""
    n = spec.n if spec.n is not None else 0.0
    if spec.part in ("hours", "some_hours"):
        if unit == "minute" or (spec.part == "hours" and abs(n) < 1):
            return (lo, hi, grain, False)
        if spec.part == "some_hours":
            near, far = 0, int(math.copysign(1, n))
        else:
            days = n / 24
            near, far = math.trunc(days), int(math.copysign(math.ceil(abs(days)), days))
            if abs(days) < 1:
                far = int(math.copysign(1, n))  # "six hours later" may be past midnight
        a, b = lo + dt.timedelta(days=min(near, far)), hi + dt.timedelta(days=max(near, far))
        return (a, b, "day" if a == b else "span", False)
    if spec.part == "period":
        if unit == "week":
            monday = lo - dt.timedelta(days=lo.weekday()) + dt.timedelta(days=7 * round(n))
            return (monday, monday + dt.timedelta(days=6), "week", False)
        if unit == "month":
            first = _add_months(lo.replace(day=1), round(n))
            return (first, _month_end(first.year, first.month), "month", False)
        if unit == "year":
            y = lo.year + round(n)
            return (dt.date(y, 1, 1), dt.date(y, 12, 31), "year", False)
        return None
    if unit in ("day", "week"):
        days = round(n * (7 if unit == "week" else 1))
        return (lo + dt.timedelta(days=days), hi + dt.timedelta(days=days), grain, False)
    if unit == "month":
        a, b = _add_months(lo, round(n)), _add_months(hi, round(n))
        return (a.replace(day=1), _month_end(b.year, b.month), "month", False)
    if grain == "year" and unit in ("year", "decade", "century"):
        years = round(n * {"year": 1, "decade": 10, "century": 100}[unit])
        return (dt.date(lo.year + years, 1, 1), dt.date(hi.year + years, 12, 31), "year", False)
    if unit in ("year", "decade", "century"):
        point = _point(lo, n, unit)
        if point[0] is None or point[1] is None:
            return None
        return (point[0], point[1], point[2] or "year", True)
    return None
