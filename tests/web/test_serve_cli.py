"""`storycheck serve` as a user runs it: a subprocess bound to 127.0.0.1 by default."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx
from webtools import free_port


def test_serve_binds_loopback_and_answers_only_loopback_names(story_db: Path, tmp_path: Path) -> None:
    import shutil

    db = tmp_path / "serve.db"
    shutil.copy(story_db, db)
    port = free_port()
    cmd = [sys.executable, "-c", "from storycheck.cli import main; main()", "serve", "--db", str(db), "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(base + "/api/stories", timeout=1)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.1)
        assert r.status_code == 200 and r.json()[0]["id"] == "s-bridge"
        assert httpx.get(f"http://localhost:{port}/").status_code == 200
        # a page on another site that rebinds its name to 127.0.0.1 still sends its own Host
        assert httpx.get(base + "/", headers={"Host": f"rebind.example:{port}"}).status_code == 400
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=10)
    assert f"http://127.0.0.1:{port}/" in err


def test_serve_without_db_is_a_usage_error() -> None:
    result = subprocess.run([sys.executable, "-c", "from storycheck.cli import main; main()", "serve"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "Missing option '--db'" in result.stderr
