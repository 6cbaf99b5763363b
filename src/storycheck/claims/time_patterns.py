"""The patterns that locate time expressions, and the cheap word tests that gate them.

Kept apart from ``time_rules`` (which turns a match into a ``TimeSpec``) so each
stays readable. Month and weekday names are matched case-sensitively on purpose:
"may" and "march" are verbs; everything else is wrapped in (?i:...).
"""

from __future__ import annotations

import re

from storycheck.claims.numbers import NUMBER_WORD

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
MONTH_NUMBER = {name: i + 1 for i, name in enumerate(MONTHS)}
for _abbr, _num in (("Jan", 1), ("Feb", 2), ("Mar", 3), ("Apr", 4), ("Jun", 6), ("Jul", 7),
                    ("Aug", 8), ("Sep", 9), ("Sept", 9), ("Oct", 10), ("Nov", 11), ("Dec", 12)):
    MONTH_NUMBER[_abbr] = _num
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_NUMBER = {name: i for i, name in enumerate(WEEKDAYS)}

# Month and weekday names are matched case-sensitively on purpose: "may" and "march"
# are verbs; everything else in the patterns is wrapped in (?i:...).
MONTH_FULL = "|".join(MONTHS)
MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
MONTH = rf"(?:(?:{MONTH_FULL})\b|{MONTH_ABBR}(?![a-z]))"
WEEKDAY = "(?:" + "|".join(WEEKDAYS) + r")\b"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:%,]\d|\d|\s*(?:%|(?i:percent)))"
YEAR = r"(?:1[5-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d)"
NUM = rf"(?:(?<![\d,.])\d{{1,3}}(?:,\d{{3}})+|(?<![\d,.])\d+|{NUMBER_WORD}|(?i:a|an))"
PART = r"(?i:early|mid|late|the\s+(?:end|beginning|start|middle)\s+of)"
UNIT_PLURAL = r"(?i:days|weeks|months|years|decades|centuries)"
UNIT_ANY = r"(?i:days?|weeks?|months?|years?|decades?|century|centuries)"

