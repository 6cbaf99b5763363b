"""Cross-outlet tension: precision and recall of `contradicted` against labelled article pairs.

Each pair of texts becomes a two-article story and goes through the same code the
pipeline runs: the claims stage (`extract_claims`, spaCy) and then `verify_story`.
A pair is predicted "contradicted" when verify_story reports any contradiction
between the two articles. Two baselines are measured in the same run on the same
pairs: negation mismatch (exactly one text has a negation word) and number
mismatch (both texts have numbers and share none).

Data (read from ../shared/data, never copied):
- ClaimDiff (dev, and test held out): sentence pairs from two outlets on one story.
  Positive = "claim_b weakens claim_a" (weak file, relation 1) in either direction;
  negative = every other pair of the weak file. Pairs and their `_rev` twin are one
  unordered pair, because the comparator is symmetric.
- FNC-1 derived body pairs (dev): `contradict` (one body agrees with a headline, the
  other disagrees) vs `consistent`; a deterministic sample (--fnc-limit).

- The generated corpus (bench/corpus.py, dev only): articles with a planted date,
  number or speaker conflict, run through clean -> claims -> verify_story per story.

Usage: .venv/bin/python bench/eval_tension.py [--split dev|test] [--fnc-limit 1500] [--skip-fnc]
       [--corpus-articles 300 --corpus-stories 15] [--only-corpus]
Tune on dev only; `--split test` reports the held-out ClaimDiff without tuning.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import platform
import random
import re
import sys
import time
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "src"))

from storycheck.model import Article, Extraction, Source, Story  # noqa: E402
from storycheck.settings import Settings  # noqa: E402
from storycheck.verify import verify_story  # noqa: E402

NEG = re.compile(r"\b(?:not|no|never|n't|none|nobody|nothing|neither|nor|without|denied|denies|deny|false|fake|hoax)\b|n't\b", re.I)
NUM = re.compile(r"\d[\d,.]*")


def make_article(aid: str, text: str, *, published: str | None, outlet: str) -> Article:
    src = Source(location=aid, kind="file", fetched_at="2026-01-01T00:00:00+00:00", sha256=aid)
    return Article(id=aid, source=src, body=text, outlet=outlet, published=published)


def extract(articles: list[Article], settings: Settings) -> dict[str, Extraction]:
    from storycheck.claims import extract_claims

    out: dict[str, Extraction] = {}
    step = 200
    for i in range(0, len(articles), step):
        for ex in extract_claims(articles[i : i + step], settings=settings):
            out[ex.article] = ex
    return out


def predict(a: Article, b: Article, exs: dict[str, Extraction], settings: Settings) -> tuple[bool, list[str]]:
    story = Story(id="pair", title="pair", articles=(a.id, b.id))
    v = verify_story(story, {a.id: a, b.id: b}, exs, settings=settings)
    fields = [f.field for f in v.findings if f.kind == "contradicted"]
    return bool(fields), fields


def negation_baseline(x: str, y: str) -> bool:
    return bool(NEG.search(x)) != bool(NEG.search(y))


def number_baseline(x: str, y: str) -> bool:
    nx = {n.strip(".,") for n in NUM.findall(x)}
    ny = {n.strip(".,") for n in NUM.findall(y)}
    return bool(nx) and bool(ny) and not nx & ny


def scores(gold: list[bool], pred: list[bool]) -> dict[str, float]:
    tp = sum(g and p for g, p in zip(gold, pred))
    fp = sum(p and not g for g, p in zip(gold, pred))
    fn = sum(g and not p for g, p in zip(gold, pred))
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"precision": prec, "recall": rec, "f1": f1, "predicted": tp + fp, "tp": tp, "positives": sum(gold), "n": len(gold)}


def claimdiff_pairs(split: str) -> list[tuple[str, str, str, bool]]:
    path = SHARED / split / "claimdiff" / "ClaimDiff-weak-test.json"
    rows = json.loads(path.read_text(encoding="utf-8"))["data"]
    pairs: dict[str, tuple[str, str, str, bool]] = {}
    for r in rows:
        key = r["pair_id"].removesuffix("_rev")
        a, b = sorted((r["claim_a"], r["claim_b"]))
        prev = pairs.get(key)
        label = bool(r["relation"]) or (prev[3] if prev else False)
        pairs[key] = (r["date"], a, b, label)
    return [pairs[k] for k in sorted(pairs)]


def fnc_pairs(limit: int) -> tuple[dict[str, str], list[tuple[str, str, bool]]]:
    base = SHARED / "dev" / "fnc1"
    csv.field_size_limit(10_000_000)
    with open(base / "competition_test_bodies.csv", encoding="utf-8", newline="") as fh:
        bodies = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(fh)}
    with open(base / "derived_body_pairs.tsv", encoding="utf-8", newline="") as fh:
        rows = [(r["body_a"], r["body_b"], r["relation"] == "contradict") for r in csv.DictReader(fh, delimiter="\t")]
    rng = random.Random(20260203)
    rng.shuffle(rows)
    return bodies, rows[:limit]


def run_eval(name: str, items: Iterable[tuple[Article, Article, str, str, bool]], exs: dict[str, Extraction], settings: Settings) -> dict[str, object]:
    gold, ours, neg, num = [], [], [], []
    fields: dict[str, int] = {}
    t0 = time.perf_counter()
    for a, b, ta, tb, label in items:
        hit, fs = predict(a, b, exs, settings)
        for f in fs:
            fields[f] = fields.get(f, 0) + 1
        gold.append(label)
        ours.append(hit)
        neg.append(negation_baseline(ta, tb))
        num.append(number_baseline(ta, tb))
    secs = time.perf_counter() - t0
    result = {
        "set": name,
        "storycheck": scores(gold, ours),
        "baseline negation mismatch": scores(gold, neg),
        "baseline number mismatch": scores(gold, num),
        "fields": fields,
        "verify_seconds": round(secs, 2),
    }
    _print(result)
    return result


def _print(result: dict[str, object]) -> None:
    print(f"\n== {result['set']} (verify time {result['verify_seconds']} s; contradiction fields: {result['fields']})")
    print(f"{'method':28} {'P':>6} {'R':>6} {'F1':>6} {'flagged':>8} {'positives':>9} {'pairs':>6}")
    for key in ("storycheck", "baseline negation mismatch", "baseline number mismatch"):
        s = result[key]
        assert isinstance(s, dict)
        print(f"{key:28} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['predicted']:8d} {s['positives']:9d} {s['n']:6d}")


FIELD_OF = {"date": "time", "number": "quantity", "speaker": "quote speaker"}


def run_corpus(n_articles: int, n_stories: int, settings: Settings) -> None:
    """Planted conflicts in the generated corpus, through clean -> claims -> verify_story.

    Stories are the corpus's own labels (so grouping errors do not count here).
    Recall: planted articles (reprints inherit their original's) cited by a
    contradiction of the matching field. Precision: contradictions of a field that
    cite at least one article planted with it.
    """
    import tempfile

    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import write_corpus  # type: ignore[import-not-found]

    from storycheck.pipeline import read_and_clean

    with tempfile.TemporaryDirectory() as tmp:
        generated = write_corpus(tmp, n_articles, n_stories, seed=3)
        paths = [str(Path(tmp) / g.filename) for g in generated]
        t0 = time.perf_counter()
        pairs, failures = read_and_clean(paths, settings=settings)
    by_file = {Path(raw.source.location).name: art for raw, art in pairs}
    arts = list(by_file.values())
    exs = extract(arts, settings)
    print(f"\ncorpus: {len(generated)} generated articles in {n_stories} stories, {len(failures)} failed; "
          f"cleaned + claims in {time.perf_counter() - t0:.1f} s")
    planted: dict[str, set[str]] = {}
    stories: dict[str, list[str]] = {}
    for g in generated:
        art = by_file.get(g.filename)
        if art is None:
            continue
        stories.setdefault(g.story, []).append(art.id)
        for c in g.conflicts:
            planted.setdefault(FIELD_OF[c], set()).add(art.id)
    found: dict[str, list[set[str]]] = {}
    members = {a.id: a for a in arts}
    # as the pipeline does: undated articles' relative dates are read against the story's date
    from storycheck.claims import resolve_times
    from storycheck.verify import story_anchor

    t0 = time.perf_counter()
    for label, ids in sorted(stories.items()):
        story = Story(id=label, title=label, articles=tuple(ids))
        anchor = story_anchor(story, {i: members[i] for i in ids}, exs)
        if anchor is not None:
            for i in ids:
                if not members[i].published:
                    exs[i] = resolve_times(exs[i], members[i], anchor=anchor, anchor_source="story")
        v = verify_story(story, members, exs, settings=settings)
        for f in v.findings:
            if f.kind == "contradicted":
                found.setdefault(f.field, []).append(set(f.articles))
    print(f"verify: {time.perf_counter() - t0:.2f} s for {len(stories)} stories")
    print(f"{'field':16} {'findings':>8} {'precision':>9} {'planted':>8} {'recall':>7}")
    any_planted = set().union(*planted.values()) if planted else set()
    for field in ("time", "quantity", "quote speaker", "polarity", "actor"):
        fs = found.get(field, [])
        gold = planted.get(field, set())
        good = sum(1 for arts_ in fs if arts_ & (gold if gold else any_planted))
        cited = set().union(*fs) if fs else set()
        prec = good / len(fs) if fs else float("nan")
        rec = len(gold & cited) / len(gold) if gold else float("nan")
        print(f"{field:16} {len(fs):8d} {prec:9.3f} {len(gold):8d} {rec:7.3f}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=["dev", "test"], default="dev")
    ap.add_argument("--fnc-limit", type=int, default=1500)
    ap.add_argument("--skip-fnc", action="store_true")
    ap.add_argument("--corpus-articles", type=int, default=300, help="generated corpus size (0 to skip)")
    ap.add_argument("--corpus-stories", type=int, default=15)
    ap.add_argument("--only-corpus", action="store_true")
    args = ap.parse_args(argv)
    if not SHARED.is_dir():
        raise SystemExit(f"labelled data not found at {SHARED}")
    settings = Settings()
    print(f"machine: {platform.machine()}, Python {platform.python_version()}, {dt.date.today().isoformat()}")
    if args.only_corpus:
        run_corpus(args.corpus_articles, args.corpus_stories, settings)
        return

    cd = claimdiff_pairs(args.split)
    arts: list[Article] = []
    items_cd = []
    for i, (date, ta, tb, label) in enumerate(cd):
        a = make_article(f"cd{i}a", ta, published=date, outlet="outlet A")
        b = make_article(f"cd{i}b", tb, published=date, outlet="outlet B")
        arts += [a, b]
        items_cd.append((a, b, ta, tb, label))
    t0 = time.perf_counter()
    exs = extract(arts, settings)
    print(f"claimdiff {args.split}: {len(cd)} unordered pairs, claims extracted in {time.perf_counter() - t0:.1f} s")
    run_eval(f"ClaimDiff {args.split} (weakens vs not)", items_cd, exs, settings)

    if args.split == "dev" and not args.skip_fnc:
        bodies, rows = fnc_pairs(args.fnc_limit)
        needed = sorted({x for a, b, _ in rows for x in (a, b)}, key=int)
        body_arts = {bid: make_article(f"fnc{bid}", bodies[bid], published=None, outlet=f"fnc outlet {bid}") for bid in needed}
        t0 = time.perf_counter()
        exs_f = extract(list(body_arts.values()), settings)
        print(f"fnc1: {len(rows)} body pairs over {len(needed)} bodies, claims extracted in {time.perf_counter() - t0:.1f} s")
        items_f = [(body_arts[a], body_arts[b], bodies[a], bodies[b], label) for a, b, label in rows]
        run_eval("FNC-1 derived body pairs (contradict vs consistent)", items_f, exs_f, settings)
    if args.split == "dev" and args.corpus_articles:
        run_corpus(args.corpus_articles, args.corpus_stories, settings)


if __name__ == "__main__":
    main()
