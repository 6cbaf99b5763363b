"""Reading what a user hands in: pasted text, uploaded files and fetched URLs become documents
exactly as ``storycheck check`` would read them, with the user's title/outlet on top."""

from __future__ import annotations

import pytest
from httpserver import Route, serve
from webtools import ROOT

from storycheck.clean import clean
from storycheck.settings import Settings
from storycheck.web.jobs import JobFailed, Submission
from storycheck.web.submit import read_submission

DATA = ROOT / "tests" / "data" / "web"


def test_paste_keeps_the_given_details_and_names_its_source() -> None:
    text = (DATA / "ferry-lakeport-courier.txt").read_bytes()
    docs, failures = read_submission(Submission("paste", text, title="Ferry strike", outlet="Lakeport Courier",
                                                page_url="https://courier.example/ferry"), settings=Settings())
    assert failures == [] and len(docs) == 1
    (raw,) = docs
    assert raw.format == "text" and raw.title == "Ferry strike" and raw.outlet == "Lakeport Courier"
    assert raw.source.location == "pasted text" and raw.source.kind == "paste" and raw.url == "https://courier.example/ferry"
    assert raw.id.startswith("Ferry-strike-")
    article = clean(raw)
    assert "walked off the job on Monday" in article.body and article.outlet == "Lakeport Courier"


def test_pasted_html_is_read_as_html() -> None:
    html = (DATA / "ferry-island-radio.html").read_bytes()
    (raw,), _ = read_submission(Submission("paste", html), settings=Settings())
    assert raw.format == "html"
    assert "Copyright 2026" not in clean(raw).body


def test_upload_of_a_json_article_reads_its_fields() -> None:
    path = ROOT / "examples" / "harbour-strike" / "06-gazette.json"
    if not path.exists():
        pytest.skip(f"{path} not present")
    docs, failures = read_submission(Submission("upload", path.read_bytes(), filename=path.name), settings=Settings())
    assert failures == [] and len(docs) == 1
    assert docs[0].source.location == "06-gazette.json" and docs[0].id == "06-gazette" and docs[0].title


def test_binary_upload_is_a_failure_with_a_reason() -> None:
    docs, failures = read_submission(Submission("upload", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, filename="photo.txt"),
                                     settings=Settings())
    assert docs == [] and len(failures) == 1
    assert failures[0].source == "photo.txt" and failures[0].reason


def test_url_is_fetched_when_private_addresses_are_allowed() -> None:
    html = (DATA / "ferry-island-radio.html").read_bytes()
    with serve() as site:
        site.route("/news/ferry", Route(body=html))
        (raw,), failures = read_submission(Submission("url", url=site.url("/news/ferry")),
                                           settings=Settings(allow_private_urls=True))
    assert failures == [] and raw.source.kind == "url" and raw.source.location == site.url("/news/ferry")
    assert raw.url == site.url("/news/ferry") and raw.format == "html" and raw.source.content_type == "text/html"


def test_url_on_this_machine_is_refused_without_the_setting() -> None:
    with serve() as site:
        site.route("/x", Route(body=b"<p>secret</p>"))
        with pytest.raises(JobFailed, match=r"refused: 127\.0\.0\.1 resolves to 127\.0\.0\.1 \(loopback address"):
            read_submission(Submission("url", url=site.url("/x")), settings=Settings())
        assert site.requests == []  # refused before any connection


def test_private_addresses_in_other_notations_are_refused() -> None:
    from storycheck.web.submit import check_url_allowed

    # checked before the job is queued; later redirect hops are checked by fetch_url(public_only=True)
    for url in ("http://169.254.169.254/latest/meta-data/", "http://10.0.0.5/", "http://[::ffff:127.0.0.1]/"):
        with pytest.raises(Exception, match="refused"):
            check_url_allowed(url, settings=Settings())
    check_url_allowed("http://127.0.0.1/", settings=Settings(allow_private_urls=True))
