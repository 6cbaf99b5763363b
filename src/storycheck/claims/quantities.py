"""Quantities in a sentence: the number, its hedge, its unit, as a value interval.

"roughly 1,200 barrels" -> [1080, 1320] barrel, hedge "about"; "more than 40,000
hectares per year" -> [40000, None) hectare per year. Intervals are what let the
verify stage call "about 1,200" and "more than 1,150" compatible rather than a
contradiction. Hedge widths:

* about / around / roughly / some / an estimated: +-10%
* nearly / almost / close to: [0.9x, x]
* more than / over / at least: [x, None)   (open above)
* up to / as many as / fewer than / less than / under: (None, x]   (open below)
* ranges ("between 200 and 300", "200-300"): [200, 300], hedge "range"
* "hundreds of", "dozens of", "thousands of": wide fixed bands, hedge "vague"

Not quantities: years, dates, ordinals, clock times, list numbering, and numbers
glued to names ("COVID-19", "Article 5"). Number words ("three", "a dozen") only
count before a unit or a known counted noun, so "the two leaders" is not one.
"""

from __future__ import annotations

import re

from storycheck.claims.numbers import DIGITS, NUMBER_WORD, parse_number, scale_of
from storycheck.claims.quantity_units import (
    BRIDGE_ADJECTIVES,
    COUNTED_NOUNS,
    COUNTED_PLURALS,
    CURRENCY_SYMBOLS,
    HEDGES,
    NOT_BRIDGES,
    NOT_NOUNS,
    TIME_UNITS,
    UNIT_ALTERNATION,
    UNIT_WORDS,
    VAGUE_COUNTS,
    singular,
)
from storycheck.model import Quantity

_SCALE = r"(?:hundred|thousand|million|billion|trillion|bn|mn|tn|m|k)\b"
_CORE = re.compile(
    rf"(?:(?P<cur>US\$|\$US|C\$|A\$|R\$|\$|€|£|¥|\b(?:USD|EUR|GBP|COP)\s)\s?)?"
    rf"(?:(?P<vague>\b(?i:(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)|dozens|hundreds|thousands|millions|billions))\b"
    rf"|(?P<num>(?<![\w.,])(?:{DIGITS})(?![\w,]\d)|\b(?i:a\s+dozen|{NUMBER_WORD})\b"
    rf"|\b(?i:an?)(?=\s+(?:hundred|thousand|million|billion|dozen|minute|hour|day|week|month|year|decade|century)\b)))"
    rf"(?:\s?(?P<scale>{_SCALE}))?"
)
_HYPHEN_WORDS = "|".join(sorted((w for w in UNIT_WORDS if w.isalpha() and len(w) > 2), key=len, reverse=True))
_HYPHEN_UNIT = re.compile(
    rf"(?:(?P<num>(?<![\w.,])\d+(?:\.\d+)?|\b{NUMBER_WORD})-(?P<unit>(?i:{_HYPHEN_WORDS}))(?![\w])(?P<old>-old)?"
    r"|\b(?P<lunit>(?i:minute|hour|day|week|month|year|decade))-long)\b"
)
# "a 7,000-strong force", "the 5,000-seat arena": digits glued to the counted noun
_HYPHEN_NOUN = re.compile(r"-(?P<noun>strong|[a-z]{3,})\b(?!-)")
_UNIT_AFTER = re.compile(rf"(?:\s*|-)(?P<unit>%|(?i:{UNIT_ALTERNATION}))(?![\w%])")
_PER_AFTER = re.compile(
    r"\s*(?:(?i:per|a|an|each|every)\s+|/\s*)(?P<per>(?i:second|minute|hour|day|week|month|year|capita|person|head|share|barrel|ton|tonne|gallon|litre|liter|kilo|kilogram|pound|ounce|unit))\b"
    r"|\s+(?P<adv>(?i:annually|yearly|daily|weekly|monthly))\b"
)
_NOUN_AFTER = re.compile(r"\s+(?:(?P<adj>[a-z]+|[A-Z][A-Za-z.]*)\s+)?(?P<noun>[a-z]+)\b")
_OF_NOUN = re.compile(r"\s+(?i:of)\s+(?:(?P<adj>[a-z]+)\s+)?(?P<noun>[a-z]+)\b")
_RANGE_JOIN = re.compile(r"\s*(?:[-–]|(?i:to|and))\s*")
_HEDGE_BEFORE = re.compile(
    r"(?:^|(?<=[\s(\"“]))(?P<h>(?i:" + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h, _ in HEDGES) + r"))\s+$"
)
_HEDGE_NAME = {h: name for h, name in HEDGES}
_HEDGE_WORDS = frozenset(w for h, _ in HEDGES for w in h.split())
_RANGE_OPEN = re.compile(r"(?:^|(?<=\s))(?P<w>(?i:between|from))\s+$")
_MONTH_BEFORE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)\s+$"
)
_MONTH_AFTER = re.compile(
    r"\s*(?:st|nd|rd|th)?\s+(?:of\s+)?(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b)"
)
_CLOCK_AFTER = re.compile(r"(?::\d\d|\s*(?i:a\.m\.|p\.m\.|am\b|pm\b|o'clock|GMT|UTC|ET\b|EST\b|h\d\d))")
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b")
_LABEL_BEFORE = re.compile(
    r"(?:\b(?:Article|Section|Chapter|Room|Flight|Route|Highway|Resolution|Amendment|Level|Phase|Grade|Class|"
    r"Page|Vol\.|No\.|Number|Title|Rule|Gate|Terminal|Platform|Category|Stage|Act|Law|Decree|Bill|Item)\s+|#\s*)$"
)
_TIME_PREP_BEFORE = re.compile(r"(?i:\b(?:in|since|by|during|until|before|after|from|of|the|through|early|mid|late)\s+$)")
_RELATIVE_AFTER = re.compile(r"\s+(?i:ago|earlier|later|from\s+now)\b")
_LIST_START = re.compile(r"^\s*(?:[-•*]\s*)?$")
_DURATION_VERB_BEFORE = re.compile(
    r"(?i:\b(?:last(?:s|ed|ing)?|r[au]n(?:s|ning)?|took|takes?|taking|spent|spend(?:s|ing)?|went\s+on|for|of|after|in|been)\s+)$")
