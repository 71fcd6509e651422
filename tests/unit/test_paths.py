"""The data directory and its permissions."""

from __future__ import annotations

import os
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
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700


def test_a_folder_she_chose_keeps_its_mode(tmp_path: Path) -> None:
    """#21.11: an existing ``--data-dir`` is hers; only the folders we create are made 0700."""
    chosen = tmp_path / "chosen"
    chosen.mkdir(mode=0o755)
    chosen.chmod(0o755)
    paths.ensure_private_dir(chosen)
    paths.ensure_private_dir(chosen / "workbooks")
    assert stat.S_IMODE(chosen.stat().st_mode) == 0o755
    assert stat.S_IMODE((chosen / "workbooks").stat().st_mode) == 0o700


def test_missing_parents_are_private_even_under_umask_000(tmp_path: Path) -> None:
    """#21.11: ``mkdir(parents=True)`` gave the parents 0777 under umask 000."""
    previous = os.umask(0)
    try:
        paths.ensure_private_dir(tmp_path / "x" / "y" / "z")
    finally:
        os.umask(previous)
    for folder in ("x", "x/y", "x/y/z"):
        assert stat.S_IMODE((tmp_path / folder).stat().st_mode) == 0o700, folder


@pytest.mark.parametrize("name", ["../x", "x/y", "..", ".x", "", "a" * 80])
def test_workbook_names_cannot_escape(tmp_path: Path, name: str) -> None:
    with pytest.raises(paths.BadWorkbookName):
        paths.workbook_path(tmp_path, name)


def test_workbook_path(tmp_path: Path) -> None:
    assert paths.workbook_path(tmp_path, "demo") == tmp_path / "workbooks" / "demo.sqlite"
