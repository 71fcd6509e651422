"""The workbook's two locks: one window at a time, and no write while the file is replaced.

SQLite alone would let two windows edit the same answers and silently keep
whichever saved last. An exclusive ``flock`` on ``<workbook>.lock`` makes the
second window say so instead. The lock dies with its process (even on
``kill -9``), so a crash never leaves a stale lock behind. Read-only
commands (status, export) do not take it.

``bilan hours add`` may write while the interface is open, so writers cannot
take that lock. A second one, on ``<workbook>.lock-replace``, keeps them off
the file while ``restore`` (or ``wipe``) swaps it: every open of a workbook
holds it shared until it closes, and replacing it holds it exclusive. A
writer that opened the old file just before the swap would otherwise commit
to a file nobody will read again: a confirmed entry, gone. Each side waits a
bounded time for the other, then says so and does nothing.

Both locks are taken on the resolved path, so a workbook name that is a
symbolic link to another workbook shares that workbook's locks.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path
from types import TracebackType

from .errors import WorkbookBeingReplaced, WorkbookBeingWritten, WorkbookInUse
from .files import FILE_MODE, lock_path, replace_lock_path

WAIT_SECONDS = 15.0
"""How long a writer waits for a restore, or a restore for the writers, before giving up.

A restore of a large workbook takes a second or two, and a command's write
a fraction of one: the wait only runs out when something is stuck.
"""

_POLL_SECONDS = 0.05


class WorkbookLock:
    """A held single-instance lock; release it, or let the process end."""

    def __init__(self, path: Path, fd: int, *, tidy: bool = False) -> None:
        """Wrap a locked descriptor.

        Args:
            path: The lock file.
            fd: Its descriptor, locked.
            tidy: Remove the file on release when nobody else holds it, so
                that closing a workbook leaves nothing beside it; whoever
                waits on the removed file sees it gone and locks a new one.
        """
        self.path = path
        self._fd: int | None = fd
        self._tidy = tidy

    @property
    def held(self) -> bool:
        """Whether this object still holds the lock."""
        return self._fd is not None

    def release(self) -> None:
        """Let another instance open the workbook. Safe to call twice."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            if self._tidy:
                self._remove_if_alone(fd)
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def _remove_if_alone(self, fd: int) -> None:
        """Unlink the lock file if no other process holds it (then nobody can be misled)."""
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return
        if _still_linked(fd, self.path):
            self.path.unlink(missing_ok=True)

    def __enter__(self) -> WorkbookLock:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()


def _holder(fd: int) -> int | None:
    """The process id the current holder wrote, if readable."""
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def acquire_lock(workbook: Path) -> WorkbookLock:
    """Take the workbook's lock without waiting.

    Raises:
        WorkbookInUse: Another process (or another open of the same file in
            this process) holds it.
    """
    path = lock_path(workbook.resolve())
    fd = os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise WorkbookInUse(workbook, _holder(fd)) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
    except BaseException:
        os.close(fd)
        raise
    return WorkbookLock(path, fd)


def _still_linked(fd: int, path: Path) -> bool:
    """Whether ``path`` still names the file ``fd`` locked (``wipe`` removes lock files)."""
    try:
        named = os.stat(path)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def _hold(workbook: Path, exclusive: bool, wait: float | None) -> WorkbookLock:
    """Take the replace lock, waiting at most ``wait`` seconds (``WAIT_SECONDS``)."""
    path = replace_lock_path(workbook.resolve())
    deadline = time.monotonic() + (WAIT_SECONDS if wait is None else wait)
    mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        try:
            os.fchmod(fd, FILE_MODE)
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if time.monotonic() >= deadline:
                if exclusive:
                    raise WorkbookBeingWritten(workbook) from None
                raise WorkbookBeingReplaced(workbook) from None
            time.sleep(_POLL_SECONDS)
            continue
        except BaseException:
            os.close(fd)
            raise
        if _still_linked(fd, path):
            return WorkbookLock(path, fd, tidy=True)
        os.close(fd)  # removed while we waited (a wipe): lock the new file instead


def hold_for_writing(workbook: Path, *, wait: float | None = None) -> WorkbookLock:
    """Keep ``restore`` and ``wipe`` from replacing the workbook while it is open.

    Shared: any number of processes may hold it together.

    Raises:
        WorkbookBeingReplaced: A restore or wipe kept it longer than ``wait``.
    """
    return _hold(workbook, exclusive=False, wait=wait)


def hold_for_replacing(workbook: Path, *, wait: float | None = None) -> WorkbookLock:
    """Wait for every open of the workbook to close, and keep new ones out.

    Raises:
        WorkbookBeingWritten: A command kept the workbook open longer than ``wait``.
    """
    return _hold(workbook, exclusive=True, wait=wait)