# --- patterns: (name, compiled) ; each name has a builder below -----------------

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")),
    ("numeric", re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])")),
    ("mdy", re.compile(
        rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mon>{MONTH})\s+(?P<day>{DAY})"
        rf"(?:\s*[-–]\s*(?P<day2>{DAY}))?(?:,?\s+(?P<year>{YEAR}))?(?![\d,]\d)")),
    ("dmy", re.compile(
        rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:(?i:the)\s+)?(?<![\d.,])(?P<day>{DAY})\s+(?:(?i:of)\s+)?"
        rf"(?P<mon>{MONTH})(?:,?\s+(?P<year>{YEAR}))?")),
    ("month_year", re.compile(rf"(?:(?P<part>{PART})[-\s]\s*)?(?P<mon>{MONTH}),?\s+(?P<year>{YEAR})")),
    ("month_relyear", re.compile(
        rf"(?:(?P<part>{PART})[-\s]\s*)?(?P<mon>{MONTH_FULL})\s+(?:(?i:of)\s+)?(?P<rel>(?i:last|this|next))\s+(?i:year)\b")),
    ("month_part", re.compile(rf"(?P<part>{PART})[-\s]\s*(?P<mon>{MONTH_FULL})\b")),
    ("month", re.compile(
        rf"(?:(?P<rel>(?i:last|next|this|this\s+past|this\s+coming|past|coming))\s+)?(?P<mon>{MONTH_FULL})\b(?!\s*\d)")),
    ("decade", re.compile(rf"(?:(?P<part>(?i:early|mid|late))[-\s]\s*)?(?:(?P<full>(?:1[5-9]|20)\d0)|'(?P<short>\d0))s\b")),
    ("year_range", re.compile(
        rf"(?<![\d,.$€£-])(?P<y1>{YEAR})(?:\s*[-–]\s*(?P<y2>{YEAR}|\d\d)|\s+(?i:to|through|until|till)\s+(?P<y3>{YEAR}))(?![\d%])")),
    ("year_part", re.compile(rf"(?P<part>{PART})[-\s]\s*(?P<year>{YEAR})")),
    ("half", re.compile(
        rf"(?i:the\s+)?(?P<h>(?i:first|second))\s+(?i:half)\s+(?i:of)\s+"
        rf"(?:(?P<year>{YEAR})|(?P<rel>(?i:the|this|last|next))\s+(?i:year)\b)")),
    ("season", re.compile(
        rf"(?:(?i:the)\s+)?(?:(?P<sp>(?i:early|mid|late))[-\s]\s*)?(?P<s>(?i:spring|summer|autumn|fall|winter))\s+(?:(?i:of)\s+)?(?P<year>{YEAR})"
        rf"|(?P<rel>(?i:last|this|next|the))\s+(?:(?P<sp2>(?i:early|mid|late))[-\s]\s*)?"
        rf"(?P<s2>(?i:spring|summer|autumn|winter)|(?<!the\s)(?i:fall))\b(?!\s+(?i:of)\b)"
        rf"|\b(?P<sp3>(?i:early|mid|late))[-\s]\s*(?P<s3>(?i:spring|summer|autumn|winter))\b(?!\s+(?i:of)\b)")),
    ("week_of_month", re.compile(
        rf"(?:(?i:the)\s+)?(?P<nth>(?i:first|second|third|fourth|last|final))\s+(?i:week)\s+(?i:of)\s+"
        rf"(?P<mon>{MONTH_FULL})\b(?:,?\s+(?P<year>{YEAR}))?")),
    ("pre_post", re.compile(rf"\b(?P<w>(?i:pre|post))-(?P<year>{YEAR})\b")),
    ("century", re.compile(
        r"(?:(?i:the)\s+)?(?P<n>1\d|20|21|[2-9])(?:st|nd|rd|th)[-\s](?i:century)\b")),
    ("quarter", re.compile(
        rf"(?:(?i:the)\s+)?(?P<q>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th))\s+(?i:quarter)"
        rf"(?:,?\s+(?:(?i:of)\s+)?(?P<year>{YEAR}))?|\bQ(?P<qn>[1-4])\s+(?P<year2>{YEAR})")),
    ("rel_day", re.compile(
        r"\b(?P<w>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tonight"
        r"|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening)))\b")),
    ("weekday", re.compile(
        rf"(?:(?P<rel>(?i:last|next|this\s+past|this\s+coming|this|past|coming))\s+)?(?P<wd>{WEEKDAY})"
        rf"(?:\s+(?P<pod>(?i:morning|afternoon|evening|night)))?")),
    ("weekend", re.compile(r"\b(?P<rel>(?i:the|this|last|next|this\s+past|this\s+coming|past))\s+(?i:weekend)\b")),
    ("period", re.compile(
        r"\b(?:(?P<part>(?i:earlier|later|early|late))\s+(?:(?i:in)\s+)?)?"
        r"(?P<rel>(?i:this|last|next|the\s+previous|the\s+prior|the\s+current|current))\s+"
        r"(?P<unit>(?i:week|month|year|quarter|decade))\b")),
    ("period_in_the", re.compile(
        r"\b(?P<part>(?i:earlier|later))\s+(?i:in\s+the)\s+(?P<unit>(?i:week|month|year))\b")),
    ("end_of_period", re.compile(
        r"\b(?i:the\s+)?(?P<part>(?i:end|beginning|start|middle))\s+(?i:of)\s+(?P<rel>(?i:this|last|next|the))\s+"
        r"(?P<unit>(?i:week|month|year|decade))\b")),
    ("past_n", re.compile(
        rf"\b(?i:the)\s+(?i:past|last|previous)\s+(?:(?P<n>{NUM})\s+(?P<units>{UNIT_PLURAL})|(?P<unit>(?i:week|month|year|decade|century)))\b")),
    ("ago", re.compile(
        rf"\b(?:(?P<hedge>(?i:more\s+than|over|nearly|almost|about|around|roughly|some|less\s+than|under|just\s+over|just\s+under))\s+)?"
        rf"(?P<n>{NUM}|(?i:a\s+few|several|some|many))\s+(?P<unit>{UNIT_ANY}|(?i:fortnights?))\s+(?i:ago)\b")),
    ("duration", re.compile(
        rf"\b(?P<prep>(?i:for|over|in))\s+(?:(?P<hedge>(?i:more\s+than|over|nearly|almost|about|roughly|some|at\s+least))\s+)?"
        rf"(?P<n>{NUM})\s+(?P<unit>(?i:years?|decades?|century|centuries))\b(?!\s+(?i:ago|earlier|later|old|of\b))"
        rf"|\b(?P<prep2>(?i:in|for))\s+(?P<n2>{NUM})\s+(?P<unit2>(?i:days?|weeks?|months?))\b(?!\s+(?i:ago|earlier|later|of\b))")),
    # found at the unit word and extended backwards to its number in _relative_event: scanning for
    # a number word at every word boundary was the slowest pattern of all
    ("relative_event", re.compile(
        rf"\b(?P<unit>{UNIT_ANY})\s+(?P<dir>(?i:earlier|later|before|after|on(?=\s*,)))\b(?!\s+(?i:this|that|than))")),
    # dated from the previous dating in the article ("the next day", "that evening"): see times.resolve_anaphoric
    ("anaphor_the", re.compile(
        r"\b(?i:(?P<rel>the\s+(?:next|following)|the\s+(?:previous|preceding)|(?:later|earlier)\s+that(?:\s+same)?"
        r"|that(?:\s+same)?|the\s+same)\s+(?P<unit>day|morning|afternoon|evening|night)"
        r"|the\s+(?P<unit2>day|night|evening|morning)\s+(?P<dir>before|after)(?=\s*(?:[,.;:!?)]|$))"
        r"|(?P<rel3>the\s+following|that(?:\s+same)?)\s+(?P<unit3>week|month|year))\b")),
    ("anaphor_hours", re.compile(
        rf"\b(?:(?P<n>{NUM}|(?i:a\s+few|several))\s+)?(?P<unit>(?i:hours?|minutes?))\s+(?P<dir>(?i:later|earlier))\b")),
    ("relative_the", re.compile(
        r"\b(?i:the\s+(?:following|next|previous|same)\s+(?:day|week|month|year)|that\s+(?:day|week|month|year))\b")),
    ("vague", re.compile(
        r"\b(?:(?P<recent>(?i:recent\s+(?:days|weeks|months|years|decades)"
        r"|the\s+(?:coming|next\s+few|past\s+few|last\s+few)\s+(?:days|weeks|months|years|decades)))"
        r"|(?P<prep>(?i:for|in|over))\s+(?P<unit>(?i:days|weeks|months|years|decades))(?!\s+(?i:ago|earlier|later|of|to\s+come)))\b")),
    ("year", re.compile(rf"(?<![\d,.$€£#/:-])(?P<year>{YEAR})(?![-–]\d)\b")),
]

