"""A small hand-built story for the report and web tests, made from model records.

Three outlets cover the closure of a (fictional) river bridge. They agree on the
repair cost, disagree on the day the council voted, and one of them alone says
an engineer found cracks in January. Every offset is computed from the body text,
so ``body[start:end] == text`` holds exactly as it does for the real pipeline.

Also ``hostile_report()``: an article whose every scraped field carries markup
and script, for the escaping tests.
"""

from __future__ import annotations

from pathlib import Path

from storycheck.model import (
    Article,
    Claim,
    ClaimCheck,
    Comment,
    Entity,
    Extraction,
    Finding,
    Quantity,
    Quote,
    RawDocument,
    RemovedLine,
    Report,
    Source,
    Story,
    StoryVerification,
    TimeExpression,
    TimelineEvent,
)

STORY_ID = "s-bridge"


def store_report(report: Report, db_path: Path) -> Path:
    """Write a report into a real database through the Store API, as the pipeline does."""
    from storycheck.store import Store

    extractions = {e.article: e for e in report.extractions}
    with Store.open(db_path) as store:
        for article in report.articles:
            raw = RawDocument(id=article.id, source=article.source, content=article.body, format="text",
                              url=article.url, title=article.title, published=article.published, outlet=article.outlet)
            store.save_article(raw, article, extractions.get(article.id))
        store.save_verifications(report.verifications)
    return db_path


def _source(name: str) -> Source:
    return Source(location=f"tests/data/report/{name}.txt", kind="file", fetched_at="2026-03-05T09:00:00+00:00",
                  sha256="0" * 64, content_type="text/plain", encoding="utf-8")


def _span(body: str, text: str) -> tuple[int, int]:
    start = body.index(text)
    return start, start + len(text)


def _claim(article: str, n: int, body: str, text: str, **kw: object) -> Claim:
    start, end = _span(body, text)
    return Claim(id=f"{article}:c{n}", article=article, text=text, start=start, end=end,
                 modality=str(kw.pop("modality", "asserted")), checkworthiness=float(kw.pop("cw", 0.8)), **kw)  # type: ignore[arg-type]


def _time(body: str, words: str, day_from: str, day_to: str | None = None) -> TimeExpression:
    start, end = _span(body, words)
    return TimeExpression(text=words, start=start, end=end, date_from=day_from, date_to=day_to or day_from,
                          granularity="day" if day_to is None else "month", anchor="2026-03-05", anchor_source="published")


GAZETTE = (
    "The Northport city council voted on Tuesday to close the Elm Street bridge for at least six months.\n\n"
    "Repairs will cost 4.2 million dollars, according to the council's budget office.\n\n"
    "\"The bridge is no longer safe for heavy traffic,\" Mayor Ana Ruiz said after the vote.\n\n"
    "Ferry services will run every 20 minutes while the bridge is shut."
)
WIRE = (
    "Councillors in Northport voted on Monday to shut the Elm Street bridge.\n\n"
    "The repairs are expected to cost about 4 million dollars.\n\n"
    "Mayor Ana Ruiz said the decision \"was the only responsible choice\".\n\n"
    "An engineer first reported cracks in the bridge's supports in January."
)
DAILY = (
    "Northport's Elm Street bridge will close after a council vote on Tuesday.\n\n"
    "Officials put the repair bill at 4.2 million dollars.\n\n"
    "Local shops fear a drop in customers during the closure."
)


