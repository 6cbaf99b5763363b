"""schema.org ClaimReview JSON-LD for claims that other outlets contradict or nobody else reports.

storycheck does not rule on truth; it says how a claim stands against the rest of
the coverage. The rating scale says that: 1 = contradicted by other outlets,
2 = single source (unverified), 3 = corroborated (never emitted here, but it
anchors ``bestRating`` so readers see where the scale tops out).
"""

from __future__ import annotations

import json
from typing import Any

from storycheck.model import Article, Claim, Finding, Report
from storycheck.report.views import ReportIndex, claim_sides, outlet_name, safe_url

CONTEXT = "https://schema.org"
RATINGS = {
    "contradicted": (1, "Contradicted by other outlets"),
    "single_source": (2, "Single source"),
}
BEST_RATING = 3
WORST_RATING = 1


def _date(value: str | None) -> str | None:
    return value[:10] if value else None


def _appearance(article: Article) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "name": article.title or article.id}
    url = safe_url(article.url)
    if url:
        work["url"] = url
    if article.outlet or url:
        work["publisher"] = {"@type": "Organization", "name": outlet_name(article)}
    if article.published:
        work["datePublished"] = article.published
    if article.author:
        work["author"] = {"@type": "Person", "name": article.author}
    return work


def _explanation(finding: Finding, claim: Claim, index: ReportIndex) -> str:
    if finding.kind == "single_source":
        return (f"Only {index.outlet(claim.article)} reports this among the {len(_story_articles(finding, index))} "
                f"articles in this story. {finding.summary}").strip()
    sides = claim_sides(finding, index)
    mine = sides.get(claim.id)
    others = []
    for cid in finding.claims:
        if cid == claim.id or cid not in index.claims or sides.get(cid) == mine:
            continue
        other = index.claims[cid]
        side = sides.get(cid)
        value = finding.values[side] if side is not None and side < len(finding.values) else None
        others.append(f"{index.outlet(other.article)} says \u201c{other.text}\u201d" + (f" ({value})" if value else ""))
    head = finding.summary or f"Outlets disagree on the {finding.field}."
    return (head + " " + "; ".join(others)).strip()


def _story_articles(finding: Finding, index: ReportIndex) -> tuple[str, ...]:
    v = index.verifications.get(finding.story)
    return v.story.articles if v else finding.articles


def claim_reviews(report: Report, *, reviewer: str = "storycheck") -> list[dict[str, Any]]:
    """One ClaimReview per claim of each contradicted or single-source finding."""
    index = ReportIndex(report)
    published = _date(report.generated_at)
    out: list[dict[str, Any]] = []
    for v in report.verifications:
        for finding in v.findings:
            if finding.kind not in RATINGS:
                continue
            value, label = RATINGS[finding.kind]
            for cid in finding.claims:
                claim = index.claims.get(cid)
                article = index.articles.get(claim.article) if claim else None
                if claim is None or article is None:
                    continue
                item: dict[str, Any] = {"@type": "Claim", "appearance": [_appearance(article)]}
                if article.published:
                    item["datePublished"] = _date(article.published)
                if article.author:
                    item["author"] = {"@type": "Person", "name": article.author}
                elif article.outlet:
                    item["author"] = {"@type": "Organization", "name": article.outlet}
                review: dict[str, Any] = {
                    "@context": CONTEXT,
                    "@type": "ClaimReview",
                    "claimReviewed": claim.text,
                    "itemReviewed": item,
                    "reviewRating": {
                        "@type": "Rating",
                        "ratingValue": value,
                        "bestRating": BEST_RATING,
                        "worstRating": WORST_RATING,
                        "alternateName": label,
                        "ratingExplanation": _explanation(finding, claim, index),
                    },
                    "author": {"@type": "Organization", "name": reviewer},
                    "identifier": f"{finding.id}/{claim.id}",
                }
                if published:
                    review["datePublished"] = published
                if report.meta.get("url"):
                    review["url"] = report.meta["url"]
                out.append(review)
    return out


def render_claimreview(report: Report) -> str:
    """ClaimReview JSON-LD (a JSON array of ClaimReview objects, each with its own @context).

    ``<`` is written as ``\\u003c`` (same JSON value) so the output can be pasted into a
    ``<script type="application/ld+json">`` block without a scraped ``</script>`` ending it.
    """
    return json.dumps(claim_reviews(report), ensure_ascii=False, indent=2).replace("<", "\\u003c") + "\n"
