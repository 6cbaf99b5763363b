"""Word lists and the tiny text normaliser the verify stage aligns claims with.

Verification runs on every story of every run, so it cannot afford a parser: it
works on lower-cased word tokens, a crude suffix stemmer, and a lexicon that maps
the many ways news writes an event ("met", "the meeting", "talks", "hosted") to one
event class. Two claims can only contradict each other about an event when they
talk about the same class of event, which is what keeps "a January phone call"
from being compared with "the January 3 raid".
"""

from __future__ import annotations

import re
from functools import lru_cache

WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*[A-Za-z]|[A-Za-z]")

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its itself just
    me more most my myself no nor not now of off on once only or other our ours ourselves out over own
    same she should so some such than that the their theirs them themselves then there these they this
    those through to too under until up very was we were what when where which while who whom why will
    with would you your yours yourself said says say told according mr mrs ms dr also amid despite
    including however new one two three since year years month months week weeks day days time
    today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december early late
    last next first second recent recently s t""".split()
)

# event class -> surface forms. Verbs are listed with their inflections rather than stemmed
# because the crude stemmer would merge "call" (an event) with "called" (naming someone).
_EVENT_FORMS: dict[str, str] = {
    "meet": "meet meets met meeting meetings summit summits talks hosted hosts hosting host visit "
    "visits visited visiting encounter sit-down",
    "capture": "capture captured captures capturing raid raids raided seize seized seizing arrest "
    "arrested arrests detain detained detention abducted abduction kidnapping kidnapped ouster "
    "apprehended",
    "call": "call phone phoned conversation conversations spoke",
    "sanction": "sanction sanctions sanctioned sanctioning",
    "tariff": "tariff tariffs",
    "election": "election elections elected reelected re-elected vote voted votes voting ballot",
    "attack": "attack attacks attacked strike strikes struck bombing bombed bombings shelling shelled "
    "airstrike airstrikes",
    "death": "killed kill kills killing died dies death deaths dead fatalities executed execution beheaded",
    "injury": "injured wounded injuries",
    "resign": "resign resigned resigns resignation",
    "agreement": "agreement agreements deal deals accord accords treaty signed signs signing",
    "deport": "deport deported deportation deportations deportees deportee repatriation",
    "visa": "visa visas",
    "inauguration": "inauguration inaugurated sworn",
    "verdict": "convicted conviction guilty acquitted acquittal sentenced sentence verdict",
    "trial": "trial trials indicted indictment charged",
    "release": "released release freed",
    "protest": "protest protests protested protesters demonstration demonstrations marched marchers marching",
    "lawsuit": "lawsuit lawsuits sued sues",
    "launch": "launch launched launches",
    "crash": "crash crashed crashes",
    "disaster": "earthquake quake flood floods flooding flooded floodwater floodwaters overflowed burst "
    "hurricane storm wildfire fire fires blaze explosion exploded blast evacuated evacuation displaced "
    "homes swept gutted",
    "strike_work": "walkout stoppage",
    "announce": "announced announcement unveiled",
    "decision": "ruling ruled decision",
    "aid": "aid assistance",
    "production": "production produced output cultivation",
    "flight": "flight flights",
    "rescue": "rescue rescued rescuing",
    "score": "scored scores scoring goal goals",
    "budget": "budget budgets",
}

EVENT_CLASS: dict[str, str] = {
    form: cls for cls, forms in _EVENT_FORMS.items() for form in forms.split()
}

# forms that name an event only when written in lower case: "a march against fares" is a
# protest, "March 22" is a month
LOWERCASE_EVENT_FORMS: dict[str, str] = {"march": "protest", "marches": "protest"}

# an event told by a verb and its particle ("walked out on Friday": a strike); "walked
# out of the meeting" is leaving a room, so the particle must not be followed by "of"
PHRASAL_EVENTS = re.compile(r"\b(?:walk|walks|walked|walking)\s+out\b(?!\s+of\b)", re.IGNORECASE)
PHRASAL_EVENT_CLASS = "attack"

# words that, right before an event word, say it is another occurrence of a recurring event
RECURRENCE_MARKERS = frozenset(
    "previous previously earlier last another second third prior former next subsequent "
    "follow-up later".split()
)

# cues that a clause talks about something planned rather than something that happened
FUTURE_CUES = re.compile(
    r"\b(?:will|shall|is set to|are set to|set to|expected to|is expected|are expected|upcoming|"
    r"scheduled|plans? to|planned|is to|are to|is due|are due|due to|going to|would)\b",
    re.IGNORECASE,
)

NEGATIONS = frozenset("not no never n't nor without neither".split())

# pairs of opposite acts: word -> (act, sign). Two claims about the same fact with
# opposite signs for the same act disagree on what happened.
_OPPOSITES: tuple[tuple[str, str, str], ...] = (
    ("accept", "accept accepted accepts accepting agreed agree agrees", "refuse refused refuses "
     "refusing reject rejected rejects rejecting declined declines decline"),
    ("confirm", "confirm confirmed confirms admitted admits", "deny denied denies denying"),
    ("win", "win won wins winning", "lose lost loses losing"),
    ("guilty", "convicted guilty", "acquitted acquittal"),
    ("approve", "approve approved approves passed", "veto vetoed blocked reject rejected rejects"),
    ("resume", "resumed resume resumes restarted", "suspended suspend halted halt stopped"),
    ("rise", "rose rise rising increased increase surged grew", "fell fall falling decreased "
     "decrease dropped declined shrank"),
    ("alive", "survived alive", "died dead killed"),
    ("open", "opened open reopened", "closed shut"),
)

# a word may set several acts ("rejected" is the opposite of both "accepted" and "approved")
OPPOSITE_SIGN: dict[str, list[tuple[str, int]]] = {}
for _act, _pos, _neg in _OPPOSITES:
    for _w in _pos.split():
        OPPOSITE_SIGN.setdefault(_w, []).append((_act, 1))
    for _w in _neg.split():
        OPPOSITE_SIGN.setdefault(_w, []).append((_act, -1))

_ALIASES = {
    "u.s.": "united states",
    "us": "united states",
    "u.s": "united states",
    "usa": "united states",
    "america": "united states",
    "the united states": "united states",
    "u.k.": "united kingdom",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "un": "united nations",
    "u.n.": "united nations",
    "the united nations": "united nations",
    "eu": "european union",
}

_TITLES = re.compile(
    r"^(?:president|prime minister|mr\.?|mrs\.?|ms\.?|dr\.?|senator|sen\.|rep\.|gov\.|governor|"
    r"minister|general|gen\.|king|queen|pope|chancellor|then-president|former president)\s+",
    re.IGNORECASE,
)


def words(text: str) -> list[str]:
    """Lower-cased word tokens; curly apostrophes folded so "Colombia’s" matches "Colombia's"."""
    return [w.lower().replace("\u2019", "'") for w in WORD_RE.findall(text)]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A deliberately crude suffix stripper: enough to join "sanctions"/"sanctioned"."""
    w = word.lower().replace("\u2019", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix in ("ations", "ation", "ings", "ing", "ied", "ies", "ed", "es", "s", "ly"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    if len(w) > 3 and w[-1] == w[-2]:  # "planned" -> "plann" -> "plan"
        w = w[:-1]
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w


def content_terms(text: str) -> list[str]:
    """Stems of the words that carry content (stopwords, dates and numbers dropped)."""
    return [stem(w) for w in words(text) if w not in STOPWORDS and len(w) > 1]


@lru_cache(maxsize=16384)
def entity_key(name: str, label: str = "") -> str:
    """One key per real-world entity across outlets: people by surname, places by alias.

    Articles name a person in full once and by surname after ("Gustavo Petro",
    "Petro", "Mr. Petro"); outlets do the same, so the surname is what two outlets
    share. Organisations and places keep their full lower-cased name.
    """
    text = re.sub(r"\s+", " ", name.replace("\u2019", "'")).strip()
    text = _TITLES.sub("", text)
    if text.endswith("'s"):
        text = text[:-2]
    low = text.lower().strip(" .,")
    if low.startswith("the "):
        low = low[4:]
    low = _ALIASES.get(low, low)
    if label == "PERSON" and " " in low:
        return low.rsplit(" ", 1)[-1]
    return low
