"""The watcher's tables: feed polling state, entries seen, and alerts with webhook delivery.

A mixin so ``Store`` stays one object (one connection, one lock) while the
article/story code and the watcher's bookkeeping live in files of their own.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any

from storycheck.model import Alert, FeedState
from storycheck.store.rows import from_row, insert


class WatchTables:
    """Methods over ``feeds``, ``feed_entries`` and ``alerts``; mixed into ``Store``."""

    def _transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        raise NotImplementedError

    def _row(self, table: str, obj: Any, *, exclude: Sequence[str] = (), **extra: Any) -> dict[str, Any]:
        raise NotImplementedError

    # --- watcher state -------------------------------------------------------------------

    def feed_state(self, url: str) -> FeedState | None:
        rows = self._rows("SELECT * FROM feeds WHERE url = ?", (url,))
        return from_row(FeedState, rows[0]) if rows else None

    def feed_states(self) -> list[FeedState]:
        return [from_row(FeedState, r) for r in self._rows("SELECT * FROM feeds ORDER BY url")]

    def save_feed_state(self, state: FeedState) -> None:
        with self._transaction() as conn:
            insert(conn, "feeds", self._row("feeds", state), replace=True)

    def mark_entry_seen(self, feed: str, entry_id: str, *, article: str | None = None) -> bool:
        """Remember a feed entry; False when it was seen before (so it is not processed twice)."""
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT OR IGNORE INTO feed_entries (feed, entry_id, article, seen_at) VALUES (?, ?, ?, ?)",
                (feed, entry_id, article, _now()),
            )
            return cursor.rowcount == 1

    def entry_seen(self, feed: str, entry_id: str) -> bool:
        return bool(self._rows("SELECT 1 FROM feed_entries WHERE feed = ? AND entry_id = ?", (feed, entry_id)))

    # --- alerts ---------------------------------------------------------------------------

    def add_alert(self, alert: Alert) -> bool:
        """Record an alert; False when one with the same id exists (restarts never repeat alerts)."""
        with self._transaction() as conn:
            seq = conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM alerts").fetchone()[0]
            row = self._row("alerts", alert, seq=seq)
            columns = ", ".join(f'"{k}"' for k in row)
            cursor = conn.execute(
                f"INSERT OR IGNORE INTO alerts ({columns}) VALUES ({', '.join('?' for _ in row)})", tuple(row.values())
            )
            return cursor.rowcount == 1

    def alerts(self) -> list[Alert]:
        return [from_row(Alert, r) for r in self._rows("SELECT * FROM alerts ORDER BY seq")]

    def pending_webhook_alerts(self, *, max_attempts: int | None = None) -> list[Alert]:
        """Alerts no webhook has accepted yet, oldest first; ``max_attempts`` drops ones that keep failing."""
        sql = "SELECT * FROM alerts WHERE delivered_at IS NULL"
        params: list[Any] = []
        if max_attempts is not None:
            sql += " AND attempts < ?"
            params.append(max_attempts)
        return [from_row(Alert, r) for r in self._rows(sql + " ORDER BY seq", params)]

    def mark_delivered(self, alert_id: str, *, at: str | None = None) -> None:
        with self._transaction() as conn:
            conn.execute("UPDATE alerts SET delivered_at = ?, attempts = attempts + 1 WHERE id = ?", (at or _now(), alert_id))

    def record_delivery_failure(self, alert_id: str) -> int:
        """Count a failed webhook delivery; returns the attempts so far."""
        with self._transaction() as conn:
            conn.execute("UPDATE alerts SET attempts = attempts + 1 WHERE id = ?", (alert_id,))
            row = conn.execute("SELECT attempts FROM alerts WHERE id = ?", (alert_id,)).fetchone()
            return int(row[0]) if row else 0


def _now() -> str:
    import datetime as _dt

    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()
