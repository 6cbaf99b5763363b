"""``Store``: the SQLite database behind ``check --db``, the web app and the watcher.

Every write is one transaction (an article with all its claims, a batch of story
verifications), so a reader never sees half an article and a crash never leaves
one. WAL mode lets the web app read while the watcher writes.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import os
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

from storycheck.errors import StoreError
from storycheck.model import (
    Article,
    Claim,
    ClaimCheck,
    Comment,
    Extraction,
    Finding,
    Quote,
    RawDocument,
    RemovedLine,
    Report,
    Story,
    StoryVerification,
    TimelineEvent,
)
from storycheck.store.migrations import APPLICATION_ID, LATEST, MIGRATIONS, statements
from storycheck.store.rows import fingerprint, from_row, insert, to_row
from storycheck.store.watch import WatchTables


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()


class Store(WatchTables):
    """A storycheck database. Open with ``Store.open(path)``, preferably as a context manager.

    One Store may be shared between threads (a lock serialises its calls); separate
    processes each open their own, and SQLite's locking plus ``busy_timeout`` keeps
    them apart.
    """

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self._conn = conn
        self.path = path
        self._lock = threading.RLock()
        self._column_cache: dict[str, frozenset[str]] = {}

    # --- opening ----------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, busy_timeout: float = 10.0) -> Store:
        """Open (creating and migrating as needed) the database at ``path``.

        Raises StoreError when the file is not SQLite, belongs to another program,
        was written by a newer storycheck, or cannot be written.
        """
        where = str(path)
        parent = Path(where).parent
        if where != ":memory:" and not parent.is_dir():
            raise StoreError(f"{where}: folder {parent} does not exist; create it or choose another --db path")
        try:
            conn = sqlite3.connect(where, timeout=busy_timeout, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(_explain(where, exc)) from exc
        conn.row_factory = sqlite3.Row
        store = cls(conn, where)
        try:
            store._prepare(busy_timeout)
        except BaseException:
            conn.close()
            raise
        return store

    def _prepare(self, busy_timeout: float) -> None:
        with self._errors():
            self._conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            self._conn.execute("PRAGMA foreign_keys = ON")
            app_id = self._conn.execute("PRAGMA application_id").fetchone()[0]
            version = self._conn.execute("PRAGMA user_version").fetchone()[0]
            if app_id != APPLICATION_ID:
                tables = [r[0] for r in self._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
                if tables or version:
                    shown = ", ".join(tables[:5]) + (" ..." if len(tables) > 5 else "")
                    raise StoreError(
                        f"{self.path}: not a storycheck database (it holds tables {shown}); choose another --db path"
                    )
            if version > LATEST:
                raise StoreError(
                    f"{self.path}: written by a newer storycheck (schema version {version}; this one knows up to {LATEST}); "
                    "upgrade storycheck to open it"
                )
            # WAL cannot be switched on inside a transaction; readers (the web app) then never block the writer
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate()

    def _migrate(self) -> None:
        if self._conn.execute("PRAGMA user_version").fetchone()[0] >= LATEST:
            return  # up to date: opening must not need the write lock (a watcher may hold it)
        for number, script in enumerate(MIGRATIONS, start=1):
            with self._transaction() as conn:
                # re-read inside the write lock: another process may have migrated meanwhile
                if conn.execute("PRAGMA user_version").fetchone()[0] >= number:
                    continue
                for statement in statements(script):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")

    @property
    def schema_version(self) -> int:
        with self._errors():
            return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def integrity_check(self) -> str:
        """SQLite's own check plus foreign keys: "ok" or the problems it lists."""
        with self._errors():
            problems = [r[0] for r in self._conn.execute("PRAGMA integrity_check")]
            dangling = self._conn.execute("PRAGMA foreign_key_check").fetchall()
        if dangling:
            problems = [p for p in problems if p != "ok"] + [f"{len(dangling)} rows break foreign keys"]
        return "; ".join(problems)

    # --- plumbing -----------------------------------------------------------------

    @contextmanager
    def _errors(self) -> Iterator[None]:
        with self._lock:
            try:
                yield
            except sqlite3.Error as exc:
                raise StoreError(_explain(self.path, exc)) from exc

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception (ours or SQLite's)."""
        with self._errors():
            conn = self._conn
            conn.execute("BEGIN IMMEDIATE")  # take the write lock now, not halfway through
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def _row(self, table: str, obj: Any, *, exclude: Sequence[str] = (), **extra: Any) -> dict[str, Any]:
        return to_row(obj, self._columns(table), exclude=exclude, **extra)

    def _columns(self, table: str) -> frozenset[str]:
        # read from the database, not assumed: the model may have fields this schema lacks
        if table not in self._column_cache:
            names = frozenset(r[1] for r in self._conn.execute(f"PRAGMA table_info({table})"))
            self._column_cache[table] = names
        return self._column_cache[table]

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._errors():
            return self._conn.execute(sql, tuple(params)).fetchall()

    # --- articles -------------------------------------------------------------------

    def save_article(self, raw: RawDocument, article: Article, extraction: Extraction | None) -> bool:
        """Store one article with its document, comments, removed lines, claims and quotes.

        Returns True when rows were written (a new article, or one whose content,
        cleaning or claims changed: its old rows are replaced), False when the same
        thing is stored already. The read time is left out of that comparison, so
        re-running on the same inputs changes nothing.
        """
        if extraction is not None and extraction.article != article.id:
            raise StoreError(f"extraction for {extraction.article!r} passed with article {article.id!r}")
        print_ = fingerprint(_timeless(raw), _timeless(article), extraction)
        with self._transaction() as conn:
            old = conn.execute("SELECT seq, fingerprint FROM articles WHERE id = ?", (article.id,)).fetchone()
            if old is not None and old["fingerprint"] == print_:
                return False
            if old is None:
                seq = conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM articles").fetchone()[0]
            else:
                seq = old["seq"]
                # children go, the article row stays: story membership keeps pointing at it
                for table in ("documents", "comments", "removed_lines", "extractions", "claims", "quotes"):
                    conn.execute(f"DELETE FROM {table} WHERE article = ?", (article.id,))
            self._write_article(conn, article, seq=seq, sha256=raw.source.sha256, print_=print_, update=old is not None)
            insert(conn, "documents", self._row("documents", raw, article=article.id, sha256=raw.source.sha256))
            self._write_article_parts(conn, article)
            if extraction is not None:
                self._write_extraction(conn, extraction)
        return True

    def _write_article(
        self, conn: sqlite3.Connection, article: Article, *, seq: int, sha256: str, print_: str, update: bool
    ) -> None:
        row = self._row(
            "articles", article, exclude=("comments", "removed"), seq=seq, sha256=sha256, fingerprint=print_, saved_at=_now()
        )
        if update:
            assignments = ", ".join(f'"{k}" = ?' for k in row if k != "id")
            conn.execute(
                f"UPDATE articles SET {assignments} WHERE id = ?", (*[v for k, v in row.items() if k != "id"], article.id)
            )
        else:
            insert(conn, "articles", row)

    def _write_article_parts(self, conn: sqlite3.Connection, article: Article) -> None:
        for seq, comment in enumerate(article.comments):
            insert(conn, "comments", self._row("comments", comment, article=article.id, seq=seq))
        for seq, line in enumerate(article.removed):
            insert(conn, "removed_lines", self._row("removed_lines", line, article=article.id, seq=seq))

    def _write_extraction(self, conn: sqlite3.Connection, extraction: Extraction) -> None:
        insert(conn, "extractions", self._row("extractions", extraction, exclude=("claims", "quotes")))
        for seq, claim in enumerate(extraction.claims):
            insert(conn, "claims", self._row("claims", claim, seq=seq))
        for seq, quote in enumerate(extraction.quotes):
            insert(conn, "quotes", self._row("quotes", quote, seq=seq))

    def articles(self) -> list[Article]:
        """Every stored article, in the order first saved."""
        return self._articles("SELECT * FROM articles ORDER BY seq")

    def article(self, article_id: str) -> Article | None:
        found = self._articles("SELECT * FROM articles WHERE id = ?", (article_id,))
        return found[0] if found else None

    def _articles(self, sql: str, params: Sequence[Any] = ()) -> list[Article]:
        rows = self._rows(sql, params)
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        comments = self._children("comments", ids, Comment)
        removed = self._children("removed_lines", ids, RemovedLine)
        out = []
        for row in rows:
            article = from_row(Article, row)
            out.append(dataclasses.replace(article, comments=tuple(comments[row["id"]]), removed=tuple(removed[row["id"]])))
        return out

    def _children(self, table: str, articles: list[str], cls: type[Any]) -> dict[str, list[Any]]:
        found: dict[str, list[Any]] = defaultdict(list)
        query = f"SELECT * FROM {table} WHERE article IN (SELECT value FROM json_each(?)) ORDER BY article, seq"
        for row in self._rows(query, (_json_list(articles),)):
            found[row["article"]].append(from_row(cls, row))
        return found

    def raw_document(self, article_id: str) -> RawDocument | None:
        """The document as read (before cleaning) for an article."""
        rows = self._rows("SELECT * FROM documents WHERE article = ?", (article_id,))
        return from_row(RawDocument, rows[0]) if rows else None

    def article_ids_with_sha256(self, sha256: str) -> list[str]:
        """Articles stored from exactly these bytes (the watcher skips re-processing them)."""
        return [r["id"] for r in self._rows("SELECT id FROM articles WHERE sha256 = ? ORDER BY seq", (sha256,))]

    # --- claims -----------------------------------------------------------------------

    def extractions(self) -> dict[str, Extraction]:
        """Claims, quotes and entities per article id, in article order."""
        rows = self._rows("SELECT e.* FROM extractions e JOIN articles a ON a.id = e.article ORDER BY a.seq")
        claims = self._by_article("claims", Claim)
        quotes = self._by_article("quotes", Quote)
        out: dict[str, Extraction] = {}
        for row in rows:
            aid = row["article"]
            base = from_row(Extraction, row)
            out[aid] = dataclasses.replace(base, claims=tuple(claims.get(aid, ())), quotes=tuple(quotes.get(aid, ())))
        return out

    def extraction(self, article_id: str) -> Extraction | None:
        rows = self._rows("SELECT * FROM extractions WHERE article = ?", (article_id,))
        if not rows:
            return None
        return dataclasses.replace(
            from_row(Extraction, rows[0]), claims=tuple(self.claims(article_id)), quotes=tuple(self.quotes(article_id))
        )

    def _by_article(self, table: str, cls: type[Any]) -> dict[str, list[Any]]:
        found: dict[str, list[Any]] = defaultdict(list)
        for row in self._rows(f"SELECT * FROM {table} ORDER BY article, seq"):
            found[row["article"]].append(from_row(cls, row))
        return found

    def claims(self, article_id: str | None = None) -> list[Claim]:
        if article_id is None:
            rows = self._rows("SELECT c.* FROM claims c JOIN articles a ON a.id = c.article ORDER BY a.seq, c.seq")
        else:
            rows = self._rows("SELECT * FROM claims WHERE article = ? ORDER BY seq", (article_id,))
        return [from_row(Claim, r) for r in rows]

    def claim(self, claim_id: str) -> Claim | None:
        rows = self._rows("SELECT * FROM claims WHERE id = ?", (claim_id,))
        return from_row(Claim, rows[0]) if rows else None

    def quotes(self, article_id: str | None = None) -> list[Quote]:
        if article_id is None:
            rows = self._rows("SELECT q.* FROM quotes q JOIN articles a ON a.id = q.article ORDER BY a.seq, q.seq")
        else:
            rows = self._rows("SELECT * FROM quotes WHERE article = ? ORDER BY seq", (article_id,))
        return [from_row(Quote, r) for r in rows]

    # --- stories -----------------------------------------------------------------------

    def save_verifications(self, verifications: Sequence[StoryVerification], *, prune: bool = False) -> None:
        """Store stories with their findings, timeline and claim checks, in one transaction.

        A story stored before is replaced whole (its old findings never linger).
        Stories not in ``verifications`` are left alone, unless ``prune``: a caller
        that re-grouped every stored article (the watcher) passes it so stories that
        were merged or dissolved disappear with the same commit.
        """
        with self._transaction() as conn:
            for verification in verifications:
                self._write_verification(conn, verification)
            if prune:
                keep = _json_list([v.story.id for v in verifications])
                conn.execute("DELETE FROM stories WHERE id NOT IN (SELECT value FROM json_each(?))", (keep,))

    def _write_verification(self, conn: sqlite3.Connection, verification: StoryVerification) -> None:
        story = verification.story
        print_ = fingerprint(verification)
        old = conn.execute("SELECT seq, fingerprint FROM stories WHERE id = ?", (story.id,)).fetchone()
        if old is not None and old["fingerprint"] == print_:
            return
        stored = {
            r[0]
            for r in conn.execute(
                "SELECT value FROM json_each(?) WHERE value IN (SELECT id FROM articles)", (_json_list(story.articles),)
            )
        }
        missing = [a for a in story.articles if a not in stored]
        if missing:
            raise StoreError(f"story {story.id!r} lists article {missing[0]!r}, which is not stored; save_article it first")
        if old is not None:
            seq = old["seq"]
            conn.execute("DELETE FROM stories WHERE id = ?", (story.id,))  # cascades to findings, timeline, checks
        else:
            seq = conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM stories").fetchone()[0]
        row = self._row("stories", story, exclude=("articles",), seq=seq, fingerprint=print_)
        insert(conn, "stories", row)
        for n, article_id in enumerate(story.articles):
            insert(conn, "story_articles", {"story": story.id, "article": article_id, "seq": n})
        for n, finding in enumerate(verification.findings):
            insert(conn, "findings", self._row("findings", finding, seq=n))
        for n, event in enumerate(verification.timeline):
            insert(conn, "timeline", self._row("timeline", event, seq=n))
        for n, check in enumerate(verification.checks):
            insert(conn, "claim_checks", self._row("claim_checks", check, story=story.id, seq=n))

    def stories(self) -> list[Story]:
        rows = self._rows("SELECT * FROM stories ORDER BY seq")
        members: dict[str, list[str]] = defaultdict(list)
        for row in self._rows("SELECT story, article FROM story_articles ORDER BY story, seq"):
            members[row["story"]].append(row["article"])
        return [from_row(Story, r, articles=tuple(members[r["id"]])) for r in rows]

    def verifications(self) -> list[StoryVerification]:
        return [self._verification(story) for story in self.stories()]

    def verification(self, story_id: str) -> StoryVerification | None:
        for story in self.stories():
            if story.id == story_id:
                return self._verification(story)
        return None

    def _verification(self, story: Story) -> StoryVerification:
        def load(table: str, cls: type[Any]) -> tuple[Any, ...]:
            return tuple(from_row(cls, r) for r in self._rows(f"SELECT * FROM {table} WHERE story = ? ORDER BY seq", (story.id,)))

        return StoryVerification(
            story=story,
            findings=load("findings", Finding),
            timeline=load("timeline", TimelineEvent),
            checks=load("claim_checks", ClaimCheck),
        )

    def report(self) -> Report:
        """Everything stored, as one Report (the web app and ``export`` render it)."""
        articles = self.articles()
        extractions = self.extractions()
        return Report(
            articles=tuple(articles),
            extractions=tuple(extractions[a.id] for a in articles if a.id in extractions),
            verifications=tuple(self.verifications()),
            generated_at=_now(),
            meta={"database": self.path, "schema_version": str(self.schema_version)},
        )


def _timeless(record: RawDocument | Article) -> Any:
    # the read time changes every run; the content is what decides "changed"
    return dataclasses.replace(record, source=dataclasses.replace(record.source, fetched_at=""))


def _json_list(values: Sequence[str]) -> str:
    import json

    return json.dumps(list(values))


def _explain(path: str, exc: sqlite3.Error) -> str:
    """SQLite's message turned into what the user should do about it."""
    text = str(exc)
    low = text.lower()
    if "file is not a database" in low:
        return f"{path}: not an SQLite database; choose another --db path (storycheck will not overwrite it)"
    if "locked" in low or "busy" in low:
        return (
            f"{path}: database is locked by another process (a running `storycheck watch` or `serve`?); "
            "try again or use another --db path"
        )
    if "readonly" in low or "read-only" in low:
        return f"{path}: database is read-only; check the file's and its folder's permissions"
    if "disk is full" in low or "database or disk is full" in low:
        return f"{path}: disk is full; free some space and run again"
    if "unable to open" in low:
        return f"{path}: cannot open the database file; check that the path is a file you can write"
    if "malformed" in low or "corrupt" in low:
        return f"{path}: database file is damaged ({text}); restore a backup or start a new --db"
    if "disk i/o" in low:
        return f"{path}: disk I/O error while using the database; check the disk and run again"
    return f"{path}: database error: {text}"
