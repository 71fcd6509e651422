"""Derived results of an exercise, as the documents show them.

The scoring lives in ``domain.scoring``; this module only feeds it the right
answers (a grid reads the tags of its source exercise, a matrix the entries
of its own). The synthesis reads the same figures through ``bilan_tui.services.profile``.
"""

from __future__ import annotations

from dataclasses import dataclass

from bilan_tui.domain.answers import Entry
from bilan_tui.domain.model import Exercise
from bilan_tui.domain.scoring import (
    CardsortResult,
    GridItem,
    GridResult,
    LikertResult,
    MatrixResult,
    WeightFlip,
    grid_items,
    matrix_options,
    quadrants,
    read_ratings,
    score_likert,
    score_matrix,
    sort_cards,
    weight_sensitivity,
)

from .source import ExportSource


@dataclass(frozen=True, slots=True)
class GridScores:
    """A grid's items (with the stories citing them) and their quadrants."""

    items: tuple[GridItem, ...]
    result: GridResult


def likert(source: ExportSource, exercise: Exercise) -> LikertResult:
    """Scores, code and ties of a likert exercise."""
    return score_likert(exercise, source.exercise_answers(exercise.ref))


def cardsort(source: ExportSource, exercise: Exercise) -> CardsortResult:
    """Piles and ranked top of a card sort."""
    return sort_cards(exercise, source.exercise_answers(exercise.ref))


def _source_exercise(source: ExportSource, exercise: Exercise) -> Exercise | None:
    return source.pack.exercise(exercise.source.exercise) if exercise.source else None


def _source_entries(source: ExportSource, exercise: Exercise) -> list[Entry]:
    return source.entries(exercise.source.exercise) if exercise.source else []


def grid(source: ExportSource, exercise: Exercise) -> GridScores:
    """Items (pack, own, tags) with their evidence, and the quadrants."""
    answers = source.exercise_answers(exercise.ref)
    items = grid_items(
        exercise,
        answers,
        _source_entries(source, exercise),
        _source_exercise(source, exercise),
    )
    return GridScores(tuple(items), quadrants(items, read_ratings(answers, items)))


def matrix(source: ExportSource, exercise: Exercise) -> MatrixResult:
    """Weights, totals and ranking of the options."""
    options = matrix_options(exercise, _source_entries(source, exercise))
    return score_matrix(exercise, source.exercise_answers(exercise.ref), options)


def matrix_sensitivity(source: ExportSource, exercise: Exercise) -> tuple[WeightFlip, ...] | None:
    """The one-point weight changes that would put another lead first (``weight_sensitivity``)."""
    options = matrix_options(exercise, _source_entries(source, exercise))
    return weight_sensitivity(exercise, source.exercise_answers(exercise.ref), options)