def story_report() -> Report:
    """Three articles, one story: a contradiction, a corroborated fact, a single-source claim."""
    gazette = Article(
        id="a-gazette", source=_source("gazette"), body=GAZETTE, title="Council shuts Elm Street bridge",
        url="https://gazette.example/bridge", outlet="Northport Gazette", author="Lena Park",
        published="2026-03-05", status="report",
        comments=(Comment("c1", "riverwatcher", "About time, that bridge shakes."),
                  Comment("c2", "m_h", "It shook in 2019 too.", reply_to="c1")),
        removed=(RemovedLine("Listen to this article 3 min", "player widget"),
                 RemovedLine("Share on social media", "share prompt")),
    )
    wire = Article(
        id="a-wire", source=_source("wire"), body=WIRE, title="Northport to shut bridge for repairs",
        url="https://wire.example/northport-bridge", outlet="Valley Wire", published="2026-03-05", status="report",
        removed=(RemovedLine("(c) Valley Wire 2026", "publisher footer"),),
    )
    daily = Article(
        id="a-daily", source=_source("daily"), body=DAILY, title="Bridge closure worries shop owners",
        url="https://daily.example/bridge-shops", outlet="Coastal Daily", published="2026-03-06", status="report",
    )

    g1 = _claim("a-gazette", 1, GAZETTE, "The Northport city council voted on Tuesday to close the Elm Street bridge for at least six months.",
                times=(_time(GAZETTE, "on Tuesday", "2026-03-03"),),
                entities=(Entity("Northport", "GPE", 4, 13, "Northport"),))
    g2 = _claim("a-gazette", 2, GAZETTE, "Repairs will cost 4.2 million dollars, according to the council's budget office.",
                attribution="the council's budget office",
                quantities=(Quantity("4.2 million dollars", *_span(GAZETTE, "4.2 million dollars"), 4.2e6, 4.2e6, "USD", None, value=4.2e6),))
    g3 = _claim("a-gazette", 3, GAZETTE, "\"The bridge is no longer safe for heavy traffic,\" Mayor Ana Ruiz said after the vote.",
                modality="reported", quotes=("a-gazette:q1",))
    w1 = _claim("a-wire", 1, WIRE, "Councillors in Northport voted on Monday to shut the Elm Street bridge.",
                times=(_time(WIRE, "on Monday", "2026-03-02"),))
    w2 = _claim("a-wire", 2, WIRE, "The repairs are expected to cost about 4 million dollars.", modality="expected",
                quantities=(Quantity("about 4 million dollars", *_span(WIRE, "about 4 million dollars"), 3.8e6, 4.2e6, "USD", "about", value=4e6),))
    w4 = _claim("a-wire", 4, WIRE, "An engineer first reported cracks in the bridge's supports in January.", cw=0.9,
                times=(_time(WIRE, "in January", "2026-01-01", "2026-01-31"),))
    d1 = _claim("a-daily", 1, DAILY, "Northport's Elm Street bridge will close after a council vote on Tuesday.",
                times=(_time(DAILY, "on Tuesday", "2026-03-03"),))
    d2 = _claim("a-daily", 2, DAILY, "Officials put the repair bill at 4.2 million dollars.")

    q1_start, q1_end = _span(GAZETTE, "The bridge is no longer safe for heavy traffic,")
    q1 = Quote("a-gazette:q1", "a-gazette", GAZETTE[q1_start:q1_end], q1_start, q1_end, "Ana Ruiz",
               target="Elm Street bridge", claim=g3.id)
    q2_start, q2_end = _span(WIRE, "was the only responsible choice")
    q2 = Quote("a-wire:q1", "a-wire", WIRE[q2_start:q2_end], q2_start, q2_end, "Ana Ruiz", kind="partial")

    extractions = (
        Extraction("a-gazette", claims=(g1, g2, g3), quotes=(q1,)),
        Extraction("a-wire", claims=(w1, w2, w4), quotes=(q2,)),
        Extraction("a-daily", claims=(d1, d2)),
    )
    story = Story(STORY_ID, "Northport closes Elm Street bridge", ("a-gazette", "a-wire", "a-daily"), event_date="2026-03-03")
    findings = (
        Finding("f-vote-day", "contradicted", STORY_ID, "time", (g1.id, w1.id, d1.id), ("a-gazette", "a-wire", "a-daily"),
                independent_sources=3, values=("Tuesday", "Monday"),
                summary="Outlets disagree on the day the council voted: Tuesday or Monday.", score=0.9),
        Finding("f-cost", "corroborated", STORY_ID, "quantity", (g2.id, w2.id, d2.id), ("a-gazette", "a-wire", "a-daily"),
                independent_sources=3, values=("4.2 million dollars",), summary="Repairs cost about 4.2 million dollars.", score=0.8),
        Finding("f-cracks", "single_source", STORY_ID, "event", (w4.id,), ("a-wire",), independent_sources=1,
                summary="Only Valley Wire says an engineer reported cracks in January.", score=0.9),
    )
    timeline = (
        TimelineEvent(STORY_ID, "2026-01-01", "2026-01-31", "month", "An engineer reports cracks in the bridge's supports",
                      ("a-wire",), (w4.id,), datings=((w4.id, "in January"),)),
        TimelineEvent(STORY_ID, "2026-03-02", "2026-03-03", "day", "The council votes to close the bridge",
                      ("a-gazette", "a-wire", "a-daily"), (g1.id, w1.id, d1.id), conflict=True,
                      datings=((g1.id, "on Tuesday"), (w1.id, "on Monday"), (d1.id, "on Tuesday"))),
    )
    checks = (
        ClaimCheck(g1.id, "contradicted", supporting=(d1.id,), contradicting=(w1.id,), findings=("f-vote-day",)),
        ClaimCheck(w1.id, "contradicted", contradicting=(g1.id, d1.id), findings=("f-vote-day",)),
        ClaimCheck(d1.id, "contradicted", supporting=(g1.id,), contradicting=(w1.id,), findings=("f-vote-day",)),
        ClaimCheck(g2.id, "supported", supporting=(w2.id, d2.id), findings=("f-cost",)),
        ClaimCheck(w4.id, "unverified", findings=("f-cracks",)),
    )
    verification = StoryVerification(story, findings=findings, timeline=timeline, checks=checks)
    return Report(articles=(gazette, wire, daily), extractions=extractions, verifications=(verification,),
                  generated_at="2026-03-06T12:00:00+00:00")


