"""Verify: group articles into stories, align claims across outlets, find agreements and conflicts.

Entry points: ``group_stories(...) -> list[Story]``, ``story_anchor(...)`` (both in
``verify.stories``) and ``verify_story(...) -> StoryVerification``.

verify_story works in five steps, each its own module:
independence (which articles are one source) -> align (which claims talk about
the same fact) -> conflicts (which aligned claims cannot both be true) ->
findings + timeline + checks. Nothing here imports a heavy library at module
level, so ``import storycheck.verify`` stays cheap.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from storycheck.model import Article, Extraction, Story, StoryVerification

if TYPE_CHECKING:
    from storycheck.settings import Settings

__all__ = ["group_stories", "story_anchor", "verify_story", "independent_groups"]


def verify_story(
    story: Story,
    articles: Mapping[str, Article],
    extractions: Mapping[str, Extraction],
    *,
    settings: Settings,
) -> StoryVerification:
    """Findings, timeline and per-claim checks for one story.

    ``articles`` holds the story's members (others are ignored); ``extractions`` may
    hold more articles than the story. Linear in the number of claims: alignment
    only scores pairs that share a discriminating key, at most
    ``settings.align_neighbours`` per claim.
    """
    from storycheck.verify.agreements import amount_clusters, merge_clusters, quote_agreements
    from storycheck.verify.align import align_claims, describe_claims
    from storycheck.verify.checks import claim_checks
    from storycheck.verify.conflicts import pair_conflicts, quote_conflicts
    from storycheck.verify.findings import (
        contradiction_findings,
        corroboration_findings,
        fact_clusters,
        single_source_findings,
        support_pairs,
    )
    from storycheck.verify.independence import independent_groups
    from storycheck.verify.timeline import build_timeline

    members = {aid: articles[aid] for aid in story.articles if aid in articles}
    groups = independent_groups(members, threshold=float(settings.near_duplicate_threshold))
    infos = describe_claims(members, extractions, groups)
    vectors = _claim_vectors(infos, str(settings.embedding_model)) if settings.align_embeddings else None
    pairs = align_claims(
        infos,
        threshold=float(settings.align_threshold),
        neighbours=int(settings.align_neighbours),
        vectors=vectors,
    )
    conflicts = []
    for pair in pairs:
        conflicts += pair_conflicts(
            pair,
            infos,
            tolerance=float(settings.quantity_tolerance),
            approx_tolerance=float(settings.approx_tolerance),
        )
    quotes = [q for aid in sorted(members) if aid in extractions for q in extractions[aid].quotes]
    conflicts += quote_conflicts(quotes, infos)
    quoted = quote_agreements(quotes, infos)
    support = support_pairs(pairs, conflicts, infos, threshold=float(settings.corroborate_threshold))
    # a remark quoted word for word by the same speaker backs itself whatever else the sentences say
    known = {(p.a, p.b) for p in support}
    support += [link for q in quoted for link in q.links() if (link.a, link.b) not in known]
    # links made on a shared figure build that figure's fact (amount_clusters), so a
    # sentence telling two things is not chained by its figure into the other thing's fact
    amounts = amount_clusters(support, infos)
    facts = merge_clusters(
        fact_clusters([p for p in support if not p.shared_amounts], infos),
        [*(("quantity", list(a.claims)) for a in amounts), *(("quote", list(q.claims)) for q in quoted)],
    )
    wording_of = {("quantity", a.claims): a.wording(infos) for a in amounts}
    wording_of |= {("quote", q.claims): q.wording for q in quoted}
    contradicted = contradiction_findings(story, conflicts, infos, members, groups)
    corroborated = corroboration_findings(
        story,
        [claims for _f, claims in facts],
        infos,
        members,
        groups,
        fields=[f for f, _c in facts],
        wordings=[wording_of.get((f, tuple(claims))) if f else None for f, claims in facts],
    )
    single = single_source_findings(
        story,
        infos,
        support,
        members,
        groups,
        contested={cid for c in conflicts for cid in (c.claim_a, c.claim_b)},
        min_checkworthiness=float(settings.single_source_min_checkworthiness),
        limit=int(settings.single_source_max),
    )
    findings = (*contradicted, *corroborated, *single)
    return StoryVerification(
        story=story,
        findings=findings,
        timeline=tuple(build_timeline(story, infos, pairs, conflicts)),
        checks=tuple(claim_checks(infos, pairs, support, conflicts, findings)),
    )


def _claim_vectors(infos: Mapping[str, Any], model: str) -> dict[str, Any] | None:
    """Sentence embeddings by claim id; None when the embedding model is off or unavailable."""
    try:
        from storycheck.verify.embeddings import embed
    except ImportError:
        return None
    ids = sorted(infos)
    if not ids:
        return None
    matrix = embed([infos[c].claim.text for c in ids], setting=model)
    if matrix is None:
        return None
    return {cid: matrix[i].tolist() for i, cid in enumerate(ids)}


def independent_groups(articles: Any, *, threshold: float = 0.8) -> list[tuple[str, ...]]:
    """Articles grouped by independent source (see ``verify.independence``)."""
    from storycheck.verify.independence import independent_groups as _groups

    return _groups(articles, threshold=threshold)


def __getattr__(name: str) -> Any:
    # verify.stories is written in parallel; import it on first use so this package
    # works (and verify_story can be tested) before and after it lands
    if name in {"group_stories", "story_anchor"}:
        from storycheck.verify import stories

        return getattr(stories, name)
    raise AttributeError(name)
