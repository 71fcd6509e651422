"""Kill -9 while encryption is turned on and off: one readable workbook, nothing lost.

A child encrypts the workbook and its backups, decrypts them, and again, and
is killed with SIGKILL at random moments (writing the key files, exporting,
checking, swapping, converting a backup). After each kill the workbook must
open (with the passphrase if it is encrypted) holding every answer, every
backup must open too, and an encrypted file must never lack its key.
"""

from __future__ import annotations

import multiprocessing
import random
import signal
import time
from pathlib import Path

from bilan_tui.crypto import keyfile, keyring, migrate
from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.store.backup import rolling_backups, usable_backups
from bilan_tui.store.repository import open_workbook

from .crypto_children import PASS, toggle_encryption_until_killed

KILLS = 16
ANSWERS = 150


def _check(path: Path) -> bool:
    """Everything opens and holds every answer; whether the workbook is encrypted."""
    keyring.forget()
    encrypted = migrate.is_encrypted(path)
    if encrypted or any(migrate.is_encrypted(b) for b in rolling_backups(path)):
        keyring.remember(path, keyfile.unlock(path, PASS))  # the key is always there
    with open_workbook(path, create=False) as workbook:
        values = workbook.exercise_answers("bilan", "parcours").values
        assert len(values) == ANSWERS
    backups = usable_backups(path)
    assert len(backups) == len(rolling_backups(path)) == 2
    assert all(backup.contents.answers == ANSWERS for backup in backups)
    keyring.forget()
    return encrypted


def test_killed_conversions_leave_one_readable_workbook(tmp_path: Path) -> None:
    path = tmp_path / "workbooks" / "killed.sqlite"
    with open_workbook(path) as workbook:
        workbook.save_answers(
            [Answer(AnswerKey("bilan", "parcours", f"f{n}"), "é" * 4000) for n in range(ANSWERS)]
        )
        workbook.rolling_backup(force=True)
        workbook.rolling_backup(force=True)
    started = time.perf_counter()  # one round trip here sets how long the kills wait
    keyring.remember(path, migrate.encrypt_workbook(path, PASS))
    migrate.decrypt_workbook(path, keyfile.unlock(path, PASS))
    keyring.forget()
    cycle = time.perf_counter() - started
    multiprocessing.set_forkserver_preload(["bilan_tui.store.repository", "bilan_tui.crypto"])
    context = multiprocessing.get_context("forkserver")
    rng = random.Random(20261205)
    seen: set[bool] = set()
    conversions = 0
    for _run in range(KILLS):
        receiver, sender = context.Pipe(duplex=False)
        child = context.Process(target=toggle_encryption_until_killed, args=(str(path), sender))
        child.start()
        sender.close()
        assert receiver.poll(30) and receiver.recv_bytes() == b"open"
        time.sleep(rng.uniform(0.0, 1.5 * cycle))
        child.kill()
        child.join(timeout=30)
        assert child.exitcode == -signal.SIGKILL, "the child stopped before it was killed"
        while receiver.poll():
            try:
                receiver.recv_bytes()
            except EOFError:
                break
            conversions += 1
        receiver.close()
        seen.add(_check(path))
    assert seen == {True, False}, "the kills never caught both states"
    assert conversions > 0
