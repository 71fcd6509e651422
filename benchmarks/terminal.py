"""Run a program in a pseudo-terminal, time what appears on its screen, read its CPU.

A terminal application is only "drawn" when its bytes reach the terminal, so
the figures are taken from the outside: the clock starts just before
``pty.fork`` and stops when a marker shows up in what the program wrote
(escape sequences stripped). CPU time and peak memory are read from
``/proc`` while the program runs (Linux).
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


class Terminal:
    """``python ARGS`` in a 100x30 pseudo-terminal, started at once.

    Args:
        args: Arguments after the interpreter (``-m module ...``).
        cwd: The working directory (the repository, so ``-m`` finds modules).
        env: Extra environment variables.
    """

    def __init__(
        self, args: Sequence[str], *, cwd: Path, env: Mapping[str, str] | None = None
    ) -> None:
        argv = [sys.executable, *args]
        environment = dict(os.environ)
        environment.update(
            TERM="xterm-256color",
            COLUMNS=str(SIZE[0]),
            LINES=str(SIZE[1]),
            LANG="C.UTF-8",
            PYTHONUNBUFFERED="1",
        )
        environment.update(env or {})
        self.start = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child: become the program
            try:
                os.chdir(cwd)
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
                os.execve(sys.executable, argv, environment)
            finally:
                os._exit(127)
        self.pid = pid
        self.fd = fd
        self.output = bytearray()
        self.searched = 0
        self.ended = False

    def wait_for(self, marker: str) -> float:
        """Read until ``marker`` appears; seconds since the start.

        Only output not yet searched is read (with an overlap, for a marker cut
        between two reads); the next marker is searched from the same place,
        since both may come in one write.

        Raises:
            MarkerMissing: The marker never came; the message has the screen's tail.
        """
        overlap = 4 * len(marker.encode()) + 256
        since = self.searched
        while True:
            if marker in self.screen(since):
                self.searched = since
                return time.perf_counter() - self.start
            since = max(since, len(self.output) - overlap)
            if time.perf_counter() - self.start > TIMEOUT:
                raise MarkerMissing(f"{marker!r} never came: {self.screen(0)[-800:]!r}")
            if not self._read(0.5):
                raise MarkerMissing(f"exited before {marker!r}: {self.screen(0)[-800:]!r}")

    def skip_output(self) -> None:
        """Start the next search after everything written so far."""
        self.searched = len(self.output)

    def screen(self, since: int = 0) -> str:
        """What the program wrote from byte ``since``, without escape sequences."""
        return ESCAPES.sub(b"", bytes(self.output[since:])).decode("utf-8", "replace")

    def send(self, text: str) -> None:
        """Type ``text`` as if on the keyboard."""
        os.write(self.fd, text.encode())

    def pump(self, seconds: float) -> None:
        """Read the program's output for ``seconds`` (so its writes never block)."""
        end = time.perf_counter() + seconds
        while (left := end - time.perf_counter()) > 0:
            if not self._read(left):
                return

    def cpu_seconds(self) -> float:
        """CPU time used so far by every thread of the program (ended ones included)."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime

    def peak_mb(self) -> float:
        """Peak resident memory so far (``VmHWM``), in MiB.

        ``ru_maxrss`` is no good here: Linux carries the forking parent's peak
        over ``execve`` into the child's.
        """
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def quit(self) -> None:
        """Press ctrl+q and wait for the program to end (killed after 20 s)."""
        self.send(CTRL_Q)
        deadline = time.perf_counter() + 20
        while time.perf_counter() < deadline:
            done, _status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                self.ended = True
                return
            self._read(0.05)

    def close(self) -> None:
        """Kill the program if it still runs; release the terminal."""
        if not self.ended:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.pid, 0)
            self.ended = True
        os.close(self.fd)

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _read(self, wait: float) -> bool:
        """Append what the program wrote within ``wait`` seconds; False once it is gone."""
        ready, _, _ = select.select([self.fd], [], [], wait)
        if not ready:
            return True
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            return False
        self.output.extend(chunk)
        return bool(chunk)


def timed_run(
    args: Sequence[str],
    markers: Sequence[str],
    *,
    cwd: Path,
    env: Mapping[str, str] | None = None,
) -> Run:
    """Run ``python ARGS``, time each marker in turn, note the peak memory, quit.

    Raises:
        MarkerMissing: A marker never came.
    """
    with Terminal(args, cwd=cwd, env=env) as terminal:
        marks = tuple(terminal.wait_for(marker) for marker in markers)
        peak = terminal.peak_mb()
        terminal.quit()
    return Run(marks, peak)
