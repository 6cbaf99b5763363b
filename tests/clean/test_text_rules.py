"""Each plain-text cleaning rule, on short articles written for these tests (tests/data/clean)."""

from __future__ import annotations

import pytest

from storycheck.clean import clean
from storycheck.clean import furniture as F
from storycheck.errors import CleanError

from .helpers import DATA, accounted_for, raw_from_file, raw_from_text, removed_reasons


@pytest.fixture(scope="module")
def ferry():
    return clean(raw_from_file(DATA / "preview_ferry.txt"))


@pytest.fixture(scope="module")
def wire():
    return clean(raw_from_file(DATA / "report_wire.txt"))


def test_title_byline_and_published_line_leave_the_body(ferry):
    assert ferry.title == "Harbour Council and Ferry Union Set for Talks on Night Crossings"
    assert ferry.author == "Marta Olsen"
    assert ferry.published == "2026-03-04"
    reasons = removed_reasons(ferry)
    assert reasons["Published: March 4, 2026"] == F.DATELINE
    assert reasons["By Marta Olsen"] == F.DATELINE
    assert "Marta Olsen" not in ferry.body and "Published" not in ferry.body
    assert ferry.title not in ferry.body


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Listen to this article", F.PLAYER),
        ("0:00", F.PLAYER),
        ("2:41", F.PLAYER),
        ("Ferry Strike Ferry Strike", F.CATEGORY_TAG),
        ("Photo: Port Authority archive", F.IMAGE_CREDIT),
        ("Advertisement", F.AD),
        ("Fact Checker", F.BOX),
        ("Verify the accuracy of this article using our newsroom's source notes.", F.BOX),
        ("3 Comments", F.COMMENT_COUNTER),
        ("Leave a Reply", F.COMMENT_FORM),
        ("Your email address will not be published. Required fields are marked *", F.COMMENT_FORM),
        ("Contact", F.FOOTER),
        ("Island Courier Media Ltd", F.FOOTER),
        ("12 Quay Street", F.FOOTER),
        ("© 2026 Island Courier Media Ltd. All rights reserved.", F.FOOTER),
    ],
)
def test_furniture_is_removed_with_its_reason(ferry, line, reason):
    assert removed_reasons(ferry).get(line) == reason
    assert line not in ferry.body


def test_about_us_blurb_is_footer(ferry):
    blurbs = [r for r in ferry.removed if r.text.startswith("The Island Courier is an independent")]
    assert [r.reason for r in blurbs] == [F.FOOTER]


def test_every_body_sentence_survives(ferry):
    for needle in (
        "are expected to meet on Thursday to settle a dispute",
        "The talks follow three weeks in which the last evening",
        "About 1,200 island residents commute to the mainland",
        "Union officials say crews are asked to work shifts",
        "The agenda is likely to include:",
        "A council spokesperson said a vote on any agreement",
    ):
        assert needle in ferry.body


def test_lone_dash_markers_are_rejoined_into_list_items(ferry):
    assert "- Crew rotas for the late crossings\n- A second relief skipper on weekends\n" in ferry.body
    assert "- Overtime pay backdated to January" in ferry.body
    assert all(line.strip() not in {"-", "•"} for line in ferry.body.split("\n"))


def test_headings_are_out_of_the_body_with_offsets(ferry):
    assert [h.text for h in ferry.headings] == ["Why the Night Boats Matter", "What Comes Next"]
    for h in ferry.headings:
        assert h.text not in ferry.body
        assert h.offset == 0 or ferry.body[h.offset - 2 : h.offset] == "\n\n"
    assert ferry.body[ferry.headings[0].offset :].startswith("About 1,200 island residents")
    assert ferry.body[ferry.headings[1].offset :].startswith("A council spokesperson said")


def test_numbered_comments_with_authors_and_bullet_replies(ferry):
    got = [(c.id, c.author, c.reply_to, c.text.split()[0]) for c in ferry.comments]
    assert got == [
        ("c1", None, None, "Finally"),
        ("c2", "Petra Lund", None, "Backdated"),
        ("c3", None, "c2", "Agreed,"),
        ("c4", "Tomas Berg", None, "I"),
        ("c5", "Ingrid Holm", "c4", "Give"),
    ]
    for c in ferry.comments:
        assert c.text not in ferry.body


def test_comments_can_be_dropped_but_not_silently():
    article = clean(raw_from_file(DATA / "preview_ferry.txt"), keep_comments=False)
    assert article.comments == ()
    dropped = [r.text for r in article.removed if r.reason == F.COMMENT]
    assert len(dropped) == 5 and dropped[0].startswith("Finally some movement")


def test_footer_about_sentence_names_the_outlet(ferry):
    assert ferry.outlet == "The Island Courier"


def test_footer_copyright_names_the_outlet_when_no_about_sentence():
    text = (DATA / "preview_ferry.txt").read_text().replace("The Island Courier is an independent", "An independent")
    assert clean(raw_from_text(text)).outlet == "Island Courier Media Ltd"


def test_raw_outlet_wins_over_footer():
    article = clean(raw_from_file(DATA / "preview_ferry.txt", outlet="Island Courier"))
    assert article.outlet == "Island Courier"


def test_every_source_line_is_accounted_for(ferry):
    for line in (DATA / "preview_ferry.txt").read_text().splitlines():
        assert accounted_for(line, ferry), line


def test_wire_dateline_gives_the_date_and_stays_in_the_body(wire):
    assert wire.published == "2026-02-03"
    assert wire.body.startswith("HALDEN, Feb. 3 (Wire) - Dock workers")


def test_yearless_dateline_after_fetch_belongs_to_the_previous_year():
    raw = raw_from_file(DATA / "report_wire.txt", fetched_at="2026-01-20T00:00:00+00:00")
    assert clean(raw).published == "2025-02-03"


