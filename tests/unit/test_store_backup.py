"""Backups: consistent copies, at most one a day, five kept, never overwriting."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest

from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.store import backup as backups
from bilan_tui.store.inspection import APPLICATION_ID, read_header
from bilan_tui.store.migrations import SCHEMA_VERSION
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
    assert header.user_version == SCHEMA_VERSION
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


def test_the_newest_five_and_one_per_earlier_day_are_kept(workbook: Workbook) -> None:
    """Three sessions a day for a week: the last five, then each earlier day's last one."""
    start = datetime.datetime(2026, 3, 1, 9, 0, 0)
    made = []
    for day in range(7):
        for session in range(3):
            workbook.save_answers([Answer(KEY, f"jour {day} séance {session}")])
            moment = start + datetime.timedelta(days=day, hours=4 * session)
            made.append(rolling(workbook, moment, force=True))
    kept = backups.rolling_backups(workbook.path)
    assert len(kept) == backups.MOST_KEPT
    # the five newest: day 6 (3) and day 5's last two; then the last of days 4, 3, 2, 1, 0
    assert kept[-5:] == made[-5:]
    assert kept[:5] == [made[3 * day + 2] for day in range(5)]
    with open_workbook(kept[0], create=False) as oldest:
        assert [a.value for a in oldest.answers("bilan")] == ["jour 0 séance 2"]


@pytest.mark.parametrize(
    ("hours", "expected"),
    [
        ([], set()),
        ([0, 1, 2], {0, 1, 2}),
        # same day, ten backups: only the five newest
        (list(range(10)), {5, 6, 7, 8, 9}),
        # one a day for twelve days: five recent, five earlier days
        ([24 * day for day in range(12)], set(range(2, 12))),
    ],
)
def test_which_backups_are_kept(hours: list[int], expected: set[int]) -> None:
    start = datetime.datetime(2026, 3, 1, 0, 0, 0)
    taken = [start + datetime.timedelta(hours=hour) for hour in hours]
    assert backups.kept(taken) == expected


def test_other_workbooks_backups_are_left_alone(workbook: Workbook, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    stranger = folder / "camille-2-20200101-000000.sqlite"
    stranger.write_bytes(b"x")
    start = datetime.datetime(2026, 3, 1, 9, 0, 0)
    for day in range(7):
        rolling(workbook, start + datetime.timedelta(days=day))
    assert stranger.exists()
    assert len(backups.rolling_backups(workbook.path)) == 7


def test_no_backup_yet(tmp_path: Path) -> None:
    assert backups.newest_backup(tmp_path / "nothing.sqlite") is None


def test_the_workbook_method_takes_todays_backup_once(workbook: Workbook) -> None:
    first = workbook.rolling_backup()
    assert first is not None
    assert workbook.rolling_backup() is None
    assert workbook.rolling_backup(force=True) is not None
    assert len(backups.rolling_backups(workbook.path)) == 2


def test_an_unreadable_backup_is_never_offered_nor_counted(workbook: Workbook) -> None:
    start = datetime.datetime(2026, 3, 1, 9, 0, 0)
    good = rolling(workbook, start)
    assert good is not None
    cut = rolling(workbook, start + datetime.timedelta(days=1))
    assert cut is not None
    cut.write_bytes(cut.read_bytes()[:5000])  # a copy cut short by an older version
    hot = rolling(workbook, start + datetime.timedelta(days=2))
    assert hot is not None
    hot.with_name(hot.name + "-journal").write_bytes(b"\xd9\xd5\x05\xf9 \xa1c\xd7" + bytes(500))
    assert [backup.path for backup in backups.usable_backups(workbook.path)] == [good]
    assert backups.newest_backup(workbook.path) == good
    again = rolling(workbook, start + datetime.timedelta(days=2, hours=1))
    assert again is not None, "the day's only copy is unreadable: it does not count"
    names = sorted(p.name for p in backups.backup_dir(workbook.path).iterdir())
    assert names == sorted([good.name, again.name])
    assert not cut.exists() and not hot.exists(), "cut-short copies are removed"


def test_leftovers_of_a_killed_backup_are_removed_once_their_writer_is_gone(
    workbook: Workbook,
) -> None:
    import os
    import subprocess
    import sys

    folder = backups.backup_dir(workbook.path)
    folder.mkdir(exist_ok=True)
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead_pid = int(gone.stdout)
    base = "camille-20260301-090000.sqlite"
    dead = [folder / f"{base}.partial-{dead_pid}", folder / f"{base}.partial-{dead_pid}-journal"]
    alive = folder / f"{base}.partial-{os.getpid()}"
    stranger = folder / f"other-20260301-090000.sqlite.partial-{dead_pid}"
    for path in (*dead, alive, stranger):
        path.write_bytes(b"half a copy")
    removed = backups.clean_leftovers(workbook.path)
    assert sorted(removed) == sorted(dead)
    assert alive.exists() and stranger.exists()


def test_a_backup_that_fails_leaves_nothing(
    workbook: Workbook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(_temp: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups, "_sync_file", full_disk)
    dest = tmp_path / "out" / "copy.sqlite"
    with pytest.raises(OSError, match="No space"):
        workbook.backup(dest)
    assert list(dest.parent.iterdir()) == []


def test_automatic_backups_skip_empty_and_unchanged_workbooks(tmp_path: Path) -> None:
    with open_workbook(tmp_path / "new.sqlite") as new:
        assert new.automatic_backup() is None
        assert new.automatic_backup(closing=True) is None
    with open_workbook(tmp_path / "new.sqlite") as same:
        same.save_answers([Answer(KEY, "un mot")])
        assert same.changed()
        made = same.automatic_backup(closing=True)
        assert made is not None
    with open_workbook(tmp_path / "new.sqlite") as unchanged:
        assert not unchanged.changed()
        assert unchanged.automatic_backup(closing=True) is None
    assert backups.rolling_backups(tmp_path / "new.sqlite") == [made]
