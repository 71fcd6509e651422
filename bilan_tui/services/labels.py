"""Translated names for things the pack does not name: phases and states."""

from __future__ import annotations

from bilan_tui.domain.model import ExerciseStatus
from bilan_tui.i18n import _

GLYPHS = {
    ExerciseStatus.TODO: "○",
    ExerciseStatus.STARTED: "◐",
    ExerciseStatus.DONE: "✓",
}


def phase_title(phase_id: str) -> str:
    """The name of a legal phase in the current language."""
    titles = {
        "preliminaire": _("Preliminary phase"),
        "investigation": _("Investigation phase"),
        "conclusions": _("Conclusions phase"),
    }
    return titles.get(phase_id, phase_id)


def status_label(status: ExerciseStatus) -> str:
    """A state as a person reads it, with its glyph."""
    names = {
        ExerciseStatus.TODO: _("to do"),
        ExerciseStatus.STARTED: _("in progress"),
        ExerciseStatus.DONE: _("done"),
    }
    return f"{GLYPHS[status]} {names[status]}"
