"""The Markdown report: contradictions first with both sides' words, then the rest."""

from __future__ import annotations

import re

from storycheck.model import Report
from storycheck.report.markdown import md, md_url, render_markdown


def test_sections_come_in_order_with_exact_words(story_report: Report) -> None:
    text = render_markdown(story_report)
    order = [text.index(h) for h in ("### Contradictions", "### Corroborated facts", "### Single-source claims",
                                     "### Timeline", "### Articles")]
    assert order == sorted(order)
    contradictions = text[order[0]:order[1]]
    assert "**Monday**: Valley Wire (`a-wire`): \u201cCouncillors in Northport voted on Monday to shut the Elm Street bridge.\u201d" in contradictions
    assert "**Tuesday**: Northport Gazette (`a-gazette`)" in contradictions
    assert "3 independent sources (Northport Gazette, Valley Wire, Coastal Daily)" in text
    single = text[order[2]:order[3]]
    assert "An engineer first reported cracks" in single and "Valley Wire (`a-wire`)" in single
    table = [line for line in text[order[3]:order[4]].splitlines() if line.startswith("| 2026")]
    assert len(table) == 2 and table[1].endswith("| **yes** |") and "\u201con Monday\u201d `a-wire:c1`" in table[1]
    assert "- Claims: 3 (1 contradicted, 1 corroborated, 0 single source); quotes: 1; comments: 2; removed lines: 2" in text


def test_scraped_text_cannot_inject_markdown_or_html(hostile_report: Report) -> None:
    text = render_markdown(hostile_report)
    # every < but our own autolinks is backslash-escaped, so no renderer sees raw HTML
    assert not re.search(r"(?<!\\)<(?!https://plain.example/)", text) and "](javascript" not in text
    assert "\\<script\\>alert(1)\\</script\\>" in text
    assert md("a | b [x](javascript:y) *z*") == "a \\| b \\[x\\](javascript:y) \\*z\\*"
    assert md_url("javascript:alert(1)") is None
    assert md_url("https://a.example/x y>z") == "https://a.example/x%20y%3Ez"
