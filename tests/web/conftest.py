"""Web fixtures: real SQLite stores holding the hand-built stories, and real uvicorn servers on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from webtools import LiveServer, live_app, report_fixtures, store_report

from storycheck.model import Report


@pytest.fixture(scope="session")
def fx() -> ModuleType:
    return report_fixtures()


@pytest.fixture(scope="session")
def story_report(fx: ModuleType) -> Report:
    return fx.story_report()  # type: ignore[no-any-return]


@pytest.fixture(scope="session")
def hostile_report(fx: ModuleType) -> Report:
    return fx.hostile_report()  # type: ignore[no-any-return]


@pytest.fixture(scope="session")
def story_db(tmp_path_factory: pytest.TempPathFactory, fx: ModuleType) -> Path:
    return store_report(fx.story_report(), tmp_path_factory.mktemp("story") / "story.db")


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory: pytest.TempPathFactory, fx: ModuleType) -> Path:
    return store_report(fx.hostile_report(), tmp_path_factory.mktemp("hostile") / "hostile.db")


@pytest.fixture(scope="session")
def story_server(story_db: Path) -> Iterator[LiveServer]:
    yield from live_app(story_db)


@pytest.fixture(scope="session")
def hostile_server(hostile_db: Path) -> Iterator[LiveServer]:
    yield from live_app(hostile_db)


@pytest.fixture(scope="session")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example story run through the whole pipeline into a real database."""
    from webtools import ROOT

    from storycheck.settings import Settings

    example = ROOT / "examples" / "harbour-strike"
    try:
        from storycheck.claims import extract_claims  # noqa: F401
        from storycheck.pipeline import run
        from storycheck.verify import group_stories, verify_story  # noqa: F401
    except ImportError as exc:
        pytest.skip(f"the pipeline stages are not importable yet ({exc})")
    db = tmp_path_factory.mktemp("example") / "example.db"
    run([str(example)], settings=Settings(), db_path=str(db))
    return db


@pytest.fixture(scope="session")
def example_server(example_db: Path) -> Iterator[LiveServer]:
    yield from live_app(example_db)
