"""Embeddings remembered across the watcher's filings.

Each new article is grouped against a sample of its candidate stories' members,
and ``group_stories`` embeds every article it is given. Those members' texts do
not change between filings, so the watcher wraps the process's shared encoder
with a bounded memo (text -> vector): a story's members are embedded once per
process, not once per article that joins them. Vectors are a pure function of
the text, so the memo never changes a result.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from storycheck.errors import MissingDependencyError

_MARK = "_storycheck_watch_memo"


def memoise_encoder(setting: str, *, size: int = 4096) -> bool:
    """Wrap the encoder ``get_encoder(setting)`` returns; False when there is none ('none', missing model)."""
    from storycheck.verify.embeddings import get_encoder

    try:
        encoder = get_encoder(setting)
    except MissingDependencyError:
        return False  # grouping reports it (or falls back) itself
    if encoder is None:
        return False
    if getattr(encoder, _MARK, False):
        return True
    original = encoder.encode
    memo: OrderedDict[str, Any] = OrderedDict()

    def encode(texts: Sequence[str], *, batch_size: int = 32) -> Any:
        import numpy as np

        if not texts:
            return original(texts, batch_size=batch_size)
        missing = [t for t in dict.fromkeys(texts) if t not in memo]
        if missing:
            for text, vector in zip(missing, original(missing, batch_size=batch_size), strict=True):
                memo[text] = vector
        for text in texts:
            memo.move_to_end(text)
        vectors = np.stack([memo[t] for t in texts])
        while len(memo) > size:
            memo.popitem(last=False)
        return vectors

    encoder.encode = encode  # type: ignore[method-assign]
    setattr(encoder, _MARK, True)
    return True
