"""Status (report / preview / opinion / analysis) and page metadata rules."""

from __future__ import annotations

import pytest

from storycheck.clean import clean
from storycheck.clean.metadata import copyright_owner, detect_language, parse_date, yearless_date
from storycheck.clean.status import decide_status, split_sentences

from .helpers import DATA, raw_from_file, raw_from_text


@pytest.mark.parametrize(
    ("lead", "status"),
    [
        ("The two ministers will meet in Oslo on Friday to discuss fishing quotas.", "preview"),
        ("The summit is scheduled to open on Monday in Geneva.", "preview"),
        ("Ahead of the vote, the mayor toured the flooded district.", "preview"),
        ("The two ministers met in Oslo on Friday to discuss fishing quotas.", "report"),
        ("Flood waters receded on Sunday, officials said.", "report"),
        ("Dock workers returned to work on Monday after the union accepted an offer.", "report"),
        ("The mayor, who is expected to resign next week, opened the bridge on Saturday.", "report"),
    ],
)
def test_status_from_the_lead(lead, status):
    got, evidence = decide_status([lead, "Background: the ministers will meet again in May."])
    assert got == status
    assert evidence == lead


def test_status_ignores_tense_inside_quotes():
    lead = '"We will meet them halfway," the union leader said on Tuesday.'
    assert decide_status([lead])[0] == "report"


def test_preview_decided_by_a_later_lead_sentence_when_the_first_has_no_cue():
    paras = ["A new chapter for the harbour.", "Council leaders are set to approve the plan on Monday."]
    assert decide_status(paras) == ("preview", "Council leaders are set to approve the plan on Monday.")


def test_opinion_label_line():
    article = clean(raw_from_file(DATA / "opinion_firstperson.txt"))
    assert article.status == "opinion"
    assert article.body.startswith("I have taken the last ferry home")
    assert "Opinion" not in article.body.split("\n\n")[0][:10]


def test_opinion_from_first_person_argument_without_label():
    text = (DATA / "opinion_firstperson.txt").read_text().split("\n", 1)[1]
    article = clean(raw_from_text(text))
    assert article.status == "opinion"
    assert "I believe the council" in article.status_evidence


def test_analysis_label_in_title():
    article = clean(raw_from_file(DATA / "analysis_label.txt"))
    assert article.status == "analysis"
    assert article.status_evidence.startswith("Analysis:")


def test_sentence_split_keeps_abbreviations():
    text = "U.S. President Donald Trump met Mr. Petro in Washington, D.C. on Feb. 3. They spoke for two hours."
    assert split_sentences(text) == [
        "U.S. President Donald Trump met Mr. Petro in Washington, D.C. on Feb. 3.",
        "They spoke for two hours.",
    ]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("March 4, 2026", "2026-03-04"),
        ("Tuesday, 3 February 2026", "2026-02-03"),
        ("Feb. 3, 2026 at 10:15 am", "2026-02-03"),
        ("2026-03-06T08:30:00+00:00", "2026-03-06T08:30:00+00:00"),
        ("2026-03-06", "2026-03-06"),
        ("no date here", None),
        ("Feb. 3", None),
    ],
)
def test_parse_date(text, iso):
    assert parse_date(text) == iso


def test_yearless_dates_take_the_fetch_year():
    assert yearless_date("Feb. 3", fetched_at="2026-03-01T00:00:00Z") == "2026-02-03"
    assert yearless_date("Dec. 30", fetched_at="2026-01-02T00:00:00Z") == "2025-12-30"


def test_published_from_raw_document_wins():
    raw = raw_from_file(DATA / "report_wire.txt", published="2026-02-04T06:00:00Z")
    assert clean(raw).published == "2026-02-04T06:00:00Z"


def test_published_is_none_when_the_document_gives_none():
    article = clean(raw_from_text("The ferry left on time this morning for the first time in a month."))
    assert article.published is None


@pytest.mark.parametrize(
    ("line", "owner"),
    [
        ("© 2026 Island Courier Media Ltd. All rights reserved.", "Island Courier Media Ltd"),
        ("Copyright 2020-2026 The Harbour Gazette", "The Harbour Gazette"),
        ("(c) Nordby News", "Nordby News"),
    ],
)
def test_copyright_owner(line, owner):
    assert copyright_owner(line) == owner


def test_language_detection():
    assert detect_language("The strike ended on Monday and the workers went back to the port.") == "en"
    assert detect_language("La huelga terminó el lunes y los trabajadores volvieron al puerto.") == "es"
    assert detect_language("Der Streik endete am Montag und die Arbeiter kehrten in den Hafen zurück.") == "de"
    assert detect_language("Ok") == "und"


@pytest.mark.parametrize(
    ("lead", "iso"),
    [
        ("BOGOTA, Colombia, March 4, 2026 — Colombian officials said on Wednesday that talks go on.", "2026-03-04"),
        ("WASHINGTON, Feb. 3 (Wire) - The two leaders met for two hours at the White House.", "2026-02-03"),
        ("LONDON, 3 February 2026 -- Shipping rates fell for a third week, brokers said.", "2026-02-03"),
        ("NEW YORK, Jan 5 (AP) — Markets opened lower on Monday after a holiday week.", "2026-01-05"),
        ("WASHINGTON (Reuters) - The two leaders met for two hours at the White House.", None),
    ],
)
def test_dateline_opening_the_first_paragraph(lead, iso):
    raw = raw_from_text(lead + "\n\nA second paragraph follows here with more of the story told.")
    assert clean(raw).published == iso


def test_a_quotation_line_is_never_a_heading():
    text = ("The union leader spoke to the crowd outside the depot on Monday morning before the vote.\n\n"
            "“We will not back down”\n\n"
            "Members then voted to continue the strike for another week, the union said.\n")
    article = clean(raw_from_text(text))
    assert "“We will not back down”" in article.body
    assert article.headings == ()


def test_script_languages_and_czech():
    assert detect_language("東京の渡し船は朝七時に港を出て、一時間後に島に着いたと乗組員が話した。") == "ja"
    assert detect_language("페리는 아침 일곱 시에 부두를 떠나 한 시간 뒤에 섬에 도착했다고 선원들이 말했다.") == "ko"
    assert detect_language("Trajekt odplul v sedm hodin ráno a na ostrov dorazil za hodinu, jak řekla posádka, "
                           "která je na to zvyklá a která už jezdí do přístavu dlouho.") == "cs"
    assert detect_language("Привет, мир, это короткий текст о пароме и острове.") == "und"


def test_author_placeholders_and_repeats_are_tidied():
    from storycheck.clean.metadata import clean_author

    assert clean_author("Jeffrey Gettleman; JEFFREY GETTLEMAN") == "Jeffrey Gettleman"
    assert clean_author("Username") is None
    assert clean_author("Ana Kowal; Tom Reyes") == "Ana Kowal; Tom Reyes"
    assert clean_author(None) is None
