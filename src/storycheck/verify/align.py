"""Alignment: for each claim, the claims of other articles that talk about the same fact.

Comparing every claim with every other one is quadratic and mostly wasted: two
claims can only be about one fact when they share something specific (an entity, an
event word, a month, a unit, a rare word). So claims are indexed by such keys,
candidate pairs come from shared keys (keys too common to discriminate are
skipped), and only those candidates are scored. Each claim keeps its best few
neighbours above the threshold.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from storycheck.model import Article, Claim, Extraction, Quantity
from storycheck.verify.compare import attached_event, attachment_cost, event_mentions, is_dating, is_planned, normalise_unit
from storycheck.verify.lexicon import content_terms, entity_key

# entity labels that name who or what a claim is about (dates and numbers are compared elsewhere)
# word overlap (tf-idf cosine) two claims need before a shared figure counts as evidence
MIN_AMOUNT_LEXICAL = 0.2

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"})


@dataclass(frozen=True, slots=True)
class ClaimInfo:
    """What alignment and comparison need to know about one claim, computed once."""

    claim: Claim
    group: int  # index of the article's independent-source group
    terms: tuple[str, ...]  # content stems, in order
    entities: frozenset[str]
    events: frozenset[str]  # event classes mentioned
    months: frozenset[str]  # "YYYY-MM" of every resolved dating
    units: frozenset[str]
    planned: bool
    status: str
    amounts: frozenset[str] = frozenset()  # "dimension=value" of every figure with a unit ("percent=7")


@dataclass(frozen=True, slots=True)
class AlignedPair:
    """Two claims from different articles judged to be about the same fact."""

    a: str  # claim id (a < b)
    b: str
    score: float
    lexical: float  # tf-idf cosine of content words
    entity: float
    shared_events: tuple[str, ...]
    shared_entities: tuple[str, ...]
    shared_amounts: tuple[str, ...] = ()


def describe_claims(
    articles: Mapping[str, Article],
    extractions: Mapping[str, Extraction],
    groups: Sequence[Sequence[str]],
) -> dict[str, ClaimInfo]:
    """ClaimInfo for every claim of the story's articles, keyed by claim id."""
    group_of = {aid: i for i, group in enumerate(groups) for aid in group}
    infos: dict[str, ClaimInfo] = {}
    for aid in sorted(articles):
        ex = extractions.get(aid)
        if ex is None:
            continue
        status = articles[aid].status
        for claim in ex.claims:
            ents = claim.entities or tuple(
                e for e in ex.entities if claim.start <= e.start and e.end <= claim.end
            )
            months = frozenset(
                t.date_from[:7] for t in claim.times if is_dating(t) and t.date_from and t.date_from[:7] == (t.date_to or "")[:7]
            )
            units = frozenset(u[0] for q in claim.quantities if (u := normalise_unit(q.unit)) is not None)
            infos[claim.id] = ClaimInfo(
                claim=claim,
                group=group_of.get(aid, -1),
                terms=tuple(content_terms(claim.text)),
                entities=frozenset(entity_key(e.canonical or e.text, e.label) for e in ents if e.label in ENTITY_LABELS),
                events=frozenset(cls for _s, _e, _w, cls in event_mentions(claim.text)),
                months=months,
                units=units,
                planned=is_planned(claim, article_status=status),
                status=status,
                amounts=frozenset(a for q in claim.quantities if (a := amount_key(q)) is not None),
            )
    return infos


def amount_key(q: Quantity) -> str | None:
    """"dimension=value" for a figure stated with a unit, None for a bare or open-ended number.

    The same figure in the same unit ("a 7 percent raise" in five outlets) is as
    specific as a shared name: outlets that tell it are telling one fact even when
    the claims stage tagged no entity in either sentence.
    """
    unit = normalise_unit(q.unit)
    value = q.value
    if value is None and q.value_min is not None and q.value_min == q.value_max:
        value = q.value_min
    if unit is None or value is None:
        return None
    per = f"/{q.per}" if q.per else ""
    return f"{unit[0]}{per}={value * unit[1]:g}"


def _keys(info: ClaimInfo, rare_terms: set[str]) -> set[str]:
    keys = {f"e:{e}" for e in info.entities}
    keys |= {f"v:{v}" for v in info.events}
    keys |= {f"v:{v}|e:{e}" for v in info.events for e in info.entities}
    keys |= {f"m:{m}" for m in info.months}
    keys |= {f"u:{u}" for u in info.units}
    keys |= {f"q:{a}" for a in info.amounts}
    keys |= {f"w:{t}" for t in info.terms if t in rare_terms}
    return keys


