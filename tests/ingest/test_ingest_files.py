"""read_sources over real files: formats, encodings, ids, dedupe, and every kind of bad file."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest

from storycheck.ingest import read_sources
from storycheck.model import IngestFailure, RawDocument
from storycheck.settings import Settings

DATA = Path(__file__).resolve().parent.parent / "data" / "ingest"


def read(*inputs: str | Path, **settings: object) -> list[RawDocument | IngestFailure]:
    return list(read_sources([str(i) for i in inputs], settings=Settings(**settings)))


def docs(items: list[RawDocument | IngestFailure]) -> list[RawDocument]:
    return [i for i in items if isinstance(i, RawDocument)]


def failures(items: list[RawDocument | IngestFailure]) -> dict[str, str]:
    return {i.source: i.reason for i in items if isinstance(i, IngestFailure)}


def one_failure(path: Path, **settings: object) -> str:
    items = read(path, **settings)
    assert len(items) == 1 and isinstance(items[0], IngestFailure), items
    assert items[0].source == str(path)
    assert "\n" not in items[0].reason
    return items[0].reason


def test_plain_text_file_keeps_content_and_provenance() -> None:
    path = DATA / "folder" / "bridge_reopens.txt"
    [doc] = read(path)
    assert isinstance(doc, RawDocument)
    assert doc.id == "bridge_reopens"
    assert doc.format == "text"
    assert doc.content == path.read_text(encoding="utf-8")
    assert doc.source.kind == "file" and doc.source.location == str(path)
    assert doc.source.encoding == "utf-8"
    import hashlib

    assert doc.source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.source.fetched_at.endswith("+00:00")


def test_folder_is_recursive_and_skips_hidden_and_non_article_files() -> None:
    items = read(DATA / "folder")
    assert not failures(items)
    assert sorted(d.id for d in docs(items)) == ["bridge_costs", "bridge_reopens"]
    by_id = {d.id: d for d in docs(items)}
    assert by_id["bridge_costs"].format == "html"  # .html in a sub folder
    assert all("hidden" not in d.content and "never be read" not in d.content for d in docs(items))


def test_folder_without_articles_is_one_failure_saying_what_was_skipped() -> None:
    reason = one_failure(DATA / "no_articles")
    assert "no article files" in reason and ".png" in reason and ".pdf" in reason


def test_glob_and_missing_path(tmp_path: Path) -> None:
    items = read(DATA / "folder" / "*.txt", tmp_path / "nope.txt", tmp_path / "*.nothing")
    assert [d.id for d in docs(items)] == ["bridge_reopens"]
    reasons = failures(items)
    assert reasons[str(tmp_path / "nope.txt")] == "no such file or directory"
    assert "no article files match" in reasons[str(tmp_path / "*.nothing")]


def test_identical_content_is_yielded_once_and_ids_stay_unique(tmp_path: Path) -> None:
    src = DATA / "folder" / "bridge_reopens.txt"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    shutil.copy(src, tmp_path / "a" / "story.txt")  # same bytes as src
    (tmp_path / "b" / "story.txt").write_text("A different article that shares the file name.\n", encoding="utf-8")
    items = read(src, tmp_path / "a" / "story.txt", tmp_path, src)
    ids = [d.id for d in docs(items)]
    assert len(ids) == len(set(ids)) == 2, ids
    assert ids[0] == "bridge_reopens"
    assert ids[1] == "story"  # b/story.txt: the copy in a/ was a duplicate of bridge_reopens
    # stable: the same inputs give the same ids on another run
    assert [d.id for d in docs(read(src, tmp_path / "a" / "story.txt", tmp_path, src))] == ids


def test_same_stem_different_content_gets_a_stable_suffix(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    (tmp_path / "x" / "story.txt").write_text("First article text.\n", encoding="utf-8")
    (tmp_path / "y" / "story.html").write_text("<p>Second article text.</p>\n", encoding="utf-8")
    ids = [d.id for d in docs(read(tmp_path))]
    assert ids[0] == "story" and ids[1].startswith("story-") and len(ids[1]) == len("story-") + 8
    assert ids == [d.id for d in docs(read(tmp_path))]


def test_html_sniffed_without_extension_and_meta_charset() -> None:
    [doc] = read(DATA / "noext")
    assert isinstance(doc, RawDocument) and doc.format == "html"
    [cp] = read(DATA / "cp1252.html")
    assert isinstance(cp, RawDocument)
    assert cp.source.encoding == "cp1252"
    assert "“enfin”" in cp.content and "Inès" in cp.content


def test_html_without_text_is_yielded_for_clean_to_judge() -> None:
    # ingest cannot tell a script-only page from a short one; clean raises "no article text"
    [doc] = read(DATA / "page_no_text.html")
    assert isinstance(doc, RawDocument) and doc.format == "html"


@pytest.mark.parametrize(
    ("name", "encoding", "expected"),
    [
        ("latin1.txt", "cp1252", "Inès Calloway a déclaré : « Nous avons tenu parole. »"),
        ("short_latin1.txt", "cp1252", "Café in Bogotá."),
        ("utf16_bom.txt", "utf-16-le", "officials said “finally”"),
        ("mostly_utf8.txt", "utf-8 (1 invalid byte replaced)", "the café on the bridge – closed since July"),
    ],
)
def test_encodings_are_detected(name: str, encoding: str, expected: str) -> None:
    [doc] = read(DATA / name)
    assert isinstance(doc, RawDocument), doc
    assert doc.source.encoding == encoding
    assert expected in doc.content
    assert "\ufeff" not in doc.content


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty file (0 bytes)"),
        ("blank.txt", "no text (only whitespace)"),
        ("nul_bytes.txt", "binary file (NUL bytes), not text"),
        ("scan.txt", "binary file (a PDF document), not text"),
        ("undecodable.txt", "cannot decode: not UTF-8 and no charset fits (save it as UTF-8)"),
        ("malformed.json", "not valid JSON (Expecting ',' delimiter: line 2, column 3)"),
        ("not_a_feed.xml", "not an RSS or Atom feed"),
    ],
)
def test_bad_files_fail_with_one_line_reason(name: str, reason: str) -> None:
    assert one_failure(DATA / name) == reason


def test_binary_named_explicitly_is_refused(tmp_path: Path) -> None:
    png = tmp_path / "chart.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    assert one_failure(png) == "binary file (a PNG image), not text"


def test_file_over_the_size_cap_is_refused_without_reading(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:
        fh.truncate(50 * 1_000_000)  # sparse: 50 MB on paper, no disk or time spent
    reason = one_failure(big)
    assert reason == "file is 50.0 MB, over the 20.0 MB limit (fetch_max_bytes)"
    assert one_failure(big, fetch_max_bytes=1000).startswith("file is 50.0 MB, over the 1.0 kB limit")


def test_unreadable_file(tmp_path: Path) -> None:
    import os

    locked = tmp_path / "locked.txt"
    locked.write_text("secret", encoding="utf-8")
    locked.chmod(0)
    if os.access(locked, os.R_OK):
        pytest.skip("running as root: permissions are not enforced")
    assert one_failure(locked) == "permission denied"


def test_batch_goes_on_after_bad_inputs(tmp_path: Path) -> None:
    items = read(DATA / "empty.txt", tmp_path / "missing", DATA / "folder" / "bridge_reopens.txt", DATA / "scan.txt")
    assert [type(i).__name__ for i in items] == ["IngestFailure", "IngestFailure", "RawDocument", "IngestFailure"]


def test_json_article_object_fields() -> None:
    [doc] = read(DATA / "article.json")
    assert isinstance(doc, RawDocument)
    assert doc.id == "article"
    assert doc.format == "html"
    assert doc.url == "https://alder-gazette.example/local/bridge-audit"
    assert doc.title == "Council orders audit of bridge invoices"
    assert doc.published == "2026-03-05T17:40:00+01:00"
    assert doc.outlet == "Alder Gazette" and doc.author == "Tomás Reyna"
    assert doc.content.startswith("<article><h1>")
    assert doc.source.content_type == "application/json"


def test_json_list_uses_record_ids() -> None:
    items = read(DATA / "list.json")
    assert [d.id for d in docs(items)] == ["gazette-1", "radio-1"]
    assert [d.source.location for d in docs(items)] == [f"{DATA / 'list.json'}#1", f"{DATA / 'list.json'}#2"]


def test_jsonl_records_bad_lines_fail_alone() -> None:
    path = DATA / "articles.jsonl"
    items = read(path)
    good = docs(items)
    assert [d.id for d in good] == [
        "alder-gazette.example-local-bridge-reopens",  # slug of the record's url
        "articles-2",  # no url: <file stem>-<line>
        good[2].id,
    ]
    assert good[2].id.startswith("coast-wire.example-2026-03-03-bridge-")  # query string: short hash added
    assert good[1].format == "html" and good[0].format == "text"
    assert good[2].published == "2026-03-03T08:15:00+00:00"  # Unix timestamp converted
    assert len({d.source.sha256 for d in good}) == 3
    assert failures(items) == {
        f"{path}#3": "not valid JSON (Unterminated string starting at: column 88)",
        f"{path}#4": "expected an article object, got list",
        f"{path}#5": "article object has no 'text' or 'html'",
    }


def test_feed_file_entries_become_documents() -> None:
    items = read(DATA / "feed.rss", DATA / "feed.atom")
    assert not failures(items)
    urls = [d.url for d in docs(items)]
    assert urls == [
        "https://alder-gazette.example/local/bridge-reopens",  # relative link resolved against the channel link
        "https://alder-gazette.example/local/bridge-audit",
        "https://harbour-radio.example/news/ferry",
    ]
    ferry = docs(items)[2]
    assert ferry.source.kind == "feed" and ferry.author == "Lena Okafor"
    assert ferry.published == "2026-03-04T16:30:00+00:00"
    assert "winter timetable on Monday" in ferry.content  # full content preferred over summary


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"Read from a pipe: the bridge reopened on Tuesday.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    [doc] = read("-")
    assert isinstance(doc, RawDocument)
    assert doc.id == "stdin" and doc.source.kind == "stdin" and doc.content == data.decode()


def test_stdin_over_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 5000)))
    [fail] = read("-", fetch_max_bytes=1000)
    assert isinstance(fail, IngestFailure) and fail.reason == "standard input is over the 1.0 kB limit (fetch_max_bytes)"


def test_unsupported_scheme() -> None:
    [fail] = read("ftp://example.org/file.txt")
    assert isinstance(fail, IngestFailure) and fail.reason == "only http and https URLs can be fetched"


def test_seed_articles_read_as_utf8_text(seeds_dir: Path) -> None:
    items = read(seeds_dir)
    assert not failures(items)
    seeds = sorted(seeds_dir.glob("*.txt"))
    assert [d.id for d in docs(items)] == [p.stem for p in seeds]
    for doc, path in zip(docs(items), seeds, strict=True):
        assert doc.format == "text" and doc.source.encoding == "utf-8"
        assert doc.content == path.read_text(encoding="utf-8")


def test_link_only_feed_entries_are_one_failure_and_outlet_comes_from_source() -> None:
    path = DATA / "links_only.rss"
    items = read(path)
    [doc] = docs(items)
    assert doc.outlet == "Harbour Radio" and doc.url == "https://harbour-radio.example/news/ferry"
    assert failures(items) == {
        str(
            path
        ): "1 of 2 feed entries carry only a link, no text (pass the links themselves, or `storycheck watch` the feed to fetch them)"
    }


def test_folder_skips_feeds_and_notes_but_they_read_when_named(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("# Answer key\nNot an article.\n", encoding="utf-8")
    shutil.copy(DATA / "links_only.rss", tmp_path / "feed.xml")
    shutil.copy(DATA / "folder" / "bridge_reopens.txt", tmp_path / "story.txt")
    items = read(tmp_path)
    assert [d.id for d in docs(items)] == ["story"] and not failures(items)
    assert [d.id for d in docs(read(tmp_path / "notes.md"))] == ["notes"]


def test_unreadable_sub_folder_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    import os

    shutil.copy(DATA / "folder" / "bridge_reopens.txt", tmp_path / "story.txt")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text("text", encoding="utf-8")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as root: permissions are not enforced")
        items = read(tmp_path)
        assert [d.id for d in docs(items)] == ["story"]
        assert failures(items) == {str(locked): "cannot read folder: Permission denied"}
    finally:
        locked.chmod(0o755)
