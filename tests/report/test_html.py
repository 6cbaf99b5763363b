"""The self-contained HTML report: structure, no external loads, CSP pinned by hash, inert scraped text."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

from storycheck.model import Report
from storycheck.report.html import render_html


class Tags(HTMLParser):
    """Every start tag with its attributes, and the raw text of <style>/<script> blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.raw: dict[str, list[str]] = {"style": [], "script": []}
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in self.raw:
            self._in = tag

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self.raw[self._in].append(data)

    def having(self, tag: str, cls: str | None = None) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag and (cls is None or cls in (a.get("class") or "").split())]


def parse(html: str) -> Tags:
    p = Tags()
    p.feed(html)
    return p


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_report_is_self_contained_and_pins_its_inline_blocks(story_report: Report) -> None:
    html = render_html(story_report)
    page = parse(html)
    (meta,) = [a for a in page.having("meta") if a.get("http-equiv") == "Content-Security-Policy"]
    csp = meta["content"] or ""
    assert "default-src 'none'" in csp and "img-src data:" in csp and "unsafe" not in csp
    (style,) = page.raw["style"]
    (script,) = page.raw["script"]
    assert f"style-src {sha(style)}" in csp and f"script-src {sha(script)}" in csp
    # nothing that could load: no src attributes, stylesheets, CSS urls or imports
    assert not [a for _, a in page.tags if "src" in a]
    # the only link element is the empty data: icon that stops browsers asking for /favicon.ico
    assert [a.get("href") for a in page.having("link")] == ["data:,"]
    assert not page.having("iframe") and not page.having("img")
    assert "url(" not in style and "@import" not in style


def test_report_shows_matrix_timeline_findings_and_articles(story_report: Report) -> None:
    html = render_html(story_report)
    page = parse(html)
    cells = page.having("td", "cell")
    assert len(cells) == 3 * 3  # three facts x three outlets
    states = [c["class"].split()[1] for c in cells]  # type: ignore[union-attr]
    assert states.count("contradicts") == 1 and states.count("silent") == 2
    contradicts = next(c for c in cells if "contradicts" in (c["class"] or ""))
    assert "Councillors in Northport voted on Monday" in (contradicts["title"] or "")
    # the click target of each non-silent cell exists and quotes the exact words
    for link in page.having("a"):
        if link.get("data-cell"):
            assert f'id="{link["data-cell"]}"' in html
    assert len(page.having("svg", "timeline-chart")) == 1
    assert len(page.having("circle", "conflict")) == 2
    assert "Valley Wire: \u201con Monday\u201d (2026-03-02)" in html
    marks = {(a["class"], a["id"]) for a in page.having("mark") if a.get("id")}
    assert ("contradicted", "a-wire-c1") in marks and ("single_source", "a-wire-c4") in marks
    assert ("corroborated", "a-gazette-c2") in marks
    assert len(page.having("article")) == 3
    summaries = html.count("<summary>")
    assert "Removed page furniture (2)" in html and "Comments (2)" in html and summaries >= 6


def test_scraped_markup_is_escaped_everywhere(hostile_report: Report, fx: object) -> None:
    html = render_html(hostile_report)
    page = parse(html)
    assert len(page.having("script")) == 1  # ours, pinned by hash
    assert not page.having("img") and not page.having("iframe")
    for tag, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert not (attrs.get("href") or "").lower().startswith("javascript"), (tag, attrs)
    assert "<script>alert(1)</script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    # the javascript: article URL is shown as no link at all
    assert not re.search(r'href="[^"]*alert', html)


def test_report_without_stories_lists_loose_articles_and_failures(story_report: Report) -> None:
    from dataclasses import replace

    from storycheck.model import IngestFailure
    from storycheck.report.markdown import render_markdown

    loose = replace(story_report, verifications=(), failures=(IngestFailure("missing.txt", "no such file or directory"),))
    html = render_html(loose)
    assert "Articles outside any story" in html and "missing.txt" in html and "no such file or directory" in html
    assert html.count('<article class="article"') == 3
    md = render_markdown(loose)
    assert "## Articles outside any story" in md and "- `missing.txt`: no such file or directory" in md
    empty = render_html(Report())
    assert "0 articles" in empty and "<table" not in empty