# "3-1", "2-1 vote": a score or tally, not a range or two quantities
_SCORE = re.compile(r"(?<![\d.,$€£])(\d{1,3})\s?[-–]\s?(\d{1,3})(?![\d%]|[.,]\d|\s*(?:%|(?i:percent|per\s+cent)))")
# a capitalised name right before a bare number makes it a model or a label ("Boeing 787", "Windows 11")
_NAME_BEFORE = re.compile(r"\b([A-Za-z]*[A-Z][A-Za-z]*)\s+$")
# "Sotloff, 31, wrote": an age in apposition
_AGE_APPOSITION = re.compile(r"[A-Z][\w.'’]*\)?,\s$")
_NOT_NAMES = frozenset({
    "in", "on", "at", "by", "the", "a", "an", "and", "but", "or", "of", "to", "from", "with", "for", "since",
    "after", "before", "about", "some", "around", "nearly", "almost", "over", "under", "only", "just",
    "roughly", "approximately", "more", "less", "fewer", "up", "as", "than", "between", "all", "another",
    "exactly", "precisely", "while", "when", "if", "total", "are", "were", "was", "is",
})


def find_quantities(text: str, *, offset: int = 0) -> list[Quantity]:
    """Quantities in one sentence (or clause); ``offset`` places spans in the article body."""
    out: list[Quantity] = []
    taken_until = 0
    hyphens = {m.start(): m for m in _HYPHEN_UNIT.finditer(text)}
    scores = [(m.start(), m.end()) for m in _SCORE.finditer(text) if _is_score(text, m)]
    for m in _CORE.finditer(text):
        if m.start() < taken_until or any(a <= m.start() < b for a, b in scores):
            continue
        hyphen = hyphens.get(m.start("num") if m.group("num") else -1)
        if hyphen is not None:
            q = _hyphen_quantity(text, hyphen)
            if q is not None:
                out.append(q)
                taken_until = hyphen.end()
            continue
        q = _quantity_at(text, m)
        if q is not None:
            out.append(q)
            taken_until = q.end
    # "hour-long" has no number to start a core match
    for h in hyphens.values():
        if h.group("lunit") and all(h.end() <= q.start or h.start() >= q.end for q in out):
            q = _hyphen_quantity(text, h)
            if q is not None:
                out.append(q)
    out.sort(key=lambda q: q.start)
    if offset:
        out = [_shifted(q, offset) for q in out]
    return out