def align_claims(
    infos: Mapping[str, ClaimInfo],
    *,
    threshold: float,
    neighbours: int,
    vectors: Mapping[str, Sequence[float]] | None = None,
) -> list[AlignedPair]:
    """Pairs of claims from different articles about the same fact, best first.

    ``vectors`` (unit-length sentence embeddings by claim id) are optional; when given
    their cosine is averaged with the lexical one.
    """
    ids = sorted(infos)
    n = len(ids)
    if n < 2:
        return []
    df: Counter[str] = Counter()
    edf: Counter[str] = Counter()
    for cid in ids:
        df.update(set(infos[cid].terms))
        edf.update(infos[cid].entities | {f"v:{v}" for v in infos[cid].events} | {f"q:{a}" for a in infos[cid].amounts})
    idf = {t: math.log(1 + n / c) for t, c in df.items()}
    # the story's protagonists and its main event are in most claims: sharing them says
    # little, sharing a rarer name or event says a lot
    eidf = {k: math.log(1 + n / c) for k, c in edf.items()}
    norms: dict[str, dict[str, float]] = {}
    for cid in ids:
        tf = Counter(infos[cid].terms)
        vec = {t: c * idf[t] for t, c in tf.items()}
        length = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        norms[cid] = {t: v / length for t, v in vec.items()}
    # a word in a handful of claims is a good blocking key; one in a third of them is not
    rare_limit = max(3, int(0.05 * n))
    rare_terms = {t for t, c in df.items() if c <= rare_limit}
    postings: dict[str, list[str]] = defaultdict(list)
    for cid in ids:
        for key in _keys(infos[cid], rare_terms):
            postings[key].append(cid)
    # a key shared by more claims than this is skipped: it would add cap^2 votes and
    # says little; what is left keeps candidate generation near-linear in n
    cap = max(24, int(2 * math.sqrt(n)))
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for key, members in postings.items():
        if len(members) < 2 or len(members) > cap:
            continue
        weight = 1.0 / math.log(1 + len(members))
        for i, x in enumerate(members):
            ax = infos[x].claim.article
            for y in members[i + 1 :]:
                if infos[y].claim.article == ax:
                    continue
                votes[x][y] += weight
                votes[y][x] += weight
    max_idf = math.log(1 + n)
    eweight = {cid: sum(eidf.get(e, max_idf) for e in infos[cid].entities) for cid in ids}
    aweight = {cid: sum(eidf.get(f"q:{a}", max_idf) for a in infos[cid].amounts) for cid in ids}
    scored: dict[tuple[str, str], AlignedPair] = {}
    per_claim: dict[str, list[AlignedPair]] = defaultdict(list)
    for x in ids:
        for y, _v in votes[x].most_common(neighbours * 2):
            a, b = (x, y) if x < y else (y, x)
            pair = scored.get((a, b))
            if pair is None:
                pair = _score(infos[a], infos[b], norms[a], norms[b], vectors, eidf, max_idf, eweight, aweight)
                scored[(a, b)] = pair
            if pair.score >= threshold:
                per_claim[x].append(pair)
    kept: dict[tuple[str, str], AlignedPair] = {}
    for x, pairs in per_claim.items():
        pairs.sort(key=lambda p: (-p.score, p.a, p.b))
        for p in pairs[:neighbours]:
            kept[(p.a, p.b)] = p
    return sorted(kept.values(), key=lambda p: (-p.score, p.a, p.b))


def _score(
    x: ClaimInfo,
    y: ClaimInfo,
    vx: Mapping[str, float],
    vy: Mapping[str, float],
    vectors: Mapping[str, Sequence[float]] | None,
    eidf: Mapping[str, float],
    max_idf: float,
    eweight: Mapping[str, float],
    aweight: Mapping[str, float],
) -> AlignedPair:
    if len(vx) > len(vy):
        vx, vy = vy, vx
    lexical = sum(w * vy.get(t, 0.0) for t, w in vx.items())
    if vectors is not None and x.claim.id in vectors and y.claim.id in vectors:
        ex, ey = vectors[x.claim.id], vectors[y.claim.id]
        lexical = 0.5 * lexical + 0.5 * max(0.0, float(sum(p * q for p, q in zip(ex, ey))))
    shared_entities = x.entities & y.entities
    entity = 0.0
    if shared_entities:
        wx, wy = eweight[x.claim.id], eweight[y.claim.id]
        entity = sum(eidf.get(e, max_idf) for e in shared_entities) / math.sqrt(wx * wy)
    shared_amounts = x.amounts & y.amounts
    # the same figure counts like a shared name, but only between sentences that also
    # share words: "two years" alone is in many unrelated claims
    if shared_amounts and lexical >= MIN_AMOUNT_LEXICAL:
        shared = sum(eidf.get(f"q:{a}", max_idf) for a in shared_amounts)
        entity = max(entity, shared / math.sqrt(aweight[x.claim.id] * aweight[y.claim.id]))
    else:
        shared_amounts = frozenset()
    shared_events = x.events & y.events
    # an event word shared by few claims ("raid") counts fully; the story's own event
    # ("meeting", in every other claim) counts half
    event = max((min(1.0, 2 * eidf.get(f"v:{v}", max_idf) / max_idf) for v in shared_events), default=0.0)
    context = 0.0
    if x.months & y.months or x.units & y.units:
        context = 1.0
    score = 0.5 * lexical + 0.25 * entity + 0.2 * event + 0.05 * context
    a, b = (x, y) if x.claim.id < y.claim.id else (y, x)
    return AlignedPair(
        a=a.claim.id,
        b=b.claim.id,
        score=round(score, 4),
        lexical=round(lexical, 4),
        entity=round(entity, 4),
        shared_events=tuple(sorted(shared_events)),
        shared_entities=tuple(sorted(shared_entities)),
        shared_amounts=tuple(sorted(shared_amounts)),
    )


def dated_events(info: ClaimInfo) -> list[tuple[int, str, int]]:
    """(index into claim.times, event class, event word offset) for each dating tied to an event.

    One event word takes one dating, the closest: in "returned on Wednesday, ending a
    strike that began on March 2", the strike began on March 2, not on Wednesday.
    """
    best: dict[int, tuple[float, int, str]] = {}
    for i, t in enumerate(info.claim.times):
        if not is_dating(t):
            continue
        att = attached_event(info.claim, t.start, t.end)
        if att is None:
            continue
        distance = attachment_cost(info.claim, t.start, t.end) or 0.0
        if att[1] not in best or distance < best[att[1]][0]:
            best[att[1]] = (distance, i, att[0])
    return sorted((i, cls, at) for at, (_d, i, cls) in best.items())
