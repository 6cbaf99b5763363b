"""The HTML report: one self-contained file that makes no request of any kind.

Styles, script and the timeline SVG are inline; a Content-Security-Policy meta
tag pins the inline style and script by hash and forbids everything else, so a
scraped ``<img src=...>`` could not load even if it escaped escaping.
"""

from __future__ import annotations

import base64
import hashlib
from urllib.parse import quote

from storycheck.model import Report
from storycheck.report.templating import _anchor, environment, static_text


def csp_hash(text: str) -> str:
    """A CSP source expression allowing exactly this inline block."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def report_csp(css: str, js: str) -> str:
    return (
        "default-src 'none'; "
        f"style-src {csp_hash(css)}; "
        f"script-src {csp_hash(js)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def render_html(report: Report) -> str:
    """Render ``report`` as one offline HTML page (matrix, timeline, findings, articles)."""
    from markupsafe import Markup

    from storycheck.report.views import report_views

    _, stories, loose = report_views(report)
    css = static_text("storycheck.css")
    js = static_text("storycheck.js")
    if "</" in css or "</" in js:  # would end the inline block early; never true for our own files
        raise ValueError("inline stylesheet or script contains '</'")
    template = environment().get_template("report.html")
    return str(template.render(
        report=report,
        stories=stories,
        loose=loose,
        csp=report_csp(css, js),
        # our own static files, not scraped text: the only values rendered unescaped
        css=Markup(css),
        js=Markup(js),
        article_href=lambda article_id: "#art-" + _anchor(article_id),
        story_href=lambda story_id: "#story-" + quote(_anchor(story_id)),
    ))
