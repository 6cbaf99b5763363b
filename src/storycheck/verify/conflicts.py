"""Contradiction detection on aligned claim pairs: dates, numbers, polarity, actors, quotes.

Each detector looks at one aligned pair and returns the conflicts it can defend
with the outlets' own words. They are conservative on purpose: a false
contradiction ("the outlets disagree!") costs a reader's trust more than a missed
one, so anything ambiguous (unresolved dates, units that differ, a plan against a
report, a different occurrence of a recurring event) is left alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dc_field
from functools import lru_cache

from storycheck.model import Claim, Quantity, Quote, TimeExpression
from storycheck.verify.align import AlignedPair, ClaimInfo, dated_events
from storycheck.verify.compare import (
    attached_event,
    is_planned,
    is_recurrence,
    normalise_unit,
    quantities_compatible,
    times_compatible,
)
from storycheck.verify.lexicon import NEGATIONS, OPPOSITE_SIGN, WORD_RE, content_terms, entity_key, stem


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two claims that cannot both be true, with the words each side uses."""

    field: str  # "time" | "quantity" | "polarity" | "actor" | "quote speaker"
    claim_a: str
    claim_b: str
    value_a: str
    value_b: str
    confidence: float
    topic: str = ""  # the event class or quote the two sides disagree about
    # the compared values themselves (TimeExpression / Quantity), so findings can put
    # "Sunday" and "March 2" on one side when they resolve to the same day
    item_a: object = dc_field(default=None, compare=False)
    item_b: object = dc_field(default=None, compare=False)


def pair_conflicts(
    pair: AlignedPair,
    infos: Mapping[str, ClaimInfo],
    *,
    tolerance: float,
    approx_tolerance: float,
) -> list[Conflict]:
    """Every conflict between the two claims of an aligned pair."""
    x, y = infos[pair.a], infos[pair.b]
    if x.group == y.group and x.group != -1:
        # a copy never contradicts its original (a difference there is a relative date
        # read against another publication day, or an update by the same outlet)
        return []
    out: list[Conflict] = []
    out += _time_conflicts(pair, x, y)
    out += _quantity_conflicts(pair, x, y, tolerance=tolerance, approx_tolerance=approx_tolerance)
    out += _polarity_conflicts(pair, x, y)
    out += _actor_conflicts(pair, x, y)
    return out


def _plan_vs_report(x: ClaimInfo, y: ClaimInfo, x_at: int | None = None, y_at: int | None = None) -> bool:
    px = x.planned or is_planned(x.claim, article_status=x.status, near=x_at)
    py = y.planned or is_planned(y.claim, article_status=y.status, near=y_at)
    return px != py


_DATELINE = re.compile(
    r"^[A-Z][A-Z .'\-]+,\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b"
)
_DEICTIC = re.compile(
    r"^(?:today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening)|last night|"
    r"(?:on |last |this )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?: (?:morning|night|evening))?)$",
    re.IGNORECASE,
)


def _dateline_relative(claim: Claim, t: TimeExpression) -> bool:
    """ "PORT, March 19 (Agency) - ... today": "today" means the dateline's day, whatever
    day the copy was published; a dating read against anything else is not evidence."""
    return bool(_DATELINE.match(claim.text)) and bool(_DEICTIC.match(t.text.strip())) and t.anchor_source != "article"


def _event_word(claim: Claim, offset: int) -> str:
    m = WORD_RE.match(claim.text, offset - claim.start)
    return stem(m.group(0)) if m else ""


