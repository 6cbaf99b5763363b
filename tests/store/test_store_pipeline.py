"""The store under the real pipeline: what `check --db` writes reads back identical."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storycheck.settings import Settings
from storycheck.store import Store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "harbour-strike"


@pytest.fixture(scope="module")
def example_dir() -> Path:
    if not EXAMPLE.is_dir():
        pytest.skip(f"example story not found at {EXAMPLE}")
    return EXAMPLE


def test_cleaned_articles_and_claims_round_trip(example_dir: Path, tmp_path: Path) -> None:
    from storycheck.claims import extract_claims
    from storycheck.pipeline import read_and_clean

    settings = Settings()
    pairs, failures = read_and_clean([str(example_dir)], settings=settings)
    assert pairs and not failures
    extractions = {e.article: e for e in extract_claims([a for _, a in pairs], settings=settings)}
    db = tmp_path / "pipeline.db"
    with Store.open(db) as store:
        assert all(store.save_article(raw, art, extractions.get(art.id)) for raw, art in pairs)
    with Store.open(db) as store:
        assert store.articles() == [a for _, a in pairs]
        assert store.extractions() == extractions
        assert [store.raw_document(a.id) for _, a in pairs] == [r for r, _ in pairs]
        # a second run over the same inputs writes nothing
        assert not any(store.save_article(raw, art, extractions.get(art.id)) for raw, art in pairs)
        assert store.integrity_check() == "ok"


@pytest.mark.slow
def test_check_with_db_stores_the_whole_report(example_dir: Path, tmp_path: Path) -> None:
    from storycheck.pipeline import run

    db = tmp_path / "run.db"
    report = run([str(example_dir)], settings=Settings(), db_path=str(db))
    with Store.open(db) as store:
        stored = store.report()
        assert stored.articles == report.articles
        assert stored.extractions == report.extractions
        assert stored.verifications == report.verifications
    before = _dump(db)
    # what a second `check --db` over the same inputs writes (the analysis itself is not re-run: it is slow)
    with Store.open(db) as store:
        extractions = {e.article: e for e in report.extractions}
        for article in report.articles:
            raw = store.raw_document(article.id)
            assert raw is not None
            assert store.save_article(raw, article, extractions.get(article.id)) is False
        store.save_verifications(report.verifications)
    assert _dump(db) == before


def _dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
    finally:
        conn.close()
