"""Facts pinned by something specific: the same figure, the same quoted words.

General fact clustering puts each claim in one fact and an article's claim in at
most one place per fact, so a sentence that tells two things ("the deal, reached
at City Hall, gives workers a 7 percent raise") ends up in whichever fact scored
highest. A figure stated with its unit, or a remark quoted word for word, is
specific enough to be a fact of its own: these helpers build those facts on the
side, and the findings layer reports them next to the general ones.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from storycheck.model import Claim, Quantity, Quote
from storycheck.verify.align import AlignedPair, ClaimInfo
from storycheck.verify.conflicts import MIN_QUOTE_WORDS, normalise_quote, same_person


@dataclass(frozen=True, slots=True)
class AmountAgreement:
    """Claims of several articles that state the same figures and were aligned on them."""

    claims: tuple[str, ...]
    amounts: tuple[str, ...]  # amount keys ("percent=7") the claims were linked on

    def wording(self, infos: Mapping[str, ClaimInfo]) -> str:
        """What the sources report, figures first, so two facts told in one sentence read apart."""
        from storycheck.verify.align import amount_key

        best = max(self.claims, key=lambda c: (infos[c].claim.checkworthiness, -len(infos[c].claim.text), c))
        claim = infos[best].claim
        figures = list(dict.fromkeys(q.text for q in claim.quantities if amount_key(q) in self.amounts))
        text = " ".join(claim.text.split())
        text = text if len(text) <= 160 else text[:159].rstrip() + "\u2026"
        named = ", ".join(f"\u201c{f}\u201d" for f in figures)
        return f"report {named}: \u201c{text}\u201d" if named else f"report: \u201c{text}\u201d"


def amount_clusters(support: Sequence[AlignedPair], infos: Mapping[str, ClaimInfo]) -> list[AmountAgreement]:
    """Claims that state the same figure and were aligned on it, one claim per article.

    Built from the support pairs that share an amount (alignment only credits a
    shared figure between claims that also share words), one clustering per
    figure; a claim set found under two figures ("7 percent" and "two years" of
    one raise) is kept once, with both figures.
    """
    from storycheck.verify.findings import fact_clusters

    by_amount: dict[str, list[AlignedPair]] = {}
    for p in support:
        for amount in p.shared_amounts:
            by_amount.setdefault(amount, []).append(p)
    found: dict[tuple[str, ...], list[str]] = {}
    for amount in sorted(by_amount):
        for cluster in fact_clusters(by_amount[amount], infos):
            found.setdefault(tuple(sorted(cluster)), []).append(amount)
    return [AmountAgreement(claims=claims, amounts=tuple(amounts)) for claims, amounts in found.items()]


@dataclass(frozen=True, slots=True)
class QuoteAgreement:
    """One remark quoted by several articles, with the claims that quote it."""

    claims: tuple[str, ...]
    text: str  # as the first article words it
    speaker: str | None  # as the first article naming one gives it

    @property
    def wording(self) -> str:
        who = f"quote {self.speaker}" if self.speaker else "carry the quote"
        return f"{who}: \u201c{self.text.strip().rstrip('.,;:')}\u201d"

    def links(self) -> list[AlignedPair]:
        """Support between every two of its claims: the same remark backs itself."""
        return [
            AlignedPair(a=a, b=b, score=1.0, lexical=1.0, entity=1.0, shared_events=(), shared_entities=())
            for i, a in enumerate(self.claims)
            for b in self.claims[i + 1 :]
        ]


def quote_agreements(quotes: Sequence[Quote], infos: Mapping[str, ClaimInfo]) -> list[QuoteAgreement]:
    """The same remark quoted by several articles and given to the same speaker.

    Quote marks, case and punctuation are ignored; a remark needs
    ``MIN_QUOTE_WORDS`` words to be owned by someone. A side that names no speaker agrees with any; two different
    named speakers are a contradiction (``quote_conflicts``), never an agreement.
    """
    by_text: dict[str, list[Quote]] = {}
    for q in quotes:
        words = normalise_quote(q.text)
        if len(words.split()) >= MIN_QUOTE_WORDS and q.claim in infos:
            by_text.setdefault(words, []).append(q)
    out: list[QuoteAgreement] = []
    for words in sorted(by_text):
        items = sorted(by_text[words], key=lambda q: (q.claim or "", q.id))
        named = [q.speaker for q in items if q.speaker]
        if any(not same_person(a, b) for i, a in enumerate(named) for b in named[i + 1 :]):
            continue
        per_article: dict[str, str] = {}
        for q in items:
            cid = q.claim or ""
            if q.article not in per_article and not infos[cid].planned:
                per_article[q.article] = cid
        claims = sorted(per_article.values())
        if len({infos[c].group for c in claims}) < 2:
            continue
        out.append(QuoteAgreement(claims=tuple(claims), text=items[0].text, speaker=named[0] if named else None))
    return out


def stated_figures(claim: Claim) -> list[Quantity]:
    """The figures a claim asserts: those with a unit, not those naming its source ("two people familiar with")."""
    source = (claim.attribution or "").lower()
    return [q for q in claim.quantities if q.unit and not (source and q.text.lower() in source)]


def figures_missing(claim_quantities: Sequence[Quantity], others: Sequence[Sequence[Quantity]]) -> list[Quantity]:
    """The claim's figures (with a unit) that none of the other claims gives compatibly."""
    from storycheck.verify.compare import quantities_compatible

    return [
        q
        for q in claim_quantities
        if q.unit and not any(quantities_compatible(q, o) is True for other in others for o in other)
    ]


def states_figures_of(claim_quantities: Sequence[Quantity], other: Sequence[Quantity]) -> bool:
    """Whether ``other`` gives every figure (with a unit) of the first claim, compatibly.

    Another outlet telling the same event without the number ("the union backed the
    agreement") does not back "84 percent backed the agreement": the figure still
    rests on one source.
    """
    from storycheck.verify.compare import quantities_compatible

    for q in claim_quantities:
        if not q.unit:
            continue
        if not any(quantities_compatible(q, o) is True for o in other):
            return False
    return True


def merge_clusters(general: Sequence[Sequence[str]], specific: Sequence[tuple[str, Sequence[str]]]) -> list[tuple[str | None, list[str]]]:
    """General and specific facts together, without one repeating another.

    A general fact inside (or equal to) a specific one is the same fact told less
    precisely and gives way; a specific fact strictly inside a general one adds
    nothing. Returns (field or None for "decide from the claims", claims).
    """
    specific_sets = [(field, set(c)) for field, c in specific]
    general_sets = [set(c) for c in general]
    out: list[tuple[str | None, list[str]]] = []
    for g in general_sets:
        if not any(g <= s for _f, s in specific_sets):
            out.append((None, sorted(g)))
    kept: list[set[str]] = []
    for field, s in specific_sets:
        if not any(s < g for g in general_sets) and s not in kept:
            kept.append(s)
            out.append((field, sorted(s)))
    return out
