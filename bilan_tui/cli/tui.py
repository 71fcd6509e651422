"""``bilan`` without a command: open the workbook in the terminal interface.

Before Textual starts, the workbook is locked against a second instance and,
if it exists, its header is checked without writing to it, so that both
refusals are one clear line in the terminal rather than a screen that flashes
and vanishes; a damaged workbook comes with the offer to restore the newest
backup. The whole-file check runs once, with the real open in the app's
worker, and the same offer follows the interface if it fails.
SIGHUP (the terminal window closed) and SIGTERM save everything, then quit:
Textual handles neither by itself (DESIGN §5).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from functools import partial
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from bilan_tui.cli.context import CommandContext
from bilan_tui.i18n import _
from bilan_tui.paths import ensure_private_dir, workbooks_dir

if TYPE_CHECKING:
    from bilan_tui.domain.model import Pack
    from bilan_tui.services.session import WorkbookSession
    from bilan_tui.ui.app import BilanApp


def needs_a_terminal() -> str:
    """Why a plain ``bilan`` refuses to start with no terminal to draw in."""
    return _(
        "the workbook opens in a terminal window. From a script, use a command: "
        "bilan status, bilan hours or bilan export (bilan --help lists them all)."
    )


def run_tui(context: CommandContext) -> int:
    """Run the interface until the person quits; returns the exit status.

    A workbook that cannot be read gets the restore offer (``recovery.py``):
    before the interface starts when its header shows it, after the interface
    has closed when the real open finds it (damage deep in the file, a newer
    version). If the person accepts, the restored workbook is opened at once.
    """
    from bilan_tui.cli.recovery import check_before_opening, offer_restore
    from bilan_tui.store.lock import acquire_lock

    context.settle_language()
    path = context.expect_workbook()
    ensure_private_dir(context.data_dir)
    ensure_private_dir(workbooks_dir(context.data_dir))
    pack = context.preview_pack()  # the library is read with the workbook, in the app's worker
    ask = input if sys.stdin.isatty() else None
    with acquire_lock(path):
        problem = check_before_opening(path)
        if problem is not None and not offer_restore(path, problem, ask, sys.stderr):
            return 1
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            print("bilan: " + needs_a_terminal(), file=sys.stderr)
            return 2
        if context.passphrase_file is not None:
            context.unlock()  # else the unlock screen asks
        while True:
            failures: list[BaseException] = []
            app, status = _run_interface(context, pack, path, failures)
            if app.crash is None and not app.open_error:
                break
            failure = app.crash if app.crash is not None else next(iter(failures), None)
            damage = damage_behind(path, failure)
            if damage is not None:
                if offer_restore(path, damage, ask, sys.stderr):
                    continue  # the newest backup is in place: open it
                return 1
            if app.crash is not None:
                break
            print(f"bilan: {app.open_error}", file=sys.stderr)
            return 2 if refused_passphrase(failures) else 1
    if app.crash is None and app.switch_language_to is not None:
        restart_in(context, app.switch_language_to)
    if app.crash is not None:
        if context.debug:
            raise app.crash
        print(
            "bilan: " + crash_message(app.crash, saved=not app.crash_save_failed), file=sys.stderr
        )
        return 1
    return status if isinstance(status, int) else 0


def restart_in(context: CommandContext, language: str) -> None:
    """Start ``bilan`` again on the same workbook, in ``language`` (never returns).

    The person chose the other language from the palette; the workbook already
    remembers it and is closed and unlocked. A new process is the only clean
    way: every key description was translated when its class was built.
    """
    argv = [sys.executable, "-m", "bilan_tui", "--lang", language]
    argv += ["--data-dir", str(context.data_dir), "--workbook", context.workbook]
    if context.debug:
        argv.append("--debug")
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, argv)


def crash_message(crash: BaseException, *, saved: bool) -> str:
    """One line after an unexpected error: its kind, whether the answers are safe, no text."""
    return " ".join(
        (
            _("stopped after an unexpected error ({kind}).").format(kind=type(crash).__name__),
            _("Your answers were saved.") if saved else _("Your answers could not all be saved."),
            _("Run with --debug for details."),
        )
    )


def damage_behind(path: Path, failure: BaseException | None) -> BaseException | None:
    """The workbook's own damage, if that is what ``failure`` comes from.

    The interface opens without reading every page, so damage deep in the file
    may first show as an SQLite error anywhere (opening, drawing the dashboard)
    before the background check names it. Any SQLite error is therefore
    followed by the whole-file check: damage gets the restore offer, anything
    else its own message.
    """
    from bilan_tui.store.errors import (
        NotAWorkbook,
        WorkbookDamaged,
        WorkbookIOError,
        WorkbookTooNew,
    )

    if failure is None or isinstance(
        failure, WorkbookDamaged | NotAWorkbook | WorkbookTooNew | WorkbookIOError
    ):
        return failure  # the file's own trouble: offer_restore offers a backup for damage only
    if not _from_sqlite(failure):
        return None
    from bilan_tui.store.errors import WorkbookError
    from bilan_tui.store.inspection import verify_integrity

    try:
        verify_integrity(path)
    except WorkbookError as found:
        return found
    return None


def refused_passphrase(failures: list[BaseException]) -> bool:
    """Whether the workbook stayed locked: a wrong passphrase, or none given (exit 2)."""
    from bilan_tui.crypto.errors import WorkbookLocked, WrongPassphrase

    return any(isinstance(failure, WorkbookLocked | WrongPassphrase) for failure in failures)


def _from_sqlite(error: BaseException) -> bool:
    """Whether SQLite raised ``error`` or the error it wraps (SQLAlchemy's, the store's)."""
    from bilan_tui.crypto.sqlcipher import damage_errors

    seen: BaseException | None = error
    for _depth in range(5):
        if seen is None:
            return False
        if isinstance(seen, damage_errors()):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _run_interface(
    context: CommandContext, pack: Pack, path: Path, failures: list[BaseException]
) -> tuple[BilanApp, object]:
    """Run the app once, saving and closing whatever it opened; the app and its result."""
    from bilan_tui.ui.app import BilanApp

    app = BilanApp(
        pack,
        partial(open_for_interface, context, failures),
        data_location=str(path),
        after_open=partial(check_then_back_up, failures),
        welcome=True,
    )
    previous = _install_signal_handlers(app)
    try:
        status = app.run()
    finally:
        _restore_signal_handlers(previous)
        app.save_everything()
        if app.session is not None:
            app.session.close()
    return app, status


def open_for_interface(context: CommandContext, failures: list[BaseException]) -> WorkbookSession:
    """Open the workbook in the app's worker thread, without the whole-file check.

    The check follows in the background (:func:`check_then_back_up`), so the
    dashboard does not wait for a read of the whole file, whose cost grows with
    the years of records. An opening failure is kept in ``failures`` so that
    the backup can be offered once the interface is gone.
    """
    try:
        return context.open_session(create=True, integrity=False)
    except BaseException as error:
        failures.append(error)
        raise


def check_then_back_up(failures: list[BaseException], session: WorkbookSession) -> None:
    """Once the dashboard is full, in a worker: the whole-file check, then today's backup.

    Today's backup catches the work of a session that was killed before it
    could back up on closing; a workbook holding nothing is not backed up.

    A damaged workbook is kept in ``failures`` and stops the interface, which
    then offers the newest backup; it is never backed up itself, so it cannot
    push a good copy out of the rotation. A backup that fails (a full disk)
    must not keep the person from working: the autosave tells them about the disk.
    """
    from bilan_tui.store.inspection import verify_integrity

    try:
        verify_integrity(session.path)
    except BaseException as error:
        failures.append(error)
        raise
    with contextlib.suppress(Exception):  # working matters more than today's copy
        session.workbook.automatic_backup()


Handler = signal.Handlers | int | None | object


def _install_signal_handlers(app: object) -> dict[int, Handler]:
    """Save and quit on SIGHUP and SIGTERM."""
    from bilan_tui.ui.app import BilanApp

    assert isinstance(app, BilanApp)

    def save_and_quit(signum: int, _frame: FrameType | None) -> None:
        saved = app.save_everything()
        if signum == signal.SIGHUP and saved:
            # The terminal is gone: restoring it can only block on a dead
            # tty. Everything is on disk, so close the workbook and leave now.
            if app.session is not None:
                with contextlib.suppress(Exception):
                    app.session.close()
            _restore_terminal_without_blocking(app)
            os._exit(128 + signum)
        app.exit(128 + signum)

    previous: dict[int, Handler] = {}
    for sig in (signal.SIGHUP, signal.SIGTERM):
        previous[sig] = signal.signal(sig, save_and_quit)
    return previous


TERMINAL_RESET = (
    "\x1b[?2004l"  # bracketed paste off
    "\x1b[?7h"  # line wrap on
    "\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l\x1b[?1015l"  # mouse reporting off
    "\x1b[<u"  # kitty keyboard protocol off
    "\x1b[?1049l"  # leave the alternate screen
    "\x1b[?25h"  # show the cursor
    "\x1b[?1004l"  # focus events off
)


def _restore_terminal_without_blocking(app: object) -> None:
    """Undo what Textual did to the terminal, never waiting on a dead tty.

    Textual's own shutdown writes through a thread and may block forever once
    the terminal window is closed; this writes the same reset in one
    non-blocking call and gives up silently if nobody is listening.
    """
    driver = getattr(app, "_driver", None)
    attrs = getattr(driver, "attrs_before", None)
    fileno = getattr(driver, "fileno", None)
    if attrs is not None and isinstance(fileno, int):
        with contextlib.suppress(Exception):
            import termios

            termios.tcsetattr(fileno, termios.TCSANOW, attrs)
    with contextlib.suppress(Exception):
        fd = sys.__stderr__.fileno() if sys.__stderr__ else 2
        os.set_blocking(fd, False)
        os.write(fd, TERMINAL_RESET.encode())


def _restore_signal_handlers(previous: dict[int, Handler]) -> None:
    for sig, handler in previous.items():
        signal.signal(sig, handler)  # type: ignore[arg-type]
