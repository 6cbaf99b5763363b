"""End-to-end performance of the main job (`storycheck check`).

1. The five seed articles from a cold start (a fresh process, as a user runs it),
   median of several runs. Target: <= 3 s on the 2-core machine. `import storycheck`
   and `storycheck --help` are timed the same way: they must stay fast.
2. Generated corpora of 1,000 articles in 50 stories and 2,000 in 100: the time
   must grow linearly (ratio <= 2.1). Both are measured in the same run, so the
   ratio compares like with like.

The machine these run on is often shared, so every figure comes with the CPU
seconds spent (the process and its children: spaCy's workers, the storycheck
subprocess) and the load average: wall time under load says more about the
neighbours than about storycheck.

Usage: .venv/bin/python bench/pipeline.py [--skip-scaling] [--runs 3] [--processes 1] [--sizes 1000:50,2000:100]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
sys.path.insert(0, str(ROOT / "bench"))


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def cold_start(command: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of ``command`` run ``runs`` times, each in a fresh process."""
    walls, cpus = [], []
    for _ in range(runs):
        c0 = _cpu(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.run(command, capture_output=True, text=True)
        walls.append(time.perf_counter() - t0)
        cpus.append(_cpu(resource.RUSAGE_CHILDREN) - c0)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed: {proc.stderr.strip()[-500:]}")
    return walls, cpus


def _line(label: str, walls: list[float], cpus: list[float], target: str = "") -> str:
    return (f"{label}: wall median {statistics.median(walls):.2f} s, CPU median {statistics.median(cpus):.2f} s "
            f"(runs wall {', '.join(f'{t:.2f}' for t in walls)}; CPU {', '.join(f'{t:.2f}' for t in cpus)}){target}")


def corpus_time(n_articles: int, n_stories: int, *, processes: int, seed: int = 7) -> tuple[float, float, int, int]:
    """Wall and CPU seconds of ``pipeline.run`` over a generated corpus (writing the files is not timed)."""
    from corpus import write_corpus  # bench/corpus.py

    from storycheck.pipeline import run
    from storycheck.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(tmp, n_articles, n_stories, seed=seed)
        c0 = _cpu(resource.RUSAGE_SELF) + _cpu(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        report = run([tmp], settings=Settings(processes=processes))
        elapsed = time.perf_counter() - t0
        cpu = _cpu(resource.RUSAGE_SELF) + _cpu(resource.RUSAGE_CHILDREN) - c0
    return elapsed, cpu, len(report.articles), len(report.verifications)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--skip-scaling", action="store_true")
    ap.add_argument("--skip-seeds", action="store_true")
    ap.add_argument("--processes", type=int, default=1, help="processes for claim extraction in the corpus runs")
    ap.add_argument("--sizes", default="1000:50,2000:100", help="articles:stories pairs; the ratio compares the first two")
    ap.add_argument("--one", help=argparse.SUPPRESS)  # internal: time one articles:stories size in this process
    args = ap.parse_args()
    if args.one:
        # child process: warm up (model loads), then time one corpus size
        n_articles, n_stories = (int(x) for x in args.one.split(":"))
        corpus_time(20, 2, processes=args.processes, seed=1001)  # another seed: no article in common
        print(json.dumps(corpus_time(n_articles, n_stories, processes=args.processes)))
        return
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, load average {_load()}", flush=True)
    exe = str(Path(sys.executable).with_name("storycheck"))
    if not args.skip_seeds:
        walls, cpus = cold_start([sys.executable, "-c", "import storycheck"], args.runs)
        print(_line("import storycheck", walls, cpus), flush=True)
        walls, cpus = cold_start([exe, "--help"], args.runs)
        print(_line("storycheck --help", walls, cpus), flush=True)
        if SEEDS.is_dir():
            walls, cpus = cold_start([exe, "check", str(SEEDS), "--format", "json", "-o", os.devnull], args.runs)
            print(_line("seeds (5 articles), cold start", walls, cpus, "  target <= 3 s"), flush=True)
        else:
            print(f"seeds: skipped, {SEEDS} not found")
        print(f"load average after: {_load()}", flush=True)
    if not args.skip_scaling:
        sizes = [tuple(int(x) for x in pair.split(":")) for pair in args.sizes.split(",")]
        results = []
        for n_articles, n_stories in sizes:
            # each size in a fresh process: nothing cached by one size (embeddings of
            # articles the two corpora share, spaCy's string store) helps the next
            load = _load()
            proc = subprocess.run([sys.executable, __file__, "--one", f"{n_articles}:{n_stories}",
                                   "--processes", str(args.processes)], capture_output=True, text=True)
            if proc.returncode != 0:
                raise SystemExit(f"corpus run failed: {proc.stderr.strip()[-800:]}")
            wall, cpu, articles, stories = json.loads(proc.stdout.strip().splitlines()[-1])
            results.append((wall, cpu))
            print(f"{n_articles:,} articles / {n_stories} stories: wall {wall:.1f} s ({articles / wall:.1f} articles/s), "
                  f"CPU {cpu:.1f} s ({articles / cpu:.1f} articles per CPU-s), {stories} stories found, "
                  f"processes {args.processes}, load average before {load}, after {_load()}", flush=True)
        if len(results) >= 2:
            (w1, c1), (w2, c2) = results[:2]
            print(f"ratio {sizes[1][0]:,}/{sizes[0][0]:,}: wall {w2 / w1:.2f}, CPU {c2 / c1:.2f}  (linear target <= 2.1)")


if __name__ == "__main__":
    main()
