"""The real program in a pseudo-terminal, driven like a person at a keyboard.

``pty.fork`` makes the pty the child's controlling terminal, so closing the
master end is what closing a terminal window does: the kernel sends SIGHUP.
The screen is read by stripping escape sequences from everything the program
wrote; tests poll for words with generous timeouts (the CI machine is shared
and slow to start Python).
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
from collections.abc import Sequence
from pathlib import Path

ESCAPES = re.compile(
    rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)"
)
LEAVE_ALT_SCREEN = b"\x1b[?1049l"
START_TIMEOUT = 60.0


class Terminal:
    """One run of ``python -m bilan_tui ARGS`` (or a script) in an 80x24 pty."""

    def __init__(
        self,
        args: Sequence[str],
        *,
        script: Path | None = None,
        env: dict[str, str] | None = None,
        size: tuple[int, int] = (80, 24),
    ) -> None:
        program = [str(script)] if script else ["-m", "bilan_tui"]
        argv = [sys.executable, *program, *args]
        environment = dict(os.environ)
        environment.update(
            TERM="xterm-256color",
            COLUMNS=str(size[0]),
            LINES=str(size[1]),
            LANG="C.UTF-8",
            PYTHONUNBUFFERED="1",
        )
        environment.update(env or {})
        pid, fd = pty.fork()
        if pid == 0:  # the child: become the program
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
                os.execve(sys.executable, argv, environment)
            finally:
                os._exit(127)
        self.pid = pid
        self.fd: int | None = fd
        self.output = bytearray()
        self.status: int | None = None

    def pump(self, seconds: float) -> None:
        """Read what the program writes for ``seconds`` (the pty must not fill up)."""
        end = time.monotonic() + seconds
        while self.fd is not None:
            left = end - time.monotonic()
            if left <= 0:
                return
            ready, _, _ = select.select([self.fd], [], [], min(left, 0.05))
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:  # EIO: the program is gone
                    chunk = b""
                if not chunk:
                    time.sleep(min(left, 0.05))
                    if self.poll() is not None:
                        return
                    continue
                self.output.extend(chunk)

    def screen_text(self, since: int = 0) -> str:
        """Everything written since byte ``since``, without escape sequences."""
        return ESCAPES.sub(b"", bytes(self.output[since:])).decode("utf-8", "replace")

    def wait_for(self, needle: str, timeout: float = START_TIMEOUT, since: int = 0) -> None:
        """Read until ``needle`` is on screen; fail with the screen if it never comes."""
        end = time.monotonic() + timeout
        while needle not in self.screen_text(since):
            if self.poll() is not None:
                self.pump(0.3)
                if needle in self.screen_text(since):
                    return
                raise AssertionError(f"exited before {needle!r}: {self.screen_text()[-1500:]!r}")
            if time.monotonic() > end:
                raise AssertionError(f"{needle!r} never came: {self.screen_text()[-1500:]!r}")
            self.pump(0.1)

    def send(self, text: str) -> None:
        """Type ``text`` (escape sequences included) as if on the keyboard."""
        assert self.fd is not None
        os.write(self.fd, text.encode())

    def signal(self, number: int) -> None:
        """Send a signal to the program."""
        os.kill(self.pid, number)

    def hang_up(self) -> None:
        """Close the terminal window: close the master end of the pty."""
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None

    def poll(self) -> int | None:
        """The exit code (negative: killed by that signal), or None if still running."""
        if self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(status)
        return self.status

    def wait(self, timeout: float = 30.0) -> int:
        """Wait for the program to end, reading its output meanwhile."""
        end = time.monotonic() + timeout
        while self.poll() is None:
            if time.monotonic() > end:
                raise AssertionError(f"still running; screen: {self.screen_text()[-1500:]!r}")
            if self.fd is not None:
                self.pump(0.1)
            else:
                time.sleep(0.05)
        self.pump(0.2)
        assert self.status is not None
        return self.status

    def after_interface(self) -> str:
        """What the program printed once it left the alternate screen."""
        data = bytes(self.output)
        cut = data.rfind(LEAVE_ALT_SCREEN)
        tail = data[cut + len(LEAVE_ALT_SCREEN) :] if cut >= 0 else data
        return ESCAPES.sub(b"", tail).decode("utf-8", "replace")

    def close(self) -> None:
        """Kill the program if it still runs; release the pty."""
        if self.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.pid, 0)
            self.status = -signal.SIGKILL
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
