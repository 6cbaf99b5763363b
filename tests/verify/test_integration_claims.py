"""verify_story on claims extracted by the real claims stage (spaCy), from articles written for this test.

Skips when the claims stage cannot be imported. The hand-built tests pin the verify
logic; this one checks the two stages fit: real spans, real time resolution, real
quantities.
"""

from __future__ import annotations

import pytest

from storycheck.model import StoryVerification
from storycheck.settings import Settings
from storycheck.verify import verify_story

from .builders import article, story_of
from .scenario import COURIER_BODY, HERALD_BODY, TIMES_BODY


@pytest.fixture(scope="module")
def verified() -> StoryVerification:
    try:
        from storycheck.claims import extract_claims
    except ImportError as exc:
        pytest.skip(f"claims stage not importable: {exc}")
    arts = [
        article("times", TIMES_BODY, outlet="Harbour Times", published="2026-03-11"),
        article("courier", COURIER_BODY, outlet="Coast Courier", published="2026-03-11"),
        article("herald", HERALD_BODY, outlet="Bay Herald", status="preview", published="2026-03-08"),
    ]
    try:
        exs = {e.article: e for e in extract_claims(arts, settings=Settings())}
    except (ImportError, NotImplementedError, OSError) as exc:
        pytest.skip(f"claims stage not usable here: {exc!r}")
    return verify_story(story_of(*arts), {a.id: a for a in arts}, exs, settings=Settings())


def test_real_claims_find_the_dating_conflict_and_no_look_alike(verified: StoryVerification) -> None:
    contradicted = [f for f in verified.findings if f.kind == "contradicted"]
    time_conflicts = [f for f in contradicted if f.field == "time"]
    assert len(time_conflicts) == 1, [(f.field, f.values) for f in contradicted]
    assert set(time_conflicts[0].values) == {"January 3", "early February"}
    assert not [f for f in contradicted if f.field == "quantity"], [f.summary for f in contradicted]
    assert not [f for f in contradicted if f.field == "polarity"], [f.summary for f in contradicted]


def test_real_claims_timeline_has_the_meeting(verified: StoryVerification) -> None:
    days = {e.start: e for e in verified.timeline if not e.planned}
    assert "2026-03-10" in days, [(e.start, e.text) for e in verified.timeline]
    assert set(days["2026-03-10"].articles) == {"times", "courier"}
    assert any(e.conflict for e in verified.timeline)
