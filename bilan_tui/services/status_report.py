"""``bilan status``: progress per phase and exercise, hours, homework, consents, follow-up.

The report is typed (frozen dataclasses) from the session to the command
line, so the text printer reads ``exercise.status is ExerciseStatus.DONE``
rather than a string key that a typo would silently miss; JSON exists only at
the ``--json`` edge, through :meth:`StatusReport.to_json`, whose keys and their
order are a contract for scripts (DESIGN §9).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from bilan_tui.domain.answers import JSONValue
from bilan_tui.domain.follow_up import FollowUpReminder, reminder_json
from bilan_tui.domain.ledger import LedgerSummary, summarise
from bilan_tui.domain.ledger import to_json as ledger_json
from bilan_tui.domain.model import ExerciseStatus, Kind, Pack
from bilan_tui.domain.progress import next_exercise
from bilan_tui.domain.records import Consent

if TYPE_CHECKING:
    from bilan_tui.services.homework.view import AssignmentView


@dataclass(frozen=True, slots=True)
class ExerciseProgress:
    """One exercise of the report.

    Attributes:
        id: The exercise's ref in the library (``pack:id`` for an installed pack's).
        pack: The pack it comes from.
        title: Its title, as the pack writes it (not cleaned: JSON carries it as is).
        kind: Its kind.
        status: Where the person is with it.
    """

    id: str
    pack: str
    title: str
    kind: Kind
    status: ExerciseStatus

    def to_json(self) -> dict[str, JSONValue]:
        """The exercise as ``bilan status --json`` lists it."""
        return {
            "id": self.id,
            "pack": self.pack,
            "title": self.title,
            "kind": self.kind.value,
            "status": self.status.value,
        }


@dataclass(frozen=True, slots=True)
class PhaseProgress:
    """One phase of the report and its exercises, in the pack's order."""

    id: str
    exercises: tuple[ExerciseProgress, ...]

    @property
    def done(self) -> int:
        """How many of its exercises are done."""
        return sum(1 for item in self.exercises if item.status is ExerciseStatus.DONE)

    @property
    def total(self) -> int:
        """How many exercises it holds."""
        return len(self.exercises)

    def to_json(self) -> dict[str, JSONValue]:
        """The phase as ``bilan status --json`` lists it."""
        return {
            "id": self.id,
            "done": self.done,
            "total": self.total,
            "exercises": [item.to_json() for item in self.exercises],
        }


@dataclass(frozen=True, slots=True)
class StatusReport:
    """Everything ``bilan status`` tells.

    Attributes:
        pack: The library the workbook is answered with.
        phases: Progress per phase.
        next: The suggested next step (an exercise ref), if any.
        hours: The ledger added up.
        homework: Every imported assignment with its exercises' states.
        today: The day the report is made (an assignment's "overdue" depends on it).
        consents: Every export made for someone else.
        follow_up: The follow-up reminder, if one is due.
    """

    pack: Pack
    phases: tuple[PhaseProgress, ...]
    next: str | None
    hours: LedgerSummary
    homework: tuple[AssignmentView, ...] = ()
    today: datetime.date | None = None
    consents: tuple[Consent, ...] = ()
    follow_up: FollowUpReminder | None = None

    def to_json(self) -> dict[str, JSONValue]:
        """The report as ``bilan status --json`` prints it, key for key and in this order."""
        homework: list[JSONValue] = []
        if self.homework:
            from bilan_tui.services.homework.view import views_json

            homework = list(views_json(self.homework, self.today or datetime.date.today()))
        return {
            "pack": {
                "id": self.pack.id,
                "version": self.pack.version,
                "language": self.pack.language,
            },
            "phases": [phase.to_json() for phase in self.phases],
            "next": self.next,
            "hours": ledger_json(self.hours),
            "homework": homework,
            "consents": [consent.to_json() for consent in self.consents],
            "follow_up": cast(JSONValue, reminder_json(self.follow_up)),
        }


def phase_progress(pack: Pack, statuses: Mapping[str, ExerciseStatus]) -> tuple[PhaseProgress, ...]:
    """Progress per phase of ``pack``; an exercise without a status is to do."""
    return tuple(
        PhaseProgress(
            phase.id,
            tuple(
                ExerciseProgress(
                    id=exercise.ref,
                    pack=exercise.pack_id or pack.id,
                    title=exercise.title,
                    kind=exercise.kind,
                    status=statuses.get(exercise.ref, ExerciseStatus.TODO),
                )
                for exercise in phase.exercises
            ),
        )
        for phase in pack.phases
    )


def empty_status_report(pack: Pack) -> StatusReport:
    """The status of a workbook that has no answer yet."""
    return StatusReport(
        pack=pack,
        phases=phase_progress(pack, {}),
        next=next_exercise(pack, {}),
        hours=summarise([], {}),
    )


def build_status_report(
    pack: Pack,
    statuses: Mapping[str, ExerciseStatus],
    *,
    hours: LedgerSummary,
    next_id: str | None,
    homework: Sequence[AssignmentView] = (),
    today: datetime.date | None = None,
    consents: Sequence[Consent] = (),
    follow_up: FollowUpReminder | None = None,
) -> StatusReport:
    """The report of an open workbook, from what the session read."""
    return StatusReport(
        pack=pack,
        phases=phase_progress(pack, statuses),
        next=next_id,
        hours=hours,
        homework=tuple(homework),
        today=today,
        consents=tuple(consents),
        follow_up=follow_up,
    )