def test_share_prompt_and_related_link(wire):
    reasons = removed_reasons(wire)
    assert reasons["Share this article"] == F.SHARE
    assert reasons["Read more: Union ballot timetable explained"] == F.RELATED


def test_says_layout_with_timestamps_indented_and_at_replies(wire):
    got = [(c.id, c.author, c.reply_to) for c in wire.comments]
    assert got == [("c1", "Karin Vik", None), ("c2", "Ole Strand", "c1"), ("c3", "Anders", "c1")]
    assert wire.comments[1].text == "Not only the exporters. The ferry to Nordby was delayed too."
    reasons = removed_reasons(wire)
    assert reasons["February 3, 2026 at 4:15 pm"] == "comment metadata"
    assert reasons["Post Comment"] == F.COMMENT_FORM
    assert "Reply" not in wire.body and "Karin" not in wire.body


def test_quote_paragraph_is_kept(wire):
    assert '"We got most of what we asked for," said union secretary Leif Dahl' in wire.body


def test_hard_wrapped_lines_are_rejoined_and_footer_block_removed():
    article = clean(raw_from_file(DATA / "wrapped_footer.txt"))
    assert "will close at the end of the month after forty years in business" in article.body
    assert article.body.count("\n\n") == 1
    assert article.outlet == "Nordby Local News AS"
    assert {r.text for r in article.removed} == {"About Us", "Privacy Policy", "© 2025-2026 Nordby Local News AS"}


def test_non_english_text_is_flagged_not_mangled():
    path = DATA / "spanish_note.txt"
    article = clean(raw_from_file(path))
    assert article.language == "es"
    assert "volvieron al trabajo el lunes después de que el sindicato" in article.body
    assert "según la autoridad portuaria." in article.body
    assert removed_reasons(article)["Publicidad"] == F.AD


def test_unknown_language_is_und():
    article = clean(raw_from_text("Xqz vrk plo mnaa trr. Qwe rty uio pas dfg hjk. Zxc vbn mlk jhg fds."))
    assert article.language == "und"


def test_cleaning_is_stable():
    raw = raw_from_file(DATA / "preview_ferry.txt")
    assert clean(raw) == clean(raw)


def test_article_keeps_identity():
    raw = raw_from_file(DATA / "report_wire.txt")
    article = clean(raw)
    assert article.id == raw.id and article.source == raw.source


@pytest.mark.parametrize("text", ["", "   \n\n  ", "Advertisement\n\nShare\n0:00\n"])
def test_no_article_text_raises_clean_error(text):
    with pytest.raises(CleanError) as err:
        clean(raw_from_text(text, name="empty-input"))
    assert err.value.source == "empty-input" and err.value.reason


def test_furniture_words_inside_sentences_are_kept():
    text = (
        "The council said the advertisement for new skippers drew 40 replies in a week.\n\n"
        "Comments from residents were collected at the town hall on Friday evening.\n"
    )
    article = clean(raw_from_text(text))
    assert "advertisement for new skippers" in article.body
    assert "Comments from residents" in article.body
    assert article.removed == ()


def test_repeated_phrase_rule():
    assert F.is_repeated_phrase("World News World News")
    assert not F.is_repeated_phrase("New York New Jersey")
    assert not F.is_repeated_phrase("Very very")


@pytest.fixture(scope="module")
def wrapped():
    return clean(raw_from_file(DATA / "fixed_width.txt"))


def test_fixed_width_text_is_rejoined_into_paragraphs(wrapped):
    paragraphs = wrapped.body.split("\n\n")
    assert paragraphs[0].startswith("The harbour board approved a plan on Wednesday to dredge the inner basin of")
    assert paragraphs[0].endswith("since the channel silted up in the winter storms.")
    assert "in the winter storms." in paragraphs[0] and "Board chair" not in paragraphs[0]
    assert paragraphs[1].startswith("Board chair Siv Lie said") and paragraphs[1].endswith("herring season.")


def test_bare_comments_heading_mid_article_does_not_swallow_the_rest(wrapped):
    assert "Residents who spoke at the public hearing said they welcomed the plan" in wrapped.body
    assert "the old ferry berth" in wrapped.body
    assert wrapped.comments == ()


def test_sentence_starting_with_updated_is_not_a_date_line(wrapped):
    assert "Updated figures released on March 3 show the port handled a record tonnage" in wrapped.body
    assert wrapped.published is None


def test_inline_bullets_become_list_items(wrapped):
    assert "The plan covers:\n\n- the inner basin\n- the north quay approach\n- the old ferry berth" in wrapped.body
    assert "•" not in wrapped.body


def test_lone_markers_in_fixed_width_text_stay_list_markers():
    para = ("The regional council met on Thursday to agree its spending plans for the coming\n"
            "year, which include money for roads, schools and the two island ferry routes\n"
            "that were cut back last winter after the fuel price rise.\n")
    items = "The plan funds the following:\n-\nresurfacing the coastal road between the two tunnels\n-\n" \
            "a new classroom block at the Brattli primary school\n-\ntwo extra weekend ferry departures\n"
    article = clean(raw_from_text(para + "\n" + para + "\n" + items))
    assert ("- resurfacing the coastal road between the two tunnels\n"
            "- a new classroom block at the Brattli primary school\n"
            "- two extra weekend ferry departures") in article.body
    assert article.body.count("regional council met on Thursday to agree its spending plans for the coming year") == 2


def test_removed_reasons_come_from_the_documented_vocabulary(ferry, wire):
    from storycheck.clean.comments import COMMENT_META

    for article in (ferry, wire):
        assert {r.reason for r in article.removed} <= set(F.REASONS) | {COMMENT_META}
