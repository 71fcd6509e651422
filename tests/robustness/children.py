"""Code run in child processes by the robustness tests (kept importable by name).

The children use the real storage layer and report each acknowledged write
on a pipe *after* it returned, so the parent knows exactly which writes the
program had promised were safe when it was killed.
"""

from __future__ import annotations

import hashlib
import sqlite3
from multiprocessing.connection import Connection
from multiprocessing.synchronize import Barrier
from pathlib import Path

PACK = "robust"
COUNTER = "counter"


def value_for(run: int, number: int, index: int) -> str:
    """The exact text written for one answer: sometimes short, sometimes several pages."""
    digest = hashlib.sha256(f"{run}/{number}/{index}".encode()).digest()
    size = int.from_bytes(digest[:2], "big") % 9000
    return f"run {run} write {number}.{index} «é»" + "x" * size


def write_until_killed(path: str, run: int, acks: Connection) -> None:
    """Save batches of answers forever, acknowledging each one once it returned."""
    from bilan_tui.domain.answers import Answer, AnswerKey
    from bilan_tui.store.repository import open_workbook

    with open_workbook(Path(path), create=False) as workbook:
        acks.send_bytes(b"open")
        number = 0
        while True:
            count = 1 + number % 4
            batch = [
                Answer(
                    AnswerKey(PACK, f"run{run}", f"w{number}-{index}"),
                    value_for(run, number, index),
                )
                for index in range(count)
            ]
            workbook.save_answers(batch)
            acks.send_bytes(f"{number} {count}".encode())
            number += 1


def increment(path: str, rounds: int, barrier: Barrier, worker: int, results: Connection) -> None:
    """Read-modify-write a shared counter ``rounds`` times, counting every failure.

    Each round also adds one answer of its own, so a lost update would show
    both as a counter short of its total and as a missing row.
    """
    from bilan_tui.domain.answers import Answer, AnswerKey
    from bilan_tui.store.errors import WorkbookBusy
    from bilan_tui.store.repository import open_workbook

    locked = other = 0
    with open_workbook(Path(path), create=False) as workbook:
        barrier.wait()
        for number in range(rounds):
            try:
                with workbook.transaction():
                    current = int(workbook.get_setting(COUNTER) or "0")
                    workbook.save_answers(
                        [Answer(AnswerKey(PACK, "rmw", f"{worker}-{number}"), current)]
                    )
                    workbook.set_setting(COUNTER, str(current + 1))
            except WorkbookBusy:
                locked += 1
            except sqlite3.OperationalError as error:
                if "locked" in str(error):
                    locked += 1
                else:
                    other += 1
            except Exception:  # noqa: BLE001 - counted and reported by the test
                other += 1
    results.send((locked, other))


def back_up_until_killed(path: str, acks: Connection) -> None:
    """Take rolling backups forever (as ``bilan backup`` does), acknowledging each one."""
    from bilan_tui.store.repository import open_workbook

    with open_workbook(Path(path), create=False) as workbook:
        acks.send_bytes(b"open")
        while True:
            written = workbook.rolling_backup(force=True)
            acks.send_bytes(str(written).encode())
