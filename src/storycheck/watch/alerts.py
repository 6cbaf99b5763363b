"""Alerts: what changed in a story that a watcher should hear about, with ids that survive restarts.

An alert's id hashes its kind, story and the claims it is about, never a counter
or a time, so recomputing the same change after a crash gives the same id and the
database's primary key turns the repeat into a no-op.

What counts as news, comparing a story's findings before and after an article:
* ``new_story``: the story was not stored before;
* ``contradiction``: a contradicted finding whose claims were not all inside one
  contradicted finding of the same field before (a new article joining either side
  of a known dispute is news; re-verifying the same dispute is not);
* ``corroborated``: a corroborated finding sharing no claim with any corroborated
  finding of before: a new agreement, or a single-source claim now confirmed by an
  independent outlet (the message says which).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
from collections.abc import Sequence

from storycheck.model import Alert, Finding, StoryVerification

KINDS = ("new_story", "contradiction", "corroborated")


def alert_id(kind: str, story: str, *parts: str) -> str:
    """Stable id: the same change in the same story always hashes to the same id."""
    text = "\x1f".join((kind, story, *parts))
    return f"{kind}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}"


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()


def story_alerts(
    before: StoryVerification | None, after: StoryVerification, *, article: str, now: str | None = None
) -> list[Alert]:
    """Alerts raised by ``article`` turning ``before`` (None: a new story) into ``after``."""
    created = now or _now()
    story = after.story
    out: list[Alert] = []
    if before is None:
        out.append(
            Alert(
                id=alert_id("new_story", story.id),
                kind="new_story",
                story=story.id,
                article=article,
                message=f"new story {story.title!r} ({len(story.articles)} article{'s' if len(story.articles) != 1 else ''})",
                created_at=created,
            )
        )
    old = before.findings if before is not None else ()
    old_disputes = [(f.field, set(f.claims)) for f in old if f.kind == "contradicted"]
    old_agreed = {c for f in old if f.kind == "corroborated" for c in f.claims}
    old_single = {c for f in old if f.kind == "single_source" for c in f.claims}
    for finding in after.findings:
        claims = set(finding.claims)
        if finding.kind == "contradicted":
            if any(field == finding.field and claims <= known for field, known in old_disputes):
                continue
            out.append(_finding_alert("contradiction", finding, article, created, f"contradiction ({finding.field})"))
        elif finding.kind == "corroborated":
            if claims & old_agreed:
                continue
            confirmed = claims & old_single
            label = "single-source claim now corroborated" if confirmed else "newly corroborated"
            out.append(_finding_alert("corroborated", finding, article, created, label))
    return out


def _finding_alert(kind: str, finding: Finding, article: str, created: str, label: str) -> Alert:
    sources = f"{finding.independent_sources} independent source{'s' if finding.independent_sources != 1 else ''}"
    what = finding.summary or " vs ".join(finding.values) or ", ".join(finding.claims)
    return Alert(
        id=alert_id(kind, finding.story, finding.field, *sorted(finding.claims)),
        kind=kind,
        story=finding.story,
        article=article,
        message=f"{label}: {what} [{sources}]",
        created_at=created,
        finding=finding.id,
    )


def alert_line(alert: Alert) -> str:
    """The one line printed per alert: kind, story, message, id (greppable, stable)."""
    message = " ".join(alert.message.split())
    return f"ALERT {alert.kind} story={alert.story} article={alert.article}: {message} (id {alert.id})"


def alert_payload(alert: Alert) -> dict[str, object]:
    """The JSON body POSTed to webhooks and printed by ``alerts --format json``."""
    return {
        "schema": "storycheck.alert/1",
        "id": alert.id,
        "kind": alert.kind,
        "story": alert.story,
        "article": alert.article,
        "finding": alert.finding,
        "message": alert.message,
        "created_at": alert.created_at,
        "delivered_at": alert.delivered_at,
        "attempts": alert.attempts,
    }


def alerts_json(alerts: Sequence[Alert]) -> str:
    return json.dumps([alert_payload(a) for a in alerts], indent=2, ensure_ascii=False)
