"""Watcher cost per new article against a large store: file one article into 10,000 and re-verify its story.

What is timed is exactly what ``storycheck watch`` does per new article once the
page is fetched: clean it, extract its claims (spaCy), find candidate stories,
group it against a sample of them (``group_stories``, MiniLM embeddings by
default), load and re-verify the one story it joins, compute the alerts, and
commit article + seen entry + verification + alerts in one transaction. Fetching
is left out (it is the network's time, and the watcher spaces requests anyway).

How the store is built (once, in a temporary folder, not timed):
* ``bench/corpus.py generate_corpus(10_000 + N, 500, seed=0)``; N articles of N
  different stories are held back as the newcomers.
* every article is cleaned with the real ``clean`` and saved with ``Store.save_article``
  inside one transaction; stories are formed from the corpus's own story labels
  (the known grouping) rather than by running grouping over 10,000 articles;
* spaCy is too slow to run on 10,000 articles for a benchmark set-up, so only the
  members of the newcomers' stories get real claims (``extract_claims``) and a real
  stored verification (so the alert diff has a "before"); every other article gets
  an Extraction whose entities are its capitalised phrases and no claims. The timed
  path never verifies those other stories; grouping reads their entities only when
  they are candidates.

Model loads (spaCy, MiniLM) happen before timing. "cold" = the first newcomer a
process files into a story (its sampled members are embedded); "warm" = a second
newcomer into a story filed before in the same process (the encoder's memo holds them), which
is the steady state of a long-running watcher.

Usage: .venv/bin/python bench/watch.py [--articles 10000] [--stories 500] [--newcomers 5] [--embeddings bundled,none]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import platform
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from storycheck.watch.cli import one_blas_thread  # noqa: E402

one_blas_thread()  # as `storycheck watch` does, before numpy loads
sys.path.insert(0, str(ROOT / "bench"))

from corpus import GeneratedArticle, generate_corpus  # noqa: E402

from storycheck.model import Entity, Extraction, RawDocument, Source, Story, StoryVerification  # noqa: E402
from storycheck.settings import Settings  # noqa: E402
from storycheck.store import Store  # noqa: E402

_PROPER = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")


def raw_of(item: GeneratedArticle) -> RawDocument:
    sha = hashlib.sha256(item.text.encode("utf-8")).hexdigest()
    source = Source(f"https://bench.example/{item.filename}", "url", "2026-03-01T00:00:00+00:00", sha, "text/plain", "utf-8")
    return RawDocument(id=item.filename.rsplit(".", 1)[0], source=source, content=item.text, format="text",
                       url=source.location, outlet=item.outlet or None)


def cheap_extraction(article_id: str, body: str) -> Extraction:
    entities = tuple(Entity(m.group(0), "ORG", m.start(), m.end(), m.group(0)) for m in _PROPER.finditer(body) if m.start() > 0)
    return Extraction(article_id, (), (), entities)


def build(db: str, corpus: list[GeneratedArticle], newcomers: list[GeneratedArticle], settings: Settings) -> dict[str, float]:
    from storycheck.claims import extract_claims
    from storycheck.clean import clean
    from storycheck.verify import verify_story
    from storycheck.verify.stories import story_id
    from storycheck.watch.storage import atomic

    started = time.perf_counter()
    held = {n.filename for n in newcomers}
    real_stories = {n.story for n in newcomers}
    pairs = [(raw, clean(raw)) for raw in (raw_of(g) for g in corpus if g.filename not in held)]
    cleaned = time.perf_counter()
    label = {raw_of(g).id: g.story for g in corpus}
    needs_claims = [a for _, a in pairs if label[a.id] in real_stories]
    real = {e.article: e for e in extract_claims(needs_claims, settings=settings)}
    extracted = time.perf_counter()
    members: dict[str, list[str]] = defaultdict(list)
    by_id = {}
    with Store.open(db) as store, atomic(store):
        for raw, article in pairs:
            by_id[article.id] = article
            store.save_article(raw, article, real.get(article.id) or cheap_extraction(article.id, article.body))
            members[label[article.id]].append(article.id)
        verifications = []
        for name, ids in members.items():
            story = Story(story_id(ids[0]), by_id[ids[0]].title or name, tuple(ids))
            if name in real_stories:
                verifications.append(verify_story(story, {i: by_id[i] for i in ids}, real, settings=settings))
            else:
                verifications.append(StoryVerification(story))
        store.save_verifications(verifications)
    saved = time.perf_counter()
    return {"clean_s": cleaned - started, "claims_s": extracted - cleaned, "save_s": saved - extracted, "stories": len(members)}


def file_one(store: Store, item: GeneratedArticle, settings: Settings) -> dict[str, float]:
    """The watcher's per-article path (Watcher._file without the fetch), timed by step."""
    from storycheck.claims import extract_claims
    from storycheck.clean import clean
    from storycheck.watch.incremental import file_article
    from storycheck.watch.storage import atomic

    t0 = time.perf_counter()
    raw = raw_of(item)
    article = clean(raw)
    t1 = time.perf_counter()
    extraction = extract_claims([article], settings=settings)[0]
    t2 = time.perf_counter()
    STEPS.clear()
    change = file_article(store, article, settings=settings, extraction=extraction)
    t3 = time.perf_counter()
    with atomic(store):
        store.save_article(raw, article, change.extraction)
        store.mark_entry_seen("https://bench.example/feed.xml", article.id, article=article.id)
        store.save_verifications(change.verifications)
        fresh = [a for a in change.alerts if store.add_alert(a)]
    t4 = time.perf_counter()
    story = change.verifications[0].story if change.verifications else None
    return {
        "total": t4 - t0, "clean": t1 - t0, "claims": t2 - t1, "file_and_verify": t3 - t2, "commit": t4 - t3,
        "group": STEPS.get("group_stories", 0.0), "verify": STEPS.get("verify_story", 0.0),
        "story_size": len(story.articles) if story else 0, "alerts": len(fresh),
        "joined_right": float(bool(story) and all(_label(a) == item.story for a in story.articles if a in LABELS)),
    }


