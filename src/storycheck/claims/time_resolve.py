"""Time specs to dates: the calendar half of the time rules.

``time_rules.locate`` says what the words mean; this module turns that meaning
into an inclusive date interval against an anchor and a tense, following the
conventions listed in ``claims/times.py``. Pure functions, cached per
(spec, anchor, tense) because the same expressions recur in every article.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import replace
from functools import lru_cache

from storycheck.claims.time_rules import TimeSpec

Interval = tuple[dt.date | None, dt.date | None, str | None, bool, bool, str | None]
# (from, to, granularity, open_start, open_end, note)

_NO_ANCHOR: Interval = (None, None, None, False, False, "no anchor")
PERFECT_NOTE = "runs up to the anchor (present perfect)"
LOOKS_BACK_NOTE = "looks back from the anchor (the first or most in that span)"
_MONTH_PARTS = {"early": (1, 10), "start": (1, 10), "mid": (11, 20), "late": (21, 31), "end": (21, 31)}
_YEAR_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "start": (1, 1), "end": (12, 12),
               "h1": (1, 6), "h2": (7, 12)}
_WEEK_PARTS = frozenset({"w1", "w2", "w3", "w4", "wlast"})  # "the second week of January": days 8-14
_DECADE_PARTS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}
_SEASON_THIRDS = {"early": 0, "mid": 1, "late": 2}
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 14)}


# --- calendar arithmetic -----------------------------------------------------------


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(d: dt.date, months: int) -> dt.date:
    total = d.year * 12 + (d.month - 1) + months
    year, month = divmod(total, 12)
    return dt.date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def _add_years(d: dt.date, years: float) -> dt.date:
    return _add_months(d, round(years * 12))


def _months_between(a: dt.date, b: dt.date) -> int:
    return (b.year - a.year) * 12 + b.month - a.month


def _pick(cands: list[tuple[dt.date, dt.date]], anchor: dt.date, tense: str | None,
          rel: str | None = None, unit_start: dt.date | None = None,
          unit_end: dt.date | None = None) -> tuple[dt.date, dt.date] | None:
    """Choose among candidate intervals (the same month-day in neighbouring years, say).

    ``rel`` "last"/"next" means strictly before/after the anchor's own period
    (``unit_start``..``unit_end``); otherwise the tense decides, and without one the
    nearest wins with ties to the past.
    """
    cands = sorted(cands)
    if rel == "last":
        limit = unit_start or anchor
        before = [c for c in cands if c[1] < limit]
        return before[-1] if before else None
    if rel == "next":
        limit = unit_end or anchor
        after = [c for c in cands if c[0] > limit]
        return after[0] if after else None
    if tense == "past":
        before = [c for c in cands if c[0] <= anchor]
        return before[-1] if before else None
    if tense == "future":
        after = [c for c in cands if c[1] >= anchor]
        return after[0] if after else None

    def distance(c: tuple[dt.date, dt.date]) -> tuple[int, int]:
        if c[0] <= anchor <= c[1]:
            return (0, 0)
        gap = (c[0] - anchor).days if c[0] > anchor else (anchor - c[1]).days
        return (gap, 1 if c[0] > anchor else 0)

    return min(cands, key=distance)


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# --- resolution ----------------------------------------------------------------------


@lru_cache(maxsize=65536)
def resolve_spec(spec: TimeSpec, anchor: dt.date | None, tense: str | None) -> Interval:
    """Dates for a spec; None dates with a note when the words fall outside the calendar ("5000 years ago")."""
    try:
        return _resolve(spec, anchor, tense)
    except (ValueError, OverflowError):
        return (None, None, None, False, False, "outside the calendar range")


def _resolve(spec: TimeSpec, anchor: dt.date | None, tense: str | None) -> Interval:  # noqa: C901
    """One resolver per spec kind; ranges and prefixes recurse through the cached ``resolve_spec``."""
    kind = spec.kind
    if kind in ("vague", "anaphor"):  # an anaphor is dated from the previous dating, not here
        return (None, None, None, False, False, spec.note)
    if kind == "numeric":
        return _numeric_date(spec.note or "")
    if kind == "date":
        return _date(spec, anchor, tense)
    if kind == "month":
        return _month(spec, anchor, tense)
    if kind == "year":
        y = spec.year or 0
        if spec.part:
            m1, m2 = _YEAR_PARTS[spec.part]
            return (dt.date(y, m1, 1), _month_end(y, m2), "span", False, False, None)
        return (dt.date(y, 1, 1), dt.date(y, 12, 31), "year", False, False, None)
    if kind == "decade":
        y0 = spec.year or 0
        if spec.part:
            a, b = _DECADE_PARTS[spec.part]
            return (dt.date(y0 + a, 1, 1), dt.date(y0 + b, 12, 31), "span", False, False, None)
        return (dt.date(y0, 1, 1), dt.date(y0 + 9, 12, 31), "decade", False, False, None)
    if kind == "quarter":
        return _quarter(spec, anchor, tense)
    if kind == "century":
        first = (int(spec.n or 1) - 1) * 100 + 1
        return (dt.date(first, 1, 1), dt.date(first + 99, 12, 31), "span", False, False, None)
    if kind == "season":
        return _season(spec, anchor, tense)
    if kind == "range" and spec.inner[0].kind == "weekday":
        # "from Monday to Friday": the second day is the first one on or after the first
        a = resolve_spec(spec.inner[0], anchor, tense)
        if a[0] is None:
            return a
        gap = ((spec.inner[1].weekday or 0) - (spec.inner[0].weekday or 0)) % 7
        return (a[0], a[0] + dt.timedelta(days=gap), "span", False, False, None)
    if kind == "range":
        first, second = spec.inner
        if first.year is None and second.year is not None and first.kind in ("date", "month"):
            # "from July 4 to July 9, 2010": the year written once covers both ends
            first = replace(first, year=second.year)
        a = resolve_spec(first, anchor, tense)
        b = resolve_spec(second, anchor, tense)
        if a[0] is None or b[1] is None:
            return (None, None, None, False, False, a[5] or b[5])
        lo, hi = a[0], b[1]
        if hi < lo and first.year is not None and second.year is not None:
            return (None, None, None, False, False, "range ends before it starts")
        if hi < lo and first.year is not None:  # "from December 2025 to February": the end follows
            hi = _add_years(hi, 1) if _add_years(hi, 1) >= lo else hi
        elif hi < lo:  # "from December to February": the second end is in the following year
            lo = _add_years(lo, -1) if second.year is not None else lo
            hi = hi if second.year is not None else _add_years(hi, 1)
        if hi < lo:
            return (None, None, None, False, False, "range ends before it starts")
        return (lo, hi, "span", False, False, None)
    if kind == "since":
        # "since September" always looks back, whatever the sentence's tense
        inner = resolve_spec(spec.inner[0], anchor, "past")
        if inner[0] is None:
            return inner
        if anchor is not None and inner[0] > anchor:
            return (inner[0], None, "span", False, True, "starts after the anchor; the anchor may be wrong")
        return (inner[0], anchor, "span", False, True, None if anchor else "no anchor: open end")
    if kind == "before":
        inner = resolve_spec(spec.inner[0], anchor, tense)
        if inner[0] is None:
            return inner
        return (None, inner[0] - dt.timedelta(days=1), "span", True, False, None)
    if kind == "after":
        inner = resolve_spec(spec.inner[0], anchor, tense)
        if inner[1] is None:
            return inner
        return (inner[1] + dt.timedelta(days=1), None, "span", False, True, None)
    if kind == "by":
        inner = resolve_spec(spec.inner[0], anchor, tense)
        if inner[1] is None:
            return inner
        return (None, inner[1], "span", True, False, None)
    if anchor is None:
        # the kinds a re-resolution cannot tell from the words alone keep saying what they are
        if kind == "for_n_perfect":
            return (None, None, None, False, False, f"no anchor; {PERFECT_NOTE}")
        if kind == "in_n_back":
            return (None, None, None, False, False, f"no anchor; {LOOKS_BACK_NOTE}")
        return _NO_ANCHOR
    if kind == "rel_day":
        d = anchor + dt.timedelta(days=int(spec.n or 0))
        return (d, d, "day", False, False, None)
    if kind == "weekday":
        return _weekday(spec, anchor, tense)
    if kind == "weekend":
        return _weekend(spec, anchor, tense)
    if kind == "period":
        return _period(spec, anchor)
    if kind == "span_back":
        return (_shift(anchor, -(spec.n or 0), spec.unit or "year"), anchor, "span", False, False, None)
    if kind == "ago":
        if spec.part == "before":
            return (None, _shift(anchor, -(spec.n or 0), spec.unit or "year"), "span", True, False, None)
        if spec.part == "after":
            return (_shift(anchor, -(spec.n or 0), spec.unit or "year"), anchor, "span", False, False, None)
        return _point(anchor, -(spec.n or 0), spec.unit or "year")
    if kind == "in_n_back":
        # "the first strike in eleven years": the span before the anchor, even in a preview
        lo, hi, gran, o_start, o_end, _ = resolve_spec(replace(spec, kind="in_n"), anchor, "past")
        return (lo, hi, gran, o_start, o_end, LOOKS_BACK_NOTE)
    if kind == "in_n":
        if tense == "future":
            return _point(anchor, spec.n or 0, spec.unit or "year")
        return (_shift(anchor, -(spec.n or 0), spec.unit or "year"), anchor, "span",
                spec.part == "open", False, None)
    if kind == "for_n_perfect":
        lo, hi, gran, o_start, o_end, _ = resolve_spec(replace(spec, kind="for_n"), anchor, None)
        return (lo, hi, gran, o_start, o_end, PERFECT_NOTE)
    if kind == "for_n":
        if tense == "future":
            return (anchor, _shift(anchor, spec.n or 0, spec.unit or "year"), "span", False, False, None)
        if tense == "past":
            return (None, None, None, False, False, "duration of a past event; not anchored")
        return (_shift(anchor, -(spec.n or 0), spec.unit or "year"), anchor, "span",
                spec.part == "open", False, None)
    raise AssertionError(kind)


def _shift(anchor: dt.date, n: float, unit: str) -> dt.date:
    if unit == "day":
        return anchor + dt.timedelta(days=round(n))
    if unit == "week":
        return anchor + dt.timedelta(days=round(7 * n))
    if unit == "month":
        return _add_months(anchor, round(n))
    factor = {"year": 1, "decade": 10, "century": 100}[unit]
    return _add_years(anchor, n * factor)


def _point(anchor: dt.date, n: float, unit: str) -> Interval:
    """A moment N units from the anchor, widened to the precision such phrases carry."""
    target = _shift(anchor, n, unit)
    if unit == "day":
        return (target, target, "day", False, False, None)
    if unit == "week":
        monday = target - dt.timedelta(days=target.weekday())
        return (monday, monday + dt.timedelta(days=6), "week", False, False, None)
    if unit == "month":
        return (target.replace(day=1), _month_end(target.year, target.month), "month", False, False, None)
    if unit == "year":
        return (_add_months(target, -6), _add_months(target, 6), "year", False, False,
                "approximate: +-6 months around the anchor shifted by whole years")
    width = 36 if unit == "decade" else 120
    return (_add_months(target, -width), _add_months(target, width), unit, False, False,
            "approximate: centred on the anchor shifted by the stated amount")


@lru_cache(maxsize=1024)
def _numeric_date(raw: str) -> Interval:
    """Slashed numeric dates go to dateparser: its month/day order handling is the reliable part."""
    import dateparser  # slow to import; only numeric dates need it

    parsed = dateparser.parse(raw, languages=["en"], settings={"DATE_ORDER": "MDY"})
    if parsed is None:
        return (None, None, None, False, False, "unreadable numeric date")
    d = parsed.date()
    return (d, d, "day", False, False, "numeric date read month first")


def _date(spec: TimeSpec, anchor: dt.date | None, tense: str | None) -> Interval:
    month, day = spec.month or 1, spec.day or 1
    if spec.year is not None:
        lo = _valid(spec.year, month, day)
        if lo is None:
            return (None, None, None, False, False, "no such date")
        hi = _valid(spec.year, month, spec.day2) if spec.day2 else lo
        note = None
        if spec.weekday is not None and lo.weekday() != spec.weekday:
            note = "weekday does not match the date"
        if hi is None or hi < lo:
            return (lo, lo, "day", False, False, note)
        return (lo, hi, "day" if hi == lo else "span", False, False, note)
    if anchor is None:
        return _NO_ANCHOR
    cands = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        lo = _valid(y, month, day)
        if lo is None:
            continue
        hi = (_valid(y, month, spec.day2) if spec.day2 else lo) or lo
        if spec.weekday is not None and lo.weekday() != spec.weekday:
            continue  # "Tuesday, Feb. 10" picks the year whose Feb. 10 is a Tuesday
        cands.append((lo, max(lo, hi)))
    if not cands:
        return (None, None, None, False, False, "no such date near the anchor")
    picked = _pick(cands, anchor, tense)
    if picked is None:
        return (None, None, None, False, False, "no such date in the tense's direction")
    lo, hi = picked
    return (lo, hi, "day" if lo == hi else "span", False, False, None)


def _month_interval(year: int, month: int, part: str | None) -> tuple[dt.date, dt.date]:
    if part in _WEEK_PARTS:
        end = _month_end(year, month)
        if part == "wlast":
            return (end - dt.timedelta(days=6), end)
        n = int(part[1])
        return (dt.date(year, month, 7 * (n - 1) + 1), dt.date(year, month, 7 * n))
    if part in _MONTH_PARTS:
        d1, d2 = _MONTH_PARTS[part]
        end = _month_end(year, month)
        return (dt.date(year, month, d1), dt.date(year, month, min(d2, end.day)))
    return (dt.date(year, month, 1), _month_end(year, month))


def _month(spec: TimeSpec, anchor: dt.date | None, tense: str | None) -> Interval:
    month = spec.month or 1
    gran = "week" if spec.part in _WEEK_PARTS else "span" if spec.part in _MONTH_PARTS else "month"
    if spec.year is not None:
        lo, hi = _month_interval(spec.year, month, spec.part)
        return (lo, hi, gran, False, False, None)
    if anchor is None:
        return _NO_ANCHOR
    if spec.rel == "this":
        lo, hi = _month_interval(anchor.year, month, spec.part)
        return (lo, hi, gran, False, False, None)
    if spec.rel and spec.rel.startswith("year"):  # "July last year"
        lo, hi = _month_interval(anchor.year + int(spec.rel[4:]), month, spec.part)
        return (lo, hi, gran, False, False, None)
    cands = [_month_interval(y, month, spec.part) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    this_month = (anchor.replace(day=1), _month_end(anchor.year, anchor.month))
    picked = _pick(cands, anchor, tense, rel=spec.rel, unit_start=this_month[0], unit_end=this_month[1])
    if picked is None:
        return (None, None, None, False, False, "no such month in the tense's direction")
    return (picked[0], picked[1], gran, False, False, None)


def _quarter(spec: TimeSpec, anchor: dt.date | None, tense: str | None) -> Interval:
    q = int(spec.n or 1)

    def interval(y: int) -> tuple[dt.date, dt.date]:
        return (dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q))

    if spec.year is not None:
        lo, hi = interval(spec.year)
        return (lo, hi, "quarter", False, False, None)
    if anchor is None:
        return _NO_ANCHOR
    picked = _pick([interval(y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)], anchor, tense)
    if picked is None:
        return (None, None, None, False, False, "no such quarter in the tense's direction")
    return (picked[0], picked[1], "quarter", False, False, None)


def _season(spec: TimeSpec, anchor: dt.date | None, tense: str | None) -> Interval:
    m1, m2 = _SEASONS[spec.part or "summer"]
    if spec.sub in _SEASON_THIRDS:  # "late spring" is the season's last month
        m1 = m2 = m1 + _SEASON_THIRDS[spec.sub]

    def interval(y: int) -> tuple[dt.date, dt.date]:
        end = _add_months(dt.date(y, m1, 1), m2 - m1)  # winter runs into the next year
        return (dt.date(y, m1, 1), _month_end(end.year, end.month))

    if spec.year is not None:
        lo, hi = interval(spec.year)
        return (lo, hi, "span", False, False, "season, northern hemisphere")
    if anchor is None:
        return _NO_ANCHOR
    cands = [interval(y) for y in (anchor.year - 2, anchor.year - 1, anchor.year, anchor.year + 1)]
    if spec.rel == "this":
        picked = _pick(cands, anchor, None)
    else:
        current = [c for c in cands if c[0] <= anchor <= c[1]]
        cur = current[0] if current else (anchor, anchor)
        picked = _pick(cands, anchor, tense, rel=spec.rel, unit_start=cur[0], unit_end=cur[1])
    if picked is None:
        return (None, None, None, False, False, "no such season in the tense's direction")
    return (picked[0], picked[1], "span", False, False, "season, northern hemisphere")


def _weekday(spec: TimeSpec, anchor: dt.date, tense: str | None) -> Interval:
    wd = spec.weekday or 0
    back = (anchor.weekday() - wd) % 7
    ahead = (wd - anchor.weekday()) % 7
    if spec.rel == "last":
        d = anchor - dt.timedelta(days=back or 7)
    elif spec.rel == "next":
        d = anchor + dt.timedelta(days=ahead or 7)
    elif spec.rel == "this":
        d = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(days=wd)
    elif tense == "past":
        d = anchor - dt.timedelta(days=back)
    elif tense == "future":
        d = anchor + dt.timedelta(days=ahead)
    else:
        d = anchor - dt.timedelta(days=back) if back <= ahead else anchor + dt.timedelta(days=ahead)
    return (d, d, "day", False, False, None)


def _weekend(spec: TimeSpec, anchor: dt.date, tense: str | None) -> Interval:
    monday = anchor - dt.timedelta(days=anchor.weekday())
    this_sat = monday + dt.timedelta(days=5)
    prev_sat = this_sat - dt.timedelta(days=7)
    if spec.rel == "this":
        sat = this_sat
    elif spec.rel == "last":
        sat = prev_sat
    elif spec.rel == "next":
        sat = this_sat + dt.timedelta(days=7) if anchor.weekday() >= 5 else this_sat
    elif anchor.weekday() >= 5:
        sat = this_sat
    elif tense == "future":
        sat = this_sat
    else:
        sat = prev_sat
    return (sat, sat + dt.timedelta(days=1), "span", False, False, None)


def _period(spec: TimeSpec, anchor: dt.date) -> Interval:
    unit, shift, part = spec.unit or "year", int(spec.n or 0), spec.part
    if unit == "week":
        lo = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(days=7 * shift)
        hi = lo + dt.timedelta(days=6)
        gran = "week"
    elif unit == "month":
        first = _add_months(anchor.replace(day=1), shift)
        lo, hi, gran = first, _month_end(first.year, first.month), "month"
        if part in _MONTH_PARTS:
            lo, hi = _month_interval(first.year, first.month, part)
            gran = "span"
    elif unit == "quarter":
        q0 = (anchor.month - 1) // 3
        first = _add_months(dt.date(anchor.year, 3 * q0 + 1, 1), 3 * shift)
        lo, hi, gran = first, _month_end(_add_months(first, 2).year, _add_months(first, 2).month), "quarter"
    elif unit == "decade":
        y0 = anchor.year // 10 * 10 + 10 * shift
        lo, hi, gran = dt.date(y0, 1, 1), dt.date(y0 + 9, 12, 31), "decade"
    else:
        y = anchor.year + shift
        lo, hi, gran = dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
        if part in _YEAR_PARTS:
            m1, m2 = _YEAR_PARTS[part]
            lo, hi, gran = dt.date(y, m1, 1), _month_end(y, m2), "span"
    if part == "end_of":
        # "the end of the month/year": the last third of a month, the last month of a year
        if unit == "month":
            lo = lo.replace(day=21)
        elif unit == "year":
            lo = dt.date(lo.year, 12, 1)
        elif unit == "decade":
            lo = dt.date(hi.year - 1, 1, 1)  # the last two years
        else:
            lo = hi - dt.timedelta(days=2)
        gran = "span"
    if part == "earlier" and shift == 0:
        return (lo, anchor, "span", False, False, spec.note)
    if part == "later" and shift == 0:
        return (anchor, hi, "span", False, False, spec.note)
    return (lo, hi, gran, False, False, spec.note)
