"""CPU spent on one keystroke in an answer, autosave included, against a bare ``Input``.

Both programs run for real in a pseudo-terminal, as a person would use them:
keys arrive one every ``PACE`` seconds, and the CPU time of the whole process
(every thread, read from ``/proc``) is taken before the first key and after
the autosave of the last one (our exercise writes within a second of the
first unsaved change). The difference per key is what our exercise screen
adds: the field editor, the screen's bookkeeping, its larger repaint and the
autosave writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bilan_tui.packs import load_shipped_pack
from bilan_tui.session import WorkbookSession

from .bare_input import MARKER
from .common import LANGUAGE, REPO, Settings, median, progress
from .startup import app_args
from .terminal import Terminal

EXERCISE = "situation"
FIELD = "poste"
"""A one-line text field of the shipped pack; the first input of its exercise."""
PACE = 0.05
"""Seconds between two keys: 20 keys a second, a fast typist."""
END = "\x1b[F"
SETTLE = 1.5
"""Seconds of quiet before the first key, and after the last (the autosave's delay)."""


@dataclass(frozen=True, slots=True)
class Keystroke:
    """Median CPU milliseconds per key.

    Attributes:
        bare: In a bare app's ``Input``.
        ours: In an exercise's one-line text field, autosave included.
    """

    bare: float
    ours: float


def _type(terminal: Terminal, keys: int) -> float:
    """Type ``keys`` times "a" at ``PACE``; CPU milliseconds per key."""
    terminal.pump(SETTLE)
    before = terminal.cpu_seconds()
    for _ in range(keys):
        terminal.send("a")
        terminal.pump(PACE)
    terminal.pump(SETTLE)
    return (terminal.cpu_seconds() - before) * 1000 / keys


def _bare_round(keys: int) -> float:
    with Terminal(["-m", "benchmarks.bare_input"], cwd=REPO) as terminal:
        terminal.wait_for(MARKER)
        per_key = _type(terminal, keys)
        terminal.quit()
    return per_key


def _saved(workbook: Path) -> str:
    pack = load_shipped_pack(LANGUAGE)
    session = WorkbookSession.open(workbook, pack, language=LANGUAGE, create=False)
    try:
        exercise = pack.exercise(EXERCISE)
        assert exercise is not None
        value = session.exercise_answers(exercise).get(FIELD)
    finally:
        session.close()
    return value if isinstance(value, str) else ""


def _our_round(data_dir: Path, workbook: str, title: str, display_name: str, keys: int) -> float:
    path = data_dir / "workbooks" / f"{workbook}.sqlite"
    before = _saved(path)
    with Terminal(app_args(data_dir, workbook), cwd=REPO) as terminal:
        terminal.wait_for(display_name)
        terminal.skip_output()
        terminal.send("\x10")  # ctrl+p: the palette finds the exercise by its title
        terminal.wait_for("Type an exercise")
        terminal.send(title)
        terminal.pump(0.5)
        terminal.send("\r")
        terminal.skip_output()
        terminal.wait_for(f"› {title}")
        terminal.send(END)  # the focused input has its text selected: keep it
        per_key = _type(terminal, keys)
        terminal.quit()
    after = _saved(path)
    if after != before + "a" * keys:
        raise RuntimeError(f"the {keys} keys typed were not all saved: {after!r}")
    return per_key


def measure_keystroke(
    settings: Settings, data_dir: Path, workbook: str, display_name: str
) -> Keystroke:
    """Alternate rounds of typing in both programs; median CPU per key of each."""
    exercise = load_shipped_pack(LANGUAGE).exercise(EXERCISE)
    assert exercise is not None
    bare: list[float] = []
    ours: list[float] = []
    for index in range(settings.rounds):
        progress(f"keystrokes {index + 1}/{settings.rounds}")
        bare.append(_bare_round(settings.keys))
        ours.append(_our_round(data_dir, workbook, exercise.title, display_name, settings.keys))
    return Keystroke(bare=median(bare), ours=median(ours))
