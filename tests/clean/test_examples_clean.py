"""The project's example story (examples/harbour-strike): cleaning must match its answer key."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from storycheck.clean import clean
from storycheck.ingest import read_sources
from storycheck.model import IngestFailure
from storycheck.settings import Settings

STORY = Path(__file__).resolve().parents[2] / "examples" / "harbour-strike"


def _key() -> dict:
    text = (STORY / "EXPECTED.md").read_text(encoding="utf-8")
    block = re.search(r"```json\n(.*?)\n```", text, re.S)
    assert block, "EXPECTED.md has no json block"
    return json.loads(block.group(1))


@pytest.fixture(scope="module")
def cleaned():
    if not STORY.is_dir():
        pytest.skip(f"example story not found at {STORY}")
    files = [str(STORY / a["file"]) for a in _key()["articles"]]
    out = {}
    for item in read_sources(files, settings=Settings()):
        assert not isinstance(item, IngestFailure), item
        out[item.source.location.rsplit("/", 1)[-1]] = clean(item)
    return out


@pytest.mark.parametrize("field", ["title", "outlet", "status"])
def test_article_fields_match_the_key(cleaned, field):
    for expected in _key()["articles"]:
        assert getattr(cleaned[expected["file"]], field) == expected[field], expected["file"]


def test_published_matches_the_key(cleaned):
    for expected in _key()["articles"]:
        got = cleaned[expected["file"]].published
        assert (got[:10] if got else None) == expected["published"], expected["file"]


def test_comment_counts_match_the_key(cleaned):
    for expected in _key()["articles"]:
        assert len(cleaned[expected["file"]].comments) == expected["comments"], expected["file"]


def test_planted_phrases_survive_cleaning(cleaned):
    for planted in _key()["planted"]:
        for name, phrases in zip(planted["files"], planted["phrases"], strict=True):
            article = cleaned[name]
            text = "\n".join(t for t in (article.title, article.subtitle, article.body) if t)
            for phrase in phrases:
                assert phrase in text, (planted.get("id"), name, phrase)


def test_every_line_of_the_text_examples_is_accounted_for(cleaned):
    from .helpers import accounted_for

    for name, article in cleaned.items():
        if not name.endswith(".txt"):
            continue
        lost = [line for line in (STORY / name).read_text(encoding="utf-8").splitlines()
                if not accounted_for(line, article)]
        assert not lost, name
