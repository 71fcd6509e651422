"""One body widget per exercise kind, and the registry that picks it.

Every body edits the exercise's :class:`ExerciseAnswers` in place and posts
:class:`ExerciseBody.Edited` with the keys it changed (a questionnaire tells
the screen at once, :meth:`ExerciseBody.edited_now`, so a digit and the
counter share a frame); the exercise screen turns that into autosaves.
Adding a kind means adding a module here and one line to ``BODIES``.
"""

from __future__ import annotations

from importlib import import_module

from bilan_tui.domain.answers import ExerciseAnswers
from bilan_tui.domain.model import Exercise, Kind

from .base import ExerciseBody, ExerciseContext

BODIES: dict[Kind, tuple[str, str]] = {
    Kind.FORM: ("form", "FormBody"),
    Kind.RECORDS: ("records", "RecordsBody"),
    Kind.LIKERT: ("likert", "LikertBody"),
    Kind.CARDSORT: ("cardsort", "CardsortBody"),
    Kind.GRID: ("grid", "GridBody"),
    Kind.MATRIX: ("matrix", "MatrixBody"),
}
"""Kind → (module of this package, body class). Modules load on first use."""


def body_class(kind: Kind) -> type[ExerciseBody]:
    """The body widget class of one kind."""
    module_name, class_name = BODIES[kind]
    module = import_module(f"{__name__}.{module_name}")
    found: type[ExerciseBody] = getattr(module, class_name)
    return found


def body_for(
    exercise: Exercise, answers: ExerciseAnswers, context: ExerciseContext
) -> ExerciseBody:
    """The body widget that lets the person work through ``exercise``.

    The leads (``pistes``) are records with two more doors: the occupation
    explorer and the skills gap of a lead linked to a fiche.
    """
    if exercise.id == "pistes" and exercise.kind is Kind.RECORDS and not exercise.listed_as:
        from .leads import LeadsBody

        return LeadsBody(exercise, answers, context)
    return body_class(exercise.kind)(exercise, answers, context)


__all__ = ["BODIES", "ExerciseBody", "ExerciseContext", "body_class", "body_for"]
