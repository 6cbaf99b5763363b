"""The per-article fact-check: each claim with what the rest of the story says about it."""

from __future__ import annotations

from storycheck.settings import Settings
from storycheck.verify import verify_story

from .scenario import harbour_story


def test_verdicts_follow_support_and_contradiction() -> None:
    story, arts, exs = harbour_story(with_copy=True)
    v = verify_story(story, arts, exs, settings=Settings())
    checks = {c.claim: c for c in v.checks}
    assert len(checks) == sum(len(e.claims) for e in exs.values())
    assert checks["courier:c2"].verdict == "contradicted"
    assert set(checks["courier:c2"].contradicting) == {"times:c3", "times-copy:c3"}
    assert checks["courier:c1"].verdict == "supported"
    assert "times:c1" in checks["courier:c1"].supporting
    assert checks["courier:c5"].verdict == "unverified"
    # a syndicated copy is related, never support
    assert "times-copy:c1" not in checks["times:c1"].supporting
    finding_ids = {f.id for f in v.findings}
    for c in v.checks:
        assert set(c.findings) <= finding_ids
        for fid in c.findings:
            assert c.claim in next(f for f in v.findings if f.id == fid).claims
