"""Findings: what the outlets agree on, where they contradict each other, what rests on one source.

Every finding cites the exact claims on every side, counts independent sources
(copies of one wire story count once, and says which were merged), and has an id
derived from its kind and claims so re-running on the same input gives the same ids.
Order: contradictions (most confident first), corroborations (most independent
sources first), single-source claims (most check-worthy first).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence

from storycheck.model import Article, Finding, Story
from storycheck.verify.agreements import figures_missing, stated_figures, states_figures_of
from storycheck.verify.align import AlignedPair, ClaimInfo
from storycheck.verify.compare import quantities_compatible, times_compatible
from storycheck.verify.conflicts import Conflict, same_person
from storycheck.verify.independence import merged_groups, outlet_key

_FIELD_WORDS = {
    "time": "when",
    "quantity": "how much",
    "polarity": "whether it happened",
    "actor": "who did it",
    "quote speaker": "who said",
}


# how a summary names an event class ("attack" also holds labour strikes)
_EVENT_NAMES = {
    "meet": "the meeting", "capture": "the capture or arrest", "call": "the call", "attack": "the strike or attack",
    "death": "the deaths", "injury": "the injuries", "disaster": "the disaster", "agreement": "the agreement",
    "election": "the vote", "verdict": "the verdict", "trial": "the charges or trial", "release": "the release",
    "protest": "the protest", "deport": "the deportations", "production": "the production figures",
}


def finding_id(kind: str, claims: Iterable[str]) -> str:
    """Stable id: the same kind over the same claims always gets the same id."""
    digest = hashlib.sha1(("|".join([kind, *sorted(claims)])).encode("utf-8")).hexdigest()
    return f"f-{digest[:12]}"


def outlet_name(article: Article | None, fallback: str) -> str:
    if article is None:
        return fallback
    return article.outlet or outlet_key(article) or article.title or article.id


def _count_sources(article_ids: Iterable[str], groups: Sequence[tuple[str, ...]]) -> int:
    wanted = set(article_ids)
    return sum(1 for g in groups if wanted.intersection(g))


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def contradiction_findings(
    story: Story,
    conflicts: Sequence[Conflict],
    infos: Mapping[str, ClaimInfo],
    articles: Mapping[str, Article],
    groups: Sequence[tuple[str, ...]],
) -> list[Finding]:
    """One finding per disagreement, however many outlets repeat each side.

    Conflicts about the same thing (field and event) that share claims form one
    disagreement; its claims are split into sides of mutually compatible values, so
    "Sunday", "March 2" and "yesterday" (one day) are one side against "February 27".
    """
    by_topic: dict[tuple[str, str], list[Conflict]] = {}
    for c in conflicts:
        by_topic.setdefault((c.field, c.topic.lower()), []).append(c)
    out: list[Finding] = []
    for (field, topic), items in sorted(by_topic.items()):
        for component in _components(items):
            out.append(_contradiction(story, field, topic, component, infos, articles, groups))
    out.sort(key=lambda f: (-f.score, f.id))
    return out


def _components(items: Sequence[Conflict]) -> list[list[Conflict]]:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for c in items:
        ra, rb = find(c.claim_a), find(c.claim_b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    comps: dict[str, list[Conflict]] = {}
    for c in items:
        comps.setdefault(find(c.claim_a), []).append(c)
    return [comps[k] for k in sorted(comps)]


def _compatible(field: str, a: tuple[str, str, object], b: tuple[str, str, object]) -> bool:
    if field == "time" and a[2] is not None and b[2] is not None:
        return times_compatible(a[2], b[2]) is not False  # type: ignore[arg-type]
    if field == "quantity" and a[2] is not None and b[2] is not None:
        return quantities_compatible(a[2], b[2]) is not False  # type: ignore[arg-type]
    if field == "quote speaker":
        return same_person(a[1], b[1])
    return a[1].lower() == b[1].lower()


def _contradiction(
    story: Story,
    field: str,
    topic: str,
    items: Sequence[Conflict],
    infos: Mapping[str, ClaimInfo],
    articles: Mapping[str, Article],
    groups: Sequence[tuple[str, ...]],
) -> Finding:
    entries: dict[tuple[str, str], tuple[str, str, object]] = {}
    for c in items:
        entries.setdefault((c.claim_a, c.value_a), (c.claim_a, c.value_a, c.item_a))
        entries.setdefault((c.claim_b, c.value_b), (c.claim_b, c.value_b, c.item_b))
    sides: list[list[tuple[str, str, object]]] = []
    for entry in sorted(entries.values(), key=lambda e: (e[0], e[1])):
        for side in sides:
            if all(_compatible(field, entry, other) for other in side):
                side.append(entry)
                break
        else:
            sides.append([entry])
    # the side most outlets tell first; each side's distinct wordings in order
    sides.sort(key=lambda side: (-len({e[0] for e in side}), min(e[0] for e in side)))
    claim_ids: list[str] = []
    values: list[str] = []
    parts: list[str] = []
    for side in sides:
        words = list(dict.fromkeys(e[1] for e in side))
        values.append(" / ".join(words))
        cids = sorted({e[0] for e in side})
        claim_ids += [c for c in cids if c not in claim_ids]
        outlets = sorted({outlet_name(articles.get(_article_of(c, infos)), _article_of(c, infos)) for c in cids})
        text = infos[cids[0]].claim.text if cids[0] in infos else ""
        quoted = f" (\u201c{_short(text)}\u201d)" if text else ""
        parts.append(f"{', '.join(outlets)}: \u201c{values[-1]}\u201d{quoted}")
    art_ids = tuple(sorted({_article_of(cid, infos) for cid in claim_ids}))
    about = _EVENT_NAMES.get(topic, topic) if field != "quote speaker" else f"\u201c{_short(topic, 80)}\u201d"
    if topic == "attack":
        # the class joins labour strikes and military strikes; name it with the sides' own word
        said = " ".join(infos[c].claim.text.lower() for c in claim_ids if c in infos)
        word = next((w for w in ("strike", "walkout", "attack", "bombing") if w in said), None)
        about = f"the {word}" if word else about
    score = max(c.confidence for c in items)
    note = _update_note(field, sides, infos, articles)
    if note:
        score = round(max(0.05, score - 0.25), 3)
    return Finding(
        # two disagreements over the same claims (when and how much) are two findings
        id=finding_id(f"contradicted|{field}|{topic}", claim_ids),
        kind="contradicted",
        story=story.id,
        field=field,
        claims=tuple(claim_ids),
        articles=art_ids,
        independent_sources=_count_sources(art_ids, groups),
        values=tuple(values),
        summary=f"Outlets disagree on {_FIELD_WORDS.get(field, field)} ({about}): " + "; versus ".join(parts) + "." + note,
        score=score,
        merged=merged_groups(groups, art_ids),
    )


def _article_of(claim_id: str, infos: Mapping[str, ClaimInfo]) -> str:
    info = infos.get(claim_id)
    return info.claim.article if info else claim_id.split(":", 1)[0]


def support_pairs(
    pairs: Sequence[AlignedPair], conflicts: Sequence[Conflict], infos: Mapping[str, ClaimInfo], *, threshold: float
) -> list[AlignedPair]:
    """Aligned pairs strong enough to count as telling the same fact.

    Conflicting pairs are not support, and neither is a preview's plan for a report
    of the event: "is set to meet on Thursday" does not confirm "met on Tuesday".
    """
    clash = {(min(c.claim_a, c.claim_b), max(c.claim_a, c.claim_b)) for c in conflicts}
    return [
        p
        for p in pairs
        if p.score >= threshold and (p.a, p.b) not in clash and infos[p.a].planned == infos[p.b].planned
    ]


def fact_clusters(support: Sequence[AlignedPair], infos: Mapping[str, ClaimInfo]) -> list[list[str]]:
    """Claims grouped into facts, strongest links first, at most one claim per article.

    The one-per-article rule keeps chains (A~B, B~C, C~D) from swallowing a whole
    story into one "fact": an article rarely tells the same fact twice.
    """
    cluster_of: dict[str, int] = {}
    members: dict[int, list[str]] = {}
    arts: dict[int, set[str]] = {}
    next_id = 0
    for p in sorted(support, key=lambda p: (-p.score, p.a, p.b)):
        ca, cb = cluster_of.get(p.a), cluster_of.get(p.b)
        if ca is None:
            ca, next_id = next_id, next_id + 1
            cluster_of[p.a], members[ca], arts[ca] = ca, [p.a], {infos[p.a].claim.article}
        if cb is None:
            cb, next_id = next_id, next_id + 1
            cluster_of[p.b], members[cb], arts[cb] = cb, [p.b], {infos[p.b].claim.article}
        if ca == cb or arts[ca] & arts[cb]:
            continue
        for cid in members[cb]:
            cluster_of[cid] = ca
        members[ca] += members.pop(cb)
        arts[ca] |= arts.pop(cb)
    return [sorted(m) for m in members.values() if len(m) > 1]


def _update_note(
    field: str,
    sides: Sequence[Sequence[tuple[str, str, object]]],
    infos: Mapping[str, ClaimInfo],
    articles: Mapping[str, Article],
) -> str:
    """A count that only grows in later articles (a death toll) is likely an update, not a dispute."""
    if field != "quantity" or len(sides) != 2:
        return ""

    def level(side: Sequence[tuple[str, str, object]]) -> float | None:
        values = [getattr(e[2], "value_min", None) or getattr(e[2], "value_max", None) for e in side]
        return min((v for v in values if v is not None), default=None)

    def dates(side: Sequence[tuple[str, str, object]]) -> list[str]:
        out = []
        for e in side:
            art = articles.get(_article_of(e[0], infos))
            if art is None or not art.published:
                return []
            out.append(art.published[:10])
        return out

    (low, high) = sorted(sides, key=lambda side: level(side) or 0.0)
    low_dates, high_dates = dates(low), dates(high)
    if not low_dates or not high_dates or max(low_dates) >= min(high_dates):
        return ""
    return (
        f" The larger figure is only in later reports (from {min(high_dates)}; the smaller up to {max(low_dates)}):"
        " it may be an update rather than a disagreement."
    )


def corroboration_findings(
    story: Story,
    clusters: Sequence[Sequence[str]],
    infos: Mapping[str, ClaimInfo],
    articles: Mapping[str, Article],
    groups: Sequence[tuple[str, ...]],
    *,
    fields: Sequence[str | None] | None = None,
    wordings: Sequence[str | None] | None = None,
) -> list[Finding]:
    """A fact told by two or more independent sources; copies are merged and named.

    ``fields`` (parallel to ``clusters``) names the field of a fact pinned by something
    specific ("quantity": the same figure; "quote": the same remark); None lets the
    claims decide ("event" when they share an event word, else "claim"). ``wordings``
    (parallel too) says what the sources do when that is more exact than the most
    check-worthy claim's sentence ("quote Ana Ruiz: “...”").
    """
    out: list[Finding] = []
    for i, cluster in enumerate(clusters):
        given_field = fields[i] if fields is not None else None
        art_ids = tuple(sorted({infos[c].claim.article for c in cluster}))
        sources = _count_sources(art_ids, groups)
        if sources < 2:
            continue
        best = max(cluster, key=lambda c: (infos[c].claim.checkworthiness, -len(infos[c].claim.text), c))
        outlets = sorted({outlet_name(articles.get(a), a) for a in art_ids})
        merged = merged_groups(groups, art_ids)
        note = ""
        if merged:
            note = " Counted once: " + "; ".join(" + ".join(outlet_name(articles.get(a), a) for a in g) for g in merged) + "."
        events = set.intersection(*(set(infos[c].events) for c in cluster))
        field = given_field or ("event" if events else "claim")
        wording = (wordings[i] if wordings is not None else None) or f"report: \u201c{_short(infos[best].claim.text)}\u201d"
        out.append(
            Finding(
                id=finding_id("corroborated", cluster),
                kind="corroborated",
                story=story.id,
                field=field,
                claims=tuple(cluster),
                articles=art_ids,
                independent_sources=sources,
                summary=f"{sources} independent sources ({', '.join(outlets)}) {wording}.{note}",
                score=round(max(infos[c].claim.checkworthiness for c in cluster), 3),
                merged=merged,
            )
        )
    out.sort(key=lambda f: (-f.independent_sources, -f.score, f.id))
    return out


def single_source_findings(
    story: Story,
    infos: Mapping[str, ClaimInfo],
    support: Sequence[AlignedPair],
    articles: Mapping[str, Article],
    groups: Sequence[tuple[str, ...]],
    *,
    contested: Iterable[str] = (),
    min_checkworthiness: float,
    limit: int,
) -> list[Finding]:
    """Check-worthy claims no other independent source supports, most check-worthy first.

    When the whole story has one independent source every claim rests on it; the
    findings are still listed (capped at ``limit``) and each summary says so, so a
    reader of a one-outlet story still sees what most needs checking.
    """
    backed_by: dict[str, set[str]] = {}
    for p in support:
        backed_by.setdefault(p.a, set()).add(p.b)
        backed_by.setdefault(p.b, set()).add(p.a)
    lone_story = len(groups) < 2
    disputed = {c for c in contested}
    candidates: list[Finding] = []
    for cid, info in infos.items():
        claim = info.claim
        # a contradicted claim is already reported, with both sides, as a contradiction
        if claim.checkworthiness < min_checkworthiness or claim.modality == "question" or cid in disputed:
            continue
        others = backed_by.get(cid, set())
        elsewhere = [o for o in others if infos[o].group != info.group]
        # backing that leaves the claim's figure out does not back the figure
        if any(states_figures_of(stated_figures(claim), infos[o].claim.quantities) for o in elsewhere):
            continue
        copies = sorted(o for o in others if infos[o].group == info.group and infos[o].claim.article != claim.article)
        if any(o < cid for o in copies):
            continue  # the copy with the smallest id speaks for the whole group
        art_ids = tuple(sorted({claim.article, *(infos[o].claim.article for o in copies)}))
        who = outlet_name(articles.get(claim.article), claim.article)
        if lone_story:
            why = "the story has only one independent source, so everything in it rests on that source"
        elif elsewhere:
            missing = figures_missing(stated_figures(claim), [infos[o].claim.quantities for o in elsewhere])
            figures = ", ".join(f"\u201c{q.text}\u201d" for q in missing)
            s_ = "s" if len(missing) > 1 else ""
            why = f"other outlets report it without the figure{s_} {figures}, which no other independent outlet gives"
        else:
            why = "no other independent outlet in the story reports it"
        by = f" (attributed to {claim.attribution})" if claim.attribution else ""
        candidates.append(
            Finding(
                id=finding_id("single_source", (cid,)),
                kind="single_source",
                story=story.id,
                field="claim",
                claims=(cid, *copies),
                articles=art_ids,
                independent_sources=1,
                summary=f"Only {who}{by}: \u201c{_short(claim.text)}\u201d; {why}.",
                score=round(claim.checkworthiness, 3),
                merged=merged_groups(groups, art_ids),
            )
        )
    candidates.sort(key=lambda f: (-f.score, f.claims[0]))
    return candidates[:limit]
