"""Load on the web app: bursts of 200 concurrent requests to a story page on a real uvicorn server.

The server runs in its own process on 127.0.0.1 (one uvicorn worker, as
`storycheck serve` runs it) over a database holding the example story when the
pipeline can analyse it, else the hand-built test story. Prints p50/p95/max
latency and the error count per burst.

    .venv/bin/python bench/web.py [--bursts 3] [--concurrency 200]
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "harbour-strike"


def build_db(db: Path) -> str:
    """Fill ``db``; returns what it holds."""
    from storycheck.settings import Settings

    try:
        from storycheck.pipeline import run

        report = run([str(EXAMPLE)], settings=Settings(), db_path=str(db))
        if report.verifications:
            return f"example story ({len(report.articles)} articles, via the pipeline)"
    except Exception as exc:  # the bench still measures the web layer when a stage is missing
        print(f"pipeline unavailable ({type(exc).__name__}: {exc}); using the test story", file=sys.stderr)
        db.unlink(missing_ok=True)
    spec = importlib.util.spec_from_file_location("report_fixtures", ROOT / "tests" / "report" / "fixtures.py")
    assert spec and spec.loader
    fixtures = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fixtures)
    sys.path.insert(0, str(ROOT / "tests" / "web"))
    from webtools import store_report  # type: ignore[import-not-found]

    store_report(fixtures.story_report(), db)
    return "hand-built test story (3 articles)"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


SERVER = """
import sys, uvicorn
from storycheck.settings import Settings
from storycheck.web.app import create_app
app = create_app(sys.argv[1], settings=Settings())
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning", backlog=4096)
"""


async def fetch(host: str, port: int, path: str) -> tuple[float, bool]:
    """One GET on its own connection. A bare asyncio client: httpx's per-request CPU cost,
    on the same two cores as the server, capped the measured rate at ~40 req/s (the
    server's, not the client's, speed is what this bench is about)."""
    start = time.perf_counter()
    try:
        reader, writer = await asyncio.open_connection(host, port)
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n\r\n".encode())
        await writer.drain()
        data = await reader.read()
        writer.close()
        ok = data.startswith(b"HTTP/1.1 200") and b"timeline-chart" in data and data.rstrip().endswith(b"</html>")
    except OSError:
        ok = False
    return time.perf_counter() - start, ok


async def burst(host: str, port: int, path: str, n: int) -> tuple[list[float], int]:
    results = await asyncio.gather(*(fetch(host, port, path) for _ in range(n)))
    return [t for t, _ in results], sum(1 for _, ok in results if not ok)


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bursts", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=200)
    args = parser.parse_args()
    import httpx

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        holds = build_db(db)
        from storycheck.store import Store

        with Store.open(db) as store:
            story = store.stories()[0]
        port = free_port()
        server = subprocess.Popen([sys.executable, "-c", SERVER, str(db), str(port)], env={**os.environ})
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(200):
                try:
                    httpx.get(base + "/api/stories", timeout=1)
                    break
                except httpx.HTTPError:
                    time.sleep(0.1)
            url = f"{base}/stories/{story.id}"
            size = len(httpx.get(url).content)
            print(f"storycheck web bench: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
                  f"{time.strftime('%Y-%m-%d')}")
            print(f"database: {holds}; page {url} ({size} bytes)")
            every: list[float] = []
            errors = 0
            for i in range(args.bursts):
                start = time.perf_counter()
                times, failed = asyncio.run(burst("127.0.0.1", port, f"/stories/{story.id}", args.concurrency))
                wall = time.perf_counter() - start
                every += times
                errors += failed
                print(f"burst {i + 1}: {args.concurrency} concurrent, {failed} errors, p50 {pct(times, 50) * 1000:.0f} ms, "
                      f"p95 {pct(times, 95) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms, {args.concurrency / wall:.0f} req/s")
            print(f"all: {len(every)} requests, {errors} errors, p50 {pct(every, 50) * 1000:.0f} ms, "
                  f"p95 {pct(every, 95) * 1000:.0f} ms, mean {statistics.mean(every) * 1000:.0f} ms")
        finally:
            server.terminate()
            server.wait(10)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
