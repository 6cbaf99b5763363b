"""Cleaning throughput (articles/s) on a generated corpus of scraped-looking articles.

The corpus is generated here, deterministically (seed 7): plain-text scrapes with
mastheads, menus, player widgets, ad markers, image credits, headings, lone "-"
bullet lists, fact-check boxes, comment threads in three layouts and publisher
footers, plus a share of HTML pages with meta tags and WordPress comment markup.
Because the generator knows which lines are article text and which are furniture,
the run also reports how many body sentences survived and how much furniture
leaked into bodies; a throughput figure for a cleaner that loses text would mean
nothing.

A second figure comes from the team's shared corpus generator (bench/corpus.py) when
present: throughput on its articles and agreement of title, outlet, published date
and status with the ground truth it records.

Usage: .venv/bin/python bench/clean.py [--articles 1000] [--html-share 0.15] [--seed 7] [--no-shared-corpus]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import html as html_lib
import platform
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from storycheck.clean import clean  # noqa: E402
from storycheck.model import RawDocument, Source  # noqa: E402

PEOPLE = ["Mayor Elin Dahl", "Minister Karl Ruud", "union leader Ada Berg", "Chief Inspector Ola Moe",
          "council chair Siv Lie", "spokesperson Tor Nes", "director Une Hauge", "Senator Ivar Sand"]
ORGS = ["the harbour board", "the regional council", "the ferry union", "the roads office", "the port authority",
        "the fishermen's association", "the health trust", "the water company"]
PLACES = ["Varholm", "Nordby", "Stenvik", "Aldhavn", "Kirkesund", "Brattli", "Fossvik", "Holmen"]
PAST = ["approved", "rejected", "announced", "postponed", "signed", "criticised", "welcomed", "defended"]
FUTURE = ["is expected to approve", "is set to announce", "will discuss", "is scheduled to sign"]
THINGS = ["a new budget for the bridge", "the plan to close two schools", "a wage deal for ferry crews",
          "the tender for a new quay", "a ban on night fishing", "the merger of two hospitals",
          "a five-year housing plan", "the new bus timetable"]
WHEN = ["on Monday", "on Tuesday", "late on Wednesday", "on Thursday evening", "on Friday", "this week"]
FURNITURE = ["Advertisement", "Share this article", "Listen to this article", "0:00", "Photo: Staff photographer",
             "Image: Reuters", "Read more: Ferry prices rise again", "Sponsored", "Local News Local News"]
HEADINGS = ["What Happens Next", "Why It Matters", "A Long Dispute", "The Money Question", "Reactions",
            "What residents say"]
NAMES = ["Kari Lund", "Per Holm", "Anne Vik", "Jon Strand", "Mia Dahl", "Lars Berg"]
COMMENT_TEXT = ["About time this was sorted out.", "I do not trust the figures in this plan at all.",
                "My family has waited years for this decision.", "Who is going to pay for it in the end?",
                "Good reporting, thank you for following this.", "The council never listens to the islands."]


@dataclass
class Generated:
    raw: RawDocument
    sentences: list[str] = field(default_factory=list)
    furniture: list[str] = field(default_factory=list)


def _sentence(rng: random.Random, *, preview: bool) -> str:
    who = rng.choice(PEOPLE + ORGS)
    verb = rng.choice(FUTURE if preview else PAST)
    tail = rng.choice([f", {rng.choice(PEOPLE)} said", f" in {rng.choice(PLACES)}",
                       f" after {rng.randint(2, 40)} weeks of talks", ""])
    text = f"{who[0].upper()}{who[1:]} {verb} {rng.choice(THINGS)} {rng.choice(WHEN)}{tail}."
    return text


def _paragraphs(rng: random.Random, n: int, *, preview: bool) -> list[list[str]]:
    paras = []
    for i in range(n):
        paras.append([_sentence(rng, preview=preview and i == 0) for _ in range(rng.randint(1, 4))])
    return paras


def _comments_text(rng: random.Random, layout: str) -> list[str]:
    lines = [f"{rng.randint(2, 12)} Comments", ""]
    for i in range(1, rng.randint(2, 6)):
        text = rng.choice(COMMENT_TEXT)
        name = rng.choice(NAMES)
        if layout == "numbered":
            lines += [f"  {i}. {name} on", "", f"    {text}", ""]
            if rng.random() < 0.4:
                lines += [f"    • {rng.choice(COMMENT_TEXT)}", ""]
        else:
            stamp = f"March {rng.randint(1, 28)}, 2026 at {rng.randint(1, 12)}:{rng.randint(10, 59)} pm"
            lines += [f"{name} says:", stamp,
                      text, "Reply", ""]
    lines += ["Leave a Reply", "", "Your email address will not be published. Required fields are marked *"]
    return lines


def make_text(rng: random.Random, idx: int) -> Generated:
    preview = rng.random() < 0.3
    paras = _paragraphs(rng, rng.randint(4, 14), preview=preview)
    title = f"{rng.choice(PLACES)} Council Moves on {rng.choice(['Budget', 'Ferries', 'Schools', 'Harbour'])} Plan"
    lines: list[str] = []
    furniture: list[str] = []
    if rng.random() < 0.4:
        nav = [f"{rng.choice(PLACES)} Post", "Home", "Local", "Sport"]
        lines += nav
        furniture += nav[1:]
    lines += [title, f"By {rng.choice(NAMES)}"]
    blank = rng.random() < 0.6
    items_done = False
    for i, para in enumerate(paras):
        if i and rng.random() < 0.25:
            f = rng.choice(FURNITURE)
            lines += [f, ""] if blank else [f]
            furniture.append(f)
        if i > 1 and rng.random() < 0.2:
            lines.append(rng.choice(HEADINGS))
        lines.append(" ".join(para))
        if blank:
            lines.append("")
        if not items_done and rng.random() < 0.15:
            lines.append("The plan includes:")
            for thing in rng.sample(THINGS, 3):
                lines += ["-", thing[0].upper() + thing[1:]]
            items_done = True
    if rng.random() < 0.5:
        lines += ["Fact Checker", "", "Verify the accuracy of this article using our newsroom's source notes.", ""]
        furniture += ["Fact Checker", "Verify the accuracy of this article"]
    if rng.random() < 0.6:
        thread = _comments_text(rng, rng.choice(["numbered", "says"]))
        lines += thread
        furniture += [thread[0], "Leave a Reply"]
    lines += ["", f"© 2026 {rng.choice(PLACES)} Media Ltd. All rights reserved."]
    content = "\n".join(lines)
    return Generated(_raw(idx, content, "text"), [s for p in paras for s in p], furniture)


def make_html(rng: random.Random, idx: int) -> Generated:
    paras = _paragraphs(rng, rng.randint(4, 12), preview=rng.random() < 0.3)
    title = f"{rng.choice(PLACES)} council moves on {rng.choice(['budget', 'ferries', 'schools'])} plan"
    body = "".join(f"<p>{html_lib.escape(' '.join(p))}</p>\n" for p in paras)
    body = body.replace("</p>\n", "</p>\n<p>Advertisement</p>\n", 1)
    comments = "".join(
        f'<li class="comment" id="comment-{i}"><div class="comment-author"><cite class="fn">{rng.choice(NAMES)}</cite>'
        f'</div><div class="comment-content"><p>{rng.choice(COMMENT_TEXT)}</p></div></li>'
        for i in range(rng.randint(0, 5))
    )
    page = (
        f"<!DOCTYPE html><html><head><title>{title} | Fjord Post</title>"
        f'<meta property="og:site_name" content="Fjord Post"><meta name="author" content="{rng.choice(NAMES)}">'
        f'<meta property="article:published_time" content="2026-03-{rng.randint(1, 28):02d}T08:00:00Z"></head>'
        f"<body><nav><a href='/'>Home</a> <a href='/local'>Local</a></nav><main><article><h1>{title}</h1>"
        f"{body}</article><section id='comments'><ol class='commentlist'>{comments}</ol></section></main>"
        f"<footer><p>© 2026 Fjord Post Media AS</p></footer></body></html>"
    )
    return Generated(_raw(idx, page, "html"), [s for p in paras for s in p], ["Advertisement", "Home"])


def _raw(idx: int, content: str, fmt: str) -> RawDocument:
    digest = hashlib.sha256(content.encode()).hexdigest()
    source = Source(location=f"generated/{idx:05d}.{'html' if fmt == 'html' else 'txt'}", kind="file",
                    fetched_at="2026-03-30T00:00:00+00:00", sha256=digest)
    return RawDocument(id=digest[:16], source=source, content=content, format=fmt)


def _loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def generate(n: int, *, html_share: float, seed: int) -> list[Generated]:
    rng = random.Random(seed)
    return [make_html(rng, i) if rng.random() < html_share else make_text(rng, i) for i in range(n)]


def shared_corpus(n: int, *, seed: int) -> None:
    """Throughput and metadata agreement on bench/corpus.py (written by another engineer, with ground truth)."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from corpus import generate_corpus  # type: ignore[import-not-found]
    except ImportError:
        print("shared corpus: bench/corpus.py not found, skipped")
        return
    corpus = generate_corpus(n, max(n // 20, 1), seed=seed)
    raws = [_raw(i, g.text, "text") for i, g in enumerate(corpus)]
    clean(raws[0])
    t0 = time.process_time()
    articles = [clean(r) for r in raws]
    elapsed = time.process_time() - t0
    agree = {"title": 0, "outlet": 0, "published": 0, "status": 0}
    misses: dict[str, list[str]] = {k: [] for k in agree}
    for g, a in zip(corpus, articles, strict=True):
        got = {"title": a.title, "outlet": a.outlet, "published": (a.published or "")[:10] or None,
               "status": a.status}
        want = {"title": g.title, "outlet": g.outlet, "published": g.published, "status": g.status}
        for k in agree:
            if got[k] == want[k]:
                agree[k] += 1
            else:
                misses[k].append(f"{g.filename}: got {got[k]!r}, want {want[k]!r}")
    print(f"shared corpus (bench/corpus.py, {n} articles, seed {seed}): {n / elapsed:.0f} articles/s "
          f"CPU time ({elapsed:.2f} s)")
    print("  agreement with its ground truth: " + ", ".join(f"{k} {v / n:.1%}" for k, v in agree.items()))
    for k, m in misses.items():
        for line in m[:3]:
            print(f"  {k} miss: {line}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--html-share", type=float, default=0.15)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-shared-corpus", action="store_true", help="skip the bench/corpus.py measurement")
    args = ap.parse_args()

    corpus = generate(args.articles, html_share=args.html_share, seed=args.seed)
    clean(corpus[0].raw)  # warm-up: imports, regex compilation
    next((clean(g.raw) for g in corpus if g.raw.format == "html"), None)  # trafilatura import

    timings: dict[str, list[float]] = {"text": [], "html": []}
    kept = total = leaked = furniture_total = 0
    wall0 = time.perf_counter()
    for g in corpus:
        # CPU time of this process: the machine is shared, and wall time swings with other people's load
        t0 = time.process_time()
        article = clean(g.raw)
        timings[g.raw.format].append(time.process_time() - t0)
        total += len(g.sentences)
        kept += sum(s in article.body for s in g.sentences)
        furniture_total += len(g.furniture)
        leaked += sum(any(line.strip() == f for line in article.body.split("\n")) or f in article.body.split("\n\n")
                      for f in g.furniture)

    wall = time.perf_counter() - wall0
    all_times = timings["text"] + timings["html"]
    size_mb = sum(len(g.raw.content.encode()) for g in corpus) / 1e6
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
          f"date {dt.date.today().isoformat()}")
    print(f"corpus: {len(corpus)} articles ({len(timings['text'])} text, {len(timings['html'])} html), "
          f"{size_mb:.2f} MB, seed {args.seed}")
    print(f"load average at start: {_loadavg()}")
    print(f"all:  {len(all_times) / sum(all_times):8.0f} articles/s CPU time ({sum(all_times):.2f} s); "
          f"wall {len(all_times) / wall:.0f} articles/s incl. scoring ({wall:.2f} s)")
    for kind, ts in timings.items():
        if ts:
            ts_sorted = sorted(ts)
            p95 = ts_sorted[int(0.95 * (len(ts) - 1))] * 1000
            print(f"{kind}: {len(ts) / sum(ts):8.0f} articles/s  (median {ts_sorted[len(ts) // 2] * 1000:.2f} ms,"
                  f" p95 {p95:.2f} ms)")
    print(f"body sentences kept: {kept}/{total} ({kept / total:.2%}); "
          f"furniture lines leaked into bodies: {leaked}/{furniture_total}")
    if not args.no_shared_corpus:
        shared_corpus(args.articles, seed=args.seed)


if __name__ == "__main__":
    main()
