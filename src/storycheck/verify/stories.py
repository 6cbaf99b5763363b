"""Stories: which articles report the same real-world event, and the date that event fixes.

``group_stories`` clusters a batch with average linkage over a mixed score
(``verify.similarity``): TF-IDF and MiniLM embedding cosines say "same topic",
shared people, places and organisations say "same instance", and publication or
explicit dates far apart say "another instance". Two prison escapes share every
topical word; they rarely share the escapee, the prison and the week.

Existing stories are kept as they are: their ids and members never change, new
articles may only join them or start new stories. ``StoryIndex``
(``verify.story_index``) is the streaming version for large stores.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from storycheck.model import Article, Extraction, Story
from storycheck.verify.similarity import (
    DocFeatures,
    Weights,
    capitalised_phrases,
    contrast_within_groups,
    entity_weights,
    explicit_dates,
    lead_text,
    similarity_matrix,
    tokens,
    years_in,
)

if TYPE_CHECKING:
    import numpy as np

    from storycheck.settings import Settings

__all__ = [
    "article_features",
    "default_weights",
    "group_scores",
    "group_stories",
    "story_anchor",
    "story_id",
    "story_title",
    "text_features",
]

_YEAR_IN_TEXT = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")


def story_id(first_article: str) -> str:
    """Deterministic id: the same first article always names the same story."""
    return "s-" + hashlib.sha1(first_article.encode("utf-8")).hexdigest()[:12]


def _iso_day(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def article_features(
    articles: Sequence[Article],
    extractions: Mapping[str, Extraction],
    *,
    embedding_model: str = "bundled",
) -> list[DocFeatures]:
    """Features of each article, from its text and the claims stage's entities and dates.

    Falls back to capitalised phrases only for an article the claims stage left
    without any entity, so one bad extraction does not make it invisible.
    """
    from storycheck.verify.embeddings import get_encoder

    feats: list[DocFeatures] = []
    for article in articles:
        extraction = extractions.get(article.id)
        title = article.title or ""
        text = f"{title}\n{title}\n{article.body}" if title else article.body
        named = [(e.canonical or e.text, e.label) for e in extraction.entities] if extraction else []
        if not named:
            named = capitalised_phrases(article.body)
        dates = {d for _, d in explicit_dates(article.body)}
        if extraction:
            dates |= {d for d in _explicit_claim_dates(extraction)}
        feats.append(
            DocFeatures(
                id=article.id,
                terms=Counter(tokens(text)),
                entities=entity_weights(named),
                title=title,
                published=_iso_day(article.published),
                dates=frozenset(dates),
                years=years_in(article.body),
            )
        )
    encoder = get_encoder(embedding_model)
    if encoder is not None and articles:
        vectors = encoder.encode(embedding_texts(articles))
        for feat, vector in zip(feats, vectors, strict=True):
            feat.embedding = vector
    return feats


def embedding_texts(articles: Sequence[Article]) -> list[str]:
    """What ``article_features`` embeds for each article: its headline and lead."""
    return [lead_text(a.title, a.body) for a in articles]


def warm_embeddings(articles: Sequence[Article], *, embedding_model: str) -> None:
    """Embed what grouping these articles will embed, into the encoder's memo.

    The pipeline runs this in a thread while spaCy parses: numpy's matrix products
    and spaCy's parser both release the GIL, so on two cores the MiniLM work (as
    much CPU as the parse on a corpus) mostly disappears from the wall time.
    Same texts in the same order as ``group_stories`` gives ``article_features``,
    so the same batches: the vectors are identical, only computed earlier.
    """
    from storycheck.verify.embeddings import get_encoder

    encoder = get_encoder(embedding_model)
    if encoder is not None:
        encoder.encode(embedding_texts(articles))


def text_features(
    doc_id: str,
    text: str,
    *,
    title: str | None = None,
    published: str | None = None,
    entities: Sequence[tuple[str, str]] | None = None,
    embedding_model: str = "bundled",
) -> DocFeatures:
    """Features of a plain-text document (for ``StoryIndex`` and evaluations without an Extraction).

    ``entities`` are (name, spaCy label) pairs; without them capitalised phrases stand in.
    """
    from storycheck.model import Entity, Source

    article = Article(id=doc_id, source=Source("text", "text", "", ""), body=text, title=title, published=published)
    named = tuple(Entity(name, label, 0, 0, name) for name, label in entities or ())
    extraction = Extraction(doc_id, entities=named) if named else None
    return article_features([article], {doc_id: extraction} if extraction else {}, embedding_model=embedding_model)[0]


def _explicit_claim_dates(extraction: Extraction) -> list[str]:
    out = []
    for claim in extraction.claims:
        for t in claim.times:
            if t.granularity == "day" and t.date_from and _YEAR_IN_TEXT.search(t.text):
                out.append(t.date_from)
    return out


def group_stories(
    articles: Sequence[Article],
    extractions: Mapping[str, Extraction],
    *,
    settings: Settings,
    existing: Sequence[Story] = (),
) -> list[Story]:
    """Group articles into stories; new articles join ``existing`` stories or start new ones.

    Returns every story touched or created plus the untouched existing ones.
    Existing stories keep their id, title and member order (new members are
    appended); an article already in an existing story is never moved.
    """
    from storycheck.verify.clustering import average_linkage

    by_id: dict[str, Article] = {}
    for article in articles:
        by_id.setdefault(article.id, article)
    order = list(by_id)
    claimed: dict[str, str] = {}
    for story in existing:
        for aid in story.articles:
            claimed.setdefault(aid, story.id)
    new_ids = [aid for aid in order if aid not in claimed]
    if not new_ids:
        return list(existing)

    # each existing story is represented by its members present here, or by its title alone
    docs_articles = list(by_id.values())
    pseudo: list[Article] = []
    locked: list[list[int]] = []
    locked_story: list[Story] = []
    index_of = {aid: i for i, aid in enumerate(order)}
    for story in existing:
        members = [index_of[aid] for aid in story.articles if aid in index_of]
        if not members and story.title:
            members = [len(order) + len(pseudo)]
            pseudo.append(_title_article(story))
        if members:
            locked.append(members)
            locked_story.append(story)
    model = str(settings.embedding_model)
    if len(docs_articles) + len(pseudo) < 2:
        # a lone document has nothing to be grouped with: check the setting, but skip
        # loading the encoder (a third of a second of a one-article cold start)
        from storycheck.verify.embeddings import resolve_model_dir

        resolve_model_dir(model)
        model = "none"
    feats = article_features(docs_articles + pseudo, extractions, embedding_model=model)
    embedded = feats[0].embedding is not None
    score = group_scores(feats, weights=default_weights(embeddings=embedded))
    threshold = _threshold(settings, embeddings=embedded)
    groups = average_linkage(score, threshold=threshold, locked=locked)

    story_of_group: dict[int, Story] = {}
    for g, members in enumerate(groups):
        for s, lock in enumerate(locked):
            if lock[0] in members:
                story_of_group[g] = locked_story[s]
    result: dict[str, Story] = {}
    for g, members in enumerate(groups):
        new_members = [i for i in members if i < len(order) and order[i] in new_ids]
        if g in story_of_group:
            old = story_of_group[g]
            added = _stable_order([by_id[order[i]] for i in new_members])
            result[old.id] = Story(old.id, old.title, old.articles + tuple(a.id for a in added), old.event_date)
            continue
        ordered = _stable_order([by_id[order[i]] for i in new_members])
        if not ordered:
            continue
        title = story_title(ordered, [feats[index_of[a.id]] for a in ordered], score, [index_of[a.id] for a in ordered])
        sid = story_id(ordered[0].id)
        result[sid] = Story(sid, title, tuple(a.id for a in ordered), None)
    out: list[Story] = []
    for story in existing:
        out.append(result.pop(story.id, story))
    out.extend(sorted(result.values(), key=lambda s: s.articles[0]))
    return out


def group_scores(feats: Sequence[DocFeatures], *, weights: Weights = Weights()) -> np.ndarray:
    """Pairwise scores, sharpened inside coarse same-kind groups (see ``contrast_within_groups``)."""
    from storycheck.verify.clustering import average_linkage

    score = similarity_matrix(feats, weights=weights)
    if weights.contrast <= 0:
        return score
    coarse = average_linkage(score, threshold=weights.contrast_threshold)
    return contrast_within_groups(score, feats, coarse, weights=weights)


def _title_article(story: Story) -> Article:
    from storycheck.model import Source

    return Article(id=f"story:{story.id}", source=Source("story", "story", "", ""), body=story.title, title=story.title)


def default_weights(*, embeddings: bool) -> Weights:
    """The weights tuned on ECB+ dev; without embeddings the within-group contrast did not help there."""
    return Weights() if embeddings else Weights(contrast=0.0)


def _threshold(settings: Settings, *, embeddings: bool) -> float:
    # lexical and entity cosines run lower than embedding cosines, so the
    # no-embedding mode needs its own, lower cut
    if embeddings:
        return float(settings.story_threshold)
    return float(settings.story_threshold_no_embeddings)


def _stable_order(articles: Sequence[Article]) -> list[Article]:
    """Oldest first (undated last), then by id, so the first article and the id never depend on input order."""
    return sorted(articles, key=lambda a: (_iso_day(a.published) or "9999", a.id))


def story_title(
    articles: Sequence[Article], feats: Sequence[DocFeatures], score: np.ndarray, rows: Sequence[int]
) -> str:
    """The headline of the most central report (highest mean score to the others), else top entities."""
    best: tuple[float, float, str] | None = None
    for article, row in zip(articles, rows, strict=True):
        if not article.title:
            continue
        others = [r for r in rows if r != row]
        centrality = float(score[row, others].mean()) if others else 0.0
        is_report = 1.0 if article.status == "report" else 0.0
        key = (is_report, centrality, article.title)
        if best is None or key[:2] > best[:2]:
            best = key
    if best is not None:
        return best[2]
    totals: Counter[str] = Counter()
    for feat in feats:
        totals.update(feat.entities)
    names = [name for name, _ in totals.most_common(3)]
    if names:
        return ", ".join(n.title() if n.islower() else n for n in names)
    return (articles[0].body.split("\n", 1)[0][:80]).strip() or articles[0].id


def story_anchor(
    story: Story, articles: Mapping[str, Article], extractions: Mapping[str, Extraction]
) -> str | None:
    """The ISO date the story fixes, to resolve relative times in articles without a publication date.

    The latest publication date among the members (reports first: a preview's
    date precedes the event); else the full date (day, month, year) the members'
    claims name most often, a date in a report's lead sentences counting double;
    else None.
    """
    members = [articles[aid] for aid in story.articles if aid in articles]
    dated = [(a.status == "report", d) for a in members if (d := _iso_day(a.published))]
    if dated:
        reports = [d for is_report, d in dated if is_report]
        return max(reports) if reports else max(d for _, d in dated)

    support: dict[str, float] = defaultdict(float)
    for article in members:
        extraction = extractions.get(article.id)
        if extraction is None:
            continue
        lead_end = _lead_end(article)
        per_article: dict[str, float] = {}
        for claim in extraction.claims:
            for t in claim.times:
                if t.granularity != "day" or not t.date_from:
                    continue
                if not (_YEAR_IN_TEXT.search(t.text) or t.anchor_source == "published"):
                    continue
                weight = 2.0 if (article.status == "report" and t.start < lead_end) else 1.0
                per_article[t.date_from] = max(per_article.get(t.date_from, 0.0), weight)
        for day, weight in per_article.items():
            support[day] += weight
    if not support:
        return None
    # most supported; ties go to the later date (the event reported, not the background)
    return max(support.items(), key=lambda kv: (kv[1], kv[0]))[0]


def _lead_end(article: Article) -> int:
    """End offset of the lead: the first paragraph, or the first 400 characters when paragraphs are long."""
    first = article.body.find("\n\n")
    if 0 < first <= 600:
        return first
    return min(len(article.body), 400)
