"""Findings on a story written for the tests: one real conflict per kind, and the look-alikes that are not."""

from __future__ import annotations

import pytest

from storycheck.model import Finding, StoryVerification
from storycheck.settings import Settings
from storycheck.verify import verify_story

from .builders import ClaimSpec, article, extraction, story_of
from .scenario import harbour_story


@pytest.fixture(scope="module")
def harbour() -> StoryVerification:
    story, arts, exs = harbour_story(with_copy=True)
    return verify_story(story, arts, exs, settings=Settings())


def _touching(v: StoryVerification, kind: str, *claim_ids: str) -> list[Finding]:
    return [f for f in v.findings if f.kind == kind and set(claim_ids) & set(f.claims)]


def test_capture_dated_twice_is_a_time_contradiction_with_both_sides_words(harbour: StoryVerification) -> None:
    found = [f for f in harbour.findings if f.kind == "contradicted" and f.field == "time"]
    assert len(found) == 1
    f = found[0]
    assert set(f.values) == {"January 3", "early February"}
    assert {"courier:c2", "times:c3"} <= set(f.claims)
    assert "Coast Courier" in f.summary and "Harbour Times" in f.summary
    assert "\u201cJanuary 3\u201d" in f.summary and "\u201cearly February\u201d" in f.summary
    # the syndicated copy repeats one side: it joins the finding but is one source with its original
    assert f.independent_sources == 2
    assert ("times", "times-copy") in f.merged


def test_same_quote_given_to_two_speakers_is_a_contradiction(harbour: StoryVerification) -> None:
    found = [f for f in harbour.findings if f.kind == "contradicted" and f.field == "quote speaker"]
    assert len(found) == 1
    assert set(found[0].values) == {"Lena Ortiz", "Rosa Mendes"}
    assert {"courier:c4", "times:c6"} <= set(found[0].claims)


def test_look_alikes_are_never_contradictions(harbour: StoryVerification) -> None:
    contradicted = [f for f in harbour.findings if f.kind == "contradicted"]
    # "a two-hour meeting" vs "lasted more than two hours"; "about 1,200" vs "more than 1,150"
    assert not [f for f in contradicted if f.field == "quantity"]
    # a January phone call is another event than the January 3 arrest
    assert not _touching(harbour, "contradicted", "times:c4", "herald:c2")
    # the preview's planned Thursday meeting vs the report of the March 10 meeting
    assert not _touching(harbour, "contradicted", "herald:c1", "herald:c3")
    # the meeting's day vs the month containing it, and the two reports' wording of it
    assert not _touching(harbour, "contradicted", "times:c1", "courier:c1")
    assert {f.field for f in contradicted} == {"time", "quote speaker"}


def test_meeting_corroborated_counting_the_copy_once(harbour: StoryVerification) -> None:
    found = _touching(harbour, "corroborated", "courier:c1")
    assert len(found) == 1
    f = found[0]
    assert {"courier:c1", "times:c1", "times-copy:c1"} <= set(f.claims)
    # the preview only planned the meeting: it does not confirm the report of it
    assert "herald:c1" not in f.claims
    assert f.independent_sources == 2
    assert f.merged == (("times", "times-copy"),)
    assert "Counted once" in f.summary


def test_hedged_numbers_corroborate(harbour: StoryVerification) -> None:
    found = _touching(harbour, "corroborated", "courier:c3")
    assert found and {"courier:c3", "times:c5"} <= set(found[0].claims)


def test_single_source_ranked_and_excludes_supported_and_contested(harbour: StoryVerification) -> None:
    single = [f for f in harbour.findings if f.kind == "single_source"]
    assert single, "the promise quoted only by the Courier rests on one source"
    assert [f.score for f in single] == sorted((f.score for f in single), reverse=True)
    cited = {c for f in single for c in f.claims}
    assert "courier:c5" in cited
    assert not cited & {"courier:c1", "times:c1", "courier:c3", "courier:c2", "times:c3"}
    assert all(f.score >= Settings().single_source_min_checkworthiness for f in single)
    # a claim and its syndicated copy are one single-source finding, not two
    assert len([f for f in single if {"times:c6", "times-copy:c6"} & set(f.claims)]) <= 1


def test_order_and_ids_are_deterministic(harbour: StoryVerification) -> None:
    kinds = [f.kind for f in harbour.findings]
    assert kinds == sorted(kinds, key=["contradicted", "corroborated", "single_source"].index)
    corr = [f.independent_sources for f in harbour.findings if f.kind == "corroborated"]
    assert corr == sorted(corr, reverse=True)
    story, arts, exs = harbour_story(with_copy=True)
    again = verify_story(story, arts, exs, settings=Settings())
    assert [f.id for f in again.findings] == [f.id for f in harbour.findings]
    assert len({f.id for f in harbour.findings}) == len(harbour.findings)


