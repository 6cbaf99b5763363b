"""Can two outlets' values both be true? Pure comparisons for the verify stage.

Both functions answer ``True`` (compatible), ``False`` (they cannot both hold) or
``None`` (not comparable: an unresolved date, different units, a rate against a
total, a missing number). Only ``False`` may become a contradiction, so each one
leans to ``None`` whenever the words do not pin the value down.

Look-alikes are compatible by construction: a day and the month that contains it
overlap; "about 1,200" ([1080, 1320]) and "more than 1,150" ([1150, inf)) overlap;
"a 90-minute session" and "over an hour" overlap once both are in minutes; "a long
call" has no quantity at all, so it is never compared (None).
"""

from __future__ import annotations

from storycheck.claims.quantity_units import singular
from storycheck.model import Quantity, TimeExpression

# unit -> (dimension, factor to the dimension's base unit); currencies are not converted
_CONVERSIONS: dict[str, tuple[str, float]] = {
    "second": ("duration", 1 / 60), "minute": ("duration", 1.0), "hour": ("duration", 60.0),
    "day": ("duration", 1440.0), "week": ("duration", 10080.0), "month": ("duration", 43830.0),
    "year": ("duration", 525960.0), "decade": ("duration", 5259600.0), "century": ("duration", 52596000.0),
    "ton": ("mass", 1000.0), "kilogram": ("mass", 1.0), "pound": ("mass", 0.45359), "ounce": ("mass", 0.02835),
    "kilometer": ("length", 1000.0), "meter": ("length", 1.0), "mile": ("length", 1609.344),
    "foot": ("length", 0.3048), "millimeter": ("length", 0.001), "centimeter": ("length", 0.01),
    "hectare": ("area", 1.0), "acre": ("area", 0.404686), "square kilometer": ("area", 100.0),
    "square mile": ("area", 258.999),
    "liter": ("volume", 1.0), "gallon": ("volume", 3.78541), "barrel": ("volume", 158.987),
    "megawatt": ("power", 1.0), "gigawatt": ("power", 1000.0),
}
# "people" is comparable with any noun that counts people; two different such nouns are not
# ("300 soldiers" and "300 civilians" count different groups)
_ABOUT = frozenset({"about", "around", "roughly", "approximately", "some", "an estimated", "estimated"})
_NEARLY = frozenset({"nearly", "almost", "close to"})
_PERSON_NOUNS = frozenset({
    "people", "person", "protester", "demonstrator", "worker", "migrant", "refugee", "deportee",
    "civilian", "resident", "student", "teacher", "passenger", "voter", "farmer", "employee",
    "victim", "patient", "citizen", "man", "woman", "child", "adult",
})


def intervals_overlap(a: TimeExpression, b: TimeExpression) -> bool | None:
    """Whether two datings can refer to the same time (closed intervals; open sides unbounded).

    None when either is unresolved. A day and the month containing it overlap; "since
    2021" (open at the end) overlaps anything from 2021 on; "before 2030" anything before.
    """
    ia, ib = date_bounds(a), date_bounds(b)
    if ia is None or ib is None:
        return None
    return _overlap(ia, ib)


def quantities_compatible(
    a: Quantity | None, b: Quantity | None, *, rounding: float = 0.05, exact_below: float = 100
) -> bool | None:
    """Whether two quantities can both be true; None when they do not measure the same thing.

    Units are converted within a dimension (minutes and hours, tons and kilograms);
    currencies and counted nouns must match ("people" matches any noun for people).
    A rate (``per`` "year") is only compared with a rate of the same period. Unhedged
    values of ``exact_below`` or more are widened by ``rounding`` either side,
    because outlets round large numbers differently; small counts are taken as exact.
    """
    if a is None or b is None:
        return None
    if (a.per or None) != (b.per or None):
        return None
    da, db = _dimension(a.unit), _dimension(b.unit)
    if da is None or db is None:
        return None
    if da[0] != db[0] and not ({da[0], db[0]} & {"count:people"} and {da[0], db[0]} <= _PERSON_DIMS):
        return None
    ia, ib = _value_bounds(a, da[1], rounding, exact_below), _value_bounds(b, db[1], rounding, exact_below)
    if ia is None or ib is None:
        return None
    return _overlap(ia, ib)


def date_bounds(t: TimeExpression) -> tuple[str | None, str | None] | None:
    """The closed date interval of a time expression; open sides are None; unresolved -> None."""
    if t.date_from is None and t.date_to is None:
        return None
    lo = None if t.open_start else t.date_from
    hi = None if t.open_end else t.date_to
    if lo is None and hi is None:
        return None
    return (lo[:10] if lo else None, hi[:10] if hi else None)


_PERSON_DIMS = frozenset(f"count:{n}" for n in _PERSON_NOUNS)


def _dimension(unit: str | None) -> tuple[str, float] | None:
    if unit is None:
        return ("bare", 1.0)
    u = unit.strip()
    if not u.isupper():
        u = u.lower()
        if u not in _CONVERSIONS and u not in ("percent", "people"):
            u = singular(u)  # records written by hand elsewhere may say "hours", "troops"
    if u in _CONVERSIONS:
        return _CONVERSIONS[u]
    if u.isupper() or u in ("peso", "rupee", "franc", "bolivar"):
        return (f"money:{u}", 1.0)
    if u in ("percent", "percentage point"):
        return (u, 1.0)
    return (f"count:{u}", 1.0)


def _value_bounds(q: Quantity, factor: float, rounding: float, exact_below: float) -> tuple[float | None, float | None] | None:
    lo, hi = q.value_min, q.value_max
    if lo is None and hi is None:
        if q.value is None:
            return None
        lo = hi = q.value
    if lo is not None and lo == hi:
        hedge = (q.hedge or "").lower()
        # records built elsewhere may keep a hedged point unwidened; widen it as find_quantities would
        if hedge in _ABOUT:
            lo, hi = min(lo * 0.9, lo * 1.1), max(lo * 0.9, lo * 1.1)
        elif hedge in _NEARLY:
            lo, hi = min(lo * 0.9, lo), max(lo * 0.9, lo)
        elif not hedge and abs(lo) >= exact_below:
            lo, hi = lo * (1 - rounding), lo * (1 + rounding)
    return (None if lo is None else lo * factor, None if hi is None else hi * factor)


def _overlap(a: tuple, b: tuple) -> bool:  # type: ignore[type-arg]
    a_lo, a_hi = a
    b_lo, b_hi = b
    if a_hi is not None and b_lo is not None and a_hi < b_lo:
        return False
    if b_hi is not None and a_lo is not None and b_hi < a_lo:
        return False
    return True
