"""The Markdown report: contradictions first, in the outlets' own words.

Scraped text is escaped for Markdown and for the raw HTML Markdown lets
through, so an article cannot inject links, markup or table cells.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from storycheck.model import Report
from storycheck.report.views import (
    ArticleView,
    FindingView,
    StoryView,
    Words,
    report_views,
    safe_url,
)

# Backslash-escapable punctuation that could start markup inline: emphasis, code,
# links, raw HTML, entities, table pipes, strikethrough.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~!#])")


def md(text: str | None) -> str:
    """Scraped text as inert Markdown on one line."""
    if not text:
        return ""
    flat = " ".join(str(text).split())
    return _MD_SPECIAL.sub(r"\\\1", flat)


def md_url(url: str | None) -> str | None:
    """An http(s) URL percent-encoded so it cannot close the link it sits in."""
    safe = safe_url(url)
    return quote(safe, safe=":/?#@!$&'*+,;=%~") if safe else None


def _words(w: Words) -> str:
    return f"{md(w.outlet)} (`{w.article.replace('`', '')}`): \u201c{md(w.text)}\u201d"


def _sources(n: int) -> str:
    return f"{n} independent source{'' if n == 1 else 's'}"


def _summary(fv: FindingView) -> list[str]:
    summary = fv.finding.summary
    return [f"  - {md(summary)}"] if summary and summary != fv.label else []


def _contradiction(fv: FindingView) -> list[str]:
    f = fv.finding
    lines = [f"- **{md(fv.label)}** ({md(f.field)}; {_sources(f.independent_sources)})", *_summary(fv)]
    for side in fv.sides:
        for w in side.words:
            lines.append(f"  - **{md(side.value) or 'other'}**: {_words(w)}")
    return lines


def _corroborated(fv: FindingView) -> list[str]:
    f = fv.finding
    lines = [f"- **{md(fv.label)}**: {_sources(f.independent_sources)} ({', '.join(md(o) for o in fv.outlets)})", *_summary(fv)]
    lines += [f"  - {_words(w)}" for w in fv.words]
    if f.merged:
        lines.append("  - counted once: " + "; ".join(", ".join(f"`{a}`" for a in group) for group in f.merged))
    return lines


def _single(fv: FindingView) -> list[str]:
    lines = [f"- **{md(fv.label)}**", *_summary(fv)]
    lines += [f"  - {_words(w)}" for w in fv.words]
    return lines


def _timeline(sv: StoryView) -> list[str]:
    events = sv.verification.timeline
    if not events:
        return ["No dated events."]
    lines = ["| When | What | Dated by | Conflict |", "|---|---|---|---|"]
    for ev in events:
        when = ev.start or "undated"
        if ev.end and ev.end != ev.start:
            when += f" to {ev.end}"
        if ev.granularity:
            when += f" ({ev.granularity})"
        if ev.planned:
            when += ", planned"
        dated = "; ".join(f"\u201c{md(words)}\u201d `{cid}`" for cid, words in ev.datings) or ", ".join(f"`{a}`" for a in ev.articles)
        lines.append(f"| {md(when)} | {md(ev.text)} | {dated} | {'**yes**' if ev.conflict else ''} |")
    return lines


def _article(av: ArticleView) -> list[str]:
    a = av.article
    url = md_url(a.url)
    title = md(a.title or a.id)
    lines = [f"#### {title} ({md(av.outlet)}, `{a.id}`)", ""]
    status = f"- Status: {md(a.status)}"
    if a.status_evidence:
        status += f" (\u201c{md(a.status_evidence)}\u201d)"
    lines.append(status)
    if a.published:
        lines.append(f"- Published: {md(a.published)}")
    if a.author:
        lines.append(f"- Author: {md(a.author)}")
    if url:
        lines.append(f"- URL: <{url}>")
    kinds = [cv.kind for cv in av.claims]
    lines.append(
        f"- Claims: {len(av.claims)} ({kinds.count('contradicted')} contradicted, {kinds.count('corroborated')} corroborated, "
        f"{kinds.count('single_source')} single source); quotes: {len(av.quotes)}; comments: {len(a.comments)}; "
        f"removed lines: {len(a.removed)}"
    )
    for q in av.quotes:
        lines.append(f"  - quote: \u201c{md(q.text)}\u201d ({md(q.speaker) or 'unattributed'})")
    lines.append("")
    return lines


def _story(sv: StoryView) -> list[str]:
    c = sv.counts
    lines = [f"## {md(sv.story.title)}", ""]
    facts = [f"Story `{sv.story.id}`", f"{c.articles} article{'' if c.articles == 1 else 's'}"]
    if sv.story.event_date:
        facts.append(f"event date {sv.story.event_date}")
    facts.append(f"{c.contradicted} contradicted, {c.corroborated} corroborated, {c.single_source} single source")
    lines += [" \u00b7 ".join(facts), ""]
    sections = (
        ("Contradictions", sv.contradicted, _contradiction),
        ("Corroborated facts", sv.corroborated, _corroborated),
        ("Single-source claims", sv.single_source, _single),
    )
    for heading, views, fmt in sections:
        lines += [f"### {heading}", ""]
        if not views:
            lines += ["None.", ""]
            continue
        for fv in views:
            lines += fmt(fv)
        lines.append("")
    lines += ["### Timeline", "", *_timeline(sv), "", "### Articles", ""]
    for av in sv.articles:
        lines += _article(av)
    return lines


def render_markdown(report: Report) -> str:
    """Render ``report`` as Markdown: per story, contradictions, corroborated, single source, timeline, articles."""
    _, stories, loose = report_views(report)
    lines = ["# storycheck report", ""]
    n_art, n_story = len(report.articles), len(stories)
    lines += [f"Generated {report.generated_at or 'now'} \u00b7 {n_art} article{'' if n_art == 1 else 's'} \u00b7 "
              f"{n_story} stor{'y' if n_story == 1 else 'ies'}", ""]
    for sv in stories:
        lines += _story(sv)
    if loose:
        lines += ["## Articles outside any story", ""]
        for av in loose:
            lines += _article(av)
    if report.failures:
        lines += ["## Inputs that could not be read", ""]
        lines += [f"- `{f.source.replace('`', '')}`: {md(f.reason)}" for f in report.failures]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
