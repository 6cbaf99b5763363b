"""The web app's window on the store: cached reads, one writer.

Every page needs the whole report (the matrix spans a story's articles), and
reading it back from SQLite on every request would make the app as slow as the
database is large. The report is cached until the database file changes (its
size or modification time, WAL included) or the app itself writes.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from storycheck.model import Report
from storycheck.report.views import ArticleView, ReportIndex, StoryView, article_view, story_view


@dataclass(slots=True)
class Snapshot:
    """One read of the store, with its views computed on first use."""

    report: Report
    index: ReportIndex
    _stories: dict[str, StoryView] = field(default_factory=dict)
    _pages: dict[str, str] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def page(self, key: str, render: Callable[[], str]) -> str:
        """A rendered page, kept for the life of this snapshot (pages depend on nothing else)."""
        html = self._pages.get(key)
        if html is None:
            html = render()
            with self._lock:
                self._pages[key] = html
        return html

    def story(self, story_id: str) -> StoryView | None:
        view = self._stories.get(story_id)
        if view is None:
            verification = self.index.verifications.get(story_id)
            if verification is None:
                return None
            view = story_view(verification, self.index)
            with self._lock:
                self._stories[story_id] = view
        return view

    def article(self, article_id: str) -> ArticleView | None:
        article = self.index.articles.get(article_id)
        return article_view(article, self.index) if article else None


class StoreData:
    """Reads and writes of one database file, shared by the pages, the API and the job worker."""

    def __init__(self, db_path: str) -> None:
        self.db_path = db_path
        self._read_lock = threading.Lock()
        self.write_lock = threading.Lock()  # one job writes at a time; SQLite would serialize anyway
        self._generation = 0
        self._cached: tuple[Any, Snapshot] | None = None

    def open(self) -> Any:
        """A ``Store`` context manager over the database (storycheck.store imported lazily)."""
        from storycheck.store import Store

        return Store.open(self.db_path)

    def ensure(self) -> None:
        """Create the database (and run migrations) so the first page has something to read."""
        with self.open():
            pass

    def _version(self) -> tuple[Any, ...]:
        parts: list[Any] = [self._generation]
        for suffix in ("", "-wal"):
            try:
                st = os.stat(self.db_path + suffix)
                parts.append((st.st_mtime_ns, st.st_size))
            except FileNotFoundError:
                parts.append(None)
        return tuple(parts)

    def snapshot(self) -> Snapshot:
        version = self._version()
        cached = self._cached
        if cached is not None and cached[0] == version:
            return cached[1]
        with self._read_lock:
            cached = self._cached
            if cached is not None and cached[0] == version:
                return cached[1]
            if os.path.exists(self.db_path):
                with self.open() as store:
                    report = store.report()
            else:
                report = Report()
            snap = Snapshot(report, ReportIndex(report))
            self._cached = (version, snap)
            return snap

    def changed(self) -> None:
        """Called after the app writes: the next read goes back to the database."""
        self._generation += 1
