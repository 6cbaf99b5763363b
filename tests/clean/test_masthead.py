"""The top of a scraped page: site name, menu, slogan, headline, standfirst, byline, date, share bar."""

from __future__ import annotations

import pytest

from storycheck.clean import clean
from storycheck.clean import furniture as F

from .helpers import DATA, accounted_for, raw_from_file, raw_from_text, removed_reasons


@pytest.fixture(scope="module")
def bridge():
    return clean(raw_from_file(DATA / "masthead_nav.txt"))


def test_headline_below_the_menu_is_the_title(bridge):
    assert bridge.title == "Island bridge reopens after three months of repairs"
    assert bridge.subtitle.startswith("Engineers replaced two corroded cables")


def test_site_name_above_the_menu_is_the_outlet(bridge):
    assert bridge.outlet == "Fjord Post"


def test_menu_entries_are_navigation_not_labels(bridge):
    reasons = removed_reasons(bridge)
    for item in ("Fjord Post", "Your coast. Your news.", "Home", "Local", "Opinion", "Weather"):
        assert reasons[item] == F.NAVIGATION
    assert bridge.status == "report"  # "Opinion" in the menu says nothing about this article


def test_byline_date_reading_time_and_share_bar(bridge):
    reasons = removed_reasons(bridge)
    assert bridge.author == "Nils Aune"
    assert bridge.published == "2026-03-02"
    assert reasons["Mon 2 Mar 2026 09.30 GMT"] == F.DATELINE
    assert reasons["4 min read"] == F.META
    assert reasons["Share by email"] == F.SHARE


def test_removed_lines_keep_page_order(bridge):
    texts = [r.text for r in bridge.removed]
    assert texts.index("Fjord Post") < texts.index("Home") < texts.index(bridge.title) < texts.index("4 min read")


def test_related_links_tags_credit_and_standards_note(bridge):
    reasons = removed_reasons(bridge)
    assert reasons["Related"] == F.RELATED
    assert reasons["Ferry timetable changes for the spring"] == F.RELATED
    assert reasons["New cycle lane planned for the harbour road"] == F.RELATED
    assert reasons["Tags: Varholm Bridge Roads"] == F.CATEGORY_TAG
    assert reasons["(Reporting by Nils Aune; Editing by Eva Lie)"] == F.DATELINE
    assert reasons["Our Standards: how the Fjord Post checks its reporting."] == F.FOOTER


def test_body_and_sentence_case_heading(bridge):
    assert bridge.body.split("\n\n") == [
        "The bridge linking Varholm to the mainland reopened to traffic on Monday morning, three months "
        "after inspectors closed it over corroded cables.",
        "The first cars crossed shortly after 6 a.m., the regional roads office said.",
        "A 40 km/h limit will stay in place until the end of April while the new surface settles.",
    ]
    assert [h.text for h in bridge.headings] == ["What drivers should expect"]
    for line in (DATA / "masthead_nav.txt").read_text().splitlines():
        assert accounted_for(line, bridge), line


def test_a_sentence_in_the_masthead_is_never_dropped():
    text = ("Harbour News\nHome\nMayor resigns.\n"
            "The mayor of Nordby resigned on Friday after eleven years in office, the council said.\n")
    article = clean(raw_from_text(text))
    assert article.body.startswith("Mayor resigns.") or "Mayor resigns." == article.title
    assert "resigned on Friday after eleven years" in article.body
