"""Value comparisons: can two outlets' versions of one value both be true?

Every function answers ``True`` (compatible), ``False`` (they cannot both hold) or
``None`` (not comparable: unresolved dates, different units, no number). Only a
``False`` may ever become a contradiction, so each errs towards ``None``.

Intervals are treated as closed: "the two-hour meeting" and "more than two hours"
touch at 2 hours and are compatible, and a day is compatible with the month that
contains it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from storycheck.model import Claim, Quantity, TimeExpression
from storycheck.verify.lexicon import (
    EVENT_CLASS,
    FUTURE_CUES,
    LOWERCASE_EVENT_FORMS,
    PHRASAL_EVENT_CLASS,
    PHRASAL_EVENTS,
    RECURRENCE_MARKERS,
    WORD_RE,
)

# the claims stage owns value semantics (units, rounding, open intervals); verify only adds
# its tolerances and the rule that bare numbers are never compared
from storycheck.claims.compare_values import date_bounds as time_interval
from storycheck.claims.compare_values import intervals_overlap
from storycheck.claims.compare_values import quantities_compatible as _claims_quantities_compatible

# widening applied when a value is given as a point: "about 1,200" reads as 1,080..1,320
APPROX_HEDGES = frozenset({"about", "around", "roughly", "approximately", "some", "nearly", "almost", "close to", "an estimated", "estimated"})

# unit -> (dimension, factor to the dimension's base unit)
_UNITS: dict[str, tuple[str, float]] = {
    "second": ("duration", 1 / 60), "minute": ("duration", 1.0), "hour": ("duration", 60.0),
    "day": ("duration", 1440.0), "week": ("duration", 10080.0),
    "month": ("duration", 43800.0), "year": ("duration", 525600.0), "decade": ("duration", 5256000.0),
    "century": ("duration", 52560000.0),
    "percent": ("percent", 1.0), "percentage point": ("percent", 1.0),
    "usd": ("usd", 1.0), "dollar": ("usd", 1.0), "$": ("usd", 1.0),
    "eur": ("eur", 1.0), "euro": ("eur", 1.0), "gbp": ("gbp", 1.0), "pound": ("gbp", 1.0),
    "ton": ("mass", 1000.0), "tonne": ("mass", 1000.0), "kg": ("mass", 1.0), "kilogram": ("mass", 1.0),
    "km": ("length", 1000.0), "kilometer": ("length", 1000.0), "kilometre": ("length", 1000.0),
    "mile": ("length", 1609.34), "meter": ("length", 1.0), "metre": ("length", 1.0),
    "hectare": ("area", 1.0), "acre": ("area", 0.404686),
}


def normalise_unit(unit: str | None) -> tuple[str, float] | None:
    """(dimension, factor) for a unit the claims stage wrote; counted nouns are their own dimension."""
    if not unit:
        return None
    u = unit.strip().lower()
    if u in _UNITS:
        return _UNITS[u]
    if u.endswith("s") and u[:-1] in _UNITS:
        return _UNITS[u[:-1]]
    if u.endswith("ies"):
        u = u[:-3] + "y"
    elif u.endswith("s") and not u.endswith("ss"):
        u = u[:-1]
    return (f"count:{u}", 1.0)


def _widen_hedged(q: Quantity, approx_tolerance: float) -> Quantity:
    """ "about 1,200" given as the point 1,200 (hand-made or older records) read as a range."""
    hedge = (q.hedge or "").lower()
    if hedge in APPROX_HEDGES and q.value_min is not None and q.value_min == q.value_max:
        v = q.value_min
        lo = v * (1 - approx_tolerance)
        return replace(q, value_min=lo, value_max=v if hedge in {"nearly", "almost"} else v * (1 + approx_tolerance))
    return q


def quantities_compatible(a: Quantity, b: Quantity, *, tolerance: float = 0.05, approx_tolerance: float = 0.1) -> bool | None:
    """Whether two quantities can both be true; None when they measure different things.

    Bare numbers (no unit) are never compared: across two sentences "32" and "21"
    are far more often two different things (ages, counts) than one disputed value.
    """
    if not a.unit or not b.unit:
        return None
    return _claims_quantities_compatible(
        _widen_hedged(a, approx_tolerance), _widen_hedged(b, approx_tolerance), rounding=tolerance
    )


def times_compatible(a: TimeExpression, b: TimeExpression) -> bool | None:
    """Whether two datings can be of the same moment; None when either is unresolved."""
    return intervals_overlap(a, b)


def is_dating(t: TimeExpression) -> bool:
    """A time expression that places an event on the calendar (not a duration like "two hours")."""
    if time_interval(t) is None:
        return False
    return t.granularity not in {"decade", "century"}


# --- events -------------------------------------------------------------------


@lru_cache(maxsize=65536)
def event_mentions(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """(start, end, word, event class) for every event word in a text, offsets relative to it."""
    found: list[tuple[int, int, str, str]] = []
    for m in WORD_RE.finditer(text):
        word = m.group(0)
        w = word.lower().replace("\u2019", "'")
        cls = EVENT_CLASS.get(w) or (LOWERCASE_EVENT_FORMS.get(word) if word.islower() else None)
        if cls is not None:
            found.append((m.start(), m.end(), w, cls))
    for m in PHRASAL_EVENTS.finditer(text):
        found.append((m.start(), m.end(), m.group(0).lower(), PHRASAL_EVENT_CLASS))
    return tuple(sorted(found))


MAX_ATTACH_COST = 70.0
_WHEN_CLAUSE = re.compile(
    r"^\s*,?\s*(?:which|that)\s+(?:had\s+|has\s+|was\s+)?(?:began|begun|started|ended|erupted|broke out|"
    r"took place|happened|occurred|was held|were held)\s+(?:on|in|at)?\s*$",
    re.IGNORECASE,
)
# claims are sentences already, so no full stop here: "U.S." inside a claim is not a break
_CLAUSE_BREAK = re.compile(r",\s*(?:which|who|where|while|although|but)\b|;|\s[\u2014\u2013-]\s|\u2014")


def attached_event(claim: Claim, span_start: int, span_end: int) -> tuple[str, int] | None:
    """The event class a value (time or quantity, body offsets) belongs to, and the word's offset.

    Time adjuncts follow their event ("the capture of Maduro in early February",
    "met on February 3") or sit right before a noun ("the January 3 raid", "a January
    phone call"). So: an event word within three words after the value wins; else the
    nearest event word, preferring the left and never crossing a relative clause
    (", which Petro denounced") to reach it.
    """
    found = _attached(claim.text, claim.start, span_start, span_end)
    return (found[0], found[1]) if found else None


def attachment_cost(claim: Claim, span_start: int, span_end: int) -> float | None:
    """How loosely a value hangs on its event word (0 = "the January 3 raid"); None when on none."""
    found = _attached(claim.text, claim.start, span_start, span_end)
    return found[2] if found else None


@lru_cache(maxsize=65536)
def _attached(text: str, claim_start: int, span_start: int, span_end: int) -> tuple[str, int, float] | None:
    s, e = span_start - claim_start, span_end - claim_start
    mentions = event_mentions(text)
    if not mentions:
        return None
    best: tuple[float, str, int] | None = None
    for ms, me, _w, cls in mentions:
        if s <= ms < e:  # "hour-long call": the event word is inside the value's span
            return cls, ms + claim_start, 0.0
        if ms >= e:
            gap = text[e:ms]
            if len(WORD_RE.findall(gap)) <= 3 and not _CLAUSE_BREAK.search(gap) and "," not in gap:
                return cls, ms + claim_start, 0.0
            cost = 1.5 * len(gap) + 15
            if _CLAUSE_BREAK.search(gap):
                cost += 400
        else:
            gap = text[me:s]
            cost = float(len(gap))
            # "The strike, which began on March 5": a relative clause that only says when
            # its antecedent happened dates the antecedent
            if _CLAUSE_BREAK.search(gap) and not _WHEN_CLAUSE.match(gap):
                cost += 400
        # a value far from every event word is tied to none: better no event than a wrong one
        if cost > MAX_ATTACH_COST:
            continue
        if best is None or cost < best[0]:
            best = (cost, cls, ms + claim_start)
    return (best[1], best[2], best[0]) if best else None


def is_recurrence(claim: Claim, event_offset: int) -> bool:
    """ "their previous meeting", "another call": a different occurrence of a recurring event."""
    before = claim.text[: max(0, event_offset - claim.start)]
    tail = [w.lower() for w in WORD_RE.findall(before)[-3:]]
    return any(w in RECURRENCE_MARKERS for w in tail)


def is_planned(claim: Claim, *, article_status: str | None = None, near: int | None = None) -> bool:
    """Whether a claim states something expected rather than something that happened.

    The claims stage's modality (and tense, when it has one) decides; a preview's
    sentences with a future cue ("is set to host", "upcoming") count too, so that a
    preview's plan is never set against the report of the event itself.
    """
    tense = getattr(claim, "tense", None)
    if tense == "future" or claim.modality == "expected":
        return True
    if tense == "past":
        return False
    if near is not None:
        lo = max(0, near - claim.start - 60)
        window = claim.text[lo : near - claim.start + 40]
        if FUTURE_CUES.search(window):
            return True
    elif FUTURE_CUES.search(claim.text) and article_status == "preview":
        return True
    return False
