"""The data directory and its permissions."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from bilan_tui import paths


def test_override_beats_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BILAN_DATA_DIR", str(tmp_path / "env"))
    assert paths.data_dir(tmp_path / "flag") == tmp_path / "flag"
    assert paths.data_dir() == tmp_path / "env"


def test_platform_default_without_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BILAN_DATA_DIR")
    assert paths.data_dir().name == "bilan-tui"


def test_private_dir_is_0700_even_under_umask_022(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b"
    paths.ensure_private_dir(target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o700
    target.chmod(0o755)
    paths.ensure_private_dir(target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o700


@pytest.mark.parametrize("name", ["../x", "x/y", "..", ".x", "", "a" * 80])
def test_workbook_names_cannot_escape(tmp_path: Path, name: str) -> None:
    with pytest.raises(paths.BadWorkbookName):
        paths.workbook_path(tmp_path, name)


def test_workbook_path(tmp_path: Path) -> None:
    assert paths.workbook_path(tmp_path, "demo") == tmp_path / "workbooks" / "demo.sqlite"
