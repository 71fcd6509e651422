"""Kill -9 at random moments: no acknowledged answer is ever lost, the file stays whole.

A child process runs the real storage layer, saving batches of answers and
acknowledging each one on a pipe once ``save_answers`` returned. The parent
kills it with SIGKILL after a random delay (sometimes while it is still
opening the workbook, mostly in the middle of a write), then checks the file
with ``PRAGMA integrity_check`` and looks for every acknowledged answer.
"""

from __future__ import annotations

import json
import multiprocessing
import random
import signal
import sqlite3
import time
from pathlib import Path

from bilan_tui.store.repository import open_workbook

from .children import PACK, value_for, write_until_killed

KILLS = 100


def test_a_hundred_kills_lose_no_acknowledged_answer(tmp_path: Path) -> None:
    path = tmp_path / "killed.sqlite"
    with open_workbook(path):
        pass
    multiprocessing.set_forkserver_preload(["bilan_tui.store.repository", __name__])
    context = multiprocessing.get_context("forkserver")
    rng = random.Random(20260301)
    acknowledged = lost = killed_while_writing = 0
    verdicts: set[str] = set()
    for run in range(KILLS):
        receiver, sender = context.Pipe(duplex=False)
        child = context.Process(target=write_until_killed, args=(str(path), run, sender))
        child.start()
        sender.close()
        time.sleep(rng.uniform(0.0, 0.3))
        assert child.pid is not None
        child.kill()
        child.join(timeout=30)
        assert child.exitcode == -signal.SIGKILL, "the child stopped before it was killed"
        acks: list[tuple[int, int]] = []
        opened = False
        while receiver.poll():
            try:
                message = receiver.recv_bytes().decode()
            except EOFError:
                break
            if message == "open":
                opened = True
            else:
                written, size = message.split()
                acks.append((int(written), int(size)))
        receiver.close()
        killed_while_writing += opened
        connection = sqlite3.connect(path)
        try:
            verdict = connection.execute("PRAGMA integrity_check").fetchone()[0]
            verdicts.add(verdict)
            stored = dict(
                connection.execute(
                    "SELECT field_id, value FROM answer WHERE pack_id = ? AND exercise_id = ?",
                    (PACK, f"run{run}"),
                ).fetchall()
            )
        finally:
            connection.close()
        for number, count in acks:
            for index in range(count):
                acknowledged += 1
                value = stored.get(f"w{number}-{index}")
                if value is None or json.loads(value) != value_for(run, number, index):
                    lost += 1
    print(
        f"\n{KILLS} kills ({killed_while_writing} while writing), "
        f"{acknowledged} acknowledged answers, {lost} lost, integrity: {sorted(verdicts)}"
    )
    assert verdicts == {"ok"}
    assert lost == 0
    assert killed_while_writing >= KILLS // 2, "most kills must land in the middle of writes"
    assert acknowledged > 0
    with open_workbook(path, create=False) as workbook:  # and the program still opens it
        assert workbook.pragma("quick_check") == "ok"
