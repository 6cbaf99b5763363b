"""``read_sources``: every input the user names, as documents or one-line failures.

Inputs are files, folders (recursive), globs, ``-`` for stdin and http(s) URLs.
Each bad input becomes an ``IngestFailure`` and the batch goes on. Identical
content (same sha256 of the raw bytes) is yielded once per run, and ids stay
unique within the run.
"""

from __future__ import annotations

import datetime as _dt
import glob
import hashlib
import mimetypes
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from storycheck.errors import IngestError
from storycheck.ingest.decode import DecodeError, decode_text
from storycheck.ingest.fetch import human_size
from storycheck.ingest.formats import detect_format, json_records
from storycheck.ingest.ids import file_id, slug, unique, url_id
from storycheck.model import IngestFailure, RawDocument, Source
from storycheck.settings import Settings

Item = RawDocument | IngestFailure

# Files that sit beside articles but never are one; skipped silently inside folders
# (named explicitly, they are still read and refused with a reason).
SKIP_SUFFIXES = frozenset(
    {
        ".png",
        ".jpg",
        ".jpeg",
        ".gif",
        ".webp",
        ".svg",
        ".ico",
        ".bmp",
        ".tif",
        ".tiff",
        ".avif",
        ".heic",
        ".pdf",
        ".zip",
        ".gz",
        ".tgz",
        ".bz2",
        ".xz",
        ".7z",
        ".rar",
        ".tar",
        ".exe",
        ".dll",
        ".so",
        ".dylib",
        ".bin",
        ".o",
        ".a",
        ".pyc",
        ".class",
        ".jar",
        ".woff",
        ".woff2",
        ".ttf",
        ".otf",
        ".eot",
        ".mp3",
        ".mp4",
        ".m4a",
        ".wav",
        ".ogg",
        ".webm",
        ".avi",
        ".mov",
        ".mkv",
        ".flac",
        ".css",
        ".js",
        ".mjs",
        ".map",
        ".py",
        ".toml",
        ".yaml",
        ".yml",
        ".ini",
        ".cfg",
        ".lock",
        ".db",
        ".sqlite",
        ".sqlite3",
        ".wal",
        ".shm",
        ".doc",
        ".docx",
        ".xls",
        ".xlsx",
        ".ppt",
        ".pptx",
        ".odt",
        ".csv",
        ".tsv",
        ".parquet",
        ".pkl",
        ".npy",
        ".sh",
        ".bat",
    }
)
# Inside folders, notes (.md) and feeds (.xml/.rss/.atom: a feed lists articles, it is not
# one) are skipped too, so an example folder with its answer key and feed reads cleanly.
FOLDER_SKIP_SUFFIXES = frozenset({".md", ".markdown", ".rst", ".xml", ".rss", ".atom"})
SKIP_NAMES = ("readme", "license", "licence", "changelog", "copying", "makefile")
_GLOB_CHARS = set("*?[")


def read_sources(inputs: Sequence[str], *, settings: Settings, untrusted: bool = False) -> Iterator[Item]:
    """Read every input lazily, in the order given (folders in sorted order).

    ``untrusted=True`` is for inputs typed by web users: only http(s) URLs are
    read (a path would expose the server's files), and unless
    ``settings.allow_private_urls`` every address on the way must be public.
    """
    reader = _Reader(settings, untrusted=untrusted)
    for spec in inputs:
        yield from reader.read(spec)


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()


