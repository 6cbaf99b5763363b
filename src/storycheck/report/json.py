"""The JSON report: the public, machine-readable contract (``storycheck.report/1``).

Keys named in the issues are a contract: later versions add keys, never rename or
drop one. Everything else (web API, ClaimReview) can be derived from this shape.
"""

from __future__ import annotations

import json
from typing import Any

from storycheck.model import Article, Claim, ClaimCheck, Finding, Quote, Report, TimelineEvent
from storycheck.serialize import to_dict

SCHEMA = "storycheck.report/1"


def article_dict(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "source": a.source.location,
        "title": a.title,
        "outlet": a.outlet,
        "published": a.published,
        "language": a.language,
        "status": a.status,
        "status_evidence": a.status_evidence,
        "body": a.body,
        "headings": [{"text": h.text, "offset": h.offset} for h in a.headings],
        "comments": [{"id": c.id, "author": c.author, "text": c.text, "reply_to": c.reply_to} for c in a.comments],
        "removed": [{"text": r.text, "reason": r.reason} for r in a.removed],
        "url": a.url,
        "author": a.author,
        "subtitle": a.subtitle,
        "words": len(a.body.split()),
        "provenance": to_dict(a.source),
    }


def claim_dict(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "article": c.article,
        "text": c.text,
        "start": c.start,
        "end": c.end,
        "modality": c.modality,
        "checkworthiness": round(c.checkworthiness, 3),
        "checkworthiness_reasons": list(c.checkworthiness_reasons),
        "attribution": c.attribution,
        "polarity": c.polarity,
        "tense": getattr(c, "tense", None),
        "entities": [
            {"text": e.text, "label": e.label, "start": e.start, "end": e.end, "canonical": e.canonical}
            for e in c.entities
        ],
        "times": [
            {
                "text": t.text,
                "start": t.start,
                "end": t.end,
                "from": t.date_from,
                "to": t.date_to,
                "granularity": t.granularity,
                "anchor": t.anchor,
                "anchor_source": t.anchor_source,
                "open_start": t.open_start,
                "open_end": t.open_end,
                "note": t.note,
            }
            for t in c.times
        ],
        "quantities": [
            {
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "value_min": q.value_min,
                "value_max": q.value_max,
                "unit": q.unit,
                "hedge": q.hedge,
                "per": q.per,
                "value": q.value,
            }
            for q in c.quantities
        ],
        "quotes": list(c.quotes),
    }


def quote_dict(q: Quote) -> dict[str, Any]:
    return {
        "id": q.id,
        "article": q.article,
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "speaker": q.speaker,
        "target": q.target,
        "claim": q.claim,
        "kind": q.kind,
    }


def finding_dict(f: Finding, claims: dict[str, Claim], articles: dict[str, Article]) -> dict[str, Any]:
    sides = []
    for cid in f.claims:
        c = claims.get(cid)
        if c is None:
            continue
        art = articles.get(c.article)
        sides.append(
            {"claim": cid, "article": c.article, "outlet": art.outlet if art else None,
             "text": c.text, "start": c.start, "end": c.end}
        )
    return {
        "id": f.id,
        "kind": f.kind,
        "story": f.story,
        "field": f.field,
        "claims": list(f.claims),
        "articles": list(f.articles),
        "independent_sources": f.independent_sources,
        "values": list(f.values),
        "summary": f.summary,
        "score": round(f.score, 3),
        "merged": [list(g) for g in f.merged],
        "sides": sides,
    }


def timeline_dict(t: TimelineEvent) -> dict[str, Any]:
    return {
        "story": t.story,
        "start": t.start,
        "end": t.end,
        "granularity": t.granularity,
        "text": t.text,
        "articles": list(t.articles),
        "claims": list(t.claims),
        "conflict": t.conflict,
        "planned": t.planned,
        "datings": [{"claim": c, "text": w} for c, w in t.datings],
    }


def check_dict(c: ClaimCheck, claims: dict[str, Claim]) -> dict[str, Any]:
    claim = claims.get(c.claim)
    return {
        "claim": c.claim,
        "article": claim.article if claim else None,
        "verdict": c.verdict,
        "supporting": list(c.supporting),
        "contradicting": list(c.contradicting),
        "related": list(c.related),
        "findings": list(c.findings),
    }


def report_dict(report: Report) -> dict[str, Any]:
    """The report as plain data, in the documented key order."""
    claims = {c.id: c for ex in report.extractions for c in ex.claims}
    articles = {a.id: a for a in report.articles}
    return {
        "schema": SCHEMA,
        "generated_at": report.generated_at,
        "articles": [article_dict(a) for a in report.articles],
        "claims": [claim_dict(c) for ex in report.extractions for c in ex.claims],
        "quotes": [quote_dict(q) for ex in report.extractions for q in ex.quotes],
        "stories": [
            {"id": v.story.id, "title": v.story.title, "articles": list(v.story.articles), "event_date": v.story.event_date}
            for v in report.verifications
        ],
        "findings": [finding_dict(f, claims, articles) for v in report.verifications for f in v.findings],
        "timeline": [timeline_dict(t) for v in report.verifications for t in v.timeline],
        "checks": [check_dict(c, claims) for v in report.verifications for c in v.checks],
        "failures": [{"source": f.source, "reason": f.reason} for f in report.failures],
    }


def render_json(report: Report) -> str:
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"
