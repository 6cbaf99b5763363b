"""The app's cached view of the store follows the database when another process writes to it."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path
from types import ModuleType

from storycheck.model import RawDocument
from storycheck.web.data import StoreData


def test_snapshot_is_reused_until_the_database_changes(story_db: Path, tmp_path: Path, fx: ModuleType) -> None:
    from storycheck.store import Store

    db = tmp_path / "live.db"
    shutil.copy(story_db, db)
    data = StoreData(str(db))
    first = data.snapshot()
    assert data.snapshot() is first  # nothing changed: same snapshot, same rendered pages
    assert first.page("k", lambda: "rendered") == "rendered" and first.page("k", lambda: "again") == "rendered"
    article = replace(fx.story_report().articles[0], id="a-late", title="Written by the CLI meanwhile")
    raw = RawDocument(id=article.id, source=article.source, content=article.body, format="text")
    with Store.open(db) as store:  # another process (storycheck check --db, the watcher) writes
        store.save_article(raw, article, None)
    second = data.snapshot()
    assert second is not first and "a-late" in second.index.articles
    data.changed()  # the app's own writes bump the generation even within one mtime tick
    assert data.snapshot() is not second
