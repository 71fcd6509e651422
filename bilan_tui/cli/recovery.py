"""When a workbook cannot be read: say so, and offer the newest backup.

Used by ``bilan`` (before the interface starts) and by every command that
reports a failure, so the person always reads the same two things: what is
wrong with the file, and how to get their work back. The damaged file is
never written to: a restore moves it aside untouched first.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bilan_tui.i18n import _

if TYPE_CHECKING:
    from bilan_tui.store.restore import Restored

Ask = Callable[[str], str]
"""Asks the person a question and returns their answer (``input``)."""

_STAMP = re.compile(r"-(\d{8}-\d{6})(?:-\d+)?\.sqlite$")

YES = frozenset({"y", "yes", "o", "oui"})
"""Answers taken as yes, in either language; anything else is no."""


def backup_date(backup: Path) -> str:
    """When a rolling backup was taken, from its name (else its file time)."""
    match = _STAMP.search(backup.name)
    if match:
        moment = datetime.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
    else:
        moment = datetime.datetime.fromtimestamp(backup.stat().st_mtime)
    return moment.strftime("%Y-%m-%d %H:%M")


def backup_hint(workbook: Path) -> str:
    """One line naming the newest backup and the command that restores it."""
    from bilan_tui.store.backup import newest_backup

    newest = newest_backup(workbook)
    if newest is None:
        return _("No backup of this workbook was found.")
    return _("The newest backup is {path} ({date}). Restore it with: bilan restore {path}").format(
        path=newest, date=backup_date(newest)
    )


def is_unreadable(error: BaseException) -> bool:
    """Whether ``error`` means the workbook file itself cannot be used."""
    from bilan_tui.store.errors import NotAWorkbook, WorkbookDamaged, WorkbookTooNew

    return isinstance(error, WorkbookDamaged | NotAWorkbook | WorkbookTooNew)


def check_before_opening(workbook: Path) -> Exception | None:
    """Check an existing workbook's header and size, read-only; the problem found, if any.

    Instant and stdlib only, so the interface runs it before its first frame.
    Deeper damage (``quick_check``) and a newer version are found when the
    workbook is opened for real, in the interface's worker; the command line
    then makes the same offer once the interface has closed.
    """
    from bilan_tui.store.errors import WorkbookError
    from bilan_tui.store.inspection import inspect_header

    if not workbook.exists():
        return None
    try:
        inspect_header(workbook)
    except WorkbookError as error:
        return error
    return None


def offer_restore(workbook: Path, error: BaseException, ask: Ask | None, out: TextIO) -> bool:
    """Explain the problem and, if the person agrees, restore the newest backup.

    Args:
        workbook: The unreadable workbook.
        error: Why it cannot be used (its message names the file).
        ask: Asks a yes/no question; ``None`` when nobody can answer
            (not a terminal): the command to run is printed instead.
        out: Where the messages go (standard error).

    Returns:
        True if the newest backup is now in place and the workbook can be
        opened; False if it is still unusable.
    """
    from bilan_tui.store.backup import newest_backup

    print(f"bilan: {error}", file=out)
    newest = newest_backup(workbook)
    if newest is None or ask is None:
        print(backup_hint(workbook), file=out)
        return False
    print(
        _("The newest backup is {path} ({date}).").format(path=newest, date=backup_date(newest)),
        file=out,
    )
    try:
        answer = ask(_("Restore the newest backup now? [y/N] "))
    except (EOFError, KeyboardInterrupt):
        answer = ""
    if answer.strip().lower() not in YES:
        print(
            _("Nothing was changed. Restore it later with: bilan restore {path}").format(
                path=newest
            ),
            file=out,
        )
        return False
    return restore_and_report(workbook, newest, out)


def restore_and_report(workbook: Path, source: Path, out: TextIO) -> bool:
    """Restore ``source`` over ``workbook`` (lock held) and say what happened."""
    from bilan_tui.store.errors import WorkbookError
    from bilan_tui.store.restore import restore_workbook

    try:
        done = restore_workbook(workbook, source)
    except (WorkbookError, OSError) as problem:
        if isinstance(problem, OSError):
            from bilan_tui.system_words import os_failure

            reason = os_failure(problem)
        else:
            reason = str(problem)
        print(
            _("bilan: the backup could not be restored: {reason}").format(reason=reason), file=out
        )
        return False
    report_restored(workbook, source, done, out)
    return True


def report_restored(workbook: Path, source: Path, done: Restored, out: TextIO) -> None:
    """Say what a restore did: what is in place, and where the old file went."""
    print(
        _("Restored {source} as the workbook {workbook}.").format(source=source, workbook=workbook),
        file=out,
    )
    if done.set_aside is not None:
        print(
            _("The damaged file was kept, untouched, as {path}.").format(path=done.set_aside),
            file=out,
        )
    if done.previous_backup is not None:
        print(
            _("The workbook it replaced was backed up as {path}.").format(
                path=done.previous_backup
            ),
            file=out,
        )
