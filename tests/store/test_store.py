"""Store on a real SQLite file: round trips, idempotence, atomicity, migrations, errors."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest
from store_records import BODY_A, BODY_B, alert, article, extraction, raw, verification

from storycheck.errors import StoreError
from storycheck.model import FeedState
from storycheck.store import Store
from storycheck.store import sqlite as store_sqlite
from storycheck.store.migrations import LATEST


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, read with plain sqlite3 (not through Store)."""
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
    finally:
        conn.close()


def filled(path: Path) -> Store:
    store = Store.open(path)
    store.save_article(raw("a", BODY_A, "sha-a"), article("a", BODY_A, "sha-a"), extraction("a", BODY_A))
    store.save_article(raw("b", BODY_B, "sha-b"), article("b", BODY_B, "sha-b"), extraction("b", BODY_B))
    store.save_verifications([verification()])
    return store


def test_round_trip_of_every_record_type(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    with filled(db):
        pass
    with Store.open(db) as store:  # a fresh connection: nothing comes from memory
        assert store.articles() == [article("a", BODY_A, "sha-a"), article("b", BODY_B, "sha-b")]
        assert store.article("b") == article("b", BODY_B, "sha-b")
        assert store.article("zzz") is None
        assert store.raw_document("a") == raw("a", BODY_A, "sha-a")
        assert store.extractions() == {"a": extraction("a", BODY_A), "b": extraction("b", BODY_B)}
        assert store.extraction("a") == extraction("a", BODY_A)
        assert store.claim("a:c2") == extraction("a", BODY_A).claims[1]
        assert [c.id for c in store.claims("b")] == ["b:c1", "b:c2"]
        assert [c.id for c in store.claims()] == ["a:c1", "a:c2", "b:c1", "b:c2"]
        assert store.quotes("a") == list(extraction("a", BODY_A).quotes)
        assert store.stories() == [verification().story]
        assert store.verifications() == [verification()]
        assert store.verification("s1") == verification()
        assert store.verification("nope") is None
        report = store.report()
        assert report.articles == (article("a", BODY_A, "sha-a"), article("b", BODY_B, "sha-b"))
        assert report.extractions == (extraction("a", BODY_A), extraction("b", BODY_B))
        assert report.verifications == (verification(),)
        assert report.meta["schema_version"] == str(LATEST)
        assert store.integrity_check() == "ok"


def test_claims_are_queryable_with_plain_sql(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    with filled(db):
        pass
    conn = sqlite3.connect(db)
    rows = conn.execute('SELECT id, start, "end", modality FROM claims WHERE article = ? ORDER BY seq', ("a",)).fetchall()
    assert rows == [("a:c1", 0, BODY_A.index("\n\n"), "asserted"), ("a:c2", BODY_A.index("\n\n") + 2, len(BODY_A), "reported")]
    kinds = conn.execute("SELECT kind, COUNT(*) FROM findings GROUP BY kind ORDER BY kind").fetchall()
    assert kinds == [("contradicted", 1), ("single_source", 1)]
    conn.close()


def test_saving_twice_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    with filled(db):
        pass
    before = dump(db)
    with Store.open(db) as store:
        # a later read of the same bytes: only the read time differs
        later = "2026-03-04T12:00:00+00:00"
        assert (
            store.save_article(
                raw("a", BODY_A, "sha-a", at=later), article("a", BODY_A, "sha-a", at=later), extraction("a", BODY_A)
            )
            is False
        )
        assert store.save_article(raw("b", BODY_B, "sha-b"), article("b", BODY_B, "sha-b"), extraction("b", BODY_B)) is False
        store.save_verifications([verification()])
    assert dump(db) == before


def test_changed_article_replaces_its_rows(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    new_body = "The bridge reopened on Monday after all.\n\nNo quote this time."
    with filled(db) as store:
        assert (
            store.save_article(raw("a", new_body, "sha-a2"), article("a", new_body, "sha-a2"), extraction("a", new_body)) is True
        )
        assert store.article("a") == article("a", new_body, "sha-a2")
        assert store.extraction("a") == extraction("a", new_body)
        assert store.quotes("a") == []  # the old quote went with the old content
        assert [a.id for a in store.articles()] == ["a", "b"]  # keeps its place
        assert store.verification("s1") == verification()  # story membership still points at it
        assert store.integrity_check() == "ok"
    rows = dump(db)
    assert len(rows["articles"]) == 2 and len(rows["documents"]) == 2 and len(rows["claims"]) == 4


def test_article_without_extraction_then_with(tmp_path: Path) -> None:
    with Store.open(tmp_path / "n.db") as store:
        assert store.save_article(raw("a", BODY_A, "sha-a"), article("a", BODY_A, "sha-a"), None) is True
        assert store.extractions() == {} and store.extraction("a") is None
        assert store.save_article(raw("a", BODY_A, "sha-a"), article("a", BODY_A, "sha-a"), extraction("a", BODY_A)) is True
        assert store.extraction("a") == extraction("a", BODY_A)


def test_failure_mid_save_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "news.db"
    with Store.open(db) as store:
        store.save_article(raw("b", BODY_B, "sha-b"), article("b", BODY_B, "sha-b"), extraction("b", BODY_B))
    before = dump(db)
    calls = 0
    real_insert = store_sqlite.insert

    def failing_insert(conn: sqlite3.Connection, table: str, row: dict[str, object], **kw: object) -> None:
        nonlocal calls
        calls += 1
        real_insert(conn, table, row, **kw)  # type: ignore[arg-type]
        if table == "claims":
            raise OSError("simulated crash after the first claim row")

    monkeypatch.setattr(store_sqlite, "insert", failing_insert)
    with Store.open(db) as store:
        with pytest.raises(OSError, match="simulated crash"):
            store.save_article(raw("a", BODY_A, "sha-a"), article("a", BODY_A, "sha-a"), extraction("a", BODY_A))
        assert calls > 3  # the article, document and comment rows were written before the crash
        assert store.article("a") is None
        # and an update that fails leaves the old version whole
        new_body = "Changed text: reopened Monday.\n\nMore."
        with pytest.raises(OSError):
            store.save_article(raw("b", new_body, "sha-b2"), article("b", new_body, "sha-b2"), extraction("b", new_body))
        assert store.article("b") == article("b", BODY_B, "sha-b")
        assert store.extraction("b") == extraction("b", BODY_B)
    assert dump(db) == before


def test_verification_is_replaced_atomically(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    with filled(db) as store:
        changed = verification(summary="now a different summary")
        changed = dataclasses.replace(changed, findings=changed.findings[:1], timeline=(), checks=changed.checks[1:])
        store.save_verifications([changed])
        assert store.verifications() == [changed]
        # a batch naming an unknown article fails whole: the valid story in it is not written either
        with pytest.raises(StoreError, match="lists article 'ghost', which is not stored"):
            store.save_verifications([verification("s2"), verification("s3", articles=("a", "ghost"))])
        assert [s.id for s in store.stories()] == ["s1"]
        assert store.verifications() == [changed]
        assert store.integrity_check() == "ok"


def test_migrations_from_empty_and_reopen(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    with Store.open(db) as store:
        assert store.schema_version == LATEST
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert {"articles", "claims", "quotes", "stories", "findings", "timeline", "feeds", "feed_entries", "alerts"} <= tables
    with Store.open(db) as again:
        assert again.schema_version == LATEST and again.integrity_check() == "ok"


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    with Store.open(tmp_path / "fk.db") as store:
        with pytest.raises(StoreError, match="FOREIGN KEY"):
            with store._transaction() as conn:
                conn.execute(
                    'INSERT INTO claims (id, article, seq, text, start, "end", modality, checkworthiness, checkworthiness_reasons,'
                    " polarity, entities, times, quantities, quotes) VALUES ('x:c1','x',0,'t',0,1,'asserted',0.5,'[]','positive','[]','[]','[]','[]')"
                )


def test_not_a_database(tmp_path: Path) -> None:
    text = tmp_path / "notes.db"
    text.write_text("these are my notes, not a database\n" * 100, encoding="utf-8")
    with pytest.raises(StoreError, match="not an SQLite database; choose another --db path"):
        Store.open(text)
    assert text.read_text(encoding="utf-8").startswith("these are my notes")


def test_someone_elses_sqlite_database(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match=r"not a storycheck database \(it holds tables invoices\)"):
        Store.open(other)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "future.db"
    with Store.open(db):
        pass
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {LATEST + 3}")
    conn.close()
    with pytest.raises(StoreError, match=f"newer storycheck \\(schema version {LATEST + 3}; this one knows up to {LATEST}\\)"):
        Store.open(db)


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist; create it"):
        Store.open(tmp_path / "no" / "such" / "dir" / "x.db")


def test_locked_database_says_so(tmp_path: Path) -> None:
    db = tmp_path / "busy.db"
    with Store.open(db):
        pass
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process holding the write lock
    try:
        with Store.open(db, busy_timeout=0.2) as store, pytest.raises(StoreError, match="locked by another process"):
            store.save_article(raw("a", BODY_A, "sha-a"), article("a", BODY_A, "sha-a"), None)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_read_only_database(tmp_path: Path) -> None:
    import os

    db = tmp_path / "ro.db"
    with Store.open(db):
        pass
    db.chmod(0o444)
    if os.access(db, os.W_OK):
        pytest.skip("running as root: file permissions are not enforced")
    with pytest.raises(StoreError, match="read-only"), Store.open(db) as store:
        store.save_article(raw("a", BODY_A, "sha-a"), article("a", BODY_A, "sha-a"), None)


def test_feed_state_and_seen_entries(tmp_path: Path) -> None:
    with Store.open(tmp_path / "w.db") as store:
        assert store.feed_state("https://feeds.example/rss") is None
        state = FeedState(
            "https://feeds.example/rss",
            etag='"v1"',
            last_modified="Tue, 03 Mar 2026 09:00:00 GMT",
            last_polled="2026-03-03T09:00:00+00:00",
            failures=2,
            next_poll="2026-03-03T09:40:00+00:00",
            last_error="HTTP 503",
        )
        store.save_feed_state(state)
        store.save_feed_state(dataclasses.replace(state, failures=0, last_error=None))
        assert store.feed_states() == [dataclasses.replace(state, failures=0, last_error=None)]
        assert store.mark_entry_seen(state.url, "guid-1", article="a") is True
        assert store.mark_entry_seen(state.url, "guid-1") is False
        assert store.entry_seen(state.url, "guid-1") and not store.entry_seen(state.url, "guid-2")


def test_alerts_are_recorded_once_and_delivered(tmp_path: Path) -> None:
    db = tmp_path / "alerts.db"
    with Store.open(db) as store:
        assert store.add_alert(alert()) is True
        assert store.add_alert(alert()) is False  # the same contradiction after a restart
        assert store.add_alert(alert("new_story:s2")) is True
        assert store.alerts() == [alert(), alert("new_story:s2")]
        assert store.record_delivery_failure("new_story:s2") == 1
        store.mark_delivered(alert().id, at="2026-03-05T10:01:00+00:00")
        assert [a.id for a in store.pending_webhook_alerts()] == ["new_story:s2"]
        assert store.pending_webhook_alerts(max_attempts=1) == []
    with Store.open(db) as store:
        delivered = store.alerts()[0]
        assert delivered.delivered_at == "2026-03-05T10:01:00+00:00" and delivered.attempts == 1
        assert store.integrity_check() == "ok"


def test_model_fields_without_a_column_round_trip_through_extra(tmp_path: Path) -> None:
    # a field another stage adds to the model later must survive an older schema
    db = tmp_path / "extra.db"
    ex = extraction("a", BODY_A)
    claim = ex.claims[0]
    present = {f.name for f in dataclasses.fields(claim)}
    conn_cols: set[str]
    with Store.open(db) as store:
        conn_cols = set(store._columns("claims"))
        spilled = sorted(present - conn_cols)
        if not spilled:
            pytest.skip("every Claim field has its own column in this schema")
        values = {name: "past" if name == "tense" else getattr(claim, name) for name in spilled}
        claim2 = dataclasses.replace(claim, **values)
        ex2 = dataclasses.replace(ex, claims=(claim2, *ex.claims[1:]))
        store.save_article(raw("a", BODY_A, "sha-a"), article("a", BODY_A, "sha-a"), ex2)
    with Store.open(db) as store:
        assert store.claim(claim.id) == claim2
    conn = sqlite3.connect(db)
    extra = conn.execute("SELECT extra FROM claims WHERE id = ?", (claim.id,)).fetchone()[0]
    conn.close()
    assert all(f'"{name}"' in extra for name in spilled)


def test_fast_row_conversion_matches_the_shared_serializer() -> None:
    # the store converts with its own cached converters; they must agree with serialize.py
    from storycheck.serialize import from_dict, to_dict
    from storycheck.store.rows import _builder, plain

    for record in (article("a", BODY_A, "sha-a"), extraction("a", BODY_A), verification(), alert(), raw("b", BODY_B, "sha-b")):
        assert plain(record) == to_dict(record)
        assert _builder(type(record))(to_dict(record)) == from_dict(type(record), to_dict(record)) == record


def test_readers_are_not_blocked_by_a_writer(tmp_path: Path) -> None:
    # WAL: the web app keeps reading while the watcher is inside a write transaction
    db = tmp_path / "wal.db"
    with filled(db):
        pass
    with Store.open(db) as writer, Store.open(db, busy_timeout=0.2) as reader:
        with writer._transaction() as conn:
            conn.execute("DELETE FROM claims")
            assert [c.id for c in reader.claims("a")] == ["a:c1", "a:c2"]  # sees the last commit
        assert reader.claims("a") == []


def test_a_folder_as_database_path(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open the database file"):
        Store.open(tmp_path)


def test_prune_drops_stories_a_regrouping_dissolved(tmp_path: Path) -> None:
    with filled(tmp_path / "prune.db") as store:
        store.save_verifications([verification("s2", articles=("b",))])
        assert [s.id for s in store.stories()] == ["s1", "s2"]
        store.save_verifications([verification("s3")], prune=True)
        assert [s.id for s in store.stories()] == ["s3"]
        assert store.verification("s1") is None
        conn = store._conn
        assert conn.execute("SELECT COUNT(*) FROM findings WHERE story != 's3'").fetchone()[0] == 0
        assert store.integrity_check() == "ok"
