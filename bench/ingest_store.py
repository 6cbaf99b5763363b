"""Ingest and store throughput: files read per second, URLs fetched per second, articles saved per second.

Everything is generated here, deterministically (seed 11), under a temporary folder:
plain-text scrapes, HTML pages, one JSON Lines file, and a share of Windows-1252
files that take the charset-detection path. URLs are served by the tests' route
server on 127.0.0.1, so fetch figures measure storycheck's own overhead (httpx,
limits, decoding), not a network. The store part saves hand-built articles with
20 claims and 3 quotes each (the shape the claims stage produces), re-saves them
(the idempotent path a re-run takes), then loads the whole report back.

Usage: .venv/bin/python bench/ingest_store.py [--articles 1000] [--urls 200] [--seed 11]
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from httpserver import Route, serve  # noqa: E402

from storycheck.ingest import read_sources  # noqa: E402
from storycheck.model import (  # noqa: E402
    Article,
    Claim,
    Comment,
    Entity,
    Extraction,
    IngestFailure,
    Quantity,
    Quote,
    RawDocument,
    RemovedLine,
    Source,
    TimeExpression,
)
from storycheck.settings import Settings  # noqa: E402
from storycheck.store import Store  # noqa: E402

WORDS = (  # noqa: SIM905 - a word list reads better as prose
    "council harbour bridge ferry mayor union vote budget repairs contractor audit minister report said "
    "on Tuesday million dollars residents officials week strike deal talks port workers city hall"
).split()


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 28))]
    return " ".join(words).capitalize() + "."


def paragraphs(rng: random.Random, n: int) -> list[str]:
    return [" ".join(sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(n)]


def make_corpus(folder: Path, articles: int, rng: random.Random) -> int:
    total = 0
    jsonl: list[str] = []
    for i in range(articles):
        paras = paragraphs(rng, rng.randint(8, 14))
        kind = rng.random()
        if kind < 0.65:
            data = ("Listen to this article\n0:00\n\n" + "\n\n".join(paras) + "\n\nShare this article\n").encode()
            (folder / f"a{i:05d}.txt").write_bytes(data)
        elif kind < 0.85:
            body = "".join(f"<p>{p}</p>\n" for p in paras)
            head = f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>A{i}</title></head>'
            data = f"{head}<body><nav>Home</nav><article>{body}</article></body></html>".encode()
            (folder / f"a{i:05d}.html").write_bytes(data)
        elif kind < 0.92:
            data = ("Caf\u00e9 r\u00e9sum\u00e9 in Bogot\u00e1. " + "\n\n".join(paras)).encode("cp1252")
            (folder / f"a{i:05d}.txt").write_bytes(data)
        else:
            record = {"url": f"https://news.example/{i}", "title": f"A{i}", "text": "\n\n".join(paras), "outlet": "News Example"}
            line = json.dumps(record)
            jsonl.append(line)
            data = line.encode()
        total += len(data)
    (folder / "records.jsonl").write_text("\n".join(jsonl) + "\n", encoding="utf-8")
    return total


def bench_ingest(folder: Path, size: int) -> dict[str, float]:
    started = time.perf_counter()
    items = list(read_sources([str(folder)], settings=Settings()))
    elapsed = time.perf_counter() - started
    docs = [i for i in items if isinstance(i, RawDocument)]
    failures = [i for i in items if isinstance(i, IngestFailure)]
    assert not failures, failures[:3]
    return {"documents": len(docs), "seconds": elapsed, "docs_per_s": len(docs) / elapsed, "mb_per_s": size / 1e6 / elapsed}


def bench_fetch(urls: int, rng: random.Random) -> dict[str, float]:
    with serve() as server:
        for i in range(urls):
            body = "".join(f"<p>{p}</p>" for p in paragraphs(rng, 10)).encode()
            server.route(f"/news/{i}", Route(body=b"<html><body>" + body + b"</body></html>"))
        inputs = [server.url(f"/news/{i}") for i in range(urls)]
        started = time.perf_counter()
        items = list(read_sources(inputs, settings=Settings()))
        elapsed = time.perf_counter() - started
    assert all(isinstance(i, RawDocument) for i in items), [i for i in items if isinstance(i, IngestFailure)][:3]
    return {"urls": urls, "seconds": elapsed, "urls_per_s": urls / elapsed}


def synthetic(i: int, rng: random.Random) -> tuple[RawDocument, Article, Extraction]:
    aid = f"a{i:05d}"
    body = "\n\n".join(paragraphs(rng, 12))
    source = Source(f"/corpus/{aid}.txt", "file", "2026-03-03T09:00:00+00:00", f"{i:064x}", "text/plain", "utf-8")
    raw = RawDocument(aid, source, "Listen\n0:00\n" + body, "text")
    article = Article(
        aid,
        source,
        body,
        title=f"Title {i}",
        outlet="News Example",
        published="2026-03-03",
        comments=tuple(Comment(f"c{n}", f"reader{n}", sentence(rng)) for n in range(1, 6)),
        removed=(RemovedLine("Listen", "player widget"), RemovedLine("0:00", "player widget")),
    )
    claims = []
    quotes = []
    step = max(1, len(body) // 20)
    for n in range(20):
        start, end = n * step, min(len(body), n * step + step - 1)
        claims.append(
            Claim(
                f"{aid}:c{n + 1}",
                aid,
                body[start:end],
                start,
                end,
                "asserted",
                rng.random(),
                entities=(Entity("Port Alder", "GPE", start, start + 4, "Port Alder"),),
                times=(TimeExpression("Tuesday", start, start + 7, "2026-03-03", "2026-03-03", "day"),),
                quantities=(Quantity("14 million", start, start + 10, 14e6, 14e6, "USD", None),),
            )
        )
    for n in range(3):
        c = claims[n * 5]
        quotes.append(Quote(f"{aid}:q{n + 1}", aid, c.text[:40], c.start, c.start + 40, "Ines Calloway", claim=c.id))
    return raw, article, Extraction(aid, tuple(claims), tuple(quotes), ())


def bench_store(folder: Path, articles: int, rng: random.Random) -> dict[str, float]:
    records = [synthetic(i, rng) for i in range(articles)]
    db = folder / "bench.db"
    with Store.open(db) as store:
        started = time.perf_counter()
        for raw, art, ex in records:
            store.save_article(raw, art, ex)
        save = time.perf_counter() - started
        started = time.perf_counter()
        changed = sum(store.save_article(raw, art, ex) for raw, art, ex in records)
        resave = time.perf_counter() - started
        assert changed == 0
        started = time.perf_counter()
        report = store.report()
        load = time.perf_counter() - started
        assert len(report.articles) == articles
        started = time.perf_counter()
        for n in range(0, articles, max(1, articles // 100)):
            store.claims(f"a{n:05d}")
        per_article_query = (time.perf_counter() - started) / len(range(0, articles, max(1, articles // 100)))
    size = sum(p.stat().st_size for p in folder.glob("bench.db*"))
    return {
        "articles": articles,
        "save_per_s": articles / save,
        "resave_per_s": articles / resave,
        "report_load_s": load,
        "claims_query_ms": per_article_query * 1000,
        "db_mb": size / 1e6,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--urls", type=int, default=200)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        size = make_corpus(corpus, args.articles, rng)
        r = bench_ingest(corpus, size)
        print(
            f"ingest files: {r['documents']} documents ({size / 1e6:.1f} MB) in {r['seconds']:.2f} s: "
            f"{r['docs_per_s']:.0f} docs/s, {r['mb_per_s']:.1f} MB/s"
        )
        f = bench_fetch(args.urls, rng)
        print(f"ingest URLs (127.0.0.1, sequential): {f['urls']} in {f['seconds']:.2f} s: {f['urls_per_s']:.0f} URLs/s")
        s = bench_store(Path(tmp), args.articles, rng)
        print(
            f"store: save {s['save_per_s']:.0f} articles/s (20 claims, 3 quotes, 5 comments each); "
            f"re-save unchanged {s['resave_per_s']:.0f}/s; report() of {s['articles']} articles {s['report_load_s']:.2f} s; "
            f"claims(article) {s['claims_query_ms']:.2f} ms; database {s['db_mb']:.1f} MB"
        )


if __name__ == "__main__":
    main()
