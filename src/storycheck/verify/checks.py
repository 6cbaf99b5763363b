"""The per-article fact-check: for each claim, what the other articles say about it.

A claim is "supported" when another independent source tells the same fact,
"contradicted" when another article gives an incompatible value, "mixed" when
both happen, and "unverified" when nobody else touches it. Copies of the same
article (the same independent source) are listed as related, never as support.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from storycheck.model import ClaimCheck, Finding
from storycheck.verify.align import AlignedPair, ClaimInfo
from storycheck.verify.conflicts import Conflict


def claim_checks(
    infos: Mapping[str, ClaimInfo],
    pairs: Sequence[AlignedPair],
    support: Sequence[AlignedPair],
    conflicts: Sequence[Conflict],
    findings: Sequence[Finding],
) -> list[ClaimCheck]:
    """One ClaimCheck per claim of the story, in claim order (article, then position)."""
    supporting: dict[str, set[str]] = {}
    related: dict[str, set[str]] = {}
    contradicting: dict[str, set[str]] = {}
    for p in pairs:
        related.setdefault(p.a, set()).add(p.b)
        related.setdefault(p.b, set()).add(p.a)
    for p in support:
        if infos[p.a].group != infos[p.b].group:
            supporting.setdefault(p.a, set()).add(p.b)
            supporting.setdefault(p.b, set()).add(p.a)
    for c in conflicts:
        contradicting.setdefault(c.claim_a, set()).add(c.claim_b)
        contradicting.setdefault(c.claim_b, set()).add(c.claim_a)
    cited: dict[str, list[str]] = {}
    for f in findings:
        for cid in f.claims:
            cited.setdefault(cid, []).append(f.id)
    out: list[ClaimCheck] = []
    for cid in sorted(infos, key=lambda c: (infos[c].claim.article, infos[c].claim.start, c)):
        sup = supporting.get(cid, set())
        con = contradicting.get(cid, set())
        rel = related.get(cid, set()) - sup - con
        if con and sup:
            verdict = "mixed"
        elif con:
            verdict = "contradicted"
        elif sup:
            verdict = "supported"
        else:
            verdict = "unverified"
        out.append(
            ClaimCheck(
                claim=cid,
                verdict=verdict,
                supporting=tuple(sorted(sup)),
                contradicting=tuple(sorted(con)),
                related=tuple(sorted(rel)),
                findings=tuple(cited.get(cid, ())),
            )
        )
    return out
