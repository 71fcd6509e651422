"""Under umask 022, everything of a workbook is private: folders 0700, files 0600.

The workbook, its ``-wal`` and ``-shm`` (checked while the interface has them
open), the lock, the backups, ``bilan backup --output`` copies and exports.
The program writes no log file; if one ever appears in the data folder, it is
checked like the rest.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from bilan_tui.cli import main

from ..ui.helpers import make_app, mini_pack, wait_for_session


def modes(root: Path) -> dict[str, int]:
    return {
        str(path.relative_to(root)): stat.S_IMODE(path.stat().st_mode)
        for path in [root, *root.rglob("*")]
    }


def assert_private(root: Path) -> dict[str, int]:
    found = modes(root)
    for name, mode in found.items():
        wanted = 0o700 if (root / name).is_dir() else 0o600
        assert mode == wanted, f"{name} is {mode:o}, not {wanted:o}"
    return found


def test_the_command_line_keeps_everything_private(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert os.umask(0o022) == 0o022  # (and put back) the conftest's umask
    add = ["hours", "add", "--date", "2026-03-02", "--duration", "1h", "--phase", "preliminaire"]
    assert main(["--lang", "en", *add, "--kind", "personnel"]) == 0
    assert main(["--lang", "en", "backup"]) == 0
    exports = tmp_path / "exports"
    exports.mkdir()
    assert main(["--lang", "en", "backup", "--output", str(exports / "copy.sqlite")]) == 0
    for format_ in ("md", "html", "json"):
        assert main(["--lang", "en", "export", "--format", format_, "--output", str(exports)]) == 0
    capsys.readouterr()
    found = assert_private(data_dir)
    assert {"workbooks", "workbooks/default.sqlite", "workbooks/backups"} <= set(found)
    assert any(name.startswith("workbooks/backups/default-") for name in found)
    for path in exports.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    assert len(list(exports.iterdir())) == 4


async def test_the_open_workbook_and_its_companions_are_private(data_dir: Path) -> None:
    path = data_dir / "workbooks" / "default.sqlite"
    app = make_app(path, mini_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        assert app.session is not None
        app.session.workbook.rolling_backup()
        companions = {p.name for p in path.parent.iterdir()}
        assert {"default.sqlite-wal", "default.sqlite-shm"} <= companions
        assert_private(data_dir)