def _time_conflicts(pair: AlignedPair, x: ClaimInfo, y: ClaimInfo) -> list[Conflict]:
    # the same event needs a shared participant, or (entity tagging being patchy) the
    # very same event word in two closely worded claims: "a strike that began on March 2"
    # and "the strike, which began on March 5"
    same_word_ok = not pair.shared_entities and pair.lexical >= 0.25
    if not pair.shared_entities and not same_word_ok:
        return []
    out: list[Conflict] = []
    dx, dy = dated_events(x), dated_events(y)
    # when either claim dates the event twice and one pair of datings agrees, the
    # other dating belongs to something else in the sentence: no conflict
    agreeing = {
        cx
        for ix, cx, _ax in dx
        for iy, cy, _ay in dy
        if cx == cy and times_compatible(x.claim.times[ix], y.claim.times[iy])
    }
    for ix, cls_x, at_x in dx:
        if is_recurrence(x.claim, at_x) or cls_x in agreeing:
            continue
        for iy, cls_y, at_y in dy:
            if cls_x != cls_y or is_recurrence(y.claim, at_y):
                continue
            if same_word_ok and _event_word(x.claim, at_x) != _event_word(y.claim, at_y):
                continue
            if _plan_vs_report(x, y, at_x, at_y):
                continue
            tx, ty = x.claim.times[ix], y.claim.times[iy]
            if _dateline_relative(x.claim, tx) or _dateline_relative(y.claim, ty):
                continue
            if tx.text.strip().lower() == ty.text.strip().lower() and (tx.anchor or ty.anchor):
                continue  # the same relative words ("later in the week") read from two publication days
            if times_compatible(tx, ty) is False:
                sharp = sum(1 for t in (tx, ty) if t.granularity in {"day", "week", "month"})
                conf = 0.45 + 0.3 * min(1.0, pair.score) + 0.1 * sharp + 0.05 * min(2, len(pair.shared_entities))
                out.append(Conflict("time", x.claim.id, y.claim.id, tx.text, ty.text, round(min(conf, 0.99), 3), cls_x, tx, ty))
    return out


def _context(claim: Claim, start: int, end: int, width: int = 40) -> set[str]:
    lo = max(0, start - claim.start - width)
    hi = min(len(claim.text), end - claim.start + width)
    return set(content_terms(claim.text[lo : start - claim.start] + " " + claim.text[end - claim.start : hi]))


def _quantity_conflicts(
    pair: AlignedPair, x: ClaimInfo, y: ClaimInfo, *, tolerance: float, approx_tolerance: float
) -> list[Conflict]:
    out: list[Conflict] = []

    def matched(q: Quantity, others: tuple[Quantity, ...]) -> bool:
        # a number the other side also gives ("Fan, 32, and Zhang, 21" in both) is not
        # in dispute, whatever other number it might be paired with
        return any(quantities_compatible(q, o, tolerance=tolerance, approx_tolerance=approx_tolerance) for o in others)

    for qx in x.claim.quantities:
        ux = normalise_unit(qx.unit)
        if ux is None or matched(qx, y.claim.quantities):
            continue
        ev_x = attached_event(x.claim, qx.start, qx.end)
        for qy in y.claim.quantities:
            uy = normalise_unit(qy.unit)
            if uy is None or uy[0] != ux[0] or matched(qy, x.claim.quantities):
                continue
            ev_y = attached_event(y.claim, qy.start, qy.end)
            if ev_x and ev_y:
                if ev_x[0] != ev_y[0] or is_recurrence(x.claim, ev_x[1]) or is_recurrence(y.claim, ev_y[1]):
                    continue
            else:
                # no event word to tie them to: the words around the numbers must say
                # they count the same thing, and the claims must be close overall
                shared = _context(x.claim, qx.start, qx.end) & _context(y.claim, qy.start, qy.end)
                if not shared or pair.lexical < 0.3:
                    continue
            if _plan_vs_report(x, y, qx.start, qy.start):
                continue
            if quantities_compatible(qx, qy, tolerance=tolerance, approx_tolerance=approx_tolerance) is False:
                conf = 0.45 + 0.35 * min(1.0, pair.score) + (0.1 if ev_x and ev_y else 0.0)
                topic = ev_x[0] if ev_x else ux[0]
                out.append(Conflict("quantity", x.claim.id, y.claim.id, qx.text, qy.text, round(min(conf, 0.99), 3), topic, qx, qy))
    return out


