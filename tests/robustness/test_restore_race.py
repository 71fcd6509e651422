"""No confirmed write vanishes while ``restore`` swaps the workbook (#21.9).

A command that opened the workbook just before the swap used to commit to
the old file, which nobody reads again: 1 of 180 confirmed entries was lost
in a race. Here the race is made certain: a writer has the workbook open and
is paused before its write while a restore starts. The restore must wait
for it (or the writer for the restore), and the entry must end up in the
workbook or in the backup the restore took of it. Each side waits a bounded
time, then says so plainly and changes nothing.
"""

from __future__ import annotations

import datetime
import threading
import time
from pathlib import Path

import pytest

from bilan_tui.cli import main
from bilan_tui.domain.records import LedgerEntry
from bilan_tui.store import lock as locks
from bilan_tui.store.repository import open_workbook
from bilan_tui.store.restore import restore_workbook

from .damage import make_workbook_with_backup

ADD = ["--lang", "en", "hours", "add", "--date", "2026-11-20", "--duration", "1h"]
ADD += ["--phase", "preliminaire", "--kind", "personnel", "--note", "while restoring"]


def entry(note: str) -> LedgerEntry:
    return LedgerEntry(
        date=datetime.date(2026, 11, 20),
        minutes=45,
        phase="preliminaire",
        kind="personnel",
        note=note,
    )


def notes(path: Path) -> list[str]:
    with open_workbook(path, create=False) as workbook:
        return [line.note for line in workbook.ledger()]


def test_a_writer_paused_before_its_write_loses_nothing_to_a_restore(data_dir: Path) -> None:
    path = data_dir / "workbooks" / "default.sqlite"
    backup = make_workbook_with_backup(path)
    writer = open_workbook(path, create=False)  # opened: now paused before writing
    outcome: dict[str, object] = {}

    def restore() -> None:
        try:
            outcome["done"] = restore_workbook(path, backup)
        except BaseException as error:  # noqa: BLE001 - reported by the assertions
            outcome["error"] = error

    swapper = threading.Thread(target=restore)
    swapper.start()
    time.sleep(0.5)  # the restore has started (and, before the fix, finished)
    writer.add_ledger_entry(entry("confirmed during the restore"))
    writer.close()  # the write is confirmed: the command would print "Logged"
    swapper.join(timeout=60)
    assert not swapper.is_alive()
    assert "error" not in outcome, outcome
    done = outcome["done"]
    kept = notes(path) + notes(done.previous_backup)  # type: ignore[attr-defined]
    assert "confirmed during the restore" in kept, "a confirmed entry vanished"


def test_a_restore_waits_a_bounded_time_then_says_so_and_changes_nothing(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = data_dir / "workbooks" / "default.sqlite"
    backup = make_workbook_with_backup(path)
    monkeypatch.setattr(locks, "WAIT_SECONDS", 0.3)
    with open_workbook(path, create=False) as writer:
        writer.add_ledger_entry(entry("kept"))
        before = path.read_bytes()
        assert main(["--lang", "en", "restore", str(backup)]) == 1
        err = capsys.readouterr().err
        assert "Another bilan command is still using the workbook default.sqlite" in err
        assert "nothing was changed" in err
        assert "Traceback" not in err
        assert path.read_bytes() == before
    assert notes(path) == ["kept"]
    assert not list(path.parent.glob("default.damaged-*"))


def test_a_writer_waits_for_a_restore_a_bounded_time_then_says_so(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = data_dir / "workbooks" / "default.sqlite"
    make_workbook_with_backup(path)
    monkeypatch.setattr(locks, "WAIT_SECONDS", 0.3)
    with locks.hold_for_replacing(path):  # a restore in the middle of its swap
        assert main(ADD) == 1
    err = capsys.readouterr().err
    assert "being restored or deleted by another bilan command; nothing was written" in err
    assert notes(path) == []


def test_a_writer_that_waited_writes_into_the_restored_workbook(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = data_dir / "workbooks" / "default.sqlite"
    make_workbook_with_backup(path)
    held = locks.hold_for_replacing(path)
    releaser = threading.Timer(0.5, held.release)
    releaser.start()
    try:
        assert main(ADD) == 0  # waited half a second, then wrote
    finally:
        releaser.join()
    assert "Logged 1h of personal work" in capsys.readouterr().out
    assert notes(path) == ["while restoring"]


def test_a_workbook_name_linked_to_another_shares_its_lock(data_dir: Path) -> None:
    """#21.11: ``alice.sqlite -> bob.sqlite`` opened twice must be refused, not edited twice."""
    from bilan_tui.store import WorkbookInUse
    from bilan_tui.store.lock import acquire_lock

    folder = data_dir / "workbooks"
    bob = folder / "bob.sqlite"
    make_workbook_with_backup(bob)
    alice = folder / "alice.sqlite"
    alice.symlink_to(bob.name)
    with acquire_lock(bob), pytest.raises(WorkbookInUse):
        acquire_lock(alice)
    with acquire_lock(alice), pytest.raises(WorkbookInUse):
        acquire_lock(bob)
