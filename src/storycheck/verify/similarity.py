"""How alike two news documents are: lexical TF-IDF, named entities, dates and sentence embeddings.

Each signal alone fails on the case that matters most: two reports of the same
KIND of event (two prison escapes, two earthquakes). Their vocabulary and their
embeddings are close; what differs is who, where and when. So the score mixes
a topical similarity (TF-IDF and embedding cosine) with entity overlap, and
lets explicit dates and publication dates that are far apart pull it down.

Everything here works on plain ``DocFeatures`` so the evaluation scripts (raw
text) and the pipeline (``Article`` + ``Extraction``) share one code path.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

# Entities that name who and where tell events apart; dates and numbers are handled separately.
ENTITY_LABEL_WEIGHTS: Mapping[str, float] = {
    "PERSON": 1.5,
    "ORG": 1.0,
    "GPE": 1.2,
    "LOC": 1.2,
    "FAC": 1.2,
    "NORP": 0.5,
    "EVENT": 1.0,
    "PRODUCT": 0.6,
    "WORK_OF_ART": 0.6,
    "LAW": 0.6,
    "PROPER": 0.8,  # capitalised-phrase proxy used when no NER ran
}

_STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves said says say told according one two new also would could
    may might must shall us mr mrs ms dr st yesterday today tomorrow week year years day days time
    monday tuesday wednesday thursday friday saturday sunday""".split()
)

_WORD = re.compile(r"[a-z][a-z'’\-]*[a-z]|[a-z]|\d+(?:[.,]\d+)?")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")


def tokens(text: str) -> list[str]:
    """Lower-cased content words and numbers, light plural folding; no stemmer dependency."""
    out: list[str] = []
    for tok in _WORD.findall(text.lower()):
        tok = tok.replace("’", "'").removesuffix("'s").strip("'-")
        if not tok or tok in _STOPWORDS or (len(tok) < 2 and not tok.isdigit()):
            continue
        if len(tok) > 4 and tok.endswith("ies"):
            tok = tok[:-3] + "y"
        elif len(tok) > 3 and tok.endswith("s") and not tok.endswith(("ss", "us", "is")):
            tok = tok[:-1]
        out.append(tok)
    return out


def normalise_entity(name: str) -> str:
    """The key an entity is compared by: lower case, no leading 'the', no possessive."""
    key = re.sub(r"\s+", " ", name.strip().lower().replace("’", "'"))
    key = key.removeprefix("the ").removesuffix("'s").strip(" .,'\"")
    return key


@dataclass(slots=True)
class DocFeatures:
    """What story grouping knows about one document.

    ``terms`` are raw term counts (IDF is applied later, against whatever corpus
    the document is compared in); ``entities`` map a normalised name to a weight
    that already includes the label weight and how often the name occurs.
    """

    id: str
    terms: Counter[str]
    entities: dict[str, float]
    title: str = ""
    published: str | None = None  # ISO date (day) the document was published
    dates: frozenset[str] = frozenset()  # explicit ISO days the text names
    years: frozenset[int] = frozenset()  # four-digit years the text names
    embedding: np.ndarray | None = None
    extra: dict[str, object] = field(default_factory=dict)


def entity_weights(entities: Iterable[tuple[str, str]]) -> dict[str, float]:
    """(name, label) pairs -> normalised name -> weight; repeated mentions count, with diminishing returns."""
    counts: Counter[str] = Counter()
    labels: dict[str, float] = {}
    for name, label in entities:
        key = normalise_entity(name)
        if len(key) < 2 or key in _STOPWORDS:
            continue
        counts[key] += 1
        labels[key] = max(labels.get(key, 0.0), ENTITY_LABEL_WEIGHTS.get(label, 0.0))
    return {k: labels[k] * (1.0 + math.log(c)) for k, c in counts.items() if labels[k] > 0}


def years_in(text: str) -> frozenset[int]:
    return frozenset(int(y) for y in _YEAR.findall(text))


_PROPER = re.compile(r"\b(?:[A-Z][a-zA-Z'’\-]+|[A-Z]\.)(?:\s+(?:of\s+|de\s+|the\s+)?(?:[A-Z][a-zA-Z'’\-]+|[A-Z]\.))*")


def capitalised_phrases(text: str) -> list[tuple[str, str]]:
    """A no-NER entity proxy: runs of capitalised words not at a sentence start (label "PROPER")."""
    found: list[tuple[str, str]] = []
    for m in _PROPER.finditer(text):
        start = m.start()
        before = text[max(0, start - 2) : start]
        phrase = m.group(0)
        words = phrase.split()
        if start == 0 or before.endswith((". ", "\n", '"', "? ", "! ")) or before.strip() == "":
            # sentence-initial: drop the first word unless the phrase is longer
            if len(words) == 1:
                continue
        if phrase.lower() in _STOPWORDS:
            continue
        found.append((phrase, "PROPER"))
    return found


