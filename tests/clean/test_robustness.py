"""Odd inputs: clean either returns an Article that lost no text or raises CleanError, never anything else."""

from __future__ import annotations

import random

import pytest

from storycheck.clean import clean
from storycheck.errors import CleanError

from .helpers import raw_from_text

SENTENCE = "The ferry to Holmen left the quay at seven and reached the island an hour later, the crew said."

ODD = [
    "-\n-\n-\n" + SENTENCE,
    SENTENCE + "\n-",
    "•\n" + SENTENCE + "\n•",
    "\n\n\n" + SENTENCE + "\n\n\n\n",
    SENTENCE * 400,  # one enormous line
    "\t" + SENTENCE.replace(" ", "\t"),
    SENTENCE + "\n\n1.\n2.\n3.\n",
    "Comments\n" + SENTENCE,
    "0 Comments\n" + SENTENCE,
    "© 2026\n" + SENTENCE,
    "<p>" + SENTENCE + "</p>",
    "<html><body><p>" + SENTENCE + "</p></body></html>",
    "\u200b\ufeff" + SENTENCE + "\u00a0",
    "Καλημέρα. Το πλοίο για τη Χόλμεν έφυγε στις επτά από την προβλήτα και έφτασε μία ώρα αργότερα.",
    "东京电视台报道，渡轮早上七点离开码头，一小时后抵达小岛，船员说一切顺利。",
]


@pytest.mark.parametrize("text", ODD)
def test_odd_inputs_keep_their_text_or_fail_cleanly(text):
    try:
        article = clean(raw_from_text(text, fmt="article"))
    except CleanError as exc:
        assert exc.reason
        return
    assert article.body.strip()
    if "ferry to Holmen" in text:
        assert "ferry to Holmen left the quay" in article.body.replace("\t", " ") or article.body.count("Holmen") >= 1


def test_non_latin_text_is_not_mangled():
    for text, language in zip(ODD[-2:], ("el", "zh"), strict=True):
        article = clean(raw_from_text(text))
        assert article.body == text
        assert article.language == language


def test_random_line_soup_never_crashes():
    rng = random.Random(3)
    pieces = [SENTENCE, "Advertisement", "-", "•", "0:00", "3 Comments", "Leave a Reply", "  1. Nice.",
              "    • Ola on", "Share", "By Kari Lund", "Published: May 2, 2026", "© 2026 X Ltd", "", "",
              "What Next", "Reply", "March 3, 2026 at 4:15 pm", "Fact Checker", "Photo: X"]
    for _ in range(200):
        text = "\n".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        try:
            article = clean(raw_from_text(text))
        except CleanError:
            continue
        assert article == clean(raw_from_text(text))  # stable