def _pair(body_a: str, specs_a: list[ClaimSpec], body_b: str, specs_b: list[ClaimSpec]) -> StoryVerification:
    a = article("a", body_a, outlet="North Post")
    b = article("b", body_b, outlet="South Journal")
    exs = {"a": extraction(a, specs_a), "b": extraction(b, specs_b)}
    return verify_story(story_of(a, b), {"a": a, "b": b}, exs, settings=Settings())


COUNCIL = ("council", "ORG", "Port Council")
BUDGET_A = "The port council approved the harbour budget on Monday."
BUDGET_B = "The port council rejected the harbour budget on Monday."
BUDGET_NOT = "The port council did not approve the harbour budget on Monday."
MONDAY = ("Monday", "2026-03-09", "2026-03-09", "day")


def test_opposite_acts_are_a_polarity_contradiction() -> None:
    v = _pair(BUDGET_A, [ClaimSpec(BUDGET_A, times=(MONDAY,), entities=(COUNCIL,))], BUDGET_B, [ClaimSpec(BUDGET_B, times=(MONDAY,), entities=(COUNCIL,))])
    found = [f for f in v.findings if f.kind == "contradicted"]
    assert [f.field for f in found] == ["polarity"]
    assert set(found[0].values) == {"approved", "rejected"}


def test_did_vs_did_not_is_a_polarity_contradiction() -> None:
    v = _pair(
        BUDGET_A, [ClaimSpec(BUDGET_A, times=(MONDAY,), entities=(COUNCIL,))],
        BUDGET_NOT, [ClaimSpec(BUDGET_NOT, times=(MONDAY,), entities=(COUNCIL,), polarity="negative")],
    )
    found = [f for f in v.findings if f.kind == "contradicted"]
    assert [f.field for f in found] == ["polarity"]
    assert "not approve" in " ".join(found[0].values)


def test_same_polarity_paraphrase_is_corroboration() -> None:
    other = "On Monday the port council approved the harbour budget after a short debate."
    v = _pair(BUDGET_A, [ClaimSpec(BUDGET_A, times=(MONDAY,), entities=(COUNCIL,))], other, [ClaimSpec(other, times=(MONDAY,), entities=(COUNCIL,))])
    assert [f.kind for f in v.findings if f.kind != "single_source"] == ["corroborated"]


def test_different_actor_for_the_same_act_is_an_actor_contradiction() -> None:
    a = "Tomas Berg scored the winning goal against Rovers in the final minute."
    b = "Ana Kovac scored the winning goal against Rovers in the final minute."
    rovers = ("Rovers", "ORG", "Rovers")
    v = _pair(a, [ClaimSpec(a, entities=(("Tomas Berg", "PERSON", "Tomas Berg"), rovers))], b, [ClaimSpec(b, entities=(("Ana Kovac", "PERSON", "Ana Kovac"), rovers))])
    found = [f for f in v.findings if f.kind == "contradicted"]
    assert [f.field for f in found] == ["actor"]
    assert set(found[0].values) == {"Tomas Berg", "Ana Kovac"}


def test_numbers_that_cannot_both_hold_are_a_quantity_contradiction() -> None:
    a = "The storm killed 12 people in the harbour district on Sunday."
    b = "The storm killed 30 people in the harbour district on Sunday."
    district = ("harbour district", "LOC", "harbour district")
    sunday = ("Sunday", "2026-03-08", "2026-03-08", "day")
    v = _pair(
        a, [ClaimSpec(a, times=(sunday,), quantities=(("12 people", 12, 12, "people", None),), entities=(district,))],
        b, [ClaimSpec(b, times=(sunday,), quantities=(("30 people", 30, 30, "people", None),), entities=(district,))],
    )
    found = [f for f in v.findings if f.kind == "contradicted"]
    assert [f.field for f in found] == ["quantity"]
    assert set(found[0].values) == {"12 people", "30 people"}


def test_session_minutes_vs_over_an_hour_and_a_long_call_are_not_contradictions() -> None:
    a = "Ortiz and Mendes held a 90-minute session at City Hall, then a 40-minute call with the union."
    b = "Ortiz and Mendes met at City Hall for over an hour and later had a long call with the union."
    ents = (("Ortiz", "PERSON", "Lena Ortiz"), ("Mendes", "PERSON", "Rosa Mendes"), ("City Hall", "FAC", "City Hall"))
    v = _pair(
        a, [ClaimSpec(a, quantities=(("90-minute", 90, 90, "minute", None), ("40-minute", 40, 40, "minute", None)), entities=ents)],
        b, [ClaimSpec(b, quantities=(("over an hour", 1, None, "hour", "more than"),), entities=ents)],
    )
    assert not [f for f in v.findings if f.kind == "contradicted"]


