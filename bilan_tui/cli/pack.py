"""``bilan pack check|install|list``: consultants' own exercise packs.

``check`` prints every problem as ``path:line: message`` (stdout, so it can be
piped to an editor's quickfix list) and exits 2 if there is any, or prints one
summary line. ``install`` checks the same way, then copies the pack into the
data directory; installing a newer version keeps every answer (answers are
keyed by stable ids). ``list`` shows the built-in pack and the installed ones.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bilan_tui.cli.context import CommandContext, UsageError
from bilan_tui.domain.model import Pack
from bilan_tui.domain.numbers import format_number
from bilan_tui.domain.text import clean_text
from bilan_tui.i18n import _, language, ngettext

NAMES = ("pack",)


def register(commands: Any, add_common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Declare ``bilan pack check PATH``, ``bilan pack install PATH`` and ``bilan pack list``."""
    parser = commands.add_parser(
        "pack",
        help=_("check, install and list exercise packs"),
        description=_("Exercise packs written by consultants: check one, install one, list them."),
    )
    add_common(parser)
    actions = parser.add_subparsers(dest="pack_command", metavar=_("ACTION"), required=True)
    check = actions.add_parser(
        "check",
        help=_("report every problem of a pack"),
        description=_(
            "Check a pack folder (or .zip): every problem is printed as path:line: message."
        ),
    )
    add_common(check)
    check.add_argument("path", metavar="PATH", help=_("the pack folder or .zip"))
    install = actions.add_parser(
        "install",
        help=_("check a pack, then install it"),
        description=_(
            "Check a pack folder (or .zip) and install it; a newer version replaces the "
            "installed one and keeps every answer."
        ),
    )
    add_common(install)
    install.add_argument("path", metavar="PATH", help=_("the pack folder or .zip"))
    listing = actions.add_parser(
        "list",
        help=_("the installed packs"),
        description=_("List the built-in pack and the installed packs, with their versions."),
    )
    add_common(listing)


def run(args: argparse.Namespace, context: CommandContext) -> int:
    """Run ``bilan pack ACTION``."""
    action = args.pack_command
    if action == "check":
        return run_check(Path(args.path))
    if action == "install":
        return run_install(Path(args.path), context)
    return run_list(context)


def _load(path: Path) -> tuple[Pack | None, list[str], int]:
    """The pack at ``path`` (folder or .zip), or its problems as printable lines.

    Raises:
        UsageError: an unsafe or unreadable archive.
    """
    from bilan_tui.packs import PackArchiveError, PackError, load_pack
    from bilan_tui.packs.install import opened_pack

    try:
        with opened_pack(path) as root:
            return load_pack(root), [], 0
    except PackError as error:
        return None, error.lines(), error.count
    except PackArchiveError as error:
        raise UsageError(
            _("cannot use {path}: {reason}").format(path=clean_text(str(path)), reason=error)
        ) from None


def _report_problems(path: Path, problems: list[str], count: int | None = None) -> int:
    """Print the problems' lines, then how many problems there are in all."""
    for line in problems:
        print(line)
    count = len(problems) if count is None else count
    print(
        "bilan: "
        + ngettext("{count} problem in {path}", "{count} problems in {path}", count).format(
            count=format_number(count, language()), path=clean_text(str(path))
        ),
        file=sys.stderr,
    )
    return 2


def describe(pack: Pack) -> str:
    """``id version (language)``: how a pack is named in messages."""
    return f"{pack.id} {clean_text(pack.version)} ({pack.language})"


def run_check(path: Path) -> int:
    """Check a pack; 0 and one summary line if it is sound, 2 and its problems otherwise."""
    pack, problems, count = _load(path)
    if pack is None:
        return _report_problems(path, problems, count)
    count = len(pack.exercises)
    print(
        ngettext(
            "{path}: pack {pack}, {count} exercise in {phases} phase(s): no problem found",
            "{path}: pack {pack}, {count} exercises in {phases} phase(s): no problem found",
            count,
        ).format(
            path=clean_text(str(path)),
            pack=describe(pack),
            count=count,
            phases=len(pack.phases),
        )
    )
    return 0


def run_install(path: Path, context: CommandContext) -> int:
    """Check a pack, then install it into the data directory."""
    from bilan_tui.packs import InstallRefused, PackArchiveError, PackError, load_pack
    from bilan_tui.packs.install import Action, install_loaded, opened_pack
    from bilan_tui.paths import packs_dir

    context.settle_language()
    try:
        with opened_pack(path) as root:
            outcome = install_loaded(load_pack(root), packs_dir(context.data_dir))
    except PackError as error:
        return _report_problems(path, error.lines(), error.count)
    except (PackArchiveError, InstallRefused) as error:
        raise UsageError(
            _("cannot install {path}: {reason}").format(path=clean_text(str(path)), reason=error)
        ) from None
    title = clean_text(outcome.pack.title)
    messages = {
        Action.INSTALLED: _("Installed pack {pack}: {title}."),
        Action.UPGRADED: _("Upgraded pack {pack} (was {previous}); every answer is kept."),
        Action.REPLACED: _("Reinstalled pack {pack} (same version, files changed)."),
        Action.UNCHANGED: _("Pack {pack} is already installed; nothing changed."),
    }
    print(
        messages[outcome.action].format(
            pack=describe(outcome.pack), title=title, previous=clean_text(outcome.previous_version)
        )
    )
    return 0


def run_list(context: CommandContext) -> int:
    """Show the built-in pack and every installed pack, with versions."""
    from bilan_tui.packs import installed_packs, load_shipped_pack

    context.settle_language()
    shipped = load_shipped_pack(context.language)
    print(
        _("Built in:   {pack}  {title}").format(
            pack=describe(shipped), title=clean_text(shipped.title)
        )
    )
    print_exercises(shipped, "    ")
    found = installed_packs(context.data_dir)
    if not found:
        print(_("No pack installed. Install one with: bilan pack install PATH"))
        return 0
    print(_("Installed:"))
    for item in found:
        if item.pack is None:
            first = str(item.problems[0]) if item.problems else ""
            print("  " + _("{id}  cannot be read: {problem}").format(id=item.id, problem=first))
            continue
        count = len(item.pack.exercises)
        exercises = ngettext("{count} exercise", "{count} exercises", count).format(count=count)
        print(f"  {describe(item.pack)}  {clean_text(item.pack.title)}  ({exercises})")
        print_exercises(item.pack, "    ")
    return 0


def print_exercises(pack: Pack, indent: str) -> None:
    """One line per exercise: the id a homework names (``--exercises``), then its title.

    The ids are what a consultant types in ``bilan homework new
    --exercises`` (``pack:id`` picks an installed pack's exercise when the
    built-in pack has the same id).
    """
    width = max((len(exercise.id) for exercise in pack.exercises), default=0)
    for exercise in pack.exercises:
        print(f"{indent}{exercise.id.ljust(width)}  {clean_text(exercise.title)}")
