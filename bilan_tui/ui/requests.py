"""Requests a widget deep in a screen sends up to the app (screens never import the app)."""

from __future__ import annotations

from textual.message import Message


class ExploreOccupations(Message):
    """Open the occupation explorer."""


class OpenSkillsGap(Message):
    """Open the skills gap of one lead (an entry of ``pistes``)."""

    def __init__(self, entry_id: str) -> None:
        super().__init__()
        self.entry_id = entry_id


class OpenExercise(Message):
    """Open one exercise of the pack (the command palette asks)."""

    def __init__(self, exercise_id: str) -> None:
        super().__init__()
        self.exercise_id = exercise_id
