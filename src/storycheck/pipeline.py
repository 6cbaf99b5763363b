"""The main job, in order: ingest -> clean -> claims -> stories -> verify -> store.

This module only sequences the stages; each stage lives in its own subpackage and
they talk through ``storycheck.model``. The CLI, the web app and the watcher all
call ``run`` (or its pieces), so they share one code path.
"""

from __future__ import annotations

import datetime as _dt
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from storycheck.errors import CleanError, StorycheckError
from storycheck.model import (
    Article,
    Extraction,
    IngestFailure,
    RawDocument,
    Report,
    Story,
    StoryVerification,
)
from storycheck.settings import Settings

Progress = Callable[[str], None]


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()


@dataclass(slots=True)
class Analysis:
    """Mutable working set of one run, turned into a frozen ``Report`` at the end."""

    articles: list[Article] = field(default_factory=list)
    extractions: dict[str, Extraction] = field(default_factory=dict)
    stories: list[Story] = field(default_factory=list)
    verifications: list[StoryVerification] = field(default_factory=list)
    failures: list[IngestFailure] = field(default_factory=list)
    raws: dict[str, RawDocument] = field(default_factory=dict)

    def report(self) -> Report:
        by_id = {a.id: a for a in self.articles}
        return Report(
            articles=tuple(self.articles),
            extractions=tuple(self.extractions[a] for a in by_id if a in self.extractions),
            verifications=tuple(self.verifications),
            failures=tuple(self.failures),
            generated_at=_now(),
        )


def read_and_clean(
    inputs: Sequence[str], *, settings: Settings, progress: Progress | None = None
) -> tuple[list[tuple[RawDocument, Article]], list[IngestFailure]]:
    """Read every input and clean it; bad inputs become failures and the batch goes on."""
    from storycheck.clean import clean
    from storycheck.ingest import read_sources

    done: list[tuple[RawDocument, Article]] = []
    failures: list[IngestFailure] = []
    seen_ids: set[str] = set()
    for item in read_sources(inputs, settings=settings):
        if isinstance(item, IngestFailure):
            failures.append(item)
            if progress:
                progress(f"{item.source}: {item.reason}")
            continue
        try:
            article = clean(item)
        except CleanError as exc:
            failures.append(IngestFailure(exc.source, exc.reason))
            if progress:
                progress(f"{exc.source}: {exc.reason}")
            continue
        if article.id in seen_ids:
            # identical content read twice (same file through two paths, a repeated URL): keep one
            continue
        seen_ids.add(article.id)
        done.append((item, article))
    return done, failures


def analyse(
    articles: Sequence[Article],
    *,
    settings: Settings,
    existing_stories: Sequence[Story] = (),
    extractions: Mapping[str, Extraction] | None = None,
) -> tuple[dict[str, Extraction], list[Story], list[StoryVerification]]:
    """Claims, stories and verification for a set of cleaned articles.

    ``extractions`` lets a caller (the watcher) pass claims already extracted for
    articles it has seen, so only new articles go through spaCy.
    """
    from storycheck.claims import extract_claims, resolve_times
    from storycheck.verify import group_stories, story_anchor, verify_story

    known = dict(extractions or {})
    todo = [a for a in articles if a.id not in known]
    # with existing stories grouping also embeds their titles, so its batches would differ
    warming = _warm_embeddings_in_background(articles, settings=settings) if todo and not existing_stories else None
    for ex in extract_claims(todo, settings=settings):
        known[ex.article] = ex
    if warming is not None:
        warming.join()
    by_id = {a.id: a for a in articles}
    stories = group_stories(articles, known, settings=settings, existing=existing_stories)
    verifications: list[StoryVerification] = []
    for story in stories:
        members = {aid: by_id[aid] for aid in story.articles if aid in by_id}
        anchor = story_anchor(story, members, known)
        if anchor is not None:
            for aid, art in members.items():
                if not art.published:
                    known[aid] = resolve_times(known[aid], art, anchor=anchor, anchor_source="story")
        if anchor is not None and story.event_date is None:
            # verification needs a reference date (what is background history, what is news)
            story = replace(story, event_date=anchor)
        verification = verify_story(story, members, known, settings=settings)
        event_date = main_event_date(verification)
        if event_date is not None and event_date != verification.story.event_date:
            verification = replace(verification, story=replace(verification.story, event_date=event_date))
        verifications.append(verification)
    return known, [v.story for v in verifications], verifications