def _is_score(text: str, m: re.Match[str]) -> bool:
    """Small hyphenated pairs with no unit after them: a score ("won 3-1"), not a range."""
    a, b = int(m.group(1)), int(m.group(2))
    if a < b and a >= 20:
        return False
    return not _UNIT_AFTER.match(text, m.end()) and not _NOUN_AFTER.match(text, m.end()) or a >= b


def _shifted(q: Quantity, offset: int) -> Quantity:
    return Quantity(q.text, q.start + offset, q.end + offset, q.value_min, q.value_max, q.unit, q.hedge,
                    q.per, q.value)


def _hyphen_quantity(text: str, h: re.Match[str]) -> Quantity | None:
    """ "90-minute", "two-hour", "15-year-old", "hour-long": a number glued to its unit."""
    if h.group("lunit"):
        value, unit = 1.0, h.group("lunit").lower()
    else:
        value = parse_number(h.group("num"))
        if value is None:
            return None
        unit = UNIT_WORDS.get(h.group("unit").lower(), h.group("unit").lower())
    start, end = h.start(), h.end()
    hedged = _hedge_before(text, start, unit)
    if hedged:
        hedge_start, hedge = hedged
        lo, hi = _apply_hedge(value, hedge)
        return Quantity(text[hedge_start:end], hedge_start, end, lo, hi, unit, hedge, None, value)
    return Quantity(text[start:end], start, end, value, value, unit, None, None, value)


def _hedge_before(text: str, start: int, unit: str | None = None) -> tuple[int, str] | None:
    hm = _HEDGE_BEFORE.search(text, max(0, start - 20), start)
    if hm is None:
        return None
    word = " ".join(hm.group("h").lower().split())
    if word in ("over", "under") and unit in TIME_UNITS and not _DURATION_VERB_BEFORE.search(text, 0, hm.start("h")):
        return None  # "worth £45 million over five years": a period, not "more than five years"
    return hm.start("h"), _HEDGE_NAME[word]


def _apply_hedge(x: float, hedge: str | None) -> tuple[float | None, float | None]:
    if hedge == "about":
        return (min(x * 0.9, x * 1.1), max(x * 0.9, x * 1.1))
    if hedge == "nearly":
        return (min(x * 0.9, x), max(x * 0.9, x))
    if hedge in ("more than", "at least"):
        return (x, None)
    if hedge in ("up to", "less than"):
        return (None, x)
    return (x, x)


