"""Textual's private API, in one place: leaving quietly after an unhandled exception.

Textual's own handler prints a traceback with the local variables of every
frame, and those hold the person's answers (DESIGN §5). Replacing it needs
Textual's private names, listed in :data:`PRIVATE_NAMES`; nothing else in
``bilan_tui`` touches them, and ``tests/ui/test_quiet_crash.py`` checks that
they still exist, so a Textual upgrade that renames one fails on that test
rather than in a crash.
"""

from __future__ import annotations

from typing import TypeVar

from textual.app import App

ReturnType = TypeVar("ReturnType")

PRIVATE_NAMES: tuple[str, ...] = (
    "_handle_exception",
    "_return_code",
    "_exception",
    "_exception_event",
    "_close_messages_no_wait",
)
"""The private attributes of ``textual.app.App`` this module uses (methods and instance state)."""


class QuietCrashApp(App[ReturnType]):
    """An app that, on an unhandled exception, calls :meth:`crashed` and exits with status 1.

    Pilot still sees the exception (tests re-raise it), as with Textual's own
    handler; only the printed traceback is gone.
    """

    def crashed(self, error: Exception) -> None:
        """Called once per unhandled exception, before the app closes (save here)."""

    def _handle_exception(self, error: Exception) -> None:
        self._return_code = 1
        if self._exception is None:  # what Pilot re-raises for the test
            self._exception = error
            self._exception_event.set()
        self.crashed(error)
        self._close_messages_no_wait()
