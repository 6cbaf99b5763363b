"""``storycheck watch`` and ``storycheck alerts``: click commands over ``watch.watcher``.

Registered lazily by ``storycheck.cli`` so ``storycheck --help`` never imports this.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Any

import click

from storycheck.errors import SettingsError, StorycheckError
from storycheck.settings import Settings


def one_blas_thread() -> None:
    """Run numpy's BLAS on one thread in the watcher, unless the user chose otherwise.

    The watcher embeds one article at a time; for such small matrices OpenBLAS's
    thread pool gains nothing and, on a busy 2-core machine, made one MiniLM
    encode 12x slower (6.3 s vs 0.5 s, bench/RESULTS.md "## Watch"). The
    variables are read when numpy loads, so this must run before anything
    imports it; if numpy is already loaded it changes nothing.
    """
    if "numpy" in sys.modules:
        return
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")


def _settings(config: str | None, **overrides: Any) -> Settings:
    try:
        return Settings.from_file(config, **overrides)
    except SettingsError as exc:
        raise click.UsageError(str(exc)) from exc


def _warn(message: str) -> None:
    click.echo(f"storycheck: {message}", err=True)


def _emit(line: str) -> None:
    click.echo(line)
    sys.stdout.flush()  # a pipe reader (or a test) sees each alert the moment it is committed


@click.command(name="watch")
@click.argument("sources", nargs=-1, required=True)
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False), help="SQLite database to keep state in.")
@click.option("--every", default=None, help="Polling interval, e.g. 30s, 10m, 2h (default: the watch_every setting).")
@click.option("--once", is_flag=True, help="Poll every source once, deliver pending webhooks, and exit.")
@click.option("--webhook", default=None, help="POST each alert as JSON to this URL (retried in the background).")
@click.option("--no-robots", is_flag=True, help="Do not read or obey robots.txt.")
@click.option("--config", type=click.Path(dir_okay=False), help="TOML settings file.")
def watch(
    sources: tuple[str, ...], db_path: str, every: str | None, once: bool, webhook: str | None, no_robots: bool, config: str | None
) -> None:
    """Follow feeds and article URLs; print (and POST) an alert for each new story, contradiction or corroboration.

    SOURCES are feed URLs, article URLs, or files listing them one per line (an
    outlet name may follow the URL after whitespace; # starts a comment).
    """
    one_blas_thread()
    from storycheck.store import Store
    from storycheck.watch.sources import parse_interval, parse_sources
    from storycheck.watch.watcher import Watcher
    from storycheck.watch.webhook import WebhookSender

    settings = _settings(config)
    try:
        interval = parse_interval(every or str(settings.watch_every))
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--every") from exc
    if webhook is not None and not webhook.lower().startswith(("http://", "https://")):
        raise click.BadParameter(f"{webhook!r} is not an http(s) URL", param_hint="--webhook")
    try:
        watched = parse_sources(sources)
    except StorycheckError as exc:
        raise click.UsageError(str(exc)) from exc
    if not watched:
        raise click.UsageError("no URLs to watch (the listing files hold only comments or blank lines)")
    respect = bool(settings.respect_robots) and not no_robots
    try:
        with Store.open(db_path) as store:
            sender = WebhookSender(webhook, db_path=db_path, settings=settings, log=_warn) if webhook else None
            if sender is not None:
                sender.start()
            watcher = Watcher(
                watched, store=store, settings=settings, every=interval, respect_robots=respect, emit=_emit, warn=_warn,
                webhook=sender,
            )
            previous = _stop_on_signals(watcher)
            try:
                summary = watcher.run(once=once)
            finally:
                _restore_signals(previous)
                if sender is not None:
                    if once and not sender.drain(float(settings.webhook_drain)):
                        _warn(f"webhook: {sender.pending()} alert(s) still undelivered; they are retried on the next run")
                    sender.stop()
    except StorycheckError as exc:
        _warn(str(exc))
        sys.exit(1)
    _warn(
        f"{summary.polled} source poll(s), {summary.not_modified} not modified, {summary.articles} new article(s), "
        f"{len(summary.alerts)} alert(s), {len(summary.errors)} problem(s)"
    )
    if once and summary.errors:
        sys.exit(1)


def _stop_on_signals(watcher: Any) -> dict[int, Any]:
    """SIGTERM/SIGINT finish the article in hand, then stop (nothing is lost either way: commits are atomic)."""

    def stop(_signum: int, _frame: Any) -> None:
        watcher.stop_event.set()

    previous: dict[int, Any] = {}
    for sig in (signal.SIGTERM, signal.SIGINT):
        try:
            previous[sig] = signal.signal(sig, stop)
        except ValueError:  # not the main thread: nothing to install
            pass
    return previous


def _restore_signals(previous: dict[int, Any]) -> None:
    for sig, handler in previous.items():
        signal.signal(sig, handler)


@click.command(name="alerts")
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False), help="Database written by `storycheck watch`.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--pending", is_flag=True, help="Only alerts no webhook has accepted yet.")
def alerts(db_path: str, fmt: str, pending: bool) -> None:
    """List the alerts recorded in a database, oldest first."""
    from pathlib import Path

    from storycheck.store import Store
    from storycheck.watch.alerts import alert_line, alerts_json

    if not Path(db_path).is_file():
        raise click.UsageError(f"{db_path}: no such database (run `storycheck watch ... --db {db_path}` first)")
    try:
        with Store.open(db_path) as store:
            found = store.pending_webhook_alerts() if pending else store.alerts()
    except StorycheckError as exc:
        _warn(str(exc))
        sys.exit(1)
    if fmt == "json":
        click.echo(alerts_json(found))
        return
    for alert in found:
        state = f"delivered {alert.delivered_at}" if alert.delivered_at else (f"undelivered, {alert.attempts} attempt(s)" if alert.attempts else "")
        line = alert_line(alert)
        click.echo(f"{alert.created_at} {line}" + (f" [{state}]" if state else ""))
