"""Hand-built model records with every field set, so a round trip proves each column."""

from __future__ import annotations

from storycheck.model import (
    Alert,
    Article,
    Claim,
    ClaimCheck,
    Comment,
    Entity,
    Extraction,
    Finding,
    Heading,
    Quantity,
    Quote,
    RawDocument,
    RemovedLine,
    Source,
    Story,
    StoryVerification,
    TimeExpression,
    TimelineEvent,
)

BODY_A = (
    "The Harbour Street bridge reopened on Tuesday, Mayor Ines Calloway said.\n\n"
    'Repairs cost about 14.2 million dollars. "We kept our promise," Calloway said.'
)
BODY_B = "The bridge reopened on Monday, according to Harbour Radio.\n\nRepairs cost 12 million dollars."


def source(name: str, sha: str, *, at: str = "2026-03-03T09:00:00+00:00") -> Source:
    return Source(f"tests/{name}.txt", "file", at, sha, "text/plain", "utf-8")


def raw(article_id: str, body: str, sha: str, *, at: str = "2026-03-03T09:00:00+00:00") -> RawDocument:
    return RawDocument(
        id=article_id,
        source=source(article_id, sha, at=at),
        content="Listen\n0:00\n" + body,
        format="text",
        url=f"https://news.example/{article_id}",
        title=f"Title {article_id}",
        published="2026-03-03",
        outlet="News Example",
        author="A. Writer",
    )


def article(article_id: str, body: str, sha: str, *, at: str = "2026-03-03T09:00:00+00:00") -> Article:
    return Article(
        id=article_id,
        source=source(article_id, sha, at=at),
        body=body,
        title=f"Title {article_id}",
        url=f"https://news.example/{article_id}",
        outlet="News Example",
        author="A. Writer",
        published="2026-03-03T08:15:00+00:00",
        language="en",
        status="report",
        status_evidence="reopened on Tuesday",
        subtitle="A subtitle",
        headings=(Heading("Costs", body.index("\n\n") + 2),),
        comments=(
            Comment("c1", "reader1", "Finally!", None),
            Comment("c2", None, "It was late.", reply_to="c1"),
        ),
        removed=(RemovedLine("Listen", "player widget"), RemovedLine("0:00", "player widget")),
    )


def extraction(article_id: str, body: str) -> Extraction:
    first_end = body.index("\n\n")
    second_start = first_end + 2
    quote_text = "We kept our promise,"
    q_start = body.find(quote_text)
    person = (
        Entity("Ines Calloway", "PERSON", body.index("Ines"), body.index("Ines") + len("Ines Calloway"), "Ines Calloway")
        if "Ines" in body
        else None
    )
    entities = (person,) if person else ()
    when = "Tuesday" if "Tuesday" in body else "Monday"
    claims = (
        Claim(
            id=f"{article_id}:c1",
            article=article_id,
            text=body[:first_end],
            start=0,
            end=first_end,
            modality="asserted",
            checkworthiness=0.9,
            checkworthiness_reasons=("date", "event"),
            attribution="Mayor Ines Calloway" if person else "Harbour Radio",
            polarity="positive",
            entities=entities,
            times=(
                TimeExpression(
                    when,
                    body.index(when),
                    body.index(when) + len(when),
                    "2026-03-03",
                    "2026-03-03",
                    "day",
                    anchor="2026-03-05",
                    anchor_source="published",
                    open_start=False,
                    open_end=True,
                    note="weekday",
                ),
            ),
        ),
        Claim(
            id=f"{article_id}:c2",
            article=article_id,
            text=body[second_start:],
            start=second_start,
            end=len(body),
            modality="reported",
            checkworthiness=0.75,
            quantities=(
                Quantity(
                    "about 14.2 million dollars",
                    second_start + 13,
                    second_start + 39,
                    13.5e6,
                    14.9e6,
                    "USD",
                    "about",
                    per=None,
                    value=14.2e6,
                ),
            ),
            quotes=(f"{article_id}:q1",) if q_start >= 0 else (),
        ),
    )
    quotes = (
        (
            Quote(
                f"{article_id}:q1",
                article_id,
                quote_text,
                q_start,
                q_start + len(quote_text),
                "Ines Calloway",
                target="the bridge",
                claim=f"{article_id}:c2",
                kind="partial",
            ),
        )
        if q_start >= 0
        else ()
    )
    return Extraction(article=article_id, claims=claims, quotes=quotes, entities=entities)


def verification(
    story_id: str = "s1", *, articles: tuple[str, ...] = ("a", "b"), summary: str = "Tuesday vs Monday"
) -> StoryVerification:
    story = Story(story_id, "Harbour Street bridge reopens", articles, event_date="2026-03-03")
    return StoryVerification(
        story=story,
        findings=(
            Finding(
                f"{story_id}:f1",
                "contradicted",
                story_id,
                "time",
                ("a:c1", "b:c1"),
                articles,
                2,
                values=("Tuesday", "Monday"),
                summary=summary,
                score=0.8,
                merged=(("a", "a-copy"),),
            ),
            Finding(
                f"{story_id}:f2",
                "single_source",
                story_id,
                "quantity",
                ("a:c2",),
                ("a",),
                1,
                summary="only one outlet",
                score=0.75,
            ),
        ),
        timeline=(
            TimelineEvent(
                story_id,
                "2026-03-03",
                "2026-03-03",
                "day",
                "bridge reopened",
                articles,
                ("a:c1", "b:c1"),
                conflict=True,
                datings=(("a:c1", "Tuesday"), ("b:c1", "Monday")),
                planned=False,
            ),
            TimelineEvent(story_id, "2026-04-01", None, "month", "audit due", ("a",), ("a:c2",), planned=True),
        ),
        checks=(
            ClaimCheck("a:c1", "contradicted", contradicting=("b:c1",), findings=(f"{story_id}:f1",)),
            ClaimCheck("a:c2", "unverified", related=("b:c2",)),
        ),
    )


def alert(alert_id: str = "contradiction:s1:s1:f1") -> Alert:
    return Alert(
        alert_id,
        "contradiction",
        "s1",
        "b",
        "Outlets disagree on the day the bridge reopened",
        "2026-03-05T10:00:00+00:00",
        finding="s1:f1",
    )
