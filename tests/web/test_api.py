"""The JSON API and the pages over a real SQLite store, through a real uvicorn server on 127.0.0.1."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from webtools import LiveServer

from storycheck.settings import Settings

PAGES = ("/", "/stories/s-bridge", "/articles/a-wire", "/add", "/docs")


def test_every_page_and_api_answer_carries_the_security_headers(story_server: LiveServer) -> None:
    for path in (*PAGES, "/api/stories", "/api/report", "/static/storycheck.css", "/stories/missing"):
        r = httpx.get(story_server.url + path)
        assert r.status_code == (404 if "missing" in path else 200), path
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"
        assert r.headers["x-frame-options"] == "DENY"


def test_pages_have_no_inline_script_or_style_and_load_nothing_remote(story_server: LiveServer) -> None:
    for path in PAGES:
        html = httpx.get(story_server.url + path).text
        assert not re.search(r"<script(?![^>]*\bsrc=\"/static/)", html), path
        assert "<style" not in html and " style=" not in html
        assert not re.search(r"<[^>]+\son[a-z]+=", html), path  # no inline event handlers
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", html.replace('href="https://gazette.example', "").replace(
            'href="https://wire.example', "").replace('href="https://daily.example', "")), path


def test_stories_api_counts_match_the_story(story_server: LiveServer) -> None:
    (story,) = httpx.get(story_server.url + "/api/stories").json()
    assert story["id"] == "s-bridge"
    assert story["counts"] == {"articles": 3, "contradicted": 1, "corroborated": 1, "single_source": 1}
    assert story["links"]["page"] == "/stories/s-bridge"


def test_story_api_holds_what_the_page_shows(story_server: LiveServer) -> None:
    data = httpx.get(story_server.url + "/api/stories/s-bridge").json()
    assert data["matrix"]["outlets"] == ["Northport Gazette", "Valley Wire", "Coastal Daily"]
    vote = next(r for r in data["matrix"]["rows"] if r["finding"] == "f-vote-day")
    assert [c["state"] for c in vote["cells"]] == ["supports", "contradicts", "supports"]
    assert vote["cells"][1]["words"][0]["text"] == "Councillors in Northport voted on Monday to shut the Elm Street bridge."
    assert {f["kind"] for f in data["findings"]} == {"contradicted", "corroborated", "single_source"}
    assert any(e["conflict"] for e in data["timeline"])
    page = httpx.get(story_server.url + "/stories/s-bridge").text
    for cell in vote["cells"][1]["words"]:
        assert cell["text"] in page
    assert page.count('<td class="cell') == 9 and "timeline-chart" in page


def test_articles_api_lists_every_article_with_its_story(story_server: LiveServer) -> None:
    articles = {a["id"]: a for a in httpx.get(story_server.url + "/api/articles").json()}
    assert set(articles) == {"a-gazette", "a-wire", "a-daily"}
    assert articles["a-gazette"]["story"] == "s-bridge" and articles["a-gazette"]["comments"] == 2
    assert articles["a-wire"]["contradicted_claims"] == 1 and articles["a-wire"]["single_source_claims"] == 1


def test_article_api_highlights_are_spans_of_the_body(story_server: LiveServer) -> None:
    data = httpx.get(story_server.url + "/api/articles/a-wire").json()
    body = data["article"]["body"]
    claims = {c["id"]: c for c in data["claims"]}
    for h in data["highlights"]:
        assert body[h["start"]:h["end"]] == claims[h["claim"]]["text"]
    assert {h["claim"]: h["kind"] for h in data["highlights"]}["a-wire:c1"] == "contradicted"
    assert data["story"] == "s-bridge" and data["quotes"][0]["speaker"] == "Ana Ruiz"


def test_report_api_is_the_json_report(story_server: LiveServer) -> None:
    data = httpx.get(story_server.url + "/api/report").json()
    assert data["schema"] == "storycheck.report/1"
    assert {a["id"] for a in data["articles"]} == {"a-gazette", "a-wire", "a-daily"}
    assert len(data["findings"]) == 3


def test_missing_things_are_404_with_a_reason(story_server: LiveServer) -> None:
    for path in ("/api/stories/nope", "/api/articles/nope", "/api/jobs/nope"):
        r = httpx.get(story_server.url + path)
        assert r.status_code == 404 and "nope" in r.json()["detail"]
    assert "No article with id" in httpx.get(story_server.url + "/articles/nope").text


def test_docs_work_offline_from_the_openapi_description(story_server: LiveServer) -> None:
    spec = httpx.get(story_server.url + "/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/api/stories", "/api/stories/{story_id}", "/api/articles", "/api/articles/{article_id}", "/api/report",
            "/api/articles", "/api/articles/upload", "/api/jobs/{job_id}"} <= paths
    docs = httpx.get(story_server.url + "/docs").text
    assert "/api/stories/{story_id}" in docs and "swagger-ui" not in docs.lower()
    assert not re.search(r"""(src|href)=["']https?://""", docs)


