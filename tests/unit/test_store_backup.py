"""Backups: consistent copies, at most one a day, five kept, never overwriting."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest

from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.store import backup as backups
from bilan_tui.store.inspection import APPLICATION_ID, read_header
from bilan_tui.store.repository import Workbook, open_workbook

KEY = AnswerKey("bilan", "demande", "pourquoi")


@pytest.fixture
def workbook(tmp_path: Path) -> Iterator[Workbook]:
    with open_workbook(tmp_path / "camille.sqlite") as opened:
        opened.save_answers([Answer(KEY, "première version")])
        yield opened


def rolling(workbook: Workbook, moment: datetime.datetime, force: bool = False) -> Path | None:
    return workbook.rolling_backup(force=force, moment=moment)


def test_a_backup_holds_the_data_including_what_is_still_in_the_wal(
    workbook: Workbook, tmp_path: Path
) -> None:
    dest = workbook.backup(tmp_path / "out" / "copy.sqlite")
    assert sorted(p.name for p in dest.parent.iterdir()) == ["copy.sqlite"]
    header = read_header(dest)
    assert header.application_id == APPLICATION_ID
    assert header.user_version == 1
    with open_workbook(dest, create=False) as copy:
        assert [a.value for a in copy.answers("bilan")] == ["première version"]


def test_a_backup_never_overwrites(workbook: Workbook, tmp_path: Path) -> None:
    dest = tmp_path / "precious.txt"
    dest.write_text("à garder", encoding="utf-8")
    with pytest.raises(FileExistsError):
        workbook.backup(dest)
    assert dest.read_text(encoding="utf-8") == "à garder"


def test_rolling_backups_are_daily_unless_forced(workbook: Workbook, tmp_path: Path) -> None:
    morning = datetime.datetime(2026, 3, 1, 9, 0, 0)
    first = rolling(workbook, morning)
    assert first is not None and first.name == "camille-20260301-090000.sqlite"
    assert rolling(workbook, morning.replace(hour=18)) is None
    forced = rolling(workbook, morning, force=True)
    assert forced is not None and forced.name == "camille-20260301-090000-2.sqlite"
    next_day = rolling(workbook, morning + datetime.timedelta(days=1))
    assert next_day is not None
    assert backups.newest_backup(workbook.path) == next_day


def test_only_the_five_newest_are_kept(workbook: Workbook, tmp_path: Path) -> None:
    start = datetime.datetime(2026, 3, 1, 9, 0, 0)
    made = []
    for day in range(8):
        workbook.save_answers([Answer(KEY, f"jour {day}")])
        made.append(rolling(workbook, start + datetime.timedelta(days=day)))
    kept = backups.rolling_backups(workbook.path)
    assert kept == made[-5:]
    with open_workbook(kept[-1], create=False) as newest:
        assert [a.value for a in newest.answers("bilan")] == ["jour 7"]


def test_other_workbooks_backups_are_left_alone(workbook: Workbook, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    stranger = folder / "camille-2-20200101-000000.sqlite"
    stranger.write_bytes(b"x")
    start = datetime.datetime(2026, 3, 1, 9, 0, 0)
    for day in range(7):
        rolling(workbook, start + datetime.timedelta(days=day))
    assert stranger.exists()
    assert len(backups.rolling_backups(workbook.path)) == 5


def test_no_backup_yet(tmp_path: Path) -> None:
    assert backups.newest_backup(tmp_path / "nothing.sqlite") is None


def test_the_workbook_method_takes_todays_backup_once(workbook: Workbook) -> None:
    first = workbook.rolling_backup()
    assert first is not None
    assert workbook.rolling_backup() is None
    assert workbook.rolling_backup(force=True) is not None
    assert len(backups.rolling_backups(workbook.path)) == 2
