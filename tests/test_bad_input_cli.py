"""`storycheck check` end to end on bad inputs: one clear line per bad source, the batch goes on."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from httpserver import Route, closed_port, serve

from storycheck.cli import main

DATA = Path(__file__).resolve().parent / "data" / "ingest"
GOOD = DATA / "folder" / "bridge_reopens.txt"


def run_check(*args: str) -> tuple[int, dict[str, object] | None, list[str]]:
    result = CliRunner().invoke(main, ["check", "--format", "json", *args])
    report = json.loads(result.stdout) if result.stdout.strip().startswith("{") else None
    warnings = [line for line in result.stderr.splitlines() if line.strip()]
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, report, warnings


def test_bad_files_each_get_one_line_and_good_ones_are_reported(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:
        fh.truncate(50_000_000)
    bad = {
        str(DATA / "empty.txt"): "empty file (0 bytes)",
        str(DATA / "scan.txt"): "binary file (a PDF document), not text",
        str(DATA / "malformed.json"): "not valid JSON",
        str(DATA / "no_articles"): "folder holds no article files",
        str(tmp_path / "missing.txt"): "no such file or directory",
        str(big): "file is 50.0 MB, over the 20.0 MB limit (fetch_max_bytes)",
    }
    code, report, warnings = run_check(*bad, str(GOOD))
    assert code == 1  # some inputs failed
    assert report is not None
    assert [a["id"] for a in report["articles"]] == ["bridge_reopens"]  # type: ignore[index]
    for source, reason in bad.items():
        [line] = [w for w in warnings if w.startswith(f"storycheck: {source}: ")]
        assert reason in line
    assert all("Traceback" not in w for w in warnings)


def test_bad_urls_each_get_one_line(tmp_path: Path) -> None:
    with serve() as server:
        server.route("/gone", Route(status=404, body=b"not here", headers={"Content-Type": "text/plain"}))
        server.route("/error", Route(status=500, body=b"oops", headers={"Content-Type": "text/plain"}))
        server.route("/loop", Route(status=302, headers={"Location": "/loop2"}))
        server.route("/loop2", Route(status=302, headers={"Location": "/loop"}))
        server.route("/photo", Route(body=b"\x89PNG\r\n", headers={"Content-Type": "image/png"}))
        server.route("/ok", Route(body=GOOD.read_bytes(), headers={"Content-Type": "text/plain; charset=utf-8"}))
        bad = {
            server.url("/gone"): "HTTP 404 Not Found",
            server.url("/error"): "HTTP 500 Internal Server Error",
            server.url("/loop"): "redirect loop",
            server.url("/photo"): "refused content type image/png",
            f"http://127.0.0.1:{closed_port()}/x": "connection refused",
        }
        code, report, warnings = run_check(*bad, server.url("/ok"))
    assert code == 1 and report is not None
    assert len(report["articles"]) == 1  # type: ignore[arg-type]
    for source, reason in bad.items():
        [line] = [w for w in warnings if w.startswith(f"storycheck: {source}: ")]
        assert reason in line


def test_html_without_text_is_a_clean_failure_not_a_crash() -> None:
    code, report, warnings = run_check(str(DATA / "page_no_text.html"), str(GOOD))
    assert code == 1 and report is not None
    [line] = [w for w in warnings if str(DATA / "page_no_text.html") in w]
    assert "text" in line


def test_not_a_database_is_reported_without_touching_it(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("not a database\n" * 50, encoding="utf-8")
    code, _, warnings = run_check("--db", str(notes), str(GOOD))
    assert code == 1
    assert any("not an SQLite database" in w for w in warnings), warnings
    assert notes.read_text(encoding="utf-8").startswith("not a database")


def test_all_inputs_bad_still_exits_cleanly(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    shutil.copytree(DATA / "no_articles", empty)
    code, report, warnings = run_check(str(empty), str(tmp_path / "nothing.txt"))
    assert code == 1
    assert len(warnings) == 2 and all(w.startswith("storycheck: ") for w in warnings)
    if report is not None:
        assert report["articles"] == []


@pytest.mark.parametrize("args", [["check"], ["check", "--format", "pdf", "x.txt"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
