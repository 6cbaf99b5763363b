"""Streaming story grouping: file one document at a time into a growing set of stories.

The watcher sees articles one by one and a store may hold tens of thousands, so
regrouping everything per article is out. ``StoryIndex`` keeps, per story, the
sum of its members' unit vectors (TF-IDF, entities, embedding): the dot product
of a new document with that sum divided by the story size is exactly the
average-linkage score of the batch path, at the cost of one dot product.
Candidates come from a numpy nearest-centroid search over embeddings plus an
inverted index of entities and rare words, so no step scans all pairs.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storycheck.verify.similarity import DocFeatures, Weights, pair_date_penalty
from storycheck.verify.stories import story_id

if TYPE_CHECKING:
    import numpy as np

_KEY_TERMS = 12  # rarest words of a document put in the inverted index
_MAX_POSTING = 2000  # a word or name filed in more stories than this is too common to find candidates by


@dataclass(slots=True)
class _Story:
    id: str
    members: list[DocFeatures] = field(default_factory=list)
    terms: dict[str, float] = field(default_factory=dict)
    entities: dict[str, float] = field(default_factory=dict)


class StoryIndex:
    """Online average-linkage grouping: ``add(features) -> story id``, well under a second at 10,000 stories."""

    def __init__(self, *, threshold: float, weights: Weights = Weights(), candidates: int = 30) -> None:
        self.threshold = threshold
        self.weights = weights
        self.candidates = candidates
        self._stories: list[_Story] = []
        self._story_of: dict[str, int] = {}
        self._term_df: Counter[str] = Counter()
        self._entity_df: Counter[str] = Counter()
        self._docs = 0
        self._postings: dict[str, set[int]] = {}
        self._emb: np.ndarray | None = None  # rows: sum of member embeddings per story
        self._sizes: list[int] = []

    def __len__(self) -> int:
        return len(self._stories)

    @property
    def stories(self) -> dict[str, list[str]]:
        """Story id -> member document ids, in the order they were added."""
        return {s.id: [m.id for m in s.members] for s in self._stories}

    def story_of(self, doc_id: str) -> str | None:
        index = self._story_of.get(doc_id)
        return None if index is None else self._stories[index].id

    def add(self, doc: DocFeatures) -> str:
        """File ``doc`` into the best-scoring story, or a new one when none reaches the threshold."""
        if doc.id in self._story_of:
            return self._stories[self._story_of[doc.id]].id
        self._docs += 1
        self._term_df.update(doc.terms.keys())
        self._entity_df.update(doc.entities.keys())
        term_vec = self._unit(doc.terms, self._term_df, sublinear=True)
        entity_vec = self._unit(doc.entities, self._entity_df, sublinear=False)
        best, best_score = -1, -math.inf
        for index in self._candidates(doc, term_vec):
            value = self._score(index, doc, term_vec, entity_vec)
            if value > best_score:
                best, best_score = index, value
        if best < 0 or best_score < self.threshold:
            best = self._new_story(doc)
        self._join(best, doc, term_vec, entity_vec)
        return self._stories[best].id

    # -- internals -----------------------------------------------------------

    def _unit(self, bag: Mapping[str, float], df: Counter[str], *, sublinear: bool) -> dict[str, float]:
        n = self._docs
        vec: dict[str, float] = {}
        for key, value in bag.items():
            if value <= 0:
                continue
            w = (1.0 + math.log(value)) if sublinear else value
            vec[key] = w * (math.log((1 + n) / (1 + df[key])) + 1.0)
        norm = math.sqrt(sum(v * v for v in vec.values()))
        return {k: v / norm for k, v in vec.items()} if norm > 0 else {}

    def _candidates(self, doc: DocFeatures, term_vec: Mapping[str, float]) -> set[int]:
        import numpy as np

        found: set[int] = set()
        if self._emb is not None and doc.embedding is not None and self._stories:
            k = len(self._stories)
            sims = (self._emb[:k] @ doc.embedding) / np.asarray(self._sizes, dtype=np.float32)
            top = min(self.candidates, k)
            found.update(int(i) for i in np.argpartition(-sims, top - 1)[:top])
        keys = [f"e:{e}" for e in doc.entities] + [f"t:{t}" for t in self._key_terms(term_vec)]
        hits: Counter[int] = Counter()
        for key in keys:
            posting = self._postings.get(key)
            if posting and len(posting) <= _MAX_POSTING:
                hits.update(posting)
        found.update(i for i, _ in hits.most_common(self.candidates))
        return found

    @staticmethod
    def _key_terms(term_vec: Mapping[str, float]) -> list[str]:
        return [t for t, _ in sorted(term_vec.items(), key=lambda kv: -kv[1])[:_KEY_TERMS]]

    def _score(self, index: int, doc: DocFeatures, term_vec: Mapping[str, float], entity_vec: Mapping[str, float]) -> float:
        story = self._stories[index]
        size = len(story.members)
        w = self.weights
        lexical = sum(v * story.terms.get(t, 0.0) for t, v in term_vec.items()) / size
        entity = sum(v * story.entities.get(e, 0.0) for e, v in entity_vec.items()) / size
        if self._emb is not None and doc.embedding is not None:
            semantic = float(self._emb[index] @ doc.embedding) / size
            total = (w.lexical * lexical + w.embedding * semantic + w.entity * entity) / (w.lexical + w.embedding + w.entity)
        else:
            total = (w.lexical * lexical + w.entity * entity) / (w.lexical + w.entity)
        penalty = sum(pair_date_penalty(doc, m, w) for m in story.members) / size
        return total - penalty

    def _new_story(self, doc: DocFeatures) -> int:
        import numpy as np

        index = len(self._stories)
        self._stories.append(_Story(story_id(doc.id)))
        self._sizes.append(0)
        if doc.embedding is not None:
            dim = doc.embedding.shape[0]
            if self._emb is None:
                self._emb = np.zeros((max(64, 2 * (index + 1)), dim), dtype=np.float32)
            elif index >= self._emb.shape[0]:
                grown = np.zeros((2 * (index + 1), dim), dtype=np.float32)
                grown[: self._emb.shape[0]] = self._emb
                self._emb = grown
        return index

    def _join(self, index: int, doc: DocFeatures, term_vec: Mapping[str, float], entity_vec: Mapping[str, float]) -> None:
        story = self._stories[index]
        story.members.append(doc)
        self._sizes[index] += 1
        self._story_of[doc.id] = index
        for t, v in term_vec.items():
            story.terms[t] = story.terms.get(t, 0.0) + v
        for e, v in entity_vec.items():
            story.entities[e] = story.entities.get(e, 0.0) + v
        if self._emb is not None and doc.embedding is not None:
            self._emb[index] += doc.embedding
        for key in [f"e:{e}" for e in doc.entities] + [f"t:{t}" for t in self._key_terms(term_vec)]:
            self._postings.setdefault(key, set()).add(index)
