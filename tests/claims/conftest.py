"""Fixtures for the claims tests: one spaCy load for the whole session, and seed articles."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from storycheck.model import Article, Extraction, Source
from storycheck.settings import Settings

_COMMENT_MARKERS = re.compile(
    r"^(?:\d+ Comments?|Add a comment|Leave a Reply|Leave A Reply|Fact Checker|Comments)$", re.IGNORECASE
)


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def nlp(settings: Settings):  # type: ignore[no-untyped-def]
    from storycheck.claims.nlp import load_nlp

    return load_nlp(settings.spacy_model)


def make_article(body: str, *, article_id: str = "a1", published: str | None = None, status: str = "report") -> Article:
    source = Source(location=f"test:{article_id}", kind="file", fetched_at="2026-02-04T00:00:00+00:00", sha256="0" * 64)
    return Article(id=article_id, source=source, body=body, published=published, status=status)


@pytest.fixture(scope="session")
def extract(nlp, settings: Settings) -> Callable[..., Extraction]:  # type: ignore[no-untyped-def]
    """Run the claims stage over one body text."""
    from storycheck.claims import extract_claims

    def run(body: str, **kw: object) -> Extraction:
        return extract_claims([make_article(body, **kw)], settings=settings)[0]  # type: ignore[arg-type]

    return run


def seed_body(raw: str) -> str:
    """The prose of a scraped seed when the clean stage is not there to do it.

    Keeps lines that read as sentences, stops at the comment thread; enough for
    the claims tests, which must not depend on the cleaner's details.
    """
    kept: list[str] = []
    for line in raw.splitlines():
        line = line.strip()
        if _COMMENT_MARKERS.match(line):
            break
        if len(line.split()) >= 8 and re.search(r"[.!?][”\"’]?$", line):
            kept.append(line)
    return "\n\n".join(kept)


def seed_article(path: Path) -> Article:
    raw = path.read_text(encoding="utf-8")
    try:
        from storycheck.clean import clean  # type: ignore[attr-defined]
        from storycheck.model import RawDocument

        src = Source(location=str(path), kind="file", fetched_at="2026-02-04T00:00:00+00:00", sha256="0" * 64)
        article = clean(RawDocument(id=path.stem, source=src, content=raw, format="text"))
        if article.body.strip():
            return article
    except Exception:  # noqa: BLE001 - the cleaner may not exist yet; fall back to our own reading
        pass
    return make_article(seed_body(raw), article_id=path.stem.split("_")[0])


@pytest.fixture(scope="session")
def seed_articles(seeds_dir: Path) -> dict[str, Article]:
    """Seed number ("000".."004") -> its article."""
    return {p.name[:3]: seed_article(p) for p in sorted(seeds_dir.glob("*.txt"))}


@pytest.fixture(scope="session")
def seed_extractions(seed_articles: dict[str, Article], settings: Settings, nlp) -> dict[str, tuple[Article, Extraction]]:  # type: ignore[no-untyped-def]
    from storycheck.claims import extract_claims

    keys = list(seed_articles)
    exs = extract_claims([seed_articles[k] for k in keys], settings=settings)
    return {k: (seed_articles[k], ex) for k, ex in zip(keys, exs, strict=True)}
