"""Two processes on one workbook: no lost update, no "database is locked"; one editor at a time."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import threading
from multiprocessing.synchronize import Barrier, Event
from pathlib import Path
from typing import Any

import pytest

from bilan_tui.store import WorkbookBusy, WorkbookError, WorkbookInUse
from bilan_tui.store.files import lock_path
from bilan_tui.store.lock import acquire_lock
from bilan_tui.store.repository import open_workbook

INCREMENTS = 200
COUNTER = "counter"


def increment_many(path: str, barrier: Barrier, results: Any) -> None:
    """Child process: read-modify-write the counter; report the first error.

    It stops at the first error: under deferred transactions each conflict
    costs a full busy timeout, and one error is already a failure.
    """
    error = ""
    with open_workbook(Path(path), create=False) as workbook:
        barrier.wait()
        for _ in range(INCREMENTS):
            try:
                with workbook.transaction():
                    current = int(workbook.get_setting(COUNTER) or "0")
                    workbook.set_setting(COUNTER, str(current + 1))
            except WorkbookError as exc:
                error = f"{type(exc).__name__}: {exc.__cause__ or exc}"
                break
    results.put(error)


def hold_lock(path: str, taken: Event, release: Event) -> None:
    """Child process: hold the workbook's lock until told to let go."""
    with acquire_lock(Path(path)):
        taken.set()
        release.wait(30)


def test_two_processes_increment_without_losing_any_update(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite"
    with open_workbook(path):
        pass
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    results = context.Queue()
    workers = [
        context.Process(target=increment_many, args=(str(path), barrier, results)) for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=30)
        assert worker.exitcode == 0
    assert outcomes == ["", ""]
    with open_workbook(path, create=False) as workbook:
        assert workbook.get_setting(COUNTER) == str(2 * INCREMENTS)


def test_the_lock_refuses_a_second_holder(tmp_path: Path) -> None:
    path = tmp_path / "camille.sqlite"
    with open_workbook(path, lock=True) as first:
        with pytest.raises(WorkbookInUse) as caught:
            open_workbook(path, lock=True)
        assert "camille.sqlite" in str(caught.value)
        assert "already open" in str(caught.value)
        assert caught.value.pid == os.getpid()
        with pytest.raises(WorkbookInUse):
            acquire_lock(path)
        # Reading without the lock stays possible (status, export).
        with open_workbook(path, create=False) as reader:
            assert reader.info().name == "camille"
        first.acquire_lock()  # already held: no error
    with open_workbook(path, lock=True):
        pass
    assert lock_path(path).exists()


def test_the_lock_can_be_taken_after_opening(tmp_path: Path) -> None:
    path = tmp_path / "camille.sqlite"
    with open_workbook(path) as workbook:
        workbook.acquire_lock()
        with pytest.raises(WorkbookInUse):
            acquire_lock(path)
    with acquire_lock(path) as lock:
        assert lock.held
    assert not lock.held
    lock.release()


def test_another_process_holding_the_lock_is_named(tmp_path: Path) -> None:
    path = tmp_path / "camille.sqlite"
    with open_workbook(path):
        pass
    context = multiprocessing.get_context("spawn")
    taken, release = context.Event(), context.Event()
    holder = context.Process(target=hold_lock, args=(str(path), taken, release))
    holder.start()
    try:
        assert taken.wait(60)
        with pytest.raises(WorkbookInUse) as caught:
            open_workbook(path, lock=True)
        assert caught.value.pid == holder.pid
        assert f"process {holder.pid}" in str(caught.value)
    finally:
        release.set()
        holder.join(timeout=30)
    with open_workbook(path, lock=True):
        pass


def test_threads_of_one_process_share_the_workbook_safely(tmp_path: Path) -> None:
    """The app saves from a timer while the interface reads."""
    with open_workbook(tmp_path / "camille.sqlite") as workbook:

        def work() -> None:
            for _ in range(50):
                with workbook.transaction():
                    current = int(workbook.get_setting(COUNTER) or "0")
                    workbook.set_setting(COUNTER, str(current + 1))

        threads = [threading.Thread(target=work) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert workbook.get_setting(COUNTER) == "200"


def test_a_write_lock_held_too_long_gives_a_readable_error(tmp_path: Path) -> None:
    path = tmp_path / "camille.sqlite"
    with open_workbook(path) as workbook:
        workbook.pragma("busy_timeout = 50")  # instead of waiting 5 s in a test
        other = sqlite3.connect(str(path), isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            with pytest.raises(WorkbookBusy) as caught:
                workbook.set_setting(COUNTER, "1")
            assert "camille.sqlite" in str(caught.value)
            assert "nothing was lost" in str(caught.value)
            other.execute("ROLLBACK")
        finally:
            other.close()
        workbook.set_setting(COUNTER, "1")
        assert workbook.get_setting(COUNTER) == "1"