def _warm_embeddings_in_background(articles: Sequence[Article], *, settings: Settings) -> threading.Thread | None:
    """Start embedding the articles' leads for story grouping while spaCy parses.

    Both release the GIL for their heavy parts, so on two cores the encoder's share
    (about as much CPU as the parse on a corpus) overlaps with the parse. Only the
    encoder's memo is filled; grouping reads it back, so results do not change.
    Nothing to overlap for a lone article (grouping skips the encoder), and past the
    memo's size the early vectors would be evicted before use.
    """
    from storycheck.blas import limit_blas_threads
    from storycheck.verify.embeddings import MEMO_SIZE

    if int(settings.processes) > 1:
        return None  # spaCy forks its workers: no fork while this thread is inside numpy or tokenizers
    if not _core_free():
        return None  # overlapping costs ~20% more CPU: a gain only when a core would otherwise idle
    unique: dict[str, Article] = {}
    for article in articles:
        unique.setdefault(article.id, article)  # as group_stories keeps them
    if not 2 <= len(unique) <= MEMO_SIZE:
        return None
    limit_blas_threads(1)  # here, not in the thread: resizing OpenBLAS's pool while it is in use is unsafe

    def warm() -> None:
        from storycheck.verify.stories import warm_embeddings

        try:
            warm_embeddings(list(unique.values()), embedding_model=str(settings.embedding_model))
        except (StorycheckError, ImportError):
            pass  # grouping loads the encoder itself and reports the problem there

    thread = threading.Thread(target=warm, name="storycheck-embeddings", daemon=True)
    thread.start()
    return thread


def _core_free() -> bool:
    """Whether the 1-minute load average leaves a whole core idle for a second thread.

    Measured on the 2-core machine: overlapping spaCy with the encoder cut a
    1,000-article run from 109 s to 91 s of wall time at load 1, but spent 19% more
    CPU, which on a busy machine (load 5-13 there most of the day) is lost time.
    """
    import os

    try:
        load = os.getloadavg()[0]
    except OSError:  # not available on this platform
        return False
    return load <= (os.cpu_count() or 1) - 1


def main_event_date(verification: StoryVerification) -> str | None:
    """The day most of the story's articles date an event to: the story's event date.

    The anchor used for resolving relative dates is often a publication date, a day
    or two after the event, so the timeline (dated by the articles themselves) is the
    better witness. Planned dates from previews count too: they name the same day.
    """
    best: tuple[int, int, str] | None = None
    for event in verification.timeline:
        if event.granularity != "day" or event.start is None or event.start != event.end or event.conflict:
            continue
        rank = (len(set(event.articles)), len(event.claims), event.start)
        if best is None or rank[:2] > best[:2]:
            best = rank
    return best[2] if best and best[0] >= 2 else None


def run(
    inputs: Sequence[str],
    *,
    settings: Settings,
    db_path: str | None = None,
    progress: Progress | None = None,
) -> Report:
    """The whole job over some inputs, stored in ``db_path`` (a temporary database when None).

    The store is opened before any work so a bad database path fails at once, not
    after minutes of analysis; each article is then written in its own transaction.
    """
    import tempfile

    from storycheck.store import Store

    with tempfile.TemporaryDirectory(prefix="storycheck-") as tmp:
        with Store.open(db_path or str(Path(tmp) / "run.db")) as store:
            pairs, failures = read_and_clean(inputs, settings=settings, progress=progress)
            work = Analysis(failures=failures)
            work.articles = [a for _, a in pairs]
            work.raws = {a.id: r for r, a in pairs}
            extractions, stories, verifications = analyse(work.articles, settings=settings)
            work.extractions = extractions
            work.stories = stories
            work.verifications = verifications
            for raw, article in pairs:
                store.save_article(raw, article, extractions.get(article.id))
            store.save_verifications(verifications)
    return work.report()
