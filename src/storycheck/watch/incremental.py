"""Filing one new (or changed) article into the stored stories and re-verifying only what it touched.

Cost follows the change, not the store: the article's claims are extracted once;
stored claims are loaded, never re-extracted; only the few stored stories it may
belong to (``storage.candidate_stories``) and the stories it already belongs to
are read, and only the stories that end up holding it are verified again.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from storycheck.model import Alert, Article, Extraction, Story, StoryVerification
from storycheck.settings import Settings
from storycheck.store import Store
from storycheck.watch.alerts import story_alerts
from storycheck.watch.storage import candidate_stories, members, story_of, stored_verification


@dataclass(frozen=True, slots=True)
class Change:
    """What filing one article produced, ready to be written in one transaction."""

    article: Article
    extraction: Extraction
    verifications: tuple[StoryVerification, ...]
    alerts: tuple[Alert, ...]


def file_article(
    store: Store, article: Article, *, settings: Settings, extraction: Extraction | None = None, now: str | None = None
) -> Change:
    """Stories and alerts for ``article`` against what ``store`` holds; writes nothing."""
    from storycheck.claims import extract_claims, resolve_times
    from storycheck.verify import group_stories, story_anchor, verify_story

    if extraction is None:
        extraction = extract_claims([article], settings=settings)[0]
    existing = _unique(
        story_of(store, article.id)
        + candidate_stories(store, article, extraction, limit=int(settings.watch_candidate_stories))
    )
    # grouping sees a sample of each candidate (group_stories represents a locked story by the
    # members it is given): cost per filing stays bounded however large a story grows
    articles: dict[str, Article] = {}
    known: dict[str, Extraction] = {}
    sample = int(settings.watch_story_sample)
    for story in existing:
        stored_articles, stored_extractions = members(store, story, limit=sample, keep=article.id)
        articles.update(stored_articles)
        known.update(stored_extractions)
    # the new version of the article wins over a stored older one
    articles[article.id] = article
    known[article.id] = extraction
    sampled = [replace(s, articles=tuple(a for a in s.articles if a in articles)) for s in existing]
    grouped = group_stories(list(articles.values()), known, settings=settings, existing=sampled)
    full = {s.id: s for s in existing}
    before = dict(full)
    verifications: list[StoryVerification] = []
    alerts: list[Alert] = []
    for story in grouped:
        if article.id not in story.articles:
            continue  # untouched: its stored verification stands
        if story.id in full:
            # back to every member (in stored order, the new one appended) for verification
            old = full[story.id].articles
            story = replace(story, articles=old + tuple(a for a in story.articles if a not in old))
            missing = [aid for aid in story.articles if aid not in articles]
            if missing:
                more_articles, more_extractions = members(store, replace(story, articles=tuple(missing)))
                articles.update(more_articles)
                known.update({k: v for k, v in more_extractions.items() if k not in known})
        story_members = {aid: articles[aid] for aid in story.articles if aid in articles}
        anchor = story_anchor(story, story_members, known)
        if anchor is not None:
            for aid, member in story_members.items():
                if not member.published and aid in known:
                    known[aid] = resolve_times(known[aid], member, anchor=anchor, anchor_source="story")
            if story.event_date is None:
                story = replace(story, event_date=anchor)
        verification = verify_story(story, story_members, known, settings=settings)
        verifications.append(verification)
        old = before.get(story.id)
        previous = stored_verification(store, old) if old is not None else None
        alerts += story_alerts(previous, verification, article=article.id, now=now)
    return Change(article, known[article.id], tuple(verifications), tuple(alerts))


def _unique(stories: list[Story]) -> list[Story]:
    seen: set[str] = set()
    out = []
    for story in stories:
        if story.id not in seen:
            seen.add(story.id)
            out.append(story)
    return out
