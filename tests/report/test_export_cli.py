"""`storycheck export` over a real database, through the CLI entry point and its lazy registration."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner
from test_claimreview import check_claimreview

from storycheck.cli import main


def test_export_reads_a_database_and_writes_claimreview(fx: ModuleType, tmp_path: Path) -> None:
    db = fx.store_report(fx.story_report(), tmp_path / "news.db")
    out = tmp_path / "reviews.json"
    result = CliRunner().invoke(main, ["export", "--db", str(db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    reviews = json.loads(out.read_text(encoding="utf-8"))
    assert len(reviews) == 4
    for review in reviews:
        check_claimreview(review)


def test_export_other_formats_from_a_database(fx: ModuleType, tmp_path: Path) -> None:
    db = fx.store_report(fx.story_report(), tmp_path / "news.db")
    md = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "md"])
    assert md.exit_code == 0 and "### Contradictions" in md.output and "voted on Monday" in md.output
    html = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "html"])
    assert html.exit_code == 0 and html.output.startswith("<!DOCTYPE html>") and "matrix-table" in html.output


def test_export_needs_inputs_or_an_existing_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export"])
    assert result.exit_code == 2 and "give INPUTS to analyse, or --db PATH" in result.output
    missing = tmp_path / "nope.db"
    result = CliRunner().invoke(main, ["export", "--db", str(missing)])
    assert result.exit_code == 2 and "no such database" in result.output
    assert not missing.exists()


@pytest.mark.slow
def test_export_runs_the_pipeline_on_inputs_and_stores_them(tmp_path: Path) -> None:
    example = Path(__file__).resolve().parent.parent.parent / "examples" / "harbour-strike"
    try:
        from storycheck.verify import group_stories, verify_story  # noqa: F401
    except ImportError as exc:
        pytest.skip(f"the verify stage is not importable yet ({exc})")
    db = tmp_path / "news.db"
    result = CliRunner().invoke(main, ["export", str(example), "--db", str(db)])
    assert result.exit_code == 0, result.output
    reviews = json.loads(result.stdout)
    for review in reviews:
        check_claimreview(review)
    assert any(r["reviewRating"]["alternateName"] == "Contradicted by other outlets" for r in reviews)
    again = CliRunner().invoke(main, ["export", "--db", str(db)])
    # read back from the store, the same claims are reviewed
    assert {r["identifier"] for r in json.loads(again.stdout)} == {r["identifier"] for r in reviews}
