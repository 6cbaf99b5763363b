"""Quote detection and speaker accuracy on hand-written passages.

Usage: .venv/bin/python bench/eval_quotes.py [--holdout] [--verbose]

Reads bench/data/claims_labels/quotes.jsonl (the development set the rules were
fixed against) or, with --holdout, quotes_holdout.jsonl (written afterwards and
never tuned on): one passage per line with the
quotes it holds (quoted words, speaker or null for scare quotes). A predicted
quote matches a gold one when their words agree up to surrounding punctuation.
Speaker accuracy is over matched gold quotes; a null gold speaker must be
predicted as null. Descriptions ("the airline") compare without articles.
"""

from __future__ import annotations

import json
import platform
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "bench" / "data" / "claims_labels" / "quotes.jsonl"
HOLDOUT = ROOT / "bench" / "data" / "claims_labels" / "quotes_holdout.jsonl"
sys.path.insert(0, str(ROOT / "src"))


def _norm_text(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" .,;:!?\"'“”‘’").lower()


def _norm_speaker(name: str | None) -> str | None:
    if name is None:
        return None
    return re.sub(r"^(?:the|a|an) ", "", name.strip().lower())


def speaker_matches(predicted: str | None, gold: str | None) -> bool:
    p, g = _norm_speaker(predicted), _norm_speaker(gold)
    if p is None or g is None:
        return p is g
    # a description may carry an adjective the label left out ("striking pilots" / "pilots")
    return p == g or (gold is not None and gold[:1].islower() and p.endswith(" " + g))


def main(argv: list[str]) -> int:
    from storycheck.claims import extract_claims
    from storycheck.model import Article, Source
    from storycheck.settings import Settings

    verbose = "--verbose" in argv
    labels = HOLDOUT if "--holdout" in argv else LABELS
    items = [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines() if line.strip()]
    src = Source(location="bench", kind="file", fetched_at="2026-01-01T00:00:00+00:00", sha256="0" * 64)
    articles = [Article(id=it["id"], source=src, body=it["text"]) for it in items]
    started = time.perf_counter()
    extractions = extract_claims(articles, settings=Settings())
    elapsed = time.perf_counter() - started

    gold_total = pred_total = matched = speaker_ok = 0
    for item, ex in zip(items, extractions, strict=True):
        preds = list(ex.quotes)
        pred_total += len(preds)
        for gold in item["quotes"]:
            gold_total += 1
            hit = next((q for q in preds if _norm_text(q.text) == _norm_text(gold["text"])), None)
            if hit is None:
                if verbose:
                    print(f"MISSED  {item['id']}: {gold['text'][:50]!r} (found {[q.text[:30] for q in preds]})")
                continue
            preds.remove(hit)
            matched += 1
            if speaker_matches(hit.speaker, gold["speaker"]):
                speaker_ok += 1
            elif verbose:
                print(f"SPEAKER {item['id']}: {gold['text'][:40]!r} gold={gold['speaker']!r} got={hit.speaker!r}")
        if verbose:
            for q in preds:
                print(f"EXTRA   {item['id']}: {q.text[:50]!r}")

    precision = matched / pred_total if pred_total else 0.0
    recall = matched / gold_total if gold_total else 0.0
    print(f"{labels.name}: passages: {len(items)}  gold quotes: {gold_total}  predicted: {pred_total}")
    print(f"quote detection: precision {precision:.3f}  recall {recall:.3f}")
    print(f"speaker accuracy (matched quotes): {speaker_ok}/{matched} = {speaker_ok / matched if matched else 0:.3f}")
    print(f"machine: {platform.machine()}, Python {platform.python_version()}; extraction {elapsed:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
