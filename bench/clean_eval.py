"""Quality of HTML main-text extraction through ``storycheck.clean`` (trafilatura + our furniture rules).

Two sets, read from ../shared/data (never copied into the repository):

- dev  ``trafilatura-eval``: 80 English pages with must-contain / must-not-contain
  snippets (upstream metric: each snippet is a TP/FN or FP/TN; precision, recall,
  F1, accuracy over all snippets). Tuning is allowed on this set.
- test ``article-extraction-benchmark`` (held out, report only): 181 news pages
  with gold article bodies; word-level bag-of-words precision/recall/F1 and the
  upstream 4-gram shingle variant, both micro-averaged over pages.

Each set is also scored for plain ``trafilatura.extract`` with default options, so
the effect of our settings and rules is visible. The text scored for storycheck is
everything the Article keeps as article text: title, subtitle, headings and body
(comments are kept apart and not scored).

Usage: .venv/bin/python bench/clean_eval.py [--set dev|test|both]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from storycheck.clean import clean  # noqa: E402
from storycheck.errors import CleanError  # noqa: E402
from storycheck.model import RawDocument, Source  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
DEV = DATA / "dev" / "trafilatura-eval"
READABILITY = DATA / "dev" / "readability-test-pages"
TEST = DATA / "test" / "article-extraction-benchmark"

Extractor = Callable[[str, str | None], str]


def storycheck_text(html: str, url: str | None) -> str:
    digest = hashlib.sha256(html.encode("utf-8", "replace")).hexdigest()
    raw = RawDocument(id=digest[:16], source=Source(url or "page", "file", "2026-01-01T00:00:00+00:00", digest),
                      content=html, format="html", url=url)
    try:
        article = clean(raw)
    except CleanError:
        return ""
    parts = [article.title or "", article.subtitle or ""] + [h.text for h in article.headings] + [article.body]
    return "\n".join(p for p in parts if p)


def trafilatura_text(html: str, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def _read_gz(path: Path) -> str:
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as fh:
        return fh.read()


def _norm(text: str) -> str:
    return " ".join(text.split())


def eval_snippets(extract: Extractor) -> dict[str, float]:
    """Upstream trafilatura metric: snippet presence, micro over all snippets."""
    data = json.loads((DEV / "evaldata_subset.json").read_text(encoding="utf-8"))
    tp = fn = fp = tn = 0
    t0 = time.perf_counter()
    for key, entry in data.items():
        html = _read_gz(DEV / "html" / (entry["file"]))
        url = key if key.startswith("http") else None
        text = _norm(extract(html, url))
        for snippet in entry.get("with", []):
            if _norm(snippet) in text:
                tp += 1
            else:
                fn += 1
        for snippet in entry.get("without", []):
            if _norm(snippet) in text:
                fp += 1
            else:
                tn += 1
    elapsed = time.perf_counter() - t0
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"pages": len(data), "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "accuracy": (tp + tn) / (tp + tn + fp + fn), "pages_per_s": len(data) / elapsed}


_TOKEN = re.compile(r"\w+", re.UNICODE)


def _shingles(tokens: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(max(len(tokens) - n + 1, 0)))


def eval_gold(extract: Extractor) -> dict[str, float]:
    """Word-level (bag of words) and 4-gram shingle precision/recall/F1, micro-averaged."""
    gold = json.loads((TEST / "ground-truth.json").read_text(encoding="utf-8"))
    sums = {1: [0, 0, 0], 4: [0, 0, 0]}  # n -> [tp, fp, fn]
    t0 = time.perf_counter()
    for stem, entry in gold.items():
        html = _read_gz(TEST / "html" / f"{stem}.html.gz")
        got = _TOKEN.findall(extract(html, entry.get("url")).lower())
        want = _TOKEN.findall(entry["articleBody"].lower())
        for n in sums:
            g, w = _shingles(got, n), _shingles(want, n)
            overlap = sum((g & w).values())
            sums[n][0] += overlap
            sums[n][1] += sum(g.values()) - overlap
            sums[n][2] += sum(w.values()) - overlap
    elapsed = time.perf_counter() - t0
    out: dict[str, float] = {"pages": len(gold), "pages_per_s": len(gold) / elapsed}
    for n, (tp, fp, fn) in sums.items():
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        label = "word" if n == 1 else f"{n}gram"
        out[f"{label}_precision"], out[f"{label}_recall"] = p, r
        out[f"{label}_f1"] = 2 * p * r / (p + r) if p + r else 0.0
    return out


def _article(html: str, url: str | None):  # type: ignore[no-untyped-def]
    digest = hashlib.sha256(html.encode("utf-8", "replace")).hexdigest()
    raw = RawDocument(id=digest[:16], source=Source(url or "page", "file", "2026-01-01T00:00:00+00:00", digest),
                      content=html, format="html", url=url)
    try:
        return clean(raw)
    except CleanError:
        return None


def _same(key: str, got: str, want: str) -> bool:
    """Titles and bylines agree when one contains the other ("By Jane Doe" vs "Jane Doe", "Title | Site")."""
    if key not in {"title", "author"}:
        return got == want
    a, b = _norm(got).lower(), _norm(want).lower()
    return bool(a) and (a in b or b in a)


def eval_readability() -> dict[str, float]:
    """Readability.js test pages (dev): word-level P/R/F1 against the gold HTML's text, and metadata agreement."""
    from lxml import html as lxml_html

    tp = fp = fn = 0
    base = [0, 0, 0]  # trafilatura.extract defaults, same scoring
    meta = {"title": [0, 0], "author": [0, 0], "published": [0, 0], "language": [0, 0]}
    pages = sorted(p for p in READABILITY.iterdir() if (p / "source.html.gz").is_file())
    for page in pages:
        source = _read_gz(page / "source.html.gz")
        article = _article(source, None)
        gold_text = lxml_html.fromstring((page / "expected.html").read_text(encoding="utf-8")).text_content()
        gold = json.loads((page / "expected-metadata.json").read_text(encoding="utf-8"))
        got_text = ""
        if article is not None:
            got_text = "\n".join([article.title or "", *(h.text for h in article.headings), article.body])
        g, w = Counter(_TOKEN.findall(got_text.lower())), Counter(_TOKEN.findall(gold_text.lower()))
        overlap = sum((g & w).values())
        tp, fp, fn = tp + overlap, fp + sum(g.values()) - overlap, fn + sum(w.values()) - overlap
        b = Counter(_TOKEN.findall(trafilatura_text(source, None).lower()))
        b_overlap = sum((b & w).values())
        base[0] += b_overlap
        base[1] += sum(b.values()) - b_overlap
        base[2] += sum(w.values()) - b_overlap
        checks = {
            "title": (gold.get("title"), article.title if article else None),
            "author": (gold.get("byline"), article.author if article else None),
            "published": ((gold.get("publishedTime") or "")[:10] or None,
                          (article.published or "")[:10] or None if article else None),
            "language": ((gold.get("lang") or "")[:2] or None, article.language if article else None),
        }
        for key, (want, got) in checks.items():
            if want:  # score only pages whose gold states the field
                meta[key][1] += 1
                meta[key][0] += int(_same(key, str(got) if got else "", str(want)))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    out: dict[str, float] = {"pages": len(pages), "precision": p, "recall": r, "f1": 2 * p * r / (p + r)}
    bp, br = base[0] / (base[0] + base[1]), base[0] / (base[0] + base[2])
    out |= {"base_precision": bp, "base_recall": br, "base_f1": 2 * bp * br / (bp + br)}
    for key, (ok, n) in meta.items():
        out[f"{key}_ok"], out[f"{key}_n"] = ok, n
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", choices=["dev", "readability", "test", "both"], default="both")
    args = ap.parse_args()
    extractors: dict[str, Extractor] = {
        "storycheck.clean": storycheck_text,
        "trafilatura.extract (defaults)": trafilatura_text,
    }
    if args.set in {"dev", "both"}:
        if not DEV.is_dir():
            print(f"skip dev: {DEV} not found (../shared/data is not beside this checkout)")
        else:
            for name, fn in extractors.items():
                m = eval_snippets(fn)
                print(f"dev trafilatura-eval ({m['pages']} pages) {name}: P {m['precision']:.3f} R {m['recall']:.3f} "
                      f"F1 {m['f1']:.3f} acc {m['accuracy']:.3f} ({m['pages_per_s']:.0f} pages/s)")
    if args.set in {"readability", "both"}:
        if not READABILITY.is_dir():
            print(f"skip readability: {READABILITY} not found")
        else:
            m = eval_readability()
            print(f"dev readability-test-pages ({m['pages']} pages) storycheck.clean: word P {m['precision']:.3f} "
                  f"R {m['recall']:.3f} F1 {m['f1']:.3f}; metadata agreement where the gold states it: "
                  + ", ".join(f"{k} {int(m[k + '_ok'])}/{int(m[k + '_n'])}"
                              for k in ("title", "author", "published", "language")))
            print(f"dev readability-test-pages trafilatura.extract (defaults): word P {m['base_precision']:.3f} "
                  f"R {m['base_recall']:.3f} F1 {m['base_f1']:.3f}")
    if args.set in {"test", "both"}:
        if not TEST.is_dir():
            print(f"skip test: {TEST} not found (../shared/data is not beside this checkout)")
        else:
            for name, fn in extractors.items():
                m = eval_gold(fn)
                print(f"test article-extraction-benchmark ({m['pages']} pages) {name}: "
                      f"word P {m['word_precision']:.3f} R {m['word_recall']:.3f} F1 {m['word_f1']:.3f}; "
                      f"4-gram P {m['4gram_precision']:.3f} R {m['4gram_recall']:.3f} F1 {m['4gram_f1']:.3f} "
                      f"({m['pages_per_s']:.0f} pages/s)")


if __name__ == "__main__":
    main()
