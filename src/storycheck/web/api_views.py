"""JSON shapes of what the pages show, so the API and the pages never disagree.

Model records go through ``storycheck.serialize.to_dict`` (the same shapes as the
store and the JSON report); view-only data (matrix cells, counts, highlight spans)
is added beside them.
"""

from __future__ import annotations

from typing import Any

from storycheck.report.views import ArticleView, Cell, StoryCounts, StoryView
from storycheck.serialize import to_dict
from storycheck.web.data import Snapshot


def counts(c: StoryCounts) -> dict[str, int]:
    return {"articles": c.articles, "contradicted": c.contradicted, "corroborated": c.corroborated,
            "single_source": c.single_source}


def _cell(cell: Cell) -> dict[str, Any]:
    return {"outlet": cell.outlet, "state": cell.state, "value": cell.value,
            "words": [{"claim": w.claim, "article": w.article, "text": w.text} for w in cell.words]}


def story_summary(sv: StoryView) -> dict[str, Any]:
    s = sv.story
    return {"id": s.id, "title": s.title, "event_date": s.event_date, "articles": list(s.articles),
            "counts": counts(sv.counts), "links": {"page": f"/stories/{s.id}", "api": f"/api/stories/{s.id}"}}


def story_detail(sv: StoryView) -> dict[str, Any]:
    v = sv.verification
    return {
        **story_summary(sv),
        "findings": to_dict(v.findings),
        "timeline": to_dict(v.timeline),
        "checks": to_dict(v.checks),
        "matrix": {
            "outlets": list(sv.matrix.outlets),
            "rows": [{"finding": r.finding.id, "kind": r.finding.kind, "label": r.label,
                      "cells": [_cell(c) for c in r.cells]} for r in sv.matrix.rows],
        },
        "article_summaries": [article_summary(av) for av in sv.articles],
    }


def article_summary(av: ArticleView) -> dict[str, Any]:
    a = av.article
    kinds = [cv.kind for cv in av.claims]
    return {"id": a.id, "title": a.title, "outlet": av.outlet, "published": a.published, "status": a.status,
            "claims": len(av.claims), "quotes": len(av.quotes), "comments": len(a.comments), "removed": len(a.removed),
            "contradicted_claims": kinds.count("contradicted"), "single_source_claims": kinds.count("single_source"),
            "corroborated_claims": kinds.count("corroborated"),
            "links": {"page": f"/articles/{a.id}", "api": f"/api/articles/{a.id}"}}


def article_detail(av: ArticleView, snap: Snapshot) -> dict[str, Any]:
    return {
        "article": to_dict(av.article),
        "outlet": av.outlet,
        "story": av.story.id if av.story else None,
        "claims": to_dict([cv.claim for cv in av.claims]),
        "quotes": to_dict(av.quotes),
        "checks": to_dict([cv.check for cv in av.claims if cv.check is not None]),
        "highlights": [{"claim": cv.claim.id, "start": cv.claim.start, "end": cv.claim.end, "kind": cv.kind or "claim",
                        "findings": list(cv.findings)} for cv in av.claims],
        "summary": article_summary(av),
    }
