"""Is the article a report of something that happened, a preview, an opinion or an analysis?

Verification needs this: a preview saying leaders "will meet on Tuesday" does not
contradict a report saying they "met on Tuesday"; it was written before. The
decision is made from the lead (the first sentences telling the main event),
because background paragraphs of any article mix tenses freely. The sentence that
decided is kept as evidence so a reader can check the call.
"""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt sgt capt gov sen rep st jr sr inc ltd co corp no vs etc "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n d.c e.g i.e a.m p.m".split()
)
_SPLIT = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")


def split_sentences(paragraph: str) -> list[str]:
    """A light sentence splitter: enough for the lead, where it only needs to find sentence ends."""
    parts: list[str] = []
    start = 0
    for m in _SPLIT.finditer(paragraph):
        before = paragraph[start : m.start()].rstrip("\"'”’)")
        last = before.split()[-1].rstrip(".").lower() if before.split() else ""
        if last in _ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", last):
            continue  # "U.S. President", "Mr. Petro", "Feb. 3"
        parts.append(paragraph[start : m.start()].strip())
        start = m.end()
    tail = paragraph[start:].strip()
    if tail:
        parts.append(tail)
    return [p for p in parts if p]


_PREVIEW = re.compile(
    r"\b(?:(?:is|are)\s+(?:expected|set|scheduled|due|slated|poised|planning|preparing|going)\s+to|"
    r"(?:is|are)\s+(?:expected|scheduled|due|slated)\s+(?:on|in|at|by|for|later|next|this|before|after|within)\b|"
    r"will\s+(?:meet|hold|host|visit|travel|sign|announce|discuss|address|attend|vote|begin|start|open|take place|"
    r"be held|be hosted|face|gather|convene|head|speak|deliver|unveil|launch)|"
    r"plans?\s+to\s+(?:meet|host|visit|hold|travel|sign)|"
    r"(?:prepare|prepares|preparing)\s+(?:to|for)\s+(?:meet|host|hold|the)|"
    r"upcoming|ahead of (?:the|their|his|her|a|next)|later this (?:week|month|year)|"
    r"(?:next|this coming) (?:week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
    re.I,
)
_REPORT = re.compile(
    r"\b(?:met|hosted|held|welcomed|received|visited|signed|announced|agreed|reached|concluded|ended|"
    r"said|told|declared|confirmed|approved|rejected|voted|passed|launched|unveiled|struck|killed|died|"
    r"arrested|won|lost|attacked|opened|closed|began|started|took place|was held|were held|sat down|"
    r"shook hands|discussed|addressed|denounced|condemned|released|published|reported|"
    r"chose|went|came|cast|left|took|gave|made|found|fell|rose|broke|hit|ran|shut|sent|saw|spoke|stood|wrote|"
    r"paid|brought|caught|fought|led|put|sold|sought|threw|upheld|overturned|swept|flooded|burned|burnt|"
    r"collapsed|derailed|crashed|erupted|struck|resigned|elected|sentenced|convicted|acquitted|jailed|"
    r"has met|have met|has signed|have signed|meets|hosts|holds|signs|announces)\b",
    re.I,
)
# simple past of regular verbs, but not after an auxiliary ("is expected", "has been delayed")
_PAST_TENSE = re.compile(r"(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\bbeen )(?<!\bwas )(?<!\bwere )\b[a-z]{3,}ed\b")
_OPINION_LABEL = re.compile(r"^(?:opinion|op-ed|commentary|editorial|column|viewpoint|perspective)\s*[:|–—-]", re.I)
_ANALYSIS_LABEL = re.compile(r"^(?:news\s+)?analysis\s*[:|–—-]", re.I)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|my|me|mine)\b")
_ARGUMENT = re.compile(
    r"\b(?:I (?:believe|think|argue|contend|would argue|am convinced)|in my (?:view|opinion)|"
    r"it is time|we must|we should|we need to)\b",
    re.I,
)
# ", who is expected to resign," is about someone else than the main event
_ASIDE = re.compile(r",\s+(?:who|which|whose|where|when)\b[^,]{0,120},")
_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")


def decide_status(
    paragraphs: list[str],
    *,
    title: str | None = None,
    labels: tuple[str, ...] = (),
) -> tuple[str, str | None]:
    """(status, evidence sentence) from the lead paragraphs, the title and section labels."""
    for label in labels:
        if label in {"opinion", "op-ed", "commentary", "editorial", "column"}:
            return "opinion", label.capitalize()
        if label in {"analysis", "news analysis"}:
            return "analysis", label.capitalize()
    if title:
        if _OPINION_LABEL.match(title):
            return "opinion", title
        if _ANALYSIS_LABEL.match(title):
            return "analysis", title
    lead = [s for p in paragraphs[:3] for s in split_sentences(p)]
    argued = _first_person_argument(lead)
    if argued is not None:
        return "opinion", argued
    for sentence in lead[:4]:
        decided = _tense_of(sentence)
        if decided is not None:
            return decided, sentence
    return "report", lead[0] if lead else None


def _tense_of(sentence: str) -> str | None:
    """The earliest cue in the sentence wins: main clauses come before their asides."""
    unquoted = _QUOTED.sub(lambda m: " " * len(m.group(0)), sentence)
    unquoted = _ASIDE.sub(lambda m: " " * len(m.group(0)), unquoted)
    preview = _PREVIEW.search(unquoted)
    report = _REPORT.search(unquoted)
    if preview and (not report or preview.start() < report.start()):
        return "preview"
    if report:
        return "report"
    if _PAST_TENSE.search(unquoted) and not _PREVIEW.search(unquoted):
        return "report"  # any verb in the past tense ("returned", "accepted"), weaker than the list above
    return None


def _first_person_argument(lead: list[str]) -> str | None:
    """Opinion pieces argue in the first person outside quotations."""
    unquoted = [_QUOTED.sub("", s) for s in lead]
    if sum(len(_FIRST_PERSON.findall(s)) for s in unquoted) < 3:
        return None
    for original, s in zip(lead, unquoted, strict=True):
        if _ARGUMENT.search(s):
            return original
    return None
