"""CPU spent on one keystroke in an answer, autosave included, against a bare ``Input``.

Both apps run headless (``run_test``) in this process; ``time.process_time``
counts the CPU of every thread between the first and the last key, so the
waiting Pilot does between keys costs nothing and the difference per key is
what our screen adds: the field editor, the exercise's bookkeeping and, since
the screen is saved after every key, one autosave write per key. That is
stricter than real typing, where the autosave writes once a second.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Input

from .common import LANGUAGE, Settings, median, progress

SIZE = (100, 30)
EXERCISE = "situation"
FIELD = "poste"
"""A one-line text field of the shipped pack, answered in the demo."""
WARMUP_KEYS = 10


@dataclass(frozen=True, slots=True)
class Keystroke:
    """Median CPU milliseconds per key.

    Attributes:
        bare: In a bare app's ``Input``.
        ours: In an exercise's text field, saved after each key.
    """

    bare: float
    ours: float


class BareInputApp(App[None]):
    """One ``Input``, focused."""

    def compose(self) -> ComposeResult:
        yield Input(id="bare")


async def _type(
    pilot: Pilot[object], keys: int, after_key: Callable[[], object] | None = None
) -> float:
    """CPU milliseconds per key over ``keys`` presses of "a"."""
    start = time.process_time()
    for _ in range(keys):
        await pilot.press("a")
        if after_key is not None:
            after_key()
    return (time.process_time() - start) * 1000 / keys


async def _bare_round(keys: int) -> float:
    app = BareInputApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.query_one(Input).focus()
        await _type(pilot, WARMUP_KEYS)
        return await _type(pilot, keys)


async def _our_round(workbook: Path, keys: int) -> float:
    from bilan_tui.packs import load_shipped_pack
    from bilan_tui.session import WorkbookSession
    from bilan_tui.ui.app import BilanApp
    from bilan_tui.ui.screens.exercise import ExerciseScreen

    pack = load_shipped_pack(LANGUAGE)

    def open_session() -> WorkbookSession:
        return WorkbookSession.open(workbook, pack, language=LANGUAGE, create=False)

    app = BilanApp(pack, open_session, data_location=str(workbook))
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.open_exercise(EXERCISE)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExerciseScreen), "the exercise did not open"
        field = screen.query_one(f"#field-{FIELD} Input", Input)
        field.focus()
        await pilot.pause()
        await _type(pilot, WARMUP_KEYS, screen.save)
        before = field.value
        per_key = await _type(pilot, keys, screen.save)
        assert field.value == before + "a" * keys, "keys did not reach the field"
        assert not screen.autosaver.pending, "the autosave left changes pending"
        saved = screen.autosaver.answers.get(FIELD)
        await pilot.press("ctrl+q")
    if saved != before + "a" * keys:
        raise RuntimeError("the typed text is not the saved one")
    return per_key


def measure_keystroke(settings: Settings, workbook: Path) -> Keystroke:
    """Alternate rounds of typing in both apps; median CPU per key of each."""
    from bilan_tui.i18n import set_language

    set_language(LANGUAGE)  # before any screen class is built (bindings are translated)
    bare: list[float] = []
    ours: list[float] = []
    for index in range(settings.rounds):
        progress(f"keystrokes {index + 1}/{settings.rounds}")
        bare.append(asyncio.run(_bare_round(settings.keys)))
        ours.append(asyncio.run(_our_round(workbook, settings.keys)))
    return Keystroke(bare=median(bare), ours=median(ours))
