"""Independent sources: a wire story reprinted ten times is one source, not ten.

Two articles count as one source when they come from the same outlet, or when
their bodies are near-duplicates: the Jaccard similarity of their word 5-shingles is
at least ``threshold`` (syndicated copies with a different headline and furniture),
or nearly all of the shorter one is contained in the longer (a trimmed reprint).

Stories are small (tens of articles), so exact shingle sets are compared pairwise;
above a few hundred articles MinHash LSH (datasketch) finds the candidate pairs.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

from storycheck.model import Article

SHINGLE = 5
_TOKEN = re.compile(r"\w+")
# containment counts a trimmed reprint as a copy, but only for texts long enough
# that sharing nearly all their shingles cannot be chance
MIN_SHINGLES_FOR_CONTAINMENT = 40
CONTAINMENT = 0.9
LSH_ABOVE = 300


def outlet_key(article: Article) -> str | None:
    """The outlet an article comes from: its name when known, else its web host."""
    if article.outlet:
        name = re.sub(r"[^a-z0-9]+", " ", article.outlet.lower()).strip()
        name = re.sub(r"^the ", "", name)
        if name:
            return name
    if article.url:
        host = urlsplit(article.url).hostname or ""
        host = re.sub(r"^(?:www|m|amp|edition)\.", "", host.lower())
        return host or None
    return None


def shingles(text: str, *, size: int = SHINGLE) -> set[int]:
    """Word ``size``-grams as CRC32s: stable across runs (``hash()`` is salted per process)."""
    # numbers count: two texts that differ only in their figures are not copies
    toks = _TOKEN.findall(text.lower())
    if len(toks) < size:
        return {zlib.crc32(" ".join(toks).encode())} if toks else set()
    return {zlib.crc32(" ".join(toks[i : i + size]).encode()) for i in range(len(toks) - size + 1)}


def _copy(a: set[int], b: set[int], threshold: float) -> bool:
    if not a or not b:
        return False
    inter = len(a & b)
    if inter / len(a | b) >= threshold:
        return True
    small = min(len(a), len(b))
    return small >= MIN_SHINGLES_FOR_CONTAINMENT and inter / small >= CONTAINMENT


def independent_groups(
    articles: Mapping[str, Article] | Iterable[Article], *, threshold: float = 0.8
) -> list[tuple[str, ...]]:
    """Articles grouped by independent source; each group sorted, groups sorted by first id."""
    items = list(articles.values()) if isinstance(articles, Mapping) else list(articles)
    items.sort(key=lambda a: a.id)
    parent = {a.id: a.id for a in items}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: str, y: str) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)

    by_outlet: dict[str, str] = {}
    for art in items:
        key = outlet_key(art)
        if key is None:
            continue
        if key in by_outlet:
            union(by_outlet[key], art.id)
        else:
            by_outlet[key] = art.id
    sets = {a.id: shingles(a.body) for a in items}
    for x, y in _candidate_pairs(items, sets, threshold):
        if find(x) != find(y) and _copy(sets[x], sets[y], threshold):
            union(x, y)
    groups: dict[str, list[str]] = {}
    for art in items:
        groups.setdefault(find(art.id), []).append(art.id)
    return sorted((tuple(sorted(g)) for g in groups.values()), key=lambda g: g[0])


def _candidate_pairs(items: list[Article], sets: Mapping[str, set[int]], threshold: float) -> list[tuple[str, str]]:
    if len(items) <= LSH_ABOVE:
        return [(a.id, b.id) for i, a in enumerate(items) for b in items[i + 1 :]]
    from datasketch import MinHash, MinHashLSH  # heavy import (~1 s): only for large batches

    lsh = MinHashLSH(threshold=min(threshold, CONTAINMENT) * 0.8, num_perm=128)
    hashes: dict[str, MinHash] = {}
    for art in items:
        mh = MinHash(num_perm=128)
        for s in sets[art.id]:
            mh.update(s.to_bytes(4, "little"))
        hashes[art.id] = mh
        lsh.insert(art.id, mh)
    pairs: set[tuple[str, str]] = set()
    for art in items:
        for other in lsh.query(hashes[art.id]):
            if other != art.id:
                pairs.add((min(art.id, other), max(art.id, other)))
    return sorted(pairs)


def merged_groups(groups: Iterable[tuple[str, ...]], among: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    """The groups with two or more of ``among``: what a finding counted as one source."""
    wanted = set(among)
    out = []
    for g in groups:
        inside = tuple(a for a in g if a in wanted)
        if len(inside) > 1:
            out.append(inside)
    return tuple(out)