def _acts(claim: Claim) -> dict[str, tuple[int, list[str]]]:
    """act -> (sign, the words that set it) with negations just before an act word flipping it."""
    return _acts_of(claim.text)


@lru_cache(maxsize=65536)
def _acts_of(text: str) -> dict[str, tuple[int, list[str]]]:
    """Each act's sign, only where the claim is unambiguous about it.

    "refused to accept" is one negative accept (the refusal governs the next verb);
    "refused to order X, urged them to accept Y" holds two different acts; an act
    under "if"/"unless" is hypothetical. An act with occurrences of both signs is
    dropped: the claim does not say one thing about it.
    """
    toks = [m.group(0) for m in WORD_RE.finditer(text)]
    lows = [t.lower().replace("\u2019", "'") for t in toks]
    signs: dict[str, set[int]] = {}
    words_for: dict[str, list[str]] = {}
    governed: set[int] = set()
    for i, low in enumerate(lows):
        if i in governed:
            continue
        before = lows[max(0, i - 4) : i]
        if any(t in _HYPOTHETICAL for t in before):
            continue
        for act, sign in OPPOSITE_SIGN.get(low, ()):
            used = [toks[i]]
            if any(t in NEGATIONS or t.endswith("n't") for t in before[-3:]):
                sign = -sign
                used = [*toks[max(0, i - 3) : i], toks[i]]
            # a negative act word governing the next verb: "refused to accept", "denied approving"
            nxt = lows[i + 1 : i + 3]
            if sign < 0 and nxt and nxt[0] == "to" and len(nxt) > 1 and nxt[1] in OPPOSITE_SIGN:
                for act2, sign2 in OPPOSITE_SIGN.get(nxt[1], ()):
                    signs.setdefault(act2, set()).add(-sign2)
                    words_for.setdefault(act2, []).extend([toks[i], toks[i + 1], toks[i + 2]])
                governed.add(i + 2)
                break
            signs.setdefault(act, set()).add(sign)
            words_for.setdefault(act, []).extend(used)
    return {act: (next(iter(sg)), words_for[act]) for act, sg in signs.items() if len(sg) == 1}


_HYPOTHETICAL = frozenset({"if", "unless", "whether"})


def _negated(claim: Claim) -> bool:
    if claim.polarity == "negative":
        return True
    toks = [t.lower() for t in WORD_RE.findall(claim.text)]
    return sum(1 for t in toks if t in NEGATIONS or t.endswith("n't")) % 2 == 1


def _polarity_conflicts(pair: AlignedPair, x: ClaimInfo, y: ClaimInfo) -> list[Conflict]:
    if not pair.shared_entities or x.planned != y.planned:
        return []
    if x.claim.modality in {"question", "opinion"} or y.claim.modality in {"question", "opinion"}:
        return []
    ax, ay = _acts(x.claim), _acts(y.claim)
    act_words = {w.lower() for _s, ws in (*ax.values(), *ay.values()) for w in ws}
    act_stems = {stem(w) for w in act_words}
    rest_x = set(x.terms) - act_stems
    rest_y = set(y.terms) - act_stems
    overlap = len(rest_x & rest_y) / max(1, min(len(rest_x), len(rest_y)))
    out: list[Conflict] = []
    for act in sorted(set(ax) & set(ay)):
        (sx, wx), (sy, wy) = ax[act], ay[act]
        if sx != sy and overlap >= 0.5 and pair.lexical >= 0.25:
            conf = 0.4 + 0.3 * overlap + 0.2 * min(1.0, pair.score)
            out.append(Conflict("polarity", x.claim.id, y.claim.id, " ".join(wx), " ".join(wy), round(min(conf, 0.95), 3), act))
    if out or pair.lexical < 0.6 or overlap < 0.7:
        return out
    for cls in pair.shared_events:
        # the negation must bear on the event itself ("was not arrested"), not sit in a
        # side clause ("who has not been confirmed as X, was arrested")
        nx, ny = _event_negated(x.claim, cls), _event_negated(y.claim, cls)
        if nx == ny:
            continue
        neg, pos = (x, y) if nx else (y, x)
        vn = _negation_phrase(neg.claim)
        vp = _event_phrase(pos.claim, cls)
        values = (vn, vp) if neg is x else (vp, vn)
        out.append(Conflict("polarity", x.claim.id, y.claim.id, values[0], values[1], round(0.35 + 0.3 * pair.lexical, 3), cls))
        break
    return out


