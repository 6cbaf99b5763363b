"""The watcher's access to the database beyond ``Store``'s public methods, kept in one place.

Two things the watcher needs that ``Store`` does not offer yet:

* ``atomic(store)``: several ``Store`` writes (article, seen entry, story
  verifications, alerts) as ONE transaction, so ``kill -9`` at any moment leaves
  either all of them or none. Each ``Store`` write opens its own ``BEGIN
  IMMEDIATE ... COMMIT``; inside ``atomic`` those become SAVEPOINT/RELEASE, so the
  public write methods are reused unchanged and only the outer COMMIT makes them
  durable.
* Reads proportional to what changed: which stored stories a new article may
  belong to (by title words, without loading any article body), and one story's
  members with their claims.

Both lean on ``Store`` internals (``_conn``, ``_lock``, ``_rows``,
``_verification``); if ``Store`` grows public equivalents, only this module changes.
"""

from __future__ import annotations

import functools
import re
import sqlite3
import weakref
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from storycheck.errors import StoreError
from storycheck.model import Article, Extraction, Story, StoryVerification
from storycheck.store import Store


class _Savepoints:
    """A connection stand-in that turns Store's own transactions into savepoints."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        verb = sql.strip().upper()
        if verb == "BEGIN IMMEDIATE":
            return self._conn.execute("SAVEPOINT watch_step")
        if verb == "COMMIT":
            return self._conn.execute("RELEASE watch_step")
        if verb == "ROLLBACK":
            self._conn.execute("ROLLBACK TO watch_step")
            return self._conn.execute("RELEASE watch_step")
        return self._conn.execute(sql, params)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


@contextmanager
def atomic(store: Store) -> Iterator[Store]:
    """Every Store write inside the block commits together or not at all."""
    with store._lock:
        real = store._conn
        if isinstance(real, _Savepoints):
            yield store  # already inside atomic(): the outer block commits
            return
        try:
            real.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"{store.path}: cannot start a transaction ({exc})") from exc
        store._conn = _Savepoints(real)  # type: ignore[assignment]
        try:
            yield store
        except BaseException:
            store._conn = real
            real.execute("ROLLBACK")
            raise
        store._conn = real
        try:
            real.execute("COMMIT")
        except sqlite3.Error as exc:
            raise StoreError(f"{store.path}: commit failed ({exc})") from exc


_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{2,}")
_COMMON = frozenset(
    "the and for with from that this after over into about amid says said will new has have was were are its their "
    "more than under what when where who how why not but out off set".split()
)


def title_words(*texts: str | None) -> set[str]:
    """Lower-cased content words: what two headlines about one event tend to share."""
    words: set[str] = set()
    for text in texts:
        words |= _words(text or "")
    return words


@functools.lru_cache(maxsize=65536)
def _words(text: str) -> frozenset[str]:
    # stored titles never change: a long-running watcher scans them as cached sets
    return frozenset(w.lower() for w in _WORD.findall(text) if w.lower() not in _COMMON)


class _TitleIndex:
    """Title words of every stored article, by story, read incrementally (rows past ``last_seq``).

    Articles never change story once filed (``group_stories`` never moves one), so
    only rows for articles saved since the last look are read: the scan per filing
    is proportional to what changed. An article saved without a story yet (another
    process between its two transactions) holds ``last_seq`` back until it has one.
    """

    def __init__(self) -> None:
        self.last_seq = 0
        self.titles: dict[str, list[frozenset[str]]] = defaultdict(list)

    def refresh(self, store: Store) -> None:
        query = (
            "SELECT a.seq AS seq, sa.story AS story, a.title AS title FROM articles a "
            "LEFT JOIN story_articles sa ON sa.article = a.id WHERE a.seq > ? ORDER BY a.seq"
        )
        waiting: int | None = None
        last = self.last_seq
        for row in store._rows(query, (self.last_seq,)):
            if row["story"] is None:
                waiting = row["seq"] if waiting is None else waiting
                continue
            if waiting is None:
                self.titles[row["story"]].append(_words(row["title"] or ""))
                last = row["seq"]
            # rows after an unfiled article are read again next time, once it has its story
        self.last_seq = last


_INDEXES: weakref.WeakKeyDictionary[Store, _TitleIndex] = weakref.WeakKeyDictionary()


def candidate_stories(store: Store, article: Article, extraction: Extraction | None, *, limit: int) -> list[Story]:
    """Up to ``limit`` stored stories whose titles (or their articles' titles) share the most words with this article.

    Reads no bodies or claims, and after the first call only the rows of articles
    saved since (``_TitleIndex``); the story grouper then decides among these few
    with full information.
    """
    names = [e.canonical for e in (extraction.entities if extraction else ()) if e.label in {"PERSON", "ORG", "GPE", "LOC", "FAC"}]
    mine = title_words(article.title, article.subtitle, *names[:20])
    if not mine:
        return []
    index = _INDEXES.get(store)
    if index is None:
        index = _INDEXES[store] = _TitleIndex()
    index.refresh(store)
    scale = min(len(mine), 8)
    scores: dict[str, float] = {}
    for story, titles in index.titles.items():
        best = max((len(mine & words) for words in titles), default=0)
        if best:
            scores[story] = best / scale
    for row in store._rows("SELECT id, title FROM stories"):
        shared = len(mine & _words(row["title"] or ""))
        if shared:
            scores[row["id"]] = max(scores.get(row["id"], 0.0), shared / scale)
    best = sorted(scores, key=lambda s: (-scores[s], s))[:limit]
    return stories_by_id(store, best)


def stories_by_id(store: Store, ids: list[str]) -> list[Story]:
    """Stored stories with these ids, members in their stored order (missing ids are skipped)."""
    if not ids:
        return []
    import json

    from storycheck.store.rows import from_row

    marks = json.dumps(ids)
    rows = store._rows("SELECT * FROM stories WHERE id IN (SELECT value FROM json_each(?))", (marks,))
    members: dict[str, list[str]] = defaultdict(list)
    for row in store._rows(
        "SELECT story, article FROM story_articles WHERE story IN (SELECT value FROM json_each(?)) ORDER BY story, seq", (marks,)
    ):
        members[row["story"]].append(row["article"])
    by_id = {r["id"]: from_row(Story, r, articles=tuple(members[r["id"]])) for r in rows}
    return [by_id[i] for i in ids if i in by_id]


def story_of(store: Store, article_id: str) -> list[Story]:
    """The stored stories an article belongs to (an updated article re-verifies these)."""
    rows = store._rows("SELECT story FROM story_articles WHERE article = ?", (article_id,))
    return stories_by_id(store, [r["story"] for r in rows])


def members(
    store: Store, story: Story, *, limit: int | None = None, keep: str | None = None
) -> tuple[dict[str, Article], dict[str, Extraction]]:
    """A story's articles and their stored claims (nothing else is read).

    ``limit`` reads a sample instead: the first member (it named the story) and
    the most recent ones; ``keep`` is always included when it is a member.
    """
    ids = list(story.articles)
    if limit is not None and len(ids) > limit:
        chosen = [ids[0], *ids[len(ids) - (limit - 1) :]] if limit > 1 else ids[:1]
        if keep in ids and keep not in chosen:
            chosen[-1] = keep
        ids = chosen
    articles: dict[str, Article] = {}
    extractions: dict[str, Extraction] = {}
    for aid in ids:
        article = store.article(aid)
        if article is None:
            continue
        articles[aid] = article
        extraction = store.extraction(aid)
        if extraction is not None:
            extractions[aid] = extraction
    return articles, extractions


def stored_verification(store: Store, story: Story) -> StoryVerification:
    """What the database holds for a story now (its findings before this change)."""
    return store._verification(story)
