"""Facts pinned by something specific: the same figure in several outlets, the same quoted remark."""

from __future__ import annotations

from dataclasses import replace

import pytest

from storycheck.model import Finding, StoryVerification
from storycheck.settings import Settings
from storycheck.verify import verify_story
from storycheck.verify.agreements import stated_figures

from .builders import ClaimSpec, article, extraction, story_of

RAISE = ("7 percent", 7.0, 7.0, "percent", None)
YEARS = ("two years", 2.0, 2.0, "year", None)


def _raise_story() -> StoryVerification:
    """Four outlets (one a copy of another) tell the raise in their own words, with no entity tagged.

    One of them tells the raise in the same sentence as where the deal was struck,
    a second fact another outlet also reports.
    """
    bodies = {
        "bay": "The contract gives bakers a 7 percent raise over two years and ends split shifts for night crews. "
        "The union said 84 percent of members who voted backed the agreement.",
        "bay-copy": "The contract gives bakers a 7 percent raise over two years and ends split shifts for night crews. "
        "The union said 84 percent of members who voted backed the agreement.",
        "coast": "It gives workers a 7 percent raise over two years and phases out split shifts for the night crews, a union summary says. "
        "The deal was struck at City Hall after mediated talks on Tuesday night.",
        "radio": "The final offer, a 7 percent raise over two years and an end to split shifts for night crews, came early in the evening. "
        "The union backed the agreement at a meeting on Thursday.",
        "gazette": "The deal, struck after mediated talks at City Hall, gives workers a 7 percent raise over two years and ends split shifts for night crews.",
    }
    arts = {aid: article(aid, body, outlet=aid.title()) for aid, body in bodies.items()}
    first = lambda aid: bodies[aid].split(". ")[0] + "."  # noqa: E731
    specs = {
        "bay": [
            ClaimSpec(first("bay"), quantities=(RAISE, YEARS), checkworthiness=0.75),
            ClaimSpec("The union said 84 percent of members who voted backed the agreement.", quantities=(("84 percent", 84.0, 84.0, "percent", None),), checkworthiness=0.7),
        ],
        "bay-copy": [
            ClaimSpec(first("bay-copy"), quantities=(RAISE, YEARS), checkworthiness=0.75),
            ClaimSpec("The union said 84 percent of members who voted backed the agreement.", quantities=(("84 percent", 84.0, 84.0, "percent", None),), checkworthiness=0.7),
        ],
        "coast": [
            ClaimSpec(first("coast"), quantities=(RAISE, YEARS), checkworthiness=0.65),
            ClaimSpec("The deal was struck at City Hall after mediated talks on Tuesday night.", entities=(("City Hall", "FAC", "City Hall"),)),
        ],
        "radio": [
            ClaimSpec(first("radio"), quantities=(RAISE, YEARS), checkworthiness=0.55),
            ClaimSpec("The union backed the agreement at a meeting on Thursday."),
        ],
        "gazette": [
            ClaimSpec(bodies["gazette"], quantities=(RAISE, YEARS), entities=(("City Hall", "FAC", "City Hall"),), checkworthiness=0.65),
        ],
    }
    exs = {aid: extraction(arts[aid], specs[aid]) for aid in arts}
    return verify_story(story_of(*arts.values()), arts, exs, settings=Settings())


@pytest.fixture(scope="module")
def raise_story() -> StoryVerification:
    return _raise_story()


def _with(v: StoryVerification, kind: str, claim: str) -> list[Finding]:
    return [f for f in v.findings if f.kind == kind and claim in f.claims]


def test_same_figure_and_words_is_one_fact_counting_the_copy_once(raise_story: StoryVerification) -> None:
    found = [f for f in raise_story.findings if f.kind == "corroborated" and f.field == "quantity"]
    assert len(found) == 1
    f = found[0]
    # the gazette's sentence also tells where the deal was struck: it still joins the raise
    assert set(f.claims) == {"bay:c1", "bay-copy:c1", "coast:c1", "radio:c1", "gazette:c1"}
    assert f.independent_sources == 4
    assert ("bay", "bay-copy") in f.merged
    assert "report \u201c7 percent\u201d, \u201ctwo years\u201d: " in f.summary
    assert not _with(raise_story, "single_source", "coast:c1")


