"""A process killed while saving loses nothing it had committed, and leaves no stale lock."""

from __future__ import annotations

import multiprocessing
import os
import signal
from multiprocessing.connection import Connection
from pathlib import Path

from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.store.repository import open_workbook

KEY = AnswerKey("bilan", "demande", "pourquoi")


def save_forever(path: str, pipe: Connection) -> None:
    """Child process: autosave a growing text and report each committed version."""
    with open_workbook(Path(path), lock=True) as workbook:
        version = 0
        while True:
            version += 1
            workbook.save_answers(
                [Answer(KEY, f"version {version} " + "é" * (version % 500))],
            )
            pipe.send(version)


def test_kill_9_during_autosave_keeps_every_committed_answer(tmp_path: Path) -> None:
    path = tmp_path / "camille.sqlite"
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=save_forever, args=(str(path), sender))
    child.start()
    sender.close()
    committed = 0
    try:
        while committed < 300:
            assert receiver.poll(60), "the child stopped saving"
            committed = receiver.recv()
    finally:
        assert child.pid is not None
        os.kill(child.pid, signal.SIGKILL)
        child.join(timeout=30)
    try:
        while receiver.poll(0.1):
            committed = receiver.recv()
    except EOFError:
        pass  # the child is gone; everything it reported has been read

    with open_workbook(path, create=False, lock=True) as workbook:
        (answer,) = workbook.answers("bilan")
        assert isinstance(answer.value, str)
        saved = int(answer.value.split()[1])
        assert saved >= committed
        assert answer.value == f"version {saved} " + "é" * (saved % 500)
