"""Finding the exercise another one draws from (the grid's stories, the matrix's leads).

The body only receives its own exercise; the title and summary fields of its
source live in the pack the app was given. Reading it through the app keeps
``ExerciseContext`` unchanged; without an app pack (a body tested on its own)
the source is simply unnamed.
"""

from __future__ import annotations

from textual.widget import Widget

from bilan_tui.domain.model import Exercise, Pack


def source_exercise(widget: Widget, exercise: Exercise) -> Exercise | None:
    """The exercise ``exercise.source`` names, if the app's pack has it."""
    if exercise.source is None:
        return None
    pack = getattr(widget.app, "pack", None)
    if not isinstance(pack, Pack):
        return None
    return pack.exercise(exercise.source.exercise)
