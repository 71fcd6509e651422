"""What the dashboard shows, and the quick way to read it before the storage layer loads.

``WorkbookSession.dashboard_data`` gives it from the open workbook;
:func:`quick_dashboard_data` gives the same from a read-only ``sqlite3`` read,
so that the dashboard settles before SQLAlchemy is imported (DESIGN §12).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from bilan_tui.domain.answers import ExerciseAnswers
from bilan_tui.domain.follow_up import FollowUpReminder
from bilan_tui.domain.journal import SessionNote, TodoItem
from bilan_tui.domain.ledger import LedgerSummary, summarise_totals
from bilan_tui.domain.model import PHASE_IDS, ExerciseStatus, Pack
from bilan_tui.domain.progress import exercise_status, next_exercise
from bilan_tui.i18n import _

if TYPE_CHECKING:
    from bilan_tui.services.homework.view import AssignmentView


@dataclass(frozen=True)
class JournalView:
    """What the dashboard shows of the session journal.

    Attributes:
        next: The soonest planned session from today on, if any.
        todo: The open items of the last debriefed session, with their index in its list.
        todo_note: The id of that session's journal page (where ticking an item writes).
    """

    next: SessionNote | None = None
    todo: tuple[tuple[int, TodoItem], ...] = ()
    todo_note: int | None = None


@dataclass(frozen=True)
class DashboardData:
    """Everything the dashboard shows once the workbook is open."""

    display_name: str
    statuses: dict[str, ExerciseStatus]
    next_exercise: str | None
    homework: list[AssignmentView] | None = None
    """Every imported assignment with its exercises' states, soonest due first.

    ``None`` when the quick read cannot tell (an assignment names an exercise
    its preview pack lacks): the full open, a moment later, brings them.
    """
    hours: LedgerSummary | None = None
    journal: JournalView | None = field(default=None, compare=False)
    """The next session and the open items (``WorkbookSession.journal_view``).

    ``None`` in the quick read: the journal panel waits for the full open,
    a moment later, so comparing a quick read with a full one leaves it out.
    """
    follow_up: FollowUpReminder | None = field(default=None, compare=False)
    """The follow-up reminder due today (``FollowUpReminder``), full open only."""


PLAN_EXERCISE = "modalites"
"""The exercise where the hours planned per phase are agreed."""


def planned_hours(modalites: ExerciseAnswers) -> dict[str, float | None]:
    """Hours planned per phase, from the answers of ``modalites``."""
    planned: dict[str, float | None] = {}
    for phase_id in PHASE_IDS:
        value = modalites.get(f"heures_{phase_id}")
        planned[phase_id] = float(value) if isinstance(value, (int, float)) else None
    return planned


def quick_dashboard_data(path: Path, pack: Pack) -> DashboardData | None:
    """The dashboard's data read with ``sqlite3`` alone, before the storage layer is imported.

    The same data as :meth:`WorkbookSession.dashboard_data` for ``pack``,
    minus the homework when an assignment names an exercise ``pack`` lacks
    (a preview pack does not list installed packs: the full open shows it).
    ``None`` when the file does not exist yet or cannot be read that way.
    """
    from bilan_tui.services.homework.view import assignment_views
    from bilan_tui.store.quick_read import read_quick_view

    view = read_quick_view(path, pack.id, PLAN_EXERCISE)
    if view is None:
        return None
    statuses: dict[str, ExerciseStatus] = {}
    for exercise in pack.exercises:
        key = (exercise.pack_id or pack.id, exercise.id)
        statuses[exercise.ref] = exercise_status(key in view.answered, key in view.done)
    homework = None
    if all(pack.exercise(ref) for item in view.homework for ref in item.exercises):
        homework = assignment_views(view.homework, pack, statuses)
    return DashboardData(
        display_name=view.display_name or _("My bilan"),
        statuses=statuses,
        next_exercise=next_exercise(pack, statuses, view.homework),
        hours=summarise_totals(view.hours, planned_hours(view.plan)),
        homework=homework,
    )
