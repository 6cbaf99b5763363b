"""Fixtures for the report tests: the hand-built bridge story and the hostile one."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from storycheck.model import Report


def load_fixtures() -> ModuleType:
    """tests/report/fixtures.py under a unique module name (tests/ is not a package)."""
    name = "storycheck_test_report_fixtures"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("fixtures.py"))
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def fx() -> ModuleType:
    return load_fixtures()


@pytest.fixture(scope="session")
def story_report(fx: ModuleType) -> Report:
    return fx.story_report()  # type: ignore[no-any-return]


@pytest.fixture(scope="session")
def hostile_report(fx: ModuleType) -> Report:
    return fx.hostile_report()  # type: ignore[no-any-return]
