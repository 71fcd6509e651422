"""The métier explorer on the full ROME v60: one keystroke in its search, one fiche opened.

``python -m benchmarks.explorer`` imports the shared copy of the official zip
into a temporary data folder, builds the demo workbook there, and drives the
real app in process (Textual's headless driver, 100×30):

* **keystroke**: the query is typed one character at a time (the Input's value
  set, as a key would); the clock runs from the change until the screen has
  handled it and is idle again, the results list replaced and laid out. The
  search itself (the SQLite full-text query, one call) is timed apart.
* **fiche open**: from pushing the fiche screen until it is idle, its text
  and its mobility list drawn.

It skips, saying why, when the zip is not there (it is never part of the
project: see ``../shared/data/rome/README.md``). A report, not a gate.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from .common import REPO, percentile

QUERIES = ("educateur specialise", "aide soignante", "infirmier de sante au travail", "boulanger")
FICHES = ("K1207", "J1501", "J1512", "J1511", "K2111", "D1102", "M1607", "H2206")
GOAL_MS = 50.0


def shared_zip() -> Path | None:
    """The shared copy of ``RefRomeCsv.zip`` (``$BILAN_ROME_ZIP`` first), if there is one."""
    candidates = [os.environ.get("BILAN_ROME_ZIP", "")]
    for parent in (REPO.parent, REPO.parent.parent):
        candidates.append(str(parent / "shared" / "data" / "rome" / "RefRomeCsv-v460.zip"))
    return next((Path(path) for path in candidates if path and Path(path).is_file()), None)


def _summary(values: Sequence[float]) -> str:
    ms = [value * 1000 for value in values]
    return (
        f"median {statistics.median(ms):.1f} ms, p95 {percentile(ms, 0.95):.1f} ms, "
        f"max {max(ms):.1f} ms ({len(ms)} samples)"
    )


async def _drive(data: Path) -> tuple[list[float], list[float], list[float]]:
    """Type every query, open every fiche; the keystroke, search and open timings."""
    from bilan_tui.packs import load_shipped_pack
    from bilan_tui.session import WorkbookSession
    from bilan_tui.ui.app import BilanApp
    from bilan_tui.ui.screens.explorer import ExplorerScreen
    from bilan_tui.ui.screens.fiche import FicheScreen

    pack = load_shipped_pack("en")
    workbook = data / "workbooks" / "demo.sqlite"

    def open_session() -> WorkbookSession:
        session = WorkbookSession.open(workbook, pack, language="en", create=False)
        session.data_dir = data
        return session

    app = BilanApp(pack, open_session, data_location=str(workbook))
    keystrokes: list[float] = []
    searches: list[float] = []
    opens: list[float] = []
    async with app.run_test(size=(100, 30)) as pilot:
        while app.session is None:
            await pilot.pause(0.05)
        app.open_explorer()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExplorerScreen) and screen.referential is not None
        referential = screen.referential
        query = screen.query_one("#explorer-query")
        for text in QUERIES:
            for end in range(1, len(text) + 1):
                started = time.perf_counter()
                query.value = text[:end]  # type: ignore[attr-defined]
                await pilot.pause()
                keystrokes.append(time.perf_counter() - started)
                started = time.perf_counter()
                referential.search(text[:end], letters=screen.letters(), limit=50)
                searches.append(time.perf_counter() - started)
        for _round in range(3):
            for code in FICHES:
                started = time.perf_counter()
                await app.push_screen(FicheScreen(referential, code, lambda _ref: None))
                await pilot.pause()
                opens.append(time.perf_counter() - started)
                app.pop_screen()
                await pilot.pause()
    return keystrokes, searches, opens


def main() -> int:
    """Measure and print; exit 0 even when a goal is missed (a report, not a gate)."""
    source = shared_zip()
    if source is None:
        print("skipped: the shared RefRomeCsv-v460.zip is not here (set BILAN_ROME_ZIP)")
        return 0
    from bilan_tui.demo.build import recreate_demo
    from bilan_tui.i18n import set_language
    from bilan_tui.packs import load_shipped_pack
    from bilan_tui.referentiel.importer import import_referentiel

    set_language("en")
    data = Path(tempfile.mkdtemp(prefix="bilan-bench-rome-"))
    try:
        started = time.perf_counter()
        import_referentiel(source, data)
        imported = time.perf_counter() - started
        recreate_demo(data / "workbooks" / "demo.sqlite", load_shipped_pack("en"))
        keystrokes, searches, opens = asyncio.run(_drive(data))
    finally:
        shutil.rmtree(data, ignore_errors=True)
    met = statistics.median(keystrokes) * 1000 <= GOAL_MS
    print(f"ROME import (context): {imported:.1f} s")
    print(f"| Métier search as you type, one keystroke to results drawn | {_summary(keystrokes)}")
    print(f"|   of which the search query alone | {_summary(searches)}")
    print(f"| Fiche open, push to drawn | {_summary(opens)}")
    print(f"goal ≤ {GOAL_MS:.0f} ms per keystroke: {'met' if met else 'missed'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
