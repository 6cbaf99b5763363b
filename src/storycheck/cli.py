"""The ``storycheck`` command: a thin click layer over the library.

Only this module (and the web layer) turns library exceptions into messages.
Exit codes: 0 all inputs read, 1 some inputs failed, 2 usage errors.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from storycheck.errors import SettingsError, StorycheckError
from storycheck.settings import SETTINGS, Settings

FORMATS = ("text", "json", "md", "html")


def _settings_help() -> str:
    lines = ["\b", "Settings (override with --config FILE.toml, a flat table of name = value):"]
    lines += [f"  {s.name} = {s.default!r}: {s.help}" for s in SETTINGS]
    return "\n".join(lines)


def _warn(message: str) -> None:
    click.echo(f"storycheck: {message}", err=True)


def common_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Options every processing command takes."""
    fn = click.option("--config", "config", type=click.Path(dir_okay=False), help="TOML settings file.")(fn)
    fn = click.option("--processes", type=click.IntRange(1, 64), default=None, help="Processes for claim extraction.")(fn)
    return fn


def _load_settings(config: str | None, **overrides: Any) -> Settings:
    try:
        return Settings.from_file(config, **overrides)
    except SettingsError as exc:
        raise click.UsageError(str(exc)) from exc


def _write(text: str, output: str | None) -> None:
    if output in (None, "-"):
        click.echo(text, nl=not text.endswith("\n"))
        return
    path = Path(output)  # type: ignore[arg-type]
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)  # never leave a half-written report behind


def render(report: Any, fmt: str, *, article: str | None = None) -> str:
    """Render a report in one of FORMATS (imports the renderer lazily)."""
    if fmt == "json":
        from storycheck.report.json import render_json

        return render_json(report)
    if fmt == "md":
        from storycheck.report.markdown import render_markdown

        return render_markdown(report)
    if fmt == "html":
        from storycheck.report.html import render_html

        return render_html(report)
    from storycheck.report.text import render_text

    return render_text(report, article=article)


@click.group(epilog=_settings_help(), context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="storycheck")
def main() -> None:
    """Cross-check news coverage: what outlets agree on, where they contradict
    each other, what rests on a single source, and when it happened."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Report format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), help="Write the report to a file.")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), help="SQLite database to store results in (default: a temporary one).")
@click.option("--article", "article", help="Fact-check one article's claims against the rest of its story.")
@common_options
def check(inputs: tuple[str, ...], fmt: str, output: str | None, db_path: str | None, article: str | None,
          config: str | None, processes: int | None) -> None:
    """Read articles (files, folders, globs, URLs, - for stdin) and report on them.

    Examples: storycheck check examples/ ; storycheck check a.txt https://example.org/x --format json
    """
    from storycheck.pipeline import run

    settings = _load_settings(config, processes=processes)
    try:
        report = run(list(inputs), settings=settings, db_path=db_path, progress=_warn)
    except StorycheckError as exc:
        _warn(str(exc))
        sys.exit(1)
    if article is not None and article not in {a.id for a in report.articles}:
        raise click.UsageError(f"no article with id {article!r}; ids are: " + ", ".join(a.id for a in report.articles))
    _write(render(report, fmt, article=article), output)
    sys.exit(1 if report.failures else 0)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@common_options
def claims(inputs: tuple[str, ...], fmt: str, config: str | None, processes: int | None) -> None:
    """Print each article's claims with their entities, times, quantities and quotes."""
    from storycheck.pipeline import read_and_clean

    settings = _load_settings(config, processes=processes)
    pairs, failures = read_and_clean(list(inputs), settings=settings, progress=_warn)
    from storycheck.claims import extract_claims

    articles = [a for _, a in pairs]
    extractions = extract_claims(articles, settings=settings)
    if fmt == "json":
        import json

        from storycheck.serialize import to_dict

        click.echo(json.dumps({"schema": "storycheck.claims/1", "extractions": to_dict(extractions)}, ensure_ascii=False, indent=2))
    else:
        from storycheck.report.text import render_claims

        click.echo(render_claims(articles, extractions, color=sys.stdout.isatty()))
    sys.exit(1 if failures else 0)


@main.command(name="settings")
@click.option("--markdown", is_flag=True, help="Print the table as Markdown (as in the README).")
def settings_cmd(markdown: bool) -> None:
    """List every setting with its default and what it does."""
    if markdown:
        from storycheck.settings import settings_markdown

        click.echo(settings_markdown())
        return
    for s in SETTINGS:
        click.echo(f"{s.name} = {s.default!r}\n    {s.help}")


def _lazy(name: str, module: str, attr: str) -> None:
    """Register a subcommand whose module (web stack, feed watcher) is imported only when run."""

    class Lazy(click.Command):
        def _real(self) -> click.Command:
            import importlib

            return getattr(importlib.import_module(module), attr)  # type: ignore[no-any-return]

        def get_params(self, ctx: click.Context) -> list[click.Parameter]:
            return self._real().get_params(ctx)

        def invoke(self, ctx: click.Context) -> Any:
            return self._real().invoke(ctx)

        def get_short_help_str(self, limit: int = 45) -> str:
            return _LAZY_HELP.get(name, "")

        def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
            return self._real().parse_args(ctx, args)

        def get_help(self, ctx: click.Context) -> str:
            return self._real().get_help(ctx)

    main.add_command(Lazy(name))


_LAZY_HELP = {
    "serve": "Run the web app over a database.",
    "export": "Export findings (schema.org ClaimReview JSON-LD).",
    "watch": "Follow feeds and URLs; alert on contradictions.",
    "alerts": "List the alerts recorded in a database.",
}
_lazy("serve", "storycheck.web.cli", "serve")
_lazy("export", "storycheck.report.cli", "export")
_lazy("watch", "storycheck.watch.cli", "watch")
_lazy("alerts", "storycheck.watch.cli", "alerts")


if __name__ == "__main__":  # pragma: no cover
    main()
