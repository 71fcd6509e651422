"""What every exercise body shares: its exercise, its answers, its messages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget

from bilan_tui.domain.answers import Entry, ExerciseAnswers, JSONValue
from bilan_tui.domain.model import Exercise


@dataclass(frozen=True)
class ExerciseContext:
    """What a body may need beyond its own answers.

    Attributes:
        source_entries: Reads the record entries of another exercise of the
            same pack (the grid's tags, the matrix's options).
        answer_of: Reads one answer of another exercise of the same pack
            (a question asked only for some answers elsewhere, ``when``).
        delete_entry: Removes one record entry from the disk at once (pending
            edits are written first); raises if the disk refuses, so the body
            keeps the entry on screen rather than pretend it is gone.
        exercise_of: Finds another exercise of the workbook's pack by its id
            (the title and summary fields of the grid's or the matrix's source).
    """

    source_entries: Callable[[str], list[Entry]] = field(default=lambda _exercise_id: [])
    answer_of: Callable[[str, str], JSONValue] = field(default=lambda _exercise, _field: None)
    delete_entry: Callable[[str], None] = field(default=lambda _entry_id: None)
    exercise_of: Callable[[str], Exercise | None] = field(default=lambda _exercise_id: None)


class ExerciseBody(Vertical):
    """Base class of the widgets that answer one kind of exercise."""

    DEFAULT_CLASSES = "exercise-body"
    # As tall as its content, so the screen's scroll area scrolls it (a
    # ``Vertical`` is ``1fr`` by default and would clip long exercises).
    DEFAULT_CSS = """
    ExerciseBody {
        height: auto;
    }
    """

    class Edited(Message):
        """Values changed in memory and must reach the disk."""

        def __init__(self, keys: list[tuple[str, str]]) -> None:
            super().__init__()
            self.keys = keys

    def __init__(
        self, exercise: Exercise, answers: ExerciseAnswers, context: ExerciseContext
    ) -> None:
        super().__init__()
        self.exercise = exercise
        self.answers = answers
        self.context = context

    def catch_up(self) -> list[tuple[str, str]]:
        """Values shown but not yet reported (see ``FieldEditor.typed_value``); the keys changed.

        Called just before a save that may be the last (a signal, quitting);
        kinds without free text have nothing to catch up.
        """
        return []

    def edited(self, field_id: str, entry_id: str = "") -> None:
        """Tell the screen one value changed."""
        self.post_message(self.Edited([(field_id, entry_id)]))

    def initial_focus(self) -> Widget | None:
        """The widget to focus on opening (``None``: the first focusable one)."""
        return None

    def redraw(self) -> None:
        """Show the answers again: another screen changed them in memory (a lead added)."""

    def progress(self) -> tuple[int, int] | None:
        """Answered and total items, for kinds that count (``None`` otherwise)."""
        return None
