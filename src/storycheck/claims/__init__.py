"""Claims: sentences, entities, times, quantities and quotes, each with its exact span.

Entry points: ``extract_claims(articles, *, settings) -> list[Extraction]`` and
``resolve_times(extraction, article, *, anchor, anchor_source) -> Extraction``.

spaCy is imported only inside these functions (``import storycheck`` stays fast)
and the pipeline is loaded once per process (see ``claims.nlp``).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from storycheck.claims.compare_values import intervals_overlap, quantities_compatible
from storycheck.model import Article, Claim, Extraction, Quantity, Quote, TimeExpression
from storycheck.settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["article_anchor", "extract_claims", "extract_from_doc", "intervals_overlap", "quantities_compatible",
           "resolve_times"]

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_FULL_DATE = re.compile(
    rf"\b(?:(?P<m1>{_MONTHS}|(?:{_MONTH_ABBR})\.?)\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTHS})\s+(?P<y2>\d{{4}})"
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))\b"
)


def article_anchor(article: Article) -> tuple[_dt.date | None, str | None]:
    """The date relative times in ``article`` are resolved against, and where it came from.

    The publication date when the article has one; otherwise the first full date
    the body spells out ("February 3, 2026"), which for undated pages is the best
    evidence of when it was written; otherwise none (the story anchor comes later).
    """
    if article.published:
        try:
            return _dt.date.fromisoformat(article.published[:10]), "published"
        except ValueError:
            pass
    for m in _FULL_DATE.finditer(article.body):
        try:
            if m.group("y1"):
                month = _month_number(m.group("m1"))
                return _dt.date(int(m.group("y1")), month, int(m.group("d1"))), "article"
            if m.group("y2"):
                return _dt.date(int(m.group("y2")), _month_number(m.group("m2")), int(m.group("d2"))), "article"
            return _dt.date(int(m.group("y3")), int(m.group("m3")), int(m.group("d3"))), "article"
        except ValueError:
            continue
    return None, None


def _month_number(name: str) -> int:
    key = name.rstrip(".")[:3].lower()
    return ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].index(key) + 1


def _find_times(text: str, *, offset: int, anchor: _dt.date | None, anchor_source: str | None, tense: str | None) -> list[TimeExpression]:
    try:
        from storycheck.claims.times import find_times  # type: ignore[attr-defined]
    except ImportError:  # the times module is written in parallel; claims still work without it
        return []
    # verb_tense: in a preview, "talks ended on Saturday" points back though the sentence is future
    return list(find_times(text, offset=offset, anchor=anchor, anchor_source=anchor_source, tense=tense, verb_tense=True))


def _find_quantities(text: str, *, offset: int) -> list[Quantity]:
    try:
        from storycheck.claims.quantities import find_quantities  # type: ignore[attr-defined]
    except ImportError:
        return []
    return list(find_quantities(text, offset=offset))


def extract_from_doc(article: Article, doc: Doc) -> Extraction:
    """Everything the claims stage finds in one article, given its parsed body."""
    from storycheck.claims.entities import resolve_entities
    from storycheck.claims.extract import draft_claims
    from storycheck.claims.quotes import find_quotes
    from storycheck.claims.sentences import sentence_spans

    body = article.body
    sentences = sentence_spans(doc, body)
    ents = resolve_entities(doc, body)
    found = find_quotes(doc, body, ents, sentences)
    drafts = draft_claims(doc, body, sentences, ents, found, status=article.status)
    anchor, anchor_source = article_anchor(article)

    claim_ids = [f"{article.id}:c{n}" for n in range(1, len(drafts) + 1)]
    quote_ids = [f"{article.id}:q{n}" for n in range(1, len(found) + 1)]
    quotes: list[Quote] = []
    for qid, fq in zip(quote_ids, found, strict=True):
        owner = next((cid for cid, d in zip(claim_ids, drafts, strict=True) if d.start <= fq.start < d.end), None)
        quotes.append(
            Quote(
                id=qid, article=article.id, text=body[fq.start : fq.end], start=fq.start, end=fq.end,
                speaker=fq.speaker, target=fq.target, claim=owner, kind=fq.kind,
            )
        )
    claims: list[Claim] = []
    for cid, d in zip(claim_ids, drafts, strict=True):
        text = body[d.start : d.end]
        claims.append(
            Claim(
                id=cid, article=article.id, text=text, start=d.start, end=d.end,
                modality=d.modality, checkworthiness=d.checkworthiness, checkworthiness_reasons=d.reasons,
                attribution=d.attribution, polarity=d.polarity,
                entities=tuple(ents.within(d.start, d.end)),
                times=tuple(_find_times(text, offset=d.start, anchor=anchor, anchor_source=anchor_source, tense=d.tense)),
                quantities=tuple(_find_quantities(text, offset=d.start)),
                quotes=tuple(q.id for q in quotes if q.start < d.end and d.start < q.end),
                tense=d.tense,
            )
        )
    from storycheck.claims.times import resolve_anaphora_in_claims

    claims = resolve_anaphora_in_claims(claims)  # "Two days later" counted from the dating before it
    return Extraction(article=article.id, claims=tuple(claims), quotes=tuple(quotes), entities=tuple(ents.entities))


def extract_claims(articles: Sequence[Article], *, settings: Settings) -> list[Extraction]:
    """Claims, quotes and entities for each article, in the order given.

    Bodies go through spaCy in batches (``batch_size``) and, with ``processes`` > 1,
    in worker processes; the rule-based steps after the parse run here.
    """
    if not articles:
        return []
    from storycheck.claims.nlp import load_nlp

    nlp = load_nlp(settings.spacy_model)
    kwargs: dict[str, Any] = {"batch_size": max(1, int(settings.batch_size))}
    if int(settings.processes) > 1 and len(articles) > 1:
        kwargs["n_process"] = int(settings.processes)
    docs = nlp.pipe((a.body for a in articles), **kwargs)
    return [extract_from_doc(article, doc) for article, doc in zip(articles, docs, strict=True)]


def resolve_times(extraction: Extraction, article: Article, *, anchor: str, anchor_source: str) -> Extraction:
    """Re-resolve every claim's time expressions against ``anchor`` (an ISO date) without re-parsing.

    Used for articles with no publication date once the story fixes a date: the
    claim keeps the tense it was extracted with, so "Tuesday" in a preview still
    means the coming Tuesday (unless its own verb says otherwise: "talks ended on
    Saturday"); anaphoric datings ("two days later") are then counted again.
    """
    try:
        from storycheck.claims.time_tense import governing_tense
        from storycheck.claims.times import resolve_anaphora_in_claims, resolve_time
    except ImportError:
        return extraction
    anchor_date = _dt.date.fromisoformat(anchor[:10])
    claims = []
    for claim in extraction.claims:
        times = tuple(
            resolve_time(t, anchor=anchor_date, anchor_source=anchor_source,
                         tense=governing_tense(claim.text, t.start - claim.start, t.end - claim.start) or claim.tense)
            for t in claim.times
        )
        claims.append(replace(claim, times=times))
    return replace(extraction, claims=tuple(resolve_anaphora_in_claims(claims)))