PREFILTER = re.compile(
    r"\d|(?i:day|night|week|month|year|decade|centur|ago\b|earlier|later|recent|quarter|spring|summer|autumn|fall|winter|tomorrow|tonight"
    r"|morning|afternoon|evening)"
    r"|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")

# month and weekday names are matched case-sensitively, so their triggers are too
MONTH_TRIGGERS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
CASED = frozenset({"mdy", "dmy", "month_year", "month_relyear", "month_part", "month", "weekday"})
PERIOD_TRIGGERS = ("week", "month", "year", "quarter", "decade")
UNIT_STEMS = ("day", "week", "month", "year", "decade", "centur", "fortnight")
# patterns that only mean something next to a unit word ("three days later")
NEEDS_UNIT = frozenset({"relative_event", "ago", "duration", "past_n", "vague"})
# Words one of which must be in the (lowercased) sentence before a pattern is tried:
# a substring test is far cheaper than a regex scan with optional leading groups.
TRIGGERS: dict[str, tuple[str, ...]] = {
    "iso": ("-",), "numeric": ("/",),
    "mdy": MONTH_TRIGGERS, "dmy": MONTH_TRIGGERS, "month_year": MONTH_TRIGGERS,
    "month_relyear": MONTH_TRIGGERS, "month_part": MONTH_TRIGGERS, "month": MONTH_TRIGGERS,
    "decade": ("0s",), "year_range": ("-", "–", " to ", "through", "until", "till"),
    "year_part": ("early", "mid", "late", "end", "beginning", "start", "middle"),
    "half": ("half",), "season": ("spring", "summer", "autumn", "fall", "winter"), "century": ("century",),
    "week_of_month": ("week",), "pre_post": ("pre-", "post-"),
    "quarter": ("quarter", "q1", "q2", "q3", "q4"),
    "rel_day": ("yesterday", "today", "tonight", "tomorrow", "night", "morning", "afternoon", "evening"),
    "weekday": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"), "weekend": ("weekend",),
    "period": PERIOD_TRIGGERS, "period_in_the": PERIOD_TRIGGERS, "end_of_period": PERIOD_TRIGGERS,
    "past_n": ("past", "last", "previous"), "ago": ("ago",),
    "duration": ("year", "decade", "centur", "day", "week", "month"),
    "relative_event": ("earlier", "later", "before", "after", "on,"),
    "relative_the": ("following", "next", "previous", "same", "that"),
    "anaphor_the": ("following", "next", "previous", "preceding", "same", "that", "before", "after"),
    "anaphor_hours": ("hour", "minute"),
    "vague": ("recent", "coming", "few", "days", "weeks", "months", "years", "decades"),
}
