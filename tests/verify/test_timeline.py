"""The story timeline: events merged across outlets, conflicts kept with both datings, plans marked."""

from __future__ import annotations

import pytest

from storycheck.model import StoryVerification
from storycheck.settings import Settings
from storycheck.verify import verify_story

from .scenario import harbour_story


@pytest.fixture(scope="module")
def harbour() -> StoryVerification:
    story, arts, exs = harbour_story()
    return verify_story(story, arts, exs, settings=Settings())


def test_sorted_by_start(harbour: StoryVerification) -> None:
    starts = [e.start for e in harbour.timeline]
    assert starts == sorted(starts)


def test_meeting_dated_once_with_every_outlets_words(harbour: StoryVerification) -> None:
    meeting = [e for e in harbour.timeline if e.start == "2026-03-10"]
    assert len(meeting) == 1
    e = meeting[0]
    assert (e.end, e.granularity, e.conflict, e.planned) == ("2026-03-10", "day", False, False)
    assert dict(e.datings) == {"times:c1": "Tuesday, March 10, 2026", "courier:c1": "March 10"}
    assert set(e.articles) == {"times", "courier"}
    assert "March 10" in e.text and "meet" in e.text


def test_conflicting_dates_are_one_event_marked_conflict(harbour: StoryVerification) -> None:
    arrest = [e for e in harbour.timeline if "courier:c2" in e.claims]
    assert len(arrest) == 1
    e = arrest[0]
    assert e.conflict
    assert set(e.datings) == {("courier:c2", "January 3"), ("times:c3", "early February")}
    assert (e.start, e.end) == ("2026-01-03", "2026-02-10")


def test_day_inside_month_merges_and_keeps_the_sharper_date(harbour: StoryVerification) -> None:
    call = [e for e in harbour.timeline if "times:c4" in e.claims]
    assert len(call) == 1
    assert set(call[0].claims) == {"times:c4", "herald:c2"}
    assert (call[0].start, call[0].end) == ("2026-01-01", "2026-01-10")
    assert not call[0].conflict


def test_preview_dates_a_planned_event(harbour: StoryVerification) -> None:
    planned = [e for e in harbour.timeline if e.planned]
    assert {c for e in planned for c in e.claims} == {"herald:c1", "herald:c3"}
    thursday = next(e for e in planned if "herald:c1" in e.claims)
    assert thursday.start == "2026-03-12" and not thursday.conflict
    # the events before the meeting are on the timeline too
    assert [e.start for e in harbour.timeline if e.start < "2026-03-10" and not e.planned] == ["2026-01-01", "2026-01-03"]


def test_same_kind_of_event_in_overlapping_short_intervals_merges_without_chaining() -> None:
    from .builders import ClaimSpec, article, extraction, story_of

    texts = {
        "a": "A phone call in January eased the tension.",
        "b": "The two leaders held a call on January 3 about the port.",
        "c": "Another quiet call on January 28 settled the details.",
    }
    times = {
        "a": ("January", "2026-01-01", "2026-01-31", "month"),
        "b": ("January 3", "2026-01-03", "2026-01-03", "day"),
        "c": ("January 28", "2026-01-28", "2026-01-28", "day"),
    }
    arts = {k: article(k, t, outlet=f"outlet {k}") for k, t in texts.items()}
    exs = {k: extraction(arts[k], [ClaimSpec(texts[k], times=(times[k],))]) for k in arts}
    v = verify_story(story_of(*arts.values()), arts, exs, settings=Settings())
    calls = [set(e.claims) for e in v.timeline]
    # the month joins one of the days; the two days stay two events
    assert len(calls) == 2
    assert {"b:c1", "c:c1"} not in [c & {"b:c1", "c:c1"} for c in calls]
    assert not any(e.conflict for e in v.timeline)
