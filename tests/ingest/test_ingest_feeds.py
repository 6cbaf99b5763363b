"""parse_feed on real RSS/Atom documents, including malformed ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from storycheck.errors import IngestError
from storycheck.ingest import parse_feed
from storycheck.model import FeedEntry

DATA = Path(__file__).resolve().parent.parent / "data" / "ingest"
BASE = "https://alder-gazette.example/feeds/local.xml"


def test_rss_entries() -> None:
    entries = parse_feed((DATA / "feed.rss").read_bytes(), base_url=BASE)
    assert entries == [
        FeedEntry(
            id="gazette-2026-0303-bridge",
            link="https://alder-gazette.example/local/bridge-reopens",  # relative link resolved
            title="Bridge reopens after eight months",
            published="2026-03-03T08:15:00+00:00",  # +0100 normalised to UTC
            summary="<p>The Harbour Street bridge reopened on Tuesday morning.</p>",
        ),
        FeedEntry(
            id="https://alder-gazette.example/local/bridge-audit",  # no guid: the link stands in
            link="https://alder-gazette.example/local/bridge-audit",
            title="Council orders audit",
            published="2026-03-05T17:40:00+00:00",
            summary="Councillors voted to audit the repair invoices.",
        ),
    ]


def test_atom_entry_with_content_and_author() -> None:
    [entry] = parse_feed((DATA / "feed.atom").read_bytes(), base_url="https://harbour-radio.example/feed")
    assert entry.id == "urn:uuid:harbour-radio-ferry-0304"
    assert entry.published == "2026-03-04T16:30:00+00:00"  # only <updated>: used as the date
    assert entry.author == "Lena Okafor"
    assert entry.content == "<p>With the bridge open, the Port Alder ferry goes back to its winter timetable on Monday.</p>"
    assert entry.summary == "The ferry returns to its winter timetable."


def test_malformed_feed_keeps_what_is_usable() -> None:
    entries = parse_feed((DATA / "broken_feed.xml").read_bytes(), base_url="https://coast-wire.example/rss")
    assert [e.link for e in entries][:1] == ["https://coast-wire.example/2026/03/03/bridge"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ((DATA / "not_a_feed.xml").read_bytes(), "not an RSS or Atom feed"),
        (b"<html><body><p>A web page, not a feed.</p></body></html>", "not an RSS or Atom feed"),
        (b"<rss version='2.0'><channel><title>cut off", "not a readable RSS or Atom feed"),
        (b"\x00\x01garbage", "not a"),
    ],
)
def test_unusable_documents_raise_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(IngestError) as info:
        parse_feed(data, base_url=BASE)
    assert info.value.source == BASE and info.value.reason.startswith(reason)
    assert "\n" not in info.value.reason


def test_valid_feed_without_items_is_empty_not_an_error() -> None:
    assert parse_feed(b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title></channel></rss>", base_url=BASE) == []


def test_entry_without_guid_or_link_gets_a_stable_id() -> None:
    data = b"<rss version='2.0'><channel><item><title>Only a title</title><description>Some text.</description></item></channel></rss>"
    first = parse_feed(data, base_url=BASE)
    assert first[0].id.startswith("sha256:") and first == parse_feed(data, base_url=BASE)
