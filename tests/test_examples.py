"""The example story is well-formed and its answer key matches the files.

Later stages' tests check that storycheck *finds* each planted item in
examples/harbour-strike/EXPECTED.md; these tests guard the premise: that the files
exist in the raw shapes they claim, and that every phrase the key cites is really
in the file it names (an edited article would otherwise silently break the key).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

STORY = Path(__file__).resolve().parent.parent / "examples" / "harbour-strike"
PLACEHOLDER_HOST = "http://127.0.0.1:8765/"
KINDS = {
    "contradiction", "agreement", "corroborated", "single_source", "syndicated",
    "not_a_conflict", "relative_date", "status",
}


def load_key() -> dict:
    """The fenced ```json block of EXPECTED.md (the only machine-readable part)."""
    text = (STORY / "EXPECTED.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```json\n(.*?)```", text, flags=re.S)
    assert len(blocks) == 1, "EXPECTED.md must hold exactly one fenced json block"
    return json.loads(blocks[0])


class _PageReader(HTMLParser):
    """Collects the tags seen, the meta properties, and the text (entities decoded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.meta: dict[str, str] = {}
        self.text: list[str] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "meta":
            key = attributes.get("property") or attributes.get("name")
            if key and attributes.get("content") is not None:
                self.meta[key] = attributes["content"] or ""
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False
        self.text.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        self.text.append(data)


def read_page(path: Path) -> _PageReader:
    reader = _PageReader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader


def article_text(name: str) -> str:
    """The text a phrase must occur in: page text for HTML, title + text for JSON, else the file."""
    path = STORY / name
    if name.endswith(".html"):
        return "".join(read_page(path).text)
    if name.endswith(".json"):
        obj = json.loads(path.read_text(encoding="utf-8"))
        return obj["title"] + "\n" + obj["text"]
    return path.read_text(encoding="utf-8")


def test_every_article_in_the_key_exists_and_nothing_else_is_an_article() -> None:
    key = load_key()
    listed = [a["file"] for a in key["articles"]]
    on_disk = sorted(p.name for p in STORY.iterdir() if p.suffix in {".txt", ".html", ".json"})
    assert listed == on_disk
    assert listed == key["story"]["files"]
    assert len({a["outlet"] for a in key["articles"]}) == len(listed), "each article has its own outlet"


def test_articles_are_news_length() -> None:
    for name in load_key()["story"]["files"]:
        words = len(article_text(name).split())
        assert 300 <= words <= 900, f"{name}: {words} words"


def test_html_page_has_the_shapes_scrapers_meet() -> None:
    page = read_page(STORY / "02-coastline-news.html")
    tags = [t for t, _ in page.tags]
    for needed in ("article", "h1", "h2", "nav", "figcaption", "footer"):
        assert needed in tags, f"no <{needed}>"
    assert any(t == "section" and a.get("id") == "comments" for t, a in page.tags)
    assert sum(1 for t, a in page.tags if "comment" in (a.get("class") or "").split()) == 3
    assert page.meta["og:site_name"] == "Coastline News"
    assert page.meta["author"] == "Samira Okoye"
    assert page.meta["article:published_time"].startswith("2026-03-11")
    assert "Coastline News" in page.title
    text = "".join(page.text)
    assert "Photo: Coastline News / Jonah Marsh" in text
    assert "\u00a9 2026 Coastline News Ltd" in text


def test_json_article_has_required_keys() -> None:
    obj = json.loads((STORY / "06-gazette.json").read_text(encoding="utf-8"))
    for key in ("url", "title", "text", "published", "outlet"):
        assert isinstance(obj[key], str) and obj[key], key
    assert obj["published"].startswith("2026-03-13")
    assert obj["text"].count("\n\n") >= 8, "paragraphs are separated by blank lines"


def test_text_scrapes_carry_their_furniture() -> None:
    preview = (STORY / "01-harbour-herald-preview.txt").read_text(encoding="utf-8")
    assert "\n-\n" in preview, "bullet list as lone '-' lines"
    assert "Published March 1, 2026" in preview

    wire = (STORY / "03-wire-tribune.txt").read_text(encoding="utf-8")
    assert re.search(r"^PORT ALDWEN, March 12 \(Meridian Wire\) - ", wire, flags=re.M)

    reprint = (STORY / "04-wire-reprint-daily.txt").read_text(encoding="utf-8")
    assert "\n5 Comments\n" in reprint and "\nLeave A Reply\n" in reprint
    assert re.search(r"^  \d\. [A-Z][\w. ]+ on$", reprint, flags=re.M), "'Name on' author lines"
    assert re.search(r"^    \u2022 ", reprint, flags=re.M), "indented bullet replies"

    radio = (STORY / "05-city-radio.txt").read_text(encoding="utf-8")
    for furniture in ("Listen to the article", "\n0:00\n", "Fact Checker", "Leave A Reply",
                      "Aldwen City Radio Ltd", "14 Quayside Road", "\u00a9 2026"):
        assert furniture in radio


def test_the_undated_article_really_has_no_day_date() -> None:
    radio = (STORY / "05-city-radio.txt").read_text(encoding="utf-8")
    months = "January|February|March|April|May|June|July|August|September|October|November|December"
    assert not re.search(rf"\b({months}) \d{{1,2}}\b|\b\d{{1,2}} ({months})\b", radio)
    assert not re.search(r"\d{4}-\d{2}-\d{2}", radio)
    assert next(a for a in load_key()["articles"] if a["file"] == "05-city-radio.txt")["published"] is None


def test_wire_reprint_is_a_near_copy() -> None:
    """The two wire outlets share nearly every body line, so dedup must merge them."""
    def body_lines(name: str) -> set[str]:
        return {ln for ln in article_text(name).splitlines() if len(ln) > 80}

    tribune, daily = body_lines("03-wire-tribune.txt"), body_lines("04-wire-reprint-daily.txt")
    shared = tribune & daily
    assert len(shared) >= len(tribune) - 2
    assert len(daily - tribune) >= 2, "the reprint adds a paragraph and edits a line"


def test_every_key_phrase_occurs_in_its_file() -> None:
    key = load_key()
    ids = [e["id"] for e in key["planted"]]
    assert len(ids) == len(set(ids)), "planted ids are unique"
    texts = {name: article_text(name) for name in key["story"]["files"]}
    for entry in key["planted"]:
        assert entry["kind"] in KINDS, entry["id"]
        assert len(entry["files"]) == len(entry["phrases"]), entry["id"]
        for name, phrases in zip(entry["files"], entry["phrases"], strict=True):
            assert phrases, f"{entry['id']}: no phrase for {name}"
            for phrase in phrases:
                assert phrase in texts[name], f"{entry['id']}: {phrase!r} not in {name}"
        for name, title in zip(entry["files"], entry.get("titles", ()), strict=False):
            assert title == next(a["title"] for a in key["articles"] if a["file"] == name)
            assert title in texts[name]


def test_key_covers_every_planted_kind_the_story_promises() -> None:
    planted = load_key()["planted"]
    kinds = {e["kind"] for e in planted}
    assert kinds == KINDS
    fields = {(e["kind"], e.get("field")) for e in planted}
    assert ("contradiction", "time") in fields and ("contradiction", "quote speaker") in fields
    relative = {p for e in planted if e["kind"] == "relative_date" for p in e["phrases"][0]}
    for words in ("last Thursday", "a year ago", "earlier this year", "Two days later", "since early March"):
        assert any(words in p for p in relative), words
    for e in planted:
        if e["kind"] == "relative_date":
            assert e["resolves_to"]["from"] <= e["resolves_to"]["to"]


def test_feed_lists_every_article_under_the_placeholder_host() -> None:
    root = ET.parse(STORY / "feed.xml").getroot()
    assert root.tag == "rss" and root.get("version") == "2.0"
    items = root.findall("./channel/item")
    links = [item.findtext("link") or "" for item in items]
    assert all(link.startswith(PLACEHOLDER_HOST) for link in links)
    served = [urlsplit(link).path.lstrip("/") for link in links]
    assert served == load_key()["story"]["files"]
    assert all((STORY / name).is_file() for name in served)
    assert all(item.findtext("title") for item in items)


def test_examples_copy_nothing_from_the_seeds(seeds_dir: Path) -> None:
    """The project's texts are written for it; no long line of the real seeds may appear."""
    seed_lines = {
        ln.strip() for p in seeds_dir.glob("*.txt")
        for ln in p.read_text(encoding="utf-8").splitlines() if len(ln.strip()) >= 90
    }
    for path in STORY.iterdir():
        text = path.read_text(encoding="utf-8")
        copied = [ln for ln in seed_lines if ln in text]
        assert not copied, f"{path.name} contains seed text: {copied[0][:60]}"


@pytest.mark.parametrize("name", ["02-coastline-news.html", "06-gazette.json"])
def test_structured_dates_match_the_key(name: str) -> None:
    expected = next(a for a in load_key()["articles"] if a["file"] == name)["published"]
    if name.endswith(".json"):
        published = json.loads((STORY / name).read_text(encoding="utf-8"))["published"]
    else:
        published = read_page(STORY / name).meta["article:published_time"]
    assert published[:10] == expected
