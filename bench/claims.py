"""Claims-stage throughput, and the cold-start cost of the seeds.

1. Cold start: a fresh process imports the stage, loads spaCy and extracts the
   five seed articles (read from ../shared/seeds, bodies from the clean stage);
   load and extraction are timed apart. Median of several runs.
2. Throughput: claims/s and articles/s over a generated corpus of 1,000 articles
   (bench/corpus.py, seed 0; cleaned first, untimed) with 1 and 2 processes
   (spaCy ``nlp.pipe(n_process=...)``). The model is loaded before timing.

Usage: .venv/bin/python bench/claims.py [--articles 1000] [--runs 3] [--skip-cold]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

_COLD = r"""
import sys, time, glob
t0 = time.perf_counter()
from storycheck.claims import extract_claims
from storycheck.clean import clean
from storycheck.model import RawDocument, Source
from storycheck.settings import Settings
paths = sorted(glob.glob(sys.argv[1] + "/*.txt"))
src = Source(location="seed", kind="file", fetched_at="2026-01-01T00:00:00+00:00", sha256="0" * 64)
arts = [clean(RawDocument(id=p, source=src, content=open(p, encoding="utf-8").read(), format="text")) for p in paths]
t1 = time.perf_counter()
from storycheck.claims.nlp import load_nlp
load_nlp(Settings().spacy_model)
t2 = time.perf_counter()
exs = extract_claims(arts, settings=Settings())
t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2, sum(len(e.claims) for e in exs))
"""


def cold_start(runs: int) -> None:
    if not SEEDS.is_dir():
        print(f"cold start: skipped (no seeds at {SEEDS})")
        return
    rows = []
    for _ in range(runs):
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", _COLD, str(SEEDS)], capture_output=True, text=True, check=True)
        wall = time.perf_counter() - t0
        imports, load, extract, n_claims = out.stdout.split()
        rows.append((wall, float(imports), float(load), float(extract), int(n_claims)))
    med = [statistics.median(r[i] for r in rows) for i in range(4)]
    print(f"cold start, 5 seeds ({rows[0][4]} claims), median of {runs}: process wall {med[0]:.2f} s = "
          f"imports+clean {med[1]:.2f} s + spaCy import/load {med[2]:.2f} s + extraction {med[3]:.2f} s "
          f"(+ interpreter start)")


def corpus_articles(n: int) -> list:
    from corpus import generate_corpus  # type: ignore[import-not-found]

    from storycheck.clean import clean
    from storycheck.errors import CleanError
    from storycheck.model import RawDocument, Source

    src = Source(location="corpus", kind="file", fetched_at="2026-01-01T00:00:00+00:00", sha256="0" * 64)
    articles = []
    for g in generate_corpus(n, max(1, n // 20), seed=0):
        try:
            articles.append(clean(RawDocument(id=g.filename, source=src, content=g.text, format="text")))
        except CleanError:
            continue
    return articles


def throughput(n: int, runs: int) -> None:
    from storycheck.claims import extract_claims
    from storycheck.claims.nlp import load_nlp
    from storycheck.settings import Settings

    articles = corpus_articles(n)
    words = sum(len(a.body.split()) for a in articles)
    load_nlp(Settings().spacy_model)
    extract_claims(articles[:5], settings=Settings())  # warm up
    print(f"corpus: {len(articles)} cleaned articles, {words:,} body words")
    for processes in (1, 2):
        times = []
        cpu = []
        n_claims = 0
        for _ in range(runs):
            c0 = _cpu_seconds()
            t0 = time.perf_counter()
            exs = extract_claims(articles, settings=Settings(processes=processes))
            times.append(time.perf_counter() - t0)
            cpu.append(_cpu_seconds() - c0)
            n_claims = sum(len(e.claims) for e in exs)
        best, med, med_cpu = min(times), statistics.median(times), statistics.median(cpu)
        print(f"processes={processes}: {n_claims} claims; median {med:.1f} s (best {best:.1f} s) -> "
              f"{n_claims / med:.0f} claims/s, {len(articles) / med:.1f} articles/s, {words / med:,.0f} words/s; "
              f"CPU {med_cpu:.1f} s (this process and its workers) = {n_claims / med_cpu:.0f} claims per CPU-second")


def _cpu_seconds() -> float:
    """User+system CPU of this process and its finished children: what the work costs on a busy machine."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--skip-cold", action="store_true")
    args = ap.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{dt.date.today().isoformat()}, load average {os.getloadavg()[0]:.1f}")
    if not args.skip_cold:
        cold_start(args.runs)
    throughput(args.articles, args.runs)


if __name__ == "__main__":
    main()
