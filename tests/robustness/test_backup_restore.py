"""``bilan backup`` and ``bilan restore``, and the rolling backups the interface takes."""

from __future__ import annotations

import datetime
import stat
from pathlib import Path

import pytest

from bilan_tui.cli import main
from bilan_tui.cli.context import CommandContext
from bilan_tui.cli.tui import check_then_back_up, open_for_interface
from bilan_tui.domain.answers import Answer
from bilan_tui.store import backup as backups
from bilan_tui.store.lock import acquire_lock
from bilan_tui.store.repository import open_workbook

from .damage import KEY, fingerprint, make_workbook_with_backup


def workbook_path(data_dir: Path) -> Path:
    return data_dir / "workbooks" / "default.sqlite"


def text_in(path: Path) -> object:
    with open_workbook(path, create=False) as workbook:
        return workbook.exercise_answers("bilan", "demande").get(KEY.field_id)


def write_text(path: Path, text: str) -> None:
    with open_workbook(path, create=False) as workbook:
        workbook.save_answers([Answer(KEY, text)])


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_backup_goes_beside_the_workbook_private_and_complete(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workbook_path(data_dir)
    make_workbook_with_backup(path, "first")
    write_text(path, "second")
    assert main(["--lang", "en", "backup"]) == 0
    newest = backups.newest_backup(path)
    assert newest is not None
    assert capsys.readouterr().out == f"Backup written: {newest}\n"
    assert mode(newest) == 0o600
    assert text_in(newest) == "second"


def test_backup_output_is_never_overwritten(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_workbook_with_backup(workbook_path(data_dir))
    dest = tmp_path / "exports" / "copy.sqlite"
    assert main(["--lang", "en", "backup", "--output", str(dest)]) == 0
    assert mode(dest) == 0o600
    before = fingerprint(dest)
    capsys.readouterr()
    assert main(["--lang", "en", "backup", "--output", str(dest)]) == 2
    err = capsys.readouterr().err
    assert err == f"bilan: {dest} already exists; choose another file name\n"
    assert fingerprint(dest) == before
    assert main(["--lang", "en", "backup", "--output", str(dest.parent)]) == 0
    assert len(list(dest.parent.iterdir())) == 2


def test_backup_while_the_interface_holds_the_workbook(data_dir: Path, tmp_path: Path) -> None:
    path = workbook_path(data_dir)
    make_workbook_with_backup(path)
    with acquire_lock(path), open_workbook(path, create=False) as open_one:
        open_one.save_answers([Answer(KEY, "still in the wal")])
        assert main(["--lang", "en", "backup", "--output", str(tmp_path / "b.sqlite")]) == 0
    assert text_in(tmp_path / "b.sqlite") == "still in the wal"


def test_restore_backs_up_the_current_workbook_first(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workbook_path(data_dir)
    old = make_workbook_with_backup(path, "from the backup")
    write_text(path, "newer words")
    assert main(["--lang", "en", "restore", str(old)]) == 0
    assert text_in(path) == "from the backup"
    newest = backups.newest_backup(path)
    assert newest is not None and newest != old
    assert text_in(newest) == "newer words"
    assert mode(newest) == 0o600
    assert f"backed up as {newest}" in capsys.readouterr().out
    assert mode(path) == 0o600


def test_restoring_the_oldest_of_the_kept_backups_works(data_dir: Path) -> None:
    """The copy is taken before the pre-restore backup rotates the oldest away."""
    path = workbook_path(data_dir)
    make_workbook_with_backup(path)
    with open_workbook(path, create=False) as workbook:
        for day in range(backups.MOST_KEPT - 1):
            workbook.save_answers([Answer(KEY, f"day {day}")])
            workbook.rolling_backup(moment=datetime.datetime(2020, 1, 1 + day, 9))
    kept = backups.rolling_backups(path)
    assert len(kept) == backups.MOST_KEPT
    oldest = kept[0]
    assert text_in(oldest) == "day 0"
    assert main(["--lang", "en", "restore", str(oldest)]) == 0
    assert text_in(path) == "day 0"
    assert not oldest.exists()  # rotated away, after it was copied


def files_beside(path: Path) -> list[str]:
    """The workbook folder's files, less the -wal/-shm a read-only look may leave."""
    names = (p.name for p in path.parent.rglob("*"))
    return sorted(name for name in names if not name.endswith(("-wal", "-shm")))


def refused_sources(tmp_path: Path, workbook: Path) -> dict[str, Path]:
    text = tmp_path / "notes.txt"
    text.write_text("pas une base", encoding="utf-8")
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    return {
        "missing": tmp_path / "nowhere.sqlite",
        "text": text,
        "empty": empty,
        "itself": workbook,
        "folder": tmp_path,
    }


@pytest.mark.parametrize("case", ["missing", "text", "empty", "itself", "folder"])
def test_restore_checks_the_file_first_and_changes_nothing(
    data_dir: Path, tmp_path: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workbook_path(data_dir)
    make_workbook_with_backup(path)
    before = fingerprint(path)
    listing = files_beside(path)
    source = refused_sources(tmp_path, path)[case]
    assert main(["--lang", "en", "restore", str(source)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"bilan: cannot restore {source}: ")
    assert len(err.splitlines()) == 1
    assert fingerprint(path) == before
    assert files_beside(path) == listing


def test_restore_is_refused_while_the_interface_is_open(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workbook_path(data_dir)
    old = make_workbook_with_backup(path, "old")
    write_text(path, "current")
    with acquire_lock(path):
        assert main(["--lang", "en", "restore", str(old)]) == 1
    assert "already open in another bilan window" in capsys.readouterr().err
    assert text_in(path) == "current"


def context_for(data_dir: Path) -> CommandContext:
    return CommandContext(
        data_dir=data_dir, workbook="default", requested_language="en", debug=False
    )


def test_the_interface_takes_one_backup_a_day(data_dir: Path) -> None:
    path = workbook_path(data_dir)
    make_workbook_with_backup(path)
    for old in backups.rolling_backups(path):
        old.unlink()
    for _ in range(2):
        session = open_for_interface(context_for(data_dir), [])
        check_then_back_up([], session)
        session.close()  # changed nothing: no backup on closing
    kept = backups.rolling_backups(path)
    assert len(kept) == 1
    assert kept[0].name.startswith(f"default-{datetime.date.today():%Y%m%d}-")
    assert mode(kept[0]) == 0o600


def test_an_opening_failure_is_kept_for_the_message(data_dir: Path) -> None:
    path = workbook_path(data_dir)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"junk" * 100)
    failures: list[BaseException] = []
    with pytest.raises(Exception, match="cannot be read"):
        open_for_interface(context_for(data_dir), failures)
    assert len(failures) == 1


def test_damage_found_in_the_background_is_kept_and_never_backed_up(data_dir: Path) -> None:
    """The interface opens without reading the whole file; the check after it refuses it."""
    from bilan_tui.store import WorkbookDamaged

    from .damage import flipped_bytes

    path = workbook_path(data_dir)
    good = make_workbook_with_backup(path, "before the damage")
    flipped_bytes(path)
    failures: list[BaseException] = []
    session = open_for_interface(context_for(data_dir), failures)
    try:
        with pytest.raises(WorkbookDamaged, match="integrity check failed"):
            check_then_back_up(failures, session)
    finally:
        session.close()
    assert [type(error) for error in failures] == [WorkbookDamaged]
    assert backups.rolling_backups(path) == [good]


def test_restore_into_a_new_data_folder(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A backup brought to a new computer: the folders are made, private."""
    elsewhere = tmp_path / "old-computer" / "default.sqlite"
    backup = make_workbook_with_backup(elsewhere, "brought along")
    assert not data_dir.exists()
    assert main(["--lang", "en", "restore", str(backup)]) == 0
    assert text_in(workbook_path(data_dir)) == "brought along"
    assert mode(data_dir) == 0o700
    assert mode(workbook_path(data_dir)) == 0o600
    assert "Restored" in capsys.readouterr().out


def test_backup_of_a_missing_workbook_says_so(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "en", "backup"]) == 1
    assert "No workbook at" in capsys.readouterr().err
    assert not data_dir.exists()
