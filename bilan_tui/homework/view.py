"""What the dashboard, ``bilan status`` and ``bilan homework list`` show of the homework.

An assignment lists exercises by (pack, id); the library lists them by ref.
This module joins the two with the statuses, so every screen shows the same
thing: what is due and when, each exercise with its state, the message.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bilan_tui.domain.model import Exercise, ExerciseStatus, Pack
from bilan_tui.domain.records import Homework
from bilan_tui.packs.library import split_ref


@dataclass(frozen=True, slots=True)
class AssignedView:
    """One assigned exercise as shown.

    Attributes:
        pack_id: Its pack.
        exercise_id: Its id in that pack.
        exercise: The exercise, or ``None`` if its pack is no longer installed.
        status: Where the person stands with it.
        pack_title: The title of its pack when it is not the shipped one.
    """

    pack_id: str
    exercise_id: str
    exercise: Exercise | None
    status: ExerciseStatus
    pack_title: str = ""

    @property
    def title(self) -> str:
        """The exercise's title (its id when it is missing)."""
        return self.exercise.title if self.exercise else self.exercise_id

    @property
    def ref(self) -> str | None:
        """How the library names it (what the dashboard opens), if present."""
        return self.exercise.ref if self.exercise else None


@dataclass(frozen=True, slots=True)
class AssignmentView:
    """One imported assignment as shown."""

    homework: Homework
    exercises: tuple[AssignedView, ...]

    @property
    def done(self) -> bool:
        """Whether every exercise still available is done."""
        return all(item.status is ExerciseStatus.DONE for item in self.exercises if item.exercise)

    def overdue(self, today: datetime.date) -> bool:
        """Whether its due date has passed with work left."""
        due = self.homework.due
        return due is not None and due < today and not self.done


def assigned_refs(homework: Homework, home_id: str) -> list[tuple[str, str]]:
    """``(pack id, exercise id)`` of each exercise of a stored assignment, in order.

    ``Homework.exercises`` holds library refs (``Exercise.ref``): a bare id
    for an exercise of the built-in pack ``home_id``, ``"<pack>:<id>"`` for
    one of an installed pack.
    """
    return [split_ref(entry, home_id) for entry in homework.exercises]


def assigned_exercises(homework: Homework, library: Pack) -> list[Exercise]:
    """The assigned exercises found in ``library``, in the consultant's order.

    What ``bilan export --scope homework`` writes; an exercise whose pack was
    removed since is left out. Read answers with ``session.exercise_answers``
    (it uses each exercise's own pack id).
    """
    found = (library.exercise(entry) for entry in homework.exercises)
    return [exercise for exercise in found if exercise is not None]


def assignment_views(
    homework: Sequence[Homework],
    library: Pack,
    statuses: Mapping[str, ExerciseStatus],
) -> list[AssignmentView]:
    """Every assignment with its exercises' states (``statuses`` keyed by ref)."""
    views: list[AssignmentView] = []
    for assignment in homework:
        items = []
        for entry, (pack_id, exercise_id) in zip(
            assignment.exercises, assigned_refs(assignment, library.id), strict=True
        ):
            exercise = library.exercise(entry)
            status = statuses.get(exercise.ref) if exercise else None
            items.append(
                AssignedView(
                    pack_id=pack_id,
                    exercise_id=exercise_id,
                    exercise=exercise,
                    status=status or ExerciseStatus.TODO,
                    pack_title="" if pack_id == library.id else library.pack_title(pack_id),
                )
            )
        views.append(AssignmentView(assignment, tuple(items)))
    return views


def pending(views: Sequence[AssignmentView]) -> list[AssignmentView]:
    """The assignments with work left, soonest due first (the store's order)."""
    return [view for view in views if not view.done]


def views_json(views: Sequence[AssignmentView], today: datetime.date) -> list[dict[str, Any]]:
    """The ``homework`` key of ``bilan status --json`` and ``bilan homework list --json``."""
    return [
        {
            "id": view.homework.id,
            "pack": view.homework.pack_id,
            "due": view.homework.due.isoformat() if view.homework.due else None,
            "message": view.homework.message,
            "imported_at": (
                view.homework.imported_at.isoformat() if view.homework.imported_at else None
            ),
            "done": view.done,
            "overdue": view.overdue(today),
            "exercises": [
                {
                    "pack": item.pack_id,
                    "id": item.exercise_id,
                    "title": item.title,
                    "status": item.status.value,
                    "available": item.exercise is not None,
                }
                for item in view.exercises
            ],
        }
        for view in views
    ]