def _event_negated(claim: Claim, cls: str) -> bool:
    from storycheck.verify.compare import event_mentions

    for s, _e, _w, c in event_mentions(claim.text):
        if c != cls:
            continue
        before = [t.lower() for t in WORD_RE.findall(claim.text[max(0, s - 40) : s])][-3:]
        if any(t in NEGATIONS or t.endswith("n't") for t in before):
            return True
    return False


def _negation_phrase(claim: Claim) -> str:
    toks = WORD_RE.findall(claim.text)
    for i, t in enumerate(toks):
        if t.lower() in NEGATIONS or t.lower().endswith("n't"):
            return " ".join(toks[max(0, i - 1) : i + 3])
    return claim.text


def _event_phrase(claim: Claim, cls: str) -> str:
    from storycheck.verify.compare import event_mentions

    for s, e, _w, c in event_mentions(claim.text):
        if c == cls:
            toks = WORD_RE.findall(claim.text[max(0, s - 25) : e + 25])
            return " ".join(toks[1:-1]) if len(toks) > 3 else claim.text[s:e]
    return claim.text


_SUBJECT_LABELS = frozenset({"PERSON"})


def _subject(info: ClaimInfo, cls: str) -> tuple[str, str] | None:
    """The person right before the first event word of ``cls`` ("Smith scored"), if any."""
    from storycheck.verify.compare import event_mentions

    claim = info.claim
    first = next((s for s, _e, _w, c in event_mentions(claim.text) if c == cls), None)
    if first is None:
        return None
    at = claim.start + first
    best = None
    for ent in claim.entities:
        if ent.label in _SUBJECT_LABELS and ent.end <= at and at - ent.end <= 30:
            gap = claim.text[ent.end - claim.start : first]
            if re.search(r"[,;]|\b(?:and|or|of|by|with|against|to)\b", gap):
                continue
            if best is None or ent.end > best.end:
                best = ent
    if best is None:
        return None
    return entity_key(best.canonical or best.text, best.label), best.text


def _actor_conflicts(pair: AlignedPair, x: ClaimInfo, y: ClaimInfo) -> list[Conflict]:
    if x.planned != y.planned or pair.lexical < 0.3:
        return []
    out: list[Conflict] = []
    for cls in pair.shared_events:
        sx, sy = _subject(x, cls), _subject(y, cls)
        if sx is None or sy is None or sx[0] == sy[0]:
            continue
        # if either claim names the other's actor too, they may simply share the act
        if sx[0] in y.entities or sy[0] in x.entities:
            continue
        if not (x.entities - {sx[0]}) & (y.entities - {sy[0]}):
            continue
        conf = 0.35 + 0.3 * min(1.0, pair.score)
        out.append(Conflict("actor", x.claim.id, y.claim.id, sx[1], sy[1], round(conf, 3), cls))
    return out


# --- quotes -------------------------------------------------------------------


MIN_QUOTE_WORDS = 4


def _named_nearby(q: Quote, infos: Mapping[str, ClaimInfo]) -> bool:
    info = infos.get(q.claim or "")
    if info is None:
        return True  # no claim to look in: trust the claims stage
    outside = info.claim.text.replace(q.text, " ")
    return bool(_name_tokens(q.speaker or "") & _name_tokens(outside))


