"""The HTML path: trafilatura main text and metadata, the page's comment markup, furniture rules."""

from __future__ import annotations

import subprocess
import sys

import pytest

from storycheck.clean import clean
from storycheck.clean import furniture as F
from storycheck.errors import CleanError

from .helpers import DATA, raw_from_file, raw_from_text, removed_reasons


@pytest.fixture(scope="module")
def page():
    return clean(raw_from_file(DATA / "wordpress_page.html", url="https://islandcourier.example/news/ferry-rota"))


def test_meta_tags_give_title_author_date_and_site(page):
    assert page.title == "Ferry crews accept new rota after council talks"
    assert page.author == "Marta Olsen"
    assert page.published == "2026-03-06"
    assert page.outlet == "Island Courier"


def test_main_text_paragraphs_are_kept_apart(page):
    paragraphs = page.body.split("\n\n")
    assert paragraphs[0].startswith("Ferry crews on the island routes accepted a new rota on Thursday")
    assert "overtime will be paid from January, the union said" in page.body
    assert "Island residents had complained for months" in paragraphs[-1]
    assert "- Night crossings restored seven days a week\n- A second relief skipper" in page.body


def test_navigation_comments_and_footer_are_not_body(page):
    for junk in ("Home", "Sport", "About time.", "Same for my brother", "Leave a Reply",
                 "All rights reserved", "By Marta Olsen", page.title):
        assert junk not in page.body


def test_furniture_inside_the_article_is_removed_with_reason(page):
    reasons = removed_reasons(page)
    assert reasons["Share this article"] == F.SHARE
    assert reasons["Advertisement"] == F.AD


def test_html_headings(page):
    assert [h.text for h in page.headings] == ["What changes for passengers"]
    assert page.body[page.headings[0].offset :].startswith("The last evening boat will run every night")


def test_comment_markup_gives_authors_and_replies(page):
    got = [(c.id, c.author, c.reply_to) for c in page.comments]
    assert got == [("c1", "Petra Lund", None), ("c2", "Tomas Berg", "c1")]
    assert page.comments[0].text.startswith("About time. My daughter works nights")
    assert "Same for my brother" not in page.comments[0].text


def test_status_from_html_lead(page):
    assert page.status == "report"
    assert "accepted a new rota" in page.status_evidence


def test_page_without_text_raises(tmp_path):
    with pytest.raises(CleanError) as err:
        clean(raw_from_file(DATA / "no_text.html"))
    assert "no_text.html" in err.value.source


def test_format_article_with_html_content_is_sniffed():
    html = (DATA / "wordpress_page.html").read_text()
    article = clean(raw_from_text(html, fmt="article", title="Given title", published="2026-03-05"))
    assert article.title == "Given title"
    assert article.published == "2026-03-05"
    assert "accepted a new rota" in article.body


def test_host_is_outlet_of_last_resort():
    html = ("<html><body><article><p>The lighthouse on the north cape was repainted this week by "
            "volunteers from the island, the keeper said.</p></article></body></html>")
    article = clean(raw_from_text(html, fmt="html", url="https://www.capenews.example/a/1"))
    assert article.outlet == "capenews.example"


def test_import_does_not_load_trafilatura():
    code = "import sys, storycheck.clean; print('trafilatura' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_section_meta_and_published_paragraph():
    article = clean(raw_from_file(DATA / "opinion_section.html"))
    assert article.status == "opinion"
    assert article.published == "2026-03-09"
    assert removed_reasons(article)["Published: March 9, 2026"] == F.DATELINE
    assert article.body.startswith("Every winter the channel silts up")
    assert article.outlet == "Stenvik Tidende"


def test_comment_markup_without_paragraphs():
    article = clean(raw_from_file(DATA / "comments_plain_markup.html"))
    got = [(c.id, c.author, c.reply_to, c.text) for c in article.comments]
    assert got == [
        ("c1", "Astrid Moe", None, "Finally, the detour added twenty minutes each way."),
        ("c2", "Bjorn", "c1", "Twenty-five for me, from the north end."),
    ]
    assert "detour added" not in article.body


def test_example_story_html_comment_authors():
    from pathlib import Path

    page = Path(__file__).resolve().parents[2] / "examples" / "harbour-strike" / "02-coastline-news.html"
    if not page.is_file():
        pytest.skip(f"example page not found at {page}")
    article = clean(raw_from_file(page))
    assert [(c.author, c.reply_to) for c in article.comments] == [
        ("Lena Brooks", None), ("harbourwatcher", None), ("Lena Brooks", "c2")]


def test_given_title_heading_is_not_repeated_in_headings():
    html = (DATA / "wordpress_page.html").read_text().replace(
        "<h1>Ferry crews accept new rota after council talks</h1>", "<h1>Crews accept the rota</h1>")
    article = clean(raw_from_text(html, fmt="html", title="Crews accept the rota"))
    assert "Crews accept the rota" not in [h.text for h in article.headings]
    assert "Crews accept the rota" not in article.body


def test_page_labelled_text_is_still_read_as_html():
    html = (DATA / "wordpress_page.html").read_text()
    article = clean(raw_from_text(html, fmt="text"))
    assert article.body.startswith("Ferry crews on the island routes accepted")
    assert "<p>" not in article.body
