"""Metadata the page itself states: publication date, outlet, language.

Deliberately cheap (regexes and stopword counts, no dateparser or language
models): cleaning runs on every article of a batch, and the formats pages use for
these few facts are narrow.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_RX = (
    r"\b(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY_RX = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_MDY = re.compile(_WEEKDAY_RX + _MONTH_RX + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{4}))?", re.I)
_DMY = re.compile(
    _WEEKDAY_RX + r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RX + r"(?:,?\s+(?P<year>\d{4}))?", re.I
)
_ISO = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:[T ](?P<time>\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?))?"
)
_TIME_OF_DAY = re.compile(r"\b(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?", re.I)
# "WASHINGTON, Feb. 3 (Wire) -" / "BOGOTA, Colombia, March 4, 2026 -": place in capitals, a date, a dash
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'’-]{2,40})(?:,\s*[A-Z][\w .]{1,30})?,\s*(?P<date>[^()\-–—]{3,40}?)"
    r"\s*(?:\([^)]{1,40}\))?\s*[-–—]{1,2}\s"
)


def parse_date(text: str, *, default_year: int | None = None) -> str | None:
    """An ISO date (or datetime when given) from a date phrase, or None.

    Without a year in the text the date takes ``default_year``; with neither it is
    left unresolved rather than guessed.
    """
    text = text.strip()
    m = _ISO.search(text)
    if m:
        y, mo, d = int(m["year"]), int(m["month"]), int(m["day"])
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return m.group(0).replace(" ", "T") if m["time"] else f"{y:04d}-{mo:02d}-{d:02d}"
    for rx in (_MDY, _DMY):
        m = rx.search(text)
        if m:
            month = _MONTHS[m["month"].lower()[:3]]
            day = int(m["day"])
            year = int(m["year"]) if m["year"] else default_year
            if year is None or not 1 <= day <= 31:
                return None
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def dateline_date(paragraph: str, *, fetched_at: str) -> str | None:
    """The date of a wire dateline opening the first paragraph, e.g. "WASHINGTON, Feb. 3 (Wire) -"."""
    m = _DATELINE.match(paragraph)
    if not m:
        return None
    return yearless_date(m["date"], fetched_at=fetched_at)


def yearless_date(text: str, *, fetched_at: str) -> str | None:
    """Parse a date that may lack its year: it takes the fetch year, or the year
    before when that would put it after the fetch (a page cannot date the future)."""
    year = int(fetched_at[:4]) if fetched_at[:4].isdigit() else None
    iso = parse_date(text, default_year=year)
    if iso and year is not None and not re.search(r"\d{4}", text) and iso[:10] > fetched_at[:10]:
        return f"{int(iso[:4]) - 1:04d}{iso[4:]}"
    return iso


_COPYRIGHT_OWNER = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?,?\s*(?P<name>.+?)\s*$", re.I
)


def copyright_owner(line: str) -> str | None:
    """"© 2026 Harbour Times Ltd. All rights reserved." -> "Harbour Times Ltd"."""
    m = _COPYRIGHT_OWNER.match(line.strip())
    if not m:
        return None
    name = re.sub(r"\.?\s*all rights reserved\.?$", "", m["name"], flags=re.I).strip(" .,;|")
    name = re.sub(r"^by\s+(?=[A-Z])", "", name, flags=re.I)
    return name or None if len(name) <= 80 else None


def host_outlet(url: str | None) -> str | None:
    """The site's host name without "www.", the outlet of last resort."""
    if not url:
        return None
    host = urlsplit(url).hostname
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


# --- language -----------------------------------------------------------------

_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to in a is that for on with as was by at it from his her are be this have has had were "
                    "an which not but they their said will who would been its more than after over".split()),
    "es": frozenset("el la de que y en los las del se un una por con para es al lo como más pero sus le ya o "
                    "fue este ha sí porque esta entre cuando muy sin sobre también".split()),
    "fr": frozenset("le la les de des et en un une du que qui dans est pour pas par sur au avec ce il elle sont "
                    "ont été aux plus mais ou nous vous cette".split()),
    "de": frozenset("der die das und in den von zu mit sich des auf für ist im dem nicht ein eine als auch es an "
                    "werden aus er hat dass sie nach wird bei einer um".split()),
    "pt": frozenset("o a os as de do da dos das que e em um uma para com não por mais se no na nos nas ao foi "
                    "como mas ele ela seu sua pelo pela".split()),
    "it": frozenset("il lo la i gli le di del della che e è in un una per con non si da al alla sono come più "
                    "ma anche nel nella ha questo".split()),
    "cs": frozenset("a se na je že v ve do to o s z za ale jako by od pro jsou po k ke jeho jen už tak "
                    "které který která bylo byl jsem".split()),
    "nl": frozenset("de het een en van in is dat op te met voor zijn niet aan er die als bij ook om door naar "
                    "maar wordt heeft".split()),
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_GREEK = re.compile(r"[\u0370-\u03ff]")
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


def _script_language(sample: str) -> str | None:
    """Languages that their script alone gives away (Japanese, Korean, Chinese, Greek)."""
    letters = len(_LETTER.findall(sample))
    if not letters:
        return None
    if len(_KANA.findall(sample)) >= 0.1 * letters:
        return "ja"
    if len(_HANGUL.findall(sample)) >= 0.3 * letters:
        return "ko"
    if len(_HAN.findall(sample)) >= 0.3 * letters:
        return "zh"
    if len(_GREEK.findall(sample)) >= 0.5 * letters:
        return "el"
    return None


def clean_author(value: str | None) -> str | None:
    """Tidy an author string from page metadata: "A; A" repeated in capitals, "Username" placeholders."""
    if not value:
        return None
    seen: dict[str, str] = {}
    for part in re.split(r"\s*;\s*", value.strip()):
        part = part.strip(" ,")
        if part and part.casefold() not in _PLACEHOLDER_AUTHORS and part.casefold() not in seen:
            seen[part.casefold()] = part
    return "; ".join(seen.values()) or None


_PLACEHOLDER_AUTHORS = frozenset({"username", "user", "admin", "administrator", "guest", "anonymous", "author",
                                  "editor", "staff", "作者"})


def detect_language(text: str) -> str:
    """ISO 639-1 code from stopword ratios, or "und" when no language stands out.

    Stopwords are the cheapest reliable signal for news prose of a few hundred
    words; the report only needs to know "English or not" to decide whether the
    English claim extractor applies.
    """
    by_script = _script_language(text[:2_000])
    if by_script is not None:
        return by_script
    counts = Counter(_WORD.findall(text[:8_000].lower()))
    n = sum(counts.values())
    if n < 5:
        return "und"
    scores = {lang: sum(counts[w] for w in stop.intersection(counts)) / n for lang, stop in _STOPWORDS.items()}
    best = max(scores, key=lambda k: scores[k])
    if scores[best] < 0.12:
        return "und"
    return best
