"""Private files and the PRAGMAs every connection runs with."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.store.files import companion_files, lock_path
from bilan_tui.store.inspection import APPLICATION_ID
from bilan_tui.store.repository import open_workbook


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=[0o022, 0o000], ids=["umask022", "umask000"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    previous = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(previous)


def test_every_file_is_private(tmp_path: Path, umask: int) -> None:
    data = tmp_path / "data"
    path = data / "workbooks" / "camille.sqlite"
    with open_workbook(path, lock=True) as workbook:
        workbook.save_answers([Answer(AnswerKey("bilan", "demande", "pourquoi"), "secret")])
        wal, shm = companion_files(path)[:2]
        assert wal.exists() and shm.exists()
        rolling = workbook.rolling_backup()
        assert rolling is not None
        copy = workbook.backup(tmp_path / "exports" / "copy.sqlite")
        files = {
            "db": mode(path),
            "wal": mode(wal),
            "shm": mode(shm),
            "lock": mode(lock_path(path)),
            "rolling": mode(rolling),
            "copy": mode(copy),
        }
        dirs = {
            "data": mode(data),
            "workbooks": mode(path.parent),
            "backups": mode(rolling.parent),
        }
    assert files == dict.fromkeys(files, 0o600)
    assert dirs == dict.fromkeys(dirs, 0o700)


def test_an_existing_data_dir_keeps_its_mode(tmp_path: Path, umask: int) -> None:
    chosen = tmp_path / "chosen"
    chosen.mkdir(mode=0o755)
    os.chmod(chosen, 0o755)
    with open_workbook(chosen / "w.sqlite"):
        pass
    assert mode(chosen) == 0o755
    assert mode(chosen / "w.sqlite") == 0o600


def test_pragmas_are_in_effect(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    for _ in range(2):  # a new workbook, then a reopened one
        with open_workbook(path) as workbook:
            values = {
                name: workbook.pragma(name)
                for name in (
                    "journal_mode",
                    "synchronous",
                    "foreign_keys",
                    "secure_delete",
                    "busy_timeout",
                    "application_id",
                    "user_version",
                )
            }
        assert values == {
            "journal_mode": "wal",
            "synchronous": 2,
            "foreign_keys": 1,
            "secure_delete": 1,
            "busy_timeout": 5000,
            "application_id": APPLICATION_ID,
            "user_version": 2,
        }


def test_closing_leaves_a_single_file(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    with open_workbook(path) as workbook:
        workbook.save_answers([Answer(AnswerKey("bilan", "demande", "pourquoi"), "x")])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.sqlite"]


def test_the_package_and_its_read_only_helpers_do_not_import_sqlmodel() -> None:
    """The interface imports the store after its first frame; the errors come for free."""
    code = (
        "import sys\n"
        "import bilan_tui.store, bilan_tui.store.errors, bilan_tui.store.files\n"
        "import bilan_tui.store.inspection, bilan_tui.store.backup, bilan_tui.store.lock\n"
        "heavy = [m for m in ('sqlmodel', 'sqlalchemy', 'textual') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
    )
    assert result.stdout.strip() == ""
