"""Average-linkage agglomerative clustering over a score matrix, with groups that must stay apart.

Average linkage (UPGMA) is the classic choice for grouping news into events:
single linkage chains unrelated stories through one broad article, complete
linkage splits a story as soon as two of its reports share little wording.
Existing stories enter as "locked" groups: new articles may join them, but two
existing stories are never merged, so their ids stay meaningful.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np


def average_linkage(
    score: np.ndarray, *, threshold: float, locked: Sequence[Sequence[int]] = ()
) -> list[list[int]]:
    """Merge the two closest groups while their mean pairwise score is at least ``threshold``.

    ``locked`` lists index groups that start merged and may not merge with one
    another. Returns groups of indices; every index appears exactly once.
    O(n^2) memory and O(n^3) worst-case time in numpy: fine for the few thousand
    articles of one batch (the watcher uses ``StoryIndex`` instead).
    """
    import numpy as np

    n = score.shape[0]
    if n == 0:
        return []
    member_of = [-1] * n
    groups: list[list[int]] = []
    is_locked: list[bool] = []
    for group in locked:
        members = [i for i in group if 0 <= i < n and member_of[i] < 0]
        if not members:
            continue
        for i in members:
            member_of[i] = len(groups)
        groups.append(members)
        is_locked.append(True)
    for i in range(n):
        if member_of[i] < 0:
            member_of[i] = len(groups)
            groups.append([i])
            is_locked.append(False)
    k = len(groups)
    # sums[a, b] = total pairwise score between groups a and b
    onehot = np.zeros((k, n), dtype=np.float64)
    for g, members in enumerate(groups):
        onehot[g, members] = 1.0
    sums = onehot @ score.astype(np.float64) @ onehot.T
    sizes = onehot.sum(axis=1)
    locked_mask = np.array(is_locked)
    avg = sums / np.outer(sizes, sizes)
    np.fill_diagonal(avg, -np.inf)
    avg[np.ix_(locked_mask, locked_mask)] = -np.inf
    alive = np.ones(k, dtype=bool)
    while True:
        flat = int(np.argmax(avg))
        a, b = divmod(flat, k)
        if not avg[a, b] >= threshold:
            break
        if locked_mask[b] and not locked_mask[a]:
            a, b = b, a  # keep the locked group's slot so its identity survives
        sums[a, :] += sums[b, :]
        sums[:, a] += sums[:, b]
        sizes[a] += sizes[b]
        groups[a].extend(groups[b])
        groups[b] = []
        alive[b] = False
        locked_mask[a] = locked_mask[a] or locked_mask[b]
        row = sums[a, :] / (sizes[a] * sizes)
        row[~alive] = -np.inf
        row[a] = -np.inf
        if locked_mask[a]:
            row[locked_mask] = -np.inf
        avg[a, :] = row
        avg[:, a] = row
        avg[b, :] = -np.inf
        avg[:, b] = -np.inf
    return [g for g, live in zip(groups, alive, strict=True) if live]
