"""``storycheck export``: findings as schema.org ClaimReview (or any report format) from a database or inputs.

Imported only when the command runs (see ``storycheck.cli._lazy``).
"""

from __future__ import annotations

import sys

import click

from storycheck.cli import _load_settings, _warn, _write, common_options, render
from storycheck.errors import StorycheckError

EXPORT_FORMATS = ("claimreview", "json", "md", "html", "text")


def _render(report: object, fmt: str) -> str:
    if fmt == "claimreview":
        from storycheck.report.claimreview import render_claimreview

        return render_claimreview(report)  # type: ignore[arg-type]
    return render(report, fmt)


@click.command()
@click.argument("inputs", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="claimreview", show_default=True,
              help="Export format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), help="Write to a file instead of stdout.")
@click.option("--db", "db_path", type=click.Path(dir_okay=False),
              help="Database to export from; with INPUTS they are added to it first.")
@common_options
def export(inputs: tuple[str, ...], fmt: str, output: str | None, db_path: str | None,
           config: str | None, processes: int | None) -> None:
    """Export findings: contradicted and single-source claims as ClaimReview JSON-LD.

    Either from a database (storycheck export --db news.db) or straight from
    inputs (storycheck export examples/ -o reviews.json).
    """
    if not inputs and not db_path:
        raise click.UsageError("give INPUTS to analyse, or --db PATH to export a stored analysis")
    settings = _load_settings(config, processes=processes)
    failed = False
    try:
        if inputs:
            from storycheck.pipeline import run

            report = run(list(inputs), settings=settings, db_path=db_path, progress=_warn)
            failed = bool(report.failures)
        if db_path:
            from pathlib import Path

            from storycheck.store import Store

            if not inputs and not Path(db_path).is_file():
                raise click.UsageError(f"{db_path}: no such database; create one with `storycheck check INPUTS --db {db_path}`")
            with Store.open(db_path) as store:
                report = store.report()
    except StorycheckError as exc:
        _warn(str(exc))
        sys.exit(1)
    _write(_render(report, fmt), output)
    sys.exit(1 if failed else 0)
