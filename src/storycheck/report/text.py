"""The terminal report: contradictions first, quoted from both sides.

Plain text with no colour unless asked, so it can be piped, diffed and pasted into
an email or a ticket as it is.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from storycheck.model import Article, Claim, Extraction, Finding, Report, StoryVerification

WIDTH = 100
# the terminal shows the most check-worthy single-source claims; the JSON lists them all
SINGLE_SOURCE_SHOWN = 10


def _table(rows: list[list[str]], headers: list[str]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(out)


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _wrap(text: str, indent: str) -> str:
    # a bullet marks the first line only; continuation lines align under the text
    return textwrap.fill(" ".join(text.split()), WIDTH, initial_indent=indent, subsequent_indent=" " * len(indent))


def articles_table(articles: Sequence[Article]) -> str:
    rows = [
        [
            _clip(a.id, 34),
            _clip(a.outlet or "?", 28),
            a.status,
            a.published[:10] if a.published else "-",
            str(len(a.body.split())),
            str(len(a.removed)),
            str(len(a.comments)),
        ]
        for a in articles
    ]
    return _table(rows, ["article", "outlet", "status", "published", "words kept", "lines removed", "comments"])


def _side(claim: Claim | None, articles: dict[str, Article], cid: str) -> str:
    if claim is None:
        return f"    [{cid}]"
    art = articles.get(claim.article)
    who = f"{art.outlet or art.id}" if art else claim.article
    return _wrap(f"“{_clip(claim.text, 400)}”", "      ") + f"\n      — {who} ({claim.id}, chars {claim.start}-{claim.end})"


def _finding_block(f: Finding, claims: dict[str, Claim], articles: dict[str, Article]) -> list[str]:
    out = []
    # the summary quotes both sides in full; the sides follow below, so the head keeps only
    # what is disputed and the values
    head = f.summary.split(": ", 1)[0] if f.summary else f"{f.kind} ({f.field})"
    if f.kind == "contradicted" and f.values:
        head += ": " + "  vs  ".join(f"“{v}”" for v in f.values)
    out.append(_wrap(head, "  • "))
    for cid in f.claims:
        out.append(_side(claims.get(cid), articles, cid))
    return out


def story_section(v: StoryVerification, claims: dict[str, Claim], articles: dict[str, Article]) -> str:
    s = v.story
    out = [f"STORY {s.id}: {s.title}", f"  {len(s.articles)} articles" + (f"; event date {s.event_date}" if s.event_date else "")]
    groups = [
        ("CONTRADICTIONS", [f for f in v.findings if f.kind == "contradicted"]),
        ("CORROBORATED", [f for f in v.findings if f.kind == "corroborated"]),
        ("SINGLE SOURCE", [f for f in v.findings if f.kind == "single_source"]),
    ]
    for title, items in groups:
        out.append("")
        out.append(f" {title} ({len(items)})")
        if not items:
            out.append("  (none)")
        shown = items if title != "SINGLE SOURCE" else items[:SINGLE_SOURCE_SHOWN]
        for f in shown:
            if title == "CORROBORATED":
                # verify's summary usually says which copies were counted once; say it only when it doesn't
                merged = ("; merged as one source: " + ", ".join("+".join(g) for g in f.merged)
                          if f.merged and "Counted once" not in f.summary else "")
                out.append(_wrap(f"[{f.independent_sources} independent] {f.summary}{merged}", "  • "))
            elif title == "SINGLE SOURCE":
                c = claims.get(f.claims[0]) if f.claims else None
                art = articles.get(c.article) if c else None
                who = (art.outlet or art.id) if art else "?"
                out.append(_wrap(f"({f.score:.2f}) “{_clip(c.text if c else f.summary, 300)}” — {who}", "  • "))
            else:
                out.extend(_finding_block(f, claims, articles))
        if len(shown) < len(items):
            out.append(f"  … {len(items) - len(shown)} more, less check-worthy: see --format json or html")
    out.append("")
    out.append(f" TIMELINE ({len(v.timeline)})")
    for t in v.timeline:
        when = t.start if t.start == t.end else f"{t.start}..{t.end}"
        flag = "  CONFLICT" if t.conflict else ("  planned" if t.planned else "")
        words = "; ".join(f"“{w}”" for _, w in t.datings[:4])
        out.append(_wrap(f"{when or '?'} [{t.granularity or '?'}]{flag}: {_clip(t.text, 160)} ({words}; {', '.join(t.articles)})", "  "))
    return "\n".join(out)


def article_check(report: Report, article_id: str) -> str:
    """Each claim of one article with what the rest of its story says about it."""
    claims = {c.id: c for ex in report.extractions for c in ex.claims}
    articles = {a.id: a for a in report.articles}
    art = articles[article_id]
    checks = [c for v in report.verifications for c in v.checks if c.claim in claims and claims[c.claim].article == article_id]
    out = [f"FACT-CHECK of {article_id} ({art.outlet or '?'}, {art.status}): {len(checks)} claims", ""]
    for chk in checks:
        c = claims[chk.claim]
        out.append(_wrap(f"[{chk.verdict.upper()}] {c.text}", "  "))
        for label, ids in (("supported by", chk.supporting), ("contradicted by", chk.contradicting)):
            for oid in ids:
                o = claims.get(oid)
                if o is not None:
                    oa = articles.get(o.article)
                    out.append(_wrap(f"{label} {oa.outlet if oa and oa.outlet else o.article}: “{_clip(o.text, 240)}”", "      "))
        out.append("")
    return "\n".join(out)


def render_text(report: Report, *, article: str | None = None) -> str:
    if article is not None:
        return article_check(report, article)
    claims = {c.id: c for ex in report.extractions for c in ex.claims}
    articles = {a.id: a for a in report.articles}
    parts = [f"storycheck: {len(report.articles)} articles, {len(report.verifications)} stories", "", articles_table(report.articles)]
    for v in sorted(report.verifications, key=lambda v: -sum(f.kind == "contradicted" for f in v.findings)):
        parts += ["", "=" * WIDTH, story_section(v, claims, articles)]
    if report.failures:
        parts += ["", f"FAILED INPUTS ({len(report.failures)})"]
        parts += [f"  {f.source}: {f.reason}" for f in report.failures]
    return "\n".join(parts) + "\n"


def render_claims(articles: Sequence[Article], extractions: Sequence[Extraction], *, color: bool = False) -> str:
    """`storycheck claims`: every claim with its entities, times, quantities and quotes marked."""
    bold, dim, reset = ("\x1b[1m", "\x1b[2m", "\x1b[0m") if color else ("", "", "")
    marks = {"entity": ("\x1b[36m", "\x1b[0m") if color else ("[", "]"),
             "time": ("\x1b[33m", "\x1b[0m") if color else ("{", "}"),
             "quantity": ("\x1b[35m", "\x1b[0m") if color else ("<", ">"),
             "quote": ("\x1b[32m", "\x1b[0m") if color else ("«", "»")}
    by_id = {ex.article: ex for ex in extractions}
    out: list[str] = []
    for art in articles:
        ex = by_id.get(art.id)
        if ex is None:
            continue
        quotes = {q.id: q for q in ex.quotes}
        out.append(f"{bold}{art.id}{reset} ({art.outlet or '?'}, {art.status}) {len(ex.claims)} claims, {len(ex.quotes)} quotes")
        for c in ex.claims:
            spans = [(e.start, e.end, "entity") for e in c.entities] + [(t.start, t.end, "time") for t in c.times]
            spans += [(q.start, q.end, "quantity") for q in c.quantities]
            spans += [(quotes[q].start, quotes[q].end, "quote") for q in c.quotes if q in quotes]
            text = _highlight(art.body, c.start, c.end, spans, marks)
            out.append(f"  {c.id} {dim}[{c.modality}, cw {c.checkworthiness:.2f}]{reset} {text}")
            for t in c.times:
                out.append(f"      time  “{t.text}” -> {t.date_from}..{t.date_to} ({t.granularity}){' ' + t.note if t.note else ''}")
            for q in c.quantities:
                out.append(f"      qty   “{q.text}” -> [{q.value_min}, {q.value_max}] {q.unit or ''}{' per ' + q.per if q.per else ''} ({q.hedge or 'exact'})")
            for qid in c.quotes:
                q = quotes.get(qid)
                if q:
                    out.append(f"      quote “{_clip(q.text, 80)}” — {q.speaker or 'unknown speaker'}" + (f" about {q.target}" if q.target else ""))
        out.append("")
    return "\n".join(out)


def _highlight(body: str, start: int, end: int, spans: list[tuple[int, int, str]], marks: dict[str, tuple[str, str]]) -> str:
    # nested or overlapping spans: keep the outermost first-starting one so markers never interleave
    chosen: list[tuple[int, int, str]] = []
    for s, e, kind in sorted(spans, key=lambda x: (x[0], -x[1])):
        if s >= start and e <= end and (not chosen or s >= chosen[-1][1]):
            chosen.append((s, e, kind))
    out, pos = [], start
    for s, e, kind in chosen:
        out.append(body[pos:s])
        out.append(marks[kind][0] + body[s:e] + marks[kind][1])
        pos = e
    out.append(body[pos:end])
    return " ".join("".join(out).split())
