"""Comment thread layouts beyond the seeds: name + timestamp lines, "In reply to", "@name", plain paragraphs."""

from __future__ import annotations

from storycheck.clean import clean
from storycheck.clean import furniture as F
from storycheck.clean.comments import author_line, is_timestamp

from .helpers import DATA, accounted_for, raw_from_file, removed_reasons


def test_name_then_timestamp_layout_with_reply_forms():
    article = clean(raw_from_file(DATA / "thread_layouts.txt"))
    got = [(c.id, c.author, c.reply_to) for c in article.comments]
    assert got == [
        ("c1", "Hanne Fjell", None),
        ("c2", "Jon Sand", None),
        ("c3", None, "c2"),
        ("c4", "Eirik", "c1"),
    ]
    assert article.comments[2].text.startswith("In reply to Jon Sand: the spokesperson said")
    reasons = removed_reasons(article)
    assert reasons["Comments (4)"] == F.COMMENT_COUNTER
    assert reasons["2 hours ago"] == "comment metadata"
    assert reasons["March 3, 2026 at 4:15 pm"] == "comment metadata"
    for line in (DATA / "thread_layouts.txt").read_text().splitlines():
        assert accounted_for(line, article), line


def test_newsletter_box_and_blurb_are_removed():
    article = clean(raw_from_file(DATA / "thread_layouts.txt"))
    reasons = removed_reasons(article)
    assert reasons["Sign up for our newsletter"] == F.BOX
    assert reasons["Get the week's coast news delivered to your inbox every Friday."] == F.BOX
    assert article.body.split("\n\n") == [
        "The cottage beside the Brattli lighthouse will open as a small maritime museum next summer, "
        "the municipality announced on Tuesday.",
        "Volunteers have collected logbooks, lamps and photographs from three generations of keepers, "
        "a museum spokesperson said.",
    ]


def test_unstructured_thread_is_one_comment_per_paragraph():
    article = clean(raw_from_file(DATA / "thread_plain.txt"))
    assert [c.text.split()[0] for c in article.comments] == ["This", "The"]
    assert all(c.author is None and c.reply_to is None for c in article.comments)
    assert "forty minutes" not in article.body
    assert removed_reasons(article)["Leave a comment"] == F.COMMENT_FORM


def test_author_line_shapes():
    assert author_line("William Williams on") == ("William Williams", "")
    assert author_line("Jane Doe on March 3, 2026 at 4:15 pm") == ("Jane Doe", "")
    assert author_line("jdoe_77 says:") == ("jdoe_77", "")
    assert author_line("Ola Nordmann says: I agree with the council.") == ("Ola Nordmann", "I agree with the council.")
    assert author_line("Trump on drugs was wrong") is None
    assert author_line("This meeting will be a test of whether they can agree.") is None


def test_timestamp_shapes():
    assert is_timestamp("March 3, 2026 at 4:15 pm")
    assert is_timestamp("3 days ago")
    assert is_timestamp("2026-03-12 16:15")
    assert not is_timestamp("March 3 was the day the ferry stopped")
