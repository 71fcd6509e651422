"""The ``bilan`` command: argument parsing and dispatch.

Exit status: 0 on success, 2 for bad usage or invalid input (one clear line on
stderr, nothing written), 1 for other failures (a clear message; a traceback
only with ``--debug``). Heavy modules (Textual, SQLModel) are imported only by
the commands that need them, so ``bilan --help`` and ``bilan status`` stay quick.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from functools import partial
from importlib import import_module
from types import ModuleType, SimpleNamespace
from typing import TYPE_CHECKING

from bilan_tui import __version__
from bilan_tui.cli.context import CommandContext, UsageError
from bilan_tui.i18n import LANGUAGES, _, resolve_language, set_language

if TYPE_CHECKING:  # the interface's own start-up never builds a parser
    import argparse

DEFAULT_WORKBOOK = "default"

COMMANDS: tuple[str, ...] = (
    "status",
    "hours",
    "pack",
    "homework",
    "backup",
    "wipe",
    "demo",
    "export",
    "metiers",
    "encrypt",
)
"""Sub-command modules of ``bilan_tui.cli``; add one line per new command."""

ALIASES: dict[str, str] = {"restore": "backup", "decrypt": "encrypt", "passphrase": "encrypt"}
"""Command words whose module has another name (a test checks this against ``NAMES``)."""


def _common_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """Options accepted before or after the command name."""
    import argparse

    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help=_(
            "data folder: your workbooks go in its workbooks/ folder, installed packs in "
            "packs/ (default: your user data folder)"
        ),
    )
    parser.add_argument(
        "--workbook",
        metavar="NAME",
        default=default,
        help=_("name of the workbook to use (default: %(default_name)s)")
        % {"default_name": DEFAULT_WORKBOOK},
    )
    parser.add_argument(
        "--lang",
        choices=["fr", "en"],
        default=default,
        help=_("language of the interface and exports (default: French)"),
    )
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        default=default,
        help=_("read an encrypted workbook's passphrase from the first line of FILE (scripts)"),
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help=_("show technical details when something fails"),
    )


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command-line grammar, with help in the current language.

    Args:
        only: A command word (see :func:`command_word`): declare that command
            alone. Importing every command's module and declaring its options
            costs a command as much as its own work (DESIGN §12); the grammar
            of one command does not depend on the others. ``None``: all of them.
    """
    import argparse

    from bilan_tui.cli import argparse_words

    argparse_words.install()
    parser = argparse.ArgumentParser(
        prog="bilan",
        description=_(
            "A private workbook for your skills assessment (bilan de compétences). "
            "Without a command, opens the workbook in the terminal."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"bilan {__version__}",
        help=_("show the version of the program and exit"),
    )
    _common_options(parser, suppress=False)
    commands = parser.add_subparsers(dest="command", metavar=_("COMMAND"))

    for module in command_modules(only):
        module.register(commands, partial(_common_options, suppress=True))
    return parser


def command_word(argv: Sequence[str]) -> str | None:
    """The command named in ``argv`` when only plain global options come before it.

    ``None`` (then the full grammar parses, and explains any mistake) for no
    command, an unknown one, or anything unusual before it: an abbreviated
    option, ``--help``, ``--``. A test checks that the grammar of this command
    alone parses ``argv`` as the full one does.
    """
    index = 0
    while index < len(argv):
        word = argv[index]
        option, equals, _value = word.partition("=")
        if option == "--debug" and not equals:
            index += 1
        elif option in _VALUE_OPTIONS:
            index += 1 if equals else 2
        elif word.startswith("-"):
            return None
        else:
            return word if word in COMMANDS or word in ALIASES else None
    return None


def _early_language(argv: Sequence[str]) -> str:
    """The language for help texts, known before the parser exists."""
    requested = None
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            requested = argv[index + 1]
        elif arg.startswith("--lang="):
            requested = arg.split("=", 1)[1]
    return resolve_language(requested)


_VALUE_OPTIONS = {
    "--data-dir": "data_dir",
    "--workbook": "workbook",
    "--lang": "lang",
    "--passphrase-file": "passphrase_file",
}
"""The global options that take a value, and where ``argparse`` puts it."""


def _interface_args(argv: Sequence[str]) -> SimpleNamespace | None:
    """The global options of a plain ``bilan`` (the interface), read without ``argparse``.

    Building the full grammar imports every command's module, and even
    ``argparse`` alone costs the interface's first frame a few milliseconds
    (DESIGN §12). Only the plainest forms are read here (``--opt value``,
    ``--opt=value``, ``--debug``); anything else (a command, ``--help``,
    ``--version``, an abbreviation, a missing or invalid value) returns
    ``None``, and the full parser handles it and explains itself. A test
    checks that both agree wherever this one answers.
    """
    found: dict[str, object] = {
        "data_dir": None,
        "workbook": None,
        "lang": None,
        "passphrase_file": None,
        "debug": False,
        "command": None,
    }
    index = 0
    while index < len(argv):
        option, equals, value = argv[index].partition("=")
        index += 1
        if option == "--debug" and not equals:
            found["debug"] = True
            continue
        if option not in _VALUE_OPTIONS:
            return None
        if not equals:
            if index == len(argv) or argv[index].startswith("-"):
                return None
            value = argv[index]
            index += 1
        if option == "--lang" and value not in LANGUAGES:
            return None
        found[_VALUE_OPTIONS[option]] = value
    return SimpleNamespace(**found)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``bilan`` console script."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    set_language(_early_language(args_list))
    args: argparse.Namespace | SimpleNamespace | None = _interface_args(args_list)
    if args is None:
        try:
            args = build_parser(command_word(args_list)).parse_args(args_list)
        except SystemExit as exit_:
            return int(exit_.code or 0)
    context = CommandContext.from_args(args, DEFAULT_WORKBOOK)
    try:
        return _dispatch(args, context)
    except UsageError as error:
        print(f"bilan: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return _reader_went_away()
    except Exception as error:
        if context.debug:
            raise
        print(f"bilan: {context.describe_error(error)}", file=sys.stderr)
        return 1


def _reader_went_away() -> int:
    """End quietly when the program reading our output closed it (``bilan status | head``).

    The reader has all it wanted; nothing failed that the person should read about.
    Standard output is pointed at ``/dev/null`` so that the interpreter's final flush
    does not complain either, and the status is the shell's usual one for SIGPIPE.
    """
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 141


def command_modules(only: str | None = None) -> list[ModuleType]:
    """The modules of the sub-commands, in the order ``--help`` lists them.

    Each module has ``register(subparsers, add_common)`` and
    ``run(args, context) -> int``; a command imports its heavy dependencies
    inside ``run`` only.

    Args:
        only: A command word: its module alone.
    """
    if only is not None:
        return [import_module(f"bilan_tui.cli.{ALIASES.get(only, only)}")]
    return [import_module(f"bilan_tui.cli.{name}") for name in COMMANDS]


def _dispatch(args: argparse.Namespace | SimpleNamespace, context: CommandContext) -> int:
    if args.command is None:
        from bilan_tui.cli.tui import run_tui

        return run_tui(context)
    only = args.command if args.command in COMMANDS or args.command in ALIASES else None
    for module in command_modules(only):
        if args.command in getattr(module, "NAMES", ()):
            result: int = module.run(args, context)
            return result
    raise UsageError(_("unknown command: {name}").format(name=args.command))
