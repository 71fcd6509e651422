"""Opening every screen, and moving within a questionnaire, against a bare screen.

Every exercise of the shipped pack is opened, then the profile, export,
hours, help and homework import screens.

Measured in process with Pilot, as CPU time of the whole process: from the
call that asks for a screen (what a key does) to the screen laid out and
painted, settled (``Pilot.pause`` lets every pending message run, then
refreshes the screen). Each screen is alternated with the reference screen
of DESIGN §12, a bare ``Screen`` with a ``Header``, a ``DataTable`` of 48
rows and a ``Footer``, pushed in the same app, so a slow moment of the shared
machine weighs on both. Every figure is a median.

Moving: a digit that answers an item of the first likert questionnaire and
moves on (the "12 / 48" counter and the autosave mark included), against ↓ in
the reference ``DataTable``; both go through ``Pilot.press``, whose own cost
is the same on both sides.

Runs alone: ``python -m benchmarks.screens [--quick] [--only NAME,…]`` (prints,
writes nothing); ``--only`` opens the screens named (exercise ids, ``profile``,
``export``, ``hours``, ``help``, ``homework import``) and skips the move unless
``digit`` is named, for a look at the screens one is working on.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .common import LANGUAGE, Settings, median, progress, scratch_parent

if TYPE_CHECKING:
    from bilan_tui.domain.model import Pack
    from bilan_tui.ui.app import BilanApp

ROWS = 48
SIZE = (80, 24)
OPEN_LIMIT = 1.5
SLOWEST_LIMIT = 2.0
MOVE_LIMIT_MS = 2.0
MOVES = 20


@dataclass(slots=True)
class Opened:
    """The CPU times of every open of one workbook, per screen and for the reference."""

    reference: list[float] = field(default_factory=list)
    screens: dict[str, list[float]] = field(default_factory=dict)

    def ratios(self) -> dict[str, float]:
        """Each screen's median against the reference's median."""
        base = median(self.reference)
        return {name: median(times) / base for name, times in self.screens.items()}


@dataclass(frozen=True, slots=True)
class Moved:
    """CPU per key: a digit in the questionnaire, ↓ in the bare table."""

    exercise: str
    reference: float
    ours: float


def _reference_screen() -> Any:
    from textual.app import ComposeResult
    from textual.screen import Screen
    from textual.widgets import DataTable, Footer, Header

    class ReferenceScreen(Screen[None]):
        """DESIGN §12's reference: Header, a 48-row DataTable, Footer."""

        def compose(self) -> ComposeResult:
            yield Header()
            yield DataTable(id="reference-table")
            yield Footer()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns("#", "Statement", "Answer")
            for number in range(1, ROWS + 1):
                table.add_row(str(number), f"Statement number {number} of the list", "○ ○ ○ ○ ○")
            table.focus()

    return ReferenceScreen


def _openers(
    app: BilanApp, pack: Pack, only: frozenset[str] = frozenset()
) -> dict[str, Callable[[], object]]:
    openers: dict[str, Callable[[], object]] = {}
    for exercise in pack.exercises:
        openers[exercise.id] = functools.partial(app.open_exercise, exercise.id)
    openers["profile"] = app.open_profile
    openers["export"] = app.open_export
    openers["hours"] = app.open_hours
    openers["help"] = app.action_help
    openers["homework import"] = app.action_import_homework
    if only:
        unknown = only - set(openers) - {"digit"}
        if unknown:
            raise SystemExit(f"no such screen: {', '.join(sorted(unknown))}")
        return {name: ask for name, ask in openers.items() if name in only}
    return openers


async def _timed(app: BilanApp, pilot: Any, ask: Callable[[], object]) -> float:
    """CPU from the request to the painted screen; the screen is closed afterwards."""
    depth = len(app.screen_stack)
    start = time.process_time()
    ask()
    await pilot.pause()
    await pilot.pause()
    spent = time.process_time() - start
    if len(app.screen_stack) <= depth:
        raise RuntimeError("the screen did not open")
    app.pop_screen()
    await pilot.pause()
    return spent


