"""Exercise status and phase progress, derived from answers and marks.

An exercise is ``todo`` until its first non-empty answer, ``started`` after
it, and ``done`` only when the person marks it so: finishing is their call,
not a count of filled boxes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .model import ExerciseStatus, Pack, Phase


def exercise_status(has_answers: bool, marked_done: bool) -> ExerciseStatus:
    """The status of one exercise.

    Args:
        has_answers: Whether any non-empty answer exists.
        marked_done: Whether the person marked it as finished.
    """
    if marked_done:
        return ExerciseStatus.DONE
    if has_answers:
        return ExerciseStatus.STARTED
    return ExerciseStatus.TODO


@dataclass(frozen=True, slots=True)
class PhaseProgress:
    """How far the person is in one phase."""

    phase_id: str
    done: int
    started: int
    total: int


def phase_progress(phase: Phase, statuses: Mapping[str, ExerciseStatus]) -> PhaseProgress:
    """Count done and started exercises of a phase (``statuses`` keyed by ``Exercise.ref``)."""
    done = started = 0
    for exercise in phase.exercises:
        status = statuses.get(exercise.ref, ExerciseStatus.TODO)
        done += status is ExerciseStatus.DONE
        started += status is ExerciseStatus.STARTED
    return PhaseProgress(phase.id, done, started, len(phase.exercises))


def next_exercise(pack: Pack, statuses: Mapping[str, ExerciseStatus]) -> str | None:
    """The suggested next step (an ``Exercise.ref``): the first started, else the first to do.

    A started exercise comes first because finishing what one began is kinder
    than opening yet another page; the phases' order is the legal one.
    """
    first_todo = None
    for exercise in pack.exercises:
        status = statuses.get(exercise.ref, ExerciseStatus.TODO)
        if status is ExerciseStatus.STARTED:
            return exercise.ref
        if status is ExerciseStatus.TODO and first_todo is None:
            first_todo = exercise.ref
    return first_todo
