"""Helpers for the web tests and bench: the hand-built stories in a real store, a real uvicorn server on 127.0.0.1."""

from __future__ import annotations

import importlib.util
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

from storycheck.model import Report
from storycheck.settings import Settings

ROOT = Path(__file__).resolve().parent.parent.parent
ARTIFACTS = ROOT / "test-artifacts"


def report_fixtures() -> ModuleType:
    """tests/report/fixtures.py, loaded under one unique name shared with tests/report."""
    name = "storycheck_test_report_fixtures"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / "report" / "fixtures.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def store_report(report: Report, db_path: Path) -> Path:
    """Write a report into a real database through the Store API (see tests/report/fixtures.py)."""
    return report_fixtures().store_report(report, db_path)  # type: ignore[no-any-return]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """A real uvicorn server on 127.0.0.1 in a thread, stopped at teardown."""

    def __init__(self, app: object) -> None:
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))  # type: ignore[arg-type]
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


def live_app(db: Path, **settings: object) -> Iterator[LiveServer]:
    from storycheck.web.app import create_app

    app = create_app(str(db), settings=Settings(**settings), allowed_hosts=["127.0.0.1", "localhost"])
    with LiveServer(app) as server:
        yield server