def test_two_remarks_by_the_same_speaker_are_not_a_contradiction() -> None:
    a = "Ortiz said \u201cthe cranes will be inspected every week\u201d."
    b = "Ortiz said \u201cnobody will lose their job over this\u201d."
    v = _pair(
        a, [ClaimSpec(a, entities=(("Ortiz", "PERSON", "Lena Ortiz"),), quotes=(("the cranes will be inspected every week", "Lena Ortiz"),))],
        b, [ClaimSpec(b, entities=(("Ortiz", "PERSON", "Lena Ortiz"),), quotes=(("nobody will lose their job over this", "Lena Ortiz"),))],
    )
    assert not [f for f in v.findings if f.kind == "contradicted"]


def test_one_source_story_lists_capped_single_source_findings_and_says_why() -> None:
    body = " ".join(f"The council approved budget line {n} worth {n} million euros on Monday." for n in range(1, 15))
    a = article("solo", body, outlet="North Post")
    specs = [
        ClaimSpec(f"The council approved budget line {n} worth {n} million euros on Monday.", checkworthiness=0.5 + n / 100)
        for n in range(1, 15)
    ]
    v = verify_story(story_of(a), {"solo": a}, {"solo": extraction(a, specs)}, settings=Settings(single_source_max=5))
    single = [f for f in v.findings if f.kind == "single_source"]
    assert len(single) == 5
    assert single[0].score == pytest.approx(0.64)
    assert all("only one independent source" in f.summary for f in single)


def test_empty_and_missing_inputs_give_an_empty_verification() -> None:
    a = article("a", "Nothing to check here.")
    b = article("b", "No extraction was made for this one.")
    v = verify_story(story_of(a, b), {"a": a, "b": b}, {"a": extraction(a, [])}, settings=Settings())
    assert (v.findings, v.timeline, v.checks) == ((), (), ())
    lone = verify_story(story_of(a), {"a": a}, {}, settings=Settings())
    assert lone.story.articles == ("a",) and not lone.findings


def test_a_count_that_grows_in_later_reports_is_marked_as_a_possible_update() -> None:
    first = "The storm killed 12 people in the harbour district, officials said on Sunday."
    later = "The storm killed 30 people in the harbour district, officials said on Tuesday."
    district = ("harbour district", "LOC", "harbour district")
    a = article("a", first, outlet="North Post", published="2026-03-08")
    b = article("b", later, outlet="South Journal", published="2026-03-10")
    exs = {
        "a": extraction(a, [ClaimSpec(first, quantities=(("12 people", 12, 12, "people", None),), entities=(district,))]),
        "b": extraction(b, [ClaimSpec(later, quantities=(("30 people", 30, 30, "people", None),), entities=(district,))]),
    }
    v = verify_story(story_of(a, b), {"a": a, "b": b}, exs, settings=Settings())
    found = [f for f in v.findings if f.kind == "contradicted"]
    assert [f.field for f in found] == ["quantity"]
    assert "may be an update" in found[0].summary
    same_day = verify_story(
        story_of(a, b), {"a": a, "b": article("b", later, outlet="South Journal", published="2026-03-08")}, exs, settings=Settings()
    )
    update_free = [f for f in same_day.findings if f.kind == "contradicted"]
    assert update_free and "may be an update" not in update_free[0].summary
    assert update_free[0].score > found[0].score


def test_a_when_clause_dates_its_antecedent_and_the_same_event_word_links_untagged_claims() -> None:
    a = "Crane crews went back to work on Wednesday, ending a strike that began on March 2 at the container port."
    b = "The strike, which began on March 5 at the container port, ended when both sides signed a contract."
    v = _pair(
        a, [ClaimSpec(a, times=(("Wednesday", "2026-03-11", "2026-03-11", "day"), ("March 2", "2026-03-02", "2026-03-02", "day")))],
        b, [ClaimSpec(b, times=(("March 5", "2026-03-05", "2026-03-05", "day"),))],
    )
    found = [f for f in v.findings if f.kind == "contradicted"]
    assert [(f.field, set(f.values)) for f in found] == [("time", {"March 2", "March 5"})]
    # no shared name and a different event word: nothing to compare
    c = "The protest, which began on March 5 at the container port, ended peacefully."
    v2 = _pair(a, [ClaimSpec(a, times=(("March 2", "2026-03-02", "2026-03-02", "day"),))], c, [ClaimSpec(c, times=(("March 5", "2026-03-05", "2026-03-05", "day"),))])
    assert not [f for f in v2.findings if f.kind == "contradicted"]
