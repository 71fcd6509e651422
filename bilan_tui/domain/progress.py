"""Exercise status and phase progress, derived from answers and marks.

An exercise is ``todo`` until its first non-empty answer, ``started`` after
it, and ``done`` only when the person marks it so: finishing is their call,
not a count of filled boxes.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .model import ExerciseStatus, Pack, Phase
from .records import Homework


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


def due_homework_exercise(
    pack: Pack, statuses: Mapping[str, ExerciseStatus], homework: Sequence[Homework]
) -> str | None:
    """The first unfinished exercise of the homework due soonest (an ``Exercise.ref``).

    Assignments without a due date come after dated ones; within one, the
    consultant's order is kept. An exercise no longer in ``pack`` is skipped.
    """
    latest = datetime.date.max
    for assignment in sorted(homework, key=lambda item: item.due or latest):
        for ref in assignment.exercises:
            exercise = pack.exercise(ref)
            if exercise is None:
                continue
            if statuses.get(exercise.ref, ExerciseStatus.TODO) is not ExerciseStatus.DONE:
                return exercise.ref
    return None


def next_exercise(
    pack: Pack, statuses: Mapping[str, ExerciseStatus], homework: Sequence[Homework] = ()
) -> str | None:
    """The suggested next step (an ``Exercise.ref``).

    Homework the consultant asked for comes first (the soonest due, see
    :func:`due_homework_exercise`): it is what the next session relies on.
    Then the first started exercise, because finishing what one began is
    kinder than opening yet another page; then the first to do, in the
    phases' order, which is the legal one.
    """
    assigned = due_homework_exercise(pack, statuses, homework)
    if assigned is not None:
        return assigned
    first_todo = None
    for exercise in pack.exercises:
        status = statuses.get(exercise.ref, ExerciseStatus.TODO)
        if status is ExerciseStatus.STARTED:
            return exercise.ref
        if status is ExerciseStatus.TODO and first_todo is None:
            first_todo = exercise.ref
    return first_todo