@dataclass(frozen=True, slots=True)
class Weights:
    """How the signals combine; defaults were chosen on the ECB+ dev topics (bench/eval_stories.py)."""

    lexical: float = 0.25
    embedding: float = 0.25
    entity: float = 0.5
    date_gap_days: float = 7.0  # publication dates further apart than this start to count against
    date_penalty: float = 0.25  # the most that far-apart dates subtract
    year_penalty: float = 0.2  # subtracted when the years the two texts name do not meet
    contrast_threshold: float = 0.15  # coarse cut that finds groups of same-kind documents
    contrast: float = 1.0  # weight of the within-group (local IDF, centred embedding) score
    contrast_min_group: int = 4  # smaller coarse groups are left as they are


def _sparse_matrix(bags: Sequence[Mapping[str, float]], idf: Mapping[str, float], *, sublinear: bool) -> np.ndarray:
    """Rows of L2-normalised weighted bags over the features two or more rows share.

    Features seen in a single row add nothing to any cross-row dot product, so
    only their share of the norm is kept; that keeps the dense matrix narrow.
    """
    import numpy as np

    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    shared = {t: i for i, t in enumerate(sorted(t for t, n in df.items() if n >= 2))}
    mat = np.zeros((len(bags), max(1, len(shared))), dtype=np.float32)
    for row, bag in enumerate(bags):
        norm2 = 0.0
        for term, value in bag.items():
            w = (1.0 + math.log(value)) if sublinear and value > 0 else value
            w *= idf.get(term, 1.0)
            norm2 += w * w
            col = shared.get(term)
            if col is not None:
                mat[row, col] = w
        if norm2 > 0:
            mat[row] /= math.sqrt(norm2)
    return mat


def idf_table(bags: Sequence[Mapping[str, float]], *, background: Mapping[str, int] | None = None,
              background_docs: int = 0) -> dict[str, float]:
    """Smoothed IDF over the documents compared (plus an optional background count table)."""
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    if background:
        for term in df:
            df[term] += background.get(term, 0)
    n = len(bags) + background_docs
    return {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}


def day_gap(a: str | None, b: str | None) -> float | None:
    """Days between two ISO dates (or datetimes); None when either is missing or malformed."""
    if not a or not b:
        return None
    import datetime as dt

    try:
        da = dt.date.fromisoformat(a[:10])
        db = dt.date.fromisoformat(b[:10])
    except ValueError:
        return None
    return abs((da - db).days)


def similarity_matrix(docs: Sequence[DocFeatures], *, weights: Weights = Weights()) -> np.ndarray:
    """Pairwise scores in [~-0.4, 1] for a batch of documents (the diagonal is 1)."""
    import numpy as np

    n = len(docs)
    term_bags = [d.terms for d in docs]
    lex = _sparse_matrix(term_bags, idf_table(term_bags), sublinear=True)
    lexical = lex @ lex.T
    ent_bags = [d.entities for d in docs]
    ent = _sparse_matrix(ent_bags, idf_table(ent_bags), sublinear=False)
    entity = ent @ ent.T
    have_emb = [d.embedding is not None for d in docs]
    if all(have_emb) and n:
        emb = np.stack([d.embedding for d in docs])  # type: ignore[misc]
        semantic = emb @ emb.T
        score = weights.lexical * lexical + weights.embedding * semantic + weights.entity * entity
        score /= weights.lexical + weights.embedding + weights.entity
    else:
        score = (weights.lexical * lexical + weights.entity * entity) / (weights.lexical + weights.entity)
    score -= _date_penalties(docs, weights)
    np.fill_diagonal(score, 1.0)
    return score


