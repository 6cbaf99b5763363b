"""The story's timeline: dated events merged across the articles that date them.

A dating is one resolved time expression in a claim, tied to the event word it
modifies ("the January 3 raid", "met on February 3"). Datings are one event when
they date the same class of event to the same interval, or when aligned claims
date the same class of event to overlapping intervals (a day and the month that
contains it). When a time contradiction was found, both datings are one event
shown as a conflict, each with its own words.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping, Sequence

from storycheck.model import Story, TimelineEvent
from storycheck.verify.align import AlignedPair, ClaimInfo
from storycheck.verify.compare import attached_event, is_dating, is_planned, time_interval, times_compatible
from storycheck.verify.conflicts import Conflict

# a dating wider than this is background ("in recent decades"), not a point on the timeline
MAX_SPAN_DAYS = 400
# datings at most this wide (a day to a month) merge by event kind and overlap alone
MERGE_WIDTH_DAYS = 31
# datings further back than this before the story's date are historical comparisons
BACKGROUND_YEARS = 10
_GRAIN_ORDER = {"day": 0, "week": 1, "month": 2, "quarter": 3, "span": 4, "year": 5}
_CLAUSE = re.compile(r"[;:\u2014]|,\s|\s[\u2013-]\s")

Dating = tuple[str, int]  # (claim id, index into claim.times)


def _width(infos: Mapping[str, ClaimInfo], n: Dating) -> int:
    t = infos[n[0]].claim.times[n[1]]
    return _days(t.date_from or "", t.date_to or "")


def _days(lo: str, hi: str) -> int:
    try:
        return (_dt.date.fromisoformat(hi[:10]) - _dt.date.fromisoformat(lo[:10])).days
    except ValueError:
        return MAX_SPAN_DAYS + 1


def build_timeline(
    story: Story,
    infos: Mapping[str, ClaimInfo],
    pairs: Sequence[AlignedPair],
    conflicts: Sequence[Conflict],
) -> list[TimelineEvent]:
    """Timeline events of one story, sorted by start date."""
    nodes: dict[Dating, tuple[str | None, int | None]] = {}
    for cid, info in infos.items():
        for i, t in enumerate(info.claim.times):
            iv = time_interval(t)
            if not is_dating(t) or iv is None or iv[0] is None or iv[1] is None:
                continue
            if _days(iv[0], iv[1]) > MAX_SPAN_DAYS:
                continue
            att = attached_event(info.claim, t.start, t.end)
            nodes[(cid, i)] = (att[0], att[1]) if att else (None, None)
    parent: dict[Dating, Dating] = {n: n for n in nodes}

    def find(n: Dating) -> Dating:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    def union(a: Dating, b: Dating) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    by_key: dict[tuple[str, str, str], Dating] = {}
    for n, (cls, _at) in sorted(nodes.items()):
        if cls is None:
            continue
        t = infos[n[0]].claim.times[n[1]]
        key = (cls, t.date_from or "", t.date_to or "")
        if key in by_key:
            union(by_key[key], n)
        else:
            by_key[key] = n
    # within one story, the same kind of event dated to overlapping short intervals is
    # one event even when the two claims were not aligned ("a January phone call",
    # "in early January ... accepted a call"); clusters need every member to overlap
    # every other, so a month cannot chain January 3 to January 28
    clusters: dict[str, list[list[Dating]]] = {}
    for n in sorted(nodes, key=lambda n: (_width(infos, n), n)):
        cls = nodes[n][0]
        if cls is None or _width(infos, n) > MERGE_WIDTH_DAYS:
            continue
        t = infos[n[0]].claim.times[n[1]]
        for cluster in clusters.setdefault(cls, []):
            if all(times_compatible(t, infos[m[0]].claim.times[m[1]]) for m in cluster):
                cluster.append(n)
                union(cluster[0], n)
                break
        else:
            clusters[cls].append([n])
    by_claim: dict[str, list[Dating]] = {}
    for n in nodes:
        by_claim.setdefault(n[0], []).append(n)
    for p in pairs:
        for na in by_claim.get(p.a, []):
            for nb in by_claim.get(p.b, []):
                if nodes[na][0] is None or nodes[na][0] != nodes[nb][0]:
                    continue
                ta, tb = infos[na[0]].claim.times[na[1]], infos[nb[0]].claim.times[nb[1]]
                if times_compatible(ta, tb):
                    union(na, nb)
    conflicted: set[Dating] = set()
    for c in conflicts:
        if c.field != "time":
            continue
        side_a = [n for n in by_claim.get(c.claim_a, []) if infos[n[0]].claim.times[n[1]].text == c.value_a]
        side_b = [n for n in by_claim.get(c.claim_b, []) if infos[n[0]].claim.times[n[1]].text == c.value_b]
        for na in side_a:
            for nb in side_b:
                union(na, nb)
                conflicted.update((na, nb))
    events: dict[Dating, list[Dating]] = {}
    for n in sorted(nodes):
        events.setdefault(find(n), []).append(n)
    out = [_event(story, members, infos, nodes, conflicted) for members in events.values()]
    # history the articles compare with ("Guernica in 1937") is context, not the story's timeline
    latest = story.event_date or max((e.end or "" for e in out), default="")
    if latest[:4].isdigit():
        horizon = f"{int(latest[:4]) - BACKGROUND_YEARS:04d}{latest[4:10]}"
        out = [e for e in out if (e.end or "9999") >= horizon]
    out.sort(key=lambda e: (e.start or "9999", e.end or "9999", e.text))
    return out


def _event(
    story: Story,
    members: list[Dating],
    infos: Mapping[str, ClaimInfo],
    nodes: Mapping[Dating, tuple[str | None, int | None]],
    conflicted: set[Dating],
) -> TimelineEvent:
    conflict = any(n in conflicted for n in members)
    planned_flags = []
    for cid, i in members:
        info = infos[cid]
        at = nodes[(cid, i)][1]
        planned_flags.append(info.planned or is_planned(info.claim, article_status=info.status, near=at if at is not None else info.claim.times[i].start))

    def precision(n: Dating) -> tuple[int, int, int, str]:
        t = infos[n[0]].claim.times[n[1]]
        plan = planned_flags[members.index(n)]
        return (int(plan), _days(t.date_from or "", t.date_to or ""), _GRAIN_ORDER.get(t.granularity or "", 9), n[0])

    best = min(members, key=precision)
    bt = infos[best[0]].claim.times[best[1]]
    if conflict:
        start = min(infos[c].claim.times[i].date_from or "9999" for c, i in members)
        end = max(infos[c].claim.times[i].date_to or "" for c, i in members)
        grain: str | None = "span"
    else:
        start, end, grain = bt.date_from, bt.date_to, bt.granularity
    claims = tuple(sorted({c for c, _ in members}))
    return TimelineEvent(
        story=story.id,
        start=start,
        end=end,
        granularity=grain,
        text=event_text(infos[best[0]], best[1], nodes[best][1]),
        articles=tuple(sorted({infos[c].claim.article for c in claims})),
        claims=claims,
        conflict=conflict,
        datings=tuple((c, infos[c].claim.times[i].text) for c, i in members),
        planned=all(planned_flags),
    )


def event_text(info: ClaimInfo, time_index: int, event_at: int | None, *, limit: int = 160) -> str:
    """The claim trimmed to the clauses holding the time expression and its event word."""
    claim = info.claim
    t = claim.times[time_index]
    lo = t.start - claim.start
    hi = t.end - claim.start
    if event_at is not None:
        lo, hi = min(lo, event_at - claim.start), max(hi, event_at - claim.start + 1)
    text = claim.text
    cuts = [0, *(m.end() for m in _CLAUSE.finditer(text)), len(text) + 1]
    left = max(c for c in cuts if c <= lo)
    right = min((m.start() for m in _CLAUSE.finditer(text) if m.start() >= hi), default=len(text))
    piece = text[left:right].strip(" ,;:\u2014\u2013-")
    if len(piece) > limit:
        centre = (lo + hi) // 2 - left
        a = max(0, centre - limit // 2)
        b = a + limit
        # cut at word boundaries so no word is shown half
        if a:
            a = piece.find(" ", a) + 1 or a
        if b < len(piece):
            b = piece.rfind(" ", a, b) if piece.rfind(" ", a, b) > a else b
        piece = ("\u2026" if a else "") + piece[a:b].strip() + ("\u2026" if b < len(piece) else "")
    return " ".join(piece.split()).rstrip(".")
