"""The five real seed articles through the whole pipeline: the one hard conflict, none of the look-alikes.

The seeds are read from ../shared/seeds (never copied here). One outlet dates the
capture of Maduro "in early February", another the raid to January 3: that is the
conflict to find. "The two-hour meeting" vs "more than two hours", the January
phone call vs the January 3 raid, and the preview's upcoming Tuesday meeting vs
the reports of it are look-alikes that must not be flagged. The meeting itself
was on Tuesday, February 3, 2026.

These tests need every stage; while a stage is still missing (ImportError,
NotImplementedError) they skip and say which.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from storycheck.model import Claim, Report, StoryVerification
from storycheck.settings import Settings


@pytest.fixture(scope="module")
def seed_report(seeds_dir: Path) -> Report:
    try:
        from storycheck.pipeline import run

        report = run([str(p) for p in sorted(seeds_dir.glob("*.txt"))], settings=Settings())
    except (ImportError, NotImplementedError) as exc:
        pytest.skip(f"the full pipeline is not complete yet: {exc!r}")
    if not report.verifications:
        pytest.skip("no story was formed from the seeds (story grouping not complete yet)")
    return report


@pytest.fixture(scope="module")
def claims(seed_report: Report) -> dict[str, Claim]:
    return {c.id: c for ex in seed_report.extractions for c in ex.claims}


def _main_story(report: Report) -> StoryVerification:
    return max(report.verifications, key=lambda v: len(v.story.articles))


def _with(claims: dict[str, Claim], words: str) -> set[str]:
    return {cid for cid, c in claims.items() if words in c.text}


def test_all_five_seeds_form_one_story(seed_report: Report) -> None:
    assert len(_main_story(seed_report).story.articles) == 5


def test_capture_dated_early_february_vs_january_3_is_found(seed_report: Report, claims: dict[str, Claim]) -> None:
    v = _main_story(seed_report)
    found = [f for f in v.findings if f.kind == "contradicted" and f.field == "time"]
    early_feb = _with(claims, "early February")
    jan3 = _with(claims, "January 3")
    hits = [f for f in found if set(f.claims) & early_feb and set(f.claims) & jan3]
    assert hits, f"time contradictions found: {[(f.values, f.claims) for f in found]}"
    f = hits[0]
    assert any("early February" in val for val in f.values) and any("January 3" in val for val in f.values)
    assert f.independent_sources == 2
    assert v.findings[0].kind == "contradicted"


def test_look_alikes_are_not_flagged(seed_report: Report, claims: dict[str, Claim]) -> None:
    v = _main_story(seed_report)
    contradicted = [f for f in v.findings if f.kind == "contradicted"]
    two_hours = _with(claims, "two hours") | _with(claims, "two-hour")
    call = _with(claims, "January phone call") | _with(claims, "early January")
    preview = _with(claims, "set to host")
    for f in contradicted:
        cited = set(f.claims)
        assert not (len(cited & two_hours) >= 2), f"two-hour look-alike flagged: {f.summary}"
        assert not (cited & call and cited & _with(claims, "January 3")), f"the call vs the raid flagged: {f.summary}"
        assert not cited & preview, f"the preview's plan flagged against the report: {f.summary}"
    # the hard conflict is the only time contradiction
    assert len([f for f in contradicted if f.field == "time"]) == 1


def test_timeline_dates_the_meeting_and_what_came_before(seed_report: Report, claims: dict[str, Claim]) -> None:
    v = _main_story(seed_report)
    meeting = [e for e in v.timeline if e.start == "2026-02-03" and e.end == "2026-02-03" and not e.planned]
    assert meeting, [(e.start, e.text) for e in v.timeline]
    assert any(("met" in e.text or "meet" in e.text or "host" in e.text) for e in meeting)
    earlier = [e for e in v.timeline if e.start and e.start < "2026-02-03"]
    assert any(e.conflict for e in earlier), "the capture is dated twice, incompatibly"
    assert any(set(e.claims) & _with(claims, "January") for e in earlier if not e.conflict)
    assert [e.start for e in v.timeline] == sorted(e.start for e in v.timeline)
