"""SOURCES arguments: URLs, listing files with outlet names and comments, intervals."""

from __future__ import annotations

from pathlib import Path

import pytest

from storycheck.errors import IngestError
from storycheck.watch.sources import WatchSource, parse_interval, parse_sources


def test_listing_file_with_outlets_comments_and_duplicates(tmp_path: Path) -> None:
    listing = tmp_path / "sources.txt"
    listing.write_text(
        "# feeds we follow\n"
        "https://herald.example/rss\tHarbour Herald\n"
        "\n"
        "https://radio.example/story/1   Aldwen City Radio  \n"
        "https://bare.example/feed.xml # no outlet, just a comment\n"
        "https://herald.example/rss  A second name is ignored: first wins\n",
        encoding="utf-8",
    )
    found = parse_sources(["https://first.example/atom", str(listing)])
    assert found == [
        WatchSource("https://first.example/atom"),
        WatchSource("https://herald.example/rss", "Harbour Herald"),
        WatchSource("https://radio.example/story/1", "Aldwen City Radio"),
        WatchSource("https://bare.example/feed.xml"),
    ]


def test_bad_line_names_file_and_line(tmp_path: Path) -> None:
    listing = tmp_path / "feeds.txt"
    listing.write_text("https://ok.example/rss\nftp://old.example/feed\n", encoding="utf-8")
    with pytest.raises(IngestError) as caught:
        parse_sources([str(listing)])
    assert caught.value.source == f"{listing}:2"
    assert "http(s) URL" in caught.value.reason


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="neither an http"):
        parse_sources([str(tmp_path / "nope.txt")])


@pytest.mark.parametrize(("text", "seconds"), [("10m", 600.0), ("1s", 1.0), ("2h", 7200.0), ("45", 45.0), ("0.5s", 0.5), ("1d", 86400.0)])
def test_intervals(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "ten minutes", "0s", "5w"])
def test_bad_intervals(text: str) -> None:
    with pytest.raises(ValueError):
        parse_interval(text)
