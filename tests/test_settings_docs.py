"""Every setting is documented: in `storycheck settings`, in --help, and in the README."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from storycheck.cli import main
from storycheck.errors import SettingsError
from storycheck.settings import SETTINGS, Settings

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", [s.name for s in SETTINGS])
def test_setting_documented(name: str) -> None:
    assert f"`{name}`" in README, f"README does not document setting {name}"
    out = CliRunner().invoke(main, ["settings"]).output
    assert f"{name} = " in out
    assert name in CliRunner().invoke(main, ["--help"]).output


def test_toml_overrides_and_rejects_unknown(tmp_path: Path) -> None:
    cfg = tmp_path / "s.toml"
    cfg.write_text("fetch_timeout = 3\nrespect_robots = false\n")
    s = Settings.from_file(cfg)
    assert s.fetch_timeout == 3.0 and s.respect_robots is False
    cfg.write_text("no_such_setting = 1\n")
    with pytest.raises(SettingsError, match="unknown setting"):
        Settings.from_file(cfg)
    cfg.write_text("not toml [")
    with pytest.raises(SettingsError, match="not valid TOML"):
        Settings.from_file(cfg)


def test_bad_config_is_a_usage_error(tmp_path: Path) -> None:
    cfg = tmp_path / "s.toml"
    cfg.write_text("fetch_timeout = 'soon'\n")
    result = CliRunner().invoke(main, ["check", "--config", str(cfg), str(tmp_path)])
    assert result.exit_code == 2
    assert "fetch_timeout" in result.output
