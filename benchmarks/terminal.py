"""Run a program in a pseudo-terminal and time when words appear on its screen.

A terminal application is only "drawn" when its bytes reach the terminal, so
the figures are taken from the outside: the clock starts just before
``pty.fork`` and stops when a marker shows up in what the program wrote
(escape sequences stripped). The child's peak memory is its ``VmHWM`` once
the last marker is on screen.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ESCAPES = re.compile(
    rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)"
)
SIZE = (100, 30)
"""Columns and lines of the pseudo-terminal."""

TIMEOUT = 60.0
CTRL_Q = "\x11"


class MarkerMissing(RuntimeError):
    """The program ended or timed out before drawing what was awaited."""


@dataclass(frozen=True, slots=True)
class Run:
    """One run of a program.

    Attributes:
        marks: Seconds from spawn to each awaited marker, in the order given.
        max_rss_mb: The child's peak resident memory when the last marker
            appeared, in MiB.
    """

    marks: tuple[float, ...]
    max_rss_mb: float


def _child_environment(extra: Mapping[str, str]) -> dict[str, str]:
    environment = dict(os.environ)
    environment.update(
        TERM="xterm-256color",
        COLUMNS=str(SIZE[0]),
        LINES=str(SIZE[1]),
        LANG="C.UTF-8",
        PYTHONUNBUFFERED="1",
    )
    environment.update(extra)
    return environment


def timed_run(
    args: Sequence[str],
    markers: Sequence[str],
    *,
    cwd: Path,
    env: Mapping[str, str] | None = None,
) -> Run:
    """Run ``python ARGS`` in a pty, time each marker, then quit with ctrl+q.

    Args:
        args: Arguments after the interpreter (``-m module ...``).
        markers: Texts awaited in turn; each one is searched for in the
            output written after the previous one appeared.
        cwd: The working directory (the repository, so ``-m`` finds modules).
        env: Extra environment variables.

    Raises:
        MarkerMissing: A marker never came; the message has the screen's tail.
    """
    argv = [sys.executable, *args]
    environment = _child_environment(env or {})
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: become the program
        try:
            os.chdir(cwd)
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
            os.execve(sys.executable, argv, environment)
        finally:
            os._exit(127)
    output = bytearray()
    marks: list[float] = []
    status: int | None = None
    rss_kib = 0
    try:
        since = 0
        for marker in markers:
            since = _wait_for(fd, output, marker, since, start)
            marks.append(time.perf_counter() - start)
        peak_kib = _peak_kib(pid)
        os.write(fd, CTRL_Q.encode())
        status, rss_kib = _reap(pid, fd, output)
        rss_kib = peak_kib or rss_kib
    finally:
        if status is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
        os.close(fd)
    return Run(tuple(marks), rss_kib / 1024)


def _peak_kib(pid: int) -> int:
    """The program's peak resident memory so far (``VmHWM``), 0 if unknown.

    Read while the program runs because ``ru_maxrss`` is no good here: Linux
    carries the forking parent's peak over ``execve`` into the child's.
    """
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def _screen(output: bytearray, since: int) -> str:
    return ESCAPES.sub(b"", bytes(output[since:])).decode("utf-8", "replace")


def _read(fd: int, output: bytearray, wait: float) -> bool:
    """Append what the program wrote within ``wait`` seconds; False once it is gone."""
    ready, _, _ = select.select([fd], [], [], wait)
    if not ready:
        return True
    try:
        chunk = os.read(fd, 65536)
    except OSError:  # EIO: the child closed the terminal
        return False
    output.extend(chunk)
    return bool(chunk)


def _wait_for(fd: int, output: bytearray, marker: str, since: int, start: float) -> int:
    """Read until ``marker`` appears after byte ``since``; return where the search may resume.

    Only new bytes are searched (with an overlap so a marker cut between two
    reads is still found), so a long session does not slow the clock down. The
    next marker is searched from the same place: both may come in one write.
    """
    overlap = 4 * len(marker.encode()) + 256
    while True:
        if marker in _screen(output, since):
            return since
        since = max(since, len(output) - overlap)
        if time.perf_counter() - start > TIMEOUT:
            raise MarkerMissing(f"{marker!r} never came: {_screen(output, 0)[-800:]!r}")
        if not _read(fd, output, 0.5):
            raise MarkerMissing(f"exited before {marker!r}: {_screen(output, 0)[-800:]!r}")


def _reap(pid: int, fd: int, output: bytearray) -> tuple[int, int]:
    """Let the program quit (reading its output meanwhile); its status and peak KiB."""
    deadline = time.perf_counter() + 20
    while time.perf_counter() < deadline:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            return status, usage.ru_maxrss
        _read(fd, output, 0.05)
    os.kill(pid, signal.SIGTERM)
    _done, status, usage = os.wait4(pid, 0)
    return status, usage.ru_maxrss