def test_foreign_host_header_and_cross_origin_posts_are_refused(story_server: LiveServer) -> None:
    r = httpx.get(story_server.url + "/", headers={"Host": "attacker.example"})
    assert r.status_code == 400 and "DNS rebinding" in r.text
    r = httpx.post(story_server.url + "/api/articles", json={"text": "x"}, headers={"Origin": "https://attacker.example"})
    assert r.status_code == 403


@pytest.fixture()
def small_limit_client(story_db: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    import shutil

    from fastapi.testclient import TestClient

    from storycheck.web.app import create_app

    db = tmp_path / "copy.db"
    shutil.copy(story_db, db)
    with TestClient(create_app(str(db), settings=Settings(max_upload_bytes=2000))) as client:
        yield client


def test_oversized_paste_upload_and_form_get_413_with_the_limit(small_limit_client) -> None:  # type: ignore[no-untyped-def]
    big = "word " * 1000  # 5,000 bytes against a 2,000-byte limit
    r = small_limit_client.post("/api/articles", json={"text": big})
    assert r.status_code == 413
    assert r.json()["detail"] == "Too large: 5.0 kB; the limit is 2.0 kB (setting max_upload_bytes)."
    r = small_limit_client.post("/api/articles/upload", files={"file": ("a.txt", big.encode(), "text/plain")})
    assert r.status_code == 413 and "max_upload_bytes" in r.json()["detail"]
    r = small_limit_client.post("/add", data={"text": big}, headers={"Accept": "text/html"})
    assert r.status_code == 413 and "max_upload_bytes" in r.text
    huge = "x" * 200_000  # past the multipart allowance: refused before parsing
    r = small_limit_client.post("/api/articles", json={"text": huge})
    assert r.status_code == 413 and "limit is 2.0 kB" in r.json()["detail"]


def test_bad_submissions_are_400_with_a_reason(small_limit_client) -> None:  # type: ignore[no-untyped-def]
    assert small_limit_client.post("/api/articles", json={}).json()["detail"] == "give exactly one of text or url"
    r = small_limit_client.post("/api/articles", json={"text": "a", "url": "https://example.org/"})
    assert r.status_code == 400
    r = small_limit_client.post("/api/articles", json={"text": "   "})
    assert r.status_code == 400 and "empty" in r.json()["detail"]
    r = small_limit_client.post("/add", data={"title": "only a title"})
    assert r.status_code == 400 and "Paste an article, choose a file or give a URL." in r.text
    r = small_limit_client.post("/api/articles", json={"url": "file:///etc/passwd"})
    assert r.status_code == 400 and "only http and https" in r.json()["detail"]


@pytest.mark.parametrize("url, kind", [
    ("http://127.0.0.1:8000/admin", "loopback"),
    ("http://10.1.2.3/", "private"),
    ("http://169.254.169.254/latest/meta-data/", "link-local"),
    ("http://[::1]:9000/", "loopback"),
    ("http://localhost/", "loopback"),
])
def test_private_urls_are_refused_with_a_clear_message(small_limit_client, url: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    r = small_limit_client.post("/api/articles", json={"url": url})
    assert r.status_code == 400
    detail = r.json()["detail"]
    assert detail.startswith("URL refused:") and f"({kind} address" in detail and "allow_private_urls" in detail
    page = small_limit_client.post("/add", data={"url": url})
    assert page.status_code == 400 and "URL refused:" in page.text


def test_a_job_that_cannot_read_its_document_fails_with_one_line(story_server: LiveServer) -> None:
    import time

    r = httpx.post(story_server.url + "/api/articles/upload",
                   files={"file": ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "text/plain")})
    assert r.status_code == 202
    job = r.json()
    assert job["status"] == "queued" and job["label"] == "photo.txt"
    deadline = time.monotonic() + 30
    while job["status"] not in ("done", "failed") and time.monotonic() < deadline:
        time.sleep(0.05)
        job = httpx.get(story_server.url + job["links"]["self"]).json()
    assert job["status"] == "failed"
    assert job["reason"].startswith("photo.txt: ") and "\n" not in job["reason"]
    page = httpx.get(story_server.url + job["links"]["status_page"]).text
    assert 'data-status="failed"' in page and "photo.txt: " in page and "Try again" in page
    # the form path answers with a redirect to the same kind of status page
    r = httpx.post(story_server.url + "/add", files={"file": ("photo.txt", b"\x00\x01\x02" * 100, "text/plain")})
    assert r.status_code == 303 and r.headers["location"].startswith("/jobs/")
