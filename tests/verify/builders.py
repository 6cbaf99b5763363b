"""Build Article and Extraction records by hand, with exact spans, so verify tests need no spaCy.

Each claim is given as the sentence (which must occur in the body) plus the words
of its times, quantities and entities; the builders find their offsets, so every
span satisfies ``body[start:end] == text`` like the real claims stage's output.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from storycheck.model import Article, Claim, Entity, Extraction, Quantity, Quote, Source, Story, TimeExpression


def article(aid: str, body: str, *, outlet: str | None = None, status: str = "report", url: str | None = None, published: str | None = None) -> Article:
    src = Source(location=f"tests/{aid}.txt", kind="file", fetched_at="2026-03-11T00:00:00+00:00", sha256=aid)
    return Article(id=aid, source=src, body=body, outlet=outlet, status=status, url=url, published=published)


def _find(haystack: str, needle: str, offset: int) -> tuple[int, int]:
    i = haystack.index(needle)
    return offset + i, offset + i + len(needle)


@dataclass
class ClaimSpec:
    sentence: str
    times: tuple[tuple[str, str | None, str | None, str | None], ...] = ()  # words, from, to, granularity
    quantities: tuple[tuple[str, float | None, float | None, str | None, str | None], ...] = ()  # words, min, max, unit, hedge
    entities: tuple[tuple[str, str, str], ...] = ()  # words, label, canonical
    modality: str = "asserted"
    checkworthiness: float = 0.6
    polarity: str = "positive"
    quotes: tuple[tuple[str, str | None], ...] = ()  # quoted words, speaker
    extra: dict[str, object] = field(default_factory=dict)


def extraction(art: Article, specs: list[ClaimSpec]) -> Extraction:
    claims: list[Claim] = []
    quotes: list[Quote] = []
    all_entities: list[Entity] = []
    for n, spec in enumerate(specs, start=1):
        start, end = _find(art.body, spec.sentence, 0)
        cid = f"{art.id}:c{n}"
        times = tuple(
            TimeExpression(words, *_find(spec.sentence, words, start), date_from=lo, date_to=hi, granularity=g)
            for words, lo, hi, g in spec.times
        )
        quantities = tuple(
            Quantity(words, *_find(spec.sentence, words, start), value_min=lo, value_max=hi, unit=unit, hedge=hedge)
            for words, lo, hi, unit, hedge in spec.quantities
        )
        entities = tuple(Entity(words, label, *_find(spec.sentence, words, start), canonical=canon) for words, label, canon in spec.entities)
        all_entities += entities
        qids = []
        for words, speaker in spec.quotes:
            qid = f"{art.id}:q{len(quotes) + 1}"
            qs, qe = _find(spec.sentence, words, start)
            quotes.append(Quote(qid, art.id, words, qs, qe, speaker, claim=cid))
            qids.append(qid)
        claims.append(
            Claim(
                id=cid,
                article=art.id,
                text=spec.sentence,
                start=start,
                end=end,
                modality=spec.modality,
                checkworthiness=spec.checkworthiness,
                polarity=spec.polarity,
                entities=entities,
                times=times,
                quantities=quantities,
                quotes=tuple(qids),
            )
        )
        assert art.body[start:end] == spec.sentence
    return Extraction(article=art.id, claims=tuple(claims), quotes=tuple(quotes), entities=tuple(all_entities))


def story_of(*arts: Article, sid: str = "s1", title: str = "test story") -> Story:
    return Story(id=sid, title=title, articles=tuple(a.id for a in arts))


ORTIZ = ("Ortiz", "PERSON", "Lena Ortiz")
MENDES = ("Mendes", "PERSON", "Rosa Mendes")
HAVEL = ("Carl Havel", "PERSON", "Carl Havel")
