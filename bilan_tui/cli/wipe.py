"""``bilan wipe [--yes]``: the end of the bilan, when the workbook must disappear.

The person's reflections are theirs to destroy once the bilan is over. The
command lists what it will remove, reminds them to export their synthesis
first, and asks them to type the workbook's name (``--yes`` skips the
question, for scripts). It refuses while the interface has the workbook
open, and prints every file it removed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from bilan_tui.cli.context import CommandContext, UsageError
from bilan_tui.i18n import _
from bilan_tui.services.wipe_text import (
    backups_hold_cleared_answers,
    keep_until_follow_up,
    what_deletion_does,
    what_the_organisation_destroys,
)
from bilan_tui.store.backup import MOST_KEPT

NAMES = ("wipe",)


def register(commands: Any, add_common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Declare ``bilan wipe [--yes]``."""
    parser = commands.add_parser(
        "wipe",
        help=_("end of the bilan: destroy the workbook and its backups"),
        description=" ".join(
            (
                _(
                    "Delete the workbook, the files SQLite keeps beside it and its backups. "
                    "Export your synthesis first: this cannot be undone."
                ),
                what_deletion_does(),
                keep_until_follow_up(),
                what_the_organisation_destroys(),
            )
        ),
    )
    add_common(parser)
    parser.add_argument(
        "--yes", action="store_true", help=_("do not ask for confirmation (for scripts)")
    )


def run(args: argparse.Namespace, context: CommandContext) -> int:
    """Run ``bilan wipe``."""
    context.settle_language()
    ask = input if sys.stdin.isatty() else None
    return run_wipe(context, yes=args.yes, ask=ask, out=sys.stdout)


def describe_targets(workbook: Path, targets: list[Path]) -> list[str]:
    """The lines that say what a wipe will destroy, and what to do first."""
    lines = [_("This will permanently delete the workbook {name}:").format(name=workbook.stem)]
    lines.extend(f"  {path}" for path in targets)
    lines.append(backups_hold_cleared_answers(MOST_KEPT))
    lines.append(what_deletion_does(encrypted=is_encrypted_workbook(workbook)))
    lines.append(
        _(
            "Export your synthesis first if you want to keep it (bilan export): "
            "this program cannot bring anything back afterwards."
        )
    )
    lines.append(_("Copies you made yourself (bilan backup --output, exports) are not touched."))
    lines.append(keep_until_follow_up())
    lines.append(what_the_organisation_destroys())
    return lines


def is_encrypted_workbook(workbook: Path) -> bool:
    """Whether a wipe of ``workbook`` is a crypto-erase (it has key files)."""
    from bilan_tui.crypto.keyfile import existing_key_files

    return bool(existing_key_files(workbook))


def run_wipe(
    context: CommandContext, *, yes: bool, ask: Callable[[str], str] | None, out: TextIO
) -> int:
    """Confirm, then remove the workbook and its backups; print what was removed."""
    from bilan_tui.store.lock import acquire_lock, hold_for_replacing
    from bilan_tui.store.wipe import wipe_targets, wipe_workbook

    workbook = context.workbook_path()
    targets = wipe_targets(workbook)
    if not targets:
        print(
            _("Nothing to remove: there is no workbook {name}.").format(name=workbook.stem),
            file=out,
        )
        return 0
    if not yes:
        if ask is None:
            raise UsageError(_("wipe needs --yes when it cannot ask for confirmation"))
        for line in describe_targets(workbook, targets):
            print(line, file=out)
        try:
            answer = ask(
                _("Type the workbook's name ({name}) to delete it: ").format(name=workbook.stem)
            )
        except (EOFError, KeyboardInterrupt):
            answer = ""
        if answer.strip() != workbook.stem:
            print(_("Nothing was deleted."), file=out)
            return 1
    encrypted = is_encrypted_workbook(workbook)
    with acquire_lock(workbook), hold_for_replacing(workbook):
        removed = wipe_workbook(workbook)
    if encrypted:
        print(
            _("The key file was destroyed first: what may remain on the disk cannot be read."),
            file=out,
        )
    print(_("Removed:"), file=out)
    for path in removed:
        print(f"  {path}", file=out)
    return 0
