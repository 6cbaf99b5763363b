"""The one Jinja environment both the HTML report and the web app render with.

Autoescape is on for every template, whatever its name: all the text shown is
scraped from the web and must never become markup. Nothing here marks article
text safe; highlights arrive as segments and are escaped piece by piece.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

REPORT_TEMPLATES = Path(__file__).resolve().parent / "templates"
WEB_TEMPLATES = Path(__file__).resolve().parent.parent / "web" / "templates"
STATIC_DIR = Path(__file__).resolve().parent.parent / "web" / "static"


@functools.cache
def environment() -> Any:
    """A cached ``jinja2.Environment`` over the report and web templates (jinja2 imported lazily)."""
    import jinja2

    from storycheck.report import views

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(REPORT_TEMPLATES), str(WEB_TEMPLATES)]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = views.safe_url
    env.filters["slug"] = _anchor
    env.filters["kind_label"] = lambda kind: views.KIND_LABEL.get(kind or "", kind or "claim")
    env.globals["KIND_LABEL"] = views.KIND_LABEL
    return env


def _anchor(text: str) -> str:
    """An HTML id fragment from any id: letters, digits, dash and underscore only."""
    return "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_") else "-" for ch in str(text))


def static_text(name: str) -> str:
    """The shared stylesheet or script, for inlining into the self-contained report."""
    return (STATIC_DIR / name).read_text(encoding="utf-8")