def test_figure_only_one_source_gives_is_single_source_though_the_event_is_told_elsewhere(raise_story: StoryVerification) -> None:
    found = _with(raise_story, "single_source", "bay:c1") + _with(raise_story, "single_source", "bay:c2")
    assert [set(f.claims) for f in found] == [{"bay:c2", "bay-copy:c2"}]
    assert found[0].independent_sources == 1


def test_same_figure_without_shared_words_is_not_a_fact() -> None:
    bodies = {
        "a": "The strike lasted two years before the mine closed for good.",
        "b": "Ticket prices will be frozen for two years, the football club said.",
    }
    arts = {aid: article(aid, body, outlet=aid) for aid, body in bodies.items()}
    exs = {aid: extraction(arts[aid], [ClaimSpec(bodies[aid], quantities=(YEARS,))]) for aid in arts}
    v = verify_story(story_of(*arts.values()), arts, exs, settings=Settings())
    assert not [f for f in v.findings if f.kind == "corroborated"]


def _quote_story(speaker_b: str | None) -> StoryVerification:
    bodies = {
        "news": "Mayor Ana Ruiz, who hosted the talks, said, \u201cNobody wins when the ovens go cold.\u201d",
        "radio": "\"Nobody wins when the ovens go cold,\" said the mayor in the corridor before the two sides shook hands.",
    }
    arts = {aid: article(aid, body, outlet=aid) for aid, body in bodies.items()}
    exs = {
        "news": extraction(arts["news"], [ClaimSpec(bodies["news"], quotes=(("Nobody wins when the ovens go cold.", "Ana Ruiz"),))]),
        "radio": extraction(arts["radio"], [ClaimSpec(bodies["radio"], quotes=(("Nobody wins when the ovens go cold", speaker_b),))]),
    }
    return verify_story(story_of(*arts.values()), arts, exs, settings=Settings())


@pytest.mark.parametrize("speaker", ["Ana Ruiz", "Mayor Ruiz", None])
def test_same_remark_same_speaker_in_two_outlets_is_corroborated(speaker: str | None) -> None:
    v = _quote_story(speaker)
    found = [f for f in v.findings if f.kind == "corroborated" and f.field == "quote"]
    assert [set(f.claims) for f in found] == [{"news:c1", "radio:c1"}]
    assert found[0].independent_sources == 2
    assert "quote Ana Ruiz: \u201cNobody wins when the ovens go cold\u201d." in found[0].summary
    assert not [f for f in v.findings if f.kind == "single_source"]


def test_same_remark_different_speaker_is_not_corroborated() -> None:
    v = _quote_story("Carlos Vega")
    assert not [f for f in v.findings if f.kind == "corroborated" and f.field == "quote"]


def test_figure_naming_the_source_is_not_a_stated_figure() -> None:
    body = "The call lasted 40 minutes, according to two people familiar with it."
    art = article("x", body)
    spec = ClaimSpec(
        body,
        quantities=(("40 minutes", 40.0, 40.0, "minute", None), ("two people", 2.0, 2.0, "people", None)),
    )
    claim = extraction(art, [spec]).claims[0]
    claim = replace(claim, attribution="two people familiar with it")
    assert [q.text for q in stated_figures(claim)] == ["40 minutes"]


def test_event_told_elsewhere_without_the_figure_leaves_the_figure_single_source() -> None:
    union = ("Harbour Workers' Union", "ORG", "Harbour Workers' Union")
    bodies = {
        "wire": "The Harbour Workers' Union said 84 percent of its members had backed the new agreement with the port.",
        "paper": "Members of the Harbour Workers' Union backed the new agreement with the port.",
    }
    arts = {aid: article(aid, body, outlet=aid.title()) for aid, body in bodies.items()}
    exs = {
        "wire": extraction(arts["wire"], [ClaimSpec(bodies["wire"], quantities=(("84 percent", 84.0, 84.0, "percent", None),), entities=(union,), checkworthiness=0.7)]),
        "paper": extraction(arts["paper"], [ClaimSpec(bodies["paper"], entities=(union,), checkworthiness=0.6)]),
    }
    v = verify_story(story_of(*arts.values()), arts, exs, settings=Settings())
    # the two outlets agree the members backed the deal ...
    assert [f.claims for f in v.findings if f.kind == "corroborated"] == [("paper:c1", "wire:c1")]
    # ... but only the wire gives the share
    single = [f for f in v.findings if f.kind == "single_source"]
    assert [f.claims for f in single] == [("wire:c1",)]
    assert "without the figure \u201c84 percent\u201d" in single[0].summary
