"""Which way a time expression points, read from the verb it attaches to.

A sentence has one tense in the claims stage, but a preview's "are set to walk off
the job on Monday after talks ended without an agreement on Saturday" holds two: the
strike is ahead of the anchor, the failed talks behind it. ``governing_tense`` reads
the nearest verb form before the expression in the same clause (or, for a fronted
"On Saturday, officials said", the first one after it) from plain text with a small
lexicon, and answers only when that verb says so plainly; ``None`` means "use the
sentence's tense".

Deliberately narrow: an unknown word is skipped, a clause boundary ("that", "if",
"and", a comma or a quote mark) or a verb of unclear direction ("would", "is", "has",
an infinitive) stops the search with no answer, and a speech verb followed by its own
clause ("said the ship arrives on Monday") is not the one that governs the date.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|,(?=\s)|[;:!?\"“”()—]|\.(?=\s|$)")
_WINDOW = 10  # words looked at before the expression
_AHEAD = 6  # words looked at after a fronted expression

_FUTURE = frozenset({"will", "shall", "won't", "won’t", "wo", "'ll"})
_UNCLEAR = frozenset({
    "would", "could", "might", "may", "should", "must", "can", "cannot", "can't", "wouldn't", "couldn't",
    "is", "are", "am", "isn't", "aren't", "has", "have", "hasn't", "haven't", "does", "do", "doesn't",
    "don't", "be", "been", "being",
})
_PAST_AUX = frozenset({"was", "were", "had", "did", "wasn't", "weren't", "hadn't", "didn't"})
_PRESENT_AUX = frozenset({"is", "are", "am", "'s", "'re"})
_BOUNDARY = frozenset({
    "that", "which", "who", "whom", "whose", "when", "where", "while", "whereas", "if", "unless", "because",
    "although", "though", "and", "but", "or", "so", "once", "whether", "than",
})
_IRREGULAR_PAST = frozenset("""
said told came went met began struck took made held left broke fell rose won lost sent gave got saw spoke
wrote knew thought brought bought caught taught fought sought led fled ran sat stood paid laid became chose
drove flew grew threw drew wore swore tore froze rode shook forgot hung sang sank spent sold built felt found
heard kept meant slept swept wept lit arose awoke bore withdrew upheld withheld understood dealt overtook
undertook struck stole sprang swam forbade mistook oversaw foresaw
""".split())
# heads of "X to <verb>" that point ahead: "are set to strike", "plans to sail", "is due to open"
_PLAN_PRESENT = frozenset({"plans", "plan", "planning", "intends", "intend", "aims", "aim", "hopes", "hope",
                           "wants", "want", "expects", "expect", "vows", "vow", "promises", "promise", "threatens",
                           "threaten", "prepares", "prepare", "preparing"})
_PLAN_PARTICIPLE = frozenset({"set", "expected", "due", "scheduled", "slated", "poised", "going", "likely",
                              "planned", "about"})
_SPEECH = frozenset({"said", "says", "announced", "added", "warned", "stated", "insisted", "claimed", "confirmed",
                     "reported", "argued", "predicted", "suggested", "noted", "acknowledged", "denied"})
_CLAUSE_OPENERS = frozenset({"that", "the", "a", "an", "it", "he", "she", "they", "we", "i", "its", "their", "his",
                             "her", "our", "this", "these", "those", "there"})
# a date these introduce bounds something after (or before) the verb's own time: the verb says nothing of it
_FORWARD_PREPS = frozenset({"until", "till", "by", "before", "pending"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "every",
                          "each", "no", "any", "some"})
_SKIPPABLE = frozenset({"not", "also", "already", "just", "still", "now", "then", "finally", "only", "never",
                        "n't", "again", "formally"})
_NOT_VERBS_ED = frozenset({"hundred", "sacred", "naked", "wicked", "kindred", "wretched", "ragged", "indeed",
                           "united", "limited", "red", "bed", "shed", "need", "speed", "seed", "feed", "breed",
                           "greed", "creed", "weed", "proceed", "exceed", "succeed", "bleed"})
# words a fronted dating may stand behind at the start of its clause ("On Saturday", "Late on Tuesday")
_LEAD_INS = frozenset({"on", "by", "at", "in", "late", "early", "until", "from", "later", "earlier", "then",
                       "since", "before", "after", "during", "as", "of", "but", "and", "so"})


def governing_tense(text: str, start: int, end: int | None = None) -> str | None:
    """"past" | "future" from the verb that governs the time expression at ``text[start:end]``; None when unsure.

    ``start``/``end`` are offsets into ``text`` (the claim's own text). Looks back from
    ``start`` within the clause first; when the expression opens its clause, looks ahead
    from ``end`` instead.
    """
    before = [m.group(0) for m in _TOKEN.finditer(text, 0, start)]
    last = [w.lower() for w in before[-2:]]
    if last[-1:] and last[-1] in _FORWARD_PREPS or last == ["ahead", "of"]:
        return None  # "adjourned until Feb. 17", "tightened ahead of Saturday's march": a date after the verb's
    answer, opens_clause = _look_back(before)
    if answer is not None or not opens_clause:
        return answer
    after = [m.group(0) for m in _TOKEN.finditer(text, end if end is not None else start)]
    return _look_ahead(after)


def _is_past_form(word: str) -> bool:
    w = word.lower()
    if w in _IRREGULAR_PAST:
        return True
    return len(w) >= 5 and w.endswith("ed") and not w.endswith("eed") and w not in _NOT_VERBS_ED


def _look_back(words: list[str]) -> tuple[str | None, bool]:
    """(tense, whether the expression opens its clause) from the words before it, nearest first."""
    seen_words = 0
    only_lead_ins = True
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        w = word.lower().replace("’", "'")
        if not word[0].isalpha() or w in _BOUNDARY:
            return None, only_lead_ins
        seen_words += 1
        if seen_words > _WINDOW:
            return None, False
        if w not in _LEAD_INS:
            only_lead_ins = False
        if w in _FUTURE or w.endswith("'ll"):
            return "future", False
        if w == "to":
            return _infinitive_head(words[:i]), False
        if w in _PAST_AUX:
            return "past", False
        if w in _UNCLEAR:
            return None, False
        if w in _PLAN_PRESENT:
            return None, False  # "plans for Monday": a noun as often as a verb
        if _is_past_form(w):
            following = words[i + 1].lower() if i + 1 < len(words) else ""
            if w in _SPEECH and following in _CLAUSE_OPENERS:
                return None, False  # "said the ship arrives on Monday": the date is the complement's
            if i > 0 and words[i - 1].lower() in _DETERMINERS:
                continue  # "the planned strike begins": an adjective
            return _with_auxiliary(words[:i], w), False
    return None, only_lead_ins


def _with_auxiliary(before: list[str], participle: str) -> str | None:
    """The tense of a past form given the auxiliaries before it ("will be held", "is expected")."""
    k = len(before) - 1
    while k >= 0 and before[k].lower() in _SKIPPABLE:
        k -= 1
    aux = before[k].lower().replace("’", "'") if k >= 0 else ""
    if aux in ("be", "been", "being", "have"):
        j = k - 1
        while j >= 0 and before[j].lower() in _SKIPPABLE:
            j -= 1
        modal = before[j].lower().replace("’", "'") if j >= 0 else ""
        if modal in _FUTURE or modal.endswith("'ll"):
            return "future"
        if modal in ("has", "have", "had", "was", "were"):
            return "past"
        return None
    if aux in _PRESENT_AUX or aux.endswith(("'s", "'re")):
        return "future" if participle in _PLAN_PARTICIPLE else None
    if aux in _PAST_AUX or aux in ("has", "have"):
        return "past"
    if aux in _UNCLEAR or aux in _FUTURE or not aux[:1].isalpha() or participle in _PLAN_PARTICIPLE:
        return None  # "The ruling, expected by March,": a participle, not a past tense
    return "past"


def _infinitive_head(before: list[str]) -> str | None:
    """ "are set to walk off the job on Monday" -> future; any other infinitive is unclear."""
    if not before:
        return None
    head = before[-1].lower()
    if head in _PLAN_PRESENT:
        return "future" if head.endswith("s") or head.endswith("ing") or len(before) < 2 or before[-2].lower() in (
            "we", "they", "i", "you", "to") else None
    if head not in _PLAN_PARTICIPLE:
        return None
    k = len(before) - 2
    while k >= 0 and before[k].lower() in _SKIPPABLE:
        k -= 1
    aux = before[k].lower().replace("’", "'") if k >= 0 else ""
    if aux in _PRESENT_AUX or aux.endswith(("'s", "'re")):
        return "future"
    if aux in _PAST_AUX or head in ("planned", "expected"):
        return None  # "was due to open on Monday", "planned to strike": planned then, may not have happened
    return "future"  # headline grammar: "workers set to strike on Monday"


def _look_ahead(words: list[str]) -> str | None:
    """The first plain verb form after a fronted dating ("On Saturday, officials said ...")."""
    if words and words[0] == ",":
        words = words[1:]
    for i, word in enumerate(words[:_AHEAD]):
        w = word.lower().replace("’", "'")
        if not word[0].isalpha() or w in _BOUNDARY:
            return None
        if w in _FUTURE or w.endswith("'ll"):
            return "future"
        if w in _PAST_AUX:
            return "past"
        if w in _UNCLEAR or w == "to":
            return None
        if _is_past_form(w) and not (i > 0 and words[i - 1].lower() in _DETERMINERS):
            return "past"
    return None
