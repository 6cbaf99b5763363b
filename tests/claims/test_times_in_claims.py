"""The claims stage's datings: the verb's own tense in a preview, anaphora counted across sentences.

Articles written for these tests. 2026-03-01 is a Sunday; 2026-03-12 a Thursday.
"""

from __future__ import annotations

from collections.abc import Callable

from storycheck.claims import resolve_times
from storycheck.model import Extraction

from .conftest import make_article

PREVIEW = (
    "Nurses at Ravelston General are set to walk out on Monday after pay talks with the health board "
    "collapsed without a deal on Saturday.\n\n"
    '"Nobody wants a strike," Health Minister Ines Carvalho said on Saturday. '
    "The walkout would be the first at the hospital in eleven years."
)
REPORT = (
    "The tentative deal was struck on Tuesday night after talks at the town hall. "
    "Two days later, nurses voted to accept it. The next morning, wards were fully staffed again."
)


def _dated(ex: Extraction) -> dict[str, tuple[str | None, str | None]]:
    return {t.text: (t.date_from, t.date_to) for c in ex.claims for t in c.times}


def test_a_preview_dates_past_events_back_and_plans_ahead(extract: Callable[..., Extraction]) -> None:
    ex = extract(PREVIEW, published="2026-03-01", status="preview")
    saturdays = [t for c in ex.claims for t in c.times if t.text == "Saturday"]
    assert len(saturdays) == 2 and all(t.date_from == "2026-02-28" for t in saturdays)
    dated = _dated(ex)
    assert dated["Monday"] == ("2026-03-02", "2026-03-02")
    assert dated["in eleven years"] == ("2015-03-01", "2026-03-01")


def test_two_days_later_counts_from_the_sentence_before(extract: Callable[..., Extraction]) -> None:
    ex = extract(REPORT, published="2026-03-12")
    dated = _dated(ex)
    assert dated["Tuesday night"] == ("2026-03-10", "2026-03-10")
    assert dated["Two days later"] == ("2026-03-12", "2026-03-12")
    assert dated["The next morning"] == ("2026-03-13", "2026-03-13")
    later = next(t for c in ex.claims for t in c.times if t.text == "Two days later")
    assert later.anchor_source == "published" and REPORT[later.start:later.end] == later.text


def test_an_undated_article_counts_anaphora_from_the_story_anchor(extract: Callable[..., Extraction]) -> None:
    ex = extract(REPORT)
    assert _dated(ex)["Two days later"] == (None, None)
    again = resolve_times(ex, make_article(REPORT), anchor="2026-03-12", anchor_source="story")
    later = next(t for c in again.claims for t in c.times if t.text == "Two days later")
    assert (later.date_from, later.anchor_source) == ("2026-03-12", "story")
