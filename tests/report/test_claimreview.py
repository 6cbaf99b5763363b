"""ClaimReview JSON-LD: the schema.org structure, one review per contradicted or single-source claim."""

from __future__ import annotations

import json
from typing import Any

from storycheck.model import Report
from storycheck.report.claimreview import render_claimreview


def check_claimreview(review: dict[str, Any]) -> None:
    """The properties schema.org and Google's ClaimReview guidelines ask for, with their types."""
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert isinstance(review["claimReviewed"], str) and review["claimReviewed"]
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    for work in item["appearance"]:
        assert work["@type"] == "CreativeWork" and work["name"]
        if "url" in work:
            assert work["url"].startswith(("http://", "https://"))
        if "publisher" in work:
            assert work["publisher"]["@type"] == "Organization" and work["publisher"]["name"]
    if "author" in item:
        assert item["author"]["@type"] in ("Person", "Organization") and item["author"]["name"]
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating"
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    assert rating["alternateName"] in ("Contradicted by other outlets", "Single source")
    assert rating["ratingExplanation"]
    assert review["author"] == {"@type": "Organization", "name": "storycheck"}
    assert len(review["datePublished"]) == 10


def test_reviews_cover_contradicted_and_single_source_claims(story_report: Report) -> None:
    reviews = json.loads(render_claimreview(story_report))
    for r in reviews:
        check_claimreview(r)
    by_claim = {r["identifier"].split("/")[1]: r for r in reviews}
    assert set(by_claim) == {"a-gazette:c1", "a-wire:c1", "a-daily:c1", "a-wire:c4"}  # never the corroborated cost
    wire = by_claim["a-wire:c1"]
    assert wire["claimReviewed"] == "Councillors in Northport voted on Monday to shut the Elm Street bridge."
    assert wire["reviewRating"]["alternateName"] == "Contradicted by other outlets"
    assert "Northport Gazette says" in wire["reviewRating"]["ratingExplanation"]
    assert wire["itemReviewed"]["appearance"][0]["url"] == "https://wire.example/northport-bridge"
    assert wire["itemReviewed"]["appearance"][0]["publisher"]["name"] == "Valley Wire"
    assert wire["itemReviewed"]["datePublished"] == "2026-03-05"
    gazette = by_claim["a-gazette:c1"]
    assert gazette["itemReviewed"]["author"] == {"@type": "Person", "name": "Lena Park"}
    assert "Valley Wire says" in gazette["reviewRating"]["ratingExplanation"]
    assert by_claim["a-wire:c4"]["reviewRating"]["alternateName"] == "Single source"


def test_hostile_text_survives_as_data_and_cannot_close_a_script_block(hostile_report: Report) -> None:
    text = render_claimreview(hostile_report)
    assert "<" not in text
    reviews = json.loads(text)
    for r in reviews:
        check_claimreview(r)
    assert any("<img src=x onerror=alert(1)>" in r["claimReviewed"] for r in reviews)
    assert all("url" not in w for r in reviews for w in r["itemReviewed"]["appearance"] if "javascript" in str(w))
