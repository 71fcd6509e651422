"""``bilan backup [--output PATH]`` and ``bilan restore PATH``.

A backup is a consistent copy made with SQLite's backup API while the
workbook may be open in the interface, written ``0600`` and never over an
existing file. A restore checks the chosen file read-only first (a bad file
is refused with nothing written), backs up the current workbook (or moves a
damaged one aside, untouched), then swaps the copy in atomically. It waits
for nobody: if the interface has the workbook open, it says so and stops.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from bilan_tui.cli.context import CommandContext, UsageError
from bilan_tui.cli.recovery import YES, Ask, report_restored
from bilan_tui.i18n import _
from bilan_tui.paths import ensure_private_dir
from bilan_tui.services.backup_text import (
    cleared_answers_note,
    contents_in_words,
    empty_warning,
    when_in_words,
)
from bilan_tui.store.backup import MOST_KEPT

NAMES = ("backup", "restore")


def register(commands: Any, add_common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Declare ``bilan backup`` and ``bilan restore``."""
    backup = commands.add_parser(
        "backup",
        help=_("copy the workbook to a safe file"),
        description=_(
            "Copy the workbook, even while it is open. Without --output, the copy goes "
            "with the automatic backups, beside the workbook."
        ),
    )
    add_common(backup)
    backup.add_argument(
        "--output",
        metavar="PATH",
        help=_("file (or existing folder) to write the copy to; never overwritten"),
    )
    restore = commands.add_parser(
        "restore",
        help=_("put a backup back in place of the workbook"),
        description=" ".join(
            (
                _(
                    "Check a backup, back up the current workbook, then replace it with the "
                    "backup. A damaged workbook is kept aside, untouched. Without PATH, list the "
                    "automatic backups with what each holds."
                ),
                cleared_answers_note(MOST_KEPT),
            )
        ),
    )
    add_common(restore)
    restore.add_argument("path", metavar="PATH", nargs="?", help=_("the backup file to restore"))
    restore.add_argument(
        "--yes", action="store_true", help=_("restore an empty backup without asking (for scripts)")
    )


def run(args: argparse.Namespace, context: CommandContext) -> int:
    """Run ``bilan backup`` or ``bilan restore``."""
    context.settle_language()
    if args.command == "restore":
        ask = input if sys.stdin.isatty() else None
        if args.path is None:
            return run_list_backups(context, ask, sys.stdout)
        return run_restore(context, Path(args.path).expanduser(), yes=args.yes, ask=ask)
    output = Path(args.output).expanduser() if args.output else None
    return run_backup(context, output)


def _destination(output: Path, workbook: Path) -> Path:
    """The file to write: ``output``, or a dated name inside an existing folder."""
    if output.is_dir():
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        output = output / f"{workbook.stem}-{stamp}.sqlite"
    if output.exists() or output.is_symlink():
        raise UsageError(_("{path} already exists; choose another file name").format(path=output))
    return output


def run_backup(context: CommandContext, output: Path | None) -> int:
    """Write a backup and print where it is."""
    from bilan_tui.store.repository import open_workbook

    path = context.workbook_path()
    dest = _destination(output, path) if output is not None else None
    context.unlock()
    with open_workbook(path, create=False) as workbook:
        if dest is None:
            written = workbook.rolling_backup(force=True)
        else:
            try:
                written = workbook.backup(dest)
            except FileExistsError:
                raise UsageError(
                    _("{path} already exists; choose another file name").format(path=dest)
                ) from None
    print(_("Backup written: {path}").format(path=written))
    return 0


def run_list_backups(context: CommandContext, ask: Ask | None, out: TextIO) -> int:
    """List the automatic backups with what each holds; in a terminal, restore the one chosen."""
    from bilan_tui.cli.recovery import choose_backup, list_backups, newest_first

    path = context.workbook_path()
    context.unlock()  # an encrypted workbook's backups are read with its key
    backups = newest_first(path)
    if not backups:
        print(_("There is no backup of the workbook {name} yet.").format(name=path.stem), file=out)
        return 0
    list_backups(backups, out, paths=True)
    print(cleared_answers_note(MOST_KEPT), file=out)
    if ask is None:
        print(_("Restore one with: bilan restore PATH"), file=out)
        return 0
    chosen = choose_backup(backups, ask)
    if chosen is None:
        print(_("Nothing was changed."), file=out)
        return 0
    return run_restore(context, chosen.path, yes=True, ask=None)


def run_restore(
    context: CommandContext, source: Path, *, yes: bool = False, ask: Ask | None = None
) -> int:
    """Check ``source``, say what it holds, then put it in place of the workbook.

    An empty backup is restored only once the person confirmed it (or with
    ``--yes``): it would bring back a blank workbook.
    """
    from bilan_tui.store.backup import check_backup_file, taken_at
    from bilan_tui.store.errors import WorkbookError
    from bilan_tui.store.lock import acquire_lock
    from bilan_tui.store.migrations import SCHEMA_VERSION
    from bilan_tui.store.restore import SameFile, check_backup, restore_workbook

    path = context.workbook_path()
    context.unlock()
    try:
        if source.exists() and path.exists() and source.resolve() == path.resolve():
            raise SameFile(source)
        check_backup(source, SCHEMA_VERSION)
        contents = check_backup_file(source)
    except WorkbookError as error:
        reason = getattr(error, "reason", None) or str(error)
        raise UsageError(
            _("cannot restore {path}: {reason}").format(path=source, reason=reason)
        ) from None
    print(
        _("This backup ({when}) holds: {contents}.").format(
            when=when_in_words(taken_at(source)), contents=contents_in_words(contents)
        )
    )
    if contents.empty and not yes:
        print(empty_warning())
        if ask is None:
            raise UsageError(_("nothing was changed; to restore an empty backup, add --yes"))
        try:
            answer = ask(_("Restore it anyway? [y/N] "))
        except (EOFError, KeyboardInterrupt):
            answer = ""
        if answer.strip().lower() not in YES:
            print(_("Nothing was changed."))
            return 1
    ensure_private_dir(context.data_dir)
    ensure_private_dir(path.parent)
    with acquire_lock(path):
        done = restore_workbook(path, source)
    report_restored(path, source, done, sys.stdout)
    return 0
