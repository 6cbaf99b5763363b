"""Quantities: number, hedge, unit and rate as a value interval; and what is not a quantity."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from storycheck.claims.compare_values import intervals_overlap, quantities_compatible
from storycheck.claims.quantities import find_quantities
from storycheck.model import Quantity, TimeExpression


def one(sentence: str, words: str) -> Quantity:
    found = find_quantities(sentence)
    hits = [q for q in found if q.text == words]
    assert hits, f"{words!r} not found in {sentence!r}; got {[q.text for q in found]}"
    return hits[0]


def close(a: float | None, b: float | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9))


CASES = [
    # (sentence, words, min, max, unit, hedge, per)
    ("Roughly 1,200 barrels spilled.", "Roughly 1,200 barrels", 1080, 1320, "barrel", "about", None),
    ("Loggers clear more than 40,000 hectares per year.", "more than 40,000 hectares per year", 40000, None, "hectare", "more than", "year"),
    ("At least 30% of wells are dry.", "At least 30%", 30, None, "percent", "at least", None),
    ("The hall seats up to 500 guests.", "up to 500 guests", None, 500, "guest", "up to", None),
    ("Nearly 2,000 miners walked out.", "Nearly 2,000 miners", 1800, 2000, "miner", "nearly", None),
    ("Almost 70 percent agreed.", "Almost 70 percent", 63, 70, "percent", "nearly", None),
    ("Fewer than 300 workers stayed.", "Fewer than 300 workers", None, 300, "worker", "less than", None),
    ("Less than 5% was recovered.", "Less than 5%", None, 5, "percent", "less than", None),
    ("The rally drew over 10,000 people.", "over 10,000 people", 10000, None, "people", "more than", None),
    ("Some 4,000 troops crossed the river.", "Some 4,000 troops", 3600, 4400, "troop", "about", None),
    ("Around 150 families were moved.", "Around 150 families", 135, 165, "family", "about", None),
    ("Approximately 80 boats took part.", "Approximately 80 boats", 72, 88, "boat", "about", None),
    ("An estimated 75,000 fans attended.", "An estimated 75,000 fans", 67500, 82500, "fan", "about", None),
    ("They held a 90-minute session.", "90-minute", 90, 90, "minute", None, None),
    ("The hearing lasted more than three hours.", "more than three hours", 3, None, "hour", "more than", None),
    ("Talks ran for more than two hours.", "more than two hours", 2, None, "hour", "more than", None),
    ("A two-hour meeting followed.", "two-hour", 2, 2, "hour", None, None),
    ("After an hour-long call they agreed.", "hour-long", 1, 1, "hour", None, None),
    ("Nurses began a week-long strike.", "week-long", 1, 1, "week", None, None),
    ("The state imposed 25% duties.", "25%", 25, 25, "percent", None, None),
    ("He threatened 50% tariffs.", "50%", 50, 50, "percent", None, None),
    ("Yields rose at least 65% in a decade.", "at least 65%", 65, None, "percent", "at least", None),
    ("The mine produced 3,000 tons last year.", "3,000 tons", 3000, 3000, "ton", None, None),
    ("Output reached roughly 3,000 tonnes.", "roughly 3,000 tonnes", 2700, 3300, "ton", "about", None),
    ("The fund holds $4.5 billion.", "$4.5 billion", 4.5e9, 4.5e9, "USD", None, None),
    ("It borrowed US$200 million.", "US$200 million", 2e8, 2e8, "USD", None, None),
    ("The club spent €30 million.", "€30 million", 3e7, 3e7, "EUR", None, None),
    ("Police seized 12 million pesos.", "12 million pesos", 1.2e7, 1.2e7, "peso", None, None),
    ("The alliance dates back three decades.", "three decades", 3, 3, "decade", None, None),
    ("The bond has held for two centuries.", "two centuries", 2, 2, "century", None, None),
    ("A dozen trucks were stopped.", "A dozen trucks", 12, 12, "truck", None, None),
    ("Hundreds of voters queued.", "Hundreds of voters", 100, 999, "voter", "vague", None),
    ("Between 200 and 300 guests came.", "Between 200 and 300 guests", 200, 300, "guest", "range", None),
    ("Each bus carries 40-60 riders.", "40-60 riders", 40, 60, "rider", "range", None),
    ("Prices rose 4 percent a year.", "4 percent a year", 4, 4, "percent", None, "year"),
    ("Crude traded at $79 a barrel.", "$79 a barrel", 79, 79, "USD", None, "barrel"),
    ("The crab can span more than 3.5-metres.", "more than 3.5-metres", 3.5, None, "meter", "more than", None),
    ("A 500-pound bomb hit the depot.", "500-pound", 500, 500, "pound", None, None),
    ("A convoy of 10 armoured vehicles left.", "10 armoured vehicles", 10, 10, "vehicle", None, None),
    ("Hackers leaked thousands of private emails.", "thousands of private emails", 1000, 9999, "email", "vague", None),
    ("The pilot, Ortega, 35, survived.", "35", 35, 35, "age", None, None),
    ("An egg holds about 180 mg of cholesterol.", "about 180 mg", 162, 198, "milligram", "about", None),
    ("The deal is worth £45 million over five years.", "five years", 5, 5, "year", None, None),
    ("The debate lasted over five hours.", "over five hours", 5, None, "hour", "more than", None),
    ("The field pumps 3.2m barrels a day.", "3.2m barrels a day", 3.2e6, 3.2e6, "barrel", None, "day"),
    ("A 7,000-strong force moved in.", "7,000-strong", 7000, 7000, None, None, None),
    ("The 5,000-seat arena was full.", "5,000-seat", 5000, 5000, "seat", None, None),
    ("Tens of millions of dollars vanished.", "Tens of millions of dollars", 1e7, 99_999_999, "USD", "vague", None),
    ("She killed 100 ISIS fighters, officials said.", "100 ISIS fighters", 100, 100, "fighter", None, None),
    ("The league has run this way for 40-plus years.", "40-plus years", 40, None, "year", "at least", None),
    ("The night fell to minus 12 degrees.", "minus 12 degrees", -12, -12, "degree", None, None),
    ("It hit about minus 30 degrees.", "about minus 30 degrees", -33, -27, "degree", "about", None),
]


@pytest.mark.parametrize(("sentence", "words", "lo", "hi", "unit", "hedge", "per"), CASES)
def test_quantity_interval(sentence: str, words: str, lo: float | None, hi: float | None,
                           unit: str, hedge: str | None, per: str | None) -> None:
    q = one(sentence, words)
    assert close(q.value_min, lo) and close(q.value_max, hi), (q.value_min, q.value_max)
    assert (q.unit, q.hedge, q.per) == (unit, hedge, per)
    assert sentence[q.start:q.end] == words


@pytest.mark.parametrize(
    "sentence",
    [
        "The summit opened on February 3, 2026.",
        "It was the first time the two met.",
        "Doors open at 10:30 and close at 6 p.m.",
        "2. The second point is trade.",
        "Rules under Article 5 and COVID-19 measures lapsed.",
        "The 3rd round starts soon.",
        "Turnout fell in 2024.",
        "The two leaders shook hands.",
        "The rebels struck two years ago.",
        "The home side won 3-1 after extra time.",
        "The champion, now 52-3, defends his belt.",
        "The Boeing 787 and the iPhone 6 were on show.",
        "Call the helpline on 1-866-488-7386 or 08457 90 90 90.",
        "Set the width to 500px on small screens.",
        "Memorials marked 9/11 across the city.",
        "Saturated fat was studied (21, 22, 23) and again (4).",
        "New markets like 3-D printing opened.",
    ],
)
def test_not_quantities(sentence: str) -> None:
    assert find_quantities(sentence) == []


def test_offsets_point_into_the_body() -> None:
    body = "Title.\n\nThe strike idled 1,500 dockers for 11 days."
    start = body.index("The strike")
    found = find_quantities(body[start:], offset=start)
    assert [q.text for q in found] == ["1,500 dockers", "11 days"]
    assert all(body[q.start:q.end] == q.text for q in found)


def test_value_keeps_the_number_as_written() -> None:
    q = one("Nearly 2,000 people attended.", "Nearly 2,000 people")
    assert q.value == 2000


# --- compare_values -----------------------------------------------------------------


def _q(sentence: str) -> Quantity:
    found = find_quantities(sentence)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("About 1,200 came.", "More than 1,150 came.", True),
        ("They held a 90-minute session.", "The session ran over an hour.", True),
        ("It was a two-hour meeting.", "It lasted more than two hours.", True),
        ("It was a two-hour meeting.", "It lasted more than three hours.", False),
        ("Police held 12 people.", "Police held 30 people.", False),
        ("Output hit 3,000 tons.", "Output rose 40%.", None),
        ("Nearly 500 troops left.", "Some 600 troops left.", False),
        ("The firm sold 3,000 tons.", "The firm sold roughly 3,000 tonnes.", True),
        ("Nearly 2,000 people marched.", "Hundreds of protesters marched.", False),
        ("About 1,300 people marched.", "More than 1,000 protesters marched.", True),
        ("Some 300 soldiers died.", "Some 300 civilians died.", None),
        ("Loggers clear 40,000 hectares per year.", "Loggers cleared 40,000 hectares.", None),
        ("It cost $2 million.", "It cost €2 million.", None),
    ],
)
def test_quantities_compatible(a: str, b: str, expected: bool | None) -> None:
    assert quantities_compatible(_q(a), _q(b)) is expected


def test_hand_built_hedged_points_are_widened() -> None:
    about = Quantity("about 1,200", 0, 11, 1200, 1200, "people", "about")
    more = Quantity("more than 1,150", 0, 15, 1150, None, "people", "more than")
    assert quantities_compatible(about, more) is True
    nearly = Quantity("nearly 500", 0, 10, 500, 500, "troops", "nearly")
    assert quantities_compatible(nearly, Quantity("600 troops", 0, 10, 600, 600, "troops", None)) is False


def test_a_missing_quantity_is_never_a_contradiction() -> None:
    call = _q("They spoke in a 40-minute call.")
    assert quantities_compatible(call, None) is None  # "a long call" carries no number


def _t(lo: str | None, hi: str | None, grain: str | None = "day", **kw: bool) -> TimeExpression:
    return TimeExpression("x", 0, 1, lo, hi, grain, **kw)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (_t("2026-02-03", "2026-02-03"), _t("2026-02-01", "2026-02-28", "month"), True),
        (_t("2026-01-03", "2026-01-03"), _t("2026-02-01", "2026-02-10", "span"), False),
        (_t("2021-01-01", "2026-02-03", "span", open_end=True), _t("2027-05-01", "2027-05-01"), True),
        (_t(None, "2029-12-31", "span", open_start=True), _t("2031-01-01", "2031-12-31", "year"), False),
        (_t(None, None, None), _t("2026-01-03", "2026-01-03"), None),
    ],
)
def test_intervals_overlap(a: TimeExpression, b: TimeExpression, expected: bool | None) -> None:
    assert intervals_overlap(a, b) is expected


def test_seed_quantities(seeds_dir: Path) -> None:
    """The seeds' amounts come out with the hedges the outlets used."""
    expected = {
        "002": [("more than two hours", 2, None, "hour")],
        "003": [("two-hour", 2, 2, "hour"), ("roughly 3,000 tons", 2700, 3300, "ton")],
        "004": [("at least 65%", 65, None, "percent"), ("more than 3,000 tons per year", 3000, None, "ton"),
                ("hour-long", 1, 1, "hour"), ("50%", 50, 50, "percent")],
    }
    for prefix, wants in expected.items():
        body = next(seeds_dir.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
        found = [q for s in re.split(r"(?<=[.!?])\s+|\n+", body) for q in find_quantities(s)]
        by_text = {q.text: q for q in found}
        for words, lo, hi, unit in wants:
            q = by_text.get(words)
            assert q is not None, f"{words!r} not found in seed {prefix}"
            assert close(q.value_min, lo) and close(q.value_max, hi) and q.unit == unit, q
