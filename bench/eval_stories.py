"""Story grouping quality: B-cubed F1 on ECB+ (gold event clusters) and FNC-1 (derived body clusters).

ECB+ pairs every event with another of the same kind (two rehab admissions, two
prison escapes), so it measures exactly what story grouping must get right.
All documents of a split are clustered at once (topics mixed, the realistic
setting); per-topic clustering is reported too. The TF-IDF average-linkage
baseline runs in the same pass with its threshold chosen on dev.

ECB+ and FNC-1 come as plain text, so entities come from spaCy's NER (the same
model the claims stage runs) and dates from the text; the pipeline itself reads
``Extraction.entities``. Data is read from ../shared/data; nothing is written
there. Usage:

    .venv/bin/python bench/eval_stories.py                 # dev ECB+ and FNC-1
    .venv/bin/python bench/eval_stories.py --split test    # held-out ECB+ topics 23-45
    .venv/bin/python bench/eval_stories.py --cache /tmp/storycache   # reuse features between runs
"""

from __future__ import annotations

import argparse
import csv
import json
import pickle
import platform
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "src"))

from storycheck.settings import Settings  # noqa: E402
from storycheck.verify.clustering import average_linkage  # noqa: E402
from storycheck.verify.similarity import (  # noqa: E402
    DocFeatures,
    Weights,
    entity_weights,
    explicit_dates,
    lead_text,
    tokens,
    years_in,
)
from storycheck.verify.stories import default_weights, group_scores  # noqa: E402
from storycheck.verify.story_index import StoryIndex  # noqa: E402

BASELINE_THRESHOLDS = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4)
LEXICAL_ONLY = Weights(lexical=1.0, embedding=0.0, entity=0.0, year_penalty=0.0, date_penalty=0.0, contrast=0.0)


