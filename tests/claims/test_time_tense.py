"""The tense of the verb a time expression attaches to, read from plain text.

Sentences are written for these tests. 2026-03-01 is a Sunday: a preview published
that day means the coming Monday (March 2) when it looks ahead and the Saturday just
gone (February 28) when it reports what already happened.
"""

from __future__ import annotations

import datetime as dt

import pytest

from storycheck.claims.time_tense import governing_tense
from storycheck.claims.times import find_times

SUNDAY = dt.date(2026, 3, 1)


@pytest.mark.parametrize(
    ("sentence", "words", "want"),
    [
        ("Nurses are set to walk out on Monday after pay talks collapsed without a deal on Saturday.", "on Monday", "future"),
        ("Nurses are set to walk out on Monday after pay talks collapsed without a deal on Saturday.", "on Saturday", "past"),
        ('"We will not give in," the health minister said on Saturday.', "on Saturday", "past"),
        ("The hearings will be held on Thursday.", "on Thursday", "future"),
        ("The hearings were held on Thursday.", "on Thursday", "past"),
        ("The regatta is scheduled for Friday.", "Friday", "future"),
        ("On Saturday, organisers said the race was off.", "On Saturday", "past"),
        ("Councillors are expected to vote on the budget on Thursday.", "on Thursday", "future"),
        ("The airline plans to resume flights on Monday.", "on Monday", "future"),
        ("She told reporters on Friday that the bridge was safe.", "on Friday", "past"),
        ("The minister has said she will decide on Monday.", "on Monday", "future"),
        # no plain answer: the sentence's tense decides
        ("If the pumps fail on Monday, the town floods.", "on Monday", None),
        ("Officials said the ferry sails on Monday.", "on Monday", None),
        ("The delayed ferry sails on Monday.", "on Monday", None),
        ("The airline planned to resume flights on Monday.", "on Monday", None),
        ("The museum was due to reopen on Monday.", "on Monday", None),
        ("The judge adjourned the case until Monday.", "Monday", None),
        ("Police were deployed ahead of Saturday's match.", "Saturday", None),
        ("The verdict, expected by the end of March, could change the rules.", "the end of March", None),
        ("The final is on Sunday.", "on Sunday", None),
    ],
)
def test_governing_tense(sentence: str, words: str, want: str | None) -> None:
    i = sentence.index(words)
    assert governing_tense(sentence, i, i + len(words)) == want


def test_a_preview_dates_what_already_happened_in_the_past() -> None:
    sentence = "Nurses are set to walk out on Monday after pay talks collapsed without a deal on Saturday."
    by_text = {t.text: t for t in find_times(sentence, anchor=SUNDAY, anchor_source="published", tense="future",
                                             verb_tense=True)}
    assert by_text["Monday"].date_from == "2026-03-02"
    assert by_text["Saturday"].date_from == "2026-02-28"
    # without the verb reading, the sentence's future tense sends both ahead
    plain = {t.text: t for t in find_times(sentence, anchor=SUNDAY, anchor_source="published", tense="future")}
    assert plain["Saturday"].date_from == "2026-03-07"


def test_no_plain_verb_keeps_the_sentence_tense() -> None:
    t = find_times("If the pumps fail on Monday, the town floods.", anchor=SUNDAY, anchor_source="published",
                   tense="future", verb_tense=True)[0]
    assert t.date_from == "2026-03-02"
