"""The ``pistes`` answers the explorer and the skills-gap screen write to.

When the ``pistes`` exercise is open somewhere in the screen stack (the person
came from it), its answers in memory are the ones edited, through its autosaver,
and its list is redrawn afterwards: a second copy would let its undo or its
next save put back what the other one changed. Otherwise the answers are read
from the workbook and written back at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bilan_tui.domain.answers import ExerciseAnswers
from bilan_tui.domain.model import Exercise
from bilan_tui.services.leads import LEADS_ID, Keys
from bilan_tui.services.session import WorkbookSession
from bilan_tui.ui.autosave import Autosaver
from bilan_tui.ui.holds_answers import HoldsAnswers


class LeadBook:
    """The leads, and how a change to them reaches the disk and the screen."""

    def __init__(
        self,
        session: WorkbookSession,
        exercise: Exercise,
        autosaver: Autosaver,
        redraw: Callable[[], None] = lambda: None,
    ) -> None:
        self.session = session
        self.exercise = exercise
        self._autosaver = autosaver
        self._redraw = redraw

    @property
    def answers(self) -> ExerciseAnswers:
        """The leads' answers in memory (edit them, then call :meth:`save`)."""
        return self._autosaver.answers

    def save(self, keys: Keys) -> str | None:
        """Write the changed keys now; the reason in words if the disk refused.

        A refused write stays pending in the autosaver, retried at its next flush.
        """
        for field_id, entry_id in keys:
            self._autosaver.mark(field_id, entry_id)
        self._redraw()
        if self._autosaver.flush():
            return None
        return self.session.describe_error(self._autosaver.last_error)


def lead_book(screens: Sequence[object], session: WorkbookSession) -> LeadBook | None:
    """The leads of ``session``'s pack, shared with an open ``pistes`` screen if any.

    ``screens`` is the app's screen stack, searched from the top.

    ``None`` when the pack has no ``pistes`` records exercise (a consultant's pack).
    """
    from bilan_tui.domain.model import Kind

    exercise = session.pack.exercise(LEADS_ID)
    if exercise is None or exercise.kind is not Kind.RECORDS:
        return None
    for screen in reversed(screens):
        if isinstance(screen, HoldsAnswers) and screen.exercise is exercise:
            return LeadBook(session, exercise, screen.autosaver, screen.redraw_body)
    autosaver = Autosaver(session.exercise_answers(exercise), session.save_answers)
    return LeadBook(session, exercise, autosaver)