LABELS: dict[str, str] = {}
STEPS: dict[str, float] = {}


def _time_steps() -> None:
    """Wrap group_stories and verify_story so file_and_verify can be split into its two costs."""
    import storycheck.verify as verify
    import storycheck.verify.stories as stories

    def timed(module, name):  # type: ignore[no-untyped-def]
        inner = getattr(module, name)

        def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
            start = time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                STEPS[name] = STEPS.get(name, 0.0) + time.perf_counter() - start

        setattr(module, name, wrapper)

    timed(stories, "group_stories")
    timed(verify, "verify_story")


def _label(article_id: str) -> str:
    return LABELS[article_id]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--stories", type=int, default=500)
    parser.add_argument("--newcomers", type=int, default=5)
    parser.add_argument("--embeddings", default="bundled,none", help="embedding_model settings to time, comma-separated")
    args = parser.parse_args()
    modes = [m.strip() for m in args.embeddings.split(",") if m.strip()]
    settings = Settings(embedding_model=modes[0])
    corpus = generate_corpus(args.articles + 2 * args.newcomers, args.stories, seed=0)
    for g in corpus:
        LABELS[raw_of(g).id] = g.story
    # newcomers: two late articles from each of N well-covered stories (the second is the warm case)
    by_story: dict[str, list[GeneratedArticle]] = defaultdict(list)
    for g in corpus:
        by_story[g.story].append(g)
    chosen = sorted((s for s in by_story if len(by_story[s]) >= 15), key=lambda s: s)[: args.newcomers]
    firsts = [by_story[s][-1] for s in chosen]
    seconds = [by_story[s][-2] for s in chosen]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {dt.date.today().isoformat()}")
    with tempfile.TemporaryDirectory() as tmp:
        built_db = str(Path(tmp) / "built.db")
        built = build(built_db, corpus, firsts + seconds, settings)
        from storycheck.claims import extract_claims

        extract_claims([_warm_article()], settings=settings)  # spaCy loaded before timing: a running watcher has it
        _time_steps()
        for mode in modes:
            db = str(Path(tmp) / f"{mode}.db")
            shutil.copyfile(built_db, db)  # every mode starts from the same store
            mode_settings = Settings(embedding_model=mode)
            from storycheck.verify.embeddings import get_encoder

            get_encoder(mode)  # loads MiniLM (when used) before timing
            with Store.open(db) as store:
                stored = len(store._rows("SELECT id FROM articles"))
                cold = [file_one(store, g, mode_settings) for g in firsts]
                warm = [file_one(store, g, mode_settings) for g in seconds]
                integrity = store.integrity_check()
            print(f"store: {stored} articles in {built['stories']} stories (built in: clean {built['clean_s']:.1f} s, "
                  f"claims {built['claims_s']:.1f} s, save {built['save_s']:.1f} s); embedding_model={mode}; integrity {integrity}")
            for name, runs in (("cold", cold), ("warm", warm)):
                totals = [r["total"] for r in runs]
                print(f"  {name}: per article median {statistics.median(totals):.2f} s, max {max(totals):.2f} s over {len(runs)} "
                      f"(story sizes {[int(r['story_size']) for r in runs]}, "
                      f"joined the right story {sum(r['joined_right'] for r in runs):.0f}/{len(runs)})")
                steps = ", ".join(f"{step} {statistics.median(r[step] for r in runs):.3f}"
                                  for step in ("clean", "claims", "file_and_verify", "group", "verify", "commit"))
                print(f"      medians (s): {steps}")


def _warm_article():  # type: ignore[no-untyped-def]
    from storycheck.model import Article

    source = Source("warm-up", "file", "2026-03-01T00:00:00+00:00", "0" * 64)
    return Article(id="warm-up", source=source, body="The council met on Tuesday in Harbourside, Mayor Lena Ortiz said.")


if __name__ == "__main__":
    main()