class _Reader:
    """Per-run state: hashes seen (dedupe) and ids handed out (uniqueness)."""

    def __init__(self, settings: Settings, *, untrusted: bool = False) -> None:
        self.settings = settings
        self.untrusted = untrusted
        self.seen_sha: set[str] = set()
        self.taken_ids: set[str] = set()

    def read(self, spec: str) -> Iterator[Item]:
        if self.untrusted and not spec.lower().startswith(("http://", "https://")):
            yield IngestFailure(spec, "only http and https URLs are accepted here")
        elif spec == "-":
            yield from self._stdin(sys.stdin.buffer)
        elif spec.lower().startswith(("http://", "https://")):
            yield from self._url(spec)
        elif os.path.isdir(spec):
            yield from self._folder(Path(spec))
        elif os.path.lexists(spec):
            yield from self._file(Path(spec))
        elif _GLOB_CHARS & set(spec):
            matches = sorted(glob.glob(spec, recursive=True))
            files = [m for m in matches if os.path.isfile(m) and not _skipped(Path(m))]
            if not files:
                yield IngestFailure(spec, "no article files match this pattern")
            for match in files:
                yield from self._file(Path(match))
        elif "://" in spec:
            yield IngestFailure(spec, "only http and https URLs can be fetched")
        else:
            yield IngestFailure(spec, "no such file or directory")

    # --- sources -------------------------------------------------------------

    def _folder(self, folder: Path) -> Iterator[Item]:
        found = 0
        skipped: set[str] = set()
        unreadable: list[OSError] = []
        for root, dirs, files in os.walk(folder, onerror=unreadable.append):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                path = Path(root) / name
                if name.startswith("."):
                    continue
                if _skipped(path) or path.suffix.lower() in FOLDER_SKIP_SUFFIXES:
                    skipped.add(path.suffix.lower() or name)
                    continue
                found += 1
                yield from self._file(path)
        for error in unreadable:
            yield IngestFailure(str(error.filename or folder), f"cannot read folder: {error.strerror or error}")
        if not found and not unreadable:
            detail = f" (skipped: {', '.join(sorted(skipped))})" if skipped else ""
            yield IngestFailure(str(folder), f"folder holds no article files{detail}")

    def _file(self, path: Path) -> Iterator[Item]:
        location = str(path)
        try:
            info = path.stat()
        except FileNotFoundError:
            yield IngestFailure(location, "no such file (broken link?)")
            return
        except OSError as exc:
            yield IngestFailure(location, f"cannot read: {exc.strerror or exc}")
            return
        if not stat.S_ISREG(info.st_mode):
            yield IngestFailure(location, "not a regular file")
            return
        cap = self.settings.fetch_max_bytes
        if info.st_size > cap:
            yield IngestFailure(
                location, f"file is {human_size(info.st_size)}, over the {human_size(cap)} limit (fetch_max_bytes)"
            )
            return
        try:
            data = path.read_bytes()
        except PermissionError:
            yield IngestFailure(location, "permission denied")
            return
        except OSError as exc:
            yield IngestFailure(location, f"cannot read: {exc.strerror or exc}")
            return
        content_type = mimetypes.guess_type(path.name)[0]
        yield from self._documents(
            data, location=location, kind="file", suffix=path.suffix, content_type=content_type, id_base=file_id(path.stem)
        )

    def _stdin(self, stream: BinaryIO) -> Iterator[Item]:
        cap = self.settings.fetch_max_bytes
        data = stream.read(cap + 1)
        if len(data) > cap:
            yield IngestFailure("-", f"standard input is over the {human_size(cap)} limit (fetch_max_bytes)")
            return
        yield from self._documents(data, location="-", kind="stdin", suffix="", content_type=None, id_base="stdin")

    def _url(self, url: str) -> Iterator[Item]:
        from storycheck.ingest.fetch import fetch_url

        try:
            public_only = self.untrusted and not self.settings.allow_private_urls
            result = fetch_url(url, settings=self.settings, public_only=public_only)
        except IngestError as exc:
            yield IngestFailure(url, exc.reason)
            return
        yield from self._documents(
            result.content,
            location=url,
            kind="url",
            suffix="" if result.content_type else Path(result.final_url.split("?")[0]).suffix,
            content_type=result.content_type,
            declared=result.charset,
            id_base=url_id(result.final_url),
            url=result.final_url,
            fetched_at=result.fetched_at,
        )

    # --- bytes to documents -----------------------------------------------------

    def _documents(
        self,
        data: bytes,
        *,
        location: str,
        kind: str,
        suffix: str,
        content_type: str | None,
        id_base: str,
        declared: str | None = None,
        url: str | None = None,
        fetched_at: str | None = None,
    ) -> Iterator[Item]:
        if not data:
            what = {"file": "empty file", "url": "empty response", "stdin": "empty input"}.get(kind, "empty")
            yield IngestFailure(location, f"{what} (0 bytes)")
            return
        sha = hashlib.sha256(data).hexdigest()
        if sha in self.seen_sha:
            return  # the same bytes through another path, glob or URL: already yielded
        self.seen_sha.add(sha)
        sniff_html = suffix.lower() not in {".txt", ".text", ".json", ".jsonl"}
        try:
            text, encoding = decode_text(data, declared=declared, html=sniff_html)
        except DecodeError as exc:
            yield IngestFailure(location, str(exc))
            return
        if not text.strip():
            yield IngestFailure(location, "no text (only whitespace)")
            return
        fmt = detect_format(text, suffix=suffix, content_type=content_type)
        fetched_at = fetched_at or _now()
        if fmt in ("json", "jsonl"):
            yield from self._json(
                text, fmt=fmt, location=location, kind=kind, encoding=encoding, id_base=id_base, fetched_at=fetched_at
            )
            return
        if fmt == "feed":
            yield from self._feed(data, location=location, encoding=encoding, id_base=id_base, fetched_at=fetched_at)
            return
        source = Source(
            location, kind, fetched_at, sha, content_type or ("text/html" if fmt == "html" else "text/plain"), encoding
        )
        yield RawDocument(id=self._id(id_base, sha), source=source, content=text, format=fmt, url=url)

    def _json(
        self, text: str, *, fmt: str, location: str, kind: str, encoding: str, id_base: str, fetched_at: str
    ) -> Iterator[Item]:
        try:
            records = list(json_records(text, lines=fmt == "jsonl"))
        except ValueError as exc:
            yield IngestFailure(location, str(exc))
            return
        single = len(records) == 1 and fmt == "json"
        for record in records:
            where = location if single else f"{location}#{record.number}"
            if record.fields is None:
                yield IngestFailure(where, record.error or "unusable record")
                continue
            sha = hashlib.sha256(record.raw).hexdigest()
            if not single:
                if sha in self.seen_sha:
                    continue
                self.seen_sha.add(sha)
            fields = record.fields
            has_text = bool(fields.get("text"))
            content = fields["text"] if has_text else fields["html"]
            record_url = _str(fields.get("url"))
            if fields.get("id") is not None:
                base = slug(str(fields["id"])) or id_base
            elif single:
                base = id_base
            elif record_url and record_url.lower().startswith(("http://", "https://")):
                base = url_id(record_url)
            else:
                base = f"{id_base}-{record.number}"
            source = Source(where, kind, fetched_at, sha, "application/json", encoding)
            yield RawDocument(
                id=self._id(base, sha),
                source=source,
                content=content,
                format="text" if has_text else "html",
                url=record_url,
                title=_str(fields.get("title")),
                published=_published(fields.get("published")),
                outlet=_str(fields.get("outlet")),
                author=_str(fields.get("author")),
            )

    def _feed(self, data: bytes, *, location: str, encoding: str, id_base: str, fetched_at: str) -> Iterator[Item]:
        from storycheck.ingest.feeds import parse_feed

        try:
            entries = parse_feed(data, base_url=location)
        except IngestError as exc:
            yield IngestFailure(location, exc.reason)
            return
        if not entries:
            yield IngestFailure(location, "feed has no entries")
            return
        link_only = 0
        for n, entry in enumerate(entries, 1):
            body = entry.content or entry.summary
            where = f"{location}#{n}"
            if not body:
                link_only += 1
                continue
            raw = body.encode("utf-8")
            sha = hashlib.sha256(raw).hexdigest()
            if sha in self.seen_sha:
                continue
            self.seen_sha.add(sha)
            base = url_id(entry.link) if entry.link and entry.link.startswith(("http://", "https://")) else f"{id_base}-{n}"
            source = Source(where, "feed", fetched_at, sha, "text/html", encoding)
            yield RawDocument(
                id=self._id(base, sha),
                source=source,
                content=body,
                format="html",
                url=entry.link,
                title=entry.title,
                published=entry.published,
                author=entry.author,
                outlet=entry.outlet,
            )
        if link_only:
            # one line for the feed, not one per entry: links without text are normal for feeds
            yield IngestFailure(
                location,
                f"{link_only} of {len(entries)} feed entries carry only a link, no text "
                "(pass the links themselves, or `storycheck watch` the feed to fetch them)",
            )

    def _id(self, base: str, sha: str) -> str:
        chosen = unique(base, self.taken_ids, salt=sha)
        self.taken_ids.add(chosen)
        return chosen


def _skipped(path: Path) -> bool:
    name = path.name.lower()
    return path.suffix.lower() in SKIP_SUFFIXES or name.split(".")[0] in SKIP_NAMES


def _str(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _published(value: object) -> str | None:
    # numbers are Unix timestamps (a common scraper export); strings pass through for clean to parse
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _dt.datetime.fromtimestamp(value, _dt.UTC).replace(microsecond=0).isoformat()
    return _str(value)
