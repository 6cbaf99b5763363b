"""Story grouping speed: MiniLM encoder throughput, StoryIndex.add at 10,000 stories, batch clustering.

    .venv/bin/python bench/bench_stories.py [--stories 10000]

StoryIndex documents are built from real ECB+ and FNC-1 texts (../shared/data),
each copy made distinct by a few words of its own, with random unit vectors in
place of embeddings so the index cost is measured apart from the encoder's.
"""

from __future__ import annotations

import argparse
import csv
import json
import platform
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "src"))

import numpy as np  # noqa: E402

from storycheck.verify.embeddings import get_encoder  # noqa: E402
from storycheck.verify.similarity import DocFeatures, capitalised_phrases, entity_weights, tokens  # noqa: E402
from storycheck.verify.story_index import StoryIndex  # noqa: E402
from storycheck.verify.stories import group_scores  # noqa: E402


def texts() -> list[str]:
    out: list[str] = []
    for split in ("dev", "test"):
        path = DATA / split / "ecbplus" / "ecbplus_docs.jsonl"
        if path.is_file():
            out += [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    bodies = DATA / "dev" / "fnc1" / "competition_test_bodies.csv"
    if bodies.is_file():
        out += [row["articleBody"] for row in csv.DictReader(bodies.open(encoding="utf-8"))]
    if not out:
        sys.exit(f"no texts under {DATA} (../shared/data is not beside this checkout)")
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stories", type=int, default=10_000)
    args = parser.parse_args()
    print(f"# bench_stories  {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}  {platform.machine()}  Python {platform.python_version()}")
    corpus = texts()

    encoder = get_encoder("bundled")
    assert encoder is not None
    sentences = [s for t in corpus[:200] for s in t.split("\n") if len(s) > 20][:512]
    encoder.encode(sentences[:8])
    t0 = time.perf_counter()
    encoder.encode(sentences)
    dt = time.perf_counter() - t0
    print(f"MiniLM (numpy): {len(sentences) / dt:.0f} sentences/s ({len(sentences)} news sentences, batch 32)")
    leads = [t[:600] for t in corpus[:64]]
    t0 = time.perf_counter()
    encoder.encode(leads)
    print(f"MiniLM (numpy): {len(leads) / (time.perf_counter() - t0):.1f} article leads/s (600 characters, as story grouping embeds them)")

    rng = np.random.default_rng(7)
    base = [(Counter(tokens(t)), entity_weights(capitalised_phrases(t))) for t in corpus]
    index = StoryIndex(threshold=0.2)
    timings = []
    for i in range(args.stories):
        terms, ents = base[i % len(base)]
        copy = i // len(base)
        terms = Counter(terms)
        ents = dict(ents)
        if copy:
            # make each copy its own story: its own rare words and names
            terms.update({f"w{copy}x{i}a": 3, f"w{copy}x{i}b": 2})
            ents[f"name {copy} {i}"] = 2.0
        vec = rng.standard_normal(384).astype(np.float32)
        vec /= np.linalg.norm(vec)
        doc = DocFeatures(id=f"d{i}", terms=terms, entities=ents, embedding=vec)
        t0 = time.perf_counter()
        index.add(doc)
        timings.append(time.perf_counter() - t0)
    last = np.array(timings[-500:]) * 1000
    print(
        f"StoryIndex.add with {len(index)} stories / {args.stories} documents filed: "
        f"median {np.median(last):.1f} ms, p95 {np.percentile(last, 95):.1f} ms, max {last.max():.1f} ms (last 500 adds)"
    )

    for n in (100, 500):
        feats = []
        for i in range(n):
            terms, ents = base[i]
            vec = rng.standard_normal(384).astype(np.float32)
            feats.append(DocFeatures(id=f"b{i}", terms=terms, entities=ents, embedding=vec / np.linalg.norm(vec)))
        t0 = time.perf_counter()
        from storycheck.verify.clustering import average_linkage

        average_linkage(group_scores(feats), threshold=0.2)
        print(f"batch group scoring + average linkage, {n} articles: {time.perf_counter() - t0:.2f} s (features precomputed)")


if __name__ == "__main__":
    main()
