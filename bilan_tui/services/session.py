"""A workbook opened with a pack: what the interface and the commands work with.

The session joins the content (a :class:`Pack`) and the storage (a store
``Workbook``) and answers questions in domain terms: an exercise's answers,
its status, the dashboard's data, the status report. It imports no Textual,
so the command line uses it too.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import sqlite3
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from bilan_tui.domain.answers import Answer, Entry, ExerciseAnswers
from bilan_tui.domain.follow_up import (
    FOLLOW_UP_DATE,
    FOLLOW_UP_EXERCISE,
    INTERVIEW_EXERCISE,
    FollowUpReminder,
    reminder,
)
from bilan_tui.domain.journal import (
    SessionNote,
    last_debrief,
    next_planned,
    open_todo,
    with_ticked,
)
from bilan_tui.domain.ledger import LedgerSummary, summarise_totals
from bilan_tui.domain.model import Exercise, ExerciseStatus, Pack
from bilan_tui.domain.progress import next_exercise
from bilan_tui.domain.records import Consent, LedgerEntry
from bilan_tui.i18n import _
from bilan_tui.services.auto_hours import AutoHours
from bilan_tui.services.dashboard_data import (
    PLAN_EXERCISE,
    DashboardData,
    JournalView,
    planned_hours,
)
from bilan_tui.services.status_report import StatusReport, build_status_report

if TYPE_CHECKING:
    from bilan_tui.services.homework.importer import ImportOutcome
    from bilan_tui.services.homework.view import AssignmentView
    from bilan_tui.store.repository import Workbook


class WorkbookSession:
    """One open workbook and the pack it is answered with.

    ``pack`` may be a library (the shipped pack with installed packs merged
    in, see ``bilan_tui.packs.library``): statuses are then keyed by
    ``Exercise.ref`` and every read or write uses the exercise's own pack id.

    Attributes:
        data_dir: Where installed packs and referentials live, given when the
            session is built (``--data-dir``); ``None`` means the default data
            directory, asked for when needed.
    """

    def __init__(
        self,
        pack: Pack,
        workbook: Workbook,
        *,
        clock: Callable[[], float] = time.monotonic,
        today: Callable[[], datetime.date] = datetime.date.today,
        data_dir: Path | None = None,
    ) -> None:
        """Join a pack and an open workbook.

        Args:
            pack: The content the workbook is answered with.
            workbook: The open store.
            clock: Monotonic seconds, for automatic hours (a fake in tests).
            today: The local date, for automatic hours (a fake in tests).
            data_dir: Where installed packs and referentials live (``--data-dir``);
                ``None``: the default data directory, asked when needed.
        """
        self.data_dir = data_dir
        self.pack = pack
        self.workbook = workbook
        self.today = today
        self.auto_hours = AutoHours(workbook, clock, today)

    @classmethod
    def open(
        cls,
        path: Path,
        pack: Pack,
        *,
        language: str,
        create: bool,
        integrity: bool = True,
        data_dir: Path | None = None,
    ) -> WorkbookSession:
        """Open the workbook at ``path`` (this imports the storage layer).

        Args:
            path: The workbook's file.
            pack: The content it is answered with.
            language: Stored in a new workbook.
            create: Whether a missing file may be created.
            integrity: Check every page first (see ``open_workbook``); the
                interface checks in the background instead.
            data_dir: See :meth:`__init__`.
        """
        from bilan_tui.store.repository import open_workbook

        workbook = open_workbook(path, language=language, create=create, integrity=integrity)
        session = cls(pack, workbook, data_dir=data_dir)
        session.use_homework_packs()
        return session

    def use_homework_packs(self) -> None:
        """Add the packs this workbook's homework carried, their assigned exercises only.

        ``pack`` must then be the shared library (the shipped pack and the
        packs of ``bilan pack install``); another workbook never sees these.
        """
        from bilan_tui import paths

        if not paths.homework_packs_dir(self.path).is_dir():
            return  # no homework pack: no query, no parsing
        from bilan_tui.packs.library import workbook_library

        assigned = {entry for homework in self.workbook.homework() for entry in homework.exercises}
        self.pack = workbook_library(self.pack, self.path, assigned)

    @property
    def path(self) -> Path:
        """The workbook's file."""
        return self.workbook.path

    def close(self, *, back_up: bool = True) -> None:
        """Write the automatic hours still counted, back up what changed, release the database.

        Args:
            back_up: Take a backup if this session changed anything (the
                recovery copy must hold today's work, not the first day's);
                False only when the workbook is about to be wiped.
        """
        with contextlib.suppress(Exception):  # closing anyway; a few minutes of auto time
            self.auto_hours.end(final=True)
        if back_up:
            with contextlib.suppress(Exception):  # a full disk must not keep the file open
                self.workbook.automatic_backup(closing=True)
        self.workbook.close()

    # Answers -----------------------------------------------------------------

    def exercise_answers(self, exercise: Exercise) -> ExerciseAnswers:
        """Every stored value of one exercise."""
        return self.workbook.exercise_answers(exercise.pack_id or self.pack.id, exercise.id)

    def save_answers(self, answers: Iterable[Answer]) -> None:
        """Write a batch of answers in one transaction."""
        self.workbook.save_answers(answers)

    def source_entries(self, exercise_id: str) -> list[Entry]:
        """The record entries of another exercise (a ``source``: an id or a ref).

        A source need not be listed: a homework may assign a consultant's grid
        without the exercise its rows come from; its answers are still read
        under their own pack id.
        """
        source = self.pack.exercise(exercise_id)
        if source is None:
            from bilan_tui.packs.library import split_ref

            pack_id, bare_id = split_ref(exercise_id, self.pack.id)
            return self.workbook.exercise_answers(pack_id, bare_id).entries()
        return self.exercise_answers(source).entries()

    # States --------------------------------------------------------------------

    def statuses(self) -> dict[str, ExerciseStatus]:
        """Every exercise's status, ``todo`` included, keyed by ``Exercise.ref``."""
        by_pack: dict[str, list[Exercise]] = {}
        for exercise in self.pack.exercises:
            by_pack.setdefault(exercise.pack_id or self.pack.id, []).append(exercise)
        statuses: dict[str, ExerciseStatus] = {}
        for pack_id, exercises in by_pack.items():
            found = self.workbook.statuses(pack_id, [exercise.id for exercise in exercises])
            for exercise in exercises:
                statuses[exercise.ref] = found.get(exercise.id, ExerciseStatus.TODO)
        return statuses

    def status(self, exercise: Exercise) -> ExerciseStatus:
        """One exercise's status."""
        found = self.workbook.statuses(exercise.pack_id or self.pack.id, [exercise.id])
        return found.get(exercise.id, ExerciseStatus.TODO)

    def set_done(self, exercise: Exercise, done: bool) -> ExerciseStatus:
        """Mark an exercise as done (or not) and return its new status."""
        self.workbook.set_done(exercise.pack_id or self.pack.id, exercise.id, done)
        return self.status(exercise)

    # Hours ----------------------------------------------------------------------

    def note_activity(self, exercise: Exercise) -> None:
        """The person is in ``exercise`` and typed or moved: personal time counts.

        The first call for an exercise starts counting; each later one counts
        the time since the previous one if it is under five minutes.
        """
        self.auto_hours.note(exercise.id, exercise.phase)

    def flush_activity(self) -> int:
        """Write the whole minutes counted in the open exercise; returns them."""
        return self.auto_hours.flush()

    def end_activity(self, exercise: Exercise | None = None) -> int:
        """``exercise`` was left (``None``: all): stop counting, write what is due.

        Returns:
            The minutes written.
        """
        return self.auto_hours.end(exercise.id if exercise else None)

    def ledger(self) -> list[LedgerEntry]:
        """Every ledger entry, by date then in the order they were added."""
        return self.workbook.ledger()

    def add_ledger_entry(self, entry: LedgerEntry) -> LedgerEntry:
        """Store a checked entry; returns it with its id."""
        return self.workbook.add_ledger_entry(entry)

    def update_ledger_entry(self, entry: LedgerEntry) -> bool:
        """Replace a stored entry; whether it still existed."""
        return self.workbook.update_ledger_entry(entry)

    def delete_ledger_entry(self, entry_id: int) -> bool:
        """Remove an entry; whether it existed."""
        return self.workbook.delete_ledger_entry(entry_id)

    # Session journal ------------------------------------------------------------

    def session_notes(self) -> list[SessionNote]:
        """Every journal page, planned and held."""
        return self.workbook.session_notes()

    def save_session_note(self, note: SessionNote) -> SessionNote:
        """Store a journal page; returns it with its id."""
        return self.workbook.save_session_note(note)

    def delete_session_note(self, note_id: int) -> bool:
        """Remove a page (a planned session given up)."""
        return self.workbook.delete_session_note(note_id)

    def hold_session(self, note: SessionNote, entry: LedgerEntry) -> SessionNote:
        """A planned session took place: its hours enter the ledger, linked to its page."""
        page, _entry = self.workbook.hold_session(note, entry)
        return page

    def tick_todo(self, note_id: int, index: int, done: bool = True) -> SessionNote | None:
        """Tick one "to do by next time" item; ``None`` if the page is gone."""
        with self.workbook.transaction():
            for note in self.workbook.session_notes():
                if note.id == note_id and 0 <= index < len(note.todo):
                    return self.workbook.save_session_note(with_ticked(note, index, done))
        return None

    def journal_view(self) -> JournalView:
        """What the dashboard shows of the journal: the next session, the open items."""
        notes = self.session_notes()
        ledger = self.workbook.ledger_entries(n.entry_id for n in notes if n.entry_id is not None)
        debrief = last_debrief(notes, ledger)
        return JournalView(
            next=next_planned(notes, self.today()),
            todo=tuple(open_todo(notes, ledger)),
            todo_note=None if debrief is None else debrief.id,
        )

    def follow_up_reminder(self) -> FollowUpReminder | None:
        """The follow-up interview to remind her of today, if any."""
        exercise = self.pack.exercise(FOLLOW_UP_EXERCISE)
        if exercise is None:
            return None
        value = self.exercise_answers(exercise).get(FOLLOW_UP_DATE)
        interview = self.pack.exercise(INTERVIEW_EXERCISE)
        recorded = interview is not None and self.status(interview) is ExerciseStatus.DONE
        found = reminder(value, self.today(), recorded=recorded)
        if found is None or interview is None:
            return found
        return dataclasses.replace(found, title=interview.title)

    # Views ---------------------------------------------------------------------

    def display_name(self) -> str:
        """The name shown in the title and the documents: hers, else "My bilan".

        Never the workbook's file name: ``default`` is not a person (see
        ``bilan_tui.services.person``, where she gives it).
        """
        from bilan_tui.services.person import person_name

        return person_name(self) or _("My bilan")

    def dashboard_data(self) -> DashboardData:
        """What the dashboard needs, read in one go."""
        statuses = self.statuses()
        return DashboardData(
            display_name=self.display_name(),
            statuses=statuses,
            next_exercise=next_exercise(self.pack, statuses, self.workbook.homework()),
            hours=self.ledger_summary(),
            homework=self.homework_views(statuses),
            journal=self.journal_view(),
            follow_up=self.follow_up_reminder(),
        )

    def planned_hours(self) -> dict[str, float | None]:
        """Hours planned per phase, as agreed in ``modalites``."""
        return planned_hours(self.workbook.exercise_answers(self.pack.id, PLAN_EXERCISE))

    def ledger_summary(self) -> LedgerSummary:
        """The hours ledger, added up against the 24 h and the plan."""
        return summarise_totals(self.workbook.ledger_totals(), self.planned_hours())

    def status_report(self) -> StatusReport:
        """The report behind ``bilan status`` (its ``to_json()`` is ``--json``)."""
        statuses = self.statuses()
        return build_status_report(
            self.pack,
            statuses,
            hours=self.ledger_summary(),
            next_id=next_exercise(self.pack, statuses, self.workbook.homework()),
            homework=self.homework_views(statuses),
            today=self.today(),
            consents=self.consents(),
            follow_up=self.follow_up_reminder(),
        )

    # Consents -------------------------------------------------------------------

    def consents(self) -> list[Consent]:
        """Every export the person agreed to make for someone else, oldest first."""
        return self.workbook.consents()

    def record_consent(self, consent: Consent) -> Consent:
        """Record the person's agreement to an export; returns it dated."""
        return self.workbook.add_consent(consent)

    # Homework -------------------------------------------------------------------

    def homework_views(
        self, statuses: dict[str, ExerciseStatus] | None = None
    ) -> list[AssignmentView]:
        """Every imported assignment with its exercises' states, soonest due first."""
        from bilan_tui.services.homework.view import assignment_views

        if statuses is None:
            statuses = self.statuses()
        return assignment_views(self.workbook.homework(), self.pack, statuses)

    def import_homework(self, path: Path) -> ImportOutcome:
        """Import a homework file and use the library with the pack it carried.

        Raises:
            HomeworkError: the file cannot be used (nothing written).
        """
        from bilan_tui import paths
        from bilan_tui.services.homework.importer import import_homework

        data_dir = self.data_dir or paths.data_dir()
        outcome = import_homework(
            path, self.workbook, data_dir, self.pack, self.today(), workbook=self.path
        )
        self.pack = outcome.library
        return outcome

    @staticmethod
    def describe_error(error: BaseException | None) -> str:
        """One line a person can read, for any failure."""
        from bilan_tui.store.errors import WorkbookError

        if error is None:
            return _("unknown error")
        if isinstance(error, WorkbookError):
            return str(error)
        if isinstance(error, OSError):
            from bilan_tui.system_words import os_failure

            return _("the system refused: {reason}").format(reason=os_failure(error))
        if isinstance(error, sqlite3.Error) or type(error).__module__.startswith("sqlalchemy"):
            return _("the workbook could not be written ({kind})").format(kind=type(error).__name__)
        return _("unexpected error ({kind})").format(kind=type(error).__name__)