def _name_tokens(name: str) -> set[str]:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    # "Conners" and "Conner": a trailing s is often a possessive or a typo
    return {w.lower().removesuffix("'s").rstrip("s") for w in WORD_RE.findall(plain) if w[0].isupper() and len(w) > 2}


def _named(speaker: str | None) -> bool:
    """A speaker given by name ("Rosa Mendes"), not by role ("a hospital spokesman", "sources")."""
    if not speaker:
        return False
    toks = WORD_RE.findall(speaker)
    return bool(toks) and all(t[0].isupper() for t in toks if t.lower() not in {"de", "da", "van", "von", "al", "bin", "del", "la", "le"})


def same_person(a: str, b: str) -> bool:
    """ "Fernandez" and "Cristina Fernández de Kirchner" share a name: the same person, maybe."""
    return bool(_name_tokens(a) & _name_tokens(b)) or entity_key(a, "PERSON") == entity_key(b, "PERSON")


def normalise_quote(text: str) -> str:
    """A remark's words, lower-cased, without quote marks or punctuation: how two outlets' copies are compared."""
    return " ".join(w.lower() for w in WORD_RE.findall(text))


_norm_quote = normalise_quote


def quote_conflicts(
    quotes: Sequence[Quote], infos: Mapping[str, ClaimInfo], *, min_ratio: float = 88.0
) -> list[Conflict]:
    """The same words put in different mouths by different articles.

    Quotes are blocked by their first normalised word pairs so only plausible
    matches are compared; two different remarks by the same speaker never match
    because they do not share words.
    """
    from rapidfuzz import fuzz

    usable = [q for q in quotes if q.speaker and _norm_quote(q.text)]
    index: dict[str, list[int]] = {}
    for i, q in enumerate(usable):
        toks = _norm_quote(q.text).split()
        keys = {" ".join(toks[j : j + 2]) for j in range(max(1, len(toks) - 1))}
        for k in keys:
            index.setdefault(k, []).append(i)
    seen: set[tuple[int, int]] = set()
    out: list[Conflict] = []
    for members in index.values():
        if len(members) > 50:
            continue
        for ii, i in enumerate(members):
            for j in members[ii + 1 :]:
                key = (min(i, j), max(i, j))
                if key in seen:
                    continue
                seen.add(key)
                qa, qb = usable[key[0]], usable[key[1]]
                if qa.article == qb.article:
                    continue
                na, nb = _norm_quote(qa.text), _norm_quote(qb.text)
                # two or three words ("magical moment", "lies") are a phrase many people
                # use, not a remark one can own
                if min(len(na.split()), len(nb.split())) < MIN_QUOTE_WORDS:
                    continue
                short = False
                ratio = 100.0 if na == nb else fuzz.ratio(na, nb)
                if ratio < min_ratio:
                    continue
                if not (_named(qa.speaker) and _named(qb.speaker)) or same_person(qa.speaker or "", qb.speaker or ""):
                    continue
                # a speaker inferred from "she said" may be the claims stage's guess:
                # only a name written next to the quote on both sides is evidence
                if not (_named_nearby(qa, infos) and _named_nearby(qb, infos)):
                    continue
                ca, cb = qa.claim or qa.id, qb.claim or qb.id
                if ca in infos and cb in infos and infos[ca].planned != infos[cb].planned:
                    continue
                conf = 0.55 + 0.4 * (ratio / 100.0) * (0.6 if short else 1.0)
                a_first = ca <= cb
                out.append(
                    Conflict(
                        "quote speaker",
                        ca if a_first else cb,
                        cb if a_first else ca,
                        (qa.speaker if a_first else qb.speaker) or "",
                        (qb.speaker if a_first else qa.speaker) or "",
                        round(min(conf, 0.97), 3),
                        qa.text,
                    )
                )
    return out
