"""The shared view model: matrix cells, timeline geometry and highlight segments."""

from __future__ import annotations

from storycheck.model import Report
from storycheck.report.views import ReportIndex, report_views, safe_url, segments, story_view


def test_matrix_puts_each_outlet_on_its_side_of_the_contradiction(story_report: Report) -> None:
    index = ReportIndex(story_report)
    sv = story_view(story_report.verifications[0], index)
    assert sv.matrix.outlets == ("Northport Gazette", "Valley Wire", "Coastal Daily")
    rows = {r.finding.id: r for r in sv.matrix.rows}
    assert [r.finding.kind for r in sv.matrix.rows] == ["contradicted", "corroborated", "single_source"]
    vote = {c.outlet: c for c in rows["f-vote-day"].cells}
    assert vote["Northport Gazette"].state == "supports" and vote["Northport Gazette"].value == "Tuesday"
    assert vote["Valley Wire"].state == "contradicts" and vote["Valley Wire"].value == "Monday"
    assert vote["Valley Wire"].words[0].text == "Councillors in Northport voted on Monday to shut the Elm Street bridge."
    assert "voted on Monday" in vote["Valley Wire"].hover
    cracks = {c.outlet: c.state for c in rows["f-cracks"].cells}
    assert cracks == {"Northport Gazette": "silent", "Valley Wire": "supports", "Coastal Daily": "silent"}
    assert {c.state for c in rows["f-cost"].cells} == {"supports"}


def test_contradiction_sides_quote_both_sides(story_report: Report) -> None:
    _, stories, loose = report_views(story_report)
    assert loose == []
    (fv,) = stories[0].contradicted
    assert [s.value for s in fv.sides] == ["Tuesday", "Monday"]
    assert [w.outlet for w in fv.sides[0].words] == ["Northport Gazette", "Coastal Daily"]
    assert [w.outlet for w in fv.sides[1].words] == ["Valley Wire"]


def test_timeline_chart_marks_each_conflicting_dating(story_report: Report) -> None:
    _, stories, _ = report_views(story_report)
    chart = stories[0].chart
    assert len(chart.rows) == 2
    first, vote = chart.rows
    assert first.event.start == "2026-01-01" and not first.event.conflict
    assert chart.plot_left <= first.x1 < first.x2 < vote.x1 <= chart.plot_right
    conflict_markers = [m for m in vote.markers if m.conflict]
    # Monday and Tuesday are two datings; the two Tuesday outlets share one marker
    assert [m.date for m in conflict_markers] == ["2026-03-02", "2026-03-03"]
    assert "Valley Wire" in conflict_markers[0].label and "on Monday" in conflict_markers[0].label
    assert "Northport Gazette" in conflict_markers[1].label and "Coastal Daily" in conflict_markers[1].label
    assert conflict_markers[0].x < conflict_markers[1].x
    assert all(0 <= m.x <= chart.width and m.y < chart.axis_y for m in vote.markers)
    assert [t.label for t in chart.ticks] == sorted(t.label for t in chart.ticks)


def test_segments_cover_the_body_exactly_and_mark_claims_by_kind(story_report: Report) -> None:
    index = ReportIndex(story_report)
    sv = story_view(story_report.verifications[0], index)
    for av in sv.articles:
        assert "".join(s.text for s in av.segments) == av.article.body
    wire = next(av for av in sv.articles if av.article.id == "a-wire")
    kinds = {s.claim: s.kind for s in wire.segments if s.kind}
    assert kinds == {"a-wire:c1": "contradicted", "a-wire:c2": "corroborated", "a-wire:c4": "single_source"}


def test_overlapping_claims_are_clipped_not_nested(story_report: Report) -> None:
    from dataclasses import replace

    from storycheck.report.views import ClaimView

    article = story_report.articles[0]
    claim = story_report.extractions[0].claims[0]
    overlapping = replace(claim, id="x:c9", start=claim.start + 10, end=claim.end + 20)
    segs = segments(article, [ClaimView(claim, "contradicted", (), None), ClaimView(overlapping, None, (), None)])
    assert "".join(s.text for s in segs) == article.body
    assert [s.claim for s in segs if s.kind] == [claim.id, "x:c9"]


def test_safe_url_keeps_only_web_links() -> None:
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "vbscript:x", "//evil", "", None):
        assert safe_url(bad) is None


def test_timeline_labels_stay_inside_the_chart() -> None:
    from storycheck.report.views import place_label

    text, anchor, x = place_label(700, "Plain Post: \u201con Thursday\u201d (2026-03-05)", width=780)
    assert anchor == "end" and x == 692 and text.startswith("Plain Post")
    text, anchor, x = place_label(300, "short", width=780)
    assert (text, anchor, x) == ("short", "start", 308)
    long_label = "An outlet: " + "very long words " * 20
    text, anchor, x = place_label(390, long_label, width=780)
    assert text.endswith("\u2026") and len(text) * 7.3 <= 390


def test_reprints_are_marked_as_one_source_in_the_matrix(story_report: Report) -> None:
    from dataclasses import replace

    v = story_report.verifications[0]
    cost = next(f for f in v.findings if f.id == "f-cost")
    merged_cost = replace(cost, independent_sources=2, merged=(("a-gazette", "a-daily"),))
    v2 = replace(v, findings=tuple(merged_cost if f.id == "f-cost" else f for f in v.findings))
    report = replace(story_report, verifications=(v2,))
    sv = story_view(v2, ReportIndex(report))
    cells = {c.outlet: c for c in next(r for r in sv.matrix.rows if r.finding.id == "f-cost").cells}
    assert cells["Northport Gazette"].same_source_as == ("Coastal Daily",)
    assert cells["Coastal Daily"].same_source_as == ("Northport Gazette",)
    assert cells["Valley Wire"].same_source_as == ()
    assert "Counted once with Coastal Daily" in cells["Northport Gazette"].hover


def test_a_far_outlier_does_not_squash_the_timeline(story_report: Report) -> None:
    from dataclasses import replace

    from storycheck.model import TimelineEvent

    v = story_report.verifications[0]
    days = [f"2026-03-{d:02d}" for d in range(1, 11)]
    events = tuple(TimelineEvent(v.story.id, d, d, "day", f"event on {d}", ("a-wire",), ()) for d in days)
    outlier = TimelineEvent(v.story.id, "2037-01-01", "2037-01-01", "day", "first in eleven years", ("a-wire",), ())
    chart = story_view(replace(v, timeline=(*events, outlier)), ReportIndex(story_report)).chart
    rows = {r.event.text: r for r in chart.rows}
    assert chart.clipped == 1 and rows["first in eleven years"].note == "2037-01-01 \u25b8"
    xs = [rows[f"event on {d}"].markers[0].x for d in days]
    assert xs == sorted(xs) and xs[-1] - xs[0] > (chart.plot_right - chart.plot_left) / 2  # the ten days fill the chart
    assert rows["first in eleven years"].markers[0].x == chart.plot_right


def test_claim_views_carry_the_other_outlets_words(story_report: Report) -> None:
    index = ReportIndex(story_report)
    wire = next(av for av in story_view(story_report.verifications[0], index).articles if av.article.id == "a-wire")
    vote = next(cv for cv in wire.claims if cv.claim.id == "a-wire:c1")
    assert [w.outlet for w in vote.contradicting] == ["Northport Gazette", "Coastal Daily"]
    assert vote.supporting == () and vote.check is not None and vote.check.verdict == "contradicted"
