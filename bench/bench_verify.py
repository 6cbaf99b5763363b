"""Speed of verify_story alone: one story of 20 articles, and 1,000 vs 2,000 articles in 50 vs 100 stories.

Claims are generated directly as model records (entities, datings, quantities
with exact spans) so the figure measures verification only, not spaCy. Each story
has a pool of facts; every article tells a random subset of them in its own
words (some with a shifted date or number, so contradictions are found too) plus
claims of its own. Targets: one 20-article story well under a second; time per
article flat from 1,000 to 2,000 articles (linear scaling).

Usage: .venv/bin/python bench/bench_verify.py
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from storycheck.model import Article, Claim, Entity, Extraction, Quantity, Source, Story, TimeExpression  # noqa: E402
from storycheck.settings import Settings  # noqa: E402
from storycheck.verify import verify_story  # noqa: E402

EVENTS = ["met", "arrested", "signed a deal with", "sanctioned", "called", "visited", "sued", "attacked"]
FILLER = "officials analysts residents critics observers reporters ministers union traders".split()
SYL = "ba be bi bo da de di do ka ke ki ko la le li lo ma me mi mo na ne ni no ra re ri ro sa se si so ta te ti to va ve vi vo".split()


def name(rng: random.Random) -> str:
    return "".join(rng.choice(SYL) for _ in range(3)).capitalize() + " " + "".join(rng.choice(SYL) for _ in range(3)).capitalize()


def make_story(sid: int, n_articles: int, rng: random.Random) -> tuple[Story, dict[str, Article], dict[str, Extraction]]:
    people = [name(rng) for _ in range(8)]
    facts = []
    for _ in range(25):
        day = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(60))
        facts.append((rng.choice(people), rng.choice(EVENTS), rng.choice(people), day, rng.randrange(10, 5000)))
    arts: dict[str, Article] = {}
    exs: dict[str, Extraction] = {}
    for k in range(n_articles):
        aid = f"s{sid}a{k}"
        sentences: list[tuple[str, list[tuple[str, str, str]], list[tuple[str, str, str]], list[tuple[str, float]]]] = []
        for subj, verb, obj, day, num in rng.sample(facts, 15):
            if rng.random() < 0.05:
                day += dt.timedelta(days=40)
            when = f"{day:%B} {day.day}"
            count = f"{num:,} people"
            text = f"{subj} {verb} {obj} on {when}, {rng.choice(FILLER)} said, as {count} watched."
            sentences.append((text, [(subj, "PERSON", subj), (obj, "PERSON", obj)], [(when, day.isoformat(), day.isoformat())], [(count, float(num))]))
        for _ in range(15):
            who = rng.choice(people)
            text = f"{who} told {rng.choice(FILLER)} that the {rng.choice(FILLER)} of {name(rng)} would decide {rng.choice(FILLER)}."
            sentences.append((text, [(who, "PERSON", who)], [], []))
        body = " ".join(s[0] for s in sentences)
        arts[aid] = Article(id=aid, source=Source(aid, "file", "2026-03-01T00:00:00+00:00", aid), body=body, outlet=f"outlet {k}")
        claims = []
        pos = 0
        for n, (text, ents, times, qtys) in enumerate(sentences, start=1):
            start = body.index(text, pos)
            pos = start + len(text)

            def span(words: str, start: int = start, text: str = text) -> tuple[int, int]:
                i = text.index(words)
                return start + i, start + i + len(words)

            claims.append(
                Claim(
                    id=f"{aid}:c{n}", article=aid, text=text, start=start, end=start + len(text), modality="asserted",
                    checkworthiness=rng.random(),
                    entities=tuple(Entity(w, lab, *span(w), canonical=c) for w, lab, c in ents),
                    times=tuple(TimeExpression(w, *span(w), date_from=lo, date_to=hi, granularity="day") for w, lo, hi in times),
                    quantities=tuple(Quantity(w, *span(w), value_min=v, value_max=v, unit="people", hedge=None) for w, v in qtys),
                )
            )
        exs[aid] = Extraction(article=aid, claims=tuple(claims))
    return Story(id=f"s{sid}", title=f"story {sid}", articles=tuple(arts)), arts, exs


def time_corpus(n_stories: int, per_story: int, settings: Settings) -> tuple[float, int, int]:
    rng = random.Random(n_stories)
    stories = [make_story(i, per_story, rng) for i in range(n_stories)]
    c0 = time.process_time()
    findings = claims = 0
    for story, arts, exs in stories:
        v = verify_story(story, arts, exs, settings=settings)
        findings += len(v.findings)
        claims += len(v.checks)
    return time.process_time() - c0, findings, claims


def main() -> None:
    settings = Settings()
    print(f"machine: {platform.machine()}, Python {platform.python_version()}, {dt.date.today().isoformat()}")
    rng = random.Random(1)
    story, arts, exs = make_story(0, 20, rng)
    runs, cpu = [], []
    for _ in range(5):
        t0, c0 = time.perf_counter(), time.process_time()
        v = verify_story(story, arts, exs, settings=settings)
        runs.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    kinds = {k: sum(1 for f in v.findings if f.kind == k) for k in ("contradicted", "corroborated", "single_source")}
    # CPU time too: on a shared machine wall time mostly measures the neighbours
    print(f"one story, 20 articles, {len(v.checks)} claims: median wall {statistics.median(runs) * 1000:.0f} ms, "
          f"CPU {statistics.median(cpu) * 1000:.0f} ms over 5 runs; findings {kinds}; timeline {len(v.timeline)} events; "
          f"load average {os.getloadavg()[0]:.1f}")
    t1, f1, c1 = time_corpus(50, 20, settings)
    t2, f2, c2 = time_corpus(100, 20, settings)
    print(f"1,000 articles / 50 stories ({c1} claims): CPU {t1:.2f} s ({t1 / 1000 * 1000:.2f} ms/article), {f1} findings")
    print(f"2,000 articles / 100 stories ({c2} claims): CPU {t2:.2f} s ({t2 / 2000 * 1000:.2f} ms/article), {f2} findings")
    print(f"ratio 2,000/1,000: {t2 / t1:.2f} (linear = 2.0)")


if __name__ == "__main__":
    main()
