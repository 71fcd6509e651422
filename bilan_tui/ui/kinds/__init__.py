"""One body widget per exercise kind, and the registry that picks it.

Every body edits the exercise's :class:`ExerciseAnswers` in place and posts
:class:`ExerciseBody.Edited` with the keys it changed; the exercise screen
turns that into autosaves. Adding a kind means adding a module here and one
line to :func:`body_for`.
"""

from __future__ import annotations

from bilan_tui.domain.answers import ExerciseAnswers
from bilan_tui.domain.model import Exercise, Kind

from .base import ExerciseBody, ExerciseContext


def body_for(
    exercise: Exercise, answers: ExerciseAnswers, context: ExerciseContext
) -> ExerciseBody:
    """The body widget that lets the person work through ``exercise``."""
    from .form import FormBody

    registry: dict[Kind, type[ExerciseBody]] = {Kind.FORM: FormBody}
    body_class = registry.get(exercise.kind, FormBody)
    return body_class(exercise, answers, context)


__all__ = ["ExerciseBody", "ExerciseContext", "body_for"]
