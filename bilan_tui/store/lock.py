"""One interactive instance per workbook, refused with a message rather than a lock error.

SQLite alone would let two windows edit the same answers and silently keep
whichever saved last. An exclusive ``flock`` on ``<workbook>.lock`` makes the
second window say so instead. The lock dies with its process (even on
``kill -9``), so a crash never leaves a stale lock behind. Read-only
commands (status, export) do not take it.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from types import TracebackType

from .errors import WorkbookInUse
from .files import FILE_MODE, lock_path


class WorkbookLock:
    """A held single-instance lock; release it, or let the process end."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

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
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

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
    path = lock_path(workbook)
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
