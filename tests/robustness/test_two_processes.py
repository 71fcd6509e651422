"""Two processes on one workbook: 2 × 1,000 read-modify-write transactions, nothing lost.

Every write transaction begins IMMEDIATE and waits (busy timeout) for the
other process, so neither gets "database is locked" and no increment is
lost. Each round also stores its own answer, holding the value it read:
a lost update would show as a duplicate value or a missing row.
"""

from __future__ import annotations

import json
import multiprocessing
import sqlite3
from pathlib import Path

from bilan_tui.store.repository import open_workbook

from .children import COUNTER, PACK, increment

ROUNDS = 1000


def test_two_processes_a_thousand_transactions_each(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite"
    with open_workbook(path):
        pass
    multiprocessing.set_forkserver_preload(["bilan_tui.store.repository", __name__])
    context = multiprocessing.get_context("forkserver")
    barrier = context.Barrier(2)
    pipes = [context.Pipe(duplex=False) for _ in range(2)]
    workers = [
        context.Process(
            target=increment, args=(str(path), ROUNDS, barrier, number, pipes[number][1])
        )
        for number in range(2)
    ]
    for worker in workers:
        worker.start()
    outcomes = []
    for receiver, sender in pipes:
        sender.close()
        assert receiver.poll(300), "a worker did not finish"
        outcomes.append(receiver.recv())
    for worker in workers:
        worker.join(timeout=30)
        assert worker.exitcode == 0
    locked = sum(outcome[0] for outcome in outcomes)
    other = sum(outcome[1] for outcome in outcomes)
    connection = sqlite3.connect(path)
    try:
        counter = connection.execute(
            "SELECT value FROM setting WHERE key = ?", (COUNTER,)
        ).fetchone()[0]
        seen = [
            json.loads(row[0])
            for row in connection.execute(
                "SELECT value FROM answer WHERE pack_id = ? AND exercise_id = 'rmw'", (PACK,)
            )
        ]
    finally:
        connection.close()
    lost = 2 * ROUNDS - int(counter)
    print(
        f"\n2 x {ROUNDS} transactions: {locked} 'database is locked', {other} other errors, "
        f"{lost} lost updates"
    )
    assert (locked, other) == (0, 0)
    assert int(counter) == 2 * ROUNDS
    assert sorted(seen) == list(range(2 * ROUNDS)), "every value read exactly once"