async def _wait_for_session(app: BilanApp, pilot: Any) -> None:
    for _ in range(400):
        if app.session is not None:
            break
        await app.workers.wait_for_complete()
        await pilot.pause(0.05)
    await pilot.pause()
    if app.session is None:
        raise RuntimeError("the workbook did not open")


async def _measure_opens(
    app: BilanApp, pack: Pack, repeats: int, only: frozenset[str] = frozenset()
) -> Opened:
    reference = _reference_screen()
    opened = Opened()
    async with app.run_test(size=SIZE) as pilot:
        await _wait_for_session(app, pilot)
        openers = _openers(app, pack, only)
        # Warm up: the first open of a screen imports its modules.
        bare = lambda: app.push_screen(reference())  # noqa: E731
        for ask in [bare, *openers.values()]:
            await _timed(app, pilot, ask)
        for _ in range(repeats):
            for name, ask in openers.items():
                opened.reference.append(await _timed(app, pilot, bare))
                opened.screens.setdefault(name, []).append(await _timed(app, pilot, ask))
        await pilot.press("ctrl+q")
    return opened


async def _per_key(pilot: Any, key: str, count: int) -> float:
    start = time.process_time()
    for _ in range(count):
        await pilot.press(key)
    await pilot.pause()
    return (time.process_time() - start) / count


async def _measure_moves(app: BilanApp, exercise_id: str, rounds: int) -> Moved:
    reference = _reference_screen()
    ours: list[float] = []
    bare: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        await _wait_for_session(app, pilot)
        for _ in range(rounds):
            app.push_screen(reference())
            await pilot.pause()
            bare.append(await _per_key(pilot, "down", MOVES))
            app.pop_screen()
            app.open_exercise(exercise_id)
            await pilot.pause()
            await pilot.pause()
            ours.append(await _per_key(pilot, "3", MOVES))
            app.pop_screen()
            await pilot.pause()
        await pilot.press("ctrl+q")
    return Moved(exercise_id, median(bare), median(ours))


def _app(path: Path, pack: Pack) -> BilanApp:
    from bilan_tui.services.session import WorkbookSession
    from bilan_tui.ui.app import BilanApp

    def open_session() -> WorkbookSession:
        return WorkbookSession.open(path, pack, language=LANGUAGE, create=False)

    return BilanApp(pack, open_session, data_location=str(path))


def measure_opens(
    settings: Settings, path: Path, pack: Pack, only: frozenset[str] = frozenset()
) -> Opened:
    """Open every screen (or those in ``only``) ``settings.repeats`` times on ``path``."""
    progress(f"opening every screen of {path.stem}")
    return asyncio.run(_measure_opens(_app(path, pack), pack, settings.repeats, only))


def measure_moves(settings: Settings, path: Path, pack: Pack) -> Moved:
    """A digit in the first likert questionnaire against ↓ in the bare table."""
    from bilan_tui.domain.model import Kind

    exercise = next(e for e in pack.exercises if e.kind is Kind.LIKERT)
    progress(f"moving within {exercise.id}")
    return asyncio.run(_measure_moves(_app(path, pack), exercise.id, settings.rounds))


def screen_table(opened: dict[str, Opened]) -> list[str]:
    """One line per screen: its ratio on each workbook, slowest first."""
    names = list(opened)
    ratios = {name: opened[name].ratios() for name in names}
    first = ratios[names[0]]
    header = "| screen | " + " | ".join(f"{name}: CPU, × reference" for name in names) + " |"
    lines = [header, "|---|" + "---|" * len(names)]
    for screen in sorted(first, key=first.__getitem__, reverse=True):
        cells = []
        for name in names:
            seconds = median(opened[name].screens[screen])
            cells.append(f"{seconds * 1000:.0f} ms, {ratios[name][screen]:.2f} ×")
        lines.append(f"| {screen} | " + " | ".join(cells) + " |")
    references = [f"{median(opened[name].reference) * 1000:.0f} ms" for name in names]
    label = "*reference (Header, 48-row DataTable, Footer)*"
    lines.append(f"| {label} | " + " | ".join(references) + " |")
    return lines


