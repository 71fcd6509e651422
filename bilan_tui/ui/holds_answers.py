"""The screens that hold unsaved answers, known without importing them.

The exercise screen pulls in Markdown and every kind of exercise; the app and
the lead book must find it in the screen stack (to save it before quitting, to
edit the leads it shows) without importing it before it was ever shown. They
look for this small base class instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bilan_tui.domain.model import Exercise
    from bilan_tui.ui.autosave import Autosaver


class HoldsAnswers:
    """A screen whose answers live in memory until :meth:`save` writes them.

    Attributes:
        exercise: The exercise whose answers it holds.
        autosaver: The answers in memory and what is pending for the disk.
    """

    exercise: Exercise
    autosaver: Autosaver

    def save(self) -> bool:
        """Write whatever is pending; False if the disk refused (the screen says so)."""
        raise NotImplementedError

    def redraw_body(self) -> None:
        """Show the answers again: another screen changed them in memory."""
        raise NotImplementedError
