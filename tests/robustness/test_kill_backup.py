"""Kill -9 while backups are written: no broken backup is kept, offered or left behind.

A child process takes rolling backups in a loop (what ``bilan backup`` and
the interface do) and is killed with SIGKILL at random moments, mostly in the
middle of a copy. Afterwards every backup kept under its final name must
open and pass SQLite's integrity check, what is offered for a restore must
be readable, and the next backup must leave no temporary file or journal.
"""

from __future__ import annotations

import multiprocessing
import random
import signal
import sqlite3
import time
from pathlib import Path

from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.store import backup as backups
from bilan_tui.store.files import backup_dir
from bilan_tui.store.inspection import inspect_workbook
from bilan_tui.store.migrations import SCHEMA_VERSION
from bilan_tui.store.repository import open_workbook

from .children import back_up_until_killed

KILLS = 30
ANSWERS = 100


def integrity(path: Path) -> str:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        connection.close()


def test_killed_backups_leave_nothing_broken(tmp_path: Path) -> None:
    path = tmp_path / "workbooks" / "killed.sqlite"
    with open_workbook(path) as workbook:  # about 800 kB: a copy takes a few milliseconds
        workbook.save_answers(
            [Answer(AnswerKey("bilan", "parcours", f"f{n}"), "é" * 4000) for n in range(ANSWERS)]
        )
    multiprocessing.set_forkserver_preload(["bilan_tui.store.repository", __name__])
    context = multiprocessing.get_context("forkserver")
    rng = random.Random(20261204)
    written = 0
    started = time.monotonic()
    for _run in range(KILLS):
        receiver, sender = context.Pipe(duplex=False)
        child = context.Process(target=back_up_until_killed, args=(str(path), sender))
        child.start()
        sender.close()
        assert receiver.poll(30) and receiver.recv_bytes() == b"open"
        time.sleep(rng.uniform(0.0, 0.2))
        child.kill()
        child.join(timeout=30)
        assert child.exitcode == -signal.SIGKILL, "the child stopped before it was killed"
        while receiver.poll():
            try:
                receiver.recv_bytes()
            except EOFError:
                break
            written += 1
        receiver.close()
        # what a damaged workbook's message would offer right now is readable
        newest = backups.newest_backup(path)
        assert newest is not None
        assert integrity(newest) == "ok"
    folder = backup_dir(path)
    leftovers = sorted(p.name for p in folder.iterdir() if not p.name.endswith(".sqlite"))
    offered = backups.usable_backups(path)
    assert offered, "every backup was thrown away"
    for backup in offered:
        assert integrity(backup.path) == "ok"
        assert backup.contents.answers == ANSWERS
    with open_workbook(path, create=False) as workbook:  # the next run
        workbook.rolling_backup(force=True)
    names = sorted(p.name for p in folder.iterdir())
    print(
        f"\n{KILLS} kills during backups ({written} backups finished) in "
        f"{time.monotonic() - started:.1f} s; {len(leftovers)} temporary files found after "
        f"the kills, {len(names)} backups kept after the next one"
    )
    assert all(name.endswith(".sqlite") for name in names), names
    assert len(names) <= backups.MOST_KEPT
    for name in names:
        assert integrity(folder / name) == "ok"
        inspect_workbook(folder / name, SCHEMA_VERSION)  # what a restore checks first
    assert sorted(b.path.name for b in backups.usable_backups(path)) == names
