"""`storycheck watch` and `storycheck alerts` refuse bad input with one clear line, before any work."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from storycheck.cli import main


def test_bad_interval_and_webhook_are_usage_errors(tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    result = CliRunner().invoke(main, ["watch", "https://feed.example/rss", "--db", db, "--every", "soon"])
    assert result.exit_code == 2 and "not an interval" in result.output
    result = CliRunner().invoke(main, ["watch", "https://feed.example/rss", "--db", db, "--webhook", "mailto:x@y"])
    assert result.exit_code == 2 and "not an http(s) URL" in result.output
    assert not Path(db).exists()  # refused before the database was created


def test_bad_listing_names_the_line(tmp_path: Path) -> None:
    listing = tmp_path / "feeds.txt"
    listing.write_text("# mine\n\nnot-a-url Some Outlet\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["watch", str(listing), "--db", str(tmp_path / "w.db")])
    assert result.exit_code == 2 and f"{listing}:3" in result.output


def test_only_comments_is_an_error(tmp_path: Path) -> None:
    listing = tmp_path / "feeds.txt"
    listing.write_text("# nothing yet\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["watch", str(listing), "--db", str(tmp_path / "w.db")])
    assert result.exit_code == 2 and "no URLs to watch" in result.output


def test_alerts_needs_an_existing_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["alerts", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "no such database" in result.output
    not_db = tmp_path / "notes.db"
    not_db.write_text("plain text, not SQLite", encoding="utf-8")
    result = CliRunner().invoke(main, ["alerts", "--db", str(not_db)])
    assert result.exit_code == 1 and "not an SQLite database" in result.output


def test_unreachable_source_with_once_exits_1_and_records_the_failure(tmp_path: Path) -> None:
    from httpserver import closed_port

    from storycheck.store import Store

    db = str(tmp_path / "w.db")
    url = f"http://127.0.0.1:{closed_port()}/feed.xml"
    result = CliRunner().invoke(main, ["watch", url, "--db", db, "--once", "--no-robots"])
    assert result.exit_code == 1
    assert f"{url}: cannot connect: connection refused" in result.output
    with Store.open(db) as store:
        state = store.feed_state(url)
        assert state is not None and state.failures == 1 and state.next_poll is not None
