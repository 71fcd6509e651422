"""What every exercise body shares: its exercise, its answers, its messages.

Also what the kinds would otherwise each write again (#22): the editor of a
field (:func:`field_editor`), recording a value it reports (one
``FieldEditor.Changed`` handler, :meth:`ExerciseBody.keep_field`) and the
exercise a body draws from (:meth:`ExerciseBody.source_exercise`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from textual import on
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget

from bilan_tui.domain.answers import Entry, ExerciseAnswers, JSONValue
from bilan_tui.domain.model import Exercise
from bilan_tui.domain.parts import Field
from bilan_tui.ui.widgets.fields import FieldEditor


def field_editor(field: Field, value: JSONValue, *, editor_id: str | None = None) -> FieldEditor:
    """The editor of one field, with the id every kind gives it.

    Written once so that ``#field-<id>`` (what the exercise screen, the tests
    and the snapshots look for) cannot differ from one kind to the next.
    Helpers that are not bodies (a card sort step, a record's editor) call
    it with the value they hold.

    Args:
        field: The question to edit.
        value: Its current answer (``None`` when unanswered).
        editor_id: Another widget id, for a field made up on the spot (a
            card's definition); ``field-<field id>`` otherwise.
    """
    return FieldEditor(field, value, id=editor_id or f"field-{field.id}")


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
        edited: Tells the screen at once that values changed (what an
            ``Edited`` message tells it one message later), for a body whose
            key must be drawn in one frame with the screen's counter
            (:meth:`ExerciseBody.edited_now`); ``None``: the message is posted.
    """

    source_entries: Callable[[str], list[Entry]] = field(default=lambda _exercise_id: [])
    answer_of: Callable[[str, str], JSONValue] = field(default=lambda _exercise, _field: None)
    delete_entry: Callable[[str], None] = field(default=lambda _entry_id: None)
    exercise_of: Callable[[str], Exercise | None] = field(default=lambda _exercise_id: None)
    edited: Callable[[list[tuple[str, str]]], None] | None = None


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

    def field_editor(self, field: Field, *, editor_id: str | None = None) -> FieldEditor:
        """The editor of one of this exercise's fields, showing its answer.

        See :func:`field_editor`; the answer is read here so that no kind
        passes another exercise's value by mistake.
        """
        return field_editor(field, self.answers.get(field.id), editor_id=editor_id)

    @on(FieldEditor.Changed)
    def _field_changed(self, event: FieldEditor.Changed) -> None:
        """Every editor below the body reports here, the steps' and helpers' included."""
        event.stop()
        self.keep_field(event)

    def keep_field(self, event: FieldEditor.Changed) -> None:
        """Record a value an editor reports and tell the screen, if it changed.

        Overridden where a value belongs elsewhere (a record's entry). It is a
        plain method, not a second ``@on`` handler, because Textual calls the
        handlers of every class in the MRO: a subclass's own handler would run
        as well as this one, not instead of it.
        """
        if self.answers.change(event.field_id, event.value):
            self.edited(event.field_id)

    @property
    def source_id(self) -> str:
        """The id of the exercise this one draws from (``""``: none)."""
        return self.exercise.source.exercise if self.exercise.source else ""

    def source_exercise(self) -> Exercise | None:
        """The exercise this one draws from, if the workbook's pack has it.

        Only the title and summary fields are read from it; a body tested on
        its own has no pack, and its source is then simply unnamed.
        """
        return self.context.exercise_of(self.source_id) if self.source_id else None

    def source_record_entries(self) -> list[Entry]:
        """The record entries of the source exercise (the grid's tags, the matrix's leads)."""
        return self.context.source_entries(self.source_id) if self.source_id else []

    def catch_up(self) -> list[tuple[str, str]]:
        """Values shown but not yet reported (see ``FieldEditor.typed_value``); the keys changed.

        Called just before a save that may be the last (a signal, quitting);
        kinds without free text have nothing to catch up.
        """
        return []

    def edited(self, field_id: str, entry_id: str = "") -> None:
        """Tell the screen one value changed."""
        self.post_message(self.Edited([(field_id, entry_id)]))

    def edited_now(self, field_id: str, entry_id: str = "") -> None:
        """Tell the screen one value changed, before this handler returns.

        A questionnaire's digit repaints the item and the "12 / 48" counter:
        told through a message, the screen redraws the counter in a second
        frame, a second pass over every widget on each key (DESIGN §12).
        Call it once the body's own state is up to date, as the screen reads
        the progress at once.
        """
        if self.context.edited is None:
            self.edited(field_id, entry_id)
        else:
            self.context.edited([(field_id, entry_id)])

    def initial_focus(self) -> Widget | None:
        """The widget to focus on opening (``None``: the first focusable one)."""
        return None

    def redraw(self) -> None:
        """Show the answers again: another screen changed them in memory (a lead added)."""

    def progress(self) -> tuple[int, int] | None:
        """Answered and total items, for kinds that count (``None`` otherwise)."""
        return None
