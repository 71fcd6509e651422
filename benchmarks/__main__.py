"""``python -m benchmarks``: measure DESIGN §12's figures beside their references.

Run it from the repository root after the README's install. It builds the
demo and stress workbooks in a temporary folder on disk, times the
application against a bare Textual app in a pseudo-terminal, then the
storage and exports in process, prints the table and writes it into
``docs/performance.md``; then the occupation referential's figures
(``benchmarks/referentiel.py``, also runnable alone as
``python -m benchmarks.referentiel``); then the command line's read commands
and exports against ``bilan --version`` (``benchmarks/commands.py``). Timings
are never asserted by the test suite: this is a report, not a gate (its exit
status is 0 whether goals are met or not).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .common import (
    FULL,
    LANGUAGE,
    QUICK,
    REPO,
    Settings,
    filesystem_of,
    progress,
    scratch_parent,
)

DOCUMENT = REPO / "docs" / "performance.md"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Measure bilan-tui against a bare Textual app (DESIGN §12).",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="fewer runs, for a first look (does not update docs/performance.md)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        help="the document to update (default: docs/performance.md, unless --quick)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run every benchmark; print the table; update the document."""
    args = _parser().parse_args(argv)
    settings = QUICK if args.quick else FULL
    output = args.output if args.output is not None else (None if args.quick else DOCUMENT)
    command = "python -m benchmarks" + (" --quick" if args.quick else "")
    compile_package()
    load = os.getloadavg()
    scratch = Path(tempfile.mkdtemp(prefix="bilan-bench-", dir=scratch_parent()))
    try:
        block = _measure(settings, scratch, command, load)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(block)
    if output is not None:
        from .report import write_results

        write_results(output, block)
        progress(f"written to {output}")
    from .referentiel import run as run_referentiel

    run_referentiel(settings, command, output)
    from .commands import run as run_commands

    run_commands(settings, command, output)
    return 0


def compile_package() -> None:
    """Write the package's ``.pyc`` files, as ``pip install`` does for an installed app.

    A development checkout may run with ``PYTHONDONTWRITEBYTECODE`` set (this
    machine does): every start would then compile our modules from source,
    about 30 ms that nobody who installed the app pays, while Textual's own
    modules, installed by pip, come precompiled. ``compileall`` writes the
    files whatever that variable says.
    """
    import compileall

    progress("compiling bilan_tui to .pyc")
    compileall.compile_dir(REPO / "bilan_tui", quiet=1)


def _measure(
    settings: Settings, scratch: Path, command: str, load: tuple[float, float, float]
) -> str:
    from bilan_tui.i18n import set_language

    set_language(LANGUAGE)  # before any interface class is built: bindings are translated
    from bilan_tui.packs import load_shipped_pack

    from . import report
    from .keystroke import AREA, LINE, measure_keystroke
    from .pages import measure_pages, page_figures
    from .report import DEMO, STRESS
    from .startup import measure_startup
    from .storage import FACTORS, demo_export, measure_autosave, measure_scaling
    from .workbooks import display_name, make_demo, make_stress

    pack = load_shipped_pack(LANGUAGE)
    data_dir = scratch / "data"
    demo = make_demo(data_dir, pack)
    name = display_name(demo, pack)
    progress(f"stress workbook x{FACTORS[-1]}")
    stress = make_stress(demo, FACTORS[-1], STRESS)
    first_title = pack.exercises[0].title
    startup = measure_startup(settings, data_dir, [DEMO, STRESS], first_title, name)
    line = measure_keystroke(settings, LINE, data_dir, DEMO, name)
    area = measure_keystroke(settings, AREA, data_dir, DEMO, name)
    autosave = measure_autosave(settings, scratch, pack)
    export = demo_export(settings, make_demo(scratch / "export", pack), pack)
    scaled = measure_scaling(settings, scratch, make_demo(scratch / "scaling", pack), pack)
    pages = measure_pages(settings, make_demo(scratch / "pages", pack), pack)
    from .screens import measure as measure_screens

    screens = measure_screens(settings, demo, stress, FACTORS[-1], pack)
    where = f"{scratch_parent()} ({filesystem_of(scratch) or 'unknown filesystem'})"
    header = report.machine(command, where, load)
    figures = report.figures(startup, line, area, autosave, export, scaled)
    rows = report.table([*figures, *page_figures(pages)])
    return report.results_block(header, rows, report.scaling_table(scaled), screens)


if __name__ == "__main__":
    sys.exit(main())
