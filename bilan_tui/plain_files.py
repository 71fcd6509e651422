"""Reading a file someone handed us, when only a plain file will do.

Packs, homework files and backups arrive from others (e-mail, USB stick, a
shared folder). A name there can be a named pipe (opening it blocks until a
writer comes, which may be never), a device such as ``/dev/zero`` (endless
bytes, so reading it whole fills the memory) or a socket. So the kind of file
is checked with ``os.stat`` *before* opening it, the open itself never blocks
(``O_NONBLOCK``, in case the name was swapped for a pipe in between, which the
``fstat`` after opening catches), and no more than a stated number of bytes is
ever read. Symbolic links are followed: what matters is what they point to.
Stdlib and i18n only, so the storage layer can use it too.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from bilan_tui.i18n import _


class NotAPlainFile(OSError):
    """The path exists but is not a regular file; ``str()`` says what it is."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(reason)
        self.filename = str(path)

    def __str__(self) -> str:
        return str(self.args[0])


class FileTooLarge(OSError):
    """The file is larger than the caller accepts; ``size`` is its size in bytes."""

    def __init__(self, path: Path, size: int, limit: int) -> None:
        super().__init__(
            _("it is too large ({size}; at most {limit})").format(
                size=size_in_words(size), limit=size_in_words(limit)
            )
        )
        self.filename = str(path)
        self.size = size
        self.limit = limit

    def __str__(self) -> str:
        return str(self.args[0])


def size_in_words(size: int) -> str:
    """``1.5 MiB``, ``12 KiB``, ``300 bytes``: sizes as limits are written."""
    from bilan_tui.domain.numbers import format_number
    from bilan_tui.i18n import language

    if size >= 1 << 20:
        count = format_number(round(size / (1 << 20), 1), language())
        return _("{count} MiB").format(count=count)
    if size >= 1 << 10:
        return _("{count} KiB").format(count=format_number(round(size / (1 << 10)), language()))
    return _("{count} bytes").format(count=format_number(size, language()))


def _kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISDIR(mode):
        return _("it is a folder, not a file")
    if stat.S_ISFIFO(mode):
        return _("it is a named pipe (FIFO), not a file")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("it is a device, not a file")
    if stat.S_ISSOCK(mode):
        return _("it is a socket, not a file")
    return _("it is not a regular file")


def refuse_special(path: Path) -> None:
    """Raise unless ``path`` is a regular file (or a link to one); never opens it.

    A missing path is left for the caller to report (nothing is raised).

    Raises:
        NotAPlainFile: a folder, a named pipe, a device or a socket.
        OSError: the path cannot be examined (permission, loop of links).
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise NotAPlainFile(path, _kind(mode))


def plain_size(path: Path) -> int:
    """The size of the regular file ``path``, without opening it.

    Raises:
        NotAPlainFile: anything but a regular file.
        OSError: missing or not examinable.
    """
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise NotAPlainFile(path, _kind(info.st_mode))
    return info.st_size


def read_start(path: Path, count: int) -> bytes:
    """The first ``count`` bytes of the regular file ``path`` (fewer if it is shorter).

    Raises:
        NotAPlainFile: a folder, a named pipe, a device or a socket.
        OSError: missing, unreadable.
    """
    plain_size(path)
    fd = _open_plain(path)
    try:
        return os.read(fd, count)
    finally:
        os.close(fd)


def _open_plain(path: Path) -> int:
    """A descriptor on ``path``, opened without blocking and checked to be a regular file."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
    except OSError:
        os.close(fd)
        raise
    if not stat.S_ISREG(mode):  # swapped for something else since the stat
        os.close(fd)
        raise NotAPlainFile(path, _kind(mode))
    return fd


def read_plain(path: Path, limit: int) -> bytes:
    """The whole content of the regular file ``path``, refused beyond ``limit`` bytes.

    Raises:
        NotAPlainFile: a folder, a named pipe, a device or a socket.
        FileTooLarge: more than ``limit`` bytes (checked before reading, and
            again while reading, in case the file grows).
        OSError: missing, unreadable.
    """
    size = plain_size(path)
    if size > limit:
        raise FileTooLarge(path, size, limit)
    fd = _open_plain(path)
    try:
        chunks: list[bytes] = []
        total = 0
        while chunk := os.read(fd, min(1 << 20, limit + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise FileTooLarge(path, total, limit)
        return b"".join(chunks)
    finally:
        os.close(fd)
