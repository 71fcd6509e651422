"""CPU spent on one keystroke in an answer, autosave included, against a bare field.

Both programs run for real in a pseudo-terminal, as a person would use them:
keys arrive one every ``PACE`` seconds, and the CPU time of the whole process
(every thread, read from ``/proc``) is taken before the first key and after
the autosave of the last one (our exercise writes within a second of the
first unsaved change). The difference per key is what our exercise screen
adds: the field editor, the screen's bookkeeping, its larger repaint and the
autosave writes. The bare field starts with the same text as ours.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bilan_tui.packs import load_shipped_pack
from bilan_tui.services.session import WorkbookSession

from .bare_input import MARKER
from .common import LANGUAGE, REPO, Settings, median, progress
from .startup import app_args
from .terminal import Terminal

PACE = 0.05
"""Seconds between two keys: 20 keys a second, a fast typist."""
SETTLE = 1.5
"""Seconds of quiet before the first key, and after the last (the autosave's delay)."""
CTRL_P = "\x10"
END = "\x1b[F"


@dataclass(frozen=True, slots=True)
class Case:
    """Where to type: the first field of an exercise, and the bare widget to compare with."""

    exercise: str
    field: str
    area: bool


LINE = Case("situation", "poste", area=False)
"""A one-line answer (``Input``): the goal's case."""
AREA = Case("demande", "declencheur", area=True)
"""A long-text answer (``TextArea``), the most common in the shipped pack."""


@dataclass(frozen=True, slots=True)
class Keystroke:
    """Median CPU milliseconds per key.

    Attributes:
        bare: In the bare app's field.
        ours: In the exercise's field, autosave included.
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


def _bare_round(case: Case, text: str, keys: int) -> float:
    area = ["--area"] if case.area else []
    with Terminal(["-m", "benchmarks.bare_input", *area, text], cwd=REPO) as terminal:
        terminal.wait_for(MARKER)
        terminal.send(END)
        per_key = _type(terminal, keys)
        terminal.quit()
    return per_key


def _saved(workbook: Path, case: Case) -> str:
    pack = load_shipped_pack(LANGUAGE)
    exercise = pack.exercise(case.exercise)
    if exercise is None:
        raise RuntimeError(f"the shipped pack has no exercise {case.exercise}")
    session = WorkbookSession.open(workbook, pack, language=LANGUAGE, create=False)
    try:
        value = session.exercise_answers(exercise).get(case.field)
    finally:
        session.close()
    return value if isinstance(value, str) else ""


def _our_round(case: Case, data_dir: Path, workbook: str, display_name: str, keys: int) -> float:
    path = data_dir / "workbooks" / f"{workbook}.sqlite"
    exercise = load_shipped_pack(LANGUAGE).exercise(case.exercise)
    assert exercise is not None
    before = _saved(path, case)
    with Terminal(app_args(data_dir, workbook), cwd=REPO) as terminal:
        terminal.wait_for(display_name)
        terminal.skip_output()
        terminal.send(CTRL_P)  # the palette finds the exercise by its title
        terminal.wait_for("Type an exercise")
        terminal.send(exercise.title)
        terminal.pump(0.5)
        terminal.send("\r")
        terminal.skip_output()
        terminal.wait_for(f"› {exercise.title}")
        terminal.pump(0.5)  # the first field takes the focus after the first paint
        terminal.send(END)  # the first field has the focus; a line input's text is selected
        per_key = _type(terminal, keys)
        terminal.quit()
    after = _saved(path, case)
    if len(after) != len(before) + keys or after.count("a") != before.count("a") + keys:
        raise RuntimeError(f"the {keys} keys typed were not all saved: {after!r}")
    return per_key


def measure_keystroke(
    settings: Settings, case: Case, data_dir: Path, workbook: str, display_name: str
) -> Keystroke:
    """Alternate rounds of typing in both programs; median CPU per key of each."""
    bare: list[float] = []
    ours: list[float] = []
    for index in range(settings.rounds):
        progress(f"keystrokes in {case.exercise}.{case.field} {index + 1}/{settings.rounds}")
        text = _saved(data_dir / "workbooks" / f"{workbook}.sqlite", case)
        bare.append(_bare_round(case, text, settings.keys))
        ours.append(_our_round(case, data_dir, workbook, display_name, settings.keys))
    return Keystroke(bare=median(bare), ours=median(ours))