def contrast_within_groups(
    score: np.ndarray, docs: Sequence[DocFeatures], groups: Sequence[Sequence[int]], *, weights: Weights = Weights()
) -> np.ndarray:
    """Sharpen scores inside each coarse group by what sets its members apart from one another.

    Within a group of same-kind reports (every article says "escape", "inmates",
    "prison"), IDF computed over the group alone gives the shared topic words no
    weight, and subtracting the group's mean embedding removes the shared topic
    direction: what is left is who, where and which details. The centred local
    score is added to the global one, so a group that really is one event (local
    scores near their mean everywhere) keeps its global cohesion.
    """
    import numpy as np

    out = score.copy()
    for group in groups:
        rows = list(group)
        if len(rows) < weights.contrast_min_group:
            continue
        members = [docs[i] for i in rows]
        term_bags = [d.terms for d in members]
        lex = _sparse_matrix(term_bags, idf_table(term_bags), sublinear=True)
        ent_bags = [d.entities for d in members]
        ent = _sparse_matrix(ent_bags, idf_table(ent_bags), sublinear=False)
        local = weights.lexical * (lex @ lex.T) + weights.entity * (ent @ ent.T)
        total = weights.lexical + weights.entity
        if all(d.embedding is not None for d in members):
            emb = np.stack([d.embedding for d in members])  # type: ignore[misc]
            emb = emb - emb.mean(axis=0)
            emb /= np.clip(np.linalg.norm(emb, axis=1, keepdims=True), 1e-9, None)
            local = local + weights.embedding * (emb @ emb.T)
            total += weights.embedding
        local = local / total
        np.fill_diagonal(local, 0.0)
        out[np.ix_(rows, rows)] += weights.contrast * (local - local.mean())
    np.fill_diagonal(out, 1.0)
    return out


def lead_text(title: str | None, body: str, *, max_chars: int = 600) -> str:
    """Headline and opening sentences: what the article is about, before the background drifts in."""
    text = f"{title}. {body}" if title else body
    if len(text) <= max_chars:
        return text
    cut = text[:max_chars]
    end = max(cut.rfind(". "), cut.rfind("\n"))
    return cut[: end + 1] if end > max_chars // 2 else cut


def _date_penalties(docs: Sequence[DocFeatures], weights: Weights) -> np.ndarray:
    """``pair_date_penalty`` for every pair at once.

    Vectorised because the pair loop was the slowest quadratic step of grouping
    (half a million Python calls per thousand articles); the arithmetic is the same,
    in float64, so every entry equals the scalar function's.
    """
    import datetime as dt

    import numpy as np

    n = len(docs)
    days = np.full(n, np.nan)
    for i, doc in enumerate(docs):
        if doc.published:
            try:
                days[i] = dt.date.fromisoformat(doc.published[:10]).toordinal()
            except ValueError:
                pass
    gap = np.abs(days[:, None] - days[None, :])  # NaN where either date is missing
    with np.errstate(invalid="ignore"):
        far = gap > weights.date_gap_days
    pen = np.where(far, weights.date_penalty * np.minimum(1.0, (gap - weights.date_gap_days) / 60.0), 0.0)
    year_index: dict[int, int] = {}
    for doc in docs:
        for year in doc.years:
            year_index.setdefault(year, len(year_index))
    if year_index:
        named = np.zeros((n, len(year_index)), dtype=np.float32)
        for i, doc in enumerate(docs):
            named[i, [year_index[y] for y in doc.years]] = 1.0
        has = named.any(axis=1)
        disjoint = has[:, None] & has[None, :] & ((named @ named.T) == 0)
        pen = np.where(~far & disjoint, pen + weights.year_penalty, pen)
    np.fill_diagonal(pen, 0.0)
    return pen.astype(np.float32)


def pair_date_penalty(a: DocFeatures, b: DocFeatures, weights: Weights) -> float:
    """How much the dates say two documents are about different events (0 = no evidence)."""
    penalty = 0.0
    gap = day_gap(a.published, b.published)
    if gap is not None and gap > weights.date_gap_days:
        # a story runs for days or weeks; months apart is a different instance
        penalty += weights.date_penalty * min(1.0, (gap - weights.date_gap_days) / 60.0)
    elif a.years and b.years and not (a.years & b.years):
        penalty += weights.year_penalty
    return penalty


_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_PATTERNS = (
    # March 4, 2009 / Mar. 4 2009 / December 15th, 2008
    re.compile(rf"\b(?P<mon>{_MONTH_RE})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    # 4 March 2009 / Tuesday 28 April 2009
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MONTH_RE})\.?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    # 2009-03-04
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),
)


def explicit_dates(text: str) -> list[tuple[int, str]]:
    """Full calendar dates written out in the text, as (offset, ISO date), in text order.

    Only dates with day, month and year count: they fix one day without any
    anchor, so two documents naming far-apart days are about different events.
    """
    import datetime as dt

    found: list[tuple[int, str]] = []
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            parts = m.groupdict()
            month = int(parts["month"]) if parts.get("month") else _MONTHS[parts["mon"].lower().rstrip(".")]
            try:
                day = dt.date(int(parts["year"]), month, int(parts["day"]))
            except ValueError:
                continue
            found.append((m.start(), day.isoformat()))
    found.sort()
    return found