def _quantity_at(text: str, m: re.Match[str]) -> Quantity | None:  # noqa: C901 - one rule per exclusion
    start = m.start("cur") if m.group("cur") else m.start("vague") if m.group("vague") else m.start("num")
    end = m.end()
    currency = CURRENCY_SYMBOLS.get((m.group("cur") or "").strip()) if m.group("cur") else None
    scale_word = m.group("scale")
    if scale_word and scale_word in ("m", "k", "bn", "mn", "tn") and currency is None and not _digits(m):
        return None
    if scale_word in ("m",) and currency is None and not re.match(r"\s+[a-z]{3,}", text[m.end():]):
        # "300m" alone is metres as often as millions; "3.2m barrels" is millions
        end = m.end("num")
        scale_word = None
    before = text[:start]

    if m.group("vague"):
        key = " ".join(m.group("vague").lower().split())
        lo, hi = VAGUE_COUNTS[key]
        unit = currency
        of = _OF_NOUN.match(text, end)
        if of:
            noun, noun_end = of.group("noun"), of.end()
            adj = of.group("adj")
            if adj and adj.lower() not in BRIDGE_ADJECTIVES and (
                    adj.lower() in NOT_BRIDGES or _plural_noun(adj) or not _plural_noun(noun)):
                noun, noun_end = of.group("adj"), of.start("adj") + len(of.group("adj"))
            if noun.lower() not in NOT_NOUNS and noun.lower() not in ("the", "a", "an", "them", "us", "those", "these"):
                unit = _unit_name(noun)
                end = noun_end
        return Quantity(text[start:end], start, end, lo, hi, unit, "vague", None, None)

    raw = m.group("num")
    value = parse_number(raw)
    if value is None:
        return None
    is_digits = _digits(m)
    value *= scale_of(scale_word)
    minus = re.search(r"\b(?i:minus|negative)\s+$", before)
    if minus:  # "minus 20 degrees"
        value, start, before = -value, minus.start(), before[: minus.start()]

    if is_digits:
        if _LIST_START.match(before) and re.match(r"[.)](?:\s|$)", text[m.end("num"):m.end("num") + 2]):
            return None  # "1. The first item"
        if before.endswith(("-", "/")) and re.search(r"[A-Za-z]-$|/$", before):
            return None  # COVID-19, 24/7
        if re.search(r"[A-Za-z]$", before):
            return None  # G20
        if _LABEL_BEFORE.search(before):
            return None
        if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(text, m.end("num")):
            return None  # a date
        if _CLOCK_AFTER.match(text, m.end("num")) or re.search(r"\d:$", before):
            return None
        if _ORDINAL_AFTER.match(text, m.end("num")):
            return None
        if re.match(r"[A-Za-z]", text[m.end("num"):m.end("num") + 1]) and not scale_word and not _UNIT_AFTER.match(text, m.end("num")):
            return None  # "500px", "9to5Mac": glued to a word that is not a unit
        if re.match(r"-[A-Z]\b", text[m.end("num"):m.end("num") + 3]):
            return None  # "3-D"
        if len(raw) > 1 and raw[0] == "0" and raw[1].isdigit():
            return None  # phone numbers, codes, "GMT+01"
        if re.search(r"\d[-–]$", before) or re.match(r"[-–]\d+[-–]\d", text[m.end("num"):]):
            return None  # 1-866-488-7386
        if re.search(r"\d\s*/\s*$", before) or re.match(r"\s*/\s*\d", text[m.end("num"):]):
            return None  # 9/11, 24 / 7
        if re.fullmatch(r"\d+", raw) and re.search(r"\d{1,2}\s*,?\s*$", before) and _MONTH_BEFORE.search(before.rstrip(", ").rsplit(" ", 1)[0] + " "):
            return None  # the year in "March 14, 2026"
    if _RELATIVE_AFTER.match(text, end):
        return None  # "two years ago" is a time, not an amount

    unit: str | None = currency
    per: str | None = None
    range_hi: float | None = None
    plus = re.match(r"(?:-plus|\+)(?=[\s,.]|$)", text[end:end + 6])
    if plus:
        end += plus.end()

    # a range: "200-300", "200 to 300", "between 200 and 300"
    join = _RANGE_JOIN.match(text, end)
    if join:
        m2 = _CORE.match(text, join.end())
        if m2 and m2.group("num") and (not m2.group("cur") or currency):
            v2 = parse_number(m2.group("num") or "")
            if v2 is not None and (_digits(m2) == is_digits):
                v2 *= scale_of(m2.group("scale"))
                if m2.group("scale") and not scale_word:
                    value *= scale_of(m2.group("scale"))
                connector = join.group(0).strip().lower()
                opener = _RANGE_OPEN.search(text, max(0, start - 10), start)
                if v2 > value and (connector != "and" or opener) and not _MONTH_AFTER.match(text, m2.end("num")):
                    range_hi = v2
                    end = m2.end()
                    if opener:
                        start = opener.start("w")

    hyphen_noun = (_HYPHEN_NOUN.match(text, end) if is_digits and range_hi is None
                   and not re.fullmatch(r"(1[5-9]|20)\d\d", raw) else None)
    if hyphen_noun and unit is None and not _UNIT_AFTER.match(text, end):
        word = hyphen_noun.group("noun")
        if word not in NOT_NOUNS and word not in ("year", "old"):
            hedged = _hedge_before(text, start)
            if hedged:
                start, hedge_name = hedged
            else:
                hedge_name = None
            lo, hi = _apply_hedge(value, hedge_name)
            return Quantity(text[start:hyphen_noun.end()], start, hyphen_noun.end(), lo, hi,
                            None if word == "strong" else singular(word), hedge_name, None, value)
    unit_m = _UNIT_AFTER.match(text, end)
    if unit_m and unit is None:
        word = " ".join(unit_m.group("unit").lower().split())
        unit = UNIT_WORDS.get(word, word)
        if unit == "kilometer" and word == "m":
            unit = "meter"
        end = unit_m.end()
    elif unit_m and unit is not None and UNIT_WORDS.get(unit_m.group("unit").lower()) == unit:
        end = unit_m.end()  # "US$ 200 dollars" says it twice
    if unit is None:
        noun_m = _NOUN_AFTER.match(text, end)
        if noun_m:
            counted = _counted_noun(noun_m, is_digits or raw.lower().endswith("dozen"))
            if counted is not None:
                unit, end = counted
    if unit in TIME_UNITS and _RELATIVE_AFTER.match(text, end):
        return None  # "two years ago" is a time, not an amount
    if unit is None and not is_digits and not raw.lower().endswith("dozen"):
        return None  # a bare number word ("the two leaders") is not a quantity
    if unit is None and raw.lower() in ("a", "an"):
        return None
    if unit is None and is_digits and re.fullmatch(r"(1[5-9]|20)\d\d", raw) and scale_word is None:
        return None  # a bare year
    if unit is None and is_digits and scale_word is None and (
            re.search(r"\d\s+$", before) or re.match(r"\s+\d", text[end:end + 2])):
        return None  # runs of bare numbers: phone numbers, tables, references
    if unit is None and is_digits and scale_word is None and (
            re.search(r"(?:[(\[=]|\d,)\s*$", before) or re.match(r"\s*(?:[)\];]|,\s*\d)", text[end:end + 4])):
        return None  # citations "(12)", lists "5, 6, 7", code "[0]", "= 60;"
    if unit is None and is_digits and scale_word is None and _AGE_APPOSITION.search(before) and text[end:end + 1] == ",":
        return Quantity(text[start:end], start, end, value, value, "age", None, None, value)
    if unit is None and is_digits and scale_word is None:
        name = _NAME_BEFORE.search(before)
        if name and name.group(1).lower() not in _NOT_NAMES and name.group(1).lower() not in _HEDGE_WORDS:
            return None
    if unit is not None and is_digits and re.fullmatch(r"(1[5-9]|20)\d\d", raw) and _TIME_PREP_BEFORE.search(before):
        return None  # "in 2024 protesters marched"
    if unit is not None and not currency:
        per_m = _PER_AFTER.match(text, end)
        if per_m:
            per = (per_m.group("per") or "").lower() or {
                "annually": "year", "yearly": "year", "daily": "day", "weekly": "week", "monthly": "month"
            }[per_m.group("adv").lower()]
            end = per_m.end()
    elif currency:
        per_m = _PER_AFTER.match(text, end)
        if per_m and per_m.group("per"):
            per = per_m.group("per").lower()
            end = per_m.end()

    hedge: str | None = None
    if range_hi is not None:
        lo, hi, hedge = value, range_hi, "range"
    elif plus:
        lo, hi, hedge = value, None, "at least"
    else:
        hedged = _hedge_before(text, start, unit)
        if hedged:
            start, hedge = hedged
        lo, hi = _apply_hedge(value, hedge)
    if raw.lower() in ("a", "an") and hedge is None and unit in TIME_UNITS:
        return None  # "a year" alone is rarely a claimed amount
    return Quantity(text[start:end], start, end, lo, hi, unit, hedge, per, value)


