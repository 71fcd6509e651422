"""What the dashboard, ``bilan status`` and ``bilan homework list`` show of the homework.

An assignment lists exercises by (pack, id); the library lists them by ref.
This module joins the two with the statuses, so every screen shows the same
thing: what is due and when, each exercise with its state, the message.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bilan_tui.domain.model import Exercise, ExerciseStatus, Pack
from bilan_tui.domain.records import Homework
from bilan_tui.i18n import _, ngettext
from bilan_tui.packs.library import split_ref

if TYPE_CHECKING:
    from bilan_tui.services.homework.importer import ImportOutcome
    from bilan_tui.services.session import WorkbookSession


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


def already_done_message(view: AssignmentView) -> str:
    """What to say when some assigned exercises are already done, naming them; else ``""``.

    A consultant may assign an exercise the person finished on her own: the
    import must say so, or the panel (which hides finished homework) would
    look as if nothing had arrived.
    """
    done = [item.title for item in view.exercises if item.status is ExerciseStatus.DONE]
    if not done:
        return ""
    total = len(view.exercises)
    titles = ", ".join(done)
    if len(done) == total:
        text = ngettext(
            "The exercise of this homework is already done: {titles}.",
            "The {count} exercises of this homework are already done: {titles}.",
            total,
        ).format(count=total, titles=titles)
        return text + " " + _("You can open them again from your path to add to them.")
    return ngettext(
        "{done} of the {count} exercises of this homework is already done: {titles}.",
        "{done} of the {count} exercises of this homework are already done: {titles}.",
        len(done),
    ).format(done=len(done), count=total, titles=titles)


def already_done_of(session: WorkbookSession, outcome: ImportOutcome) -> str:
    """The "already done" sentence for the assignment just imported (see ``view.py``)."""
    for view in session.homework_views():
        if view.homework.id == outcome.homework.id:
            return already_done_message(view)
    return ""


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


def synthesis_received(outcome: ImportOutcome) -> str:
    """The sentence saying the consultant's part arrived ("" when the file carried none)."""
    part = outcome.synthesis
    if part is None:
        return ""
    author = ", ".join(item for item in (part.name, part.organisation) if item)
    if author:
        return _(
            "The part of your synthesis written by {author} is in your workbook "
            "(“The consultant's synthesis”): your synthesis is no longer a draft."
        ).format(author=author)
    return _(
        "The part of your synthesis written by the person who accompanies you is in your "
        "workbook (“The consultant's synthesis”): your synthesis is no longer a draft."
    )
