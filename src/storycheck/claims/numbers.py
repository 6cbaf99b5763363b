"""Numbers as news writes them: digits with separators, scale words, and number words.

Shared by the time and quantity rules, which both need "three decades" and
"1,200" read the same way. Hand-rolled rather than number-parser: the rules only
ever hand over a short, already-located phrase, and a dictionary lookup is
hundreds of times cheaper than a general parser on every sentence of a corpus.
"""

from __future__ import annotations

import re

UNITS_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}
TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALE_WORDS: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12,
}
# "a dozen" is exact; "a couple" is close enough to two for a comparison
SPECIAL_WORDS: dict[str, float] = {"a dozen": 12, "dozen": 12, "a couple of": 2, "a couple": 2, "a": 1, "an": 1}

_word_alt = "|".join(sorted(list(UNITS_WORDS) + list(TENS_WORDS), key=len, reverse=True))
# "twenty-five", "twenty five", "three", case-insensitive
NUMBER_WORD = rf"(?i:(?:{'|'.join(TENS_WORDS)})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|{_word_alt})"
# 1,200 | 1200 | 4.5 | .5 ; a comma group must be exactly three digits so "2,024" reads as 2024 the number
DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"

_WORD_RE = re.compile(r"[a-z]+", re.I)


def parse_number_words(words: str) -> float | None:
    """Value of a short number-word phrase ("twenty-five", "a dozen", "three"); None if not one."""
    key = words.strip().lower()
    if key in SPECIAL_WORDS:
        return SPECIAL_WORDS[key]
    total = 0
    seen = False
    for token in _WORD_RE.findall(key):
        if token in UNITS_WORDS:
            total += UNITS_WORDS[token]
        elif token in TENS_WORDS:
            total += TENS_WORDS[token]
        else:
            return None
        seen = True
    return float(total) if seen else None


def parse_number(raw: str) -> float | None:
    """Value of digits ("1,200", "4.5") or number words; None when it is neither."""
    text = raw.strip()
    if not text:
        return None
    if text[0].isdigit() or text[0] == ".":
        try:
            return float(text.replace(",", ""))
        except ValueError:
            return None
    return parse_number_words(text)


def scale_of(word: str | None) -> float:
    """Multiplier of a scale word ("million" -> 1e6, "bn" -> 1e9); 1 when absent."""
    if not word:
        return 1.0
    return SCALE_WORDS.get(word.strip().lower(), 1.0)
