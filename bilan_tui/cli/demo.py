"""``bilan demo``: (re)create the workbook ``demo``, a complete fictional bilan, and open it.

The demo is always the workbook named ``demo`` (``--workbook`` is ignored):
re-running the command replaces it, and no other workbook is ever touched.
Its language is the usual one (``--lang``, the demo's own, ``$LANG``, French).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from bilan_tui.cli.context import CommandContext
from bilan_tui.i18n import _
from bilan_tui.services.demo import DEMO_WORKBOOK

NAMES = ("demo",)


def register(commands: Any, add_common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Declare ``bilan demo [--no-open]``."""
    parser = commands.add_parser(
        "demo",
        help=_("create the demo workbook, a complete fictional bilan"),
        description=_(
            "Create (or replace) the workbook named 'demo': a fictional person's "
            "complete bilan, to see what a finished one looks like. Then open it."
        ),
    )
    add_common(parser)
    parser.add_argument(
        "--no-open",
        action="store_true",
        help=_("only create the demo workbook, without opening it"),
    )


def run(args: argparse.Namespace, context: CommandContext) -> int:
    """Run ``bilan demo``."""
    from bilan_tui.services.demo.build import recreate_demo

    context.workbook = DEMO_WORKBOOK
    context.settle_language()
    result = recreate_demo(context.workbook_path(), context.pack())
    if result.replaced:
        message = _("Replaced the demo workbook: {path}")
    else:
        message = _("Created the demo workbook: {path}")
    print(message.format(path=result.path))
    if args.no_open:
        return 0
    from bilan_tui.cli.tui import run_tui

    return run_tui(context)