def _digits(m: re.Match[str]) -> bool:
    raw = m.group("num") or ""
    return bool(raw) and (raw[0].isdigit() or raw[0] == ".")


def _plural_noun(word: str) -> bool:
    w = word.lower()
    return w.endswith("s") and not w.endswith("ss") and w not in NOT_NOUNS and len(w) > 3


def _unit_name(noun: str) -> str:
    word = noun.lower()
    return UNIT_WORDS.get(word) or singular(word)


def _counted_noun(noun_m: re.Match[str], any_plural: bool) -> tuple[str, int] | None:
    """The counted noun after a number and where it ends, or None.

    Any plural counts after digits; after number words only known counted nouns do.
    """
    adj, noun, end = noun_m.group("adj"), noun_m.group("noun"), noun_m.end()
    if adj is not None and adj[0].isupper():
        if not _plural_noun(noun):
            return None  # "58,000 U.S. dollars"-like runs are left to the unit scan; a name ends the count
    elif adj is not None and adj.lower() not in BRIDGE_ADJECTIVES and (
            adj.lower() in NOT_BRIDGES or _plural_noun(adj) or not _plural_noun(noun)):
        # the first word is the noun itself ("17 people after ...")
        noun, end = adj, noun_m.start("adj") + len(adj)
    word = noun.lower()
    if word in NOT_NOUNS or len(word) < 3:
        return None
    if word in COUNTED_NOUNS or word in COUNTED_PLURALS:
        return COUNTED_NOUNS.get(word) or singular(word), end
    if any_plural and word.endswith("s") and not word.endswith("ss"):
        return singular(word), end
    return None
