"""When a workbook cannot be read: say so, and offer the backups, saying what each holds.

Used by ``bilan`` (before the interface starts) and by every command that
reports a failure, so the person always reads the same two things: what is
wrong with the file, and how to get their work back. The damaged file is
never written to: a restore moves it aside untouched first.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bilan_tui.i18n import _
from bilan_tui.services.backup_text import backup_in_words, backups_in_words, empty_warning

if TYPE_CHECKING:
    from bilan_tui.store.backup import Backup
    from bilan_tui.store.restore import Restored

Ask = Callable[[str], str]
"""Asks the person a question and returns their answer (``input``)."""

YES = frozenset({"y", "yes", "o", "oui"})
"""Answers taken as yes, in either language; anything else is no."""


def newest_first(workbook: Path) -> list[Backup]:
    """The backups that can be restored, newest first, each checked read-only."""
    from bilan_tui.store.backup import usable_backups

    return list(reversed(usable_backups(workbook)))


def suggested(backups: list[Backup]) -> Backup:
    """The backup to suggest: the newest one holding something, else the newest."""
    return next((backup for backup in backups if not backup.contents.empty), backups[0])


def backup_hint(workbook: Path) -> str:
    """One line: the backup to restore, what it holds and the command; or that there is none.

    It is the only advice printed under a damaged workbook's message, so it
    says what to do in both cases.
    """
    backups = newest_first(workbook)
    if not backups:
        return _(
            "No backup of this workbook was found. To start a new workbook, "
            "move the file elsewhere (it will not be changed)."
        )
    chosen = suggested(backups)
    if chosen is backups[0]:
        text = _(
            "The newest backup is {path} ({description}). Restore it with: bilan restore {path}"
        )
    else:
        text = _(
            "The newest backup holding your work is {path} ({description}). "
            "Restore it with: bilan restore {path}"
        )
    return text.format(path=chosen.path, description=backup_in_words(chosen))


def is_unreadable(error: BaseException) -> bool:
    """Whether ``error`` means the workbook file is damaged, so a backup is worth offering.

    Only damage qualifies. A workbook from a newer version, another
    program's database or a folder is whole: restoring over it would set it
    aside and bring back an older backup, sending the person back in time
    without a word. A full or read-only disk is the disk's problem, not the
    file's. Each of those gets its own message and no offer.
    """
    from bilan_tui.store.errors import WorkbookDamaged

    return isinstance(error, WorkbookDamaged)


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
        from bilan_tui.crypto.errors import WorkbookLocked

        return None if isinstance(error, WorkbookLocked) else error  # unlocked in the app
    return None


def list_backups(backups: list[Backup], out: TextIO, *, paths: bool = False) -> None:
    """Number the backups, newest first, with what each holds (and a warning if one is empty)."""
    print(_("Backups of this workbook, newest first:"), file=out)
    for number, (backup, line) in enumerate(
        zip(backups, backups_in_words(backups), strict=True), 1
    ):
        print(f"  {number}. {line}", file=out)
        if paths:
            print(f"     {backup.path}", file=out)
    if any(backup.contents.empty for backup in backups):
        print(empty_warning(), file=out)


def choose_backup(backups: list[Backup], ask: Ask) -> Backup | None:
    """Ask which backup to restore: a number, or yes for the only one; None for no."""
    if len(backups) == 1:
        question = _("Restore this backup now? [y/N] ")
    else:
        question = _(
            "Restore which backup? Type its number (1 to {count}), or press Enter to change "
            "nothing: "
        ).format(count=len(backups))
    try:
        answer = ask(question).strip().lower()
    except (EOFError, KeyboardInterrupt):
        answer = ""
    if len(backups) == 1 and answer in YES:
        return backups[0]
    if answer.isdigit() and 1 <= int(answer) <= len(backups):
        return backups[int(answer) - 1]
    return None


def offer_restore(workbook: Path, error: BaseException, ask: Ask | None, out: TextIO) -> bool:
    """Explain the problem; for a damaged workbook, offer the backups and restore the one chosen.

    Anything else (a newer version, another program's file, a full or
    read-only disk) gets its message alone: nothing is offered.

    Args:
        workbook: The unreadable workbook.
        error: Why it cannot be used (its message names the file).
        ask: Asks a question; ``None`` when nobody can answer (not a
            terminal): the command to run is printed instead.
        out: Where the messages go (standard error).

    Returns:
        True if a backup is now in place and the workbook can be opened;
        False if it is still unusable.
    """
    print(f"bilan: {error}", file=out)
    if not is_unreadable(error):
        return False  # whole, or the disk's doing: its message says what to do
    backups = newest_first(workbook)
    if not backups or ask is None:
        print(backup_hint(workbook), file=out)
        return False
    list_backups(backups, out)
    chosen = choose_backup(backups, ask)
    if chosen is None:
        print(
            _("Nothing was changed. Restore a backup later with: bilan restore {path}").format(
                path=suggested(backups).path
            ),
            file=out,
        )
        return False
    return restore_and_report(workbook, chosen.path, out)


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