def summary(opened: dict[str, Opened], moved: Moved | None) -> list[str]:
    """The goals: median and slowest ratio on each workbook, and the move."""
    lines = []
    for name, result in opened.items():
        ratios = result.ratios()
        middle = median(list(ratios.values()))
        slowest = max(ratios, key=ratios.__getitem__)
        met = middle <= OPEN_LIMIT and ratios[slowest] <= SLOWEST_LIMIT
        lines.append(
            f"{name}: reference {median(result.reference) * 1000:.0f} ms; median over "
            f"{len(ratios)} screens {middle:.2f} × (≤ {OPEN_LIMIT} ×), slowest {slowest} "
            f"{ratios[slowest]:.2f} × (≤ {SLOWEST_LIMIT} ×): {'met' if met else 'not met'}"
        )
    if moved is None:
        return lines
    extra = (moved.ours - moved.reference) * 1000
    lines.append(
        f"moving in {moved.exercise}: a digit {moved.ours * 1000:.2f} ms CPU, ↓ in the bare "
        f"DataTable {moved.reference * 1000:.2f} ms, +{extra:.2f} ms (≤ +{MOVE_LIMIT_MS} ms): "
        f"{'met' if extra <= MOVE_LIMIT_MS else 'not met'}"
    )
    return lines


def measure(
    settings: Settings,
    demo: Path,
    stress: Path,
    factor: int,
    pack: Pack,
    only: frozenset[str] = frozenset(),
) -> list[str]:
    """Measure on the demo and the stress workbook; the report's lines."""
    opened = {
        "demo": measure_opens(settings, demo, pack, only),
        f"{factor} × demo": measure_opens(settings, stress, pack, only),
    }
    moved = measure_moves(settings, demo, pack) if not only or "digit" in only else None
    return [
        "Opening each screen, from the call that asks for it to the screen painted (CPU, in "
        "process with Pilot, alternated with the reference screen; medians):",
        "",
        *screen_table(opened),
        "",
        *[f"- {line}" for line in summary(opened, moved)],
    ]


def run(settings: Settings, scratch: Path, only: frozenset[str] = frozenset()) -> list[str]:
    """Build the demo and the 20 × workbook, measure, and return the report's lines."""
    from bilan_tui.packs import load_shipped_pack

    from .storage import FACTORS
    from .workbooks import make_demo, make_stress

    pack = load_shipped_pack(LANGUAGE)
    demo = make_demo(scratch / "data", pack)
    stress = make_stress(demo, FACTORS[-1])
    return measure(settings, demo, stress, FACTORS[-1], pack, only)


def main(argv: Sequence[str] | None = None) -> int:
    """Measure and print; nothing is written."""
    from bilan_tui.i18n import set_language

    from .common import FULL, QUICK

    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.screens",
        description="Open every screen against a bare Header + DataTable + Footer screen.",
    )
    parser.add_argument("--quick", action="store_true", help="fewer repeats, for a first look")
    parser.add_argument(
        "--only",
        default="",
        metavar="NAME,…",
        help="open only these screens (and time the digit only if 'digit' is named)",
    )
    args = parser.parse_args(argv)
    only = frozenset(name.strip() for name in args.only.split(",") if name.strip())
    set_language(LANGUAGE)
    scratch = Path(tempfile.mkdtemp(prefix="bilan-screens-", dir=scratch_parent()))
    try:
        lines = run(QUICK if args.quick else FULL, scratch, only)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
