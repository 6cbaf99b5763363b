"""The JSON contract and the terminal report, on a small story built by hand."""

from __future__ import annotations

import json

from storycheck.model import (
    Article, Claim, ClaimCheck, Comment, Extraction, Finding, Heading, IngestFailure, Quantity, Quote,
    RemovedLine, Report, Source, Story, StoryVerification, TimeExpression, TimelineEvent,
)
from storycheck.report.json import SCHEMA, render_json
from storycheck.report.text import render_claims, render_text

BODY_A = "The ferry strike began on March 2. About 1,200 workers walked out."
BODY_B = "The strike started on March 5, union leaders said."


def _claim(aid: str, body: str, n: int, text: str, **kw: object) -> Claim:
    start = body.index(text)
    return Claim(id=f"{aid}:c{n}", article=aid, text=text, start=start, end=start + len(text),
                 modality="asserted", checkworthiness=0.8, **kw)  # type: ignore[arg-type]


def small_report() -> Report:
    src = Source("examples/a.txt", "file", "2026-03-10T00:00:00+00:00", "0" * 64)
    a = Article(id="a", source=src, body=BODY_A, title="Strike", outlet="Herald", status="report",
                headings=(Heading("Background", 35),), comments=(Comment("c1", "Ann", "Good."), Comment("c2", None, "Agreed.", "c1")),
                removed=(RemovedLine("0:00", "player widget"),))
    b = Article(id="b", source=src, body=BODY_B, outlet="Gazette", status="report")
    t_a = TimeExpression("on March 2", BODY_A.index("on March 2"), BODY_A.index("on March 2") + 10, "2026-03-02", "2026-03-02", "day")
    q_a = Quantity("About 1,200 workers", BODY_A.index("About"), BODY_A.index("About") + 19, 1080.0, 1320.0, "people", "about")
    ca1 = _claim("a", BODY_A, 1, "The ferry strike began on March 2.", times=(t_a,))
    ca2 = _claim("a", BODY_A, 2, "About 1,200 workers walked out.", quantities=(q_a,))
    cb1 = _claim("b", BODY_B, 1, "The strike started on March 5, union leaders said.")
    quote = Quote("b:q1", "b", "started", BODY_B.index("started"), BODY_B.index("started") + 7, "Union Leader", claim="b:c1")
    story = Story("s-1", "Ferry strike", ("a", "b"), "2026-03-02")
    fc = Finding("f1", "contradicted", "s-1", "time", ("a:c1", "b:c1"), ("a", "b"), 2, ("on March 2", "on March 5"),
                 "Herald dates the start of the strike on March 2; Gazette on March 5.", 0.9)
    fs = Finding("f2", "single_source", "s-1", "claim", ("a:c2",), ("a",), 1, (), "Only Herald gives the walkout size.", 0.8)
    tl = TimelineEvent("s-1", "2026-03-02", "2026-03-05", "day", "strike began", ("a", "b"), ("a:c1", "b:c1"), True,
                       (("a:c1", "on March 2"), ("b:c1", "on March 5")))
    checks = (ClaimCheck("a:c1", "contradicted", contradicting=("b:c1",), findings=("f1",)),)
    return Report(
        articles=(a, b),
        extractions=(Extraction("a", (ca1, ca2)), Extraction("b", (cb1,), (quote,))),
        verifications=(StoryVerification(story, (fc, fs), (tl,), checks),),
        failures=(IngestFailure("missing.txt", "no such file"),),
        generated_at="2026-03-10T00:00:00+00:00",
    )


def test_json_report_keeps_the_contract_keys() -> None:
    data = json.loads(render_json(small_report()))
    assert data["schema"] == SCHEMA
    art = data["articles"][0]
    for key in ("id", "source", "title", "outlet", "published", "language", "status", "status_evidence",
                "body", "headings", "comments", "removed"):
        assert key in art
    assert art["comments"][1] == {"id": "c2", "author": None, "text": "Agreed.", "reply_to": "c1"}
    assert art["removed"] == [{"text": "0:00", "reason": "player widget"}]
    claim = data["claims"][0]
    for key in ("id", "article", "text", "start", "end", "modality", "checkworthiness", "attribution",
                "entities", "times", "quantities"):
        assert key in claim
    assert claim["times"][0]["from"] == "2026-03-02" and claim["times"][0]["to"] == "2026-03-02"
    for c in data["claims"]:
        body = next(a["body"] for a in data["articles"] if a["id"] == c["article"])
        assert body[c["start"]:c["end"]] == c["text"]
    q = data["claims"][1]["quantities"][0]
    assert (q["value_min"], q["value_max"], q["unit"], q["hedge"]) == (1080.0, 1320.0, "people", "about")
    assert data["quotes"][0]["speaker"] == "Union Leader" and data["quotes"][0]["claim"] == "b:c1"
    assert data["stories"] == [{"id": "s-1", "title": "Ferry strike", "articles": ["a", "b"], "event_date": "2026-03-02"}]
    f = data["findings"][0]
    for key in ("id", "kind", "story", "field", "claims", "articles", "independent_sources", "values", "summary"):
        assert key in f
    assert [s["outlet"] for s in f["sides"]] == ["Herald", "Gazette"]
    assert data["timeline"][0]["conflict"] is True
    assert data["failures"] == [{"source": "missing.txt", "reason": "no such file"}]


def test_text_report_leads_with_contradictions_quoting_both_sides() -> None:
    text = render_text(small_report())
    assert text.index("CONTRADICTIONS") < text.index("CORROBORATED") < text.index("SINGLE SOURCE")
    assert "“The ferry strike began on March 2.”" in text
    assert "“The strike started on March 5, union leaders said.”" in text
    assert "“on March 2” vs “on March 5”" in " ".join(text.split())
    assert "missing.txt: no such file" in text
    header = text.splitlines()[2]
    assert "words kept" in header and "lines removed" in header and "comments" in header


def test_article_fact_check_lists_what_others_say() -> None:
    text = render_text(small_report(), article="a")
    assert "[CONTRADICTED] The ferry strike began on March 2." in text
    assert "contradicted by Gazette" in text


def test_claims_listing_marks_parts() -> None:
    rep = small_report()
    out = render_claims(rep.articles, rep.extractions)
    assert "{on March 2}" in out and "<About 1,200 workers>" in out
    assert "-> 2026-03-02..2026-03-02 (day)" in out
