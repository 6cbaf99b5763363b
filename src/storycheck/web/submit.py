"""Turn what a user handed in (paste, upload, URL) into stored, verified articles.

The same stages as ``storycheck check``: ``read_sources`` and ``clean`` read the
document, ``extract_claims`` and ``pipeline.analyse`` verify it against every
article already in the store, and the ``Store`` keeps the result. Pastes and
uploads go through ``read_sources`` as a file so JSON articles, feeds, HTML and
scraped text are all recognised exactly as on the command line.
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Callable
from pathlib import Path

from storycheck.errors import CleanError, IngestError
from storycheck.model import Article, IngestFailure, RawDocument
from storycheck.settings import Settings
from storycheck.web.data import StoreData
from storycheck.web.jobs import Job, JobFailed, Processor, Submission

# Content types a fetched page may have, as the file suffix read_sources recognises them by.
_SUFFIX_BY_TYPE = {
    "text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt", "text/markdown": ".txt",
    "application/json": ".json", "application/x-ndjson": ".jsonl", "application/feed+json": ".json",
    "application/rss+xml": ".xml", "application/atom+xml": ".xml", "application/rdf+xml": ".xml",
    "application/xml": ".xml", "text/xml": ".xml",
}
_UPLOAD_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml", ".json", ".jsonl", ".xml", ".rss", ".atom", ".md"}


def check_url_allowed(url: str, *, settings: Settings) -> None:
    """Refuse private, loopback and link-local targets unless ``allow_private_urls`` (raises IngestError)."""
    from storycheck.ingest.fetch import check_public_url

    if not url.lower().startswith(("http://", "https://")):
        raise IngestError(url, "only http and https URLs can be fetched")
    if not settings.allow_private_urls:
        check_public_url(url)


def _document_name(sub: Submission) -> tuple[str, str]:
    """A file stem (becomes the article id) and suffix for the submission."""
    from storycheck.ingest.ids import file_id, short_hash, slug

    if sub.kind == "upload":
        path = Path(sub.filename or "upload.txt")
        suffix = path.suffix.lower()
        return file_id(path.stem), suffix if suffix in _UPLOAD_SUFFIXES else ".txt"
    head = sub.data[:2000].lstrip().lower()
    suffix = ".html" if head.startswith((b"<!doctype html", b"<html")) or b"<p>" in head or b"<div" in head else ".txt"
    stem = slug(sub.title or "", max_len=40) or "paste"
    return f"{stem}-{short_hash(sub.data, 6)}", suffix


def read_submission(sub: Submission, *, settings: Settings) -> tuple[list[RawDocument], list[IngestFailure]]:
    """The documents in a submission; a URL is fetched with the SSRF guard on every redirect hop."""
    from storycheck.ingest import read_sources

    content_type = None
    final_url = sub.page_url
    if sub.kind == "url":
        from storycheck.ingest.fetch import fetch_url
        from storycheck.ingest.ids import url_id

        assert sub.url is not None
        try:
            check_url_allowed(sub.url, settings=settings)
            result = fetch_url(sub.url, settings=settings, public_only=not settings.allow_private_urls)
        except IngestError as exc:
            raise JobFailed(f"{sub.url}: {exc.reason}") from None
        if result.status >= 400:
            raise JobFailed(f"{sub.url}: HTTP {result.status}")
        data, content_type, final_url = result.content, result.content_type, result.final_url
        stem, suffix = url_id(result.final_url), _SUFFIX_BY_TYPE.get(content_type or "", ".html")
        location, kind = sub.url, "url"
    else:
        data = sub.data
        stem, suffix = _document_name(sub)
        location, kind = (sub.filename or "upload") if sub.kind == "upload" else "pasted text", sub.kind
    docs: list[RawDocument] = []
    failures: list[IngestFailure] = []
    with tempfile.TemporaryDirectory(prefix="storycheck-web-") as tmp:
        path = str(Path(tmp) / (stem + suffix))
        Path(path).write_bytes(data)
        for item in read_sources([path], settings=settings):
            if isinstance(item, IngestFailure):
                failures.append(IngestFailure(item.source.replace(path, location), item.reason))
                continue
            source = dataclasses.replace(
                item.source, location=item.source.location.replace(path, location), kind=kind,
                content_type=content_type or item.source.content_type,
            )
            docs.append(dataclasses.replace(
                item, source=source, url=item.url or final_url, title=sub.title or item.title,
                outlet=sub.outlet or item.outlet, published=sub.published or item.published,
            ))
    return docs, failures


def _unique_ids(pairs: list[tuple[RawDocument, Article]], existing: dict[str, Article]) -> list[tuple[RawDocument, Article]]:
    """An id already stored for a different text gets a suffix; the same text keeps its id (a re-add)."""
    from storycheck.ingest.ids import short_hash

    out = []
    for raw, article in pairs:
        old = existing.get(article.id)
        if old is not None and old.body != article.body:
            new_id = f"{article.id}-{short_hash(article.body, 6)}"
            raw, article = dataclasses.replace(raw, id=new_id), dataclasses.replace(article, id=new_id)
        out.append((raw, article))
    return out


def make_processor(data: StoreData, *, settings: Settings) -> Processor:
    """The job body: read, clean, extract claims, verify against the store, save."""

    def process(job: Job, sub: Submission, set_status: Callable[[str], None]) -> None:
        from storycheck.clean import clean

        set_status("reading")
        docs, failures = read_submission(sub, settings=settings)
        pairs: list[tuple[RawDocument, Article]] = []
        for raw in docs:
            try:
                pairs.append((raw, clean(raw)))
            except CleanError as exc:
                failures.append(IngestFailure(sub.label, exc.reason))
        job.warnings = [f"{f.source}: {f.reason}" for f in failures]
        if not pairs:
            reason = failures[0].reason if failures else "no article found"
            raise JobFailed(f"{sub.label}: {reason}")

        from storycheck.claims import extract_claims
        from storycheck.pipeline import analyse

        with data.write_lock:
            existing = data.snapshot().report
            pairs = _unique_ids(pairs, {a.id: a for a in existing.articles})
            new_articles = [a for _, a in pairs]
            new_ids = {a.id for a in new_articles}
            set_status("extracting")
            known = {e.article: e for e in existing.extractions if e.article not in new_ids}
            known.update({e.article: e for e in extract_claims(new_articles, settings=settings)})
            set_status("verifying")
            articles = [a for a in existing.articles if a.id not in new_ids] + new_articles
            known, stories, verifications = analyse(
                articles, settings=settings, existing_stories=[v.story for v in existing.verifications], extractions=known,
            )
            with data.open() as store:
                for raw, article in pairs:
                    store.save_article(raw, article, known.get(article.id))
                store.save_verifications(verifications)
            data.changed()
        job.articles = [a.id for a in new_articles]
        job.stories = [s.id for s in stories if new_ids & set(s.articles)]

    return process
