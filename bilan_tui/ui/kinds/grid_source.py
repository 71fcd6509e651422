"""Finding the exercise another one draws from (the grid's stories, the matrix's leads).

The body only receives its own exercise; the title and summary fields of its
source come through :attr:`ExerciseContext.exercise_of`, which the exercise
screen fills from its session's pack. Without it (a body tested on its own)
the source is simply unnamed.
"""

from __future__ import annotations

from bilan_tui.domain.model import Exercise

from .base import ExerciseContext


def source_exercise(context: ExerciseContext, exercise: Exercise) -> Exercise | None:
    """The exercise ``exercise.source`` names, if the workbook's pack has it."""
    if exercise.source is None:
        return None
    return context.exercise_of(exercise.source.exercise)
