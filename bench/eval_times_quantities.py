"""Accuracy and speed of the time and quantity rules on the hand-labelled sets.

    .venv/bin/python bench/eval_times_quantities.py [--show-errors]

Labels: bench/data/claims_labels/times.jsonl (sentence, anchor, tense, expected
expressions with text/from/to/granularity) and quantities.jsonl (sentence,
expected quantities with text/value_min/value_max/unit/hedge/per), both written
before the rules; times_holdout.jsonl and quantities_holdout.jsonl were written
after the rules with phrasings the rules had not seen, and scored once before any
fix (figures in bench/RESULTS.md); times_holdout2.jsonl and
quantities_holdout2.jsonl likewise, and times_holdout3.jsonl and quantities_holdout3.jsonl
last (each scored once before any fix it led to). `governing_tense`
(the verb's own tense, claims/time_tense.py) is scored against the labelled sentence
tense, and the time sets are scored again with it overriding the label. Detection is
scored on exact spans (and, more leniently, on overlapping spans); values only on
expressions whose span was found exactly.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from storycheck.claims.quantities import find_quantities  # noqa: E402
from storycheck.claims.times import find_times  # noqa: E402

LABELS = ROOT / "bench" / "data" / "claims_labels"


def _load(name: str) -> list[dict]:
    with open(LABELS / name, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _spans(sentence: str, texts: list[str]) -> list[tuple[int, int]]:
    """Spans of expected texts, taking repeated texts in order."""
    out, pos = [], {}
    for t in texts:
        i = sentence.find(t, pos.get(t, 0))
        pos[t] = i + 1
        out.append((i, i + len(t)))
    return out


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def eval_times(name: str, show: bool, *, verb_tense: bool = False) -> dict[str, float]:
    rows = _load(name)
    tp = n_pred = n_gold = ov_tp_gold = ov_tp_pred = 0
    value_ok = value_n = 0
    for row in rows:
        anchor = dt.date.fromisoformat(row["anchor"]) if row["anchor"] else None
        got = find_times(row["sentence"], anchor=anchor, anchor_source="published" if anchor else None,
                         tense=row["tense"], verb_tense=verb_tense)
        gold = row["expected"]
        gold_spans = _spans(row["sentence"], [g["text"] for g in gold])
        pred_spans = [(e.start, e.end) for e in got]
        n_pred += len(got)
        n_gold += len(gold)
        ov_tp_gold += sum(any(_overlaps(g, p) for p in pred_spans) for g in gold_spans)
        ov_tp_pred += sum(any(_overlaps(p, g) for g in gold_spans) for p in pred_spans)
        by_span = {(e.start, e.end): e for e in got}
        for g, span in zip(gold, gold_spans):
            e = by_span.get(span)
            if e is None:
                if show:
                    print(f"  time MISS {g['text']!r} in {row['sentence']!r} -> {[x.text for x in got]}")
                continue
            tp += 1
            value_n += 1
            ok = (e.date_from, e.date_to, e.granularity) == (g["from"], g["to"], g["granularity"])
            value_ok += ok
            if show and not ok:
                print(f"  time VALUE {g['text']!r} [{row['anchor']} {row['tense']}]: got "
                      f"{e.date_from}..{e.date_to} {e.granularity}, want {g['from']}..{g['to']} {g['granularity']}")
        if show:
            for e in got:
                if (e.start, e.end) not in gold_spans:
                    print(f"  time EXTRA {e.text!r} in {row['sentence']!r}")
    p, r, f = _prf(tp, n_pred, n_gold)
    return {
        "sentences": len(rows), "expressions": n_gold,
        "span_precision": p, "span_recall": r, "span_f1": f,
        "overlap_precision": ov_tp_pred / n_pred if n_pred else 1.0,
        "overlap_recall": ov_tp_gold / n_gold if n_gold else 1.0,
        "interval_accuracy_on_found": value_ok / value_n if value_n else 0.0,
        "interval_accuracy_end_to_end": value_ok / n_gold if n_gold else 0.0,
    }


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def eval_quantities(name: str, show: bool) -> dict[str, float]:
    rows = _load(name)
    tp = n_pred = n_gold = 0
    value_ok = unit_ok = hedge_ok = 0
    for row in rows:
        got = find_quantities(row["sentence"])
        gold = row["expected"]
        gold_spans = _spans(row["sentence"], [g["text"] for g in gold])
        n_pred += len(got)
        n_gold += len(gold)
        by_span = {(q.start, q.end): q for q in got}
        for g, span in zip(gold, gold_spans):
            q = by_span.get(span)
            if q is None:
                if show:
                    print(f"  qty MISS {g['text']!r} in {row['sentence']!r} -> {[x.text for x in got]}")
                continue
            tp += 1
            v = _same(q.value_min, g["value_min"]) and _same(q.value_max, g["value_max"])
            u = q.unit == g["unit"] and q.per == g.get("per")
            h = q.hedge == g["hedge"]
            value_ok += v
            unit_ok += u
            hedge_ok += h
            if show and not (v and u and h):
                print(f"  qty VALUE {g['text']!r}: got {q.value_min}..{q.value_max} {q.unit}/{q.per} {q.hedge}; "
                      f"want {g['value_min']}..{g['value_max']} {g['unit']}/{g.get('per')} {g['hedge']}")
        if show:
            for q in got:
                if (q.start, q.end) not in gold_spans:
                    print(f"  qty EXTRA {q.text!r} in {row['sentence']!r}")
    p, r, f = _prf(tp, n_pred, n_gold)
    return {
        "sentences": len(rows), "quantities": n_gold,
        "span_precision": p, "span_recall": r, "span_f1": f,
        "interval_accuracy_on_found": value_ok / tp if tp else 0.0,
        "unit_accuracy_on_found": unit_ok / tp if tp else 0.0,
        "hedge_accuracy_on_found": hedge_ok / tp if tp else 0.0,
    }


def _corpus_sentences() -> list[str]:
    """Real news sentences (ECB+ dev documents) when ../shared is beside the checkout."""
    path = ROOT.parent / "shared" / "data" / "dev" / "ecbplus" / "ecbplus_docs.jsonl"
    if not path.is_file():
        return []
    out: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            out.extend(s for s in json.loads(line)["text"].split("\n") if s.strip())
    return out


def _throughput(sentences: list[str], reps: int) -> dict[str, float]:
    """CPU seconds (process time, so other processes on the machine do not skew it)."""
    anchor = dt.date(2026, 2, 3)
    t0 = time.process_time()
    for i in range(reps):
        for s in sentences:
            # a different anchor each pass so the resolution cache does not flatter the figure
            find_times(s, anchor=anchor + dt.timedelta(days=i), anchor_source="published", tense="past")
    t_times = time.process_time() - t0
    t0 = time.process_time()
    for _ in range(reps):
        for s in sentences:
            find_quantities(s)
    t_q = time.process_time() - t0
    n = reps * len(sentences)
    return {"find_times_sentences_per_cpu_s": n / t_times, "find_quantities_sentences_per_cpu_s": n / t_q}


def speed() -> dict[str, dict[str, float]]:
    labelled = [r["sentence"] for r in _load("times.jsonl")] + [r["sentence"] for r in _load("quantities.jsonl")]
    find_times("warm up on March 3", anchor=dt.date(2026, 2, 3), anchor_source="published")
    out = {"labelled sentences (dense in times and numbers)": _throughput(labelled, 30)}
    corpus = _corpus_sentences()
    if corpus:
        out[f"ECB+ dev news sentences ({len(corpus)})"] = _throughput(corpus, 2)
    else:
        print("  (ECB+ dev sentences not found beside the checkout; corpus speed skipped)")
    return out


def eval_verb_tense(names: tuple[str, ...]) -> dict[str, float]:
    """How often ``governing_tense`` answers for a labelled expression, and how often it agrees.

    Scored against the sentence tense the labels give (past or future only: labelled
    present/None sentences have no direction to agree with). Every labelled sentence
    has a single governing verb, so a disagreement is an error of the verb reading.
    """
    from storycheck.claims.time_tense import governing_tense

    n = answered = agree = 0
    for name in names:
        for row in _load(name):
            if row["tense"] not in ("past", "future"):
                continue
            for g, (a, b) in zip(row["expected"], _spans(row["sentence"], [g["text"] for g in row["expected"]])):
                n += 1
                got = governing_tense(row["sentence"], a, b)
                answered += got is not None
                agree += got == row["tense"]
    return {"expressions (past/future sentences)": n, "answered": answered / n if n else 0.0,
            "agreement when answered": agree / answered if answered else 1.0}


def eval_verb_tense_holdout() -> dict[str, float]:
    """verb_tense_holdout.jsonl: sentences written after time_tense.py, each with the real direction of its dating."""
    from storycheck.claims.time_tense import governing_tense

    rows = _load("verb_tense_holdout.jsonl")
    answered = agree = 0
    for row in rows:
        i = row["sentence"].index(row["words"])
        got = governing_tense(row["sentence"], i, i + len(row["words"]))
        answered += got is not None
        agree += got == row["direction"]
    return {"expressions": len(rows), "answered": answered / len(rows),
            "agreement when answered": agree / answered if answered else 1.0}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show-errors", action="store_true", help="print every miss, extra and wrong value")
    args = ap.parse_args()
    for name in ("times.jsonl", "times_holdout.jsonl", "times_holdout2.jsonl", "times_holdout3.jsonl"):
        print(f"{name}:")
        for k, v in eval_times(name, args.show_errors).items():
            print(f"  {k}: {v:.3f}" if isinstance(v, float) else f"  {k}: {v}")
    times_sets = ("times.jsonl", "times_holdout.jsonl", "times_holdout2.jsonl", "times_holdout3.jsonl")
    print("verb tense (claims/time_tense.py) against the labelled sentence tense, all time sets:")
    for k, v in eval_verb_tense(times_sets).items():
        print(f"  {k}: {v:.3f}" if isinstance(v, float) else f"  {k}: {v}")
    print("verb tense on verb_tense_holdout.jsonl (written after the rules; direction of each dating):")
    for k, v in eval_verb_tense_holdout().items():
        print(f"  {k}: {v:.3f}" if isinstance(v, float) else f"  {k}: {v}")
    for name in times_sets:
        print(f"{name} with verb_tense=True (the verb's tense overrides the label's where it answers):")
        for k, v in eval_times(name, args.show_errors, verb_tense=True).items():
            if k in ("interval_accuracy_on_found", "interval_accuracy_end_to_end"):
                print(f"  {k}: {v:.3f}")
    for name in ("quantities.jsonl", "quantities_holdout.jsonl", "quantities_holdout2.jsonl", "quantities_holdout3.jsonl"):
        print(f"{name}:")
        for k, v in eval_quantities(name, args.show_errors).items():
            print(f"  {k}: {v:.3f}" if isinstance(v, float) else f"  {k}: {v}")
    print("speed:")
    for corpus, figures in speed().items():
        print(f"  {corpus}:")
        for k, v in figures.items():
            print(f"    {k}: {v:,.0f}")


if __name__ == "__main__":
    main()
