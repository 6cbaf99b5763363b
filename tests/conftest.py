"""Shared fixtures: paths to the project's test data and to ../shared when it is present."""

from __future__ import annotations

from pathlib import Path

import pytest
from httpserver import http_server  # noqa: F401 - a real HTTP server on 127.0.0.1 for every test folder

ROOT = Path(__file__).resolve().parent.parent
TEST_DATA = ROOT / "tests" / "data"
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The five real scraped seed articles; tests using them skip when ../shared is absent."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (../shared/seeds is not beside this checkout)")
    return SEEDS


@pytest.fixture(scope="session")
def shared_data() -> Path:
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip(f"labelled data not found at {data} (../shared/data is not beside this checkout)")
    return data