def bcubed(pred: Sequence[object], gold: Sequence[object]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 (Bagga & Baldwin), averaged over items."""
    pc: dict[object, set[int]] = defaultdict(set)
    gc: dict[object, set[int]] = defaultdict(set)
    for i, (p, g) in enumerate(zip(pred, gold, strict=True)):
        pc[p].add(i)
        gc[g].add(i)
    precision = recall = 0.0
    for i in range(len(pred)):
        inter = len(pc[pred[i]] & gc[gold[i]])
        precision += inter / len(pc[pred[i]])
        recall += inter / len(gc[gold[i]])
    precision /= len(pred)
    recall /= len(pred)
    return precision, recall, 2 * precision * recall / (precision + recall)


def load_ecb(split: str) -> list[dict[str, object]]:
    path = DATA / split / "ecbplus" / "ecbplus_docs.jsonl"
    if not path.is_file():
        sys.exit(f"ECB+ not found at {path} (../shared/data is not beside this checkout)")
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def load_fnc() -> list[dict[str, object]]:
    base = DATA / "dev" / "fnc1"
    if not base.is_dir():
        sys.exit(f"FNC-1 not found at {base}")
    with (base / "competition_test_bodies.csv").open(encoding="utf-8") as fh:
        bodies = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(fh)}
    docs = []
    with (base / "derived_body_clusters.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            docs.append({"doc_id": row["body_id"], "cluster": row["cluster_id"], "text": bodies[row["body_id"]]})
    return docs


def features(docs: list[dict[str, object]], *, name: str, cache: Path | None, settings: Settings) -> list[DocFeatures]:
    """Entities (spaCy NER), dates, terms and embeddings of each document, cached on request."""
    cached = cache / f"{name}.pkl" if cache else None
    if cached and cached.is_file():
        with cached.open("rb") as fh:
            ents, vectors = pickle.load(fh)
    else:
        import spacy

        from storycheck.verify.embeddings import get_encoder

        nlp = spacy.load(settings.spacy_model, exclude=["parser", "lemmatizer", "tagger", "attribute_ruler"])
        texts = [str(d["text"]) for d in docs]
        t0 = time.perf_counter()
        ents = [[(e.text, e.label_) for e in doc.ents] for doc in nlp.pipe(texts, batch_size=32)]
        t1 = time.perf_counter()
        encoder = get_encoder(settings.embedding_model)
        vectors = encoder.encode([lead_text(None, t) for t in texts]) if encoder else None
        t2 = time.perf_counter()
        print(f"  {name}: NER {t1 - t0:.1f}s, embeddings {t2 - t1:.1f}s for {len(docs)} documents")
        if cached:
            cached.parent.mkdir(parents=True, exist_ok=True)
            with cached.open("wb") as fh:
                pickle.dump((ents, vectors), fh)
    feats = []
    for i, doc in enumerate(docs):
        text = str(doc["text"])
        feats.append(
            DocFeatures(
                id=str(doc["doc_id"]),
                terms=Counter(tokens(text)),
                entities=entity_weights(ents[i]),
                dates=frozenset(d for _, d in explicit_dates(text)),
                years=years_in(text),
                embedding=None if vectors is None else vectors[i],
            )
        )
    return feats


def without_embeddings(feats: list[DocFeatures]) -> list[DocFeatures]:
    return [DocFeatures(f.id, f.terms, f.entities, f.title, f.published, f.dates, f.years, None) for f in feats]


def cluster(feats: list[DocFeatures], *, weights: Weights, threshold: float) -> list[int]:
    groups = average_linkage(group_scores(feats, weights=weights), threshold=threshold)
    labels = [0] * len(feats)
    for g, members in enumerate(groups):
        for i in members:
            labels[i] = g
    return labels


def per_topic(feats: list[DocFeatures], docs: list[dict[str, object]], *, weights: Weights, threshold: float) -> float:
    """B-cubed F1 when each topic is clustered on its own (the easier, oracle-topic setting)."""
    by_topic: dict[object, list[int]] = defaultdict(list)
    for i, d in enumerate(docs):
        by_topic[d["topic"]].append(i)
    pred: list[object] = [None] * len(docs)
    for topic, rows in by_topic.items():
        labels = cluster([feats[i] for i in rows], weights=weights, threshold=threshold)
        for i, label in zip(rows, labels, strict=True):
            pred[i] = (topic, label)
    return bcubed(pred, [d["cluster"] for d in docs])[2]


def online(feats: list[DocFeatures], *, threshold: float) -> tuple[list[str], float]:
    index = StoryIndex(threshold=threshold)
    t0 = time.perf_counter()
    labels = [index.add(f) for f in feats]
    return labels, (time.perf_counter() - t0) / max(1, len(feats))


def row(name: str, pred: Sequence[object], gold: Sequence[object]) -> str:
    p, r, f = bcubed(pred, gold)
    return f"| {name} | {len(set(pred))} | {p:.3f} | {r:.3f} | **{f:.3f}** |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--cache", type=Path, default=None, help="directory to keep NER and embeddings between runs")
    parser.add_argument("--no-fnc", action="store_true", help="skip FNC-1")
    args = parser.parse_args()
    settings = Settings()
    threshold = float(settings.story_threshold)
    threshold_lex = float(settings.story_threshold_no_embeddings)
    print(f"# eval_stories  {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}  {platform.machine()}  Python {platform.python_version()}")

    dev_docs = load_ecb("dev")
    dev_feats = features(dev_docs, name="ecb-dev", cache=args.cache, settings=settings)
    dev_gold = [d["cluster"] for d in dev_docs]
    # the baseline gets its best dev threshold, then keeps it on test
    base_th = max(BASELINE_THRESHOLDS, key=lambda t: bcubed(cluster(dev_feats, weights=LEXICAL_ONLY, threshold=t), dev_gold)[2])

    docs, feats = (dev_docs, dev_feats) if args.split == "dev" else (load_ecb("test"), None)
    if feats is None:
        feats = features(docs, name="ecb-test", cache=args.cache, settings=settings)
    gold = [d["cluster"] for d in docs]
    print(f"\nECB+ {args.split}: {len(docs)} documents, {len(set(gold))} gold events, {len({d['topic'] for d in docs})} topics; all documents clustered at once\n")
    print("| method | clusters | B3 P | B3 R | B3 F1 |\n|---|---|---|---|---|")
    print(row(f"TF-IDF average linkage (baseline, threshold {base_th} from dev)", cluster(feats, weights=LEXICAL_ONLY, threshold=base_th), gold))
    print(row(f"storycheck: TF-IDF + entities + dates, no embeddings (threshold {threshold_lex})", cluster(without_embeddings(feats), weights=default_weights(embeddings=False), threshold=threshold_lex), gold))
    print(row(f"storycheck: + MiniLM embeddings (default, threshold {threshold})", cluster(feats, weights=Weights(), threshold=threshold), gold))
    labels, per_doc = online(feats, threshold=threshold)
    print(row("storycheck StoryIndex (online, one document at a time, file order)", labels, gold))
    print(f"\nper-topic clustering (each topic alone): baseline {per_topic(feats, docs, weights=LEXICAL_ONLY, threshold=base_th):.3f}, "
          f"storycheck {per_topic(feats, docs, weights=Weights(), threshold=threshold):.3f}")
    print(f"StoryIndex.add: {per_doc * 1000:.2f} ms per document (features precomputed)")

    if not args.no_fnc and args.split == "dev":
        fnc = load_fnc()
        fnc_feats = features(fnc, name="fnc-dev", cache=args.cache, settings=settings)
        fgold = [d["cluster"] for d in fnc]
        print(f"\nFNC-1 derived body clusters (silver): {len(fnc)} bodies, {len(set(fgold))} clusters\n")
        print("| method | clusters | B3 P | B3 R | B3 F1 |\n|---|---|---|---|---|")
        print(row(f"TF-IDF average linkage (baseline, threshold {base_th})", cluster(fnc_feats, weights=LEXICAL_ONLY, threshold=base_th), fgold))
        print(row("storycheck, no embeddings", cluster(without_embeddings(fnc_feats), weights=default_weights(embeddings=False), threshold=threshold_lex), fgold))
        print(row("storycheck (default)", cluster(fnc_feats, weights=Weights(), threshold=threshold), fgold))
        labels, _ = online(fnc_feats, threshold=threshold)
        print(row("storycheck StoryIndex (online)", labels, fgold))


if __name__ == "__main__":
    main()
