"""``storycheck serve``: the web app over a database (imported only when the command runs)."""

from __future__ import annotations

import click

from storycheck.cli import _load_settings

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@click.command()
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False), help="SQLite database (created if missing).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind; the default keeps the app on this machine.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--config", "config", type=click.Path(dir_okay=False), help="TOML settings file.")
def serve(db_path: str, host: str, port: int, config: str | None) -> None:
    """Run the web app: stories, findings, timelines, articles; add articles by paste, upload or URL."""
    import uvicorn

    from storycheck.errors import StorycheckError
    from storycheck.web.app import create_app

    settings = _load_settings(config)
    # bound to loopback, only loopback Host headers are answered (a DNS-rebinding page cannot reach the app)
    allowed = [*LOOPBACK, "[::1]"] if host in LOOPBACK else None
    try:
        app = create_app(db_path, settings=settings, allowed_hosts=allowed)
    except StorycheckError as exc:
        raise click.ClickException(str(exc)) from exc
    if host not in LOOPBACK:
        click.echo(f"storycheck: serving on {host}: anyone who can reach this address can read and add articles", err=True)
    click.echo(f"storycheck: http://{'127.0.0.1' if host == '0.0.0.0' else host}:{port}/  (Ctrl-C to stop)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
