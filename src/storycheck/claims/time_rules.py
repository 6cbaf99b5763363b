"""Where the time expressions are in a sentence, and what each one says, before any anchor.

The finder is a set of precompiled regular expressions, one per shape of
expression; each match becomes a ``TimeSpec``: what the words mean ("the Thursday
before the anchor", "early in the nearest January") without any calendar yet.
``times.py`` turns a spec into dates against an anchor and a tense. Splitting the
two is what lets ``resolve_time`` re-date an expression when the story fixes a
new anchor, without finding it again in the body.

Why not dateparser.search: it is slow on every sentence of a corpus and finds
dates in "May" (the verb) and "3,000"; locating with anchored patterns and only
parsing the located words is both faster and stricter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storycheck.claims.numbers import parse_number
from storycheck.claims.quantity_units import NOT_NOUNS
from storycheck.claims.time_patterns import (
    CASED,
    MONTH_NUMBER,
    MONTHS,
    NEEDS_UNIT,
    NUM,
    PATTERNS,
    PREFILTER,
    TRIGGERS,
    UNIT_STEMS,
    WEEKDAY_NUMBER,
    WEEKDAYS,
)


@dataclass(frozen=True, slots=True)
class TimeSpec:
    """What a time expression says, independent of any anchor.

    ``kind`` picks the resolver in ``times.py``; the other fields are the pieces
    the words gave (None when the words did not say). Hashable so resolutions
    can be cached per (spec, anchor, tense).
    """

    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    day2: int | None = None
    n: float | None = None
    unit: str | None = None
    rel: str | None = None  # "last" | "next" | "this" | shift for relative periods
    part: str | None = None  # "early" | "mid" | "late" | "start" | "end" | "earlier" | "later" | "h1" ...
    inner: tuple[TimeSpec, ...] = ()
    note: str | None = None
    weekday: int | None = None
    sub: str | None = None  # part of a season: "early" | "mid" | "late"


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    spec: TimeSpec


def _part_of(word: str | None) -> str | None:
    if not word:
        return None
    w = " ".join(word.lower().split())
    if w.startswith("the "):
        w = w.split()[1]
    return {"beginning": "start", "middle": "mid"}.get(w, w)


def _unit_of(word: str) -> str:
    w = word.lower()
    if w.startswith("centur"):
        return "century"
    return w.rstrip("s")


def _num_of(word: str | None) -> float | None:
    if word is None:
        return None
    return parse_number(word)


# A bare number this large is a count, not a year, when a plural noun follows it
# ("1800 volunteers") unless a time word or determiner comes first ("in 2024", "the 2024 elections").
_YEAR_CUE_BEFORE = re.compile(
    r"(?i:\b(?:in|since|by|before|after|until|till|during|of|from|to|through|the|early|mid|late|fiscal|year|"
    r"between|and|or|circa|c\.|summer|winter|spring|autumn|fall|its|their|his|her|'s)\s*$)|'s\s*$|[,;(]\s*$")
_COUNT_HEDGE_BEFORE = re.compile(
    r"(?i:\b(?:about|around|roughly|approximately|nearly|almost|some|over|than|up\s+to|estimated|just)\s*$)")
_PLURAL_AFTER = re.compile(r"\s+(?:([a-z]+)\s+)?([a-z]+s)\b")
_NAME_AFTER = re.compile(r"\s+(?!(?:" + "|".join(WEEKDAYS + MONTHS) + r")\b)[A-Z][a-z]+")
_MONTH_CUE_BEFORE = re.compile(
    r"(?i:\b(?:in|since|by|until|till|before|after|early|mid|late|last|next|this|of|from|to|through|during|a|an|"
    r"the|its|his|her|their|our|between|and|or|end|beginning|start|middle)\s*-?\s*$)|'s\s*$")

_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}
_REL_DAY = {
    "the day before yesterday": -2, "the day after tomorrow": 2, "yesterday": -1, "today": 0,
    "tonight": 0, "tomorrow": 1, "last night": -1, "this morning": 0, "this afternoon": 0, "this evening": 0,
}
def _counts_noun(after: re.Match[str]) -> bool:
    """Whether the words after a bare number read as the thing counted ("1850 volunteers")."""
    first, plural = after.group(1), after.group(2)
    if first is not None and (first in NOT_NOUNS or first in ("the", "a", "an", "and", "or", "to", "in")):
        return False  # "2025 was the ...": a verb comes first
    return plural not in NOT_NOUNS and len(plural) > 3


_NUM_BEFORE = re.compile(rf"\b(?:{NUM}|(?i:a\s+few|several))\s+$")
_FOR_BEFORE = re.compile(r"(?i:\bfor\s+)$")


ANAPHORIC_NOTE = "relative to the previous dating"
_EVENT_NOTE = "relative to another event in the story, not to the anchor"
_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?)]|$)")


def _anaphor(n: float | None, unit: str, mode: str) -> TimeSpec:
    """A dating counted from the previous one in the article; ``times.resolve_anaphoric`` gives it dates."""
    return TimeSpec("anaphor", n=n, unit=unit, part=mode, note=ANAPHORIC_NOTE)


def _relative_event(text: str, m: re.Match[str]) -> Candidate | None:
    """ "three days later", "months after", "ten years on,": dated from another event, not the anchor.

    With a number and "later"/"earlier"/"on," (or "before"/"after" ending the clause:
    "two days before,") the other event is the previous dating in the article, so the
    spec is an anaphor; "two days after the vote" names its own event and stays vague.
    """
    unit, direction = m.group("unit").lower(), m.group("dir").lower()
    num = _NUM_BEFORE.search(text, max(0, m.start() - 30), m.start())
    if num is not None:
        start = num.start()
    elif unit.endswith("s") and direction in ("earlier", "later", "after") and not _FOR_BEFORE.search(
            text, max(0, m.start() - 5), m.start()):
        start = m.start()  # "months later"
    else:
        return None
    n = _num_of(num.group(0).strip()) if num is not None else None
    ends_clause = direction in ("later", "earlier", "on") or _CLAUSE_END.match(text, m.end()) is not None
    if n is not None and ends_clause:
        sign = -1 if direction in ("earlier", "before") else 1
        return Candidate(start, m.end(), _anaphor(sign * n, _unit_of(unit), "shift"))
    return Candidate(start, m.end(), TimeSpec("vague", note=_EVENT_NOTE))


_SAME_DAY = ("later that", "earlier that", "that", "that same", "the same")


def _anaphor_the(m: re.Match[str]) -> TimeSpec:
    """ "the next day", "the night before,", "that evening", "the following week"."""
    g = m.groupdict()
    if g.get("unit3"):
        rel = " ".join(g["rel3"].lower().split())
        return _anaphor(1 if rel == "the following" else 0, g["unit3"].lower(), "period")
    if g.get("unit2"):
        return _anaphor(-1 if g["dir"].lower() == "before" else 1, "day", "shift")
    rel = " ".join(g["rel"].lower().split())
    shift = 0 if rel in _SAME_DAY else -1 if rel in ("the previous", "the preceding") else 1
    return _anaphor(shift, "day", "shift")


def _rel_word(word: str | None) -> str | None:
    if not word:
        return None
    w = " ".join(word.lower().split())
    return {"this past": "last", "past": "last", "this coming": "next", "coming": "next"}.get(w, w)


def _build(name: str, m: re.Match[str], text: str) -> TimeSpec | None:  # noqa: C901 - one branch per shape
    g = m.groupdict()
    if name == "iso":
        return TimeSpec("date", year=int(m.group(1)), month=int(m.group(2)), day=int(m.group(3)))
    if name == "numeric":
        return TimeSpec("numeric", note=m.group(0))
    if name in ("mdy", "dmy"):
        mon = MONTH_NUMBER[g["mon"].rstrip(".")]
        day = int(re.sub(r"\D", "", g["day"]))
        day2 = int(re.sub(r"\D", "", g["day2"])) if g.get("day2") else None
        year = int(g["year"]) if g.get("year") else None
        wd = WEEKDAY_NUMBER[g["wd"]] if g.get("wd") else None
        return TimeSpec("date", year=year, month=mon, day=day, day2=day2, weekday=wd)
    if name in ("month_year", "month_part"):
        mon = MONTH_NUMBER[g["mon"].rstrip(".")]
        year = int(g["year"]) if g.get("year") else None
        return TimeSpec("month", year=year, month=mon, part=_part_of(g.get("part")))
    if name == "month_relyear":
        shift = {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
        return TimeSpec("month", month=MONTH_NUMBER[g["mon"]], part=_part_of(g.get("part")), rel=f"year{shift:+d}")
    if name == "month":
        rel = _rel_word(g.get("rel"))
        cued = rel is not None or _MONTH_CUE_BEFORE.search(text[: m.start()])
        if g["mon"] in ("May", "March") and not cued:
            return None  # the verbs, capitalised at the start of a sentence
        if not cued and _NAME_AFTER.match(text, m.end()):
            return None  # "April Ryan", "Theresa May": a first name, not a month
        return TimeSpec("month", month=MONTH_NUMBER[g["mon"]], rel=rel)
    if name == "century":
        return TimeSpec("century", n=int(g["n"]))
    if name == "decade":
        start = int(g["full"]) if g.get("full") else 1900 + int(g["short"])
        return TimeSpec("decade", year=start, part=_part_of(g.get("part")))
    if name == "year_range":
        y1 = int(g["y1"])
        y2s = g["y2"] or g["y3"]
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        if y2 <= y1:
            return None
        return TimeSpec("range", inner=(TimeSpec("year", year=y1), TimeSpec("year", year=y2)))
    if name == "year_part":
        return TimeSpec("year", year=int(g["year"]), part=_part_of(g["part"]))
    if name == "half":
        part = "h1" if g["h"].lower() == "first" else "h2"
        if g.get("year"):
            return TimeSpec("year", year=int(g["year"]), part=part)
        shift = {"the": 0, "this": 0, "last": -1, "next": 1}[g["rel"].lower()]
        return TimeSpec("period", unit="year", n=shift, part=part)
    if name == "season":
        sub = _part_of(g.get("sp") or g.get("sp2") or g.get("sp3"))
        if g.get("s"):
            season = g["s"].lower()
            return TimeSpec("season", year=int(g["year"]), part="autumn" if season == "fall" else season, sub=sub)
        season = (g.get("s2") or g["s3"]).lower()
        rel = _rel_word(g.get("rel"))
        return TimeSpec("season", rel=None if rel in ("the", None) else rel,
                        part="autumn" if season == "fall" else season, sub=sub)
    if name == "week_of_month":
        nth = {"first": "w1", "second": "w2", "third": "w3", "fourth": "w4", "last": "wlast", "final": "wlast"}
        return TimeSpec("month", month=MONTH_NUMBER[g["mon"]], year=int(g["year"]) if g.get("year") else None,
                        part=nth[g["nth"].lower()])
    if name == "pre_post":
        year = TimeSpec("year", year=int(g["year"]))
        return TimeSpec("before" if g["w"].lower() == "pre" else "after", inner=(year,))
    if name == "quarter":
        if g.get("qn"):
            return TimeSpec("quarter", n=int(g["qn"]), year=int(g["year2"]))
        return TimeSpec("quarter", n=_QUARTERS[g["q"].lower()], year=int(g["year"]) if g.get("year") else None)
    if name == "rel_day":
        return TimeSpec("rel_day", n=_REL_DAY[" ".join(g["w"].lower().split())])
    if name == "weekday":
        return TimeSpec("weekday", weekday=WEEKDAY_NUMBER[g["wd"]], rel=_rel_word(g.get("rel")))
    if name == "weekend":
        rel = _rel_word(g["rel"])
        return TimeSpec("weekend", rel=None if rel == "the" else rel)
    if name == "period":
        rel = " ".join(g["rel"].lower().split())
        shift = {"this": 0, "current": 0, "the current": 0, "last": -1, "next": 1,
                 "the previous": -1, "the prior": -1}[rel]
        note = "read against the anchor; the story may mean the year before another date" if rel in (
            "the previous", "the prior") else None
        return TimeSpec("period", unit=g["unit"].lower(), n=shift, part=_part_of(g.get("part")), note=note)
    if name == "period_in_the":
        return TimeSpec("period", unit=g["unit"].lower(), n=0, part=g["part"].lower())
    if name == "end_of_period":
        rel = g["rel"].lower()
        shift = {"this": 0, "the": 0, "last": -1, "next": 1}[rel]
        part = _part_of(g["part"])
        return TimeSpec("period", unit=g["unit"].lower(), n=shift, part={"end": "end_of"}.get(part or "", part))
    if name == "past_n":
        if g.get("unit"):
            return TimeSpec("span_back", n=1, unit=_unit_of(g["unit"]))
        n = _num_of(g["n"])
        return TimeSpec("span_back", n=n, unit=_unit_of(g["units"])) if n else None
    if name == "ago":
        n = _num_of(g["n"])
        if n is None:
            return TimeSpec("vague", note="vague: no number of units")
        unit = _unit_of(g["unit"])
        if unit == "fortnight":
            n, unit = n * 2, "week"
        hedge = " ".join((g.get("hedge") or "").lower().split())
        # "more than a year ago" is open into the past; "less than a year ago" runs to the anchor
        bound = "before" if hedge in ("more than", "over", "just over") else "after" if hedge in (
            "less than", "under", "just under") else None
        return TimeSpec("ago", n=n, unit=unit, part=bound)
    if name == "duration":
        if g.get("prep2"):
            n2 = _num_of(g["n2"])
            kind = "in_n" if g["prep2"].lower() == "in" else "for_n"
            return TimeSpec(kind, n=n2, unit=_unit_of(g["unit2"])) if n2 else None
        n = _num_of(g["n"])
        if n is None:
            return None
        hedge = (g.get("hedge") or "").lower()
        open_back = hedge.startswith(("more", "over", "at least"))
        return TimeSpec("in_n" if g["prep"].lower() == "in" else "for_n", n=n, unit=_unit_of(g["unit"]),
                        part="open" if open_back else None)
    if name == "anaphor_the":
        return _anaphor_the(m)
    if name == "anaphor_hours":
        n = _num_of(g["n"]) if g.get("n") else None
        sign = -1 if g["dir"].lower() == "earlier" else 1
        return _anaphor(sign * n if n is not None else float(sign), _unit_of(g["unit"]), "hours" if n is not None else "some_hours")
    if name in ("relative_event", "relative_the"):
        return TimeSpec("vague", note="relative to another event in the story, not to the anchor")
    if name == "vague":
        return TimeSpec("vague", note="vague period; not resolved to dates")
    if name == "year":
        before = text[max(0, m.start() - 30): m.start()]
        if _COUNT_HEDGE_BEFORE.search(before):
            return None
        if not _YEAR_CUE_BEFORE.search(before):
            after = _PLURAL_AFTER.match(text, m.end())
            if after and not text[m.end():].lstrip().startswith(("and", "or")) and _counts_noun(after):
                return None
        return TimeSpec("year", year=int(g["year"]))
    raise AssertionError(name)


def locate(text: str) -> list[Candidate]:
    """Every time expression in ``text`` with its spec, longest non-overlapping matches first.

    Then prefix words that change the meaning are folded in ("since 2021",
    "before 2030", "by 2030"), and "from X to Y" / "between X and Y" become one range.
    """
    if not PREFILTER.search(text):
        return []
    found: list[Candidate] = []
    low = text.lower()
    for name, pattern in PATTERNS:
        triggers = TRIGGERS.get(name)
        if triggers and not any(t in (text if name in CASED else low) for t in triggers):
            continue
        if name in NEEDS_UNIT and not any(u in low for u in UNIT_STEMS):
            continue
        for m in pattern.finditer(text):
            if m.end() == m.start():
                continue
            if name == "relative_event":
                rel = _relative_event(text, m)
                if rel is not None:
                    found.append(rel)
                continue
            spec = _build(name, m, text)
            if spec is not None:
                found.append(Candidate(m.start(), m.end(), spec))
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    chosen: list[Candidate] = []
    for cand in sorted(found, key=lambda c: (-(c.end - c.start), c.start)):
        if all(cand.end <= k.start or cand.start >= k.end for k in chosen):
            chosen.append(cand)
    chosen.sort(key=lambda c: c.start)
    return _fold_prefixes(text, _merge_ranges(text, chosen))


_RANGE_OPEN = re.compile(r"(?i:\b(from|between)\s+)$")
_RANGE_JOIN = re.compile(r"(?i:\s*(?:to|through|until|till|and|[-–])\s*)")
_PREFIX = re.compile(r"(?i:\b(since|before|by)\s+(the\s+)?)$")
_ABSOLUTE_KINDS = {"date", "month", "year", "decade", "season", "quarter", "numeric", "century"}
_RANGE_KINDS = _ABSOLUTE_KINDS | {"weekday"}
# "since last year", "since Tuesday", "since the start of the year": all run from X's start to the anchor
_SINCE_KINDS = _ABSOLUTE_KINDS | {"period", "weekday", "rel_day", "weekend", "ago"}


def _merge_ranges(text: str, cands: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        opener = _RANGE_OPEN.search(text, 0, a.start)
        if a.spec.kind == "range" and opener and opener.group(1).lower() == "from":
            out.append(Candidate(opener.start(), a.end, a.spec))  # "from 2016 to 2021" found as one range
            i += 1
            continue
        if i + 1 < len(cands):
            b = cands[i + 1]
            join = _RANGE_JOIN.fullmatch(text, a.end, b.start)
            if (opener and join and a.spec.kind in _RANGE_KINDS and b.spec.kind in _RANGE_KINDS
                    and (a.spec.kind == "weekday") == (b.spec.kind == "weekday")
                    and (opener.group(1).lower() == "between") == ("and" in join.group(0).lower())):
                out.append(Candidate(opener.start(), b.end, TimeSpec("range", inner=(a.spec, b.spec))))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _fold_prefixes(text: str, cands: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for c in cands:
        pre = _PREFIX.search(text, max(0, c.start - 12), c.start)
        if pre and pre.group(1).lower() == "since" and c.spec.kind in _SINCE_KINDS:
            out.append(Candidate(pre.start(), c.end, TimeSpec("since", inner=(c.spec,))))
            continue
        if pre and c.spec.kind in _ABSOLUTE_KINDS and not pre.group(2):
            word = pre.group(1).lower()
            # "by Feb. 3" is a deadline, kept as the date; "by 2030" is a horizon worth the open interval
            if word == "since" or (word == "before") or (word == "by" and c.spec.kind == "year" and c.spec.part is None):
                out.append(Candidate(pre.start(), c.end, TimeSpec(word, inner=(c.spec,))))
                continue
        out.append(c)
    return out
