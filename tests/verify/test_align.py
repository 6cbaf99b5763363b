"""Alignment: claims about the same fact across outlets, found without comparing all pairs."""

from __future__ import annotations

import pytest

from storycheck.model import Quantity, TimeExpression
from storycheck.verify import align as align_mod
from storycheck.verify.align import align_claims, describe_claims
from storycheck.verify.compare import attached_event, event_mentions, quantities_compatible, times_compatible

from .builders import ClaimSpec, article, extraction
from .scenario import harbour_story


def test_same_fact_aligned_across_articles_never_within_one() -> None:
    story, arts, exs = harbour_story()
    infos = describe_claims(arts, exs, [(a,) for a in sorted(arts)])
    pairs = align_claims(infos, threshold=0.3, neighbours=8)
    keyed = {(p.a, p.b) for p in pairs}
    assert ("courier:c1", "times:c1") in keyed
    assert ("courier:c2", "times:c3") in keyed
    assert all(infos[p.a].claim.article != infos[p.b].claim.article for p in pairs)
    best = next(p for p in pairs if (p.a, p.b) == ("courier:c1", "times:c1"))
    assert "meet" in best.shared_events and "ortiz" in best.shared_entities


def _code(n: int) -> str:
    letters = ""
    n += 26 * 27
    while n:
        n, r = divmod(n, 26)
        letters += "bcdfghjklmnpqrstvwxzaeiouy"[r]
    return letters.capitalize()


def test_scores_only_candidates_sharing_a_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """200 articles x 10 claims: scored pairs stay a small multiple of the claim count."""
    calls = 0
    real = align_mod._score

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(align_mod, "_score", counting)
    arts, exs = {}, {}
    for i in range(200):
        # names and places are letter codes: a crane or berth named in several articles links their claims
        sentences = [
            f"Inspector {_code(i * 10 + j)} checked crane {_code((i * 10 + j) % 97 + 5000)} at berth {_code(j + 7000)} of quay {_code(i % 13 + 9000)}."
            for j in range(10)
        ]
        art = article(f"a{i:03d}", " ".join(sentences))
        exs[art.id] = extraction(art, [ClaimSpec(s, entities=((_code(i * 10 + j), "PERSON", "Inspector " + _code(i * 10 + j)),)) for j, s in enumerate(sentences)])
        arts[art.id] = art
    infos = describe_claims(arts, exs, [(a,) for a in sorted(arts)])
    n = len(infos)
    align_claims(infos, threshold=0.3, neighbours=8)
    assert 0 < calls <= n * 8 * 2
    assert calls < n * (n - 1) / 2 / 50


def _t(words: str, lo: str | None, hi: str | None, grain: str = "day", **kw: bool) -> TimeExpression:
    return TimeExpression(words, 0, len(words), lo, hi, grain, **kw)


def _q(words: str, lo: float | None, hi: float | None, unit: str | None, hedge: str | None = None) -> Quantity:
    return Quantity(words, 0, len(words), lo, hi, unit, hedge)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (_t("February 3", "2026-02-03", "2026-02-03"), _t("in February", "2026-02-01", "2026-02-28", "month"), True),
        (_t("January 3", "2026-01-03", "2026-01-03"), _t("early February", "2026-02-01", "2026-02-10", "span"), False),
        (_t("before March", None, "2026-02-28", "month", open_start=True), _t("January 3", "2026-01-03", "2026-01-03"), True),
        (_t("Tuesday", None, None), _t("January 3", "2026-01-03", "2026-01-03"), None),
    ],
)
def test_times_compatible(a: TimeExpression, b: TimeExpression, expected: bool | None) -> None:
    assert times_compatible(a, b) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (_q("about 1,200", 1200, 1200, "people", "about"), _q("more than 1,150", 1150, None, "people", "more than"), True),
        (_q("a 90-minute session", 90, 90, "minute"), _q("over an hour", 1, None, "hour", "more than"), True),
        (_q("two-hour", 2, 2, "hour"), _q("more than two hours", 2, None, "hours", "more than"), True),
        (_q("a 40-minute call", 40, 40, "minute"), _q("a long call", None, None, None), None),
        (_q("12 people", 12, 12, "people"), _q("30 people", 30, 30, "people"), False),
        (_q("3,000 tons", 3000, 3000, "ton"), _q("40%", 40, 40, "percent"), None),
        (_q("nearly 500", 500, 500, "troops", "nearly"), _q("600 troops", 600, 600, "troops"), False),
    ],
)
def test_quantities_compatible(a: Quantity, b: Quantity, expected: bool | None) -> None:
    assert quantities_compatible(a, b) is expected


def test_time_attaches_to_its_event_not_to_a_relative_clause() -> None:
    s = "Relations soured after the capture of Carl Havel in early February, which Mendes denounced."
    art = article("x", s)
    claim = extraction(art, [ClaimSpec(s)]).claims[0]
    at = s.index("early February")
    assert attached_event(claim, at, at + len("early February"))[0] == "capture"
    s2 = "The visit follows a January phone call between the two."
    claim2 = extraction(article("y", s2), [ClaimSpec(s2)]).claims[0]
    at2 = s2.index("January")
    assert attached_event(claim2, at2, at2 + 7)[0] == "call"


def test_embeddings_can_join_the_alignment_score() -> None:
    from storycheck.settings import Settings
    from storycheck.verify import verify_story

    story, arts, exs = harbour_story()
    try:
        with_vectors = verify_story(story, arts, exs, settings=Settings(align_embeddings=True))
    except (ImportError, OSError, FileNotFoundError) as exc:
        pytest.skip(f"embedding model not available: {exc!r}")
    plain = verify_story(story, arts, exs, settings=Settings())
    # the conflict is decided by the values, whichever similarity found the pair
    assert [f.values for f in with_vectors.findings if f.kind == "contradicted"] == [
        f.values for f in plain.findings if f.kind == "contradicted"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Refuse collectors walked out on Friday over pay.", {"attack"}),
        ("The delegation walked out of the meeting after an hour.", {"meet"}),
        ("A march against higher fares drew 29,000 people on March 22.", {"protest"}),
        ("Fares rose on March 22, the operator said.", set()),
        ("Thousands marched through the old town.", {"protest"}),
    ],
)
def test_event_words_phrasal_and_lower_case_only(text: str, expected: set[str]) -> None:
    # "walked out" is a strike unless it is out of a room; "march" is a protest only in
    # lower case, never the month
    assert {cls for _s, _e, _w, cls in event_mentions(text)} == expected
