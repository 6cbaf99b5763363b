"""kill -9 at any moment, then a restart: no duplicate articles, no lost or repeated alerts, an intact database.

`storycheck watch --every 1s` runs as a real subprocess on the example feed and is
SIGKILLed at several moments (right after its first alert line, and after random
short delays: during start-up, mid-article, between polls); `watch --once` then
finishes the job. The result must equal a clean reference run.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from httpserver import serve

from storycheck.cli import main

from .helpers import serve_example
from .receiver import receiving

pytestmark = [pytest.mark.usefixtures("pipeline_ready"), pytest.mark.slow]


def _config(tmp_path: Path) -> str:
    path = tmp_path / "watch.toml"
    # durability is the subject here, not grouping quality: lexical grouping keeps each restart quick
    path.write_text('host_delay = 0.0\nfetch_timeout = 5.0\nwebhook_backoff = 0.1\nembedding_model = "none"\n', encoding="utf-8")
    return str(path)


class Watch:
    """`storycheck watch` in a subprocess, its stdout lines collected as they come."""

    def __init__(self, args: list[str]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "storycheck.cli", "watch", *args],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        self.lines: list[str] = []
        self.first_alert = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line)
            if line.startswith("ALERT "):
                self.first_alert.set()

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)
        self._reader.join(timeout=5)


def _state(db: str) -> dict[str, object]:
    conn = sqlite3.connect(db)
    try:
        ids = [r[0] for r in conn.execute("SELECT id FROM alerts")]
        return {
            "articles": sorted(r[0] for r in conn.execute("SELECT url FROM articles")),
            "shas": conn.execute("SELECT COUNT(*), COUNT(DISTINCT sha256) FROM articles").fetchone(),
            "alerts": sorted(ids),
            "alert_count": len(ids),
            "stories": sorted(tuple(sorted(r[0].split(","))) for r in conn.execute("SELECT group_concat(article) FROM story_articles GROUP BY story")),
            "seen": conn.execute("SELECT COUNT(*) FROM feed_entries WHERE article IS NOT NULL").fetchone()[0],
            "integrity": conn.execute("PRAGMA integrity_check").fetchone()[0],
            "undelivered": conn.execute("SELECT COUNT(*) FROM alerts WHERE delivered_at IS NULL").fetchone()[0],
        }
    finally:
        conn.close()


def test_kill_9_at_any_moment_then_restart_loses_and_repeats_nothing(tmp_path: Path) -> None:
    with serve() as server:
        feed = serve_example(server, feed_names=FOUR)
        _kill_and_restart(feed, tmp_path)


FOUR = ["01-harbour", "03-wire", "04-wire", "06-gazette"]  # a preview, a wire story, its reprint, a dissenting report


def _kill_and_restart(feed: str, tmp_path: Path) -> None:
    config = _config(tmp_path)
    reference_db = str(tmp_path / "reference.db")
    result = CliRunner().invoke(main, ["watch", feed, "--db", reference_db, "--once", "--config", config])
    assert result.exit_code == 0, result.output
    reference = _state(reference_db)
    assert reference["alert_count"] and len(reference["articles"]) == len(FOUR)  # type: ignore[arg-type]

    rng = random.Random(20260312)
    db = str(tmp_path / "killed.db")
    with receiving(fail_first=2) as receiver:
        args = [feed, "--db", db, "--every", "1s", "--config", config, "--webhook", receiver.url]
        # 1: killed the moment its first alert is printed (the commit just happened)
        run = Watch(args)
        assert run.first_alert.wait(120), "no alert line from the watcher"
        run.kill()
        assert _state(db)["integrity"] == "ok"
        counts = [len(_state(db)["articles"])]  # type: ignore[arg-type]
        # 2: killed during start-up, before anything could be done
        run = Watch(args)
        time.sleep(rng.uniform(0.2, 1.5))
        run.kill()
        # 3-4: killed a random moment after the next article is committed: mid-fetch, mid-claims, mid-commit
        for _ in range(2):
            if counts[-1] >= len(FOUR):
                break  # nothing left to interrupt
            run = Watch(args)
            before = counts[-1]
            deadline = time.monotonic() + 120
            while len(_state(db)["articles"]) <= before and run.proc.poll() is None:  # type: ignore[arg-type]
                assert time.monotonic() < deadline, "the watcher made no progress"
                time.sleep(0.05)
            time.sleep(rng.uniform(0.0, 0.8))
            run.kill()
            state = _state(db)
            assert state["integrity"] == "ok"
            assert state["shas"][0] == state["shas"][1]  # type: ignore[index]
            counts.append(len(state["articles"]))  # type: ignore[arg-type]
        assert counts[0] < len(FOUR), f"every article was done before the first kill ({counts}); the kills prove nothing"
        # restart once and let it finish (webhook deliveries included)
        done = subprocess.run(
            [sys.executable, "-m", "storycheck.cli", "watch", feed, "--db", db, "--once", "--config", config, "--webhook", receiver.url],
            capture_output=True, text=True, timeout=300,
        )
        assert done.returncode == 0, done.stderr
        after = _state(db)
        for key in ("articles", "shas", "alerts", "alert_count", "stories", "seen"):
            assert after[key] == reference[key], key
        assert after["integrity"] == "ok"
        assert after["undelivered"] == 0
        # at least once: every alert reached the receiver (a kill between its 2xx and our record may resend one)
        assert set(receiver.ids()) == set(reference["alerts"])  # type: ignore[arg-type]