PAYLOAD_SCRIPT = "<script>alert(1)</script>"
PAYLOAD_IMG = "<img src=x onerror=alert(1)>"
PAYLOAD_ATTR = "\" onmouseover=\"alert(1)\" x=\""
PAYLOAD_URL = "javascript:alert(1)"


def hostile_report() -> Report:
    """One story whose scraped text tries script injection in every field a page shows."""
    body = (f"Breaking {PAYLOAD_SCRIPT} news from the port.\n\n"
            f"The harbour reopened on Friday {PAYLOAD_IMG} after repairs.\n\n"
            f"Click <a href=\"{PAYLOAD_URL}\">here</a> {PAYLOAD_ATTR} for more.")
    other = "The harbour reopened on Thursday after repairs."
    art = Article(
        id="a-hostile", source=_source("hostile"), body=body, title=f"Port news {PAYLOAD_SCRIPT}",
        url=PAYLOAD_URL, outlet=f"Evil {PAYLOAD_IMG} Times", author=PAYLOAD_ATTR, published="2026-03-05",
        status_evidence=PAYLOAD_SCRIPT,
        comments=(Comment("c1", PAYLOAD_IMG, f"nice {PAYLOAD_SCRIPT}"),),
        removed=(RemovedLine(f"Share {PAYLOAD_IMG}", "share prompt"),),
    )
    plain = Article(id="a-plain", source=_source("plain"), body=other, title="Harbour reopens",
                    url="https://plain.example/harbour", outlet="Plain Post", published="2026-03-05")
    c1 = _claim("a-hostile", 1, body, f"The harbour reopened on Friday {PAYLOAD_IMG} after repairs.",
                times=(_time(body, "on Friday", "2026-03-06"),))
    c2 = _claim("a-hostile", 2, body, f"Click <a href=\"{PAYLOAD_URL}\">here</a> {PAYLOAD_ATTR} for more.", cw=0.9)
    p1 = _claim("a-plain", 1, other, other, times=(_time(other, "on Thursday", "2026-03-05"),))
    qs, qe = _span(body, PAYLOAD_SCRIPT)
    quote = Quote("a-hostile:q1", "a-hostile", body[qs:qe], qs, qe, PAYLOAD_IMG, target=PAYLOAD_SCRIPT)
    story = Story("s-hostile", f"Harbour {PAYLOAD_SCRIPT} reopens", ("a-hostile", "a-plain"), event_date="2026-03-05")
    findings = (
        Finding("f-day", "contradicted", story.id, "time", (c1.id, p1.id), ("a-hostile", "a-plain"), 2,
                values=(f"Friday {PAYLOAD_IMG}", "Thursday"), summary=f"Day differs {PAYLOAD_SCRIPT}"),
        Finding("f-click", "single_source", story.id, "event", (c2.id,), ("a-hostile",), 1, summary=PAYLOAD_ATTR),
    )
    timeline = (TimelineEvent(story.id, "2026-03-05", "2026-03-06", "day", f"Harbour reopens {PAYLOAD_SCRIPT}",
                              ("a-hostile", "a-plain"), (c1.id, p1.id), conflict=True,
                              datings=((c1.id, "on Friday"), (p1.id, f"on Thursday {PAYLOAD_IMG}"))),)
    return Report(articles=(art, plain),
                  extractions=(Extraction("a-hostile", claims=(c1, c2), quotes=(quote,)), Extraction("a-plain", claims=(p1,))),
                  verifications=(StoryVerification(story, findings=findings, timeline=timeline),),
                  generated_at="2026-03-06T12:00:00+00:00")
